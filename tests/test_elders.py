"""The Council of Elders: Chairman, next chair under each policy, projections, boundary days."""

from __future__ import annotations

import datetime as dt
import itertools
import re

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import turkicorg
from turkicorg import Membership, Organization, PartialDate, PolicyError, Role, Status, dates
from turkicorg.elders import (
    RULE_SOURCE,
    CouncilOfElders,
    ElderChairPolicy,
    ElderChairTerm,
    RotationPool,
)
from turkicorg.parties import FormerName
from turkicorg.record import Appointment
from turkicorg.rotation import NameOrder, Override
from turkicorg.sourcing import Alternative, cite

OTS = turkicorg.load_default()
TODAY = dt.date(2026, 3, 11)
"""The day the tests take as today (the data horizon): no test reads the machine's clock."""
HORIZON = OTS.data_horizon
FIRST = dt.date(2021, 11, 12)
"""Binali Yıldırım (Türkiye), the first Chairman under the revised structure, from this day."""
HANDOVER = dt.date(2025, 11, 12)
"""The first handover an assumed four-year term projects."""
SOURCE = "https://example.org/elders"
SHORT, OFFICIAL = NameOrder.SHORT, NameOrder.OFFICIAL
FOUR_YEARS = ElderChairPolicy(term_years=4)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dates, "today", lambda: TODAY)


def refused(message: str) -> pytest.RaisesContext[PolicyError]:
    """Expect the Council's PolicyError with exactly this message."""
    return pytest.raises(PolicyError, match=f"^{re.escape(f'council of elders chair: {message}')}$")


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def chair_record(
    state: str, person: str, start: str, end: str | None = None, **more: object
) -> Appointment:
    return Appointment(
        role=Role.ELDERS_CHAIR,
        person=person,
        state=state,
        start=PartialDate.parse(start),
        end=PartialDate.parse(end) if end else None,
        sources=(SOURCE,),
        **more,  # type: ignore[arg-type]
    )


TURKIYE = chair_record("TR", "binali-yildirim", "2021-11-12")


def with_chairs(*chairs: Appointment, base: Organization = OTS) -> Organization:
    """The organization with these Chairmen recorded instead of the data's."""
    others = tuple(a for a in base.appointments if a.role is not Role.ELDERS_CHAIR)
    return attrs.evolve(base, appointments=(*others, *chairs))


def with_membership(party: str, base: Organization = OTS, **dates_: str | None) -> Organization:
    """The organization with the party's membership record given other start or end days."""
    changes = {k: PartialDate.parse(v) if v else None for k, v in dates_.items()}
    memberships = tuple(
        attrs.evolve(m, **changes) if m.party == party else m for m in base.memberships
    )
    return attrs.evolve(base, memberships=memberships)


def ids(chairs: tuple[turkicorg.elders.NextChair, ...]) -> list[str]:
    return [c.state.id for c in chairs]


# --- the recorded Chairman ---------------------------------------------------------------


def test_turkiye_chairs_from_the_first_meeting_under_the_new_rules() -> None:
    """Binali Yıldırım (Türkiye) chairs from 2021-11-12, at the 12th meeting and the 18th."""
    coe = OTS.council_of_elders
    for on in ("2021-11-12", "2022-02-09", "2025-11-04"):
        term = coe.chair(on=on)
        assert term is not None
        assert (term.state.id, term.start, term.end, term.projected) == ("TR", FIRST, None, False)
        assert term.person is not None
        assert term.person.name == "Binali Yıldırım"
    assert coe.chair(on="2021-11-11") is None
    assert str(coe.chair(on="2024-01-01")) == "Binali Yıldırım (Türkiye) from 2021-11-12"


def test_recorded_chair_explains_itself_with_sources_and_alternatives() -> None:
    """The explanation names the Chairman, the start, every source and every other start."""
    term = OTS.council_of_elders.chair(on="2024-01-01")
    assert term is not None
    assert term.recorded_start == PartialDate(2021, 11, 12)
    assert [(a.field, a.value) for a in term.alternatives] == [
        ("start", "2021-12"),
        ("start", "2022-02-09"),
    ]
    others = " ".join(
        f"Other sources give start {a.value} ({'; '.join(a.sources)}): {a.note}"
        for a in term.alternatives
    )
    assert term.explain() == (
        "Binali Yıldırım, the elder of Türkiye, chairs the Council of Elders from 2021-11-12. "
        f"{cite(term.sources)} {others}"
    )
    assert term.sources == OTS.council_of_elders.recorded_chairs()[0].sources
    assert len(term.sources) == 5


def test_term_explanations_for_every_kind_of_term() -> None:
    """Projected, ended, month-dated and beyond-the-horizon terms each say so."""
    uz = OTS.state("UZ")
    projected = ElderChairTerm(state=uz, person=None, start=HANDOVER, projected=True)
    assert projected.explain() == (
        "The elder of Uzbekistan is projected to chair the Council of Elders from 2025-11-12. "
        "Sources: none recorded."
    )
    assert str(projected) == "Uzbekistan from 2025-11-12 (projected)"
    undated = ElderChairTerm(state=uz, person=None, start=None)
    assert (
        undated.explain()
        == "The elder of Uzbekistan chairs the Council of Elders. Sources: none recorded."
    )
    assert str(undated) == "Uzbekistan"
    alternative = Alternative(field="start", value="2021-12", sources=(SOURCE, SOURCE + "/2"))
    month = ElderChairTerm(
        state=uz,
        person=OTS.person("sodikjon-turdiev"),
        start=dt.date(2021, 11, 1),
        end=dt.date(2024, 1, 1),
        sources=(SOURCE,),
        recorded_start=PartialDate(2021, 11),
        alternatives=(alternative,),
        beyond_horizon=True,
        horizon=HORIZON,
    )
    assert month.explain() == (
        "Sodikjon Turdiev, the elder of Uzbekistan, chairs the Council of Elders from 2021-11 "
        f"(only the month is known) until 2024-01-01. Sources: {SOURCE}. Other sources give "
        f"start 2021-12 ({SOURCE}; {SOURCE}/2). Beyond the data: the day asked about lies after "
        "the data horizon (2026-03-11); events after it are not in the data."
    )


def test_recorded_chairs_are_sorted_and_ended_by_their_successor() -> None:
    """Chairmen recorded out of order are sorted; each ends when the data says."""
    org = with_chairs(
        chair_record("UZ", "sodikjon-turdiev", "2025-11-12"),
        chair_record("TR", "binali-yildirim", "2021-11-12", "2025-11-12"),
    )
    coe = org.council_of_elders
    assert [(t.state.id, t.start, t.end) for t in coe.recorded_chairs()] == [
        ("TR", FIRST, HANDOVER),
        ("UZ", HANDOVER, None),
    ]
    assert [coe.chair(on=d).state.id for d in ("2025-11-11", "2025-11-12")] == ["TR", "UZ"]  # type: ignore[union-attr]
    undated = attrs.evolve(chair_record("AZ", "hasan-hasanov", "2020"), start=None)
    stateless = attrs.evolve(chair_record("AZ", "hasan-hasanov", "2020"), state=None)
    elder = attrs.evolve(chair_record("AZ", "hasan-hasanov", "2020"), role=Role.ELDER)
    noisy = with_chairs(TURKIYE, undated, stateless, base=org)
    noisy = attrs.evolve(noisy, appointments=(*noisy.appointments, elder))
    assert [t.state.id for t in noisy.council_of_elders.recorded_chairs()] == ["TR"]


def test_elders_in_office_on_a_day() -> None:
    """The elders on a day, by state: six in mid-2022, eight at the data horizon."""
    coe = OTS.council_of_elders
    assert [(a.state, a.person) for a in coe.elders(on="2022-06-01")] == [
        ("AZ", "hasan-hasanov"),
        ("KG", "medetkhan-sherimkulov"),
        ("KZ", "ikram-adyrbek"),
        ("TM", "gurbanguly-berdimuhamedov"),
        ("TR", "binali-yildirim"),
        ("UZ", "bakhtiyor-sayfullayev"),
    ]
    assert [a.state for a in coe.elders(on=TODAY)] == [
        "AZ", "HU", "KG", "KZ", "TM", "TR", "TRNC", "UZ"
    ]  # fmt: skip


def test_profile_and_rule() -> None:
    """The Council decides by consensus, meets twice a year, and the data names the first chair."""
    coe = OTS.council_of_elders
    assert coe.profile.decision_rule == "consensus"
    assert coe.profile.cadences[0].months == 6
    assert {"the Chairman", "any one Elder, on request"} == set(coe.profile.extraordinary_callers)
    assert coe.rule is not None
    assert coe.rule.first == "TR"
    assert coe.rule_sources == coe.rule.sources == (RULE_SOURCE,)
    assert coe.first_chair() == OTS.state("TR")


# --- the next chair -----------------------------------------------------------------------

UZBEKISTAN_CHAIRS = with_chairs(
    chair_record("TR", "binali-yildirim", "2021-11-12", "2025-11-12"),
    chair_record("UZ", "sodikjon-turdiev", "2025-11-12"),
)
"""A record in which Uzbekistan chairs: from here the two name orders part."""


@pytest.mark.parametrize(
    ("policy", "order", "expected"),
    [
        (SHORT, None, "AZ"),
        (SHORT, SHORT, "AZ"),
        (SHORT, OFFICIAL, "KG"),
        (OFFICIAL, None, "KG"),
        (OFFICIAL, SHORT, "AZ"),
    ],
)
def test_next_chair_follows_the_order_asked(
    policy: NameOrder, order: NameOrder | None, expected: str
) -> None:
    """After Uzbekistan, short names give Azerbaijan and official names Kyrgyzstan."""
    council = UZBEKISTAN_CHAIRS.council_of_elders.with_policy(ElderChairPolicy(order=policy))
    nxt = council.next_chair(after="2026-01-01", order=order)
    assert nxt.state.id == expected
    assert nxt.policy.order is (order or policy)
    assert nxt.previous is not None
    assert nxt.previous.state.id == "UZ"
    assert ids(council.upcoming_chairs(1, after="2026-01-01", order=order)) == [expected]


@pytest.mark.parametrize(
    ("order", "names"),
    [
        (SHORT, "Azerbaijan, Kazakhstan, Kyrgyzstan, Türkiye, Uzbekistan"),
        (OFFICIAL, ("Kyrgyz Republic, Republic of Azerbaijan, Republic of Kazakhstan, "
         "Republic of Türkiye, Republic of Uzbekistan")),
    ],
)  # fmt: skip
def test_both_orders_put_uzbekistan_after_turkiye(order: NameOrder, names: str) -> None:
    """Both readings put Uzbekistan after Türkiye, through different orders."""
    nxt = OTS.council_of_elders.next_chair(after="2025-12-01", order=order)
    assert (nxt.state.id, nxt.projected, nxt.start) == ("UZ", True, None)
    assert nxt.previous is not None
    assert nxt.previous.state.id == "TR"
    assert f"in English alphabetical order (accents folded): {names}." in nxt.explain()


@pytest.mark.parametrize(
    ("order", "expected"),
    [
        (SHORT, ["UZ", "AZ", "KZ", "KG", "TR"]),
        (OFFICIAL, ["UZ", "KG", "AZ", "KZ", "TR"]),
    ],
)
def test_the_orders_differ_from_the_third_chair(order: NameOrder, expected: list[str]) -> None:
    """Short names give UZ, AZ, KZ, KG; official names give UZ, KG, AZ, KZ."""
    chairs = OTS.council_of_elders.upcoming_chairs(5, after="2025-12-01", order=order)
    assert ids(chairs) == expected
    assert all(c.policy.order is order for c in chairs)


def test_explanation_names_policy_rule_order_and_previous_holder() -> None:
    """The whole answer to "who chairs next, and why?"."""
    nxt = OTS.council_of_elders.next_chair(after="2025-12-01")
    assert nxt.explain() == (
        "Next Chairman of the Council of Elders: the elder of Uzbekistan. Policy: member states "
        "in English alphabetical order of short names; only recorded handovers change the "
        f"chair. Rule: {RULE_SOURCE}. Order: short names in English alphabetical order (accents "
        "folded): Azerbaijan, Kazakhstan, Kyrgyzstan, Türkiye, Uzbekistan. Previous holder: "
        "Türkiye. Next after Türkiye in that order: Uzbekistan. No source states the "
        "Chairman's term, so no date is projected."
    )
    assert nxt.sources == (RULE_SOURCE,)
    dated = OTS.council_of_elders.with_policy(FOUR_YEARS).next_chair(after="2030-01-01")
    assert dated.explain().endswith(
        "Next after Azerbaijan in that order: Kazakhstan. The handover is projected for "
        "2033-11-12 (assumed term of 4 years). Beyond the data: the day asked about lies after "
        "the data horizon (2026-03-11); events after it are not in the data."
    )


def test_rule_sources_come_from_the_data_else_the_organizations_page() -> None:
    """Every rule source the data gives is cited; without any, the organization's page."""
    rule = OTS.council_of_elders.rule
    assert rule is not None
    cited = with_rule(attrs.evolve(rule, sources=(SOURCE, SOURCE + "/2")))
    nxt = cited.council_of_elders.next_chair(after="2025-12-01")
    assert nxt.sources == (SOURCE, SOURCE + "/2")
    assert f"Rule: {SOURCE}, {SOURCE}/2. " in nxt.explain()
    assert cited.council_of_elders.next_chair(after="2020-01-01").sources == nxt.sources
    silent = with_rule(attrs.evolve(rule, sources=()))
    assert silent.council_of_elders.rule_sources == (RULE_SOURCE,)
    assert with_rule(None).council_of_elders.rule_sources == (RULE_SOURCE,)


def with_rule(rule: turkicorg.organs.ChairRotation | None) -> Organization:
    profiles = tuple(
        attrs.evolve(p, chair_rotation=rule) if p.organ.value == "COE" else p for p in OTS.organs
    )
    return attrs.evolve(OTS, organs=profiles)


# --- the first chair ----------------------------------------------------------------------


def test_first_chair_comes_from_the_data() -> None:
    """Before any recorded Chairman the next chair is the state the rule names first."""
    coe = OTS.council_of_elders
    first = coe.next_chair(after="2020-01-01")
    assert (first.state.id, first.previous, first.start) == ("TR", None, None)
    assert first.sources == (RULE_SOURCE,)
    assert first.policy == coe.policy
    assert "the rule names the state of the first Chairman" in first.explain()
    assert first.turn.explain() == (
        "Order: the rule names the state of the first Chairman: Türkiye. No previous holder. "
        "First in that order: Türkiye."
    )
    assert ids(coe.upcoming_chairs(3, after="2020-01-01")) == ["TR", "UZ", "AZ"]
    official = coe.upcoming_chairs(3, after="2020-01-01", order=OFFICIAL)
    assert ids(official) == ["TR", "UZ", "KG"]
    assert [c.policy.order for c in official] == [OFFICIAL] * 3
    assert coe.next_chair(after="2020-01-01", order=OFFICIAL).policy.order is OFFICIAL
    other = OTS.council_of_elders.with_policy(ElderChairPolicy(first="KZ"))
    assert other.first_chair().id == "KZ"
    assert other.next_chair(after="2020-01-01").state.id == "KZ"


def test_without_a_named_first_chairman_the_first_chair_is_an_error() -> None:
    """No first Chairman in the policy or the data: asking for the first chair is refused."""
    rule = OTS.council_of_elders.rule
    assert rule is not None
    for org in (with_rule(attrs.evolve(rule, first=None)), with_rule(None)):
        unnamed = org.council_of_elders
        with refused("no source names the first Chairman"):
            unnamed.next_chair(after="2020-01-01")
        with refused("no source names the first Chairman"):
            unnamed.upcoming_chairs(2, after="2020-01-01")
        assert unnamed.upcoming_chairs(0, after="2020-01-01") == ()
        assert unnamed.next_chair(after="2022-01-01").state.id == "UZ"
        named = org.council_of_elders.with_policy(ElderChairPolicy(first="KZ"))
        assert named.next_chair(after="2020-01-01").state.id == "KZ"


# --- boundary days ------------------------------------------------------------------------


def test_the_recorded_start_day_is_the_first_day_in_the_chair() -> None:
    """On 2021-11-12 Türkiye chairs and Uzbekistan is next; the day before, Türkiye is next."""
    coe = OTS.council_of_elders
    on, before = FIRST, FIRST - dt.timedelta(days=1)
    assert coe.chair(on=on) is not None
    assert coe.chair(on=before) is None
    assert coe.next_chair(after=on).state.id == "UZ"
    assert coe.next_chair(after=before).state.id == "TR"
    assert ids(coe.upcoming_chairs(2, after=on)) == ["UZ", "AZ"]
    assert ids(coe.upcoming_chairs(2, after=before)) == ["TR", "UZ"]


def test_a_recorded_end_day_is_the_first_day_out_of_the_chair() -> None:
    """After a recorded end and before a successor, no chair is recorded, and none is next."""
    org = with_chairs(chair_record("TR", "binali-yildirim", "2021-11-12", "2024-01-01"))
    for policy in (ElderChairPolicy(), FOUR_YEARS):
        coe = CouncilOfElders(org, policy=policy)
        term = coe.chair(on="2023-12-31")
        assert term is not None
        assert (term.state.id, term.end) == ("TR", dt.date(2024, 1, 1))
        assert coe.chair(on="2024-01-01") is None
        assert coe.next_chair(after="2023-12-31").state.id == "UZ"
        with refused("no Chairman is recorded on 2024-01-01"):
            coe.next_chair(after="2024-01-01")


def test_the_projected_handover_day_belongs_to_the_next_chair() -> None:
    """Under a four-year term, 2025-11-12 is Uzbekistan's first day and Türkiye's is over."""
    council = OTS.council_of_elders.with_policy(FOUR_YEARS)
    expected = {
        "2025-11-11": ("TR", FIRST, False),
        "2025-11-12": ("UZ", HANDOVER, True),
        "2029-11-11": ("UZ", HANDOVER, True),
        "2029-11-12": ("AZ", dt.date(2029, 11, 12), True),
    }
    for on, answer in expected.items():
        term = council.chair(on=on)
        assert term is not None
        assert (term.state.id, term.start, term.projected) == answer
        assert (term.person is None) == term.projected


@pytest.mark.parametrize(
    ("start", "years", "handover"),
    [
        ("2024-02-29", 1, dt.date(2025, 2, 28)),
        ("2024-02-29", 3, dt.date(2027, 2, 28)),
        ("2024-02-29", 4, dt.date(2028, 2, 29)),
        ("2096-02-29", 4, dt.date(2100, 2, 28)),
        ("2023-02-28", 1, dt.date(2024, 2, 28)),
    ],
)
def test_a_term_from_29_february_ends_on_28_february_of_a_common_year(
    start: str, years: int, handover: dt.date
) -> None:
    """29 February plus a number of years is 28 February when that year has no 29th."""
    org = with_chairs(chair_record("TR", "binali-yildirim", start))
    council = org.council_of_elders.with_policy(ElderChairPolicy(term_years=years))
    assert council.next_chair(after=start).start == handover
    before, on = council.chair(on=handover - dt.timedelta(days=1)), council.chair(on=handover)
    assert before is not None
    assert on is not None
    assert (before.state.id, on.state.id, on.start) == ("TR", "UZ", handover)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"start": "2025-11-12"}, "UZ"),
        ({"start": "2025-11-13"}, "AZ"),
        ({"end": "2025-11-12"}, "AZ"),
        ({"end": "2025-11-13"}, "UZ"),
    ],
)
def test_membership_on_the_handover_day_decides(change: dict[str, str], expected: str) -> None:
    """A member from the handover day is eligible; one whose membership ends that day is not."""
    org = with_membership("UZ", **change)
    council = org.council_of_elders.with_policy(FOUR_YEARS)
    nxt = council.next_chair(after="2025-01-01")
    assert (nxt.state.id, nxt.start) == (expected, HANDOVER)
    assert ids(council.upcoming_chairs(1, after="2025-01-01")) == [expected]


@given(st.dates(dt.date(2025, 1, 2), dt.date(2026, 12, 31)))
def test_a_member_that_left_before_the_handover_is_passed_over(leave: dt.date) -> None:
    """Membership on the projected handover day decides; the order continues past a leaver."""
    org = with_membership("UZ", end=leave.isoformat())
    nxt = org.council_of_elders.with_policy(FOUR_YEARS).next_chair(after="2025-01-01")
    assert nxt.state.id == ("UZ" if leave > HANDOVER else "AZ")
    if nxt.state.id == "AZ":
        assert "Uzbekistan" not in nxt.turn.names


def test_without_a_projected_day_todays_members_take_turns() -> None:
    """With no assumed term no handover day is known: today's members are eligible."""
    gone = with_membership("UZ", end="2026-01-01").council_of_elders
    assert gone.next_chair(after="2025-12-01").state.id == "AZ"
    coming = with_membership("UZ", end="2026-06-01").council_of_elders
    assert coming.next_chair(after="2025-12-01").state.id == "UZ"


def test_names_on_the_handover_day_decide_the_order() -> None:
    """A name in use on the handover day places the party, and the explanation shows it."""
    kz = OTS.state("KZ")
    renamed = attrs.evolve(
        kz,
        former_names=(FormerName("Tzazakhstan", "Republic of Tzazakhstan", PartialDate(2030)),),
    )
    org = attrs.evolve(OTS, parties=tuple(renamed if p.id == "KZ" else p for p in OTS.parties))
    nxt = org.council_of_elders.with_policy(FOUR_YEARS).next_chair(after="2025-01-01")
    assert nxt.state.id == "KZ"
    assert nxt.turn.names == ("Azerbaijan", "Kyrgyzstan", "Türkiye", "Tzazakhstan", "Uzbekistan")
    undated = org.council_of_elders.next_chair(after="2025-01-01")
    assert undated.state.id == "UZ"
    assert undated.turn.names[1] == "Kazakhstan"


def test_observers_of_the_handover_day_take_turns_in_the_wider_pool() -> None:
    """In the wider pool an observer counts from the first day it observes."""
    wide = ElderChairPolicy(pool=RotationPool.MEMBERS_AND_OBSERVERS, term_years=4)
    for start, expected in (("2025-11-12", "TM"), ("2025-11-13", "UZ")):
        org = with_membership("TM", start=start)
        assert (
            org.council_of_elders.with_policy(wide).next_chair(after="2025-01-01").state.id
            == expected
        )


# --- projections --------------------------------------------------------------------------


def test_assumed_term_projects_dates() -> None:
    """A four-year term (assumed, not sourced) projects the handovers and marks them."""
    council = OTS.council_of_elders.with_policy(FOUR_YEARS)
    chairs = council.upcoming_chairs(3, after="2025-12-01")
    assert [(c.state.id, c.start) for c in chairs] == [
        ("UZ", dt.date(2025, 11, 12)),
        ("AZ", dt.date(2029, 11, 12)),
        ("KZ", dt.date(2033, 11, 12)),
    ]
    term = council.chair(on="2030-01-01")
    assert term is not None
    assert (term.state.id, term.projected, term.person, term.start) == (
        "AZ",
        True,
        None,
        dt.date(2029, 11, 12),
    )
    assert str(term) == "Azerbaijan from 2029-11-12 (projected)"
    recorded = council.chair(on="2025-01-01")
    assert recorded is not None
    assert not recorded.projected


def test_each_projection_follows_the_one_before() -> None:
    """Every projected chair names the one before it as its previous chair, marked projected."""
    council = OTS.council_of_elders.with_policy(FOUR_YEARS)
    chairs = council.upcoming_chairs(3, after="2025-12-01")
    assert chairs[0].previous is not None
    assert (chairs[0].previous.state.id, chairs[0].previous.projected) == ("TR", False)
    for before, after in itertools.pairwise(chairs):
        assert after.previous == ElderChairTerm(
            state=before.state, person=None, start=before.start, projected=True
        )
    first = OTS.council_of_elders.upcoming_chairs(2, after="2020-01-01")
    assert first[1].previous == ElderChairTerm(
        state=OTS.state("TR"), person=None, start=None, projected=True
    )


def test_a_recorded_end_outlasts_an_assumed_term() -> None:
    """A recorded term is kept to its recorded end, beyond what an assumed term would give."""
    org = with_chairs(chair_record("TR", "binali-yildirim", "2021-11-12", "2030-01-01"))
    term = org.council_of_elders.with_policy(FOUR_YEARS).chair(on="2027-01-01")
    assert term is not None
    assert (term.state.id, term.projected) == ("TR", False)


def test_projection_starts_from_the_chairman_of_the_day_asked() -> None:
    """Projections run on from the last Chairman recorded by that day, whatever today is."""
    org = with_chairs(
        chair_record("TR", "binali-yildirim", "2021-11-12", "2030-01-01"),
        chair_record("KZ", "ikram-adyrbek", "2030-01-01"),
    )
    term = org.council_of_elders.with_policy(FOUR_YEARS).chair(on="2040-01-01")
    assert term is not None
    assert (term.state.id, term.start) == ("TR", dt.date(2038, 1, 1))


def test_overrides_are_applied_once() -> None:
    """A recorded waiver passes one turn on; the next time round the rule applies again."""
    waiver = Override(turn_after="TR", waived_by=("UZ",), reason="waived (example)")
    coe = OTS.council_of_elders
    chairs = coe.upcoming_chairs(7, after="2025-12-01", overrides=[waiver])
    assert ids(chairs) == ["AZ", "KZ", "KG", "TR", "UZ", "AZ", "KZ"]
    assert [c.turn.override for c in chairs] == [waiver] + [None] * 6
    assert coe.next_chair(after="2025-12-01", overrides=[waiver]).state.id == "AZ"
    decision = Override(turn_after="AZ", holder="KG", reason="agreed (example)")
    both = coe.upcoming_chairs(3, after="2025-12-01", overrides=[waiver, decision])
    assert ids(both) == ["AZ", "KG", "TR"]


def test_counts() -> None:
    """No chair for a count of 0; a negative or non-int count is refused."""
    coe = OTS.council_of_elders
    assert coe.upcoming_chairs(0, after="2025-12-01") == ()
    assert len(coe.upcoming_chairs(1, after="2025-12-01")) == 1
    for count in (-1, True, 1.0):
        with refused(f"count must be >= 0 (got {count!r})"):
            coe.upcoming_chairs(count, after="2025-12-01")  # type: ignore[arg-type]


def test_answers_after_the_horizon_are_flagged() -> None:
    """Chairs asked about after the data horizon say so; those asked about before do not."""
    coe = OTS.council_of_elders
    for chair in coe.upcoming_chairs(2, after="2030-01-01"):
        assert (chair.beyond_horizon, chair.horizon) == (True, HORIZON)
    for chair in coe.upcoming_chairs(2, after=HORIZON):
        assert (chair.beyond_horizon, chair.horizon) == (False, None)
    unrecorded = with_chairs().council_of_elders
    assert unrecorded.next_chair(after="2030-01-01").beyond_horizon
    assert not unrecorded.next_chair(after=HORIZON).beyond_horizon
    assert unrecorded.next_chair(after="2030-01-01").state.id == "TR"


def test_rejoining_observer_is_not_eligible() -> None:
    """A party that is an observer on a handover day is passed over; as a member it takes turns."""
    extra = Membership(party="TM", status=Status.MEMBER, start=PartialDate(2030))
    org = with_membership("TM", end="2030")
    org = attrs.evolve(org, memberships=(*org.memberships, extra))
    chairs = org.council_of_elders.with_policy(FOUR_YEARS).upcoming_chairs(6, after="2025-01-01")
    assert [(c.state.id, c.start.year if c.start else None) for c in chairs] == [
        ("UZ", 2025),
        ("AZ", 2029),
        ("KZ", 2033),
        ("KG", 2037),
        ("TR", 2041),
        ("TM", 2045),
    ]


# --- the policy ---------------------------------------------------------------------------


def test_default_policy_is_short_names_members_only() -> None:
    """The documented defaults: short names, member states, no assumed term, data's first."""
    policy = OTS.council_of_elders.policy
    assert policy == ElderChairPolicy()
    assert (policy.order, policy.pool, policy.term_years, policy.first) == (
        SHORT,
        RotationPool.MEMBERS,
        None,
        None,
    )


@pytest.mark.parametrize(
    ("policy", "text"),
    [
        (
            ElderChairPolicy(),
            (
                "member states in English alphabetical order of short names; only recorded "
                "handovers change the chair"
            ),
        ),
        (
            ElderChairPolicy(order=OFFICIAL, pool=RotationPool.MEMBERS_AND_OBSERVERS, term_years=5),
            (
                "member and observer states in English alphabetical order of official names; "
                "an assumed term of 5 years (projected)"
            ),
        ),
    ],
)
def test_policy_describes_itself(policy: ElderChairPolicy, text: str) -> None:
    """The policy in words names the pool, the names sorted and the term."""
    assert policy.describe() == text


@pytest.mark.parametrize("years", [0, -4, True, 4.0, "4"])
def test_an_assumed_term_is_a_whole_number_of_years(years: object) -> None:
    """A term of no years, a negative one or one that is not an int is refused."""
    message = f"elder chair policy: term_years must be >= 1 (got {years!r})"
    with pytest.raises(PolicyError, match=f"^{re.escape(message)}$"):
        ElderChairPolicy(term_years=years)  # type: ignore[arg-type]
    assert ElderChairPolicy(term_years=1).term_years == 1


def test_observers_chair_only_under_the_wider_pool() -> None:
    """Observers never chair by default; with every elder-appointing state they take turns."""
    default = ids(OTS.council_of_elders.upcoming_chairs(10, after="2025-12-01"))
    assert not {"HU", "TM", "TRNC", "ECO"} & set(default)
    wide = OTS.council_of_elders.with_policy(
        ElderChairPolicy(pool=RotationPool.MEMBERS_AND_OBSERVERS)
    )
    cycle = ids(wide.upcoming_chairs(7, after="2025-12-01"))
    # Türkiye sorts as "Turkiye", before "Turkmenistan", when accents are folded; an entity
    # (TRNC) and an organization (ECO) appoint no elder that chairs.
    assert cycle == ["TM", "UZ", "AZ", "HU", "KZ", "KG", "TR"]


# --- properties ---------------------------------------------------------------------------


@given(
    st.sampled_from(list(NameOrder)),
    st.integers(min_value=1, max_value=15),
    st.dates(dt.date(2015, 1, 1), dt.date(2040, 12, 31)),
    st.none() | st.integers(min_value=1, max_value=6),
)
def test_upcoming_chairs_visit_every_member_once_per_cycle(
    order: NameOrder, count: int, after: dt.date, years: int | None
) -> None:
    """Projections cycle through the five members, each once per five turns, a term apart."""
    council = OTS.council_of_elders.with_policy(ElderChairPolicy(order=order, term_years=years))
    chairs = council.upcoming_chairs(count, after=after)
    found = ids(chairs)
    assert len(found) == count
    for start in range(0, len(found) - 4, 5):
        assert sorted(found[start : start + 5]) == ["AZ", "KG", "KZ", "TR", "UZ"]
    assert all(a != b for a, b in itertools.pairwise(found))
    if after < FIRST:
        assert found[0] == "TR"
    if years is not None and after >= FIRST:
        assert [c.start.year for c in chairs if c.start] == [
            2021 + years * n for n in range(1, count + 1)
        ]
