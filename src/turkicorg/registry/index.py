"""The indexes of a meeting registry: day numbers by length class, field columns, text.

These are the registry package's internals, public only so that the package's modules can share
them (:class:`~turkicorg.MeetingRegistry` is the interface users know). Positions are indexes
into the registry's sorted tuple of meetings; a :data:`Selection` of them is always ascending.
"""

from __future__ import annotations

import datetime as dt
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from itertools import chain
from operator import attrgetter
from typing import TYPE_CHECKING, Any, Final

from turkicorg.organs import Organ
from turkicorg.text import fold

if TYPE_CHECKING:
    from turkicorg.meetings import Meeting

__all__ = [
    "EMPTY",
    "GALLOP",
    "DateIndex",
    "FieldIndex",
    "Selection",
    "SeriesIndex",
    "SpanClass",
    "haystack",
    "insert_sorted",
    "intersect",
    "organ_groups",
    "remove_positions",
    "series_index",
    "sort_key",
    "year_groups",
]

Selection = range | Sequence[int]
"""Positions in a registry, ascending: a contiguous range or a sorted sequence."""

SeriesIndex = dict[str, tuple["array[int]", "array[int]"]]
"""Per series key: the ordinals of its numbered meetings (ascending) and their positions."""

EMPTY: Final[tuple[int, ...]] = ()
GALLOP: Final = 16
"""Intersect by bisection when one side is this many times longer than the other."""


def sort_key(meeting: Meeting) -> str:
    """The key a registry sorts by: earliest start day, then id."""
    # The ISO form of the earliest day has a fixed width (10 characters), so this string sorts
    # exactly as ``(meeting.earliest, meeting.id)`` does, and Python sorts strings much faster
    # than tuples of a date and a string.
    return meeting.start.earliest.isoformat() + meeting.id


class SpanClass:
    """The meetings whose length (latest - earliest, in days) falls in one power-of-two class."""

    __slots__ = ("ends", "positions", "span", "starts")

    def __init__(
        self, span: int, positions: Sequence[int] | None, starts: array[int], ends: array[int]
    ) -> None:
        self.span = span
        """The longest length in the class: how far back a range query must look."""
        self.positions = positions
        """Registry positions of the class members (None: every position, in order)."""
        self.starts = starts
        self.ends = ends

    def select(self, lo: int, hi: int, *, strict: bool) -> tuple[list[int], range]:
        """Class-local positions in ``lo..hi``: a list to check and a range known to match.

        Without ``strict``: the members that start by ``hi`` and end from ``lo`` on, which
        also answers ``lo > hi`` (the members that cover both days: a meeting that shares a
        day with each of two disjoint ranges). With ``strict``: the members inside ``lo..hi``.
        """
        starts = self.starts
        if strict:
            first = bisect_left(starts, lo)
            sure_end = max(first, bisect_right(starts, hi - self.span))
            last = bisect_right(starts, hi)
            ends = self.ends
            return [i for i in range(sure_end, last) if ends[i] <= hi], range(first, sure_end)
        first = bisect_left(starts, lo - self.span)
        sure = bisect_left(starts, lo)
        stop = bisect_right(starts, hi)
        ends = self.ends
        return [i for i in range(first, min(sure, stop)) if ends[i] >= lo], range(
            sure, max(sure, stop)
        )


class DateIndex:
    """Earliest start days in registry order, and the same split by classes of length."""

    __slots__ = ("classes", "starts")

    def __init__(self, meetings: Sequence[Meeting]) -> None:
        starts = array("i", [m.start.earliest.toordinal() for m in meetings])
        ends = array("i", [(m.end or m.start).latest.toordinal() for m in meetings])
        self.starts = starts
        longest = max(map(int.__sub__, ends, starts), default=0)
        if longest < 4:  # one class: no meeting spans more than four days
            self.classes: tuple[SpanClass, ...] = (SpanClass(longest, None, starts, ends),)
            return
        members: dict[int, array[int]] = {}
        for position, (start, end) in enumerate(zip(starts, ends, strict=True)):
            bucket = ((end - start) >> 2).bit_length()
            found = members.get(bucket)
            if found is None:
                found = members[bucket] = array("i")
            found.append(position)
        classes = []
        for bucket in sorted(members):
            positions = members[bucket]
            class_starts = array("i", [starts[p] for p in positions])
            class_ends = array("i", [ends[p] for p in positions])
            span = max(map(int.__sub__, class_ends, class_starts))
            classes.append(SpanClass(span, positions, class_starts, class_ends))
        self.classes = tuple(classes)

    def select(self, lo: int, hi: int, *, strict: bool) -> Selection:
        """Registry positions of the meetings that overlap (or lie inside) ``lo..hi``.

        See :meth:`SpanClass.select` for ``lo > hi``.
        """
        if len(self.classes) == 1 and self.classes[0].positions is None:
            check, sure = self.classes[0].select(lo, hi, strict=strict)
            if not check:
                return sure
            return [*check, *sure] if not strict else [*sure, *check]
        parts: list[Iterable[int]] = []
        for span_class in self.classes:
            check, sure = span_class.select(lo, hi, strict=strict)
            positions = span_class.positions
            assert positions is not None  # noqa: S101 - several classes always carry positions
            parts.append(positions[sure.start : sure.stop])
            parts.append([positions[i] for i in check])
        return sorted(chain.from_iterable(parts))


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
                        found = lists[party] = array("i")
                    found.append(position)
            self.positions = dict(lists)
            return
        keys = list(map(attrgetter(field), meetings))
        self.codes = {key: code for code, key in enumerate(dict.fromkeys(keys))}
        typecode = "B" if len(self.codes) <= 256 else "H" if len(self.codes) <= 65536 else "i"
        self.column = column = array(typecode, map(self.codes.__getitem__, keys))
        buckets = [array("i") for _ in self.codes]
        appends = [bucket.append for bucket in buckets]
        for position, code in enumerate(column):
            appends[code](position)
        self.positions = dict(zip(self.codes, buckets, strict=True))

    def narrow(self, selection: Selection, key: object) -> Selection:
        """The positions of ``selection`` whose value is ``key``."""
        if self.column is None:
            return intersect(selection, self.positions.get(key, EMPTY))
        code = self.codes.get(key)
        column = self.column
        return [p for p in selection if column[p] == code]


def intersect(a: Selection, b: Selection) -> Selection:
    """The positions in both ``a`` and ``b`` (ascending, non-empty, ``a`` not the longer)."""
    if isinstance(b, range):
        a, b = b, a
    if isinstance(a, range):  # a slice of the other side
        return b[bisect_left(b, a.start) : bisect_left(b, a.stop)]
    if len(a) * GALLOP < len(b):
        found: list[int] = []
        lo = 0
        size = len(b)
        for position in a:
            lo = bisect_left(b, position, lo)
            if lo == size:
                break
            if b[lo] == position:
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
        end = bisect_right(starts, dt.date(year, 12, 31).toordinal(), position)
        groups[year] = range(position, end)
        position = end
    return groups


def insert_sorted(ordered: tuple[Meeting, ...], fresh: Sequence[Meeting]) -> tuple[Meeting, ...]:
    """The meetings of ``ordered`` and the sorted ``fresh`` ones, in registry order."""
    parts: list[tuple[Meeting, ...]] = []
    done = 0
    for meeting in fresh:
        at = bisect_left(ordered, sort_key(meeting), lo=done, key=sort_key)
        parts.append(ordered[done:at])
        parts.append((meeting,))
        done = at
    parts.append(ordered[done:])
    return tuple(chain.from_iterable(parts))


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
        series[key] = (array("i", [o for o, _ in found]), array("i", [p for _, p in found]))
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
