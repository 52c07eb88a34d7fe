"""The date indexes of a meeting registry: day numbers by class of length, composites, runs.

A :class:`DateIndex` holds the earliest start and latest end day of some meetings in registry
order: all of them, or those of one field value (a composite (value, date) index, so that
"organ + year" is two bisections and a short check). Its answers are :data:`Selection` values:
ascending registry positions, as a ``range``, a list or :class:`Runs` (a few loose positions
and long runs, taken from the registry's tuple by slices). Internals of the registry package.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from itertools import chain
from operator import attrgetter
from typing import TYPE_CHECKING, Final, TypeVar, overload

if TYPE_CHECKING:
    from collections.abc import Callable

    from turkicorg.dates import PartialDate
    from turkicorg.meetings import Meeting

__all__ = [
    "EMPTY",
    "LOOK_BACK",
    "SMALL",
    "TYPECODE",
    "DateIndex",
    "Runs",
    "Selection",
    "SpanClass",
    "day_numbers",
    "first_after",
    "join",
    "last_before",
    "pick",
    "span_classes",
]

T = TypeVar("T")

Selection = range | Sequence[int]
"""Positions in a registry, ascending: a range, a sorted sequence or :class:`Runs` of them."""

EMPTY: Final[tuple[int, ...]] = ()
SMALL: Final = 64
"""Selections up to this size are plain lists (cheaper than :class:`Runs` to build and read)."""
TYPECODE: Final = "i"
"""The ``array`` typecode of day numbers, lengths and positions: a signed C ``int``, 4 bytes on
every platform CPython supports (day numbers reach 3,652,059; a test checks the width)."""

_START: Final = attrgetter("start")


def _first_day(date: PartialDate) -> int:
    return date.earliest.toordinal()


def _last_day(date: PartialDate) -> int:
    return date.latest.toordinal()


def day_numbers(dates: Sequence[PartialDate], day: Callable[[PartialDate], int]) -> array[int]:
    """``day(date)`` for each date, computed once per date object (loaded data shares them)."""
    keys = list(map(id, dates))
    distinct = dict(zip(keys, dates))  # noqa: B905 - keys are the ids of dates: one each
    if len(distinct) * 2 > len(keys):  # mostly distinct objects: no gain from the table
        return array(TYPECODE, map(day, dates))
    numbers = {key: day(date) for key, date in distinct.items()}
    return array(TYPECODE, map(numbers.__getitem__, keys))


class Runs(Sequence[int]):
    """Ascending positions as consecutive parts (ranges and short lists), not copied out.

    A date query over a whole registry finds a few long meetings that began before the range
    and then one run of positions; keeping the run as a ``range`` lets the registry take the
    meetings with one tuple slice.
    """

    __slots__ = ("_offsets", "parts")

    def __init__(self, parts: Sequence[Sequence[int]]) -> None:
        self.parts = tuple(parts)
        """The parts, each ascending and before the next."""
        offsets = [0]
        for part in self.parts:
            offsets.append(offsets[-1] + len(part))
        self._offsets = offsets

    def __len__(self) -> int:
        return self._offsets[-1]

    def __iter__(self) -> Iterator[int]:
        return chain.from_iterable(self.parts)

    @overload
    def __getitem__(self, index: int) -> int: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[int]: ...
    def __getitem__(self, index: int | slice) -> int | Sequence[int]:
        if isinstance(index, slice):
            return list(self)[index]
        size = len(self)
        if index < 0:
            index += size
        if not 0 <= index < size:
            raise IndexError("position index out of range")
        part = bisect_right(self._offsets, index) - 1
        return self.parts[part][index - self._offsets[part]]

    def take(self, items: tuple[T, ...]) -> tuple[T, ...]:
        """The items at these positions: one slice per range, then one concatenation."""
        pieces = [
            items[part.start : part.stop]
            if isinstance(part, range)
            else tuple(map(items.__getitem__, part))
            for part in self.parts
        ]
        if len(pieces) > 4:  # a few concatenations copy less than one chain
            return tuple(chain.from_iterable(pieces))
        taken: tuple[T, ...] = ()
        for piece in pieces:
            taken += piece
        return taken


def join(parts: Sequence[Sequence[int]]) -> Selection:
    """One selection of consecutive ascending parts: the part itself, a list or :class:`Runs`."""
    kept = [part for part in parts if part]
    if not kept:
        return EMPTY
    if len(kept) == 1:
        return kept[0]
    if sum(map(len, kept)) <= SMALL:
        return list(chain.from_iterable(kept))
    return Runs(kept)


def pick(positions: Sequence[int], selection: Selection) -> Selection:
    """``positions[i]`` for each ``i`` of ``selection`` (both ascending)."""
    if isinstance(selection, range):
        return positions[selection.start : selection.stop]
    return [positions[i] for i in selection]


class SpanClass:
    """Members of a date index whose lengths (in days) fall in neighbouring power-of-two classes."""

    __slots__ = ("ends", "members", "span", "starts")

    def __init__(
        self, span: int, members: Sequence[int] | None, starts: array[int], ends: array[int]
    ) -> None:
        self.span = span
        """The longest length in the class: how far back a range query must look."""
        self.members = members
        """Indexes of the class members in the date index (None: every member, in order)."""
        self.starts = starts
        self.ends = ends


class DateIndex:
    """Earliest start and latest end days of some meetings (in registry order), and classes.

    Built over the whole registry (``positions`` None) or over the positions of one field
    value: a composite (value, date) index, so that "organ + year" is two bisections and a
    short check instead of a walk over the whole year.
    """

    __slots__ = ("classes", "ends", "positions", "starts")

    def __init__(
        self, starts: array[int], ends: array[int], positions: Sequence[int] | None = None
    ) -> None:
        self.starts = starts
        """Earliest start day of each member, ascending."""
        self.ends = ends
        """Latest end day of each member."""
        self.positions = positions
        """Registry position of each member (None: member ``i`` is position ``i``)."""
        self.classes = span_classes(starts, ends)

    @classmethod
    def of(cls, meetings: Sequence[Meeting]) -> DateIndex:
        """The date index of a whole registry."""
        starts = day_numbers(list(map(_START, meetings)), _first_day)
        ends = day_numbers([m.end or m.start for m in meetings], _last_day)
        return cls(starts, ends)

    def subset(self, positions: Sequence[int]) -> DateIndex:
        """The date index of the meetings at ``positions`` (ascending) of a whole registry."""
        starts, ends = self.starts, self.ends
        return DateIndex(
            array(TYPECODE, map(starts.__getitem__, positions)),
            array(TYPECODE, map(ends.__getitem__, positions)),
            positions,
        )

    def select(self, lo: int, hi: int, *, strict: bool) -> Selection:
        """Registry positions of the members that overlap (or, strict, lie inside) ``lo..hi``.

        Overlap: the members that start by ``hi`` and end from ``lo`` on, which also answers
        ``lo > hi`` (members that cover both days). Strict: the members inside ``lo..hi``.
        """
        run = range(bisect_left(self.starts, lo), bisect_right(self.starts, hi))
        # Most queries find no member across the range's edge: the run is the answer as it is.
        if strict:
            beyond = self._beyond(lo, hi)
            found = join(_holes(run, beyond)) if beyond else run
        else:
            before = self._before(lo, hi)
            found = join((before, run)) if before else run
        return found if self.positions is None else pick(self.positions, found)

    def _before(self, lo: int, hi: int) -> list[int]:
        """Members that start before ``lo`` (and by ``hi``) and end on ``lo`` or later."""
        found: list[int] = []
        below = min(lo, hi + 1)
        for c in self.classes:
            starts = c.starts
            candidates = range(bisect_left(starts, lo - c.span), bisect_left(starts, below))
            if not candidates:
                continue
            ends, members = c.ends, c.members
            if members is None:
                found += [i for i in candidates if ends[i] >= lo]
            else:
                found += [members[i] for i in candidates if ends[i] >= lo]
        found.sort()  # by registry position across the classes
        return found

    def _beyond(self, lo: int, hi: int) -> list[int]:
        """Members that start in ``lo..hi`` and end after ``hi``."""
        found: list[int] = []
        for c in self.classes:
            starts = c.starts
            # A member that starts before hi - span + 1 ends by hi: look no further back.
            candidates = range(
                bisect_left(starts, max(lo, hi - c.span + 1)), bisect_right(starts, hi)
            )
            if not candidates:
                continue
            ends, members = c.ends, c.members
            if members is None:
                found += [i for i in candidates if ends[i] > hi]
            else:
                found += [members[i] for i in candidates if ends[i] > hi]
        found.sort()  # by registry position across the classes
        return found


LOOK_BACK: Final = 8
"""Merge a class of lengths into the next longer one when that makes a range query check
fewer than this many more members on average (a class costs about as much as that many
checks)."""


def span_classes(starts: array[int], ends: array[int]) -> tuple[SpanClass, ...]:
    """The members split by classes of length (up to 3 days, 4-7, 8-15, ...), merged if thin."""
    lengths = array(TYPECODE, map(int.__sub__, ends, starts))
    longest = max(lengths, default=0)
    if longest < 4:  # one class: no meeting spans four days or more
        return (SpanClass(longest, None, starts, ends),)
    buckets: dict[int, list[int]] = {}
    for i, length in enumerate(lengths):
        found = buckets.get(length >> 2)
        if found is None:
            found = buckets[length >> 2] = []
        found.append(i)
    days = starts[-1] - starts[0] + 1
    groups: list[tuple[int, list[int]]] = []  # (span, members), by increasing span
    for quarter in sorted(buckets):
        members = buckets[quarter]
        span = max(map(lengths.__getitem__, members))
        if groups and (
            quarter.bit_length() == (groups[-1][0] >> 2).bit_length()  # the same class
            or len(groups[-1][1]) * (span - groups[-1][0]) < LOOK_BACK * days  # a thin one
        ):
            members = sorted(chain(groups.pop()[1], members))
        groups.append((span, members))
    if len(groups) == 1:
        return (SpanClass(groups[0][0], None, starts, ends),)
    return tuple(
        SpanClass(
            span,
            array(TYPECODE, members),
            array(TYPECODE, map(starts.__getitem__, members)),
            array(TYPECODE, map(ends.__getitem__, members)),
        )
        for span, members in groups
    )


def _holes(run: range, holes: Sequence[int]) -> list[range]:
    """The parts of ``run`` between ``holes`` (ascending members of ``run``)."""
    parts = []
    start = run.start
    for hole in holes:
        parts.append(range(start, hole))
        start = hole + 1
    parts.append(range(start, run.stop))
    return parts


def first_after(starts: array[int], selection: Selection | None, day: int) -> int | None:
    """The first position of ``selection`` (None: every one) whose start day is after ``day``."""
    if selection is None:
        index = bisect_right(starts, day)
        return index if index < len(starts) else None
    if isinstance(selection, range):
        index = bisect_right(starts, day, selection.start)
        return index if index < selection.stop else None
    index = bisect_right(selection, day, key=starts.__getitem__)
    return selection[index] if index < len(selection) else None


def last_before(starts: array[int], selection: Selection | None, day: int) -> int | None:
    """The last position of ``selection`` (None: every one) whose start day is before ``day``."""
    if selection is None:
        index = bisect_left(starts, day)
        return index - 1 if index else None
    if isinstance(selection, range):
        index = bisect_left(starts, day, selection.start, selection.stop)
        return index - 1 if index > selection.start else None
    index = bisect_left(selection, day, key=starts.__getitem__)
    return selection[index - 1] if index else None
