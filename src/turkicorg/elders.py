"""The Council of Elders: its elders, its Chairman, and who chairs next.

The rule, as the organization states it: every member and observer state appoints one elder
for a four-year term; Türkiye, as host of the Secretariat, appointed the first Chairman, "which
will be followed by the other Member States on a rotational basis in accordance with the
English alphabetical order of their official names" (:data:`RULE_SOURCE`).

Sources leave two things open, so both are explicit policies (:class:`ElderChairPolicy`):

- **Which names are sorted.** Default: short names (:attr:`NameOrder.SHORT`). The evidence
  leans there: the Secretaries General rotated Türkiye, Azerbaijan, Kazakhstan, Kyrgyzstan
  (short-name order; official names would have put Kyrgyzstan after Türkiye in 2014), and the
  2022 Protocol lists its Parties in short-name order while spelling out official names.
  Both readings give Uzbekistan after Türkiye; from the third chair on they differ (short:
  Azerbaijan, Kazakhstan, Kyrgyzstan; official: Kyrgyzstan, Azerbaijan, Kazakhstan).
- **The Chairman's term.** Not stated anywhere. Default: only recorded handovers change the
  chair; a term length can be assumed, and then every date it gives is marked projected.

Observers' elders sit in the Council but never chair under the default policy: the rule
names Member States.

>>> import turkicorg
>>> coe = turkicorg.load_default().council_of_elders
>>> coe.chair(on="2024-06-01").state.short_name
'Türkiye'
>>> nxt = coe.next_chair(after="2025-12-01")
>>> nxt.state.short_name
'Uzbekistan'
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import TYPE_CHECKING, Final, TypeVar

import attrs

from turkicorg.dates import PartialDate, as_date
from turkicorg.errors import PolicyError
from turkicorg.organs import Organ
from turkicorg.parties import State
from turkicorg.record import Appointment, OrganizationRecord, Person, Role
from turkicorg.rotation import AlphabeticalRotation, NameOrder, Turn
from turkicorg.sourcing import Alternative, cite, horizon_note

if TYPE_CHECKING:
    from collections.abc import Iterable

    from turkicorg.organs import ChairRotation, OrganProfile
    from turkicorg.rotation import Override

__all__ = [
    "ORDER_EVIDENCE",
    "RULE_SOURCE",
    "CouncilOfElders",
    "ElderChairPolicy",
    "ElderChairTerm",
    "NextChair",
    "RotationPool",
]

RULE_SOURCE: Final = "https://turkicstates.org/areas-of-cooperation-detail/1-political-cooperation"
"""The organization's statement of the Council of Elders' structure and chair rotation."""

ORDER_EVIDENCE: Final = (
    "http://www.mfa.kz/index.php/en/foreign-policy/international-organizations/cctss",
    "https://zakonpravo.kz/en/on-ratification-of-the-protocol-on-amendments-to-the-nakhichevan-agreement-on-the-establishment-of-the-cooperation-council-of-turkic-speaking-states",
)
"""Evidence for the short-name reading: the Secretaries General's order, the Protocol's list."""

DateLike = PartialDate | dt.date | str | None
_HORIZON: Final = 100
"""How many assumed terms a projection walks at most."""


class RotationPool(enum.StrEnum):
    """Who takes turns in the chair."""

    MEMBERS = "members"
    """Member states only (default: the rule names Member States)."""
    MEMBERS_AND_OBSERVERS = "members_and_observers"
    """Member and observer states (every state that appoints an elder)."""


@attrs.frozen(kw_only=True)
class ElderChairPolicy:
    """How the Council of Elders' chair passes on; every default is documented and sourced.

    Attributes:
        order: Which names are sorted (default short names; see the module documentation).
        pool: Who takes turns (default member states only).
        term_years: An assumed length of the Chairman's term in years; None (default) means
            only recorded handovers change the chair and no date is projected.
        first: The id of the first Chairman's state; None (default) reads it from the data
            (the Council's :attr:`~turkicorg.OrganProfile.chair_rotation`: Türkiye, host of
            the Secretariat). It is the answer for the next chair before any is recorded.
    """

    order: NameOrder = NameOrder.SHORT
    pool: RotationPool = RotationPool.MEMBERS
    term_years: int | None = attrs.field(default=None)
    first: str | None = None

    @term_years.validator
    def _check_term(self, _attribute: object, value: int | None) -> None:
        if value is not None and (type(value) is not int or value < 1):
            raise PolicyError("elder chair policy", f"term_years must be >= 1 (got {value!r})")

    def describe(self) -> str:
        """The policy in words."""
        names = "short names" if self.order is NameOrder.SHORT else "official names"
        pool = (
            "member states" if self.pool is RotationPool.MEMBERS else "member and observer states"
        )
        term = (
            "only recorded handovers change the chair"
            if self.term_years is None
            else f"an assumed term of {self.term_years} years (projected)"
        )
        return f"{pool} in English alphabetical order of {names}; {term}"


@attrs.frozen(kw_only=True)
class ElderChairTerm:
    """A Chairman of the Council of Elders over a period.

    Attributes:
        state: The state whose elder chairs.
        person: The Chairman, when recorded (None for a projection).
        start: The first day (None when not known).
        end: The first day of the next Chairman (None while in office or not known).
        projected: True when the term is a projection, not recorded history.
        sources: Where it is documented.
        beyond_horizon: True when the day asked about lies after the data horizon.
        horizon: The data horizon, when the day asked about lies after it.
        recorded_start: The start as the data records it (a partial date such as "2021-11"
            when only the month is known; ``start`` is then its first day).
        alternatives: Other starts the sources give, with their own sources.
    """

    state: State
    person: Person | None
    start: dt.date | None
    end: dt.date | None = None
    projected: bool = False
    sources: tuple[str, ...] = ()
    beyond_horizon: bool = False
    horizon: dt.date | None = None
    recorded_start: PartialDate | None = None
    alternatives: tuple[Alternative, ...] = ()

    def explain(self) -> str:
        """Say who chairs the Council of Elders, since when, and on what evidence."""
        kind = "is projected to chair" if self.projected else "chairs"
        who = (
            f"{self.person.name}, the elder of {self.state.short_name},"
            if self.person
            else (f"The elder of {self.state.short_name}")
        )
        since = f" from {self.start}" if self.start else ""
        if self.recorded_start is not None and not self.recorded_start.is_exact:
            known = self.recorded_start.precision.name.lower()
            since = f" from {self.recorded_start} (only the {known} is known)"
        until = f" until {self.end}" if self.end else ""
        sentences = [f"{who} {kind} the Council of Elders{since}{until}.", cite(self.sources)]
        sentences.extend(
            f"Other sources give {alt.field} {alt.value} ({'; '.join(alt.sources)})"
            + (f": {alt.note}" if alt.note else ".")
            for alt in self.alternatives
        )
        if self.horizon is not None:
            sentences.append(horizon_note(self.horizon))
        return " ".join(sentences)

    def __str__(self) -> str:
        who = (
            f"{self.person.name} ({self.state.short_name})"
            if self.person
            else self.state.short_name
        )
        since = f" from {self.start}" if self.start else ""
        return f"{who}{since}{' (projected)' if self.projected else ''}"


@attrs.frozen(kw_only=True)
class NextChair:
    """The next Chairman's state, when the turn may come, and why.

    Attributes:
        state: The state whose elder is next in the chair.
        turn: The rotation's own account (order, previous holder, skipped parties).
        policy: The policy applied.
        previous: The chair the turn follows (None for the first Chairman).
        start: The projected first day (only with an assumed term; else None).
        sources: Where the rule is stated.
        beyond_horizon: True when the day the turn follows lies after the data horizon.
        horizon: The data horizon, when that day lies after it.
    """

    state: State
    turn: Turn
    policy: ElderChairPolicy
    previous: ElderChairTerm | None
    start: dt.date | None = None
    sources: tuple[str, ...] = (RULE_SOURCE,)
    beyond_horizon: bool = False
    horizon: dt.date | None = None

    @property
    def projected(self) -> bool:
        """Always True: a next chair is a projection until a handover is recorded."""
        return True

    def explain(self) -> str:
        """Say which policy, which order and which previous holder led to the answer."""
        when = (
            f" The handover is projected for {self.start} (assumed term of "
            f"{self.policy.term_years} years)."
            if self.start
            else " No source states the Chairman's term, so no date is projected."
        )
        text = (
            f"Next Chairman of the Council of Elders: the elder of {self.state.short_name}. "
            f"Policy: {self.policy.describe()}. Rule: {', '.join(self.sources)}. "
            f"{self.turn.explain()}{when}"
        )
        return f"{text} {horizon_note(self.horizon)}" if self.horizon is not None else text


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


_Answer = TypeVar("_Answer", "ElderChairTerm", "NextChair")


class CouncilOfElders:
    """The Council of Elders of an organization, with a chair policy.

    The one way to it is ``organization.council_of_elders`` (the documented default policy);
    a record without meetings (:func:`turkicorg.data.load_record`) gives it as
    ``CouncilOfElders(record)``, since only the record's posts and memberships are read.
    Another reading of the rule is an argument of each question (``policy=`` of
    :meth:`chair`, :meth:`next_chair` and :meth:`upcoming_chairs`), or bound once with
    :meth:`with_policy`.
    """

    __slots__ = ("_org", "policy")

    def __init__(self, org: OrganizationRecord, *, policy: ElderChairPolicy | None = None) -> None:
        self._org = org
        self.policy = policy or ElderChairPolicy()

    def with_policy(self, policy: ElderChairPolicy) -> CouncilOfElders:
        """The same Council under another chair policy.

        >>> from turkicorg import ElderChairPolicy, load_default
        >>> coe = load_default().council_of_elders
        >>> coe.with_policy(ElderChairPolicy(term_years=4)).policy.term_years
        4
        """
        return CouncilOfElders(self._org, policy=policy)

    @property
    def profile(self) -> OrganProfile:
        """The Council's profile: role, consensus, twice a year, who may call it."""
        return self._org.profile(Organ.COUNCIL_OF_ELDERS)

    @property
    def rule(self) -> ChairRotation | None:
        """The chair rotation the data states (first holder, names sorted, sources)."""
        return self.profile.chair_rotation

    @property
    def rule_sources(self) -> tuple[str, ...]:
        """Where the chair rotation is stated."""
        rule = self.rule
        return rule.sources if rule is not None and rule.sources else (RULE_SOURCE,)

    def first_chair(self) -> State:
        """The state whose elder chairs first: the policy's, else the one the data names.

        Raises:
            PolicyError: Neither the policy nor the data names the first Chairman's state.
        """
        rule = self.rule
        first = self.policy.first or (rule.first if rule is not None else None)
        if first is None:
            raise PolicyError("council of elders chair", "no source names the first Chairman")
        return self._org.state(first)

    def elders(self, *, on: DateLike = None) -> tuple[Appointment, ...]:
        """The elders recorded in office on a day, by state id."""
        return tuple(sorted(self._org.holders(Role.ELDER, on=on), key=lambda a: a.state or ""))

    def recorded_chairs(self) -> tuple[ElderChairTerm, ...]:
        """Every recorded Chairman with a known start, oldest first."""
        terms = [
            self._term(a, a.start, a.state)
            for a in self._org.appointments
            if a.role is Role.ELDERS_CHAIR and a.start is not None and a.state is not None
        ]
        return tuple(sorted(terms, key=lambda term: term.start or dt.date.min))

    def _term(self, appointment: Appointment, start: PartialDate, state: str) -> ElderChairTerm:
        return ElderChairTerm(
            state=self._org.state(state),
            person=self._org.person(appointment.person),
            start=start.earliest,
            end=appointment.end.earliest if appointment.end else None,
            sources=appointment.sources,
            recorded_start=start,
            alternatives=appointment.alternatives,
        )

    def chair(
        self, *, on: DateLike = None, policy: ElderChairPolicy | None = None
    ) -> ElderChairTerm | None:
        """The Chairman on a day (default today); None before the first recorded one.

        With an assumed term (``policy.term_years``), a day past the end of the recorded
        Chairman's assumed term gives the projected chair, marked ``projected``.

        Args:
            on: The day.
            policy: Another chair policy for this question (default the Council's).
        """
        if policy is not None and policy != self.policy:
            return self.with_policy(policy).chair(on=on)
        day = as_date(on)
        recorded = self._recorded_by(day)
        if not recorded:
            return None
        current = recorded[-1]
        if current.end is not None and day >= current.end:
            return None
        if self.policy.term_years is not None and current.end is None:
            for projection in self.upcoming_chairs(_HORIZON, after=current.start):
                if projection.start is None or projection.start > day:
                    break
                current = ElderChairTerm(
                    state=projection.state, person=None, start=projection.start, projected=True
                )
        return self._stamp(current, day)

    def _recorded_by(self, day: dt.date) -> list[ElderChairTerm]:
        """The recorded Chairmen whose term started on or before ``day``, oldest first."""
        return [t for t in self.recorded_chairs() if t.start is not None and t.start <= day]

    def _stamp(self, answer: _Answer, day: dt.date) -> _Answer:
        """The answer, flagged when ``day`` lies after the data horizon."""
        if self._org.beyond_horizon(day):
            return attrs.evolve(answer, beyond_horizon=True, horizon=self._org.data_horizon)
        return answer

    def _pool(self, day: dt.date) -> tuple[State, ...]:
        members = self._org.members(on=day)
        if self.policy.pool is RotationPool.MEMBERS:
            return members
        observers = tuple(p for p in self._org.observers(on=day) if p.kind.value == "state")
        return members + observers

    def next_chair(
        self,
        *,
        after: DateLike = None,
        order: NameOrder | None = None,
        overrides: Iterable[Override] = (),
        policy: ElderChairPolicy | None = None,
    ) -> NextChair:
        """The state whose elder chairs next, with the reason.

        Args:
            after: The day whose Chairman the turn follows (default today).
            order: Another name order for this question (default the policy's).
            overrides: Recorded departures from the rotation.
            policy: Another chair policy for this question (default the Council's).

        Raises:
            PolicyError: No Chairman is recorded on that day, or no state is eligible.
        """
        if policy is not None and policy != self.policy:
            return self.with_policy(policy).next_chair(
                after=after, order=order, overrides=overrides
            )
        day = as_date(after)
        if not self._recorded_by(day):
            return self._stamp(self._first(order), day)
        current = self.chair(on=day)
        if current is None:
            raise PolicyError("council of elders chair", f"no Chairman is recorded on {day}")
        return self._stamp(self._next(current, order, tuple(overrides)), day)

    def _first(self, order: NameOrder | None) -> NextChair:
        """The first Chairman's state, as the rule names it (before any Chairman is recorded)."""
        policy = self.policy if order is None else attrs.evolve(self.policy, order=order)
        first = self.first_chair()
        name = first.short_name
        turn = Turn(
            holder=first,
            previous=None,
            previous_name=None,
            policy="the rule names the state of the first Chairman",
            order=(first.id,),
            names=(name,),
            rule_holder=first.id,
        )
        return NextChair(
            state=first, turn=turn, policy=policy, previous=None, sources=self.rule_sources
        )

    def _next(
        self, current: ElderChairTerm, order: NameOrder | None, overrides: tuple[Override, ...]
    ) -> NextChair:
        policy = self.policy if order is None else attrs.evolve(self.policy, order=order)
        start = None
        if policy.term_years is not None and current.start is not None:
            start = _add_years(current.start, policy.term_years)
        # Membership on the handover day decides who is eligible; with no date, today's.
        eligibility_day = start or as_date(None)
        pool = self._pool(eligibility_day)
        # Names as of the projected handover; with no date, the current names.
        turn = AlphabeticalRotation(order=policy.order).next_after(
            current.state, pool, overrides=overrides, on=start
        )
        return NextChair(
            state=turn.holder,
            turn=turn,
            policy=policy,
            previous=current,
            start=start,
            sources=self.rule_sources,
        )

    def upcoming_chairs(
        self,
        count: int,
        *,
        after: DateLike = None,
        order: NameOrder | None = None,
        overrides: Iterable[Override] = (),
        policy: ElderChairPolicy | None = None,
    ) -> tuple[NextChair, ...]:
        """The next ``count`` chairs, each following the one before, from the recorded chair.

        ``policy`` is another chair policy for this question (default the Council's).

        Raises:
            PolicyError: ``count`` is negative, or no source names the first Chairman and
                none is recorded on ``after``.
        """
        if policy is not None and policy != self.policy:
            council = self.with_policy(policy)
            return council.upcoming_chairs(count, after=after, order=order, overrides=overrides)
        if type(count) is not int or count < 0:
            raise PolicyError("council of elders chair", f"count must be >= 0 (got {count!r})")
        day = as_date(after)
        recorded = self._recorded_by(day)
        result: list[NextChair] = []
        if recorded:
            current = recorded[-1]
        elif count:
            first = self._first(order)
            result.append(first)
            current = ElderChairTerm(state=first.state, person=None, start=None, projected=True)
        remaining = tuple(overrides)
        while len(result) < count:
            following = self._next(current, order, remaining)
            if following.turn.override is not None:
                remaining = tuple(o for o in remaining if o is not following.turn.override)
            result.append(following)
            current = ElderChairTerm(
                state=following.state, person=None, start=following.start, projected=True
            )
        return tuple(self._stamp(following, day) for following in result)
