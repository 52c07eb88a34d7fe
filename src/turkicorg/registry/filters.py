"""The filters of a meeting registry, declared once: their names, types and normalisation.

:class:`MeetingFilters` is the one declaration of the filter keywords that
:meth:`MeetingRegistry.filter <turkicorg.MeetingRegistry.filter>`, ``next``, ``previous`` and
``latest`` take (as ``**filters: Unpack[MeetingFilters]``); :func:`parse_filters` is the one
place their values are checked and normalised, into a :class:`Query` the indexes answer.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, Final, TypedDict, TypeVar

from turkicorg.dates import PartialDate, today
from turkicorg.errors import InvalidDateError, PolicyError
from turkicorg.meetings import Body, MeetingKind, MeetingStatus, to_body
from turkicorg.organs import Mechanism, Organ
from turkicorg.text import fold

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from turkicorg.parties import State

__all__ = [
    "FILTER_NAMES",
    "LOOKUPS",
    "DateLike",
    "MeetingFilters",
    "Query",
    "day_number",
    "parse_filters",
]

E = TypeVar("E", Organ, MeetingKind, MeetingStatus)

DateLike = PartialDate | dt.date | str
"""A day or a partial date: a ``datetime.date``, a :class:`~turkicorg.PartialDate` or text."""


class MeetingFilters(TypedDict, total=False):
    """The filters :meth:`MeetingRegistry.filter` takes, also accepted by ``next`` & co.

    Every filter is optional; None means "not given". See
    :meth:`MeetingRegistry.filter <turkicorg.MeetingRegistry.filter>` for their meaning.
    """

    organ: Organ | str | None
    body: Body | str | None
    kind: MeetingKind | str | None
    host: str | State | None
    participant: str | State | None
    year: int | None
    between: tuple[DateLike | None, DateLike | None] | None
    status: MeetingStatus | str | None
    text: str | None
    strict: bool


FILTER_NAMES: Final[tuple[str, ...]] = tuple(MeetingFilters.__annotations__)
"""The names of the filters, in declaration order."""

_NAMES: Final = frozenset(FILTER_NAMES)


def _member(enum_type: type[E], value: E | str, what: str) -> E:
    """The member of an enum named by ``value``, in any case.

    Raises:
        PolicyError: No member has that value (also a ValueError).
    """
    if isinstance(value, enum_type):
        return value
    if isinstance(value, str):
        for candidate in (value, value.upper(), value.lower()):
            try:
                return enum_type(candidate)
            except ValueError:
                continue
    allowed = ", ".join(repr(m.value) for m in enum_type)
    raise PolicyError("meeting filter", f"unknown {what} {value!r}: expected one of {allowed}")


def _to_body(value: Body | str) -> Body:
    if isinstance(value, str) and not isinstance(value, (Organ, Mechanism)):
        for candidate in (value, value.upper(), value.lower()):
            try:
                return to_body(candidate)
            except ValueError:
                continue
        raise PolicyError(
            "meeting filter", f"unknown body {value!r}: expected an organ or a mechanism"
        )
    return to_body(value)


def _to_organ(value: Organ | str) -> Organ:
    return _member(Organ, value, "organ")


def _to_kind(value: MeetingKind | str) -> MeetingKind:
    return _member(MeetingKind, value, "kind")


def _to_status(value: MeetingStatus | str) -> MeetingStatus:
    return _member(MeetingStatus, value, "status")


def _party_id(value: str | State) -> str:
    return value if isinstance(value, str) else value.id


LOOKUPS: Final[Mapping[str, tuple[str, Callable[[Any], object]]]] = {
    "organ": ("body", _to_organ),
    "body": ("body", _to_body),
    "kind": ("kind", _to_kind),
    "status": ("status", _to_status),
    "host": ("host", _party_id),
    "participant": ("participant", _party_id),
}
"""The filters answered by a field index: filter name -> (indexed field, normalisation)."""


def _range_bounds(between: tuple[DateLike | None, DateLike | None]) -> tuple[int, int]:
    """Day numbers of the first and last day of an inclusive range (None: unbounded)."""
    try:
        first, last = between
    except (TypeError, ValueError):
        raise InvalidDateError(between, "between= takes a pair (first, last)") from None
    lo = dt.date.min if first is None else PartialDate.coerce(first).earliest
    hi = dt.date.max if last is None else PartialDate.coerce(last).latest
    return lo.toordinal(), hi.toordinal()


def _year_bounds(year: int) -> tuple[int, int]:
    if type(year) is not int or not 1 <= year <= 9999:
        raise InvalidDateError(year, "year= takes a year from 1 to 9999")
    return dt.date(year, 1, 1).toordinal(), dt.date(year, 12, 31).toordinal()


def day_number(value: DateLike | None, *, last: bool) -> int:
    """The day number of a day, or of the first or last day a partial date may be (None: today)."""
    if type(value) is dt.date:
        return value.toordinal()
    if value is None:
        return today().toordinal()
    date = PartialDate.coerce(value)
    return (date.latest if last else date.earliest).toordinal()


class Query:
    """Filters checked and normalised: what the indexes of a registry answer.

    Attributes:
        lookups: ``(indexed field, key)`` pairs, one per field filter.
        window: The day numbers ``(lo, hi)`` a meeting must overlap (start by ``hi``, end from
            ``lo`` on) or, with ``strict``, lie within; None: no date filter. With ``year``
            and ``between`` together, ``lo`` is the later first day and ``hi`` the earlier
            last day, so ``lo > hi`` when the two are disjoint (then only a meeting that may
            cover both passes, and none with ``strict``).
        empty: True when no meeting can pass the date filters (a range that ends before it
            begins, or disjoint ranges with ``strict``).
        needle: The folded text to find, or None.
        strict: The ``strict`` filter.
    """

    __slots__ = ("empty", "lookups", "needle", "strict", "window")

    def __init__(self) -> None:
        self.lookups: list[tuple[str, object]] = []
        self.window: tuple[int, int] | None = None
        self.empty = False
        self.needle: str | None = None
        self.strict = False


def parse_filters(filters: Mapping[str, Any]) -> Query:
    """Check and normalise filters (None values are not given).

    Raises:
        TypeError: An unknown filter name.
        PolicyError: An unknown organ, body, kind or status (also a ValueError).
        InvalidDateError: A malformed date, year or range.
    """
    query = Query()
    windows: list[tuple[int, int]] = []
    for name, value in filters.items():
        if value is None and name in _NAMES:
            continue
        lookup = LOOKUPS.get(name)
        if lookup is not None:
            field, normalise = lookup
            query.lookups.append((field, normalise(value)))
        elif name == "year":
            windows.append(_year_bounds(value))
        elif name == "between":
            windows.append(_range_bounds(value))
        elif name == "text":
            query.needle = fold(value)
        elif name == "strict":
            query.strict = bool(value)
        else:
            raise TypeError(
                f"unknown meeting filter {name!r}: expected one of {', '.join(FILTER_NAMES)}"
            )
    if windows:
        # Several ranges: the later first day and the earlier last day (lo > hi when they are
        # disjoint). A range with no day shares none with a meeting; no meeting lies inside
        # two disjoint ranges.
        lo, hi = windows[0]
        empty = lo > hi
        for first, last in windows[1:]:
            empty = empty or first > last
            lo, hi = max(lo, first), min(hi, last)
        query.window = (lo, hi)
        query.empty = empty or (query.strict and lo > hi)
    return query
