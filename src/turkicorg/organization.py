"""The organization users work with: its record, its meetings, and the rules applied to them.

:class:`Organization` is the façade floor: it composes the record (:mod:`turkicorg.record`),
the meeting registry (:mod:`turkicorg.registry`) and the rules (chairmanship, the Council of
Elders, decisions, cadence), each rule reading its parameters from the record's data or from
an explicit policy object. The model below it imports no rule.

All questions that depend on time take ``on=`` (a ``datetime.date``, a
:class:`~turkicorg.PartialDate` or text such as ``"2022-11-15"``; default today):

>>> from turkicorg import load_default
>>> ots = load_default()
>>> ots.name(on="2021-11-11")
'Cooperation Council of Turkic Speaking States'
>>> [s.short_name for s in ots.members(on="2019-10-15")]
['Azerbaijan', 'Kazakhstan', 'Kyrgyzstan', 'Türkiye', 'Uzbekistan']
"""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING, TypedDict

import attrs

from turkicorg.dates import as_date
from turkicorg.errors import ErrorDetail, PolicyError
from turkicorg.organs import DecisionBasis, DecisionRule
from turkicorg.record import (
    Appointment,
    Article,
    DateLike,
    Membership,
    OrganizationName,
    OrganizationRecord,
    Person,
    Role,
    Status,
    Treaty,
)
from turkicorg.registry import MeetingRegistry

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from turkicorg.cadence import Due, Gap, Schedule
    from turkicorg.chairmanship import ChairPolicy, ChairTerm
    from turkicorg.decisions import Outcome, Position, Rule
    from turkicorg.elders import CouncilOfElders, ElderChairPolicy
    from turkicorg.meetings import Meeting, MeetingKind
    from turkicorg.organs import Cadence, Organ, OrganProfile


class Rhythm(TypedDict):
    """The cadence arguments the façade passes to :mod:`turkicorg.cadence`."""

    kind: MeetingKind | str | None
    cadence: Cadence | None
    profile: OrganProfile | None


__all__ = [
    "Appointment",
    "Article",
    "Membership",
    "Organization",
    "OrganizationName",
    "Person",
    "Role",
    "Status",
    "Treaty",
]


@attrs.frozen(kw_only=True)
class Organization(OrganizationRecord):
    """The organization: its record, its meetings, and the rules that answer questions.

    Build one from data with :func:`turkicorg.load_default` (the embedded dataset) or
    :func:`turkicorg.serialize.loads`. Constructing one checks every invariant of the record
    and that every party a meeting names is known, and reports every violation at once as an
    :class:`~turkicorg.InvalidDataError`.

    Attributes:
        meetings: The meeting registry.
    """

    meetings: MeetingRegistry = attrs.field(factory=MeetingRegistry)

    def problems(self) -> list[ErrorDetail]:
        """Every invariant broken by the record or by a meeting's party references."""
        problems = super().problems()
        known = {party.id for party in self.parties}
        for index, meeting in enumerate(self.meetings):
            path = f"$.meetings[{index}]"
            references = [(f"{path}.{f}", getattr(meeting, f)) for f in ("host", "chair")]
            references.append((f"{path}.initiator", meeting.initiator))
            if meeting.place is not None:
                references.append((f"{path}.place.country", meeting.place.country))
            references.extend(
                (f"{path}.participants[{j}].party", p.party)
                for j, p in enumerate(meeting.participants)
            )
            problems.extend(
                ErrorDetail(where, f"unknown party id {value!r}", value)
                for where, value in references
                if value is not None and value not in known
            )
        return problems

    # The organization's chairmanship -----------------------------------------------------

    def chair(self, *, on: DateLike = None, policy: ChairPolicy | None = None) -> ChairTerm | None:
        """The organization's chairmanship on a day (default today), or None before the first.

        Args:
            on: The day.
            policy: How the chair is decided; default practice
                (:class:`~turkicorg.chairmanship.SummitHandover`).

        >>> from turkicorg import load_default
        >>> load_default().chair(on="2024-01-01").state.id
        'KZ'
        """
        from turkicorg import chairmanship  # noqa: PLC0415 - the rule's module, loaded when asked

        return chairmanship.chair_on(self, on, policy)

    def chairs(
        self, *, policy: ChairPolicy | None = None, until: DateLike = None
    ) -> tuple[ChairTerm, ...]:
        """Every chairmanship term under a policy, oldest first."""
        from turkicorg import chairmanship  # noqa: PLC0415 - the rule's module, loaded when asked

        return (policy or chairmanship.DEFAULT_POLICY).history(self, until=as_date(until))

    def upcoming_chairs(
        self, count: int, *, after: DateLike = None, policy: ChairPolicy | None = None
    ) -> tuple[ChairTerm, ...]:
        """The next ``count`` chairmanship terms that start after a day (default today).

        Fewer than ``count`` come back when the policy cannot see further: under practice
        only recorded or planned regular summits hand the chair over (see
        :func:`turkicorg.chairmanship.upcoming`).
        """
        from turkicorg import chairmanship  # noqa: PLC0415 - the rule's module, loaded when asked

        return chairmanship.upcoming(self, count, after=as_date(after), policy=policy)

    # Decisions ---------------------------------------------------------------------------

    def decide(
        self,
        organ: Organ | str,
        positions: Mapping[str, Position | str],
        *,
        on: DateLike = None,
        rule: Rule | None = None,
    ) -> Outcome:
        """Apply an organ's decision rule to the positions the parties took on a day.

        Who is entitled is a policy: the member states on the decision day (default).
        Observers' positions are recorded but never count. The rule defaults to the one the
        organ's profile states (consensus, sourced for the Council of Elders and the
        documented default policy for the other councils); the outcome's ``sources`` are the
        profile's where a source states the rule, and empty for a policy.

        Args:
            organ: The deciding organ ("CHS", "CFM", "SOC", "COE").
            positions: Party (id, ISO code or name) to position ("support", "object",
                "abstain", "absent"); a member state not named is absent.
            on: The decision day (default today).
            rule: Another rule (:class:`~turkicorg.decisions.Unanimity`, ...).

        Raises:
            UnknownStateError: A party is unknown, or is neither a member nor an observer.
            PolicyError: The organ takes no decisions (the Secretariat).

        >>> from turkicorg import load_default
        >>> ots = load_default()
        >>> outcome = ots.decide("CFM", {"Türkiye": "object"}, on="2024-01-01")
        >>> outcome.adopted, outcome.blocked_by
        (False, ('TR',))
        """
        from turkicorg import decisions  # noqa: PLC0415 - the rule's module, loaded when asked

        profile = self.profile(organ)
        if profile.decision_rule is DecisionRule.NONE:
            raise PolicyError(profile.name, "this organ takes no decisions")
        day = as_date(on)
        stated = profile.decision_basis is DecisionBasis.SOURCED
        normalized = {self.state(party).id: position for party, position in positions.items()}
        outcome = decisions.decide(
            rule or decisions.rule_for(profile.decision_rule),
            normalized,
            entitled=[p.id for p in self.members(on=day)],
            recorded=[p.id for p in self.observers(on=day)],
        )
        return attrs.evolve(
            outcome,
            sources=() if rule is not None or not stated else profile.sources,
            beyond_horizon=self.beyond_horizon(day),
            horizon=self.data_horizon if self.beyond_horizon(day) else None,
        )

    # The Council of Elders ---------------------------------------------------------------

    @property
    def council_of_elders(self) -> CouncilOfElders:
        """The Council of Elders under the default chair policy (short names, members only).

        >>> from turkicorg import load_default
        >>> load_default().council_of_elders.next_chair(after="2025-12-01").state.id
        'UZ'
        """
        from turkicorg.elders import CouncilOfElders  # noqa: PLC0415 - the rule's module, loaded when asked

        return CouncilOfElders(self)

    def elders_council(self, *, policy: ElderChairPolicy | None = None) -> CouncilOfElders:
        """Deprecated: use ``council_of_elders`` (``.with_policy(policy)``, or ``policy=``).

        .. deprecated:: 0.2
           One way leads to the Council of Elders: :attr:`council_of_elders`
           (``CouncilOfElders(record)`` for a record without meetings).
        """
        from turkicorg.elders import CouncilOfElders  # noqa: PLC0415 - the rule's module, loaded when asked

        warnings.warn(
            "Organization.elders_council(policy=...) is deprecated: use "
            "organization.council_of_elders.with_policy(...) or pass policy= to its methods",
            DeprecationWarning,
            stacklevel=2,
        )
        return CouncilOfElders(self, policy=policy)

    # Cadence -----------------------------------------------------------------------------

    def expected(
        self,
        organ: Organ | str,
        *,
        between: tuple[DateLike, DateLike],
        kind: MeetingKind | str | None = None,
        cadence: Cadence | None = None,
    ) -> Schedule:
        """The expected meetings of an organ in a range, by the cadence its profile states.

        See :func:`turkicorg.cadence.expected`.
        """
        from turkicorg import cadence as cadence_rules  # noqa: PLC0415 - the rule's module, loaded when asked

        rhythm = self._rhythm(organ, kind, cadence)
        return cadence_rules.expected(self.meetings, organ, between=between, **rhythm)  # type: ignore[arg-type]

    def gaps(
        self,
        organ: Organ | str,
        *,
        between: tuple[DateLike, DateLike],
        kind: MeetingKind | str | None = None,
        cadence: Cadence | None = None,
    ) -> tuple[Gap, ...]:
        """Periods without the meeting the organ's cadence expects, up to the data horizon.

        See :func:`turkicorg.cadence.gaps`.
        """
        from turkicorg import cadence as cadence_rules  # noqa: PLC0415 - the rule's module, loaded when asked

        rhythm = self._rhythm(organ, kind, cadence)
        return cadence_rules.gaps(
            self.meetings,
            organ,
            between=between,  # type: ignore[arg-type]
            horizon=self.data_horizon,
            **rhythm,
        )

    def due(
        self,
        organ: Organ | str,
        *,
        on: DateLike = None,
        kind: MeetingKind | str | None = None,
        cadence: Cadence | None = None,
    ) -> Due:
        """When the organ's next meeting is expected; nothing is overdue past the data horizon.

        See :func:`turkicorg.cadence.due`.

        >>> from turkicorg import load_default
        >>> due = load_default().due("COE", on="2026-11-25")
        >>> due.overdue, due.beyond_horizon, str(due.horizon)
        (False, True, '2026-03-11')
        """
        from turkicorg import cadence as cadence_rules  # noqa: PLC0415 - the rule's module, loaded when asked

        rhythm = self._rhythm(organ, kind, cadence)
        return cadence_rules.due(self.meetings, organ, on=on, horizon=self.data_horizon, **rhythm)

    def _rhythm(
        self, organ: Organ | str, kind: MeetingKind | str | None, cadence: Cadence | None
    ) -> Rhythm:
        """The cadence arguments: the one given, else the organ's profile from the data."""
        profile = None if cadence is not None else self.profile(organ)
        return {"kind": kind, "cadence": cadence, "profile": profile}

    # Copies ------------------------------------------------------------------------------

    def with_meetings(self, meetings: MeetingRegistry | Iterable[Meeting]) -> Organization:
        """A copy of the organization with another meeting registry."""
        registry = meetings if isinstance(meetings, MeetingRegistry) else MeetingRegistry(meetings)
        return attrs.evolve(self, meetings=registry)
