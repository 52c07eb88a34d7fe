"""Tests of the general rotation engine (turkicorg.rotation)."""

from __future__ import annotations

import datetime as dt
import functools
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from turkicorg import dates
from turkicorg.dates import PartialDate
from turkicorg.errors import PolicyError, TurkicOrgError, UnknownStateError
from turkicorg.parties import FormerName, State
from turkicorg.rotation import (
    AlphabeticalRotation,
    FixedSequenceRotation,
    NameOrder,
    Override,
    Turn,
    collate,
)
from turkicorg.text import english_key

AZ = State(id="AZ", short_name="Azerbaijan", official_name="Republic of Azerbaijan")
KZ = State(id="KZ", short_name="Kazakhstan", official_name="Republic of Kazakhstan")
KG = State(id="KG", short_name="Kyrgyzstan", official_name="Kyrgyz Republic")
TR = State(
    id="TR",
    short_name="Türkiye",
    official_name="Republic of Türkiye",
    former_names=(FormerName("Turkey", "Republic of Turkey", PartialDate(2022, 6, 1)),),
)
UZ = State(id="UZ", short_name="Uzbekistan", official_name="Republic of Uzbekistan")
OTS = (AZ, KZ, KG, TR, UZ)
TM = State(id="TM", short_name="Turkmenistan", official_name="Turkmenistan")

SHORT = AlphabeticalRotation()
OFFICIAL = AlphabeticalRotation(order=NameOrder.OFFICIAL)
CYCLE = FixedSequenceRotation(("TR", "AZ", "KZ", "KG", "UZ"))


def holders(turns: tuple[Turn, ...]) -> list[str]:
    return [turn.holder.id for turn in turns]


def refused(policy: str, message: str) -> pytest.RaisesContext[PolicyError]:
    """Expect a PolicyError of ``policy`` with exactly this message."""
    return pytest.raises(PolicyError, match=f"^{re.escape(f'{policy}: {message}')}$")


# --- OTS examples -----------------------------------------------------------------------


@pytest.mark.parametrize("rotation", [SHORT, OFFICIAL])
def test_after_turkiye_comes_uzbekistan_under_both_orders(rotation: AlphabeticalRotation) -> None:
    """Short-name and official-name orders both pass the turn from Türkiye to Uzbekistan."""
    assert rotation.next_after(TR, OTS).holder == UZ


def test_short_name_cycle_from_turkiye() -> None:
    """Short-name order from Türkiye gives UZ, AZ, KZ, KG, TR."""
    assert holders(SHORT.sequence(TR, OTS, 5)) == ["UZ", "AZ", "KZ", "KG", "TR"]


def test_official_name_cycle_from_turkiye() -> None:
    """Official-name order from Türkiye gives UZ, KG, AZ, KZ, TR."""
    assert holders(OFFICIAL.sequence(TR, OTS, 5)) == ["UZ", "KG", "AZ", "KZ", "TR"]


def test_turn_explains_order_previous_and_next() -> None:
    """A turn names its order, the previous holder and the next holder in sentences."""
    turn = SHORT.next_after("TR", reversed(OTS))
    assert turn.previous == "TR"
    assert turn.order == ("AZ", "KZ", "KG", "TR", "UZ")
    assert turn.names == ("Azerbaijan", "Kazakhstan", "Kyrgyzstan", "Türkiye", "Uzbekistan")
    assert turn.skipped == ()
    assert turn.rule_holder == "UZ"
    assert turn.policy == "short names in English alphabetical order (accents folded)"
    assert turn.explain() == (
        "Order: short names in English alphabetical order (accents folded): Azerbaijan, "
        "Kazakhstan, Kyrgyzstan, Türkiye, Uzbekistan. Previous holder: Türkiye. "
        "Next after Türkiye in that order: Uzbekistan."
    )


def test_names_as_of_a_date_are_used_and_described() -> None:
    """With on=, the names in use that day are sorted, shown and named in the policy."""
    turn = OFFICIAL.next_after(KZ, OTS, on="2022-05-31")
    assert turn.holder == TR
    assert "Republic of Turkey" in turn.names
    assert turn.policy.startswith("official names in use on 2022-05-31 ")
    assert SHORT.next_after(KG, OTS, on="2022-05-31").names[3] == "Turkey"


def test_sequence_and_collate_use_the_names_of_the_day_given() -> None:
    """``on=`` reaches every projected turn and the sorting: "Turkey" sorts before "Turkic"."""
    turns = OFFICIAL.sequence(KZ, OTS, 2, on="2022-05-31")
    for turn in turns:
        assert "Republic of Turkey" in turn.names
        assert turn.policy.startswith("official names in use on 2022-05-31 ")
    assert holders(turns) == ["TR", "UZ"]
    assert "Next after Republic of Turkey in that order" in turns[1].explain()
    tl = State(id="TL", short_name="Turkic Land", official_name="Turkic Land")
    assert [p.id for p in collate([tl, TR], on="2022-05-31")] == ["TR", "TL"]
    assert [p.id for p in collate([tl, TR], on="2022-06-01")] == ["TL", "TR"]
    assert [p.id for p in collate([tl, TR])] == ["TL", "TR"]
    assert [p.id for p in collate([tl, TR], order=NameOrder.OFFICIAL, on="2022-05-31")] == [
        "TR",
        "TL",
    ]


def test_names_without_a_day_are_the_current_names_not_todays(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """With no ``on=``, the current names are sorted, whatever the clock says."""
    monkeypatch.setattr(dates, "today", lambda: dt.date(2020, 1, 1))
    assert NameOrder.SHORT.name_of(TR) == "Türkiye"
    assert NameOrder.OFFICIAL.name_of(TR) == "Republic of Türkiye"
    assert NameOrder.SHORT.name_of(TR, on=None) == "Türkiye"
    assert SHORT.next_after(KG, OTS).names[3] == "Türkiye"


def test_accents_are_folded_when_sorting() -> None:
    """Türkiye sorts as Turkiye: after Tunisia and before Turkmenistan."""
    tn = State(id="TN", short_name="Tunisia", official_name="Republic of Tunisia")
    assert [p.id for p in collate([TM, TR, tn])] == ["TN", "TR", "TM"]


def test_leading_the_is_ignored_when_sorting() -> None:
    """A leading "the" does not count: "The Gambia" sorts under G."""
    gm = State(id="GM", short_name="The Gambia", official_name="Republic of The Gambia")
    fr = State(id="FR", short_name="France", official_name="French Republic")
    ye = State(id="YE", short_name="Yemen", official_name="Republic of Yemen")
    assert [p.id for p in collate([ye, gm, fr])] == ["FR", "GM", "YE"]


def test_equal_names_are_ordered_by_id() -> None:
    """Names that fold to the same key are ordered by id, so the order is total."""
    a = State(id="BB", short_name="Same", official_name="Same")
    b = State(id="AA", short_name="SAME", official_name="Same")
    assert [p.id for p in collate([a, b])] == ["AA", "BB"]
    assert SHORT.next_after(b, [a, b]).holder == a
    assert SHORT.next_after(a, [a, b]).holder == b


def test_departed_previous_holder_continues_from_its_place() -> None:
    """A previous holder that left the pool still fixes where the order continues."""
    turn = SHORT.next_after(TR, [AZ, KZ, KG, UZ])
    assert turn.holder == UZ
    assert turn.explain() == (
        "Order: short names in English alphabetical order (accents folded): Azerbaijan, "
        "Kazakhstan, Kyrgyzstan, Uzbekistan. Previous holder: Türkiye (not in the pool; the "
        "order continues from its place). Next after Türkiye in that order: Uzbekistan."
    )


def test_previous_holder_in_the_pool_is_placed_by_the_pool_record() -> None:
    """A previous holder also in the pool is placed by the pool's record of it."""
    stale = State(id="TR", short_name="Anatolia", official_name="Anatolia")
    turn = SHORT.next_after(stale, OTS)
    assert turn.holder == UZ
    assert turn.previous_name == "Türkiye"


def test_newcomer_takes_its_alphabetical_place() -> None:
    """A party joining the pool takes its place: Turkmenistan comes right after Türkiye."""
    assert holders(SHORT.sequence(TR, [*OTS, TM], 3)) == ["TM", "UZ", "AZ"]


def test_pool_of_only_the_previous_holder_gives_it_the_turn_again() -> None:
    """With nobody else in the pool, the previous holder holds the next turn too."""
    assert SHORT.next_after(TR, [TR]).holder == TR


def test_no_previous_holder_starts_at_the_beginning() -> None:
    """Without a previous holder, the first party in the order takes the turn."""
    turn = OFFICIAL.next_after(None, OTS)
    assert turn.holder == KG
    assert turn.previous is None
    assert turn.previous_name is None
    assert "No previous holder. First in that order: Kyrgyz Republic." in turn.explain()


def test_key_function_orders_by_its_own_names() -> None:
    """A key function replaces the names sorted; the policy names the function."""

    def by_id(party: State) -> str:
        return party.id

    rotation = AlphabeticalRotation(order=by_id)
    assert holders(rotation.sequence("KZ", OTS, 2)) == ["TR", "UZ"]
    assert rotation.describe() == (
        "names given by test_key_function_orders_by_its_own_names.<locals>.by_id in English "
        "alphabetical order (accents folded)"
    )
    message = "on= applies to NameOrder names; a key function picks its own names"
    with refused("alphabetical rotation", message):
        rotation.next_after("KZ", OTS, on="2020-01-01")
    with refused("alphabetical rotation", message):
        collate(OTS, order=by_id, on="2020-01-01")
    assert [p.id for p in collate(OTS, order=by_id)] == ["AZ", "KG", "KZ", "TR", "UZ"]


def test_key_function_without_a_qualified_name_is_described_by_its_repr() -> None:
    """A callable object or a partial has no ``__qualname__``: the policy shows its repr."""
    key = functools.partial(NameOrder.SHORT.name_of)
    rotation = AlphabeticalRotation(order=key)  # type: ignore[arg-type]
    assert rotation.describe() == (
        f"names given by {key!r} in English alphabetical order (accents folded)"
    )
    assert rotation.next_after("KZ", OTS).holder == KG


def test_name_order_gives_the_name_sorted() -> None:
    """NameOrder picks the short or the official name, current or on a day."""
    assert NameOrder.SHORT.name_of(TR) == "Türkiye"
    assert NameOrder.SHORT.name_of(TR, on="2022-05-31") == "Turkey"
    assert NameOrder.OFFICIAL.name_of(TR) == "Republic of Türkiye"
    assert NameOrder.OFFICIAL.name_of(TR, on="2022-05-31") == "Republic of Turkey"


def test_hand_made_turn_names_a_holder_outside_its_order_by_short_name() -> None:
    """A turn built by hand may give the turn to a party outside its order."""
    turn = Turn(
        holder=TM,
        previous="TR",
        previous_name="Türkiye",
        policy="p",
        order=("TR", "UZ"),
        names=("Türkiye", "Uzbekistan"),
        rule_holder="UZ",
        override=Override(turn_after="TR", holder="TM", reason="r"),
    )
    assert turn.explain().endswith(
        "Decided otherwise: Turkmenistan holds the turn instead of Uzbekistan."
    )
    uneven = Turn(
        holder=UZ,
        previous=None,
        previous_name=None,
        policy="p",
        order=("TR", "UZ"),
        names=("Türkiye",),
        rule_holder="UZ",
    )
    with pytest.raises(ValueError, match="zip"):
        uneven.explain()


# --- a real rotation outside the OTS ---------------------------------------------------

# UN Security Council presidency: each member presides for a month, in English alphabetical
# order of the members' names. Source: https://www.un.org/securitycouncil/content/presidency
UNSC_2024 = {
    "DZ": "Algeria",
    "CN": "China",
    "EC": "Ecuador",
    "FR": "France",
    "GY": "Guyana",
    "JP": "Japan",
    "MT": "Malta",
    "MZ": "Mozambique",
    "KR": "Republic of Korea",
    "RU": "Russian Federation",
    "SL": "Sierra Leone",
    "SI": "Slovenia",
    "CH": "Switzerland",
    "GB": "United Kingdom",
    "US": "United States",
}
UNSC_2025 = {
    **{i: n for i, n in UNSC_2024.items() if i not in {"EC", "JP", "MT", "MZ", "CH"}},
    "DK": "Denmark",
    "GR": "Greece",
    "PK": "Pakistan",
    "PA": "Panama",
    "SO": "Somalia",
}


def un_members(names: dict[str, str]) -> list[State]:
    return [State(id=i, short_name=n, official_name=n) for i, n in names.items()]


def test_un_security_council_presidencies_2024() -> None:
    """UNSC presidencies of 2024 follow the engine from Ecuador (December 2023).

    Source: https://www.un.org/securitycouncil/content/presidency (January France to
    December United States).
    """
    turns = SHORT.sequence("EC", un_members(UNSC_2024), 12)
    assert holders(turns) == [
        "FR", "GY", "JP", "MT", "MZ", "KR", "RU", "SL", "SI", "CH", "GB", "US"
    ]  # fmt: skip


def test_un_security_council_presidency_wraps_into_2025() -> None:
    """After United States (December 2024) the 2025 Council gives Algeria, then China.

    Source: https://www.un.org/securitycouncil/content/presidency (January 2025 Algeria,
    February 2025 China); members that left in 2024 play no part.
    """
    members = un_members(UNSC_2025)
    us = next(p for p in members if p.id == "US")
    turns = SHORT.sequence(us, members, 2)
    assert holders(turns) == ["DZ", "CN"]
    assert "Next after United States in that order: Algeria." in turns[0].explain()


# --- overrides --------------------------------------------------------------------------


def test_waived_turn_is_passed_over_and_explained() -> None:
    """A party that waives its turn is skipped, and the explanation says so."""
    waiver = Override(turn_after="TR", waived_by=("UZ",), reason="Uzbekistan asked to host later")
    turn = SHORT.next_after(TR, OTS, overrides=[waiver])
    assert turn.holder == AZ
    assert turn.skipped == (("UZ", "waived its turn"),)
    assert turn.override == waiver
    assert turn.explain().endswith(
        "Previous holder: Türkiye. Passed over: Uzbekistan (waived its turn). Next after Türkiye "
        "in that order, passing over those: Azerbaijan. Recorded override: Uzbekistan asked to "
        "host later."
    )


def test_turn_decided_otherwise_goes_to_the_holder_named() -> None:
    """An override naming a holder gives it the turn and says whom the rule chose."""
    decision = Override(
        turn_after="TR", holder="KZ", reason="agreed at the summit", source="https://example.org"
    )
    turn = SHORT.next_after(TR, OTS, overrides=[decision])
    assert turn.holder == KZ
    assert turn.rule_holder == "UZ"
    assert turn.explain().endswith(
        "Next after Türkiye in that order: Uzbekistan. Recorded override: agreed at the summit "
        "(source: https://example.org). Decided otherwise: Kazakhstan holds the turn instead "
        "of Uzbekistan."
    )


def test_override_naming_the_rule_holder_confirms_it() -> None:
    """An override that names the holder the rule chose adds no "instead of"."""
    decision = Override(turn_after="TR", holder="UZ", reason="confirmed")
    assert (
        SHORT.next_after(TR, OTS, overrides=[decision])
        .explain()
        .endswith("Decided otherwise: Uzbekistan holds the turn.")
    )


def test_override_for_another_turn_does_not_apply() -> None:
    """An override applies only to the turn after its holder."""
    waiver = Override(turn_after="AZ", waived_by=("KZ",), reason="r")
    turn = SHORT.next_after(TR, OTS, overrides=[waiver])
    assert turn.holder == UZ
    assert turn.override is None


def test_override_holder_outside_the_pool_is_an_error() -> None:
    """The holder named by an override must be in the pool."""
    decision = Override(turn_after="TR", holder="TM", reason="r")
    with refused("alphabetical rotation", "the override names 'TM', which is not in the pool"):
        SHORT.next_after(TR, OTS, overrides=[decision])
    with refused("fixed-sequence rotation", "the override names 'TM', which is not in the pool"):
        CYCLE.sequence(TR, OTS, 2, overrides=[decision])


def test_every_party_waiving_is_an_error() -> None:
    """When every party of the pool waives and nobody is named, nobody can hold the turn."""
    waiver = Override(turn_after="TR", waived_by=("TR", "UZ"), reason="r")
    with refused("alphabetical rotation", "every party in the pool waived the turn"):
        SHORT.next_after(TR, [TR, UZ], overrides=[waiver])


def test_holder_named_alongside_a_waiver() -> None:
    """An override may both record a waiver and name the holder; the rule's choice is kept."""
    decision = Override(turn_after="TR", holder="KZ", waived_by=("UZ",), reason="r")
    turn = SHORT.next_after(TR, OTS, overrides=[decision])
    assert turn.holder == KZ
    assert turn.rule_holder == "AZ"
    assert turn.skipped == (("UZ", "waived its turn"),)
    assert turn.explain().endswith(
        "Recorded override: r. Decided otherwise: Kazakhstan holds the turn instead of Azerbaijan."
    )


def test_first_turn_override_uses_turn_after_none() -> None:
    """An override with turn_after=None applies to a first turn."""
    first = Override(turn_after=None, holder="TR", reason="host of the Secretariat")
    assert SHORT.next_after(None, OTS, overrides=[first]).holder == TR


def test_override_applies_once_in_a_projection() -> None:
    """In a sequence, an override applies to the first matching turn only."""
    waiver = Override(turn_after="TR", waived_by=("UZ",), reason="r")
    turns = SHORT.sequence(TR, OTS, 7, overrides=[waiver])
    assert holders(turns) == ["AZ", "KZ", "KG", "TR", "UZ", "AZ", "KZ"]
    assert [t.override for t in turns] == [waiver, None, None, None, None, None, None]


@pytest.mark.parametrize("reverse", [False, True])
def test_every_override_of_a_projection_applies(reverse: bool) -> None:
    """Applying one override keeps the others, wherever they stand in the list."""
    waiver = Override(turn_after="TR", waived_by=("UZ",), reason="r")
    decision = Override(turn_after="AZ", holder="KG", reason="s")
    later = Override(turn_after="KG", holder="UZ", reason="t")
    overrides = [waiver, decision, later]
    turns = SHORT.sequence(TR, OTS, 4, overrides=overrides[::-1] if reverse else overrides)
    assert holders(turns) == ["AZ", "KG", "UZ", "AZ"]
    assert [t.override for t in turns] == [waiver, decision, later, None]


def test_decided_holder_is_named_in_the_order_used() -> None:
    """Under official names, "Decided otherwise" names holders by their official names."""
    decision = Override(turn_after="TR", holder="KZ", reason="agreed")
    assert (
        OFFICIAL.next_after(TR, OTS, overrides=[decision])
        .explain()
        .endswith(
            "Decided otherwise: Republic of Kazakhstan holds the turn instead of Republic of "
            "Uzbekistan."
        )
    )


def test_override_needs_a_holder_or_a_waiver() -> None:
    """Overrides that change nothing, hold and waive at once, or waive a string are refused."""
    with refused("override", "name a holder or the parties that waived the turn"):
        Override(turn_after="TR", reason="r")
    with refused("override", "'UZ' cannot both hold and waive the turn"):
        Override(turn_after="TR", holder="UZ", waived_by=("UZ",), reason="r")
    with refused("override", "waived_by takes a collection of ids, not 'UZ'"):
        Override(turn_after="TR", waived_by="UZ", reason="r")
    assert Override(turn_after="TR", waived_by=["UZ", "AZ"], reason="r").waived_by == ("UZ", "AZ")


# --- errors -----------------------------------------------------------------------------


def test_empty_pool_is_a_policy_error() -> None:
    """An empty pool cannot give a holder."""
    with refused("alphabetical rotation", "the pool is empty") as caught:
        SHORT.next_after(TR, [])
    assert isinstance(caught.value, TurkicOrgError)
    assert isinstance(caught.value, ValueError)
    assert caught.value.policy == "alphabetical rotation"
    with refused("alphabetical rotation", "the pool is empty"):
        SHORT.sequence(TR, [], 1)
    with refused("fixed-sequence rotation", "the pool is empty"):
        CYCLE.sequence(TR, [], 1)


def test_pool_must_hold_parties_with_distinct_ids() -> None:
    """Anything but a State, or two different parties with one id, is refused; repeats are not."""
    with refused("alphabetical rotation", "the pool holds parties (State), not 'TR'"):
        SHORT.next_after(TR, ["TR"])  # type: ignore[list-item]
    twin = State(id="TR", short_name="Turkey", official_name="Republic of Turkey")
    with refused("alphabetical rotation", "two different parties share the id 'TR'"):
        SHORT.next_after(AZ, [TR, twin])
    with refused("fixed-sequence rotation", "two different parties share the id 'TR'"):
        CYCLE.sequence(AZ, [TR, twin], 1)
    assert SHORT.next_after(AZ, [TR, TR, AZ]).holder == TR


def test_previous_id_outside_the_pool_is_unknown() -> None:
    """An id alone cannot place a departed holder in the order."""
    with pytest.raises(UnknownStateError) as caught:
        SHORT.next_after("TM", OTS)
    assert caught.value.query == "TM"


@pytest.mark.parametrize("count", [-1, 1.5, True])
def test_sequence_count_must_be_a_natural_number(count: int) -> None:
    """A projection needs a count of 0 or more."""
    with refused("alphabetical rotation", f"count must be an int >= 0 (got {count!r})"):
        SHORT.sequence(TR, OTS, count)
    with refused("fixed-sequence rotation", f"count must be an int >= 0 (got {count!r})"):
        CYCLE.sequence(TR, OTS, count)


def test_sequence_of_zero_turns_is_empty() -> None:
    """Projecting no turns gives an empty tuple."""
    assert SHORT.sequence(TR, OTS, 0) == ()


# --- fixed sequence ---------------------------------------------------------------------


def test_fixed_sequence_follows_the_cycle() -> None:
    """A fixed cycle is walked in its own order, whatever the names."""
    assert holders(CYCLE.sequence("UZ", OTS, 6)) == ["TR", "AZ", "KZ", "KG", "UZ", "TR"]
    assert CYCLE.describe() == "a fixed cycle in the order given"


def test_fixed_sequence_skips_ids_not_in_the_pool() -> None:
    """Ids of the cycle that are not in the pool are passed over, and the turn says so."""
    turn = CYCLE.next_after(TR, [TR, KG, UZ], on="2022-01-01")
    assert turn.holder == KG
    assert turn.skipped == (("AZ", "not in the pool"), ("KZ", "not in the pool"))
    assert turn.explain() == (
        "Order: a fixed cycle in the order given: Turkey, AZ, KZ, Kyrgyzstan, Uzbekistan. "
        "Previous holder: Turkey. Passed over: AZ (not in the pool); KZ (not in the pool). "
        "Next after Turkey in that order, passing over those: Kyrgyzstan."
    )


def test_fixed_sequence_previous_holder_may_have_left_the_pool() -> None:
    """A previous holder still in the cycle but out of the pool is named as given."""
    assert CYCLE.next_after(TR, [AZ, UZ]).previous_name == "Türkiye"
    assert CYCLE.next_after("TR", [AZ, UZ]).previous_name == "TR"


def test_fixed_sequence_previous_holder_in_the_pool_is_named_by_the_pool_record() -> None:
    """A previous holder also in the pool is named as the pool records it, as alphabetically."""
    stale = State(id="TR", short_name="Anatolia", official_name="Anatolia")
    turn = CYCLE.next_after(stale, OTS)
    assert (turn.holder, turn.previous_name) == (AZ, "Türkiye")
    assert "Previous holder: Türkiye. Next after Türkiye in that order: Azerbaijan." in (
        turn.explain()
    )
    assert CYCLE.next_after("TR", OTS, on="2022-01-01").previous_name == "Turkey"


def test_fixed_sequence_without_previous_starts_the_cycle() -> None:
    """Without a previous holder the cycle starts from its first id in the pool."""
    turn = CYCLE.next_after(None, [UZ, KZ])
    assert turn.holder == KZ
    assert (turn.order, turn.names) == (CYCLE.cycle, ("TR", "AZ", "Kazakhstan", "KG", "Uzbekistan"))
    assert turn.skipped == (("TR", "not in the pool"), ("AZ", "not in the pool"))
    assert turn.explain() == (
        "Order: a fixed cycle in the order given: TR, AZ, Kazakhstan, KG, Uzbekistan. No "
        "previous holder. Passed over: TR (not in the pool); AZ (not in the pool). First in "
        "that order, passing over those: Kazakhstan."
    )


def test_fixed_sequence_previous_holder_must_be_in_the_cycle() -> None:
    """A previous holder outside the cycle cannot be placed."""
    with refused("fixed-sequence rotation", "the previous holder 'TM' is not in the cycle"):
        CYCLE.next_after(TM, OTS)


def test_fixed_sequence_pool_must_be_within_the_cycle() -> None:
    """A party of the pool outside the cycle cannot be given a place."""
    tn = State(id="TN", short_name="Tunisia", official_name="Republic of Tunisia")
    with refused("fixed-sequence rotation", "not in the cycle: TM, TN"):
        CYCLE.next_after(TR, [*OTS, TM, tn])


@pytest.mark.parametrize(
    ("cycle", "message"),
    [
        ((), "the cycle is empty"),
        (("TR", "AZ", "TR"), "the cycle repeats TR"),
        (("UZ", "TR", "AZ", "TR", "UZ"), "the cycle repeats TR, UZ"),
    ],
)
def test_fixed_sequence_cycle_is_non_empty_and_distinct(
    cycle: tuple[str, ...], message: str
) -> None:
    """A cycle must name at least one id, each once."""
    with refused("fixed-sequence rotation", message):
        FixedSequenceRotation(cycle)
    assert FixedSequenceRotation(["TR", "AZ"]).cycle == ("TR", "AZ")


# --- properties -------------------------------------------------------------------------

_ACCENTS = {
    "a": "á",
    "c": "ç",
    "e": "é",
    "g": "ğ",
    "i": "í",
    "n": "ñ",
    "o": "ö",
    "s": "ş",
    "u": "ü",
}

words = st.text(alphabet="abcdefghinosuz", min_size=1, max_size=6)
names = st.lists(words, min_size=1, max_size=3).map(" ".join)
party_ids = st.from_regex(r"[A-Z]{2,3}", fullmatch=True)


@st.composite
def pools(draw: st.DrawFn, min_size: int = 1, max_size: int = 8) -> list[State]:
    ids = draw(st.lists(party_ids, min_size=min_size, max_size=max_size, unique=True))
    return [State(id=i, short_name=draw(names), official_name=draw(names)) for i in ids]


@st.composite
def variants(draw: st.DrawFn, name: str) -> str:
    """The same name with letters in other cases and with accents added."""
    out = []
    for char in name:
        letter = _ACCENTS.get(char, char) if draw(st.booleans()) else char
        out.append(letter.upper() if draw(st.booleans()) else letter)
    return "".join(out)


rotations = st.sampled_from([SHORT, OFFICIAL])


@given(pools(), rotations, st.data())
def test_fixed_pool_is_visited_once_per_cycle(
    pool: list[State], rotation: AlphabeticalRotation, data: st.DataObject
) -> None:
    """Over a fixed pool each party holds exactly one turn per cycle, then the cycle repeats."""
    previous = data.draw(st.sampled_from(pool))
    turns = holders(rotation.sequence(previous, pool, 2 * len(pool)))
    assert sorted(turns[: len(pool)]) == sorted(p.id for p in pool)
    assert turns[: len(pool)] == turns[len(pool) :]
    assert turns[len(pool) - 1] == previous.id


@given(pools(min_size=2), rotations, st.data())
def test_result_ignores_input_order_case_and_accents(
    pool: list[State], rotation: AlphabeticalRotation, data: st.DataObject
) -> None:
    """Shuffling the pool and changing the case or accents of names changes no turn."""
    twins = [
        State(
            id=p.id,
            short_name=data.draw(variants(p.short_name)),
            official_name=data.draw(variants(p.official_name)),
        )
        for p in pool
    ]
    twins = data.draw(st.permutations(twins))
    index = data.draw(st.integers(0, len(pool) - 1))
    plain = rotation.sequence(pool[index].id, pool, len(pool))
    varied = rotation.sequence(pool[index].id, twins, len(pool))
    assert holders(plain) == holders(varied)
    assert plain[0].order == varied[0].order


@given(pools(), rotations, st.data(), st.integers(0, 12))
def test_sequence_is_repeated_next_after(
    pool: list[State], rotation: AlphabeticalRotation, data: st.DataObject, count: int
) -> None:
    """A projection equals asking for the next turn again and again."""
    start: State | None = data.draw(st.none() | st.sampled_from(pool))
    expected = []
    previous = start
    for _ in range(count):
        turn = rotation.next_after(previous, pool)
        expected.append(turn)
        previous = turn.holder
    assert rotation.sequence(start, pool, count) == tuple(expected)


@given(pools(), rotations, st.data())
def test_next_holder_is_the_first_key_after_the_previous(
    pool: list[State], rotation: AlphabeticalRotation, data: st.DataObject
) -> None:
    """The next holder has the least key above the previous holder's, else the least key."""
    taken = {p.id for p in pool}
    outsiders = pools(max_size=1).map(lambda p: p[0]).filter(lambda p: p.id not in taken)
    previous = data.draw(st.sampled_from(pool) | outsiders)
    name = NameOrder(rotation.order).name_of

    def key(party: State) -> tuple[str, str]:
        return (english_key(name(party)), party.id)

    later = [p for p in pool if key(p) > key(previous)]
    expected = min(later or pool, key=key)
    assert rotation.next_after(previous, pool).holder == expected


@given(pools(min_size=1), rotations, st.data())
def test_departed_previous_holder_keeps_its_place(
    pool: list[State], rotation: AlphabeticalRotation, data: st.DataObject
) -> None:
    """Removing the previous holder from the pool does not change who comes next."""
    previous = data.draw(pools(max_size=1)).pop()
    pool = [p for p in pool if p.id != previous.id]
    if pool:
        assert (
            rotation.next_after(previous, pool).holder
            == rotation.next_after(previous, [*pool, previous]).holder
        )


@given(st.lists(party_ids, min_size=1, max_size=8, unique=True), st.data())
def test_fixed_sequence_visits_the_cycle_in_order(cycle: list[str], data: st.DataObject) -> None:
    """A fixed sequence gives the ids of the pool in cycle order, from after the previous."""
    members = data.draw(st.lists(st.sampled_from(cycle), min_size=1, unique=True))
    pool = [State(id=i, short_name=i, official_name=i) for i in members]
    previous = data.draw(st.sampled_from(cycle))
    start = cycle.index(previous) + 1
    expected = [i for i in cycle[start:] + cycle[:start] if i in members]
    turns = FixedSequenceRotation(tuple(cycle)).sequence(previous, pool, len(expected))
    assert holders(turns) == expected
