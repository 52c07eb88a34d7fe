"""The fast path for writing meetings: exactly the converter's JSON, without the detour.

``json.dumps(unstructure(meeting))`` builds a dict per meeting and per nested object and then
encodes it; the writer here encodes the attributes directly, with the JSON of repeated dates,
places and participants made once per call. Like the reader, it is generated from the field
table (:data:`~.fields.MEETING_FIELDS`): a field is written unless it equals its default,
in declaration order, as the converter writes it. A value the writer does not know (a meeting
built in Python with a value of a wrong type) makes it decline; the converter then writes.
"""

from __future__ import annotations

import operator
import typing
from json.encoder import encode_basestring
from typing import Any, Final

from turkicorg.meetings import Meeting, Participant, Place
from turkicorg.serialize.fastread import FAST_PATH
from turkicorg.serialize.fields import MEETING_FIELDS, FieldSpec, Kind, field_specs
from turkicorg.sourcing import Alternative

if typing.TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from turkicorg.dates import PartialDate

__all__ = ["Written", "fast_meetings_json", "make_writer", "partial_json"]

_ESCAPE: Final = encode_basestring
_FAILS: Final = (TypeError, LookupError, AttributeError, ValueError)


class Written:
    """JSON already written in one call, by value: dates, places and participants repeat."""

    __slots__ = ("dates", "people", "places")

    def __init__(self) -> None:
        self.dates: dict[tuple[int, int | None, int | None], str] = {}
        self.places: dict[tuple[Any, ...], str] = {}
        self.people: dict[tuple[Any, ...], str] = {}


def partial_json(value: PartialDate) -> str:
    """``json.dumps(str(value))``, without the detour through ``__str__``."""
    if value.month is None:
        return f'"{value.year:04d}"'
    if value.day is None:
        return f'"{value.year:04d}-{value.month:02d}"'
    return f'"{value.year:04d}-{value.month:02d}-{value.day:02d}"'


def _simple_json(value: Any, kind: Kind) -> str:
    if kind is Kind.TEXTS:
        return "[" + ",".join(map(_ESCAPE, value)) + "]"
    if kind is Kind.OPTIONAL_INT:
        return int.__repr__(value)
    return _ESCAPE(value)


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


_place_json: Final = _record_writer(Place)
_participant_json: Final = _record_writer(Participant)
_alternative_json: Final = _record_writer(Alternative)


def _date(value: PartialDate, written: Written) -> str:
    key = (value.year, value.month, value.day)
    text = written.dates.get(key)
    if text is None:
        text = written.dates[key] = partial_json(value)
    return text


_place_key: Final = operator.attrgetter(*(spec.name for spec in field_specs(Place)))
_participant_key: Final = operator.attrgetter(*(spec.name for spec in field_specs(Participant)))


def _place(place: Place, written: Written) -> str:
    key = _place_key(place)
    text = written.places.get(key)
    if text is None:
        text = written.places[key] = _place_json(place)
    return text


def _participants(participants: tuple[Participant, ...], written: Written) -> str:
    people = written.people
    texts = []
    for participant in participants:
        key = _participant_key(participant)
        text = people.get(key)
        if text is None:
            text = people[key] = _participant_json(participant)
        texts.append(text)
    return "[" + ",".join(texts) + "]"


_ENCODE: Final[dict[Kind, str]] = {
    Kind.TEXT: "_esc({v})",
    Kind.OPTIONAL_TEXT: "_esc({v})",
    Kind.OPTIONAL_INT: "_int({v})",
    Kind.CHOICE: "{c}[{v}]",
    Kind.DATE: "_date({v}, written)",
    Kind.OPTIONAL_DATE: "_date({v}, written)",
    Kind.OPTIONAL_PLACE: "_place({v}, written)",
    Kind.PARTICIPANTS: "_participants({v}, written)",
    Kind.TEXTS: "'[' + ','.join(map(_esc, {v})) + ']'",
    Kind.ALTERNATIVES: "'[' + ','.join(map(_alternative, {v})) + ']'",
}
"""The expression giving the JSON of a field's value ``{v}``, by kind."""


def _value(index: int, spec: FieldSpec, namespace: dict[str, Any], variable: str) -> str:
    """The expression giving the JSON of field number ``index``, held in ``variable``."""
    choices = f"_choices{index}"
    namespace[choices] = {member: _ESCAPE(value) for value, member in spec.choices.items()}
    return _ENCODE[spec.kind].format(v=variable, c=choices)


def _optional_lines(index: int, spec: FieldSpec, namespace: dict[str, Any]) -> list[str]:
    """The lines adding ``,"name":value`` for a field unless it equals its default."""
    key = "," + _ESCAPE(spec.name) + ":"
    add = f"add({key!r} + {_value(index, spec, namespace, 'v')})"
    if spec.required:
        return [f"v = m.{spec.name}", add]
    if spec.default is None:
        return [f"v = m.{spec.name}", "if v is not None:", "    " + add]
    namespace[f"_default{index}"] = spec.default
    return [f"v = m.{spec.name}", f"if v != _default{index}:", "    " + add]


def make_writer(specs: tuple[FieldSpec, ...]) -> Callable[[Any, Written], str]:
    """Generate the writer of objects with the fields ``specs`` (kinds the reader knows).

    The writer takes ``(obj, written)`` and returns the object's JSON, compact, exactly as
    ``json.dumps(unstructure(obj))`` with the converter's conventions; it raises TypeError,
    LookupError, AttributeError or ValueError for a value it does not know.
    """
    namespace: dict[str, Any] = {
        "_esc": _ESCAPE,
        "_int": int.__repr__,
        "_date": _date,
        "_place": _place,
        "_participants": _participants,
        "_alternative": _alternative_json,
    }
    leading = 0  # the required fields first in line are written as one list display
    while leading < len(specs) and specs[leading].required:
        leading += 1
    start: list[str] = []
    for index, spec in enumerate(specs[:leading]):
        key = ("{" if index == 0 else ",") + _ESCAPE(spec.name) + ":"
        start += [repr(key), _value(index, spec, namespace, f"m.{spec.name}")]
    lines = [f"out = [{', '.join(start)}]", "add = out.append"]
    for index, spec in enumerate(specs[leading:], start=leading):
        lines += _optional_lines(index, spec, namespace)
    if leading:
        lines += ["add('}')", "return ''.join(out)"]
    else:  # no field is written first for sure: drop the first comma
        lines.append("return '{' + ''.join(out)[1:] + '}'")
    source = "def write(m, written):\n" + "".join(f"    {line}\n" for line in lines)
    exec(source, namespace)  # noqa: S102 - generated from field names, as attrs does
    return typing.cast("Callable[[Any, Written], str]", namespace["write"])


_write_meeting: Final = make_writer(MEETING_FIELDS) if FAST_PATH.applies else None


def fast_meetings_json(meetings: Iterable[Meeting]) -> list[str] | None:
    """The JSON of each meeting, or None when one holds a value the fast writer does not know."""
    if not FAST_PATH.enabled or _write_meeting is None:
        return None
    write = _write_meeting
    written = Written()
    try:
        return [write(m, written) for m in meetings]
    except _FAILS:
        return None
