"""The meeting registry: an immutable, sorted collection of meetings and its queries.

See :mod:`turkicorg.registry` for what the queries mean; the indexes are in
:mod:`turkicorg.registry.index`, the filters in :mod:`turkicorg.registry.filters` and the
rules between meetings in :mod:`turkicorg.registry.checks`.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Collection, Hashable, Iterable, Iterator
from operator import attrgetter, itemgetter
from typing import TYPE_CHECKING, Any, Final, Literal, TypeVar, Unpack, overload

from turkicorg.dates import as_date
from turkicorg.errors import ErrorDetail, InvalidDataError, UnknownMeetingError
from turkicorg.meetings import Body, Meeting, MeetingKind, MeetingStatus
from turkicorg.registry.checks import registry_problems, taken
from turkicorg.registry.dateindex import (
    EMPTY,
    DateIndex,
    Runs,
    Selection,
    first_after,
    last_before,
)
from turkicorg.registry.filters import MeetingFilters, Query, day_number, parse_filters
from turkicorg.registry.index import (
    FieldIndex,
    SeriesIndex,
    haystack,
    insert_sorted,
    organ_groups,
    positions_of,
    registry_order,
    remove_positions,
    series_index,
    unique_keys,
    year_groups,
)

if TYPE_CHECKING:
    from turkicorg.organs import Organ
    from turkicorg.registry.filters import DateLike

__all__ = ["MeetingRegistry", "UnknownOrdinalError"]

K = TypeVar("K", bound=Hashable)

_ID: Final = attrgetter("id")


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

    __slots__ = (
        "_by_id",
        "_composites",
        "_dates",
        "_haystacks",
        "_indexes",
        "_meetings",
        "_series",
    )

    _meetings: tuple[Meeting, ...]
    _by_id: dict[str, Meeting] | None
    _dates: DateIndex | None
    _composites: dict[tuple[str, object], DateIndex]
    _indexes: dict[str, FieldIndex]
    _series: SeriesIndex | None
    _haystacks: list[str | None] | None

    def __init__(self, meetings: Iterable[Meeting] = ()) -> None:
        items = list(meetings)
        ordered = registry_order(items)
        if not unique_keys(ordered):
            raise InvalidDataError(registry_problems(items))
        self._setup(tuple(ordered))

    def _setup(self, ordered: tuple[Meeting, ...]) -> None:
        self._meetings = ordered
        self._by_id = None
        self._dates = None
        self._composites = {}
        self._indexes = {}
        self._series = None
        self._haystacks = None

    @classmethod
    def _from_sorted(cls, ordered: tuple[Meeting, ...]) -> MeetingRegistry:
        """A registry of meetings already sorted and valid (a subset of a valid registry)."""
        registry = cls.__new__(cls)
        registry._setup(ordered)  # noqa: SLF001 - the class's own fast path
        return registry

    def _take(self, selection: Selection | None) -> MeetingRegistry:
        if selection is None or len(selection) == len(self._meetings):
            return self
        meetings = self._meetings
        if isinstance(selection, range):
            return self._from_sorted(meetings[selection.start : selection.stop])
        if isinstance(selection, Runs):
            return self._from_sorted(selection.take(meetings))
        if len(selection) <= 1:  # itemgetter of one position returns the item, not a tuple
            return self._from_sorted(tuple(map(meetings.__getitem__, selection)))
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

    def _date_index(self) -> DateIndex:
        if self._dates is None:
            self._dates = DateIndex.of(self._meetings)
        return self._dates

    def _composite(self, field: str, key: object) -> DateIndex:
        """The date index of the meetings whose ``field`` is ``key``, kept if there are any."""
        found = self._composites.get((field, key))
        if found is None:
            positions = self._index(field).positions.get(key, EMPTY)
            found = self._date_index().subset(positions)
            if positions:
                self._composites[field, key] = found
        return found

    def _index(self, field: str) -> FieldIndex:
        found = self._indexes.get(field)
        if found is None:
            found = self._indexes[field] = FieldIndex(self._meetings, field)
        return found

    def _series_index(self) -> SeriesIndex:
        if self._series is None:
            self._series = series_index(self._meetings)
        return self._series

    def _haystack(self, position: int) -> str:
        if self._haystacks is None:
            self._haystacks = [None] * len(self._meetings)
        found = self._haystacks[position]
        if found is None:
            found = self._haystacks[position] = haystack(self._meetings[position])
        return found

    # Queries -----------------------------------------------------------------------------

    def _select(self, filters: MeetingFilters) -> Selection | None:
        """Positions of the meetings that pass every given filter; None when none is given."""
        query = parse_filters(filters)
        if query.window is not None and query.empty:
            return EMPTY
        lookups = [(self._index(field), field, key) for field, key in query.lookups]
        # Start from the fewest positions: the smallest field bucket (within the date range,
        # by its composite date index) or the date range alone; narrow by the other fields.
        lookups.sort(key=lambda lookup: len(lookup[0].positions.get(lookup[2], EMPTY)))
        selection: Selection | None = None
        if query.window is not None:
            first = lookups.pop(0) if lookups else None
            dates = self._date_index() if first is None else self._composite(*first[1:])
            selection = dates.select(*query.window, strict=query.strict)
        elif lookups:
            index, _, key = lookups.pop(0)
            selection = index.positions.get(key, EMPTY)
        for index, _, key in lookups:
            if not selection:
                break
            selection = index.narrow(selection, key)
        return self._scan(query, selection)

    def _scan(self, query: Query, selection: Selection | None) -> Selection | None:
        """Narrow by the filters no index answers: text, city and country."""
        meetings, needle = self._meetings, query.needle
        if needle is not None:
            candidates = range(len(meetings)) if selection is None else selection
            selection = [p for p in candidates if needle in self._haystack(p)]
        if query.city is not None or query.country is not None:
            candidates = range(len(meetings)) if selection is None else selection
            selection = [p for p in candidates if query.place_matches(meetings[p])]
        return selection

    def filter(self, **filters: Unpack[MeetingFilters]) -> MeetingRegistry:
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
            city: The city of the meeting's place, in any case, with or without accents
                ("baku" finds Baku; a meeting in Istanbul that mentions Baku does not pass).
            country: The party id (any case) or party of the country of the meeting's place.
            strict: Keep only meetings certainly inside ``between``/``year``.

        Every filter given must hold: with ``year`` and ``between`` together, a meeting must
        pass each (the same as chaining two calls).

        Raises:
            TypeError: An unknown filter name.
            UnknownNameError: An unknown organ, body, kind or status (a ``ValueError``).
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
        return self._take(self._select(filters))

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
        selection = self._select(filters) if filters else None
        return first_after(self._date_index().starts, selection, day)

    def _last_before(self, day: int, filters: MeetingFilters) -> int | None:
        """Position of the last meeting (passing ``filters``) whose earliest start < day."""
        selection = self._select(filters) if filters else None
        return last_before(self._date_index().starts, selection, day)

    def next(
        self, *, after: DateLike | None = None, **filters: Unpack[MeetingFilters]
    ) -> Meeting | None:
        """The first meeting whose earliest start lies strictly after a day, or None.

        Args:
            after: The day (default today); a partial date means after every day it may be
                (``after="2022"`` finds the first meeting from 2023 on).
            **filters: Any filter of :meth:`filter`.
        """
        position = self._first_after(day_number(after, last=True), filters)
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
        position = self._last_before(day_number(before), filters)
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
        groups: dict[Any, Selection]
        if callable(key):
            lists: dict[Any, list[int]] = {}
            for position, meeting in enumerate(self._meetings):
                lists.setdefault(key(meeting), []).append(position)
            groups = dict(lists)
        elif key in ("body", "kind", "status", "host"):
            groups = dict(self._index(key).positions)
        elif key == "organ":
            groups = organ_groups(self._index("body").positions)
        elif key == "year":
            groups = year_groups(self._date_index().starts)
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
        fresh = registry_order(meetings)
        if (
            not unique_keys(fresh)
            or any(m.id in by_id for m in fresh)
            or any(taken(series, m) for m in fresh)
        ):
            raise InvalidDataError(registry_problems([*self._meetings, *meetings]))
        return self._from_sorted(insert_sorted(self._meetings, fresh))

    def without(self, *meeting_ids: str) -> MeetingRegistry:
        """A new registry without the meetings with these ids.

        Raises:
            UnknownMeetingError: No meeting has one of the ids.
        """
        by_id = self._id_index()
        unknown = next((i for i in meeting_ids if i not in by_id), None)
        if unknown is not None:
            raise UnknownMeetingError(unknown)
        if not meeting_ids:
            return self
        positions = positions_of(self._meetings, map(by_id.__getitem__, dict.fromkeys(meeting_ids)))
        return self._from_sorted(remove_positions(self._meetings, positions))

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
