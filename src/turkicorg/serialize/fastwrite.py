"""The fast path for writing meetings: exactly the converter's JSON, without the detour.

``json.dumps(unstructure(meeting))`` builds a dict per meeting and per nested object and then
encodes it; the writer here encodes the attributes directly (dates from tables), with the
JSON of repeated places and participants made once per call. Like the reader, it is generated
from the field table (:data:`~.fields.MEETING_FIELDS`): a field is written unless it equals
its default, in declaration order, as the converter writes it. A value the writer does not
know (a meeting built in Python with a value of a wrong type) makes it decline; the converter
then writes.
"""

from __future__ import annotations

import functools
import typing
from json.encoder import encode_basestring
from typing import Any, Final

from turkicorg.dates import PartialDate
from turkicorg.meetings import Meeting, Participant, Place
from turkicorg.serialize.fastread import FAST_PATH
from turkicorg.serialize.fields import MEETING_FIELDS, FieldSpec, Kind, field_specs
from turkicorg.sourcing import Alternative

if typing.TYPE_CHECKING:
    from collections.abc import Callable, Iterable

__all__ = [
    "FAILS",
    "Texts",
    "Written",
    "escape",
    "fast_meetings_json",
    "make_writer",
    "partial_json",
]

escape: Final = encode_basestring
"""A JSON string's text (``json.dumps`` of a ``str``, non-ASCII kept)."""
FAILS: Final = (TypeError, LookupError, AttributeError, ValueError)
"""What a writer meeting a value it does not know raises: the writer declines."""


class Texts:
    """JSON already written in one call for objects of one role, by the object's identity.

    Every object noted is kept here, so no other object can take its ``id`` while the call
    lasts.
    """

    __slots__ = ("joined", "note", "seen")

    def __init__(self) -> None:
        texts: dict[int, str] = {}
        kept: list[object] = []
        keep = kept.append
        text_of = texts.__getitem__
        seen = texts.get

        def note(value: object, text: str) -> str:
            texts[id(value)] = text
            keep(value)
            return text

        def joined(values: Iterable[object], write: Callable[[Any], str]) -> str:
            values = tuple(values)  # read twice below (a tuple is returned as it is)
            try:  # every object already written: C calls only
                return ",".join(map(text_of, map(id, values)))
            except KeyError:
                return ",".join([seen(id(v)) or note(v, write(v)) for v in values])

        self.seen: Callable[[int], str | None] = seen
        """The text written for the object with this ``id``, or None."""
        self.note: Callable[[object, str], str] = note
        """Remember a text as the JSON of an object; return the text."""
        self.joined: Callable[[Iterable[object], Callable[[Any], str]], str] = joined
        """The texts of objects joined with commas, each written (and noted) if not yet."""


class Written:
    """JSON already written in one call, for places and for participants.

    Places and participants repeat across meetings (the readers share equal ones), so each is
    written once a call. Each role has its own texts: an object given in the wrong role (a
    participant as a place, built in Python) is written by that role's writer, which declines
    it.
    """

    __slots__ = ("people", "places")

    def __init__(self) -> None:
        self.places = Texts()
        self.people = Texts()


class _Years(dict[int, str]):
    """The opening of a date's JSON by year (``"2022``, ``"0999``), made on first use.

    Only a year a date can hold gets a text (the writer declines any other); the tables trust
    :class:`~turkicorg.PartialDate`'s constructor for the rest (a year made a float past it
    would find the text of the equal integer). The writer uses them only for values that are
    exactly a ``PartialDate``.
    """

    def __missing__(self, year: int) -> str:
        if type(year) is not int or not 1 <= year <= 9999:  # no date holds it: decline
            raise ValueError
        text = f'"{year:04d}'
        self[year] = text
        return text


_YEARS: Final = _Years()
_MONTH_DAYS: Final[dict[int | None, dict[int | None, str]]] = {
    None: {None: '"'},
    **{
        month: {None: f'-{month:02d}"', **{day: f'-{month:02d}-{day:02d}"' for day in range(1, 32)}}
        for month in range(1, 13)
    },
}
"""The rest of a date's JSON by month, then day (None: not known). A month or day no date
holds (0, 13, a day without a month) is not found: the writer declines it."""


def _decline(value: object) -> str:
    """Decline a date that is not exactly a :class:`~turkicorg.PartialDate`.

    A subclass, or a ``datetime`` set past a meeting's checks: the converter writes it, by its
    ``str``.
    """
    raise TypeError(type(value).__name__)


def partial_json(value: PartialDate) -> str:
    """``json.dumps(str(value))``, without the detour through ``__str__`` (from tables).

    Raises:
        TypeError, LookupError, ValueError: ``value`` is not exactly a PartialDate, or holds
            a value no date can (made past its checks).
    """
    if type(value) is not PartialDate:
        return _decline(value)
    return _YEARS[value.year] + _MONTH_DAYS[value.month][value.day]


def _simple_json(value: Any, kind: Kind) -> str:
    if kind is Kind.TEXTS:
        return "[" + ",".join(map(escape, value)) + "]"
    if kind is Kind.OPTIONAL_INT:
        return int.__repr__(value)
    return escape(value)


def _record_writer(cls: type) -> Callable[[Any], str]:
    """The JSON writer of a nested object (every field of a kind the reader allows)."""
    fields = tuple((spec, '"' + spec.name + '":') for spec in field_specs(cls))

    def write(obj: Any) -> str:
        parts = []
        for spec, key in fields:
            value = getattr(obj, spec.name)
            if spec.required or value != spec.default:
                parts.append(key + _simple_json(value, spec.kind))
        return "{" + ",".join(parts) + "}"

    return write


_DATE: Final = "(_years[v.year] + _month_days[v.month][v.day] if type({v}) is _Day else _no(v))"
"""A date's JSON as :func:`partial_json` gives it, inline (the writer's own year table)."""

_ENCODE: Final[dict[Kind, str]] = {
    Kind.TEXT: "_esc({v})",
    Kind.OPTIONAL_TEXT: "_esc({v})",
    Kind.OPTIONAL_INT: "_int({v})",
    Kind.CHOICE: "{c}[{v}]",
    Kind.DATE: _DATE,
    Kind.OPTIONAL_DATE: _DATE,
    Kind.OPTIONAL_PLACE: "(place_seen(id({v})) or place_note(v, _place(v)))",
    Kind.PARTICIPANTS: "'[' + people({v}, _participant) + ']'",
    Kind.TEXTS: "'[' + ','.join(map(_esc, {v})) + ']'",
    Kind.ALTERNATIVES: "'[' + ','.join(map(_alternative, {v})) + ']'",
}
"""The expression giving the JSON of a field's value ``{v}``, by kind (a kind that uses the
value again names it ``v``: ``{v}`` is ``v`` or an assignment to it)."""


def _value(index: int, spec: FieldSpec, namespace: dict[str, Any], variable: str) -> str:
    """The expression giving the JSON of field number ``index``, held in ``variable``."""
    choices = f"_choices{index}"
    namespace[choices] = {member: escape(value) for value, member in spec.choices.items()}
    return _ENCODE[spec.kind].format(v=variable, c=choices)


def _part(index: int, spec: FieldSpec, namespace: dict[str, Any], *, first: bool) -> str:
    """The expression giving ``,"name":value`` for a field, or ``''`` when it is its default.

    The first field of an object that is always written opens the object (``{"name":value``).
    """
    key = ("{" if first else ",") + escape(spec.name) + ":"
    if spec.required:
        return f"{key!r} + {_value(index, spec, namespace, f'(v := m.{spec.name})')}"
    value = f"{key!r} + {_value(index, spec, namespace, 'v')}"
    if spec.default is None:
        return f"('' if (v := m.{spec.name}) is None else {value})"
    namespace[f"_default{index}"] = spec.default
    return f"('' if (v := m.{spec.name}) == _default{index} else {value})"


def make_writer(specs: tuple[FieldSpec, ...]) -> Callable[[Any, Written], str]:
    """Generate the writer of objects with the fields ``specs`` (kinds the reader knows).

    The writer takes ``(obj, written)`` and returns the object's JSON, compact, exactly as
    ``json.dumps(unstructure(obj))`` with the converter's conventions; it raises TypeError,
    LookupError, AttributeError or ValueError for a value it does not know. The text is one
    join of a tuple display in which a field equal to its default gives ``''``.
    """
    namespace: dict[str, Any] = {
        "_esc": escape,
        "_int": int.__repr__,
        "_years": _Years(),  # each writer its own: filled as it writes
        "_Day": PartialDate,
        "_no": _decline,
        "_month_days": _MONTH_DAYS,
        "_place": _record_writer(Place),
        "_participant": _record_writer(Participant),
        "_alternative": _record_writer(Alternative),
    }
    opens = bool(specs) and specs[0].required  # else the first comma is dropped at the end
    parts = [
        _part(index, spec, namespace, first=opens and index == 0)
        for index, spec in enumerate(specs)
    ]
    if opens:
        parts.append("'}'")
    joined = "''.join((" + "".join(f"\n        {part}," for part in parts) + "\n    ))"
    result = joined if opens else f"'{{' + {joined}[1:] + '}}'"
    source = (
        "def write(m, written):\n"
        "    place_seen, place_note = written.places.seen, written.places.note\n"
        "    people = written.people.joined\n"
        f"    return {result}\n"
    )
    exec(source, namespace)  # noqa: S102 - generated from field names, as attrs does
    write: Callable[[Any, Written], str] = namespace["write"]
    return write


@functools.cache
def _meeting_writer() -> Callable[[Any, Written], str] | None:
    """The generated writer of meetings, made on first use (None: the fast path does not apply)."""
    return make_writer(MEETING_FIELDS) if FAST_PATH.applies else None


def fast_meetings_json(meetings: Iterable[Meeting]) -> list[str] | None:
    """The JSON of each meeting, or None when one holds a value the fast writer does not know."""
    write = _meeting_writer() if FAST_PATH.enabled else None
    if write is None:
        return None
    written = Written()
    try:
        return [write(m, written) for m in meetings]
    except FAILS:
        return None
