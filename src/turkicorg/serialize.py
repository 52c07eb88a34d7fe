"""JSON, the native format: one converter for every public type, files and JSON Lines.

Documents carry a versioned envelope, then the object's fields::

    {"format": "turkicorg", "version": 1, "type": "Organization", "id": "OTS", ...}

A registry's meetings are under ``meetings``; a meeting (it has a field called ``format``)
is under ``meeting`` (:data:`FIELDS_KEY`):

>>> from turkicorg import serialize
>>> from turkicorg.meetings import Meeting
>>> m = Meeting(
...     id="coe-14",
...     body="COE",
...     kind="regular",
...     title="14th meeting of the Council of Elders",
...     start="2023-10-17",
...     end="2023-10-18",
...     sources=("https://turkicstates.org/",),
... )
>>> text = serialize.dumps(m)
>>> text[:75]
'{"format":"turkicorg","version":1,"type":"Meeting","meeting":{"id":"coe-14"'
>>> serialize.loads(text, Meeting) == m
True

Conventions: fields in declaration order, fields equal to their default left out, dates as
``YYYY-MM-DD``, partial dates as ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, enumerations as
their values, no insignificant white space, UTF-8. The same object always gives the same
text, and equal objects give equal text.

Reading is strict: a wrong type is an error, never a silent conversion; unknown and duplicate
keys are errors; so are lone surrogates (text that is not Unicode), ``NaN`` and input larger
than ``max_size``. Loading raises only :class:`~turkicorg.InvalidDataError` (files that cannot
be opened: :class:`~turkicorg.DataFileError`), which lists every problem with its path:

>>> serialize.loads(
...     '{"format":"turkicorg","version":1,"type":"Meeting","meeting":{"id":"x","kind":1}}',
...     Meeting,
... )
Traceback (most recent call last):
...
turkicorg.errors.InvalidDataError: 4 problems found in the data
  - required key missing @ $.meeting.body
  - expected one of 'regular', 'extraordinary', 'informal', 'bilateral', 'mission' @ $.meeting.kind
  - required key missing @ $.meeting.title
  - required key missing @ $.meeting.start
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import enum
import gc
import json
import operator
import os
import re
import secrets
import stat
import threading
import typing
from collections.abc import Callable, Iterable, Iterator, Mapping
from json.encoder import encode_basestring
from pathlib import Path
from typing import IO, Any, Final, TypeAlias, TypeVar

import attrs
import cattrs
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

from turkicorg.dates import PartialDate
from turkicorg.errors import (
    DataFileError,
    ErrorDetail,
    InvalidDataError,
    InvalidDateError,
    PolicyError,
    TurkicOrgError,
    UnsupportedTypeError,
    UnsupportedVersionError,
)
from turkicorg.meetings import Body, Format, Meeting, MeetingKind, MeetingStatus, Participant, Place
from turkicorg.meetings import meeting_problems as _meeting_problems
from turkicorg.organization import Organization
from turkicorg.organs import Mechanism, Organ
from turkicorg.registry import MeetingRegistry, registry_problems
from turkicorg.sourcing import Alternative, Confidence

__all__ = [
    "DEFAULT_MAX_LINE_SIZE",
    "DEFAULT_MAX_SIZE",
    "DOCUMENT_TYPES",
    "FIELDS_KEY",
    "FORMAT",
    "MIGRATIONS",
    "VERSION",
    "Migration",
    "converter",
    "dump",
    "dump_lines",
    "dumps",
    "from_document",
    "iter_dumps",
    "iter_load",
    "json_schema",
    "load",
    "load_lines",
    "loads",
    "make_converter",
    "register_migration",
    "structure",
    "to_document",
    "unstructure",
]

FORMAT: Final = "turkicorg"
"""The ``format`` value of every turkicorg document."""
VERSION: Final = 1
"""The newest format version this release writes and reads."""
DEFAULT_MAX_SIZE: Final = 128 * 1024 * 1024
"""The largest document :func:`loads` and :func:`load` accept by default: 128 MiB.

About 250,000 meetings. Parsing JSON into Python objects takes several times the size of the
text in memory; pass ``max_size=None`` to lift the limit, or stream large registries as JSON
Lines (:func:`dump_lines`, :func:`iter_load`).
"""
DEFAULT_MAX_LINE_SIZE: Final = 1024 * 1024
"""The longest line :func:`iter_load` and :func:`load_lines` accept by default: 1 MiB."""

T = TypeVar("T")
Migration: TypeAlias = Callable[[dict[str, Any]], dict[str, Any]]
"""A migration step: takes a version-``n`` document (plain data), returns version ``n + 1``."""
StrPath: TypeAlias = str | os.PathLike[str]

_ISO_DAY: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_IDENTIFIER: Final = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_SURROGATE: Final = re.compile("[\ud800-\udfff]").search
_ENVELOPE: Final = ("format", "version", "type")
_STRUCTURE_ERRORS: Final = (
    TurkicOrgError,
    ValueError,
    TypeError,
    KeyError,
    AttributeError,
    cattrs.BaseValidationError,
)


# Strict hooks -------------------------------------------------------------------------------


def _type_name(value: object) -> str:
    return {
        dict: "object",
        list: "array",
        str: "string",
        bool: "boolean",
        int: "integer",
        float: "number",
        type(None): "null",
    }.get(type(value), type(value).__name__)


def _fail(message: str, value: object) -> InvalidDataError:
    return InvalidDataError.single("$", message, value)


def _key_path(path: str, key: object) -> str:
    """``$.name`` for identifier keys, ``$["odd key"]`` for any other key."""
    if isinstance(key, str) and _IDENTIFIER.fullmatch(key):
        return f"{path}.{key}"
    return f"{path}[{json.dumps(str(key))}]"


def _structure_str(value: object, _: type) -> str:
    if type(value) is not str:
        raise _fail(f"expected a string, got {_type_name(value)}", value)
    if not value.isascii() and _SURROGATE(value):
        raise _fail("not valid Unicode text (lone surrogate)", value)
    return value


def _structure_int(value: object, _: type) -> int:
    if type(value) is not int:
        raise _fail(f"expected an integer, got {_type_name(value)}", value)
    return value


def _structure_bool(value: object, _: type) -> bool:
    if type(value) is not bool:
        raise _fail(f"expected true or false, got {_type_name(value)}", value)
    return value


def _structure_date(value: object, _: type) -> dt.date:
    if type(value) is not str or not _ISO_DAY.fullmatch(value):
        raise _fail("expected a date written YYYY-MM-DD", value)
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise _fail(f"invalid date {value!r}: no such day", value) from None


def _structure_partial(value: object, _: type) -> PartialDate:
    if type(value) is not str:
        raise _fail(
            f"expected a date written YYYY, YYYY-MM or YYYY-MM-DD, got {_type_name(value)}", value
        )
    if not value.isascii():
        raise _fail("expected a date written YYYY, YYYY-MM or YYYY-MM-DD (digits 0-9)", value)
    try:
        return PartialDate.parse(value)
    except InvalidDateError as error:
        raise _fail(str(error), value) from None


def _enum_hook(cls: type[enum.Enum]) -> Callable[[object, type], enum.Enum]:
    by_value = {member.value: member for member in cls}
    allowed = ", ".join(repr(v) for v in by_value)

    def structure(value: object, _: type) -> enum.Enum:
        if type(value) is str and value in by_value:
            return by_value[value]
        raise _fail(f"expected one of {allowed}", value)

    return structure


def _enum_value(member: enum.Enum) -> Any:
    return member.value


_BODIES: Final[dict[str, Body]] = {
    **{o.value: o for o in Organ},
    **{m.value: m for m in Mechanism},
}


def _structure_body(value: object, _: object) -> Body:
    if type(value) is str and value in _BODIES:
        return _BODIES[value]
    raise _fail(f"expected an organ ({', '.join(o.value for o in Organ)}) or a mechanism", value)


def _locate(error: BaseException, path: str, out: list[ErrorDetail]) -> None:
    """Flatten a structuring error into located details."""
    if isinstance(error, InvalidDataError):
        out.extend(ErrorDetail(path + d.path[1:], d.message, d.value) for d in error.errors)
    elif isinstance(error, ClassValidationError):
        with_notes, without = error.group_exceptions()
        for inner, note in with_notes:
            _locate(inner, _key_path(path, note.name), out)
        for inner in without:
            _locate(inner, path, out)
    elif isinstance(error, ForbiddenExtraKeysError):
        out.extend(
            ErrorDetail(_key_path(path, key), "unknown key", key)
            for key in sorted(error.extra_fields, key=str)
        )
    elif isinstance(error, KeyError):
        out.append(ErrorDetail(path, "required key missing", None))
    elif isinstance(error, (TurkicOrgError, ValueError, TypeError)):
        out.append(ErrorDetail(path, str(error) or type(error).__name__, None))
    else:
        out.append(ErrorDetail(path, f"unexpected {type(error).__name__}: {error}", None))


def _tuple_hook_factory(
    conv: cattrs.Converter,
) -> Callable[[Any], Callable[[object, type], tuple[Any, ...]]]:
    def factory(tuple_type: Any) -> Callable[[object, type], tuple[Any, ...]]:
        (item_type, _ellipsis) = typing.get_args(tuple_type)
        item_hook = conv.get_structure_hook(item_type)

        def structure(value: object, _: type) -> tuple[Any, ...]:
            if type(value) is not list:
                raise _fail(f"expected an array, got {_type_name(value)}", value)
            items = []
            problems: list[ErrorDetail] = []
            for index, item in enumerate(value):
                try:
                    items.append(item_hook(item, item_type))
                except _STRUCTURE_ERRORS as error:
                    _locate(error, f"$[{index}]", problems)
            if problems:
                raise InvalidDataError(problems)
            return tuple(items)

        return structure

    return factory


def _is_homogeneous_tuple(tp: Any) -> bool:
    args = typing.get_args(tp)
    return typing.get_origin(tp) is tuple and len(args) == 2 and args[1] is Ellipsis


_INVARIANTS: Final[dict[type, Callable[[Any], list[tuple[str, str, object]]]]] = {
    Meeting: _meeting_problems,
}
"""Classes whose constructor stops at the first broken invariant, and the function that lists
them all (used to report every problem, not only the first)."""


def _diagnose(cls: type, data: dict[str, Any], conv: cattrs.Converter) -> list[ErrorDetail]:
    """Locate why ``cls(**fields)`` failed although every field structured on its own.

    Runs each field's attrs validator on its own (so that ``$.parties[3].id`` is named, not
    only ``$.parties[3]``) and, for classes in ``_INVARIANTS``, lists every broken invariant.
    """
    problems: list[ErrorDetail] = []
    values: dict[str, Any] = {}
    for field in attrs.fields(cls):
        if not field.init:
            continue
        if field.name not in data:
            values[field.name] = field.default
            continue
        try:
            value = conv.structure(data[field.name], field.type)
            if field.converter is not None:
                value = field.converter(value)
            if field.validator is not None:
                field.validator(None, field, value)
        except (ValueError, TypeError) as error:
            problems.append(ErrorDetail(f"$.{field.name}", str(error), data[field.name]))
            continue
        values[field.name] = value
    check = _INVARIANTS.get(cls)
    if check is not None and not problems:
        probe: Any = object.__new__(cls)
        for name, value in values.items():
            object.__setattr__(probe, name, value)
        problems.extend(
            ErrorDetail(_key_path("$", name), message, value)
            for name, message, value in check(probe)
        )
    return problems


def _constructor_failure(
    cls: type, value: dict[str, Any], conv: cattrs.Converter, failure: Exception
) -> InvalidDataError:
    """The located problems of data whose fields are each fine but that ``cls`` refuses.

    An Organization reports its problems located already; a Meeting stops at the first broken
    invariant (all are listed by ``_diagnose``); an attrs validator names only its field.
    """
    if isinstance(failure, InvalidDataError) and cls not in _INVARIANTS:
        return failure
    found = _diagnose(cls, value, conv)
    if found:
        return InvalidDataError(found)
    problems: list[ErrorDetail] = []
    _locate(failure, "$", problems)
    return InvalidDataError(problems)


def _attrs_hook_factory(conv: cattrs.Converter) -> Callable[[Any], Callable[[object, type], Any]]:
    def factory(cls: Any) -> Callable[[object, type], Any]:
        inner = make_dict_structure_fn(
            cls, conv, _cattrs_forbid_extra_keys=True, _cattrs_detailed_validation=True
        )
        name = cls.__name__

        def structure(value: object, _: type) -> Any:
            if type(value) is not dict:
                raise _fail(f"expected an object ({name}), got {_type_name(value)}", value)
            try:
                return inner(value, cls)
            except ClassValidationError as error:
                with_notes, without = error.group_exceptions()
                if (
                    with_notes
                    or len(without) != 1
                    or isinstance(without[0], ForbiddenExtraKeysError)
                ):
                    problems: list[ErrorDetail] = []
                    _locate(error, "$", problems)
                    raise InvalidDataError(problems) from None
                failure = without[0]  # every field was fine: the constructor refused them
            raise _constructor_failure(cls, value, conv, failure) from None

        return structure

    return factory


def _unstructure_attrs_factory(conv: cattrs.Converter) -> Callable[[Any], Callable[[Any], Any]]:
    def factory(cls: Any) -> Callable[[Any], Any]:
        return make_dict_unstructure_fn(cls, conv, _cattrs_omit_if_default=True)

    return factory


def _tuple_unstructure(
    conv: cattrs.Converter, item_type: Any
) -> Callable[[tuple[Any, ...]], list[Any]]:
    hook = conv.get_unstructure_hook(item_type)
    return lambda items: [hook(item) for item in items]


def _model_types() -> tuple[list[type], list[type[enum.Enum]]]:
    """The attrs classes (MeetingRegistry included) and the enumerations of the model.

    Everything an Organization or a MeetingRegistry can hold, each sorted by name.
    """
    classes: dict[str, type] = {}
    enums: dict[str, type[enum.Enum]] = {}
    pending: list[Any] = [Organization, MeetingRegistry]
    while pending:
        tp = pending.pop()
        if tp is MeetingRegistry:
            classes["MeetingRegistry"] = MeetingRegistry
            pending.append(Meeting)
        elif isinstance(tp, type) and issubclass(tp, enum.Enum):
            enums[tp.__name__] = tp
        elif isinstance(tp, type) and attrs.has(tp) and tp is not PartialDate:
            if tp.__name__ not in classes:
                classes[tp.__name__] = tp
                attrs.resolve_types(tp)
                pending.extend(f.type for f in attrs.fields(tp) if f.init)
        else:
            pending.extend(typing.get_args(tp))
    return [classes[k] for k in sorted(classes)], [enums[k] for k in sorted(enums)]


def make_converter() -> cattrs.Converter:
    """Build the converter used for every turkicorg type.

    Strict: a wrong type is an error, never a silent conversion (``5`` is not a string,
    ``"AZE"`` is not a list); unknown keys are errors; defaults are omitted when writing.
    A :class:`~turkicorg.MeetingRegistry` is structured from an array of meetings by a fast
    path that falls back on this strict converter to locate problems.
    """
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    # cattrs' own hooks for str and int call str() and int(): they convert, not validate.
    # These replace them; each enumeration of the model gets its own hook below, which
    # wins over the one for str for StrEnum fields.
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(bool, _structure_bool)
    conv.register_structure_hook(dt.date, _structure_date)
    conv.register_unstructure_hook(dt.date, dt.date.isoformat)
    conv.register_structure_hook(PartialDate, _structure_partial)
    conv.register_unstructure_hook(PartialDate, str)
    conv.register_structure_hook_factory(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum), _enum_hook
    )
    for enum_type in _model_types()[1]:
        # Per class: cattrs would otherwise send a StrEnum to its hooks for str (lenient when
        # reading; the member itself, not its value, when writing).
        conv.register_structure_hook(enum_type, _enum_hook(enum_type))
        conv.register_unstructure_hook(enum_type, _enum_value)
    conv.register_unstructure_hook_factory(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum),
        lambda _t: lambda member: member.value,
    )
    conv.register_structure_hook(Body, _structure_body)
    conv.register_unstructure_hook(Body, lambda member: member.value)
    conv.register_structure_hook_factory(_is_homogeneous_tuple, _tuple_hook_factory(conv))
    conv.register_unstructure_hook_factory(
        _is_homogeneous_tuple,
        lambda t: _tuple_unstructure(conv, typing.get_args(t)[0]),
    )
    conv.register_structure_hook(MeetingRegistry, _structure_registry)
    conv.register_unstructure_hook(
        MeetingRegistry, lambda reg: [conv.unstructure(m, Meeting) for m in reg]
    )
    conv.register_structure_hook_factory(attrs.has, _attrs_hook_factory(conv))
    conv.register_unstructure_hook_factory(attrs.has, _unstructure_attrs_factory(conv))
    return conv


# The fast path for meetings ------------------------------------------------------------------
#
# A registry of 100,000 meetings goes through the strict converter at about 30 µs a meeting.
# The functions below build the same objects from the same plain data at a fraction of that:
# exact type checks, lookup tables for enumerations, caches for dates, places and
# participants (equal values, one shared frozen object), attributes set directly on a new
# instance (the converters would only repeat the checks), then the class's own
# ``__attrs_post_init__``, so every invariant is checked by the model's code. Any doubt (a
# missing key, an unexpected type, a broken invariant) abandons the fast path and the strict
# converter handles the whole input, so the results, and the errors, are the strict path's.
# tests/test_serialize_fast.py proves both paths accept, reject and build the same.


class _Reject(Exception):  # noqa: N818 - a control-flow signal, never seen by users
    """The fast path declines the input; the strict path takes over."""


_NO: Final[Any] = object()
_MEETING_FIELDS: Final = (
    "id",
    "body",
    "kind",
    "title",
    "start",
    "end",
    "ordinal",
    "series",
    "place",
    "format",
    "host",
    "chair",
    "presided_by",
    "initiator",
    "participants",
    "theme",
    "topics",
    "status",
    "confidence",
    "sources",
    "alternatives",
    "note",
)
_MEETING_KEYS: Final = frozenset(_MEETING_FIELDS)
_PLACE_KEYS: Final = frozenset(("city", "country", "venue"))
_PARTICIPANT_KEYS: Final = frozenset(("party", "person", "role"))
_ALTERNATIVE_KEYS: Final = frozenset(("field", "value", "sources", "note"))
_REGISTRY_KEYS: Final = frozenset(("format", "version", "type", "meetings"))
_KINDS: Final = {m.value: m for m in MeetingKind}
_FORMATS: Final = {m.value: m for m in Format}
_STATUSES: Final = {m.value: m for m in MeetingStatus}
_CONFIDENCES: Final = {m.value: m for m in Confidence}
_DEFAULTS: Final[dict[str, object]] = {
    "end": None,
    "ordinal": None,
    "series": None,
    "place": None,
    "format": Format.IN_PERSON,
    "host": None,
    "chair": None,
    "presided_by": None,
    "initiator": None,
    "participants": (),
    "theme": None,
    "topics": (),
    "status": MeetingStatus.CONFIRMED,
    "confidence": Confidence.HIGH,
    "sources": (),
    "alternatives": (),
    "note": None,
}


def _fast_path_applies() -> bool:
    """True when the model classes have exactly the shape the fast path was written for."""

    def shape(cls: type) -> dict[str, object]:
        return {f.name: f.default for f in attrs.fields(cls) if f.init}

    meeting = shape(Meeting)
    return (
        tuple(meeting) == _MEETING_FIELDS
        and all(meeting[name] == default for name, default in _DEFAULTS.items())
        and all(f.validator is None for f in attrs.fields(Meeting))
        and "__slots__" in Meeting.__dict__
        and shape(Place) == dict.fromkeys(("city", "country", "venue"))
        and shape(Participant) == dict.fromkeys(("party", "person", "role"))
        and tuple(shape(Alternative)) == ("field", "value", "sources", "note")
        and tuple(f.name for f in attrs.fields(PartialDate)) == ("year", "month", "day")
        and "__slots__" in PartialDate.__dict__
    )


def _assembler(cls: type, names: tuple[str, ...]) -> Callable[..., Any]:
    """A function that makes an instance of a slotted class from its field values, in order.

    Sets each slot through its descriptor, as attrs' own ``__init__`` does after conversion;
    the fast path checks and converts the values itself.
    """
    setters = {f"_set_{name}": cls.__dict__[name].__set__ for name in names}
    lines = [f"def assemble({', '.join(names)}):", "    obj = _new(_cls)"]
    lines += [f"    _set_{name}(obj, {name})" for name in names]
    lines.append("    return obj")
    namespace: dict[str, Any] = {"_new": object.__new__, "_cls": cls, **setters}
    exec("\n".join(lines), namespace)  # noqa: S102 - generated from field names, as attrs does
    return typing.cast("Callable[..., Any]", namespace["assemble"])


_FAST: Final = _fast_path_applies()
_assemble_meeting: Final = _assembler(Meeting, _MEETING_FIELDS) if _FAST else None
_assemble_day: Final = _assembler(PartialDate, ("year", "month", "day")) if _FAST else None
_ABSENT: Final = {
    name: None if _DEFAULTS.get(name, _NO) is None else _NO for name in _MEETING_FIELDS
}
"""What a missing key means: None where null is allowed too (optional fields), else the
absent marker (a required field, or a default that null may not stand for)."""
_meeting_values: Final = operator.itemgetter(*_MEETING_FIELDS)


def _bad_text(value: Any) -> bool:
    """True unless ``value`` is a str holding valid Unicode."""
    return value.__class__ is not str or (not value.isascii() and _SURROGATE(value) is not None)


def _fast_date(value: Any, dates: dict[str, PartialDate]) -> PartialDate:
    if value.__class__ is not str:
        raise _Reject
    found = dates.get(value)
    if found is None:
        if not value.isascii():
            raise _Reject
        if (
            len(value) == 10
            and value[4] == "-"
            and value[7] == "-"
            and value[:4].isdigit()
            and value[5:7].isdigit()
            and value[8:].isdigit()
        ):  # YYYY-MM-DD: the C parser checks the day exists (and the year is not 0)
            day = dt.date.fromisoformat(value)
            found = _assemble_day(day.year, day.month, day.day)  # type: ignore[misc]
        else:
            found = PartialDate.parse(value)
        dates[value] = found
    return found


def _fast_strings(value: Any) -> tuple[str, ...]:
    if value is _NO:
        return ()
    if value.__class__ is not list:
        raise _Reject
    items = tuple(value)
    for item in items:
        if item.__class__ is not str or (not item.isascii() and _SURROGATE(item) is not None):
            raise _Reject
    return items


def _object(value: Any, objects: type) -> dict[str, Any]:
    """A JSON object of the input as a dict.

    ``objects`` is how the input holds objects: ``dict``, or ``tuple`` for the parser's tuples
    of (key, value) pairs. Declines a repeated key (the strict path reports it) and anything
    that is not an object.
    """
    if value.__class__ is not objects:
        raise _Reject
    if objects is dict:
        return typing.cast("dict[str, Any]", value)
    pairs = typing.cast("tuple[tuple[str, Any], ...]", value)
    result = dict(pairs)
    if len(result) != len(pairs):
        raise _Reject
    return result


def _fast_place(value: Any, places: dict[Any, Place], objects: type) -> Place:
    fields = _object(value, objects)
    if not fields.keys() <= _PLACE_KEYS:
        raise _Reject
    city = fields.get("city")
    country = fields.get("country")
    venue = fields.get("venue")
    for text in (city, country, venue):
        if text is not None and text.__class__ is not str:
            raise _Reject
    key = (city, country, venue)
    place = places.get(key)
    if place is None:
        if any(t is not None and _bad_text(t) for t in key):
            raise _Reject
        place = places[key] = Place(city=city, country=country, venue=venue)
    return place


def _fast_participants(
    value: Any, people: dict[Any, Participant], objects: type
) -> tuple[Participant, ...]:
    if value is _NO:
        return ()
    if value.__class__ is not list:
        raise _Reject
    out = []
    for item in value:
        if len(item) == 1:  # the usual {"party": "KZ"}
            if objects is tuple:
                name, party = item[0] if item.__class__ is tuple else ("", None)
            else:
                name, party = "party", item.get("party") if item.__class__ is dict else None
            if name == "party" and party.__class__ is str:
                found = people.get(party)
                if found is None:
                    if _bad_text(party):
                        raise _Reject
                    found = people[party] = Participant(party=party)
                out.append(found)
                continue
        fields = _object(item, objects)
        if not fields.keys() <= _PARTICIPANT_KEYS:
            raise _Reject
        key = (fields.get("party"), fields.get("person"), fields.get("role"))
        for text in key:
            if text is not None and text.__class__ is not str:
                raise _Reject
        found = people.get(key)
        if found is None:
            if any(t is not None and _bad_text(t) for t in key):
                raise _Reject
            found = people[key] = Participant(party=key[0], person=key[1], role=key[2])
        out.append(found)
    return tuple(out)


def _fast_alternatives(value: Any, objects: type) -> tuple[Alternative, ...]:
    if value is _NO:
        return ()
    if value.__class__ is not list:
        raise _Reject
    out = []
    for item in value:
        fields = _object(item, objects)
        if not fields.keys() <= _ALTERNATIVE_KEYS:
            raise _Reject
        field = fields["field"]
        text = fields["value"]
        note = fields.get("note")
        if _bad_text(field) or _bad_text(text) or (note is not None and _bad_text(note)):
            raise _Reject
        sources = _fast_strings(fields.get("sources", _NO))
        out.append(Alternative(field=field, value=text, sources=sources, note=note))
    return tuple(out)


def _fast_enum(value: Any, table: dict[str, Any], default: Any) -> Any:
    if value is _NO:
        return default
    if value.__class__ is not str:
        raise _Reject
    return table[value]


def _fast_meeting(
    data: Any,
    dates: dict[str, PartialDate],
    places: dict[Any, Place],
    people: dict[Any, Participant],
    objects: type,
) -> Meeting:
    """One meeting from plain data, or :class:`_Reject` (also KeyError, ValueError...).

    ``objects``: ``dict``, or ``tuple`` for the parser's tuples of (key, value) pairs.
    """
    if data.__class__ is not objects:
        raise _Reject
    if objects is tuple:
        pairs = typing.cast("tuple[tuple[str, Any], ...]", data)
        data = dict(pairs)
        if len(data) != len(pairs):
            raise _Reject
    if not data.keys() <= _MEETING_KEYS:
        raise _Reject
    (
        meeting_id,
        body,
        kind,
        title,
        start,
        end,
        ordinal,
        series,
        place,
        meeting_format,
        host,
        chair,
        presided_by,
        initiator,
        participants,
        theme,
        topics,
        status,
        confidence,
        sources,
        alternatives,
        note,
    ) = _meeting_values({**_ABSENT, **data})
    if (
        meeting_id.__class__ is not str
        or title.__class__ is not str
        or body.__class__ is not str
        or kind.__class__ is not str
        or (not meeting_id.isascii() and _SURROGATE(meeting_id))
        or (not title.isascii() and _SURROGATE(title))
        or (ordinal is not None and ordinal.__class__ is not int)
    ):
        raise _Reject
    for text in (series, host, chair, presided_by, initiator, theme, note):
        if text is not None and (
            text.__class__ is not str or (not text.isascii() and _SURROGATE(text))
        ):
            raise _Reject
    meeting: Meeting = _assemble_meeting(  # type: ignore[misc]
        meeting_id,
        _BODIES[body],
        _KINDS[kind],
        title,
        _fast_date(start, dates),
        None if end is None else _fast_date(end, dates),
        ordinal,
        series,
        None if place is None else _fast_place(place, places, objects),
        _fast_enum(meeting_format, _FORMATS, Format.IN_PERSON),
        host,
        chair,
        presided_by,
        initiator,
        _fast_participants(participants, people, objects),
        theme,
        _fast_strings(topics),
        _fast_enum(status, _STATUSES, MeetingStatus.CONFIRMED),
        _fast_enum(confidence, _CONFIDENCES, Confidence.HIGH),
        _fast_strings(sources),
        _fast_alternatives(alternatives, objects),
        note,
    )
    meeting.__attrs_post_init__()  # every invariant, by the model's own code
    return meeting


_FAST_DECLINES: Final = (_Reject, KeyError, TypeError, ValueError, AttributeError, TurkicOrgError)


def _fast_meetings(value: object, *, pairs: bool = False) -> tuple[Meeting, ...] | None:
    """The meetings of an array by the fast path, or None when it declines.

    With ``pairs``, JSON objects are the parser's tuples of (key, value) pairs
    (``_parse(..., pairs=True)``); otherwise dicts.
    """
    if not _FAST or value.__class__ is not list:
        return None
    dates: dict[str, PartialDate] = {}
    places: dict[Any, Place] = {}
    people: dict[Any, Participant] = {}
    try:
        objects = tuple if pairs else dict
        return tuple([_fast_meeting(item, dates, places, people, objects) for item in value])
    except _FAST_DECLINES:
        return None


def _fast_one_meeting(value: object, *, pairs: bool = False) -> Meeting | None:
    """One meeting by the fast path, or None when it declines."""
    if not _FAST:
        return None
    try:
        return _fast_meeting(value, {}, {}, {}, tuple if pairs else dict)
    except _FAST_DECLINES:
        return None


def _fast_registry_document(tree: object) -> MeetingRegistry | None:
    """A registry from a parsed (pairs) document of the current version, or None.

    Declines anything the strict path must look at: another version (migrations), another
    envelope, unknown or repeated keys, any meeting the fast path declines. Problems between
    meetings (duplicate ids) are raised as the strict path raises them.
    """
    if not _FAST or tree.__class__ is not tuple:
        return None
    document = dict(typing.cast("tuple[tuple[str, Any], ...]", tree))
    if (
        len(document) != len(tree)
        or document.keys() != _REGISTRY_KEYS
        or document["format"] != FORMAT
        or document["version"].__class__ is not int
        or document["version"] != VERSION
        or document["type"] != "MeetingRegistry"
    ):
        return None
    meetings = _fast_meetings(document["meetings"], pairs=True)
    if meetings is None:
        return None
    try:
        return _registry(meetings)
    except InvalidDataError as error:
        raise error.prefixed("$.meetings") from None


def _strict_meetings(value: object) -> tuple[Meeting, ...]:
    """The meetings of an array by the strict converter (every problem located)."""
    return converter.structure(value, tuple[Meeting, ...])


def _registry(meetings: tuple[Meeting, ...]) -> MeetingRegistry:
    """A registry of meetings in input order; problems located by input position (``$[3]``)."""
    try:
        return MeetingRegistry(meetings)
    except InvalidDataError as error:
        problems = registry_problems(meetings, prefix="$")
        raise InvalidDataError(problems or error.errors) from None


def _structure_registry(value: object, _: type) -> MeetingRegistry:
    meetings = _fast_meetings(value)
    if meetings is None:
        meetings = _strict_meetings(value)
    return _registry(meetings)


# Writing meetings fast ---------------------------------------------------------------------

_VALUE_JSON: Final[dict[object, str]] = {
    member: encode_basestring(member.value)
    for enum_type in (Organ, Mechanism, MeetingKind, Format, MeetingStatus, Confidence)
    for member in enum_type
}


def _place_json(place: Place) -> str:
    parts = []
    if place.city is not None:
        parts.append('"city":' + encode_basestring(place.city))
    if place.country is not None:
        parts.append('"country":' + encode_basestring(place.country))
    if place.venue is not None:
        parts.append('"venue":' + encode_basestring(place.venue))
    return "{" + ",".join(parts) + "}"


def _participant_json(participant: Participant) -> str:
    parts = []
    if participant.party is not None:
        parts.append('"party":' + encode_basestring(participant.party))
    if participant.person is not None:
        parts.append('"person":' + encode_basestring(participant.person))
    if participant.role is not None:
        parts.append('"role":' + encode_basestring(participant.role))
    return "{" + ",".join(parts) + "}"


def _alternative_json(alternative: Alternative) -> str:
    text = '{"field":' + encode_basestring(alternative.field)
    text += ',"value":' + encode_basestring(alternative.value)
    if alternative.sources != ():
        text += ',"sources":[' + ",".join(map(encode_basestring, alternative.sources)) + "]"
    if alternative.note is not None:
        text += ',"note":' + encode_basestring(alternative.note)
    return text + "}"


class _Written:
    """JSON already written in one call, by value: dates, places and participants repeat."""

    __slots__ = ("dates", "people", "places")

    def __init__(self) -> None:
        self.dates: dict[tuple[int, int | None, int | None], str] = {}
        self.places: dict[tuple[Any, Any, Any], str] = {}
        self.people: dict[tuple[Any, Any, Any], str] = {}


def _date_json(value: PartialDate, written: _Written) -> str:
    key = (value.year, value.month, value.day)
    text = written.dates.get(key)
    if text is None:
        text = written.dates[key] = _partial_json(value)
    return text


def _participants_json(participants: tuple[Participant, ...], written: _Written) -> str:
    people = written.people
    texts = []
    for participant in participants:
        key = (participant.party, participant.person, participant.role)
        text = people.get(key)
        if text is None:
            text = people[key] = _participant_json(participant)
        texts.append(text)
    return ",".join(texts)


def _meeting_json(m: Meeting, written: _Written) -> str:
    """The fields of a meeting as compact JSON, exactly as ``json.dumps(unstructure(m))``."""
    esc = encode_basestring
    values = _VALUE_JSON
    parts = [
        '{"id":',
        esc(m.id),
        ',"body":',
        values[m.body],
        ',"kind":',
        values[m.kind],
        ',"title":',
        esc(m.title),
        ',"start":',
        _date_json(m.start, written),
    ]
    add = parts.append
    if m.end is not None:
        add(',"end":' + _date_json(m.end, written))
    if m.ordinal is not None:
        add(',"ordinal":' + int.__repr__(m.ordinal))
    if m.series is not None:
        add(',"series":' + esc(m.series))
    place = m.place
    if place is not None:
        key = (place.city, place.country, place.venue)
        text = written.places.get(key)
        if text is None:
            text = written.places[key] = _place_json(place)
        add(',"place":' + text)
    if m.format is not Format.IN_PERSON:
        add(',"format":' + values[m.format])
    if m.host is not None:
        add(',"host":' + esc(m.host))
    if m.chair is not None:
        add(',"chair":' + esc(m.chair))
    if m.presided_by is not None:
        add(',"presided_by":' + esc(m.presided_by))
    if m.initiator is not None:
        add(',"initiator":' + esc(m.initiator))
    if m.participants != ():
        add(',"participants":[' + _participants_json(m.participants, written) + "]")
    if m.theme is not None:
        add(',"theme":' + esc(m.theme))
    if m.topics != ():
        add(',"topics":[' + ",".join(map(esc, m.topics)) + "]")
    if m.status is not MeetingStatus.CONFIRMED:
        add(',"status":' + values[m.status])
    if m.confidence is not Confidence.HIGH:
        add(',"confidence":' + values[m.confidence])
    add(',"sources":[' + ",".join(map(esc, m.sources)) + "]")  # every meeting has a source
    if m.alternatives != ():
        add(',"alternatives":[' + ",".join(map(_alternative_json, m.alternatives)) + "]")
    if m.note is not None:
        add(',"note":' + esc(m.note))
    add("}")
    return "".join(parts)


def _partial_json(value: PartialDate) -> str:
    """``json.dumps(str(value))``, without the detour through ``__str__``."""
    if value.month is None:
        return f'"{value.year:04d}"'
    if value.day is None:
        return f'"{value.year:04d}-{value.month:02d}"'
    return f'"{value.year:04d}-{value.month:02d}-{value.day:02d}"'


_FAST_ENCODE_FAILS: Final = (TypeError, KeyError, AttributeError, ValueError)


def _fast_meetings_json(meetings: Iterable[Meeting]) -> list[str] | None:
    """The JSON of each meeting, or None when one holds a value the fast writer does not know."""
    if not _FAST:
        return None
    written = _Written()
    try:
        return [_meeting_json(m, written) for m in meetings]
    except _FAST_ENCODE_FAILS:
        return None


# Garbage collection --------------------------------------------------------------------------


class _GcPause:
    """Pause the cyclic garbage collector during bulk work (thread-safe, nestable).

    Parsing and building 100,000 meetings allocates millions of objects and no reference
    cycles; with the collector running, most of the time goes into repeated scans of the new
    objects. The collector's previous state is restored when the last pause ends.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._depth = 0
        self._was_enabled = False

    def __enter__(self) -> None:
        with self._lock:
            if self._depth == 0:
                self._was_enabled = gc.isenabled()
                gc.disable()
            self._depth += 1

    def __exit__(self, *_: object) -> None:
        with self._lock:
            self._depth -= 1
            if self._depth == 0 and self._was_enabled:
                gc.enable()


_gc_paused: Final = _GcPause()


# The converter, documents and migrations -------------------------------------------------------

converter: Final = make_converter()
"""The one converter for every turkicorg type."""


def _reachable_types() -> dict[str, type]:
    """Every attrs class an Organization or a MeetingRegistry document can contain, by name."""
    return {cls.__name__: cls for cls in _model_types()[0]}


DOCUMENT_TYPES: Final[Mapping[str, type]] = _reachable_types()
"""The classes a document can hold, by the name written in its ``type``."""


def _check_type(cls: object) -> None:
    if not isinstance(cls, type) or DOCUMENT_TYPES.get(cls.__name__) is not cls:
        raise UnsupportedTypeError(cls, DOCUMENT_TYPES)


def structure(data: object, cls: type[T]) -> T:
    """Turn plain data (dicts, lists, strings) into ``cls``.

    Raises:
        InvalidDataError: Every problem, with its path.
    """
    try:
        with _gc_paused:
            return converter.structure(data, cls)
    except InvalidDataError:
        raise
    except RecursionError:
        raise InvalidDataError.single("$", "data nested too deeply", None) from None
    except MemoryError:
        raise InvalidDataError.single("$", "data too large for memory", None) from None
    except Exception as error:  # noqa: BLE001 - no input may crash the library
        problems: list[ErrorDetail] = []
        _locate(error, "$", problems)
        raise InvalidDataError(problems) from None


def unstructure(obj: object) -> Any:
    """Turn a turkicorg object into plain data, defaults omitted."""
    return converter.unstructure(obj)


MIGRATIONS: Final[dict[int, Migration]] = {}
"""Migration steps: ``MIGRATIONS[n]`` turns a version-``n`` document into version ``n + 1``.

Fill it with :func:`register_migration`.
"""


def register_migration(from_version: int) -> Callable[[Migration], Migration]:
    """Register the step that turns a version-``from_version`` document into the next version.

    A step takes the whole document as plain data (envelope included, a private copy it may
    change) and returns the document of the next version; the loader then sets ``version``.
    Documents older than :data:`VERSION` go through every step from their version up.

    >>> from turkicorg import serialize
    >>> @serialize.register_migration(0)  # doctest: +SKIP
    ... def rename_venue(document):
    ...     document["meetings"] = [...]
    ...     return document

    Raises:
        PolicyError: ``from_version`` is not a positive whole number below :data:`VERSION`
            at call time, or a step is already registered for it.
    """
    if type(from_version) is not int or from_version < 1:
        raise PolicyError("register_migration", "from_version is a whole number from 1")
    if from_version in MIGRATIONS:
        raise PolicyError(
            "register_migration", f"a migration from version {from_version} is registered"
        )

    def decorator(step: Migration) -> Migration:
        MIGRATIONS[from_version] = step
        return step

    return decorator


def _migrate(document: dict[str, Any]) -> dict[str, Any]:
    version = document.get("version")
    if type(version) is not int or version < 1:
        raise InvalidDataError.single("$.version", "expected a positive integer version", version)
    newest = VERSION
    if version > newest:
        raise UnsupportedVersionError(version, newest)
    if version < newest:
        document = copy.deepcopy(document)
    for step in range(version, newest):
        migration = MIGRATIONS.get(step)
        if migration is None:
            raise InvalidDataError.single(
                "$.version", f"no migration from version {step} to {step + 1}", version
            )
        try:
            migrated = migration(document)
        except InvalidDataError:
            raise
        except Exception as error:  # noqa: BLE001 - a step meets data of any shape
            raise InvalidDataError.single(
                "$", f"migration from version {step} failed: {type(error).__name__}: {error}"
            ) from None
        if type(migrated) is not dict:
            raise InvalidDataError.single("$", f"migration from version {step} gave no object")
        document = migrated
        document["version"] = step + 1
    return document


def _snake_case(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


FIELDS_KEY: Final[Mapping[type, str]] = {
    MeetingRegistry: "meetings",
    **{
        cls: _snake_case(cls.__name__)
        for cls in DOCUMENT_TYPES.values()
        if attrs.has(cls) and any(f.name in _ENVELOPE for f in attrs.fields(cls))
    },
}
"""Document types whose fields sit under one key instead of next to the envelope.

A registry's meetings are under ``meetings``; a class with a field named like an envelope
key (``format``, ``version``, ``type``) is nested under its name in snake case: a
:class:`~turkicorg.Meeting` (it has a ``format``) under ``meeting``.
"""


def to_document(obj: object) -> dict[str, Any]:
    """The envelope and fields of ``obj`` as plain data.

    Raises:
        UnsupportedTypeError: ``obj`` is not an object of a document type.
    """
    _check_type(type(obj))
    fields = unstructure(obj)
    key = FIELDS_KEY.get(type(obj))
    if key is not None:
        fields = {key: fields}
    return {"format": FORMAT, "version": VERSION, "type": type(obj).__name__, **fields}


def _remap_meeting_paths(error: InvalidDataError, raw: object) -> InvalidDataError:
    """Locate ``$.meetings[k]`` problems of an Organization by their input position.

    The organization reports positions in its sorted registry; the reader wants the
    position in the file.
    """
    try:
        registry = structure(raw, MeetingRegistry)
    except InvalidDataError:
        return error
    where = {item["id"]: i for i, item in enumerate(typing.cast("list[Any]", raw))}
    sorted_ids = [m.id for m in registry]
    pattern = re.compile(r"\$\.meetings\[(\d+)\]")

    def move(match: re.Match[str]) -> str:
        return f"$.meetings[{where[sorted_ids[int(match[1])]]}]"

    return InvalidDataError(
        ErrorDetail(pattern.sub(move, e.path, count=1), e.message, e.value) for e in error.errors
    )


def from_document(document: object, cls: type[T]) -> T:
    """Check the envelope of a document, migrate it, and build ``cls`` from it.

    Raises:
        InvalidDataError: Every problem, with its path.
        UnsupportedTypeError: ``cls`` is not a document type.
    """
    _check_type(cls)
    if type(document) is not dict:
        raise InvalidDataError.single("$", f"expected an object, got {_type_name(document)}", None)
    if document.get("format") != FORMAT or type(document.get("format")) is not str:
        raise InvalidDataError.single(
            "$.format",
            f"not a turkicorg document (expected format {FORMAT!r})",
            document.get("format"),
        )
    document = _migrate(document)
    if document.get("type") != cls.__name__ or type(document.get("type")) is not str:
        raise InvalidDataError.single(
            "$.type", f"expected a {cls.__name__} document", document.get("type")
        )
    fields = {k: v for k, v in document.items() if k not in _ENVELOPE}
    key = FIELDS_KEY.get(cls)
    with _gc_paused:
        if key is not None:
            extra = sorted(set(fields) - {key}, key=str)
            if extra or key not in fields:
                raise InvalidDataError(
                    [ErrorDetail(_key_path("$", k), "unknown key", k) for k in extra]
                    or [ErrorDetail(f"$.{key}", "required key missing")]
                )
            try:
                return _structure_fields(fields[key], cls)
            except InvalidDataError as error:
                raise error.prefixed(f"$.{key}") from None
        try:
            return structure(fields, cls)
        except InvalidDataError as error:
            if cls is Organization and any(e.path.startswith("$.meetings[") for e in error.errors):
                raise _remap_meeting_paths(error, fields.get("meetings")) from None
            raise


def _structure_fields(data: object, cls: type[T]) -> T:
    """``structure``, by the fast path for a meeting when it accepts the data."""
    if cls is Meeting:
        fast = _fast_one_meeting(data)
        if fast is not None:
            return typing.cast("T", fast)
    return structure(data, cls)


# Text -------------------------------------------------------------------------------------


class _DuplicateKeys(dict[str, Any]):
    """A parsed JSON object that repeated a key (marked for the error report)."""

    duplicates: list[str]


def _parse(
    text: str | bytes | bytearray | memoryview, max_size: int | None, *, pairs: bool = False
) -> Any:
    """Parse strict JSON text, or raise InvalidDataError (never anything else).

    With ``pairs``, each JSON object becomes a tuple of (key, value) pairs, as the parser
    found them (repeated keys included): faster for the fast path, which checks them itself.
    """
    if isinstance(text, (bytes, bytearray, memoryview)):
        data = bytes(text)
        if max_size is not None and len(data) > max_size:
            raise InvalidDataError.single(
                "$", f"the document is larger than max_size={max_size} bytes", None
            )
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            raise InvalidDataError.single(
                "$", f"not UTF-8 text: invalid byte at offset {error.start}", None
            ) from None
    elif not isinstance(text, str):
        raise InvalidDataError.single(
            "$", f"expected JSON text (str or bytes), got {type(text).__name__}", None
        )
    elif max_size is not None and len(text) > max_size:
        raise InvalidDataError.single(
            "$", f"the document is larger than max_size={max_size} characters", None
        )
    text = text.removeprefix("\ufeff")
    marked: list[_DuplicateKeys] = []

    def pairs_hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result = dict(pairs)
        if len(result) == len(pairs):
            return result
        flagged = _DuplicateKeys(result)
        seen: set[str] = set()
        flagged.duplicates = [k for k, _ in pairs if k in seen or seen.add(k)]  # type: ignore[func-returns-value]
        marked.append(flagged)
        return flagged

    try:
        with _gc_paused:
            document = json.loads(
                text,
                object_pairs_hook=tuple if pairs else pairs_hook,
                parse_constant=_reject_constant,
            )
    except json.JSONDecodeError as error:
        raise InvalidDataError.single(
            "$", f"malformed JSON: {error.msg} (line {error.lineno}, column {error.colno})", None
        ) from None
    except ValueError as error:  # NaN, or an integer with more digits than Python allows
        raise InvalidDataError.single("$", f"malformed JSON: {error}", None) from None
    except RecursionError:
        raise InvalidDataError.single("$", "JSON nested too deeply", None) from None
    except MemoryError:
        raise InvalidDataError.single("$", "JSON too large for memory", None) from None
    if marked:
        raise InvalidDataError(_duplicate_problems(document))
    return document


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _duplicate_problems(document: Any) -> list[ErrorDetail]:
    """Every repeated key in a parsed document, with its path (iterative: any depth)."""
    problems: list[ErrorDetail] = []
    stack: list[tuple[str, Any]] = [("$", document)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, _DuplicateKeys):
            problems.extend(
                ErrorDetail(_key_path(path, key), "duplicate key", key) for key in value.duplicates
            )
        if isinstance(value, dict):
            stack.extend((_key_path(path, k), v) for k, v in reversed(value.items()))
        elif isinstance(value, list):
            stack.extend((f"{path}[{i}]", v) for i, v in reversed(list(enumerate(value))))
    return problems


def _encode(document: dict[str, Any], indent: int | None) -> str:
    separators = (",", ":") if indent is None else (",", ": ")
    try:
        return json.dumps(document, ensure_ascii=False, indent=indent, separators=separators)
    except (TypeError, ValueError, RecursionError) as error:
        raise InvalidDataError.single("$", f"cannot be written as JSON: {error}", None) from None


def _envelope_head(type_name: str) -> str:
    return f'{{"format":"{FORMAT}","version":{VERSION},"type":"{type_name}"'


def dumps(obj: object, *, indent: int | None = None) -> str:
    """Serialize a turkicorg object as a JSON document (deterministic: same data, same text).

    Args:
        obj: An object of one of the :data:`DOCUMENT_TYPES` (an Organization, a
            MeetingRegistry, a Meeting, a State...).
        indent: Indent nested values by this many spaces; compact (no white space) when None.

    Raises:
        UnsupportedTypeError: ``obj`` is of another type.
        InvalidDataError: ``obj`` holds a value JSON cannot represent (an object built in
            Python with a wrong type).
    """
    _check_type(type(obj))
    if indent is None and type(obj) in (MeetingRegistry, Meeting):
        with _gc_paused:
            if isinstance(obj, MeetingRegistry):
                parts = _fast_meetings_json(obj)
                if parts is not None:
                    head = _envelope_head("MeetingRegistry")
                    return head + ',"meetings":[' + ",".join(parts) + "]}"
            else:
                parts = _fast_meetings_json((typing.cast("Meeting", obj),))
                if parts is not None:
                    return _envelope_head("Meeting") + ',"meeting":' + parts[0] + "}"
    with _gc_paused:
        return _encode(to_document(obj), indent)


def loads(
    text: str | bytes | bytearray | memoryview,
    cls: type[T],
    *,
    max_size: int | None = DEFAULT_MAX_SIZE,
) -> T:
    """Read a JSON document written by :func:`dumps`.

    Args:
        text: The document, as text or as UTF-8 bytes (a leading byte order mark is ignored).
        cls: The class the document holds (its ``type``).
        max_size: Refuse larger input (bytes, or characters for text); None: no limit.

    Raises:
        InvalidDataError: Malformed JSON, wrong types, unknown or duplicate keys, impossible
            dates, broken invariants, input nested too deeply or larger than ``max_size``;
            every problem with its path.
        UnsupportedTypeError: ``cls`` is not a document type.
    """
    _check_type(cls)
    with _gc_paused:
        if cls is MeetingRegistry and _FAST:
            found = _fast_registry_document(_parse(text, max_size, pairs=True))
            if found is not None:
                return typing.cast("T", found)
        return from_document(_parse(text, max_size), cls)


# Files ------------------------------------------------------------------------------------


def _atomic_write(path: StrPath, chunks: Iterable[bytes]) -> None:
    """Write ``chunks`` to ``path`` all or nothing.

    The bytes go to a new file in the same folder, are flushed and synced to the disk, and
    the new file then replaces ``path`` in one step (``os.replace``). If anything fails on the
    way, the temporary file is removed and ``path`` keeps its previous content.
    """
    target = Path(path)
    with contextlib.suppress(OSError):
        if target.is_symlink():
            target = target.resolve()
    temporary = target.with_name(f".{target.name}.{secrets.token_hex(8)}.tmp")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(temporary, flags, 0o666)
    except OSError as error:
        raise DataFileError(path, f"cannot write ({error.strerror})", errno=error.errno) from None
    try:
        with open(descriptor, "wb", closefd=True) as stream:  # noqa: PTH123 - a descriptor
            stream.writelines(chunks)
            stream.flush()
            os.fsync(stream.fileno())
        with contextlib.suppress(OSError):
            temporary.chmod(stat.S_IMODE(target.stat().st_mode))
        temporary.replace(target)
    except BaseException as error:
        with contextlib.suppress(OSError):
            temporary.unlink()
        if isinstance(error, OSError):
            raise DataFileError(
                path, f"cannot write ({error.strerror or error})", errno=error.errno
            ) from error
        raise
    _sync_folder(target.parent)


def _sync_folder(folder: Path) -> None:
    """Make the rename durable where the system allows syncing a folder (POSIX)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def _utf8(text: str) -> bytes:
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise InvalidDataError.single(
            "$", f"text cannot be written as UTF-8 (lone surrogate at {error.start})", None
        ) from None


def dump(obj: object, path: StrPath, *, indent: int | None = None) -> None:
    """Write ``obj`` as a JSON document (UTF-8, newline at the end) to a file, atomically.

    Either the whole new document is in place or the previous file is left untouched.

    Raises:
        DataFileError: The file cannot be written.
        InvalidDataError: ``obj`` holds a value that cannot be written.
        UnsupportedTypeError: ``obj`` is not of a document type.
    """
    data = _utf8(dumps(obj, indent=indent) + "\n")
    _atomic_write(path, (data,))


def _read_source(source: StrPath | IO[bytes] | IO[str], limit: int | None) -> str | bytes:
    size = -1 if limit is None else limit + 1
    if not isinstance(source, (str, os.PathLike)):
        return source.read(size)
    try:
        with Path(source).open("rb") as stream:
            return stream.read(size)
    except OSError as error:
        raise DataFileError(
            source, f"cannot read ({error.strerror or error})", errno=error.errno
        ) from None


def load(
    source: StrPath | IO[bytes] | IO[str],
    cls: type[T],
    *,
    max_size: int | None = DEFAULT_MAX_SIZE,
) -> T:
    """Read a JSON document from a file (a path, or an open file in binary or text mode).

    Raises:
        DataFileError: The file cannot be opened or read (missing, a folder, no permission).
        InvalidDataError: As :func:`loads`.
        UnsupportedTypeError: ``cls`` is not a document type.
    """
    _check_type(cls)
    return loads(_read_source(source, max_size), cls, max_size=max_size)


# JSON Lines ------------------------------------------------------------------------------------
#
# A JSON Lines file of meetings: a header line (the envelope of a Meeting document, without
# the meeting), then one meeting object a line, exactly as inside a registry document. A
# header may appear again further down (files concatenated with ``cat``); the lines below it
# are read in its version.


def iter_dumps(meetings: Iterable[Meeting]) -> Iterator[str]:
    """The JSON Lines text of meetings, one line at a time (each ends with a newline).

    The header line comes first, then one meeting a line; for writing to a stream
    (``sys.stdout.writelines(serialize.iter_dumps(registry))``). :func:`dump_lines` writes the
    same lines to a file.

    Raises:
        InvalidDataError: A meeting holds a value JSON cannot represent.
        UnsupportedTypeError: An item is not a Meeting.
    """
    yield _envelope_head("Meeting") + "}\n"
    for meeting in meetings:
        if type(meeting) is not Meeting:
            raise UnsupportedTypeError(type(meeting), ["Meeting"])
        parts = _fast_meetings_json((meeting,))
        yield (parts[0] if parts is not None else _encode(unstructure(meeting), None)) + "\n"


def dump_lines(meetings: Iterable[Meeting], path: StrPath) -> None:
    """Write meetings as JSON Lines, atomically: a header line, then one meeting a line.

    Meetings are encoded one at a time, so a large registry is never held as one text. Each
    meeting line is the meeting's object as in a registry document (:func:`iter_dumps`).

    Raises:
        DataFileError: The file cannot be written (the previous content stays in place).
        InvalidDataError: A meeting holds a value that cannot be written.
        UnsupportedTypeError: An item is not a Meeting.
    """
    _atomic_write(path, map(_utf8, iter_dumps(meetings)))


def _is_header(data: object) -> bool:
    return type(data) is dict and data.keys() == set(_ENVELOPE)


def _read_lines(
    stream: IO[bytes] | IO[str], limit: int
) -> Iterator[tuple[int, Meeting | InvalidDataError]]:
    """Each non-blank line's number with its meeting or its problems (``$[line N]``).

    Stops after a line longer than ``limit`` (the rest of that line cannot be told apart
    from the next lines without reading it whole) and after a bad header.
    """
    version: int | None = None
    number = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            if version is None:
                yield (
                    number + 1,
                    InvalidDataError.single(
                        f"$[line {number + 1}]", "no header line (the file is empty)"
                    ),
                )
            return
        number += 1
        where = f"$[line {number}]"
        if len(line) > limit:
            yield (
                number,
                InvalidDataError.single(where, f"line longer than max_line_size={limit}", None),
            )
            return
        if number == 1:
            line = line.removeprefix(b"\xef\xbb\xbf" if isinstance(line, bytes) else "\ufeff")  # type: ignore[arg-type]
        line = line.rstrip(b"\r\n" if isinstance(line, bytes) else "\r\n")  # type: ignore[arg-type]
        if not line.strip():
            continue
        try:
            if version == VERSION:
                fast = _fast_one_meeting(_parse(line, None, pairs=True), pairs=True)
                if fast is not None:
                    yield number, fast
                    continue
            data = _parse(line, None)
            if _is_header(data) or version is None:
                version = _line_header(data)
                continue
            if version == VERSION:
                yield number, _structure_fields(data, Meeting)
            else:
                document = {"format": FORMAT, "version": version, "type": "Meeting"}
                yield number, from_document({**document, "meeting": data}, Meeting)
        except InvalidDataError as error:
            yield number, _relocate(error, where)
            if version is None:
                return


def _relocate(error: InvalidDataError, prefix: str) -> InvalidDataError:
    """``error.prefixed(prefix)``, keeping the class of an UnsupportedVersionError."""
    moved = InvalidDataError(error.errors).prefixed(prefix)
    if isinstance(error, UnsupportedVersionError):
        relocated = UnsupportedVersionError(error.version, error.supported)
        InvalidDataError.__init__(relocated, moved.errors)
        return relocated
    return moved


def _line_header(data: object) -> int:
    """The version a header line declares (checked as a document envelope)."""
    if not _is_header(data):
        raise InvalidDataError.single(
            "$", f"expected the header line {_envelope_head('Meeting')}}}", None
        )
    header = typing.cast("dict[str, Any]", data)
    if header["format"] != FORMAT:
        raise InvalidDataError.single(
            "$.format", f"not a turkicorg file (expected format {FORMAT!r})", header["format"]
        )
    version = header["version"]
    if type(version) is not int or version < 1:
        raise InvalidDataError.single("$.version", "expected a positive integer version", version)
    if version > VERSION:
        raise UnsupportedVersionError(version, VERSION)
    if header["type"] != "Meeting":
        raise InvalidDataError.single("$.type", "expected a file of Meeting lines", header["type"])
    return version


def _open_lines(source: StrPath | IO[bytes] | IO[str]) -> tuple[IO[bytes] | IO[str], bool]:
    if isinstance(source, (str, os.PathLike)):
        try:
            return Path(source).open("rb"), True
        except OSError as error:
            raise DataFileError(
                source, f"cannot read ({error.strerror or error})", errno=error.errno
            ) from None
    return source, False


def iter_load(
    source: StrPath | IO[bytes] | IO[str], *, max_line_size: int = DEFAULT_MAX_LINE_SIZE
) -> Iterator[Meeting]:
    """Read JSON Lines written by :func:`dump_lines`, one meeting at a time.

    Only one line is held in memory at a time. Blank lines are skipped. Cross-meeting rules
    (unique ids, unique ordinals) need the whole set: use :func:`load_lines` for them.

    Args:
        source: A path, or an open file (binary or text).
        max_line_size: Refuse longer lines (bytes, or characters for a text file).

    Raises:
        DataFileError: The file cannot be opened (raised at once, not on iteration) or read.
        InvalidDataError: On iteration, at the first bad line, with every problem of that
            line located by its number (``$[line 12].start``).
    """
    stream, owned = _open_lines(source)

    def generate() -> Iterator[Meeting]:
        try:
            for _number, item in _read_lines(stream, max_line_size):
                if isinstance(item, InvalidDataError):
                    raise item
                yield item
        except OSError as error:
            raise DataFileError(source, f"cannot read ({error})", errno=error.errno) from None
        finally:
            if owned:
                stream.close()

    return generate()


def load_lines(
    source: StrPath | IO[bytes] | IO[str], *, max_line_size: int = DEFAULT_MAX_LINE_SIZE
) -> MeetingRegistry:
    """Read JSON Lines into a registry, checking the rules between meetings too.

    Raises:
        DataFileError: The file cannot be opened or read.
        InvalidDataError: Every problem of every line (``$[line 12].start``) and between
            lines (a duplicate id: ``$[line 40].id``).
    """
    stream, owned = _open_lines(source)
    meetings: list[Meeting] = []
    numbers: list[int] = []
    problems: list[ErrorDetail] = []
    try:
        with _gc_paused:
            for number, item in _read_lines(stream, max_line_size):
                if isinstance(item, InvalidDataError):
                    problems.extend(item.errors)
                else:
                    meetings.append(item)
                    numbers.append(number)
    except OSError as error:
        raise DataFileError(source, f"cannot read ({error})", errno=error.errno) from None
    finally:
        if owned:
            stream.close()
    if problems:
        raise InvalidDataError(problems)
    try:
        with _gc_paused:
            return MeetingRegistry(meetings)
    except InvalidDataError:
        found = registry_problems(meetings, prefix="$")
        pattern = re.compile(r"\$\[(\d+)\]")
        raise InvalidDataError(
            ErrorDetail(
                pattern.sub(lambda m: f"$[line {numbers[int(m[1])]}]", e.path, count=1),
                e.message,
                e.value,
            )
            for e in found
        ) from None


def json_schema(cls: type | None = None) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of turkicorg documents.

    Args:
        cls: The document type; None for the schema of every document type (the one shipped
            in the package as ``turkicorg/schema/turkicorg.schema.json``).

    Raises:
        UnsupportedTypeError: ``cls`` is not a document type.
    """
    from turkicorg.schema import generate  # noqa: PLC0415 - the generator imports this module

    return generate(cls)
