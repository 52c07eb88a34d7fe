"""The organization's chairmanship (Chairperson-in-Office), under an explicit policy.

Two readings exist, and the library offers both:

- **Practice** (:class:`SummitHandover`, the default): the chairmanship passes at the close of
  each *regular* summit to the host of that summit and runs until the next regular summit.
  Extraordinary and informal summits hand nothing over (Ankara 2023 was hosted by Türkiye
  and chaired by Uzbekistan). Sources: the handovers reported in 2012, 2019, 2021, 2022,
  2023, 2024 and 2025 (see :data:`PRACTICE_SOURCES`).
- **The written rule** (:class:`CalendarYearRotation`): one calendar year per member state,
  rotating by the English alphabetical order of the states' official names (the pre-2021 OTS
  site). History does not follow it (hosts went KZ, KG, AZ, TR, UZ); it is offered to compare.

>>> import turkicorg
>>> ots = turkicorg.load_default()
>>> ots.chair(on="2023-01-01").state.short_name
'Uzbekistan'
>>> print(ots.chair(on="2025-10-08").explain())
Azerbaijan chairs the organization from 2025-10-07 ...
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Final, Protocol

import attrs

from turkicorg.dates import PartialDate, as_date
from turkicorg.errors import PolicyError
from turkicorg.meetings import Format, MeetingKind, MeetingStatus
from turkicorg.organs import NameBasis, Organ
from turkicorg.parties import State
from turkicorg.rotation import AlphabeticalRotation, NameOrder
from turkicorg.sourcing import cite, horizon_note

if TYPE_CHECKING:
    from turkicorg.meetings import Meeting
    from turkicorg.organization import Organization

__all__ = [
    "DEFAULT_POLICY",
    "PRACTICE_SOURCES",
    "RULE_SOURCES",
    "CalendarYearRotation",
    "ChairPolicy",
    "ChairTerm",
    "SummitHandover",
    "chair_on",
    "ordinal",
    "stamped",
    "upcoming",
]

PRACTICE_SOURCES: Final = (
    "https://en.trend.az/azerbaijan/2058283.html",
    "https://apa.az/en/foreign-news/chairmanship-of-turkic-council-passes-to-azerbaijan-294852",
    "http://www.unikal.org/news/310368/turk-surasina-sedrlik-azerbaycandan-turkiyeye-kecdi",
    "https://menafn.com/1107364656/Anniversary-Summit-Of-OTS-Begins-Its-Work-In-Kazakhstans-Astana-PHOTO",
    "https://news.az/news/bishkek-set-to-host-11th-summit-of-the-organization-of-turkic-states",
    "https://report.az/en/foreign-politics/japarov-ots-to-continue-progressive-development-under-azerbaijan-s-chairmanship",
)
"""Reports of chairmanship handovers at regular summits."""

RULE_SOURCES: Final = (
    "https://www.turkkon.org/en/baskan",
    "https://m.haberturk.com/cumhurbaskani-erdogan-dan-tdt-mesaji-3725407",
)
"""The written rule: one calendar year, English alphabetical order of official names."""


@attrs.frozen(kw_only=True)
class ChairTerm:
    """One chairmanship: who, from when to when, and why.

    Attributes:
        state: The chairing member state.
        start: The first day of the term (None when not known).
        end: The first day of the next term (None while it lasts or when not known).
        policy: The policy that produced the term, in words.
        basis: What the term rests on ("7th Summit, Baku, 2019-10-15").
        meeting: The id of the meeting that handed the chairmanship over, if any.
        projected: True when the term is a projection, not recorded history.
        sources: Where the term or the rule is documented.
        beyond_horizon: True when the day asked about lies after the data horizon.
        horizon: The data horizon, when the day asked about lies after it.
    """

    state: State
    start: dt.date | None
    end: dt.date | None = None
    policy: str
    basis: str
    meeting: str | None = None
    projected: bool = False
    sources: tuple[str, ...] = ()
    beyond_horizon: bool = False
    horizon: dt.date | None = None

    def covers(self, day: dt.date) -> bool:
        """True when ``day`` falls in the term (``start`` included, ``end`` excluded)."""
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)

    def explain(self) -> str:
        """Say who chairs, since when, until when, under which policy and on what basis."""
        since = f" from {self.start}" if self.start else " from a day not yet known"
        until = f" until {self.end}" if self.end else " until the next handover"
        kind = "is projected to chair" if self.projected else "chairs"
        sentences = [
            f"{self.state.short_name} {kind} the organization{since}{until}.",
            f"Policy: {self.policy}.",
            f"Basis: {self.basis}.",
            cite(self.sources),
        ]
        if self.horizon is not None:
            sentences.append(horizon_note(self.horizon))
        return " ".join(sentences)


class ChairPolicy(Protocol):
    """A way of deciding the organization's chair; see :class:`SummitHandover`."""

    @property
    def description(self) -> str:
        """The policy in words."""
        ...  # pragma: no cover - protocol

    def history(self, org: Organization, *, until: dt.date | None = None) -> tuple[ChairTerm, ...]:
        """Every term the policy gives, oldest first."""
        ...  # pragma: no cover - protocol


def ordinal(number: int) -> str:
    """English ordinal: 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st.

    >>> [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 101)]
    ['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '101st']
    """
    if number % 100 in (11, 12, 13):
        return f"{number}th"
    return f"{number}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th') }"


def _summit_label(meeting: Meeting) -> str:
    number = f"{ordinal(meeting.ordinal)} " if meeting.ordinal else ""
    if meeting.place and meeting.place.city:
        where = f", {meeting.place.city}"
    elif meeting.format is Format.VIDEO:
        where = ", video conference"
    else:
        where = ""
    return f"{number}Summit{where}, {meeting.span}"


@attrs.frozen(kw_only=True)
class SummitHandover:
    """Practice: at the close of each regular summit the chairmanship passes to its host.

    The term starts on the summit's last day (the day of the handover) and runs until the
    next regular summit. Only confirmed summits of ``series`` count; with
    ``include_planned=True`` a planned (tentative) regular summit yields a projected term.

    Attributes:
        series: The series of regular summits (default ``"CHS:regular"``, the CCTS/OTS summits).
        include_planned: Whether planned summits give projected terms.
    """

    series: str = "CHS:regular"
    include_planned: bool = False

    @property
    def description(self) -> str:
        """The policy in words."""
        return (
            "practice: the chairmanship passes at the close of each regular summit to its host "
            "and runs until the next regular summit"
        )

    def summits(self, org: Organization) -> tuple[Meeting, ...]:
        """The regular summits that hand the chairmanship over, oldest first."""
        statuses = {MeetingStatus.CONFIRMED}
        if self.include_planned:
            statuses.add(MeetingStatus.TENTATIVE)
        return tuple(
            m
            for m in org.meetings
            if m.body is Organ.HEADS_OF_STATE
            and m.kind is MeetingKind.REGULAR
            and m.series_key == self.series
            and m.status in statuses
            and m.host is not None
        )

    def history(self, org: Organization, *, until: dt.date | None = None) -> tuple[ChairTerm, ...]:
        """Every chairmanship, oldest first (``until`` is ignored: history is what is recorded)."""
        del until
        summits = self.summits(org)
        terms: list[ChairTerm] = []
        for index, summit in enumerate(summits):
            following = summits[index + 1] if index + 1 < len(summits) else None
            exact = (summit.end or summit.start).is_exact
            start = (summit.end or summit.start).latest if exact else None
            end = None
            if following is not None:
                close = following.end or following.start
                end = close.latest if close.is_exact else None
            projected = summit.status is not MeetingStatus.CONFIRMED
            host = org.state(summit.host)  # type: ignore[arg-type]  # filtered above
            terms.append(
                ChairTerm(
                    state=host,
                    start=start,
                    end=end,
                    policy=self.description,
                    basis=f"{'planned ' if projected else ''}{_summit_label(summit)}",
                    meeting=summit.id,
                    projected=projected,
                    sources=tuple(dict.fromkeys((*summit.sources, *PRACTICE_SOURCES))),
                )
            )
        return tuple(terms)


@attrs.frozen(kw_only=True)
class CalendarYearRotation:
    """The written rule: one calendar year per member state, by English alphabetical order.

    The rule's wording (which names are sorted) is read from the heads of state's profile
    (:attr:`~turkicorg.OrganProfile.chair_rotation`). No source says which year the written
    rule started in or with whom: by default the library anchors it on the first regular
    summit in the record (Kazakhstan, host of the 1st Summit, 2011); both are options.

    Attributes:
        first: The party id holding the chairmanship in ``first_year`` (None: the host of the
            first recorded regular summit).
        first_year: The first calendar year of the rotation (None: the year of that summit).
        order: The names sorted (None: as the data words the rule, official names).
    """

    first: str | None = None
    first_year: int | None = None
    order: NameOrder | None = None

    def anchor(self, org: Organization) -> tuple[str, int, NameOrder]:
        """The first holder, the first year and the name order this policy applies to ``org``.

        Raises:
            PolicyError: No anchor is given and the record has no regular summit to take it from.
        """
        first, first_year, order = self.first, self.first_year, self.order
        if order is None:
            rotation = org.profile(Organ.HEADS_OF_STATE).chair_rotation
            names = rotation.names if rotation is not None else NameBasis.OFFICIAL
            order = NameOrder(names.value)
        if first is None or first_year is None:
            summits = SummitHandover().summits(org)
            if not summits:
                raise PolicyError(
                    "chairmanship", "give first= and first_year=: no regular summit is recorded"
                )
            first = summits[0].host if first is None else first
            first_year = summits[0].start.earliest.year if first_year is None else first_year
        return first, first_year, order  # type: ignore[return-value]  # host is never None

    def describe(self, org: Organization) -> str:
        """The policy in words, with the anchor it takes from ``org``."""
        first, first_year, order = self.anchor(org)
        return (
            "written rule: one calendar year per member state, in English alphabetical order "
            f"of {'official' if order is NameOrder.OFFICIAL else 'short'} names "
            f"(anchored on {first} in {first_year} for comparison)"
        )

    @property
    def description(self) -> str:
        """The policy in words (the anchor as given, or taken from the record)."""
        order = self.order.value if self.order is not None else "official"
        anchor = (
            f"anchored on {self.first} in {self.first_year}"
            if self.first is not None and self.first_year is not None
            else "anchored on the first recorded regular summit"
        )
        return (
            "written rule: one calendar year per member state, in English alphabetical order "
            f"of {order} names ({anchor} for comparison)"
        )

    def history(self, org: Organization, *, until: dt.date | None = None) -> tuple[ChairTerm, ...]:
        """One term per calendar year from the first year to the year of ``until`` (today)."""
        first, first_year, order = self.anchor(org)
        last_year = as_date(until).year
        rotation = AlphabeticalRotation(order=order)
        holder = org.state(first)
        description = self.describe(org)
        rotation_data = org.profile(Organ.HEADS_OF_STATE).chair_rotation
        sources = rotation_data.sources if rotation_data is not None else RULE_SOURCES
        terms: list[ChairTerm] = []
        today = as_date(None)
        for year in range(first_year, last_year + 1):
            start = dt.date(year, 1, 1)
            if year > first_year:
                pool = org.members(on=start)
                holder = rotation.next_after(holder, pool, on=start).holder
            terms.append(
                ChairTerm(
                    state=holder,
                    start=start,
                    end=dt.date(year + 1, 1, 1),
                    policy=description,
                    basis=f"calendar year {year}",
                    projected=start > today,
                    sources=sources,
                )
            )
        return tuple(terms)


DEFAULT_POLICY: Final = SummitHandover()
"""The default chairmanship policy: practice."""


def chair_on(
    org: Organization, on: PartialDate | dt.date | str | None, policy: ChairPolicy | None
) -> ChairTerm | None:
    """The term in force on a day under a policy (default :class:`SummitHandover`).

    When an unknown handover day leaves earlier terms open, the latest term started by that
    day is the one in force.
    """
    day = as_date(on)
    for term in reversed((policy or DEFAULT_POLICY).history(org, until=day)):
        if term.start is not None and term.covers(day):
            return stamped(term, org, day)
    return None


def stamped(term: ChairTerm, org: Organization, day: dt.date) -> ChairTerm:
    """The term, flagged when ``day`` lies after the organization's data horizon."""
    if org.beyond_horizon(day):
        return attrs.evolve(term, beyond_horizon=True, horizon=org.data_horizon)
    return term


def upcoming(
    org: Organization, count: int, *, after: dt.date, policy: ChairPolicy | None = None
) -> tuple[ChairTerm, ...]:
    """The next ``count`` terms that start after ``after`` under a policy.

    Under practice (the default) planned regular summits count, as projected terms; fewer
    than ``count`` come back when no further summit is recorded, since the host is agreed
    summit by summit. The written rule can always give ``count`` terms.

    Raises:
        PolicyError: ``count`` is not a whole number of 0 or more.
    """
    if type(count) is not int or count < 0:
        raise PolicyError("chairmanship", f"count must be a whole number >= 0 (got {count!r})")
    chosen = policy if policy is not None else SummitHandover(include_planned=True)
    horizon = dt.date(min(after.year + count, dt.MAXYEAR), 12, 31)
    later = [t for t in chosen.history(org, until=horizon) if t.start is None or t.start > after]
    return tuple(stamped(t, org, after) for t in later[:count])
