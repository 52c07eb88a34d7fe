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

import contextlib
import datetime as dt
import operator
import typing
from typing import Any, Final

import attrs

from turkicorg.dates import PartialDate
from turkicorg.errors import InvalidDataError, TurkicOrgError
from turkicorg.meetings import Meeting, Participant, Place
from turkicorg.registry import MeetingRegistry, registry_problems
from turkicorg.serialize.common import FORMAT, VERSION, Reject, bad_text, find_surrogate
from turkicorg.serialize.fields import MEETING_FIELDS, FieldSpec, Kind, field_specs
from turkicorg.sourcing import Alternative

if typing.TYPE_CHECKING:
    from collections.abc import Callable, Iterator

__all__ = [
    "DECLINES",
    "FAST_PATH",
    "NO",
    "READABLE_KINDS",
    "READ_MEETING",
    "RECORD_KINDS",
    "FastPath",
    "build_registry",
    "fast_meeting",
    "fast_meetings",
    "fast_registry_document",
    "make_reader",
    "reader_applies",
    "slot_setter",
]


NO: Final[Any] = object()
"""The value of a key that is absent."""
READABLE_KINDS: Final = frozenset(Kind) - {Kind.OTHER}
"""The kinds of meeting field the generated reader handles."""
RECORD_KINDS: Final = frozenset((Kind.TEXT, Kind.OPTIONAL_TEXT, Kind.OPTIONAL_INT, Kind.TEXTS))
"""The kinds of field a nested object (place, participant, alternative) may have."""
DECLINES: Final = (Reject, LookupError, TypeError, ValueError, AttributeError, TurkicOrgError)
"""What the generated reader raises when it declines an input (the strict path then reads)."""
_REGISTRY_KEYS: Final = frozenset(("format", "version", "type", "meetings"))
_DAY_FIELDS: Final = ("year", "month", "day")


def slot_setter(cls: type, name: str) -> Callable[[object, object], None]:
    """The ``__set__`` of the slot ``name`` of a slotted class (or of a base class)."""
    owner = next(c for c in cls.__mro__ if name in c.__dict__)
    return typing.cast("Callable[[object, object], None]", owner.__dict__[name].__set__)


def _day_maker() -> Callable[[int, int, int], PartialDate]:
    """A function making a full PartialDate without the checks ``dt.date`` has made."""
    try:
        set_year, set_month, set_day = (slot_setter(PartialDate, n) for n in _DAY_FIELDS)
    except StopIteration:  # not slotted as expected: the fast path does not apply anyway
        return PartialDate

    def make(year: int, month: int, day: int) -> PartialDate:
        found: PartialDate = object.__new__(PartialDate)
        set_year(found, year)
        set_month(found, month)
        set_day(found, day)
        return found

    return make


_new_day: Final = _day_maker()


def _date(value: Any, dates: dict[str, PartialDate]) -> PartialDate:
    if type(value) is not str:
        raise Reject
    found = dates.get(value)
    if found is None:
        if not value.isascii():
            raise Reject
        if (
            len(value) == 10
            and value[4] == "-"
            and value[7] == "-"
            and value[:4].isdigit()
            and value[5:7].isdigit()
            and value[8:].isdigit()
        ):  # YYYY-MM-DD: the C parser checks the day exists (and the year is not 0)
            day = dt.date.fromisoformat(value)
            found = _new_day(day.year, day.month, day.day)
        else:
            found = PartialDate.parse(value)
        dates[value] = found
    return found


def _strings(value: Any) -> tuple[str, ...]:
    if type(value) is not list:
        raise Reject
    items = tuple(value)
    for item in items:
        if type(item) is not str or (not item.isascii() and find_surrogate(item)):
            raise Reject
    return items


def _object(value: Any, objects: type) -> dict[str, Any]:
    """A JSON object of the input as a dict.

    ``objects`` is how the input holds objects: ``dict``, or ``tuple`` for the parser's tuples
    of (key, value) pairs. Declines a repeated key (the strict path reports it) and anything
    that is not an object.
    """
    if type(value) is not objects:
        raise Reject
    if objects is dict:
        return typing.cast("dict[str, Any]", value)
    pairs = typing.cast("tuple[tuple[str, Any], ...]", value)
    result = dict(pairs)
    if len(result) != len(pairs):
        raise Reject
    return result


def _simple(value: Any, kind: Kind) -> Any:
    """A value of a nested object's field, checked (``NO`` never reaches here)."""
    if kind is Kind.TEXTS:
        return _strings(value)
    if value is None and kind is not Kind.TEXT:
        return None
    if kind is Kind.OPTIONAL_INT:
        if type(value) is not int:
            raise Reject
    elif bad_text(value):
        raise Reject
    return value


_TEXT_KINDS: Final = frozenset((Kind.TEXT, Kind.OPTIONAL_TEXT))


@attrs.frozen
class _Record:
    """How to read a nested object (a place, a participant): its class and its fields.

    Attributes:
        cls: The class.
        fields: Its fields.
        keys: Their names.
        by_pairs: Every field is text, so the parser's tuple of pairs may serve as the cache
            key as it is: no other JSON value equals a string (``true`` equals ``1``).
    """

    cls: type
    fields: tuple[FieldSpec, ...]
    keys: frozenset[str]
    by_pairs: bool

    @classmethod
    def of(cls, record: type) -> _Record:
        fields = field_specs(record)
        names = frozenset(f.name for f in fields)
        return cls(record, fields, names, all(f.kind in _TEXT_KINDS for f in fields))

    def arguments(self, value: Any, objects: type) -> dict[str, Any]:
        """The constructor's arguments for one object of the input, checked."""
        fields = _object(value, objects)
        if not fields.keys() <= self.keys:
            raise Reject
        arguments: dict[str, Any] = {}
        for spec in self.fields:
            item = fields.get(spec.name, NO)
            if item is NO:
                if spec.required:
                    raise Reject
                continue
            arguments[spec.name] = _simple(item, spec.kind)
        return arguments

    def shared(self, value: Any, cache: dict[Any, Any], objects: type) -> Any:
        """The object for ``value``: one shared instance per distinct value in ``cache``."""
        if objects is tuple and self.by_pairs:
            found = cache.get(value)
            if found is None:
                found = cache[value] = self.cls(**self.arguments(value, objects))
            return found
        arguments = self.arguments(value, objects)
        key = tuple(arguments.get(spec.name, NO) for spec in self.fields)
        found = cache.get(key)
        if found is None:
            found = cache[key] = self.cls(**arguments)
        return found


_PLACE: Final = _Record.of(Place)
_PARTICIPANT: Final = _Record.of(Participant)
_ALTERNATIVE: Final = _Record.of(Alternative)


def _place(value: Any, places: dict[Any, Place], objects: type) -> Place:
    return typing.cast("Place", _PLACE.shared(value, places, objects))


def _participants(
    value: Any, people: dict[Any, Participant], objects: type
) -> tuple[Participant, ...]:
    if type(value) is not list:
        raise Reject
    if objects is not tuple or not _PARTICIPANT.by_pairs:
        shared = _PARTICIPANT.shared
        return tuple([shared(item, people, objects) for item in value])
    out = []
    for item in value:  # the usual case, inline: one dict lookup per participant
        found = people.get(item)
        if found is None:
            found = people[item] = Participant(**_PARTICIPANT.arguments(item, objects))
        out.append(found)
    return tuple(out)


def _alternatives(value: Any, objects: type) -> tuple[Alternative, ...]:
    if type(value) is not list:
        raise Reject
    return tuple([Alternative(**_ALTERNATIVE.arguments(item, objects)) for item in value])


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
    Kind.DATE: ("{v} = _date({v}, dates)",),
    Kind.OPTIONAL_DATE: ("if {v} is not None: {v} = _date({v}, dates)",),
    Kind.OPTIONAL_PLACE: ("if {v} is not None: {v} = _place({v}, places, objects)",),
    Kind.PARTICIPANTS: ("{v} = _participants({v}, people, objects)",),
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
    strict path, and so are nested objects with fields of other kinds.
    """
    nested = (_PLACE, _PARTICIPANT, _ALTERNATIVE)
    return (
        "__slots__" in cls.__dict__
        and all(spec.kind in READABLE_KINDS for spec in specs)
        and not any(isinstance(spec.default, attrs.Factory) for spec in specs)  # type: ignore[arg-type]
        and all(f.validator is None for f in attrs.fields(cls))
        and all(f.kind in RECORD_KINDS for record in nested for f in record.fields)
        and tuple(f.name for f in attrs.fields(PartialDate)) == _DAY_FIELDS
        and "__slots__" in PartialDate.__dict__
    )


def make_reader(cls: type, specs: tuple[FieldSpec, ...]) -> Callable[..., Any]:
    """Generate the fast reader of ``cls`` from its field table (see :func:`reader_applies`).

    The reader takes ``(data, dates, places, people, objects)``: one object of the input
    (a dict, or the parser's tuple of pairs when ``objects`` is ``tuple``) and the caches of
    shared values; it returns an instance or raises (:class:`Reject`, KeyError, ...).
    """
    names = [spec.name for spec in specs]
    namespace: dict[str, Any] = {
        "_Reject": Reject,
        "_NO": NO,
        "_new": object.__new__,
        "_cls": cls,
        "_keys": frozenset(names),
        "_absent": {spec.name: None if _absent_is_none(spec) else NO for spec in specs},
        "_values": operator.itemgetter(*names) if len(names) > 1 else lambda d: (d[names[0]],),
        "_surrogate": find_surrogate,
        "_date": _date,
        "_place": _place,
        "_participants": _participants,
        "_strings": _strings,
        "_alternatives": _alternatives,
        **{f"_set{i}": slot_setter(cls, name) for i, name in enumerate(names)},
    }
    variables = ", ".join(f"v{i}" for i in range(len(names)))
    lines = [
        "if type(data) is not objects: raise _Reject",
        "if objects is tuple:",
        "    pairs = data",
        "    data = dict(pairs)",
        "    if len(data) != len(pairs): raise _Reject",
        "if not data.keys() <= _keys: raise _Reject",
        f"({variables},) = _values({{**_absent, **data}})",
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
    return typing.cast("Callable[..., Any]", namespace["read"])


class FastPath:
    """Whether the fast path is used (for reading and for writing).

    Attributes:
        applies: The model has a shape the fast path reads (known when the module loads).
        enabled: The fast path is used; ``applies`` unless switched off (benchmarks, tests).
    """

    __slots__ = ("applies", "enabled")

    def __init__(self, *, applies: bool) -> None:
        self.applies = applies
        self.enabled = applies

    @contextlib.contextmanager
    def disabled(self) -> Iterator[None]:
        """Use the strict converter alone inside the ``with`` block."""
        before, self.enabled = self.enabled, False
        try:
            yield
        finally:
            self.enabled = before


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
        return typing.cast("Meeting", READ_MEETING(value, {}, {}, {}, tuple if pairs else dict))
    except DECLINES:
        return None


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
    pairs = typing.cast("tuple[tuple[str, Any], ...]", tree)
    document = dict(pairs)
    if (
        len(document) != len(pairs)
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
