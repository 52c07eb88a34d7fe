"""Tests of positions, decision rules and outcomes (turkicorg.decisions)."""

from __future__ import annotations

import datetime as dt
import re
from fractions import Fraction

import pytest
from hypothesis import event, given
from hypothesis import strategies as st

from turkicorg.decisions import (
    Consensus,
    InvalidPositionError,
    Majority,
    MajorityBase,
    Outcome,
    Position,
    Rule,
    Unanimity,
    decide,
    rule_for,
)
from turkicorg.errors import PolicyError, TurkicOrgError, UnknownStateError
from turkicorg.organs import DecisionRule

MEMBERS = ("AZ", "KG", "KZ", "TR", "UZ")
OBSERVERS = ("HU", "TM", "TRNC")

SUP, OBJ, ABST, AWAY = Position.SUPPORT, Position.OBJECT, Position.ABSTAIN, Position.ABSENT


def refused(policy: str, message: str) -> pytest.RaisesContext[PolicyError]:
    """Expect a PolicyError of ``policy`` with exactly this message."""
    return pytest.raises(PolicyError, match=f"^{re.escape(f'{policy}: {message}')}$")


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
    with refused("consensus", f"quorum must be an int >= 1 (got {quorum!r})"):
        Consensus(quorum=quorum)  # type: ignore[arg-type]
    assert Consensus(quorum=1).quorum == 1


def test_quorum_is_met_exactly_at_its_number() -> None:
    """Both sides of the quorum: three present meet a quorum of three, two do not."""
    rule = Consensus(quorum=3)
    assert decide(rule, {"AZ": SUP, "KZ": ABST, "TR": OBJ}, entitled=MEMBERS).blocked_by == ("TR",)
    assert decide(rule, {"AZ": SUP, "KZ": ABST, "TR": SUP}, entitled=MEMBERS).adopted
    assert not decide(rule, {"AZ": SUP, "KZ": ABST, "TR": AWAY}, entitled=MEMBERS).adopted


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


@pytest.mark.parametrize(
    ("of", "base"),
    [
        ("voting", "3 entitled parties voting (support or object)"),
        ("present", "4 entitled parties present (support, object or abstain)"),
        ("entitled", "5 all entitled parties"),
    ],
)
def test_the_voting_base_adds_objections_to_supports(of: MajorityBase, base: str) -> None:
    """Two supports and one objection are a base of three voting: 2/3 is short of 3/4."""
    positions = {"AZ": SUP, "KZ": SUP, "TR": OBJ, "UZ": ABST}
    outcome = decide(Majority(threshold="3/4", of=of), positions, entitled=MEMBERS)
    assert not outcome.adopted
    assert outcome.explain().endswith(f"Not adopted: 2 of {base} supported; more than 3/4 needed.")
    assert decide(Majority(threshold="3/5", of="voting"), positions, entitled=MEMBERS).adopted


def test_qualified_majority_at_least_two_thirds() -> None:
    """A non-strict threshold is met by exactly that share."""
    rule = Majority(threshold="2/3", strict=False, of="voting")
    assert rule.threshold == Fraction(2, 3)
    assert rule.describe() == (
        "majority: adopted when at least 2/3 of entitled parties voting (support or object) support"
    )
    exactly = decide(rule, {"AZ": SUP, "KZ": SUP, "TR": OBJ}, entitled=MEMBERS)
    assert exactly.adopted
    assert exactly.explain().endswith(
        "Adopted: 2 of 3 entitled parties voting (support or object) supported; at least 2/3 "
        "needed."
    )
    assert not decide(rule, {"AZ": SUP, "KZ": OBJ, "TR": OBJ}, entitled=MEMBERS).adopted
    strict = Majority(threshold="2/3", of="voting")
    assert not decide(strict, {"AZ": SUP, "KZ": SUP, "TR": OBJ}, entitled=MEMBERS).adopted


def test_majority_with_nobody_in_the_base_is_not_adopted() -> None:
    """With nobody voting, nothing is adopted."""
    outcome = decide(Majority(of="voting"), {"AZ": ABST}, entitled=MEMBERS)
    assert not outcome.adopted
    assert "0 of 0 entitled parties voting" in outcome.explain()


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"threshold": 0}, "threshold must lie in (0, 1] (got 0)"),
        ({"threshold": Fraction(3, 2)}, "threshold must lie in (0, 1] (got 3/2)"),
        ({"threshold": 1}, "more than the whole can never support"),
        ({"threshold": 0.5}, "threshold must be a Fraction, an int or text (got 0.5)"),
        ({"threshold": True}, "threshold must be a Fraction, an int or text (got True)"),
        ({"threshold": "half"}, "threshold is not a fraction: 'half'"),
        ({"threshold": "1/0"}, "threshold is not a fraction: '1/0'"),
        ({"of": "members"}, "of must be one of voting, present, entitled (got 'members')"),
    ],
)
def test_majority_options_are_checked(options: dict[str, object], message: str) -> None:
    """Thresholds outside (0, 1], impossible majorities and unknown bases are refused."""
    with refused("majority", message):
        Majority(**options)  # type: ignore[arg-type]


def test_thresholds_at_the_ends_of_the_interval() -> None:
    """Just above 0 and exactly 1 (when it need only be reached) are thresholds."""
    assert Majority(threshold="1/1000").threshold == Fraction(1, 1000)
    assert Majority(threshold=1, strict=False).threshold == 1


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
    with pytest.raises(TypeError, match="does not support item assignment"):
        one.counted["TR"] = OBJ  # type: ignore[index]
    assert one.count(SUP) == 1
    assert one.count(AWAY) == 4
    assert one.present == 1


def test_observers_are_recorded_but_not_counted() -> None:
    """Positions of recorded parties are kept apart and shown as not counted."""
    outcome = decide(
        Consensus(), {"TR": SUP, "TM": SUP, "HU": "object"}, entitled=MEMBERS, recorded=OBSERVERS
    )
    assert outcome.adopted
    assert outcome.ignored == {"HU": OBJ, "TM": SUP}
    assert "Recorded, not counted: HU object, TM support." in outcome.explain()


def test_explanation_cites_the_rule_and_flags_the_horizon() -> None:
    """The organ's sources and the data horizon close the explanation, in that order."""
    outcome = Outcome(
        rule=Consensus(),
        adopted=True,
        counted={"TR": SUP},
        sources=("https://a.example/1", "https://b.example/2"),
        horizon=dt.date(2026, 3, 11),
        beyond_horizon=True,
    )
    assert outcome.explain() == (
        "Rule: consensus: adopted unless an entitled party objects. Counted: TR support. "
        "Adopted: no entitled party objected (1 of 1 present). Rule sources: "
        "https://a.example/1; https://b.example/2. Beyond the data: the day asked about lies "
        "after the data horizon (2026-03-11); events after it are not in the data."
    )
    bare = Outcome(rule=Unanimity(), adopted=False, blocked_by=("TR",), counted={"TR": ABST})
    assert bare.explain().endswith("not supporting: TR.")


def test_positions_are_read_case_insensitively_and_ids_kept() -> None:
    """Position text may be any case; ids stay as given."""
    outcome = decide(Consensus(), {"TR": " Support ", "TRNC": "ABSTAIN"}, entitled=["TR", "TRNC"])
    assert outcome.counted == {"TR": SUP, "TRNC": ABST}


@pytest.mark.parametrize("value", ["yes", "", None, 1])
def test_invalid_position_is_named_in_the_error(value: object) -> None:
    """A value that is not a position is refused, naming the value and the party."""
    message = (
        f"invalid position {value!r} for 'TR'; expected one of support, object, abstain, absent"
    )
    with refused("decide", message) as caught:
        decide(Consensus(), {"TR": value}, entitled=MEMBERS)  # type: ignore[dict-item]
    error = caught.value
    assert isinstance(error, InvalidPositionError)
    assert (error.party, error.value, error.policy) == ("TR", value, "decide")
    assert isinstance(error, ValueError)
    assert isinstance(error, TurkicOrgError)


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
    with pytest.raises(UnknownStateError) as caught:
        decide(Consensus(), {"TR": SUP}, entitled=["TR1", "TR2", "TR3", "TR4"])
    assert len(caught.value.suggestions) == 3  # the three closest of four
    assert set(caught.value.suggestions) < {"TR1", "TR2", "TR3", "TR4"}


def test_entitled_parties_are_required_and_apart_from_observers() -> None:
    """Nobody entitled, or an id both entitled and recorded, is a policy error."""
    with refused("decide", "no party is entitled to take a position"):
        decide(Consensus(), {}, entitled=[])
    with refused("decide", "both entitled and recorded: TR, UZ"):
        decide(Consensus(), {}, entitled=MEMBERS, recorded=["UZ", "TR", "HU"])


def test_rule_for_reads_the_stated_rule() -> None:
    """The profile's words become a rule; "none" and unknown words are refused, in full."""
    assert rule_for("consensus") == Consensus()
    assert rule_for(DecisionRule.UNANIMITY) == Unanimity()
    with refused("decision rule", "the organ takes no decisions"):
        rule_for(DecisionRule.NONE)
    choices = ", ".join(r.value for r in DecisionRule)
    with refused("decision rule", f"unknown rule 'vote' (one of {choices})"):
        rule_for("vote")
    assert choices.startswith("consensus, unanimity")


# --- properties -------------------------------------------------------------------------

positions = st.sampled_from(list(Position))


@st.composite
def votes(
    draw: st.DrawFn, common: st.SearchStrategy[Position] = positions
) -> tuple[list[str], dict[str, Position]]:
    """Entitled ids and positions: most parties take one position, a few differ or say nothing.

    Ballots close to unanimous are where the rules decide differently, so they are drawn often.
    """
    entitled = draw(st.lists(st.sampled_from(MEMBERS), min_size=1, unique=True))
    given = dict.fromkeys(entitled, draw(common))
    for party in draw(st.lists(st.sampled_from(entitled), unique=True, max_size=3)):
        position = draw(positions | st.none())
        if position is None:
            del given[party]
        else:
            given[party] = position
    return entitled, given


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
    assert not after.adopted
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


@given(votes(), rules)
def test_outcomes_agree_with_counting_by_hand(
    ballot: tuple[list[str], dict[str, Position]], rule: Rule
) -> None:
    """Each rule, recomputed from the counts of each position, gives the same outcome."""
    entitled, given_positions = ballot
    outcome = decide(rule, given_positions, entitled=entitled)
    count = {p: sum(1 for i in entitled if given_positions.get(i, AWAY) is p) for p in Position}
    assert {p: outcome.count(p) for p in Position} == count
    assert outcome.present == len(entitled) - count[AWAY]
    if isinstance(rule, Consensus):
        quorate = rule.quorum is None or len(entitled) - count[AWAY] >= rule.quorum
        expected = count[OBJ] == 0 and quorate
    elif isinstance(rule, Unanimity):
        expected = count[SUP] == len(entitled)
    else:
        base = {
            "voting": count[SUP] + count[OBJ],
            "present": count[SUP] + count[OBJ] + count[ABST],
            "entitled": len(entitled),
        }[rule.of]
        share = Fraction(count[SUP], base) if base else None
        expected = share is not None and (
            share > rule.threshold if rule.strict else share >= rule.threshold
        )
        assert f"{count[SUP]} of {base} " in outcome.explain()
    event(f"{rule.name}: {'adopted' if expected else 'not adopted'}")
    assert outcome.adopted == expected


@given(st.one_of(votes(), votes(common=st.just(SUP))), st.none() | st.integers(1, 5))
def test_unanimity_implies_consensus(
    ballot: tuple[list[str], dict[str, Position]], quorum: int | None
) -> None:
    """Whatever unanimity adopts, consensus adopts too (with any quorum it can meet)."""
    entitled, given_positions = ballot
    unanimous = decide(Unanimity(), given_positions, entitled=entitled).adopted
    rule = Consensus(quorum=min(quorum, len(entitled)) if quorum else None)
    event(f"unanimity adopts: {unanimous}")
    assert unanimous <= decide(rule, given_positions, entitled=entitled).adopted


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


@given(votes(), rules, st.data())
def test_observers_never_change_an_outcome(
    ballot: tuple[list[str], dict[str, Position]], rule: Rule, data: st.DataObject
) -> None:
    """Observers' positions change nothing but what is recorded as ignored.

    The observers take the positions that would turn the outcome round if they counted
    (objections against an adopted proposal, support for a rejected one), so the test fails
    whenever they are counted.
    """
    entitled, given_positions = ballot
    plain = decide(rule, given_positions, entitled=entitled, recorded=OBSERVERS)
    against = OBJ if plain.adopted else SUP
    observers = data.draw(st.lists(st.sampled_from(OBSERVERS), min_size=1, unique=True))
    observed = dict.fromkeys(observers, against)
    watched = decide(rule, {**given_positions, **observed}, entitled=entitled, recorded=OBSERVERS)
    assert (watched.adopted, watched.blocked_by, watched.counted) == (
        plain.adopted,
        plain.blocked_by,
        plain.counted,
    )
    assert watched.ignored == observed
    counted = decide(rule, {**given_positions, **observed}, entitled=[*entitled, *observers])
    event(f"counting the observers would change the outcome: {counted.adopted != plain.adopted}")
