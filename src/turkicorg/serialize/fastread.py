"""The fast path for reading meetings: the strict converter's results at a fraction of its cost.

A registry of 100,000 meetings goes through the strict converter at about 30 µs a meeting.
The reader here builds the same objects from the same plain data much faster: exact type
checks, lookup tables for enumerations, caches for dates, places and participants (equal
values, one shared frozen object), attributes set directly on a new instance (the converters
would only repeat the checks), then the class's own ``__attrs_post_init__``, so every
invariant is checked by the model's code. Any doubt (a missing key, an unexpected type, a
broken invariant) makes it decline, and the strict converter handles the whole input, so the
results, and the errors, are the strict path's. tests/test_serialize_fast.py proves both
paths accept, reject and build the same.

The meeting reader is generated from the field table (:data:`~.fields.MEETING_FIELDS`), as
attrs generates ``__init__``: one check or conversion per field, chosen by the field's kind.
A field added to :class:`~turkicorg.Meeting` is read here without any change.
"""

from __future__ import annotations

import functools
import operator
import typing
from typing import Any, Final

import attrs

from turkicorg.dates import PartialDate
from turkicorg.errors import InvalidDataError, TurkicOrgError
from turkicorg.meetings import Meeting, Participant, Place
from turkicorg.registry import MeetingRegistry, registry_problems
from turkicorg.serialize.common import FORMAT, VERSION, Reject, Switch, find_surrogate
from turkicorg.serialize.fastvalues import (
    ALTERNATIVE,
    DAY_FIELDS,
    NO,
    PARTICIPANT,
    PLACE,
    RECORD_KINDS,
    read_alternatives,
    read_date,
    read_participants,
    read_place,
    read_strings,
    slot_setter,
)
from turkicorg.serialize.fields import MEETING_FIELDS, FieldSpec, Kind

if typing.TYPE_CHECKING:
    from collections.abc import Callable

__all__ = [
    "DECLINES",
    "FAST_PATH",
    "LAYOUT_LIMIT",
    "READABLE_KINDS",
    "READ_MEETING",
    "SCAN_DECLINES",
    "FastPath",
    "always_true",
    "build_registry",
    "fast_meeting",
    "fast_meetings",
    "fast_registry_document",
    "make_reader",
    "reader_applies",
]


READABLE_KINDS: Final = frozenset(Kind) - {Kind.OTHER}
"""The kinds of meeting field the generated reader handles."""
DECLINES: Final = (Reject, LookupError, TypeError, ValueError, AttributeError, TurkicOrgError)
"""What the generated reader raises when it declines an input (the strict path then reads)."""
SCAN_DECLINES: Final = (StopIteration, RecursionError, MemoryError, IndexError, *DECLINES)
"""What makes a reader of a whole document decline: :data:`DECLINES`, and what the JSON scanner
raises for text it does not read (the strict path then parses and reports it)."""
_REGISTRY_KEYS: Final = frozenset(("format", "version", "type", "meetings"))


_CONVERT: Final[dict[Kind, tuple[str, ...]]] = {
    Kind.TEXT: ("if type({v}) is not str or (not {v}.isascii() and _surrogate({v})):",),
    Kind.OPTIONAL_TEXT: (
        (
            "if {v} is not None and (type({v}) is not str"
            " or (not {v}.isascii() and _surrogate({v}))):"
        ),
    ),
    Kind.OPTIONAL_INT: ("if {v} is not None and type({v}) is not int:",),
    Kind.CHOICE: ("if type({v}) is not str:", "{v} = {c}[{v}]"),
    Kind.DATE: ("if type({v}) is not str:", "{v} = dates.get({v}) or _date({v}, dates)"),
    Kind.OPTIONAL_DATE: (
        "if {v} is not None and type({v}) is not str:",
        "if {v} is not None: {v} = dates.get({v}) or _date({v}, dates)",
    ),
    Kind.OPTIONAL_PLACE: (
        (
            "if {v} is not None:"
            " {v} = (objects is tuple and places.get({v})) or _place({v}, places, objects)"
        )
        if PLACE.by_pairs
        else "if {v} is not None: {v} = _place({v}, places, objects)",
    ),
    Kind.PARTICIPANTS: (
        (
            "{v} = found if objects is tuple and type({v}) is list"
            " and all(found := tuple(map(people.get, {v})))"
            " else _participants({v}, people, objects)"
        )
        if PARTICIPANT.by_pairs
        else "{v} = _participants({v}, people, objects)",
    ),
    Kind.TEXTS: ("{v} = _strings({v})",),
    Kind.ALTERNATIVES: ("{v} = _alternatives({v}, objects)",),
}
"""The lines that check or convert a field's value ``{v}``; a line ending in ``:`` is a
condition that rejects the input."""


_NULLABLE: Final = frozenset(
    (Kind.OPTIONAL_TEXT, Kind.OPTIONAL_INT, Kind.OPTIONAL_DATE, Kind.OPTIONAL_PLACE)
)


def _absent_is_none(spec: FieldSpec) -> bool:
    """True when a missing key means None: the default is None, and null is allowed."""
    return spec.default is None and spec.kind in _NULLABLE


def _field_lines(index: int, spec: FieldSpec, namespace: dict[str, Any]) -> list[str]:
    """The generated lines reading field number ``index`` (its value is in ``v<index>``)."""
    names = {"v": f"v{index}", "c": f"_choices{index}"}
    namespace[f"_choices{index}"] = spec.choices
    body: list[str] = []
    for line in _CONVERT[spec.kind]:
        text = line.format(**names)
        body += [text, "    raise _Reject"] if text.endswith(":") else [text]
    if spec.required:
        return [f"if v{index} is _NO: raise _Reject", *body]
    if _absent_is_none(spec):
        return body  # absent is None, which these kinds accept as it is
    namespace[f"_default{index}"] = spec.default
    return [
        f"if v{index} is _NO: v{index} = _default{index}",
        "else:",
        *("    " + line for line in body),
    ]


def reader_applies(cls: type, specs: tuple[FieldSpec, ...]) -> bool:
    """True when :func:`make_reader` can read ``cls``: slotted, every field of a known kind.

    Defaults made by a function (``attrs.Factory``) and field validators are left to the
    strict path, and so are nested objects with fields of other kinds, and shared values
    (dates, places, participants) that can be false.
    """
    nested = (PLACE, PARTICIPANT, ALTERNATIVE)
    return (
        "__slots__" in cls.__dict__
        and all(spec.kind in READABLE_KINDS for spec in specs)
        and not any(isinstance(spec.default, attrs.Factory) for spec in specs)  # type: ignore[arg-type]
        and all(f.validator is None for f in attrs.fields(cls))
        and all(f.kind in RECORD_KINDS for record in nested for f in record.fields)
        and tuple(f.name for f in attrs.fields(PartialDate)) == DAY_FIELDS
        and "__slots__" in PartialDate.__dict__
        and all(always_true(shared) for shared in (PartialDate, Place, Participant))
    )


def always_true(cls: type) -> bool:
    """True when every instance of ``cls`` is true (the reader tells a cached value by ``or``)."""
    return not hasattr(cls, "__bool__") and not hasattr(cls, "__len__")


_TAIL: Final = (None, NO)
"""Appended to an object's values: what a field whose key is absent reads (None or ``NO``)."""
LAYOUT_LIMIT: Final = 256
"""How many orders of keys a reader keeps; it forgets them all when one more comes."""


def _layout(
    layouts: dict[tuple[str, ...], Callable[[tuple[Any, ...]], Any]],
    specs: tuple[FieldSpec, ...],
    keys: tuple[str, ...],
) -> Callable[[tuple[Any, ...]], Any]:
    """How to take the fields' values, in field order, from values given in ``keys``' order.

    The function returned (giving a tuple of values, or the value when there is one field)
    takes the object's values followed by :data:`_TAIL`: a field whose key is absent reads
    None where absent means None, and ``NO`` otherwise. Declines a repeated or unknown key.
    Kept in ``layouts``, which the input's orders of keys cannot grow past
    :data:`LAYOUT_LIMIT`.
    """
    where = {key: index for index, key in enumerate(keys)}
    if len(where) != len(keys) or not where.keys() <= {spec.name for spec in specs}:
        raise Reject
    absent = {True: len(keys), False: len(keys) + 1}
    found = operator.itemgetter(
        *[where.get(spec.name, absent[_absent_is_none(spec)]) for spec in specs]
    )
    if len(layouts) >= LAYOUT_LIMIT:
        layouts.clear()
    layouts[keys] = found
    return found


def make_reader(cls: type, specs: tuple[FieldSpec, ...]) -> Callable[..., Any]:
    """Generate the fast reader of ``cls`` from its field table (see :func:`reader_applies`).

    The reader takes ``(data, dates, places, people, objects)``: one object of the input
    (a dict, or the parser's tuple of pairs when ``objects`` is ``tuple``) and the caches of
    shared values; it returns an instance or raises (:class:`Reject`, KeyError, ...).
    """
    names = [spec.name for spec in specs]
    layouts: dict[tuple[str, ...], Callable[[tuple[Any, ...]], Any]] = {}
    namespace: dict[str, Any] = {
        "_Reject": Reject,
        "_NO": NO,
        "_new": object.__new__,
        "_cls": cls,
        "_layouts": layouts,
        "_layout": functools.partial(_layout, layouts, specs),
        "_TAIL": _TAIL,
        "_surrogate": find_surrogate,
        "_date": read_date,
        "_place": read_place,
        "_participants": read_participants,
        "_strings": read_strings,
        "_alternatives": read_alternatives,
        **{f"_set{i}": slot_setter(cls, name) for i, name in enumerate(names)},
    }
    variables = ", ".join(f"v{i}" for i in range(len(names)))
    lines = [
        "if type(data) is not objects: raise _Reject",
        "if objects is tuple: keys, values = zip(*data, strict=True)",  # pairs, each of two
        "else: keys, values = tuple(data), tuple(data.values())",
        "get = _layouts.get(keys) or _layout(keys)",
        f"{variables} = get(values + _TAIL)",  # one field: its value, else a tuple
    ]
    for index, spec in enumerate(specs):
        lines += _field_lines(index, spec, namespace)
    lines.append("obj = _new(_cls)")
    lines += [f"_set{i}(obj, v{i})" for i in range(len(names))]
    if hasattr(cls, "__attrs_post_init__"):
        lines.append("obj.__attrs_post_init__()")  # every invariant, by the model's own code
    lines.append("return obj")
    source = "def read(data, dates, places, people, objects):\n" + "".join(
        f"    {line}\n" for line in lines
    )
    exec(source, namespace)  # noqa: S102 - generated from field names, as attrs does
    read: Callable[..., Any] = namespace["read"]
    return read


class FastPath(Switch):
    """Whether the fast path is used (for reading and for writing).

    Attributes:
        applies: The model has a shape the fast path reads (known when the module loads).
        enabled: The fast path is used; ``applies`` unless switched off (``disabled()``:
            benchmarks, tests, where the strict converter alone is used).
    """

    __slots__ = ("applies",)

    def __init__(self, *, applies: bool) -> None:
        super().__init__(enabled=applies)
        self.applies = applies


FAST_PATH: Final = FastPath(applies=reader_applies(Meeting, MEETING_FIELDS))
"""The switch of the fast path (``FAST_PATH.enabled``)."""
READ_MEETING: Final = make_reader(Meeting, MEETING_FIELDS) if FAST_PATH.applies else None
"""The generated reader of a meeting (None when the model has a shape it does not read)."""


def fast_meetings(value: object, *, pairs: bool = False) -> tuple[Meeting, ...] | None:
    """The meetings of an array by the fast path, or None when it declines.

    With ``pairs``, JSON objects are the parser's tuples of (key, value) pairs
    (``parse(..., pairs=True)``); otherwise dicts.
    """
    if not FAST_PATH.enabled or READ_MEETING is None or type(value) is not list:
        return None
    read = READ_MEETING
    dates: dict[str, PartialDate] = {}
    places: dict[Any, Place] = {}
    people: dict[Any, Participant] = {}
    objects = tuple if pairs else dict
    try:
        return tuple([read(item, dates, places, people, objects) for item in value])
    except DECLINES:
        return None


def fast_meeting(value: object, *, pairs: bool = False) -> Meeting | None:
    """One meeting by the fast path, or None when it declines."""
    if not FAST_PATH.enabled or READ_MEETING is None:
        return None
    try:
        meeting: Meeting = READ_MEETING(value, {}, {}, {}, tuple if pairs else dict)
    except DECLINES:
        return None
    return meeting


def build_registry(meetings: tuple[Meeting, ...]) -> MeetingRegistry:
    """A registry of meetings in input order; problems located by input position (``$[3]``).

    Raises:
        InvalidDataError: Problems between meetings (a duplicate id).
    """
    try:
        return MeetingRegistry(meetings)
    except InvalidDataError as error:
        problems = registry_problems(meetings, prefix="$")
        raise InvalidDataError(problems or error.errors) from None


def fast_registry_document(tree: object) -> MeetingRegistry | None:
    """A registry from a parsed (pairs) document of the current version, or None.

    Declines anything the strict path must look at: another version (migrations), another
    envelope, unknown or repeated keys, any meeting the fast path declines. Problems between
    meetings (duplicate ids) are raised as the strict path raises them.
    """
    if not FAST_PATH.enabled or type(tree) is not tuple:
        return None
    document = dict(tree)
    if (
        len(document) != len(tree)
        or document.keys() != _REGISTRY_KEYS
        or document["format"] != FORMAT
        or type(document["version"]) is not int
        or document["version"] != VERSION
        or document["type"] != "MeetingRegistry"
    ):
        return None
    meetings = fast_meetings(document["meetings"], pairs=True)
    if meetings is None:
        return None
    try:
        return build_registry(meetings)
    except InvalidDataError as error:
        raise error.prefixed("$.meetings") from None
