"""The indexes of a meeting registry: its order, field indexes and columns, series, text.

These are the registry package's internals, public only so that the package's modules can share
them (:class:`~turkicorg.MeetingRegistry` is the interface users know). Positions are indexes
into the registry's sorted tuple of meetings; a
:data:`~turkicorg.registry.dateindex.Selection` of them is always ascending. The date indexes
(whole-registry and composite) are in :mod:`turkicorg.registry.dateindex`.
"""

from __future__ import annotations

import datetime as dt
from array import array
from bisect import bisect_left, bisect_right
from itertools import chain, islice
from operator import attrgetter, le, lt, or_
from typing import TYPE_CHECKING, Any, Final

from turkicorg.organs import Organ
from turkicorg.registry.dateindex import EMPTY, TYPECODE, Selection
from turkicorg.text import fold

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

    from turkicorg.meetings import Meeting

__all__ = [
    "GALLOP",
    "FieldIndex",
    "SeriesIndex",
    "day_key",
    "haystack",
    "insert_sorted",
    "intersect",
    "organ_groups",
    "positions_of",
    "registry_order",
    "remove_positions",
    "series_index",
    "sort_key",
    "unique_keys",
    "year_groups",
]

SeriesIndex = dict[str, tuple["array[int]", "array[int]"]]
"""Per series key: the ordinals of its numbered meetings (ascending) and their positions."""

GALLOP: Final = 16
"""Intersect by bisection when one side is this many times longer than the other."""

_ID: Final = attrgetter("id")
_SERIES: Final = attrgetter("series")
_ORDINAL: Final = attrgetter("ordinal")
_BODY_KIND_ORDINAL: Final = attrgetter("body", "kind", "ordinal")
_SERIES_ORDINAL: Final = attrgetter("series_key", "ordinal")


def sort_key(meeting: Meeting) -> str:
    """The key a registry sorts by: earliest start day, then id."""
    # The ISO form of the earliest day has a fixed width (10 characters), so this string sorts
    # exactly as ``(meeting.earliest, meeting.id)`` does.
    return meeting.start.earliest.isoformat() + meeting.id


def day_key(meeting: Meeting) -> int:
    """A number that orders meetings as their earliest start day does (year, month, day)."""
    start = meeting.start
    return (start.year << 9) | ((start.month or 1) << 5) | (start.day or 1)


HEAD: Final = 16
"""How many meetings :func:`registry_order` looks at first to guess whether all are in order."""


def registry_order(meetings: Iterable[Meeting]) -> list[Meeting]:
    """The meetings sorted by earliest start day, then id (the order of :func:`sort_key`).

    Meetings already in order, as a document written by turkicorg lists them, are kept after
    one pass of comparisons. Others (their first :data:`HEAD` already out of order, or any
    later pair) are sorted by two stable sorts by keys Python compares fastest (a string,
    then a small int) instead of one sort by a (day, id) tuple: ids first, then days, so
    equal days keep the id order and equal keys the given order.
    """
    items = list(meetings)
    head = items[:HEAD]
    if _in_order(list(map(day_key, head)), list(map(_ID, head))) and _in_order(
        list(map(day_key, items)), list(map(_ID, items))
    ):
        return items
    ordered = sorted(items, key=_ID)
    ordered.sort(key=day_key)
    return ordered


def _in_order(days: list[int], ids: list[str]) -> bool:
    """True when the pairs ``(days[i], ids[i])`` never decrease.

    No pair is made: a pass of comparisons at C speed for the days, and one for the ids,
    which counts only where the day stays the same.
    """
    return all(map(le, days, islice(days, 1, None))) and all(
        map(or_, map(lt, days, islice(days, 1, None)), map(le, ids, islice(ids, 1, None)))
    )


def unique_keys(meetings: Sequence[Meeting]) -> bool:
    """True when ids and (series, ordinal) pairs are unique (set builds at C speed)."""
    if len(set(map(_ID, meetings))) != len(meetings):
        return False
    numbered = [m for m in meetings if m.ordinal is not None]
    series = list(map(_SERIES, numbered))
    if all(series):  # every series named: the series key is the series
        return len(set(zip(series, map(_ORDINAL, numbered), strict=True))) == len(numbered)
    if any(series):
        return len(set(map(_SERIES_ORDINAL, numbered))) == len(numbered)
    # Without explicit series, the series key is "<body>:<kind>": the pair says the same.
    return len(set(map(_BODY_KIND_ORDINAL, numbered))) == len(numbered)


class FieldIndex:
    """Positions by value of one field and, for single-valued fields, a column of codes."""

    __slots__ = ("codes", "column", "positions")

    def __init__(self, meetings: Sequence[Meeting], field: str) -> None:
        self.positions: dict[Any, Sequence[int]]
        self.codes: dict[Any, int] = {}
        self.column: array[int] | None = None
        if field == "participant":  # several values per meeting: positions only
            lists: dict[str, array[int]] = {}
            for position, meeting in enumerate(meetings):
                for party in meeting.party_ids():
                    found = lists.get(party)
                    if found is None:
                        found = lists[party] = array(TYPECODE)
                    found.append(position)
            self.positions = dict(lists)
            return
        keys = list(map(attrgetter(field), meetings))
        self.codes = {key: code for code, key in enumerate(dict.fromkeys(keys))}
        typecode = "B" if len(self.codes) <= 256 else "H" if len(self.codes) <= 65536 else TYPECODE
        self.column = column = array(typecode, map(self.codes.__getitem__, keys))
        buckets = [array(TYPECODE) for _ in self.codes]
        appends = [bucket.append for bucket in buckets]
        for position, code in enumerate(column):
            appends[code](position)
        self.positions = dict(zip(self.codes, buckets))  # noqa: B905 - a bucket per code

    def narrow(self, selection: Selection, key: object) -> Selection:
        """The positions of ``selection`` whose value is ``key``."""
        if self.column is None:
            return intersect(selection, self.positions.get(key, EMPTY))
        code = self.codes.get(key)
        column = self.column
        return [p for p in selection if column[p] == code]


def intersect(a: Sequence[int], b: Sequence[int]) -> Sequence[int]:
    """The positions in both ``a`` and ``b`` (ascending lists or arrays, ``a`` not the longer).

    Far fewer positions on one side (:data:`GALLOP`) are looked up in the other by bisection;
    otherwise both sides are walked as sets.
    """
    if len(a) * GALLOP < len(b):
        found: list[int] = []
        size = len(b)
        for position in a:
            at = bisect_left(b, position)
            if at == size:
                break
            if b[at] == position:
                found.append(position)
        return found
    return sorted(set(a).intersection(b))


def organ_groups(by_body: Mapping[Any, Sequence[int]]) -> dict[Organ | None, Selection]:
    """Positions by organ from positions by body (None: the meetings of other mechanisms)."""
    groups: dict[Organ | None, Selection] = {}
    others: list[Sequence[int]] = []
    for body, positions in by_body.items():
        if isinstance(body, Organ):
            groups[body] = positions
        else:
            others.append(positions)
    if others:
        groups[None] = sorted(chain.from_iterable(others))
    return groups


def year_groups(starts: array[int]) -> dict[int, Selection]:
    """Positions by the year of the earliest start day, from the days in registry order."""
    groups: dict[int, Selection] = {}
    position = 0
    while position < len(starts):
        year = dt.date.fromordinal(starts[position]).year
        end = bisect_right(starts, dt.date(year, 12, 31).toordinal())
        groups[year] = range(position, end)
        position = end
    return groups


def insert_sorted(ordered: tuple[Meeting, ...], fresh: Sequence[Meeting]) -> tuple[Meeting, ...]:
    """The meetings of ``ordered`` and the sorted ``fresh`` ones, in registry order."""
    parts: list[tuple[Meeting, ...]] = []
    done = 0
    for meeting in fresh:
        at = bisect_left(ordered, sort_key(meeting), key=sort_key)  # fresh is sorted: at >= done
        parts.append(ordered[done:at])
        parts.append((meeting,))
        done = at
    parts.append(ordered[done:])
    return tuple(chain.from_iterable(parts))


def positions_of(ordered: tuple[Meeting, ...], meetings: Iterable[Meeting]) -> list[int]:
    """The positions of ``meetings`` (all in ``ordered``, the registry's tuple)."""
    return [bisect_left(ordered, sort_key(m), key=sort_key) for m in meetings]


def remove_positions(ordered: tuple[Meeting, ...], positions: Iterable[int]) -> tuple[Meeting, ...]:
    """The meetings of ``ordered`` but those at ``positions`` (distinct)."""
    parts = []
    done = 0
    for position in sorted(positions):
        parts.append(ordered[done:position])
        done = position + 1
    parts.append(ordered[done:])
    return tuple(chain.from_iterable(parts))


def series_index(meetings: Sequence[Meeting]) -> SeriesIndex:
    """The ordinals of each series and the positions of their meetings, by ordinal."""
    pairs: dict[str, list[tuple[int, int]]] = {}
    for position, meeting in enumerate(meetings):
        if meeting.ordinal is not None:
            pairs.setdefault(meeting.series_key, []).append((meeting.ordinal, position))
    series = {}
    for key, found in pairs.items():
        found.sort()
        series[key] = (
            array(TYPECODE, [o for o, _ in found]),
            array(TYPECODE, [p for _, p in found]),
        )
    return series


def _fold_part(text: str) -> str:
    if text.isascii():  # the same result as fold(), without the Unicode normalization
        return " ".join(text.casefold().split())
    return fold(text)


def haystack(meeting: Meeting) -> str:
    """The searchable text of a meeting: folded fields separated by NUL (no match across)."""
    parts = [meeting.title, meeting.theme, *meeting.topics, meeting.note]
    if meeting.place is not None:
        parts += (meeting.place.city, meeting.place.country, meeting.place.venue)
    for participant in meeting.participants:
        parts += (participant.party, participant.person, participant.role)
    return "\x00".join(_fold_part(part) for part in parts if part)
