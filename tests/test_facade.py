"""The façade: the organization composes its record, its meetings and the rules, read from data."""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs
import pytest

import turkicorg
from turkicorg import chairmanship, decisions
from turkicorg.chairmanship import CalendarYearRotation, SummitHandover
from turkicorg.errors import InvalidDataError, PolicyError
from turkicorg.organs import DecisionRule, Organ
from turkicorg.record import OrganizationRecord

if TYPE_CHECKING:
    from turkicorg.organization import Organization


@pytest.fixture(scope="module")
def ots() -> Organization:
    return turkicorg.load_default()


def _with_rule(ots: Organization, organ: Organ, rule: DecisionRule) -> Organization:
    organs = tuple(
        attrs.evolve(p, decision_rule=rule) if p.organ is organ else p for p in ots.organs
    )
    return attrs.evolve(ots, organs=organs)


def test_the_facade_is_a_record(ots: Organization) -> None:
    assert isinstance(ots, OrganizationRecord)
    assert not hasattr(OrganizationRecord, "chair")
    assert not hasattr(OrganizationRecord, "meetings")


def test_decide_reads_the_organs_rule_from_the_data(ots: Organization) -> None:
    """An abstention passes under consensus and blocks once the data states unanimity."""
    positions = {"TR": "abstain", "AZ": "support", "KZ": "support", "KG": "support"}
    assert ots.decide("CFM", {**positions, "UZ": "support"}, on="2024-01-01").adopted
    strict = _with_rule(ots, Organ.FOREIGN_MINISTERS, DecisionRule.UNANIMITY)
    outcome = strict.decide("CFM", {**positions, "UZ": "support"}, on="2024-01-01")
    assert not outcome.adopted
    assert outcome.rule == decisions.Unanimity()
    assert strict.decide("CHS", {**positions, "UZ": "support"}, on="2024-01-01").adopted


def test_decide_refuses_an_organ_without_decisions(ots: Organization) -> None:
    with pytest.raises(PolicyError, match="takes no decisions"):
        ots.decide("SEC", {"TR": "support"}, on="2024-01-01")


def test_rule_for() -> None:
    assert decisions.rule_for("consensus") == decisions.Consensus()
    assert decisions.rule_for(DecisionRule.UNANIMITY) == decisions.Unanimity()
    with pytest.raises(PolicyError, match="takes no decisions"):
        decisions.rule_for("none")
    with pytest.raises(PolicyError, match="unknown rule 'vote'"):
        decisions.rule_for("vote")


def test_the_written_rule_is_anchored_on_the_first_recorded_summit(ots: Organization) -> None:
    """No literal anchor: the host and year of the first regular summit (KZ, 2011)."""
    default = CalendarYearRotation()
    assert default.anchor(ots) == ("KZ", 2011, chairmanship.NameOrder.OFFICIAL)
    terms = ots.chairs(policy=default, until="2013-06-01")
    assert [(t.state.id, t.start.year if t.start else None) for t in terms][:1] == [("KZ", 2011)]
    assert len(terms) == 3
    assert "anchored on KZ in 2011" in terms[0].policy
    assert terms[0].sources == ots.profile("CHS").chair_rotation.sources  # type: ignore[union-attr]
    given = CalendarYearRotation(first="TR", first_year=2012)
    assert given.anchor(ots)[:2] == ("TR", 2012)
    assert ots.chairs(policy=given, until="2012-06-01")[0].state.id == "TR"
    empty = ots.with_meetings([])
    with pytest.raises(PolicyError, match="no regular summit is recorded"):
        default.anchor(empty)


def test_upcoming_chairs(ots: Organization) -> None:
    """Practice sees only planned summits; the written rule always gives ``count`` terms."""
    planned = ots.upcoming_chairs(3, after="2025-12-01")
    assert [t.state.id for t in planned] == ["TR"]
    assert all(t.projected for t in planned)
    assert ots.upcoming_chairs(0, after="2025-12-01") == ()
    assert ots.upcoming_chairs(1, after="2025-10-06")[0].state.id == "AZ"
    written = ots.upcoming_chairs(3, after="2025-12-01", policy=CalendarYearRotation())
    assert [t.start.year for t in written if t.start] == [2026, 2027, 2028]
    confirmed_only = ots.upcoming_chairs(2, after="2025-12-01", policy=SummitHandover())
    assert confirmed_only == ()
    with pytest.raises(PolicyError, match="whole number"):
        ots.upcoming_chairs(-1)


def test_meeting_references_are_checked_with_the_record(ots: Organization) -> None:
    meeting = next(iter(ots.meetings))
    broken = attrs.evolve(meeting, host="XX")
    with pytest.raises(InvalidDataError) as caught:
        ots.with_meetings([broken])
    assert [e.path for e in caught.value.errors] == ["$.meetings[0].host"]


def test_cadence_through_the_facade(ots: Organization) -> None:
    due = ots.due("COE", on="2025-12-01")
    assert due.organ is Organ.COUNCIL_OF_ELDERS
    gaps = ots.gaps("CHS", between=("2011-01-01", "2012-12-31"))
    assert [(g.last_before, g.first_after) for g in gaps] == [("chs-2010-09-16", "chs-2011-10-21")]
    assert len(ots.expected("CHS", between=("2012-01-01", "2014-12-31"))) == 3


def test_one_way_to_the_council_of_elders(ots: Organization) -> None:
    """Policies are arguments of the questions, or bound once; the old spelling warns."""
    from turkicorg.elders import ElderChairPolicy  # noqa: PLC0415

    coe = ots.council_of_elders
    official = ElderChairPolicy(order=chairmanship.NameOrder.OFFICIAL, term_years=4)
    bound = coe.with_policy(official)
    assert bound.policy == official
    assert coe.policy == ElderChairPolicy()
    assert coe.upcoming_chairs(3, after="2025-12-01", policy=official) == bound.upcoming_chairs(
        3, after="2025-12-01"
    )
    assert [c.state.id for c in bound.upcoming_chairs(3, after="2025-12-01")] == [
        "UZ",
        "KG",
        "AZ",
    ]
    assert [c.state.id for c in coe.upcoming_chairs(3, after="2025-12-01")] == ["UZ", "AZ", "KZ"]
    assert coe.next_chair(after="2030-01-01", policy=official) == bound.next_chair(
        after="2030-01-01"
    )
    assert coe.chair(on="2030-01-01", policy=official) == bound.chair(on="2030-01-01")
    assert coe.chair(on="2030-01-01", policy=official) != coe.chair(on="2030-01-01")
    assert coe.chair(on="2024-01-01", policy=ElderChairPolicy()) == coe.chair(on="2024-01-01")
    with pytest.deprecated_call(match="council_of_elders.with_policy"):
        old = ots.elders_council(policy=official)
    assert old.upcoming_chairs(2, after="2025-12-01") == bound.upcoming_chairs(
        2, after="2025-12-01"
    )


def test_a_policy_argument_keeps_the_other_arguments(ots: Organization) -> None:
    """``policy=`` together with ``order=`` and ``overrides=``: none of them is dropped."""
    from turkicorg.elders import ElderChairPolicy  # noqa: PLC0415
    from turkicorg.rotation import Override  # noqa: PLC0415

    coe = ots.council_of_elders
    assumed = ElderChairPolicy(term_years=4)
    official = chairmanship.NameOrder.OFFICIAL
    waiver = Override(turn_after="UZ", holder="KZ", reason="a recorded exchange of turns")
    bound = coe.with_policy(assumed)
    asked = {"after": "2025-12-01", "order": official, "overrides": [waiver]}
    assert coe.next_chair(policy=assumed, **asked) == bound.next_chair(**asked)
    chairs = coe.upcoming_chairs(3, policy=assumed, **asked)
    assert chairs == bound.upcoming_chairs(3, **asked)
    assert [c.state.id for c in chairs] == ["UZ", "KZ", "TR"]
    assert chairs != coe.upcoming_chairs(3, after="2025-12-01", policy=assumed)


def test_elders_without_a_state_come_first(ots: Organization) -> None:
    """The elders are sorted by state id; one recorded without a state comes first."""
    elder = next(a for a in ots.appointments if a.role.value == "elder" and a.state == "TR")
    stateless = attrs.evolve(elder, state=None)
    org = attrs.evolve(ots, appointments=(*ots.appointments, stateless))
    listed = org.council_of_elders.elders(on="2024-06-01")
    assert listed[0].state is None
    assert [a.state for a in listed[1:]] == sorted(a.state or "" for a in listed[1:])
