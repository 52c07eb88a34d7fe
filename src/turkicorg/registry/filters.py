"""The filters of a meeting registry, declared once: their names, types and normalisation.

:class:`MeetingFilters` is the one declaration of the filter keywords that
:meth:`MeetingRegistry.filter <turkicorg.MeetingRegistry.filter>`, ``next``, ``previous`` and
``latest`` take (as ``**filters: Unpack[MeetingFilters]``); :func:`parse_filters` is the one
place their values are checked and normalised, into a :class:`Query` the indexes answer.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, Final, TypedDict

from turkicorg.dates import PartialDate, as_date, as_range
from turkicorg.errors import InvalidDateError
from turkicorg.meetings import (
    Body,
    Meeting,
    MeetingKind,
    MeetingStatus,
    resolve_kind,
    resolve_status,
)
from turkicorg.organs import Organ, resolve_body, resolve_organ
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
    city: str | None
    country: str | State | None
    strict: bool


FILTER_NAMES: Final[tuple[str, ...]] = tuple(MeetingFilters.__annotations__)
"""The names of the filters, in declaration order."""

_NAMES: Final = frozenset(FILTER_NAMES)


def _party_id(value: str | State) -> str:
    return value if isinstance(value, str) else value.id


def _text(name: str, value: object) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{name}= takes text, got {type(value).__name__}")
    return value


LOOKUPS: Final[Mapping[str, tuple[str, Callable[[Any], object]]]] = {
    "organ": ("body", resolve_organ),
    "body": ("body", resolve_body),
    "kind": ("kind", resolve_kind),
    "status": ("status", resolve_status),
    "host": ("host", _party_id),
    "participant": ("participant", _party_id),
}
"""The filters answered by a field index: filter name -> (indexed field, normalisation)."""


def _range_bounds(between: tuple[DateLike | None, DateLike | None]) -> tuple[int, int]:
    """Day numbers of the first and last day of an inclusive range (None: unbounded).

    Raises:
        InvalidDateError: Not a pair, a bound is not a date, or the range is reversed.
    """
    try:
        first, last = between
    except (TypeError, ValueError):
        raise InvalidDateError(between, "between= takes a pair (first, last)") from None
    if first is not None and last is not None:
        lo, hi = as_range(first, last)
        return lo.toordinal(), hi.toordinal()
    lo = dt.date.min if first is None else as_date(first)
    hi = dt.date.max if last is None else as_date(last, last=True)
    return lo.toordinal(), hi.toordinal()


def _year_bounds(year: int) -> tuple[int, int]:
    if type(year) is not int or not 1 <= year <= 9999:
        got = f"{type(year).__name__} {year!r}" if type(year) is not int else repr(year)
        raise InvalidDateError(year, f"year= takes a whole number from 1 to 9999, got {got}")
    return dt.date(year, 1, 1).toordinal(), dt.date(year, 12, 31).toordinal()


def day_number(value: DateLike | None, *, last: bool = False) -> int:
    """The day number of a day, or of the first (``last``: last) day a partial date may be.

    None is today.
    """
    if type(value) is dt.date:
        return value.toordinal()
    return as_date(value, last=last).toordinal()


class Query:
    """Filters checked and normalised: what the indexes of a registry answer.

    Attributes:
        lookups: ``(indexed field, key)`` pairs, one per field filter.
        window: The day numbers ``(lo, hi)`` a meeting must overlap (start by ``hi``, end from
            ``lo`` on) or, with ``strict``, lie within; None: no date filter. With ``year``
            and ``between`` together, ``lo`` is the later first day and ``hi`` the earlier
            last day, so ``lo > hi`` when the two are disjoint (then only a meeting that may
            cover both passes, and none with ``strict``).
        needle: The folded text to find, or None.
        city: The folded city name a meeting's place must have, or None.
        country: The party id a meeting's place must be in, or None.
        strict: The ``strict`` filter.
    """

    __slots__ = ("city", "country", "lookups", "needle", "strict", "window")

    def __init__(self) -> None:
        self.lookups: list[tuple[str, object]] = []
        self.window: tuple[int, int] | None = None
        self.needle: str | None = None
        self.city: str | None = None
        self.country: str | None = None
        self.strict = False

    @property
    def empty(self) -> bool:
        """True when no meeting can pass the date filters: disjoint ranges with ``strict``."""
        if self.window is None or not self.strict:
            return False
        lo, hi = self.window
        return lo > hi

    def place_matches(self, meeting: Meeting) -> bool:
        """True when the meeting's place passes the ``city`` and ``country`` filters."""
        place = meeting.place
        if place is None:
            return False
        if self.city is not None and (place.city is None or fold(place.city) != self.city):
            return False
        return self.country is None or place.country == self.country


def parse_filters(filters: Mapping[str, Any]) -> Query:
    """Check and normalise filters (None values are not given).

    Raises:
        TypeError: An unknown filter name.
        UnknownNameError: An unknown organ, body, kind or status (also a ValueError).
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
            query.needle = fold(_text(name, value))
        elif name == "city":
            query.city = fold(_text(name, value))
        elif name == "country":
            query.country = _party_id(value).upper()
        elif name == "strict":
            query.strict = bool(value)
        else:
            raise TypeError(
                f"unknown meeting filter {name!r}: expected one of {', '.join(FILTER_NAMES)}"
            )
    if windows:
        # Each range has a day (a reversed one is refused above). Several ranges: the later
        # first day and the earlier last day (lo > hi when they are disjoint: a meeting may
        # still cover a day of each, but no meeting lies inside both).
        query.window = (max(first for first, _ in windows), min(last for _, last in windows))
    return query
