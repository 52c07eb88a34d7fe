"""The Council of Elders: Chairman, next chair under each policy, projections."""

from __future__ import annotations

import datetime as dt
import itertools

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import turkicorg
from turkicorg import Membership, Organization, PartialDate, PolicyError, Status
from turkicorg.elders import CouncilOfElders, ElderChairPolicy, RotationPool
from turkicorg.rotation import NameOrder, Override


@pytest.fixture(scope="module")
def ots() -> Organization:
    return turkicorg.load_default()


def test_turkiye_chairs_from_the_first_meeting_under_the_new_rules(ots: Organization) -> None:
    """Binali Yıldırım (Türkiye) chairs at the 12th meeting (2022-02-09) and the 18th."""
    coe = ots.council_of_elders
    for day in ("2022-02-09", "2025-11-04"):
        term = coe.chair(on=day)
        assert term is not None
        assert term.state.id == "TR"
        assert term.person is not None
        assert term.person.name == "Binali Yıldırım"
        assert not term.projected
    assert coe.chair(on="2021-11-11") is None
    assert "Binali Yıldırım (Türkiye) from 2021-11-12" in str(coe.chair(on="2024-01-01"))


@pytest.mark.parametrize("order", [NameOrder.SHORT, NameOrder.OFFICIAL])
def test_next_chair_is_uzbekistan_under_both_orders(ots: Organization, order: NameOrder) -> None:
    """Both readings of "alphabetical order of official names" put Uzbekistan after Türkiye."""
    nxt = ots.council_of_elders.next_chair(after="2025-12-01", order=order)
    assert nxt.state.id == "UZ"
    assert nxt.projected
    assert nxt.start is None
    assert nxt.previous.state.id == "TR"


@pytest.mark.parametrize(
    ("order", "expected"),
    [
        (NameOrder.SHORT, ["UZ", "AZ", "KZ", "KG", "TR"]),
        (NameOrder.OFFICIAL, ["UZ", "KG", "AZ", "KZ", "TR"]),
    ],
)
def test_the_orders_differ_from_the_third_chair(
    ots: Organization, order: NameOrder, expected: list[str]
) -> None:
    """Short names give UZ, AZ, KZ, KG; official names give UZ, KG, AZ, KZ."""
    chairs = ots.council_of_elders.upcoming_chairs(5, after="2025-12-01", order=order)
    assert [c.state.id for c in chairs] == expected


def test_default_policy_is_short_names_members_only(ots: Organization) -> None:
    """The documented defaults: short names, member states, no assumed term."""
    policy = ots.council_of_elders.policy
    assert policy == ElderChairPolicy()
    assert policy.order is NameOrder.SHORT
    assert policy.pool is RotationPool.MEMBERS
    assert policy.term_years is None
    assert "short names" in policy.describe()
    assert "only recorded handovers" in policy.describe()


def test_explanation_names_policy_order_and_previous_holder(ots: Organization) -> None:
    """Two lines answer "who chairs next, and why?"."""
    nxt = ots.council_of_elders.next_chair(after="2025-12-01")
    text = nxt.explain()
    assert "the elder of Uzbekistan" in text
    assert "short names" in text
    assert "Previous holder: Türkiye" in text
    assert "No source states the Chairman's term" in text
    assert "Azerbaijan, Kazakhstan, Kyrgyzstan, Türkiye, Uzbekistan" in text


def test_assumed_term_projects_dates(ots: Organization) -> None:
    """A four-year term (assumed, not sourced) projects the handovers and marks them."""
    council = ots.elders_council(policy=ElderChairPolicy(term_years=4))
    chairs = council.upcoming_chairs(3, after="2025-12-01")
    assert [(c.state.id, c.start) for c in chairs] == [
        ("UZ", dt.date(2025, 11, 12)),
        ("AZ", dt.date(2029, 11, 12)),
        ("KZ", dt.date(2033, 11, 12)),
    ]
    term = council.chair(on="2030-01-01")
    assert term is not None
    assert (term.state.id, term.projected, term.person) == ("AZ", True, None)
    assert "(projected)" in str(term)
    assert "assumed term of 4 years" in chairs[0].explain()
    recorded = council.chair(on="2025-01-01")
    assert recorded is not None
    assert not recorded.projected


def test_observers_chair_only_under_the_wider_pool(ots: Organization) -> None:
    """Observers never chair by default; with every elder-appointing state they take turns."""
    default = [c.state.id for c in ots.council_of_elders.upcoming_chairs(10, after="2025-12-01")]
    assert not {"HU", "TM", "TRNC", "ECO"} & set(default)
    wide = ots.elders_council(policy=ElderChairPolicy(pool=RotationPool.MEMBERS_AND_OBSERVERS))
    cycle = [c.state.id for c in wide.upcoming_chairs(7, after="2025-12-01")]
    assert sorted(cycle) == sorted(["AZ", "KZ", "KG", "TR", "UZ", "HU", "TM"])
    assert "ECO" not in cycle  # an organization appoints no elder
    # Türkiye sorts as "Turkiye", before "Turkmenistan", when accents are folded.
    assert cycle[:2] == ["TM", "UZ"]


def test_overrides_are_applied_once(ots: Organization) -> None:
    """A recorded waiver passes the turn on."""
    waiver = Override(turn_after="TR", waived_by=("UZ",), reason="waived (example)")
    chairs = ots.council_of_elders.upcoming_chairs(2, after="2025-12-01", overrides=[waiver])
    assert [c.state.id for c in chairs] == ["AZ", "KZ"]
    nxt = ots.council_of_elders.next_chair(after="2025-12-01", overrides=[waiver])
    assert nxt.state.id == "AZ"


def test_errors(ots: Organization) -> None:
    """No recorded chair, negative counts and bad terms are policy errors."""
    coe = ots.council_of_elders
    with pytest.raises(PolicyError, match="count must be >= 0"):
        coe.upcoming_chairs(-1)
    nameless = ots.elders_council(policy=ElderChairPolicy())
    rotation = attrs.evolve(nameless.profile.chair_rotation, first=None)
    profiles = tuple(
        attrs.evolve(p, chair_rotation=rotation) if p.organ.value == "COE" else p
        for p in ots.organs
    )
    unnamed = attrs.evolve(ots, organs=profiles).council_of_elders
    with pytest.raises(PolicyError, match="no source names the first Chairman"):
        unnamed.next_chair(after="2020-01-01")
    with pytest.raises(PolicyError, match="no source names the first Chairman"):
        unnamed.upcoming_chairs(2, after="2020-01-01")


def test_first_chair_comes_from_the_data(ots: Organization) -> None:
    """Before any recorded Chairman the next chair is the state the rule names first."""
    coe = ots.council_of_elders
    first = coe.next_chair(after="2020-01-01")
    assert first.state.id == "TR"
    assert first.previous is None
    assert coe.rule is not None
    assert first.sources == coe.rule.sources
    assert "the rule names the state of the first Chairman" in first.explain()
    assert [c.state.id for c in coe.upcoming_chairs(3, after="2020-01-01")] == ["TR", "UZ", "AZ"]
    other = ots.elders_council(policy=ElderChairPolicy(first="KZ"))
    assert other.next_chair(after="2020-01-01").state.id == "KZ"
    with pytest.raises(PolicyError):
        ElderChairPolicy(term_years=0)


def test_profile_and_elders(ots: Organization) -> None:
    """The Council decides by consensus and meets twice a year, as the sources state."""
    coe = ots.council_of_elders
    assert coe.profile.decision_rule == "consensus"
    assert coe.profile.cadences[0].months == 6
    assert {"the Chairman", "any one Elder, on request"} == set(coe.profile.extraordinary_callers)
    assert len(coe.elders(on="2024-06-01")) == 8


def test_a_chair_with_a_recorded_end() -> None:
    """After a recorded end and before a successor, no chair is recorded."""
    ots = turkicorg.load_default()
    appointments = tuple(
        attrs.evolve(a, end=PartialDate(2024, 1, 1))
        if a.role is turkicorg.Role.ELDERS_CHAIR and a.start
        else a
        for a in ots.appointments
    )
    org = attrs.evolve(ots, appointments=appointments)
    coe = CouncilOfElders(org, policy=ElderChairPolicy(term_years=4))
    assert coe.chair(on="2023-12-31") is not None
    assert coe.chair(on="2024-01-01") is None


# Properties -------------------------------------------------------------------------------


@given(st.sampled_from(list(NameOrder)), st.integers(min_value=1, max_value=15))
def test_upcoming_chairs_visit_every_member_once_per_cycle(order: NameOrder, count: int) -> None:
    """Projections cycle through the five members, each once per five turns."""
    chairs = turkicorg.load_default().council_of_elders.upcoming_chairs(count, order=order)
    ids = [c.state.id for c in chairs]
    for start in range(0, len(ids) - 4, 5):
        assert sorted(ids[start : start + 5]) == ["AZ", "KG", "KZ", "TR", "UZ"]
    assert all(a != b for a, b in itertools.pairwise(ids))


@given(st.dates(dt.date(2026, 1, 1), dt.date(2040, 12, 31)))
def test_membership_on_the_handover_day_decides(leave: dt.date) -> None:
    """A member that left before the projected handover is passed over; the order continues."""
    ots = turkicorg.load_default()
    memberships = tuple(
        attrs.evolve(m, end=PartialDate.from_date(leave)) if m.party == "UZ" else m
        for m in ots.memberships
    )
    org = attrs.evolve(ots, memberships=memberships)
    council = org.elders_council(policy=ElderChairPolicy(term_years=4))
    nxt = council.next_chair(after="2025-01-01")
    handover = dt.date(2025, 11, 12)
    assert nxt.state.id == ("UZ" if leave > handover else "AZ")


def test_rejoining_observer_is_not_eligible() -> None:
    """A party that is an observer on the handover day is not in the default pool."""
    ots = turkicorg.load_default()
    extra = Membership(party="TM", status=Status.MEMBER, start=PartialDate(2030))
    memberships = tuple(
        attrs.evolve(m, end=PartialDate(2030)) if m.party == "TM" else m for m in ots.memberships
    )
    org = attrs.evolve(ots, memberships=(*memberships, extra))
    council = org.elders_council(policy=ElderChairPolicy(term_years=4))
    ids = [c.state.id for c in council.upcoming_chairs(6, after="2025-01-01")]
    assert "TM" not in ids[:1]
    assert "TM" in ids
