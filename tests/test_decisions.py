"""Tests of positions, decision rules and outcomes (turkicorg.decisions)."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from turkicorg.decisions import (
    Consensus,
    InvalidPositionError,
    Majority,
    Outcome,
    Position,
    Rule,
    Unanimity,
    decide,
)
from turkicorg.errors import PolicyError, TurkicOrgError, UnknownStateError

MEMBERS = ("AZ", "KG", "KZ", "TR", "UZ")
OBSERVERS = ("HU", "TM", "TRNC")

SUP, OBJ, ABST, AWAY = Position.SUPPORT, Position.OBJECT, Position.ABSTAIN, Position.ABSENT


# --- consensus --------------------------------------------------------------------------


def test_consensus_adopts_despite_abstentions_and_absences() -> None:
    """Under consensus only an objection blocks; abstaining or staying away does not."""
    outcome = decide(Consensus(), {"AZ": SUP, "KZ": "abstain"}, entitled=MEMBERS)
    assert outcome.adopted
    assert outcome.blocked_by == ()
    assert outcome.counted == {"AZ": SUP, "KG": AWAY, "KZ": ABST, "TR": AWAY, "UZ": AWAY}
    assert outcome.explain() == (
        "Rule: consensus: adopted unless an entitled party objects. Counted: AZ support, "
        "KG absent, KZ abstain, TR absent, UZ absent. Adopted: no entitled party objected "
        "(2 of 5 present)."
    )


def test_consensus_is_blocked_by_every_objector() -> None:
    """Each objecting entitled party is listed as blocking, sorted by id."""
    outcome = decide(Consensus(), {"UZ": "object", "AZ": "object", "TR": SUP}, entitled=MEMBERS)
    assert not outcome.adopted
    assert outcome.blocked_by == ("AZ", "UZ")
    assert outcome.explain().endswith("Not adopted: AZ, UZ objected.")


def test_consensus_quorum_counts_entitled_parties_present() -> None:
    """A quorum counts entitled parties that support, object or abstain."""
    rule = Consensus(quorum=3)
    assert rule.describe() == (
        "consensus: adopted unless an entitled party objects, with at least 3 present"
    )
    assert decide(rule, {"AZ": SUP, "KZ": ABST, "TR": SUP}, entitled=MEMBERS).adopted
    short = decide(rule, {"AZ": SUP, "KZ": ABST, "HU": SUP}, entitled=MEMBERS, recorded=OBSERVERS)
    assert not short.adopted
    assert short.blocked_by == ()
    assert short.explain().endswith(
        "Not adopted: no objection, but the quorum of 3 was not met (2 of 5 present)."
    )


@pytest.mark.parametrize("quorum", [0, -1, True, 2.0, "3"])
def test_consensus_quorum_must_be_a_positive_int(quorum: object) -> None:
    """A quorum is a whole number of parties, at least one."""
    with pytest.raises(PolicyError, match="quorum"):
        Consensus(quorum=quorum)  # type: ignore[arg-type]


# --- unanimity --------------------------------------------------------------------------


def test_unanimity_needs_every_entitled_party_to_support() -> None:
    """Unanimity is blocked by objections, abstentions and absences alike."""
    outcome = decide(Unanimity(), {"AZ": SUP, "KZ": SUP, "TR": ABST, "KG": OBJ}, entitled=MEMBERS)
    assert not outcome.adopted
    assert outcome.blocked_by == ("KG", "TR", "UZ")
    assert outcome.explain().endswith(
        "Not adopted: not every entitled party supported; not supporting: KG, TR, UZ."
    )
    full = decide(Unanimity(), dict.fromkeys(MEMBERS, "support"), entitled=MEMBERS)
    assert full.adopted
    assert full.explain() == (
        "Rule: unanimity: adopted when every entitled party supports. Counted: AZ support, "
        "KG support, KZ support, TR support, UZ support. Adopted: every entitled party "
        "supported (5 of 5 present)."
    )


# --- majority ---------------------------------------------------------------------------


def test_simple_majority_of_parties_present() -> None:
    """By default more than half of the entitled parties present must support."""
    rule = Majority()
    assert rule.describe() == (
        "majority: adopted when more than 1/2 of entitled parties present "
        "(support, object or abstain) support"
    )
    assert decide(rule, {"AZ": SUP, "KZ": SUP, "TR": OBJ}, entitled=MEMBERS).adopted
    tie = decide(rule, {"AZ": SUP, "KZ": SUP, "TR": OBJ, "UZ": ABST}, entitled=MEMBERS)
    assert not tie.adopted
    assert tie.blocked_by == ()
    assert tie.explain().endswith(
        "Not adopted: 2 of 4 entitled parties present (support, object or abstain) supported; "
        "more than 1/2 needed."
    )


def test_majority_bases_count_different_parties() -> None:
    """The base is parties voting, present or entitled, as the rule says."""
    positions = {"AZ": SUP, "KZ": SUP, "TR": OBJ, "UZ": ABST}
    assert decide(Majority(of="voting"), positions, entitled=MEMBERS).adopted
    assert not decide(Majority(of="present"), positions, entitled=MEMBERS).adopted
    assert not decide(Majority(of="entitled"), positions, entitled=MEMBERS).adopted
    three = {**positions, "KG": SUP}
    assert decide(Majority(of="entitled"), three, entitled=MEMBERS).adopted


def test_qualified_majority_at_least_two_thirds() -> None:
    """A non-strict threshold is met by exactly that share."""
    rule = Majority(threshold="2/3", strict=False, of="voting")
    assert rule.threshold == Fraction(2, 3)
    assert rule.describe().startswith("majority: adopted when at least 2/3 of")
    assert decide(rule, {"AZ": SUP, "KZ": SUP, "TR": OBJ}, entitled=MEMBERS).adopted
    assert not decide(rule, {"AZ": SUP, "KZ": OBJ, "TR": OBJ}, entitled=MEMBERS).adopted


def test_majority_with_nobody_in_the_base_is_not_adopted() -> None:
    """With nobody voting, nothing is adopted."""
    outcome = decide(Majority(of="voting"), {"AZ": ABST}, entitled=MEMBERS)
    assert not outcome.adopted
    assert "0 of 0 entitled parties voting" in outcome.explain()


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"threshold": 0}, r"\(0, 1\]"),
        ({"threshold": Fraction(3, 2)}, r"\(0, 1\]"),
        ({"threshold": 1}, "whole"),
        ({"threshold": 0.5}, "Fraction"),
        ({"threshold": True}, "Fraction"),
        ({"threshold": "half"}, "not a fraction"),
        ({"threshold": "1/0"}, "not a fraction"),
        ({"of": "members"}, "of must be"),
    ],
)
def test_majority_options_are_checked(options: dict[str, object], message: str) -> None:
    """Thresholds outside (0, 1], impossible majorities and unknown bases are refused."""
    with pytest.raises(PolicyError, match=message):
        Majority(**options)  # type: ignore[arg-type]


def test_unanimous_threshold_may_be_reached_with_at_least() -> None:
    """A threshold of 1 is allowed when it need only be reached."""
    assert decide(Majority(threshold=1, strict=False), {"AZ": SUP}, entitled=["AZ"]).adopted


# --- rules and outcomes -----------------------------------------------------------------


def test_rules_have_names() -> None:
    """Each rule names itself."""
    assert [r.name for r in (Consensus(), Unanimity(), Majority())] == [
        "consensus",
        "unanimity",
        "majority",
    ]


def test_outcome_is_a_frozen_hashable_value() -> None:
    """Outcomes compare by value, hash, and cannot be changed."""
    one = decide(Consensus(), {"TR": "support"}, entitled=MEMBERS)
    two = decide(Consensus(), {"TR": SUP}, entitled=list(reversed(MEMBERS)))
    assert one == two
    assert hash(one) == hash(two)
    assert isinstance(one, Outcome)
    with pytest.raises(TypeError):
        one.counted["TR"] = OBJ  # type: ignore[index]
    assert one.count(SUP) == 1
    assert one.count(AWAY) == 4
    assert one.present == 1


def test_observers_are_recorded_but_not_counted() -> None:
    """Positions of recorded parties are kept apart and shown as not counted."""
    outcome = decide(Consensus(), {"TR": SUP, "HU": "object"}, entitled=MEMBERS, recorded=OBSERVERS)
    assert outcome.adopted
    assert outcome.ignored == {"HU": OBJ}
    assert "Recorded, not counted: HU object." in outcome.explain()


def test_positions_are_read_case_insensitively_and_ids_kept() -> None:
    """Position text may be any case; ids stay as given."""
    outcome = decide(Consensus(), {"TR": " Support ", "TRNC": "ABSTAIN"}, entitled=["TR", "TRNC"])
    assert outcome.counted == {"TR": SUP, "TRNC": ABST}


@pytest.mark.parametrize("value", ["yes", "", None, 1])
def test_invalid_position_is_named_in_the_error(value: object) -> None:
    """A value that is not a position is refused, naming the value and the party."""
    with pytest.raises(InvalidPositionError) as caught:
        decide(Consensus(), {"TR": value}, entitled=MEMBERS)  # type: ignore[dict-item]
    error = caught.value
    assert (error.party, error.value) == ("TR", value)
    assert isinstance(error, PolicyError)
    assert isinstance(error, ValueError)
    assert isinstance(error, TurkicOrgError)
    assert repr(value) in str(error)


def test_observer_position_is_checked_too() -> None:
    """An observer's position must also be a valid position."""
    with pytest.raises(InvalidPositionError, match="'maybe' for 'HU'"):
        decide(Consensus(), {"HU": "maybe"}, entitled=MEMBERS, recorded=OBSERVERS)


def test_position_from_an_unknown_party_is_an_error() -> None:
    """A position from an id neither entitled nor recorded is refused, with suggestions."""
    with pytest.raises(UnknownStateError) as caught:
        decide(Consensus(), {"tr": SUP}, entitled=MEMBERS, recorded=OBSERVERS)
    assert caught.value.query == "tr"
    assert caught.value.suggestions == ("TR",)
    with pytest.raises(UnknownStateError) as caught:
        decide(Consensus(), {"UZB": SUP}, entitled=MEMBERS)
    assert caught.value.suggestions == ("UZ",)
    with pytest.raises(UnknownStateError) as caught:
        decide(Consensus(), {7: SUP}, entitled=MEMBERS)  # type: ignore[dict-item]
    assert caught.value.suggestions == ()


def test_entitled_parties_are_required_and_apart_from_observers() -> None:
    """Nobody entitled, or an id both entitled and recorded, is a policy error."""
    with pytest.raises(PolicyError, match="no party is entitled"):
        decide(Consensus(), {}, entitled=[])
    with pytest.raises(PolicyError, match="both entitled and recorded: TR"):
        decide(Consensus(), {}, entitled=MEMBERS, recorded=["TR", "HU"])


# --- properties -------------------------------------------------------------------------

positions = st.sampled_from(list(Position))


@st.composite
def votes(draw: st.DrawFn) -> tuple[list[str], dict[str, Position]]:
    """Entitled ids and positions for some of them."""
    entitled = draw(st.lists(st.sampled_from(MEMBERS), min_size=1, unique=True))
    given_for = draw(st.lists(st.sampled_from(entitled), unique=True))
    return entitled, {i: draw(positions) for i in given_for}


consensus_rules = st.builds(Consensus, quorum=st.none() | st.integers(1, 7))
majorities = st.builds(
    Majority,
    threshold=st.fractions(min_value=Fraction(1, 10), max_value=Fraction(9, 10)),
    strict=st.booleans(),
    of=st.sampled_from(["voting", "present", "entitled"]),
)
rules: st.SearchStrategy[Rule] = consensus_rules | st.just(Unanimity()) | majorities


@given(votes(), consensus_rules, st.data())
def test_consensus_is_monotone_in_objections(
    ballot: tuple[list[str], dict[str, Position]], rule: Consensus, data: st.DataObject
) -> None:
    """Turning any position into an objection never turns a rejection into adoption."""
    entitled, given_positions = ballot
    objector = data.draw(st.sampled_from(entitled))
    before = decide(rule, given_positions, entitled=entitled)
    after = decide(rule, {**given_positions, objector: OBJ}, entitled=entitled)
    assert after.adopted <= before.adopted
    assert objector in after.blocked_by


@given(votes(), majorities, st.data())
def test_majority_is_monotone_in_support(
    ballot: tuple[list[str], dict[str, Position]], rule: Majority, data: st.DataObject
) -> None:
    """Turning any position into support never turns adoption into rejection."""
    entitled, given_positions = ballot
    supporter = data.draw(st.sampled_from(entitled))
    before = decide(rule, given_positions, entitled=entitled)
    after = decide(rule, {**given_positions, supporter: SUP}, entitled=entitled)
    assert before.adopted <= after.adopted


@given(votes(), st.none() | st.integers(1, 5))
def test_unanimity_implies_consensus(
    ballot: tuple[list[str], dict[str, Position]], quorum: int | None
) -> None:
    """Whatever unanimity adopts, consensus adopts too (with any quorum it can meet)."""
    entitled, given_positions = ballot
    if decide(Unanimity(), given_positions, entitled=entitled).adopted:
        rule = Consensus(quorum=min(quorum, len(entitled)) if quorum else None)
        assert decide(rule, given_positions, entitled=entitled).adopted


@given(votes())
def test_unanimity_is_a_majority_of_all_entitled(
    ballot: tuple[list[str], dict[str, Position]],
) -> None:
    """Unanimity agrees with "at least the whole of the entitled parties support"."""
    entitled, given_positions = ballot
    whole = Majority(threshold=1, strict=False, of="entitled")
    assert (
        decide(Unanimity(), given_positions, entitled=entitled).adopted
        == decide(whole, given_positions, entitled=entitled).adopted
    )


@given(votes(), rules, st.dictionaries(st.sampled_from(OBSERVERS), positions))
def test_observers_never_change_an_outcome(
    ballot: tuple[list[str], dict[str, Position]],
    rule: Rule,
    observed: dict[str, Position],
) -> None:
    """Adding observers' positions changes nothing but what is recorded as ignored."""
    entitled, given_positions = ballot
    plain = decide(rule, given_positions, entitled=entitled, recorded=OBSERVERS)
    watched = decide(rule, {**given_positions, **observed}, entitled=entitled, recorded=OBSERVERS)
    assert (watched.adopted, watched.blocked_by, watched.counted) == (
        plain.adopted,
        plain.blocked_by,
        plain.counted,
    )
    assert watched.ignored == observed
