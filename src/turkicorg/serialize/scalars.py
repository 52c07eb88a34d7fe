"""The checks of single values both readers share: exact types, nothing converted.

cattrs' own hooks for ``str`` and ``int`` call ``str()`` and ``int()``: they convert, not
validate. The functions here refuse a wrong type instead (``5`` is not a string, ``true`` is
not an integer) and raise :class:`~turkicorg.InvalidDataError` with one problem at ``$``,
which the caller moves where the value was. The strict converter
(:mod:`~turkicorg.serialize.conversion`) registers them as its hooks and the quick path
(:mod:`~turkicorg.serialize.quickread`) calls them, so both accept exactly the same values.
Each takes the target type as an optional second argument, as cattrs passes it, and ignores it.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
import types
import typing
from typing import Any, Final

from turkicorg.dates import PartialDate
from turkicorg.errors import InvalidDateError
from turkicorg.organs import Body, Organ
from turkicorg.serialize.common import bad_text, fail, type_name

if typing.TYPE_CHECKING:
    from collections.abc import Callable, Mapping

__all__ = [
    "SCALAR_HOOKS",
    "choices_of",
    "enum_hook",
    "enum_value",
    "enums_of",
    "structure_body",
    "structure_bool",
    "structure_date",
    "structure_int",
    "structure_partial",
    "structure_str",
]

_ISO_DAY: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def structure_str(value: object, _: object = None) -> str:
    """A string, exactly (no conversion), holding valid Unicode."""
    if type(value) is not str:
        raise fail(f"expected a string, got {type_name(value)}", value)
    if bad_text(value):
        raise fail("not valid Unicode text (lone surrogate)", value)
    return value


def structure_int(value: object, _: object = None) -> int:
    """An integer, exactly (``true`` and ``1.0`` are refused)."""
    if type(value) is not int:
        raise fail(f"expected an integer, got {type_name(value)}", value)
    return value


def structure_bool(value: object, _: object = None) -> bool:
    """``true`` or ``false``, exactly."""
    if type(value) is not bool:
        raise fail(f"expected true or false, got {type_name(value)}", value)
    return value


def structure_date(value: object, _: object = None) -> dt.date:
    """A full date written ``YYYY-MM-DD`` that exists."""
    if type(value) is not str or not _ISO_DAY.fullmatch(value):
        raise fail("expected a date written YYYY-MM-DD", value)
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise fail(f"invalid date {value!r}: no such day", value) from None


def structure_partial(value: object, _: object = None) -> PartialDate:
    """A partial date written ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (digits 0-9)."""
    if type(value) is not str:
        raise fail(
            f"expected a date written YYYY, YYYY-MM or YYYY-MM-DD, got {type_name(value)}", value
        )
    if not value.isascii():
        raise fail("expected a date written YYYY, YYYY-MM or YYYY-MM-DD (digits 0-9)", value)
    try:
        return PartialDate.parse(value)
    except InvalidDateError as error:
        raise fail(str(error), value) from None


def enums_of(tp: Any) -> tuple[type[enum.Enum], ...]:
    """The enumerations ``tp`` is made of: itself, or every member of a union of them."""
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return (tp,)
    if isinstance(tp, types.UnionType) or typing.get_origin(tp) is typing.Union:
        members = typing.get_args(tp)
        if all(isinstance(m, type) and issubclass(m, enum.Enum) for m in members):
            return tuple(members)
    return ()


def choices_of(tp: Any) -> Mapping[str, Any]:
    """The members of the enumeration(s) of ``tp`` by value; empty for other types."""
    return {member.value: member for cls in enums_of(tp) for member in cls}


def enum_hook(cls: type[enum.Enum]) -> Callable[..., enum.Enum]:
    """The structure hook of an enumeration: a member by its value, exactly."""
    by_value = {member.value: member for member in cls}
    allowed = ", ".join(repr(v) for v in by_value)

    def structure(value: object, _: object = None) -> enum.Enum:
        if type(value) is str and value in by_value:
            return by_value[value]
        raise fail(f"expected one of {allowed}", value)

    return structure


def enum_value(member: enum.Enum) -> Any:
    """The value of an enumeration member (how it is written)."""
    return member.value


_BODIES: Final = choices_of(Body)


def structure_body(value: object, _: object = None) -> Body:
    """An organ or a mechanism, by its value."""
    if type(value) is str and value in _BODIES:
        body: Body = _BODIES[value]
        return body
    raise fail(f"expected an organ ({', '.join(o.value for o in Organ)}) or a mechanism", value)


SCALAR_HOOKS: Final[Mapping[Any, Callable[..., Any]]] = {
    str: structure_str,
    int: structure_int,
    bool: structure_bool,
    dt.date: structure_date,
    PartialDate: structure_partial,
    Body: structure_body,
}
"""The check of each single-value type of the model, by type: the one table both readers use
(enumerations are checked by :func:`enum_hook`, one hook a class)."""
