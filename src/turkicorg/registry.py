"""The meeting registry: an immutable, sorted collection of meetings with indexes.

A :class:`MeetingRegistry` holds meetings sorted by their earliest possible start day, then by
id. Queries return new registries, so they chain:

>>> from turkicorg import Meeting, MeetingRegistry
>>> def meeting(id, body, kind, start, **kw):
...     return Meeting(
...         id=id,
...         body=body,
...         kind=kind,
...         title=id,
...         start=start,
...         sources=("https://example.org",),
...         **kw,
...     )
>>> reg = MeetingRegistry(
...     [
...         meeting("cfm-2022-10", "CFM", "extraordinary", "2022-10-17", host="TR"),
...         meeting("cfm-2022-01", "CFM", "extraordinary", "2022-01-11", format="video"),
...         meeting("chs-2022", "CHS", "regular", "2022-11-11", host="UZ", ordinal=9),
...     ]
... )
>>> [m.id for m in reg.filter(organ="CFM", year=2022)]
['cfm-2022-01', 'cfm-2022-10']
>>> reg.next(after="2022-10-17").id
'chs-2022'
>>> reg.nth("CHS:regular", 9).id
'chs-2022'

**Partial dates have one meaning everywhere.** A meeting known as "2022-08" may be any day of
August 2022: it *overlaps* every range that shares a day with August 2022, and it lies
*certainly inside* (``strict=True``) only ranges that contain all of August. ``year=Y`` is
``between=(f"{Y}-01-01", f"{Y}-12-31")`` with the same strictness. A partial lower bound of
``between`` counts from its first day, a partial upper bound to its last day (both bounds are
included); ``after=`` means after every day the date may be, ``before=`` before every day it
may be, and ``on=`` is a day as everywhere in the library (a partial ``on`` is its first day).

**Indexes** are built once per registry, on first use: an array of earliest start days (one
int per meeting) answers ``next``/``previous``/``latest`` by bisection; date ranges are
answered by bisection on the start days of each class of meeting length (so a long event is
found without scanning the whole registry); ``organ``/``body``/``kind``/``host``/
``participant``/``status`` filters start from the shortest array of matching positions and
narrow it by a one-byte column of codes per field (or by intersection). Filter results reuse
the sorted order and skip validation (a subset of a valid registry is valid). Building a
registry only sorts and checks the meetings, which is why it stays cheap for large registries:
see the "Meeting registry" section of the performance page for measured figures.
"""

from __future__ import annotations

import datetime as dt
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Collection, Hashable, Iterable, Iterator, Sequence
from itertools import chain
from operator import attrgetter, itemgetter
from typing import TYPE_CHECKING, Any, Final, Literal, TypedDict, TypeVar, Unpack, overload

from turkicorg._text import fold
from turkicorg.dates import PartialDate, as_date, today
from turkicorg.errors import (
    ErrorDetail,
    InvalidDataError,
    InvalidDateError,
    PolicyError,
    UnknownMeetingError,
)
from turkicorg.meetings import Body, Meeting, MeetingKind, MeetingStatus, meeting_problems, to_body
from turkicorg.organs import Mechanism, Organ

if TYPE_CHECKING:
    from turkicorg.cadence import Due, Gap, Schedule
    from turkicorg.organs import Cadence, OrganProfile
    from turkicorg.parties import State

__all__ = [
    "DateLike",
    "MeetingFilters",
    "MeetingRegistry",
    "UnknownOrdinalError",
    "registry_problems",
]

K = TypeVar("K", bound=Hashable)
E = TypeVar("E", Organ, MeetingKind, MeetingStatus)

DateLike = PartialDate | dt.date | str
"""A day or a partial date: a ``datetime.date``, a :class:`~turkicorg.PartialDate` or text."""

_Selection = range | Sequence[int]
"""Positions in a registry, ascending: a contiguous range or a sorted sequence."""

_EMPTY: Final[tuple[int, ...]] = ()
_ID: Final = attrgetter("id")
_SERIES_ORDINAL: Final = attrgetter("series_key", "ordinal")
_GALLOP: Final = 16
"""Intersect by bisection when one side is this many times longer than the other."""


def _sort_key(meeting: Meeting) -> str:
    # The ISO form of the earliest day has a fixed width (10 characters), so this string sorts
    # exactly as ``(meeting.earliest, meeting.id)`` does, and Python sorts strings much faster
    # than tuples of a date and a string.
    return meeting.start.earliest.isoformat() + meeting.id


class UnknownOrdinalError(UnknownMeetingError):
    """No meeting of a series has the given ordinal.

    Attributes:
        series: The series key that was looked up ("COE", "CHS:regular").
        ordinal: The ordinal that was looked up.
    """

    def __init__(self, series: str, ordinal: int) -> None:
        self.series = series
        self.ordinal = ordinal
        super().__init__(f"{series} #{ordinal}")
        self.args = (f"no meeting with ordinal {ordinal} in series {series!r}",)


class MeetingFilters(TypedDict, total=False):
    """The filters :meth:`MeetingRegistry.filter` takes, also accepted by ``next`` & co."""

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


class _SpanClass:
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
        """Class-local positions in ``lo..hi``: a list to check and a range known to match."""
        starts = self.starts
        if strict:
            first = bisect_left(starts, lo)
            sure_end = max(first, bisect_right(starts, hi - self.span))
            last = bisect_right(starts, hi)
            ends = self.ends
            return [i for i in range(sure_end, last) if ends[i] <= hi], range(first, sure_end)
        first = bisect_left(starts, lo - self.span)
        sure = bisect_left(starts, lo)
        ends = self.ends
        return [i for i in range(first, sure) if ends[i] >= lo], range(
            sure, bisect_right(starts, hi)
        )


class _DateIndex:
    """Earliest start days in registry order, and the same split by classes of length."""

    __slots__ = ("classes", "starts")

    def __init__(self, meetings: Sequence[Meeting]) -> None:
        starts = array("i", [m.start.earliest.toordinal() for m in meetings])
        ends = array("i", [(m.end or m.start).latest.toordinal() for m in meetings])
        self.starts = starts
        longest = max(map(int.__sub__, ends, starts), default=0)
        if longest < 4:  # one class: no meeting spans more than four days
            self.classes: tuple[_SpanClass, ...] = (_SpanClass(longest, None, starts, ends),)
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
            classes.append(_SpanClass(span, positions, class_starts, class_ends))
        self.classes = tuple(classes)

    def select(self, lo: int, hi: int, *, strict: bool) -> _Selection:
        """Registry positions of the meetings that overlap (or lie inside) ``lo..hi``."""
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


class _FieldIndex:
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

    def narrow(self, selection: _Selection, key: object) -> _Selection:
        """The positions of ``selection`` whose value is ``key``."""
        if self.column is None:
            return _intersect(selection, self.positions.get(key, _EMPTY))
        code = self.codes.get(key)
        column = self.column
        return [p for p in selection if column[p] == code]


def _intersect(a: _Selection, b: _Selection) -> _Selection:
    """The positions in both ``a`` and ``b`` (ascending, non-empty, ``a`` not the longer)."""
    if isinstance(b, range):
        a, b = b, a
    if isinstance(a, range):  # a slice of the other side
        return b[bisect_left(b, a.start) : bisect_left(b, a.stop)]
    if len(a) * _GALLOP < len(b):
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


def _party_id(value: str | State) -> str:
    return value if isinstance(value, str) else value.id


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


def _day(value: DateLike | None, *, last: bool) -> int:
    """The day number of a day, or of the first or last day a partial date may be (None: today)."""
    if type(value) is dt.date:
        return value.toordinal()
    if value is None:
        return today().toordinal()
    date = PartialDate.coerce(value)
    return (date.latest if last else date.earliest).toordinal()


def _fold_part(text: str) -> str:
    if text.isascii():  # the same result as fold(), without the Unicode normalization
        return " ".join(text.casefold().split())
    return fold(text)


def _haystack(meeting: Meeting) -> str:
    """The searchable text of a meeting: folded fields separated by NUL (no match across)."""
    parts = [meeting.title, meeting.theme, *meeting.topics, meeting.note]
    if meeting.place is not None:
        parts += (meeting.place.city, meeting.place.country, meeting.place.venue)
    for participant in meeting.participants:
        parts += (participant.party, participant.person, participant.role)
    return "\x00".join(_fold_part(part) for part in parts if part)


def _group_order(key: object) -> tuple[bool, Any]:
    return (key is None, key)


class MeetingRegistry:
    """An immutable collection of meetings sorted by earliest start, then id.

    Iteration, ``len``, ``==`` and ``in`` work as for a tuple of meetings (``in`` takes a
    meeting or a meeting id). Every query returns a new registry or a meeting; none changes
    this one.

    Args:
        meetings: The meetings, in any order.

    Raises:
        InvalidDataError: Two meetings share an id, or one series repeats an ordinal; every
            problem is reported, located by the position of the meeting in ``meetings``
            (``$.meetings[3].id``). Each :class:`~turkicorg.Meeting` checks its own
            invariants (end not before start, at least one source) when it is built.
    """

    __slots__ = ("_by_id", "_dates", "_haystacks", "_indexes", "_meetings", "_series")

    _meetings: tuple[Meeting, ...]
    _by_id: dict[str, Meeting] | None
    _dates: _DateIndex | None
    _indexes: dict[str, _FieldIndex]
    _series: dict[str, tuple[array[int], array[int]]] | None
    _haystacks: list[str | None] | None

    def __init__(self, meetings: Iterable[Meeting] = ()) -> None:
        items = list(meetings)
        ordered = sorted(items, key=_sort_key)
        if not _fast_check(ordered):
            raise InvalidDataError(registry_problems(items))
        self._setup(tuple(ordered))

    def _setup(self, ordered: tuple[Meeting, ...]) -> None:
        self._meetings = ordered
        self._by_id = None
        self._dates = None
        self._indexes = {}
        self._series = None
        self._haystacks = None

    @classmethod
    def _from_sorted(cls, ordered: tuple[Meeting, ...]) -> MeetingRegistry:
        """A registry of meetings already sorted and valid (a subset of a valid registry)."""
        registry = cls.__new__(cls)
        registry._setup(ordered)  # noqa: SLF001 - the class's own fast path
        return registry

    def _take(self, selection: _Selection | None) -> MeetingRegistry:
        if selection is None or len(selection) == len(self._meetings):
            return self
        meetings = self._meetings
        if isinstance(selection, range):
            return self._from_sorted(meetings[selection.start : selection.stop])
        if len(selection) <= 1:
            return self._from_sorted(tuple(meetings[p] for p in selection))
        return self._from_sorted(itemgetter(*selection)(meetings))

    # The protocol of a collection --------------------------------------------------------

    def __iter__(self) -> Iterator[Meeting]:
        return iter(self._meetings)

    def __len__(self) -> int:
        return len(self._meetings)

    def __contains__(self, item: object) -> bool:
        if isinstance(item, str):
            return item in self._id_index()
        if isinstance(item, Meeting):
            return self._id_index().get(item.id) == item
        return False

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, MeetingRegistry):
            return NotImplemented
        return self is other or self._meetings == other._meetings

    def __hash__(self) -> int:
        return hash(self._meetings)

    def __repr__(self) -> str:
        return f"<MeetingRegistry of {len(self)} meetings>"

    def __reduce__(self) -> tuple[type[MeetingRegistry], tuple[tuple[Meeting, ...]]]:
        return (MeetingRegistry, (self._meetings,))

    @property
    def meetings(self) -> tuple[Meeting, ...]:
        """The meetings, sorted by earliest start, then id."""
        return self._meetings

    # Indexes (built on first use) --------------------------------------------------------

    def _id_index(self) -> dict[str, Meeting]:
        if self._by_id is None:
            self._by_id = dict(zip(map(_ID, self._meetings), self._meetings, strict=True))
        return self._by_id

    def _date_index(self) -> _DateIndex:
        if self._dates is None:
            self._dates = _DateIndex(self._meetings)
        return self._dates

    def _index(self, field: str) -> _FieldIndex:
        found = self._indexes.get(field)
        if found is None:
            found = self._indexes[field] = _FieldIndex(self._meetings, field)
        return found

    def _series_index(self) -> dict[str, tuple[array[int], array[int]]]:
        if self._series is None:
            pairs: dict[str, list[tuple[int, int]]] = {}
            for position, meeting in enumerate(self._meetings):
                if meeting.ordinal is not None:
                    pairs.setdefault(meeting.series_key, []).append((meeting.ordinal, position))
            series = {}
            for key, found in pairs.items():
                found.sort()
                series[key] = (array("i", [o for o, _ in found]), array("i", [p for _, p in found]))
            self._series = series
        return self._series

    def _haystack(self, position: int) -> str:
        if self._haystacks is None:
            self._haystacks = [None] * len(self._meetings)
        found = self._haystacks[position]
        if found is None:
            found = self._haystacks[position] = _haystack(self._meetings[position])
        return found

    # Queries -----------------------------------------------------------------------------

    def _select(
        self,
        *,
        organ: Organ | str | None = None,
        body: Body | str | None = None,
        kind: MeetingKind | str | None = None,
        host: str | State | None = None,
        participant: str | State | None = None,
        year: int | None = None,
        between: tuple[DateLike | None, DateLike | None] | None = None,
        status: MeetingStatus | str | None = None,
        text: str | None = None,
        strict: bool = False,
    ) -> _Selection | None:
        """Positions of the meetings that pass every given filter; None when none is given."""
        lookups: list[tuple[str, object]] = []
        if organ is not None:
            lookups.append(("body", _to_organ(organ)))
        if body is not None:
            lookups.append(("body", _to_body(body)))
        if kind is not None:
            lookups.append(("kind", _member(MeetingKind, kind, "kind")))
        if status is not None:
            lookups.append(("status", _member(MeetingStatus, status, "status")))
        if host is not None:
            lookups.append(("host", _party_id(host)))
        if participant is not None:
            lookups.append(("participant", _party_id(participant)))
        window: tuple[int, int] | None = None
        if year is not None:
            window = _year_bounds(year)
        if between is not None:
            lo, hi = _range_bounds(between)
            window = (lo, hi) if window is None else (max(lo, window[0]), min(hi, window[1]))
        pieces: list[tuple[_Selection, _FieldIndex | None, object]] = []
        for field, key in lookups:
            index = self._index(field)
            pieces.append((index.positions.get(key, _EMPTY), index, key))
        if window is not None:
            lo, hi = window
            dates = self._date_index().select(lo, hi, strict=strict) if lo <= hi else _EMPTY
            pieces.append((dates, None, None))
        selection: _Selection | None = None
        if pieces:
            # Start from the fewest positions; narrow them by the other fields' columns (or
            # by intersection for the date range and the participant index).
            pieces.sort(key=lambda piece: len(piece[0]))
            selection = pieces[0][0]
            for positions, field_index, key in pieces[1:]:
                if not selection:
                    break
                if field_index is None:
                    selection = _intersect(selection, positions)
                else:
                    selection = field_index.narrow(selection, key)
        if text is not None:
            needle = fold(text)
            candidates = range(len(self._meetings)) if selection is None else selection
            selection = [p for p in candidates if needle in self._haystack(p)]
        return selection

    def filter(
        self,
        *,
        organ: Organ | str | None = None,
        body: Body | str | None = None,
        kind: MeetingKind | str | None = None,
        host: str | State | None = None,
        participant: str | State | None = None,
        year: int | None = None,
        between: tuple[DateLike | None, DateLike | None] | None = None,
        status: MeetingStatus | str | None = None,
        text: str | None = None,
        strict: bool = False,
    ) -> MeetingRegistry:
        """The meetings that pass every given filter, as a new registry (filters chain).

        Args:
            organ: The organ that met (an :class:`~turkicorg.Organ` or its value, "CFM").
            body: The body that met: an organ, a :class:`~turkicorg.Mechanism` or a value.
            kind: The kind of meeting (a :class:`~turkicorg.MeetingKind` or its value).
            host: The party id (or party) of the host.
            participant: A party id (or party) the meeting names anywhere: host, chair,
                initiator, the country of the place or a participant
                (:meth:`Meeting.party_ids <turkicorg.Meeting.party_ids>`).
            year: Meetings that may have taken place in this year (with ``strict``: that
                certainly did); the same as ``between=(f"{year}-01-01", f"{year}-12-31")``.
            between: ``(first, last)``, both included: meetings that may share a day with
                the range (with ``strict``: whose every possible day lies in it). A partial
                ``first`` counts from its first day, a partial ``last`` to its last day; None
                leaves that side open.
            status: The status (confirmed, tentative, cancelled, postponed).
            text: Case- and accent-insensitive text found in the title, theme, topics, place,
                note or participants (parties, people and roles) of the meeting.
            strict: Keep only meetings certainly inside ``between``/``year``.

        Raises:
            ValueError: An unknown organ, body, kind or status.
            InvalidDateError: A malformed date, year or range.

        >>> from turkicorg import Meeting, MeetingRegistry
        >>> reg = MeetingRegistry(
        ...     [
        ...         Meeting(
        ...             id="coe-2022-08",
        ...             body="COE",
        ...             kind="regular",
        ...             title="Elders",
        ...             start="2022-08",
        ...             sources=("https://example.org",),
        ...         ),
        ...     ]
        ... )
        >>> len(reg.filter(between=("2022-08-20", "2022-09-10")))
        1
        >>> len(reg.filter(between=("2022-08-20", "2022-09-10"), strict=True))
        0
        """
        return self._take(
            self._select(
                organ=organ,
                body=body,
                kind=kind,
                host=host,
                participant=participant,
                year=year,
                between=between,
                status=status,
                text=text,
                strict=strict,
            )
        )

    def get(self, meeting_id: str) -> Meeting:
        """Return the meeting with this id.

        Raises:
            UnknownMeetingError: No meeting has that id.
        """
        try:
            return self._id_index()[meeting_id]
        except KeyError:
            raise UnknownMeetingError(meeting_id) from None

    def _first_after(self, day: int, filters: MeetingFilters) -> int | None:
        """Position of the first meeting (passing ``filters``) whose earliest start > day."""
        starts = self._date_index().starts
        selection = self._select(**filters) if filters else None
        if selection is None:
            index = bisect_right(starts, day)
            return index if index < len(starts) else None
        if isinstance(selection, range):
            index = bisect_right(starts, day, selection.start, selection.stop)
            return index if index < selection.stop else None
        index = bisect_right(selection, day, key=starts.__getitem__)
        return selection[index] if index < len(selection) else None

    def _last_before(self, day: int, filters: MeetingFilters) -> int | None:
        """Position of the last meeting (passing ``filters``) whose earliest start < day."""
        starts = self._date_index().starts
        selection = self._select(**filters) if filters else None
        if selection is None:
            index = bisect_left(starts, day)
            return index - 1 if index else None
        if isinstance(selection, range):
            index = bisect_left(starts, day, selection.start, selection.stop)
            return index - 1 if index > selection.start else None
        index = bisect_left(selection, day, key=starts.__getitem__)
        return selection[index - 1] if index else None

    def next(
        self, *, after: DateLike | None = None, **filters: Unpack[MeetingFilters]
    ) -> Meeting | None:
        """The first meeting whose earliest start lies strictly after a day, or None.

        Args:
            after: The day (default today); a partial date means after every day it may be
                (``after="2022"`` finds the first meeting from 2023 on).
            **filters: Any filter of :meth:`filter`.
        """
        position = self._first_after(_day(after, last=True), filters)
        return None if position is None else self._meetings[position]

    def previous(
        self, *, before: DateLike | None = None, **filters: Unpack[MeetingFilters]
    ) -> Meeting | None:
        """The last meeting whose earliest start lies strictly before a day, or None.

        Args:
            before: The day (default today); a partial date means before every day it may be
                (``before="2022"`` finds the last meeting that may have started in 2021).
            **filters: Any filter of :meth:`filter`.
        """
        position = self._last_before(_day(before, last=False), filters)
        return None if position is None else self._meetings[position]

    def latest(
        self, *, on: DateLike | None = None, **filters: Unpack[MeetingFilters]
    ) -> Meeting | None:
        """The last meeting that may have started on or before a day (default today).

        Planned meetings after the day are not counted: this is the most recent meeting as
        of ``on``, not the last meeting recorded. "May have started" goes by the earliest
        start, so a meeting known only as "2025" counts from 1 January 2025; add
        ``status="confirmed"`` to leave out planned, cancelled and postponed meetings.

        Args:
            on: The day (default today); a partial date is its first day.
            **filters: Any filter of :meth:`filter`.
        """
        position = self._last_before(as_date(on).toordinal() + 1, filters)
        return None if position is None else self._meetings[position]

    def nth(self, series: str, n: int) -> Meeting:
        """The meeting with ordinal ``n`` in a series ("COE", "CHS:regular").

        The series of a meeting is its ``series`` field or, when that is not set,
        ``"<body>:<kind>"`` (:attr:`Meeting.series_key <turkicorg.Meeting.series_key>`).

        Raises:
            UnknownOrdinalError: No meeting of the series has that ordinal (a
                :class:`~turkicorg.UnknownMeetingError`).
        """
        found = self._series_index().get(series)
        if found is not None:
            ordinals, positions = found
            index = bisect_left(ordinals, n)
            if index < len(ordinals) and ordinals[index] == n:
                return self._meetings[positions[index]]
        raise UnknownOrdinalError(series, n)

    @overload
    def group_by(self, key: Literal["organ"]) -> dict[Organ | None, MeetingRegistry]: ...
    @overload
    def group_by(self, key: Literal["body"]) -> dict[Body, MeetingRegistry]: ...
    @overload
    def group_by(self, key: Literal["kind"]) -> dict[MeetingKind, MeetingRegistry]: ...
    @overload
    def group_by(self, key: Literal["status"]) -> dict[MeetingStatus, MeetingRegistry]: ...
    @overload
    def group_by(self, key: Literal["year"]) -> dict[int, MeetingRegistry]: ...
    @overload
    def group_by(self, key: Literal["host"]) -> dict[str | None, MeetingRegistry]: ...
    @overload
    def group_by(self, key: Callable[[Meeting], K]) -> dict[K, MeetingRegistry]: ...
    def group_by(self, key: str | Callable[[Meeting], Any]) -> dict[Any, MeetingRegistry]:
        """Split the registry into registries by a key, keys sorted (None last).

        Args:
            key: "organ" (None for meetings of other mechanisms), "body", "kind", "status",
                "host" (None when not recorded), "year" (the year of the earliest start: each
                meeting falls in exactly one group), or a function of a meeting whose results
                can be sorted.

        Raises:
            ValueError: An unknown key name.
        """
        groups: dict[Any, _Selection]
        if callable(key):
            lists: dict[Any, list[int]] = {}
            for position, meeting in enumerate(self._meetings):
                lists.setdefault(key(meeting), []).append(position)
            groups = dict(lists)
        elif key in ("body", "kind", "status", "host"):
            groups = dict(self._index(key).positions)
        elif key == "organ":
            groups = {}
            others: list[Sequence[int]] = []
            for body, positions in self._index("body").positions.items():
                if isinstance(body, Organ):
                    groups[body] = positions
                else:
                    others.append(positions)
            if others:
                groups[None] = sorted(chain.from_iterable(others))
        elif key == "year":
            groups = {}
            starts = self._date_index().starts
            position = 0
            while position < len(starts):
                year = dt.date.fromordinal(starts[position]).year
                end = bisect_right(starts, dt.date(year, 12, 31).toordinal(), position)
                groups[year] = range(position, end)
                position = end
        else:
            raise ValueError(
                f"unknown group key {key!r}: expected organ, body, kind, status, year, host "
                "or a function"
            )
        return {k: self._take(groups[k]) for k in sorted(groups, key=_group_order)}

    # New registries ----------------------------------------------------------------------

    def with_meetings(self, *meetings: Meeting) -> MeetingRegistry:
        """A new registry with these meetings added.

        Raises:
            TypeError: An argument is not a :class:`~turkicorg.Meeting`.
            InvalidDataError: An id is taken or an ordinal repeated; every problem, located
                by position in the existing meetings followed by the new ones.
        """
        if not meetings:
            return self
        for meeting in meetings:
            if not isinstance(meeting, Meeting):
                raise TypeError(f"expected a Meeting, got {type(meeting).__name__}")
        by_id = self._id_index()
        series = self._series_index()
        fresh = sorted(meetings, key=_sort_key)
        if (
            not _fast_check(fresh)
            or any(m.id in by_id for m in fresh)
            or any(_taken(series, m) for m in fresh)
        ):
            raise InvalidDataError(registry_problems([*self._meetings, *meetings]))
        ordered = self._meetings
        parts: list[tuple[Meeting, ...]] = []
        done = 0
        for meeting in fresh:
            at = bisect_left(ordered, _sort_key(meeting), lo=done, key=_sort_key)
            parts.append(ordered[done:at])
            parts.append((meeting,))
            done = at
        parts.append(ordered[done:])
        return self._from_sorted(tuple(chain.from_iterable(parts)))

    def without(self, *meeting_ids: str) -> MeetingRegistry:
        """A new registry without the meetings with these ids.

        Raises:
            UnknownMeetingError: No meeting has one of the ids.
        """
        by_id = self._id_index()
        positions = []
        ordered = self._meetings
        for meeting_id in dict.fromkeys(meeting_ids):
            meeting = by_id.get(meeting_id)
            if meeting is None:
                raise UnknownMeetingError(meeting_id)
            positions.append(bisect_left(ordered, _sort_key(meeting), key=_sort_key))
        if not positions:
            return self
        parts = []
        done = 0
        for position in sorted(positions):
            parts.append(ordered[done:position])
            done = position + 1
        parts.append(ordered[done:])
        return self._from_sorted(tuple(chain.from_iterable(parts)))

    # Validation --------------------------------------------------------------------------

    def problems(
        self, *, parties: Collection[str] | None = None, prefix: str = "$.meetings"
    ) -> list[ErrorDetail]:
        """Every problem of the registry, located by position in registry order.

        Args:
            parties: The known party ids; when given, every party a meeting refers to (host,
                chair, initiator, country of the place, participants) must be one of them.
            prefix: The JSON path of the list of meetings.
        """
        return registry_problems(self._meetings, prefix, parties=parties)

    def validate(self, *, parties: Collection[str] | None = None) -> None:
        """Check the registry (and, given ``parties``, every party reference).

        :class:`~turkicorg.Organization` checks party references itself when a registry is
        attached to it; this checks a registry on its own.

        Raises:
            InvalidDataError: Every problem, located by position in registry order.
        """
        problems = self.problems(parties=parties)
        if problems:
            raise InvalidDataError(problems)

    # Cadence (see turkicorg.cadence) -----------------------------------------------------

    def expected(
        self,
        organ: Organ | str,
        *,
        between: tuple[DateLike, DateLike],
        kind: MeetingKind | str | None = None,
        cadence: Cadence | None = None,
        profile: OrganProfile | None = None,
    ) -> Schedule:
        """The expected meetings of an organ in a range (see :func:`turkicorg.cadence.expected`)."""
        from turkicorg import cadence as module  # noqa: PLC0415 - dateutil only when needed

        return module.expected(
            self, organ, between=between, kind=kind, cadence=cadence, profile=profile
        )

    def gaps(
        self,
        organ: Organ | str,
        *,
        between: tuple[DateLike, DateLike],
        kind: MeetingKind | str | None = None,
        cadence: Cadence | None = None,
        profile: OrganProfile | None = None,
    ) -> tuple[Gap, ...]:
        """Periods without the expected meeting (see :func:`turkicorg.cadence.gaps`)."""
        from turkicorg import cadence as module  # noqa: PLC0415

        return module.gaps(
            self, organ, between=between, kind=kind, cadence=cadence, profile=profile
        )

    def due(
        self,
        organ: Organ | str,
        *,
        on: DateLike | None = None,
        kind: MeetingKind | str | None = None,
        cadence: Cadence | None = None,
        profile: OrganProfile | None = None,
    ) -> Due:
        """When the next meeting of an organ is expected (see :func:`turkicorg.cadence.due`)."""
        from turkicorg import cadence as module  # noqa: PLC0415

        return module.due(self, organ, on=on, kind=kind, cadence=cadence, profile=profile)


def _taken(series: dict[str, tuple[array[int], array[int]]], meeting: Meeting) -> bool:
    """True when the series of ``meeting`` already has its ordinal."""
    if meeting.ordinal is None or meeting.series_key not in series:
        return False
    ordinals = series[meeting.series_key][0]
    index = bisect_left(ordinals, meeting.ordinal)
    return index < len(ordinals) and ordinals[index] == meeting.ordinal


def _fast_check(ordered: Sequence[Meeting]) -> bool:
    """True when ids and (series, ordinal) pairs are unique (cheap: two set builds)."""
    if len(set(map(_ID, ordered))) != len(ordered):
        return False
    numbered = [m for m in ordered if m.ordinal is not None]
    return len(set(map(_SERIES_ORDINAL, numbered))) == len(numbered)


def registry_problems(
    meetings: Iterable[Meeting],
    prefix: str = "$.meetings",
    *,
    parties: Collection[str] | None = None,
) -> list[ErrorDetail]:
    """Every problem of a list of meetings, each located by its position in the list.

    Reports the problems of each meeting on its own (end before start, no source, ...),
    duplicate ids, ordinals repeated within a series and, when ``parties`` is given, party
    ids that are not in it.
    """
    problems: list[ErrorDetail] = []
    seen_ids: dict[str, int] = {}
    seen_ordinals: dict[tuple[str, int], str] = {}
    known = None if parties is None else frozenset(parties)
    for index, meeting in enumerate(meetings):
        path = f"{prefix}[{index}]"
        problems.extend(
            ErrorDetail(f"{path}.{field}", message, value)
            for field, message, value in meeting_problems(meeting)
        )
        if meeting.id in seen_ids:
            problems.append(
                ErrorDetail(
                    f"{path}.id",
                    f"duplicate meeting id (also at index {seen_ids[meeting.id]})",
                    meeting.id,
                )
            )
        else:
            seen_ids[meeting.id] = index
        if meeting.ordinal is not None:
            key = (meeting.series_key, meeting.ordinal)
            if key in seen_ordinals:
                problems.append(
                    ErrorDetail(
                        f"{path}.ordinal",
                        f"ordinal {meeting.ordinal} of series {meeting.series_key!r} is also "
                        f"used by {seen_ordinals[key]!r}",
                        meeting.ordinal,
                    )
                )
            else:
                seen_ordinals[key] = meeting.id
        if known is not None:
            problems.extend(_party_problems(meeting, path, known))
    return problems


def _party_problems(meeting: Meeting, path: str, known: frozenset[str]) -> list[ErrorDetail]:
    references = [
        ("host", meeting.host),
        ("chair", meeting.chair),
        ("initiator", meeting.initiator),
        ("place.country", meeting.place.country if meeting.place else None),
    ]
    references += [
        (f"participants[{j}].party", p.party) for j, p in enumerate(meeting.participants)
    ]
    return [
        ErrorDetail(f"{path}.{field}", f"unknown party id {value!r}", value)
        for field, value in references
        if value is not None and value not in known
    ]
