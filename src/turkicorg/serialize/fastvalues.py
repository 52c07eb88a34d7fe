"""The values the fast meeting reader converts: dates, lists of text and nested objects.

Each ``read_`` function takes one value of the input (nested objects as dicts, or as the
parser's tuples of pairs when ``objects`` is ``tuple``) and returns the model's value, or
raises to decline (:class:`Reject`, KeyError, ...: the strict path then reads the whole
input). Equal dates, places and participants are made once a call and shared, through the
caches the caller passes. :func:`slot_setter` is how the reader sets a frozen object's fields.
"""

from __future__ import annotations

import datetime as dt
import typing
from typing import Any, Final

import attrs

from turkicorg.dates import PartialDate
from turkicorg.meetings import Participant, Place
from turkicorg.serialize.common import Reject, bad_text, find_surrogate
from turkicorg.serialize.fields import FieldSpec, Kind, field_specs
from turkicorg.sourcing import Alternative

if typing.TYPE_CHECKING:
    from collections.abc import Callable

__all__ = [
    "ALTERNATIVE",
    "DAY_FIELDS",
    "NO",
    "PARTICIPANT",
    "PLACE",
    "RECORD_KINDS",
    "Record",
    "read_alternatives",
    "read_date",
    "read_participants",
    "read_place",
    "read_strings",
    "slot_setter",
]

NO: Final[Any] = object()
"""The value of a key that is absent."""
RECORD_KINDS: Final = frozenset((Kind.TEXT, Kind.OPTIONAL_TEXT, Kind.OPTIONAL_INT, Kind.TEXTS))
"""The kinds of field a nested object (place, participant, alternative) may have."""
DAY_FIELDS: Final = ("year", "month", "day")
"""The fields of a :class:`~turkicorg.PartialDate`, which the reader sets directly."""


def slot_setter(cls: type, name: str) -> Callable[[object, object], None]:
    """The ``__set__`` of the slot ``name`` of a slotted class (or of a base class)."""
    owner = next(c for c in cls.__mro__ if name in c.__dict__)
    setter: Callable[[object, object], None] = owner.__dict__[name].__set__
    return setter


def _day_maker() -> Callable[[int, int, int], PartialDate]:
    """A function making a full PartialDate without the checks ``dt.date`` has made."""
    try:
        set_year, set_month, set_day = [slot_setter(PartialDate, n) for n in DAY_FIELDS]
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


def read_date(value: Any, dates: dict[str, PartialDate]) -> PartialDate:
    """The date of a text not yet in ``dates``, kept there; declines what is not a date.

    The reader looks in ``dates`` itself (one object per text) and calls this for a new text.
    """
    if type(value) is not str or not value.isascii():
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


def read_strings(value: Any) -> tuple[str, ...]:
    """A list of texts as a tuple; declines anything else, and text that is not Unicode."""
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
    found: Any = value  # a dict or the parser's pairs, by the check above
    result: dict[str, Any] = found if objects is dict else dict(found)
    if len(result) != len(found):  # a key repeated in the parser's pairs
        raise Reject
    return result


def _simple(value: Any, kind: Kind) -> Any:
    """A value of a nested object's field, checked (``NO`` never reaches here)."""
    if kind is Kind.TEXTS:
        return read_strings(value)
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
class Record:
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
    def of(cls, record: type) -> Record:
        """How to read objects of the class ``record``."""
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


PLACE: Final = Record.of(Place)
PARTICIPANT: Final = Record.of(Participant)
ALTERNATIVE: Final = Record.of(Alternative)


def read_place(value: Any, places: dict[Any, Place], objects: type) -> Place:
    """The place of an object of the input, shared through ``places``."""
    place: Place = PLACE.shared(value, places, objects)
    return place


def read_participants(
    value: Any, people: dict[Any, Participant], objects: type
) -> tuple[Participant, ...]:
    """The participants of an array of the input, each shared through ``people``."""
    if type(value) is not list:
        raise Reject
    shared = PARTICIPANT.shared  # the reader finds participants already made by itself
    return tuple([shared(item, people, objects) for item in value])


def read_alternatives(value: Any, objects: type) -> tuple[Alternative, ...]:
    """The alternatives of an array of the input (each its own object)."""
    if type(value) is not list:
        raise Reject
    return tuple([Alternative(**ALTERNATIVE.arguments(item, objects)) for item in value])
