"""The organization model: lookups, memberships over time, names, posts, invariants."""

from __future__ import annotations

import datetime as dt
import json

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import turkicorg
from turkicorg import (
    InvalidDataError,
    Membership,
    Organ,
    Organization,
    PartialDate,
    Role,
    State,
    Status,
    UnknownStateError,
)
from turkicorg import strategies as tst


@pytest.fixture(scope="module")
def ots() -> Organization:
    return turkicorg.load_default()


FOUNDERS = ["AZ", "KZ", "KG", "TR"]


def ids(parties: tuple[State, ...]) -> list[str]:
    return sorted(p.id for p in parties)


# Examples pinned to sourced history --------------------------------------------------------


def test_founders_on_the_day_of_the_nakhchivan_agreement(ots: Organization) -> None:
    """Azerbaijan, Kazakhstan, Kyrgyzstan and Türkiye are members from 2009-10-03, not before."""
    assert ids(ots.members(on="2009-10-03")) == sorted(FOUNDERS)
    assert ots.members(on="2009-10-02") == ()
    assert all(m.founding for m in ots.memberships if m.party in FOUNDERS)


def test_uzbekistan_joins_at_the_7th_summit(ots: Organization) -> None:
    """Uzbekistan is a member from 2019-10-15 and not the day before."""
    assert ots.status_of("UZ", on="2019-10-14") is None
    assert ots.status_of("UZ", on="2019-10-15") is Status.MEMBER
    assert "UZ" in ids(ots.members(on="2019-10-15"))


@pytest.mark.parametrize(
    ("party", "since"),
    [
        ("HU", dt.date(2018, 9, 3)),
        ("TM", dt.date(2021, 11, 12)),
        ("TRNC", dt.date(2022, 11, 11)),
        ("ECO", dt.date(2023, 11, 3)),
    ],
)
def test_observers_from_their_summits(ots: Organization, party: str, since: dt.date) -> None:
    """Each observer holds the status from the summit that granted it, not the day before."""
    assert ots.status_of(party, on=since) is Status.OBSERVER
    assert ots.status_of(party, on=since - dt.timedelta(days=1)) is None
    assert party in ids(ots.observers(on=since))


def test_hungary_alternative_date_is_kept(ots: Organization) -> None:
    """The seed's 2019-09-03 for Hungary is kept as an alternative, not used."""
    membership = ots.membership_of("HU", on="2020-01-01")
    assert membership is not None
    assert str(membership.start) == "2018-09-03"
    assert [a.value for a in membership.alternatives] == ["2019-09-03"]
    assert membership.alternatives[0].sources
    assert ots.membership_of("HU", on="2000-01-01") is None


def test_name_changes_at_the_istanbul_summit(ots: Organization) -> None:
    """The organization is the CCTS until 2021-11-11 and the OTS from 2021-11-12."""
    assert ots.name(on="2021-11-11") == "Cooperation Council of Turkic Speaking States"
    assert ots.name(on="2021-11-12") == "Organization of Turkic States"
    assert ots.name_record(on="2021-11-11").short_name == "Turkic Council"
    assert ots.name(on="1990-01-01") == "Cooperation Council of Turkic Speaking States"


def test_secretary_general_after_the_samarkand_handover(ots: Organization) -> None:
    """Omuraliev took over on 2022-11-14; Amreyev held the post the day before."""
    sg = ots.secretary_general(on="2022-11-15")
    assert sg is not None
    assert sg.name == "Kubanychbek Omuraliev"
    before = ots.secretary_general(on="2022-11-13")
    assert before is not None
    assert before.name == "Baghdad Amreyev"
    assert ots.secretary_general(on="2009-01-01") is None


def test_turkey_becomes_turkiye(ots: Organization) -> None:
    """Türkiye's short and official names change on 2022-06-01."""
    tr = ots.state("TR")
    assert tr.name(on="2022-05-31") == "Turkey"
    assert tr.name(on="2022-06-01") == "Türkiye"
    assert tr.official_name_on(on="2022-05-31") == "Republic of Turkey"
    assert tr.official_name_on(on="2022-06-01") == "Republic of Türkiye"
    assert str(tr) == "Türkiye"


@pytest.mark.parametrize(
    "key", ["TR", "tr", "TUR", "turkiye", "Türkiye", "TURKEY", "Republic of Turkey"]
)
def test_lookup_any_id_code_or_name(ots: Organization, key: str) -> None:
    """Ids, ISO codes and every name find Türkiye, case- and accent-insensitively."""
    assert ots.state(key).id == "TR"
    assert ots.lookup(key).id == "TR"
    assert ots.get(key) is ots.state("TR")


def test_lookup_entities_and_organizations(ots: Organization) -> None:
    """Northern Cyprus and ECO are found by their codes and names."""
    assert ots.state("TRNC").kind is turkicorg.PartyKind.ENTITY
    assert ots.state("Turkish Republic of Northern Cyprus").id == "TRNC"
    assert ots.state("economic cooperation organization").id == "ECO"
    assert ots.state("TRNC").iso2 is None


def test_unknown_party(ots: Organization) -> None:
    """Unknown keys: get() gives None, state() raises UnknownStateError with suggestions."""
    assert ots.get("Atlantis") is None
    assert ots.get(42) is None  # type: ignore[arg-type]
    with pytest.raises(UnknownStateError) as info:
        ots.state("Turkmenstan")
    assert info.value.query == "Turkmenstan"
    assert info.value.suggestions[0] == "TM"
    assert "did you mean TM" in str(info.value)
    with pytest.raises(LookupError):
        ots.state("Atlantis")
    with pytest.raises(UnknownStateError):
        ots.status_of("Atlantis")


def test_search_ranks(ots: Organization) -> None:
    """Exact names rank first, then prefixes, then words, substrings and close spellings."""
    found = [p.id for p in ots.search("turk")]
    assert found[0] == "TR"
    assert {"TM", "TRNC", "TURKSOY", "TURKPA"} <= set(found)
    assert ots.search("kyrgyz")[0].id == "KG"
    assert ots.search("cyprus")[0].id == "TRNC"
    assert ots.search("Kazakstan")[0].id == "KZ"
    assert ots.search("") == []
    assert len(ots.search("republic", limit=2)) == 2


def test_party_index_protocols(ots: Organization) -> None:
    """The party index iterates, counts and answers membership tests."""
    index = ots._index
    assert len(index) == len(ots.parties)
    assert "turkey" in index
    assert ots.state("TR") in index
    assert 5 not in index
    assert next(iter(index)) is ots.parties[0]
    outsider = State(id="XO", short_name="Oz", official_name="Kingdom of Oz")
    assert index.get(outsider) is None


def test_organs_have_profiles(ots: Organization) -> None:
    """Every organ has a profile; the Council of Elders decides by consensus (sourced)."""
    assert {p.organ for p in ots.organs} == set(Organ)
    coe = ots.profile("COE")
    assert coe.decision_rule == "consensus"
    assert coe.decision_basis is turkicorg.DecisionBasis.SOURCED
    assert coe.cadences[0].months == 6
    assert coe.abbreviation == "COE"
    assert ots.profile(Organ.HEADS_OF_STATE).decision_basis is turkicorg.DecisionBasis.POLICY
    no_organs = attrs.evolve(ots, organs=())
    with pytest.raises(KeyError):
        no_organs.profile("CHS")


def test_elders_in_2024(ots: Organization) -> None:
    """Every member and observer state's elder recorded in mid-2024, one per state."""
    elders = ots.council_of_elders.elders(on="2024-06-01")
    with pytest.deprecated_call(match="council_of_elders.elders"):
        assert ots.elders(on="2024-06-01") == elders
    states = [a.state for a in elders]
    assert states == sorted(states)
    assert len(set(states)) == len(states)
    assert {"TR", "AZ", "KZ", "KG", "UZ", "HU", "TM", "TRNC"} <= set(states)
    assert ots.person("binali-yildirim").name == "Binali Yıldırım"
    with pytest.raises(KeyError):
        ots.person("nobody")
    chairs = ots.holders(Role.ELDERS_CHAIR, on="2024-06-01")
    assert [a.person for a in chairs] == ["binali-yildirim"]


def test_data_version_and_sources(ots: Organization, monkeypatch: pytest.MonkeyPatch) -> None:
    """The dataset exposes a version and a last-verified date; every fact has sources."""
    assert ots.data_version
    assert isinstance(ots.last_verified, dt.date)
    assert all(m.sources for m in ots.memberships)
    assert all(a.sources for a in ots.appointments)
    assert all(p.sources for p in ots.parties)
    assert all(t.sources for t in ots.treaties)
    assert all(m.sources for m in ots.meetings)
    assert ots.data_horizon is not None
    assert ots.last_verified <= ots.data_horizon
    # A fresh parse of the same files gives an equal organization, not the cached object.
    from turkicorg import data  # noqa: PLC0415

    monkeypatch.setattr(data, "_cache", {})
    fresh = turkicorg.load_default()
    assert fresh is not ots
    assert fresh == ots


def test_with_meetings_returns_a_new_organization(ots: Organization) -> None:
    """Replacing the registry leaves the original untouched."""
    empty = ots.with_meetings([])
    assert len(empty.meetings) == 0
    assert empty.with_meetings(empty.meetings).meetings == empty.meetings
    assert len(ots.meetings) == len(turkicorg.load_default().meetings)


# Invariants ----------------------------------------------------------------------------------


def test_bad_dataset_reports_every_problem_with_its_path(ots: Organization) -> None:
    """An overlapping membership, an unknown party and an impossible date are all reported."""
    document = turkicorg.serialize.to_document(ots)
    document["memberships"].append(
        {"party": "AZ", "status": "observer", "start": "2015-01-01", "sources": ["x"]}
    )
    document["memberships"].append(
        {"party": "XX", "status": "member", "start": "2015-01-01", "sources": ["x"]}
    )
    document["appointments"][0]["start"] = "2010-02-30"
    with pytest.raises(InvalidDataError) as info:
        turkicorg.serialize.from_document(document, Organization)
    paths = {e.path for e in info.value.errors}
    n = len(document["memberships"])
    assert "$.appointments[0].start" in paths
    # The date error stops construction first; fix it and both remaining problems appear.
    document["appointments"][0]["start"] = "2010"
    with pytest.raises(InvalidDataError) as info:
        turkicorg.serialize.from_document(document, Organization)
    paths = {e.path for e in info.value.errors}
    assert f"$.memberships[{n - 2}].start" in paths
    assert f"$.memberships[{n - 1}].party" in paths
    values = {e.value for e in info.value.errors}
    assert "XX" in values


def test_all_three_problems_at_once_in_one_file(tmp_path: object, ots: Organization) -> None:
    """One file with all three problems is rejected naming every one with its path."""
    document = turkicorg.serialize.to_document(ots)
    document["memberships"][0]["end"] = "2009-02-30"
    document["memberships"].append(
        {"party": "KZ", "status": "observer", "start": "2012-01-01", "sources": ["x"]}
    )
    document["memberships"].append(
        {"party": "ZZ", "status": "member", "start": "2015-01-01", "sources": ["x"]}
    )
    text = json.dumps(document)
    with pytest.raises(InvalidDataError) as info:
        turkicorg.loads(text, Organization)
    messages = "\n".join(str(e) for e in info.value.errors)
    assert "$.memberships[0].end" in messages
    assert "month" in messages or "day" in messages


def invalid(**changes: object) -> InvalidDataError:
    base = turkicorg.load_default()
    with pytest.raises(InvalidDataError) as info:
        attrs.evolve(base, **changes)
    return info.value


def test_invariants_on_construction() -> None:
    """Duplicates, backwards periods and dangling references are located."""
    ots = turkicorg.load_default()
    error = invalid(parties=(*ots.parties, ots.parties[0]))
    assert error.errors[0].path == f"$.parties[{len(ots.parties)}].id"
    error = invalid(people=(*ots.people, ots.people[0]))
    assert error.errors[0].path == f"$.people[{len(ots.people)}].id"
    error = invalid(names=())
    assert error.errors[0].path == "$.names"
    backwards = attrs.evolve(ots.memberships[0], end=PartialDate(2000))
    error = invalid(memberships=(backwards, *ots.memberships[1:]))
    assert error.errors[0].path == "$.memberships[0].end"
    error = invalid(organs=(*ots.organs, ots.organs[0]))
    assert error.errors[0].path.endswith(".organ")
    appointment = attrs.evolve(ots.appointments[0], person="ghost", state="XX")
    error = invalid(appointments=(appointment,))
    assert {e.path for e in error.errors} == {"$.appointments[0].person", "$.appointments[0].state"}
    treaty = attrs.evolve(ots.treaties[0], parties=("XX",))
    error = invalid(treaties=(treaty,))
    assert error.errors[0].path == "$.treaties[0].parties[0]"
    names = (attrs.evolve(ots.names[0], start=PartialDate(2020), end=PartialDate(2010)),)
    assert invalid(names=names).errors[0].path == "$.names[0].end"


def test_meeting_references_must_resolve() -> None:
    """A meeting naming an unknown host, chair, country or participant is rejected."""
    ots = turkicorg.load_default()
    meeting = turkicorg.Meeting(
        id="x-1",
        body="CHS",
        kind="regular",
        title="A summit",
        start="2020",
        host="XX",
        chair="YY",
        place=turkicorg.Place(city="Nowhere", country="ZZ"),
        participants=(turkicorg.Participant(party="QQ"),),
        sources=("https://example.org",),
    )
    with pytest.raises(InvalidDataError) as info:
        ots.with_meetings([meeting])
    assert {e.value for e in info.value.errors} == {"XX", "YY", "ZZ", "QQ"}


# Properties ------------------------------------------------------------------------------


@given(tst.organizations(), tst.days())
def test_at_most_one_status_per_day_and_agrees_with_brute_force(
    org: Organization, day: dt.date
) -> None:
    """On any day a party has at most one status; queries agree with a scan of the intervals."""
    for party in org.parties:
        active = [
            m.status
            for m in org.memberships
            if m.party == party.id
            and m.start.earliest <= day
            and (m.end is None or day < m.end.earliest)
        ]
        assert len(active) <= 1
        assert org.status_of(party.id, on=day) == (active[0] if active else None)
    members = {m.party for m in org.memberships if m.status is Status.MEMBER and m.active(day)}
    assert {p.id for p in org.members(on=day)} == members
    observers = {m.party for m in org.memberships if m.status is Status.OBSERVER and m.active(day)}
    assert {p.id for p in org.observers(on=day)} == observers
    assert not members & observers


@given(tst.organizations(), st.data())
def test_every_generated_party_is_found_by_each_of_its_names(
    org: Organization, data: st.DataObject
) -> None:
    """Each party is found by its id; a name finds a party carrying that name."""
    for party in org.parties:
        assert org.state(party.id) is party
        name = data.draw(st.sampled_from(party.all_names()))
        found = org.state(name.upper())
        assert any(turkicorg.text.fold(n) == turkicorg.text.fold(name) for n in found.all_names())


@given(tst.organizations())
def test_overlapping_membership_is_always_rejected(org: Organization) -> None:
    """Adding a membership that overlaps an existing one of the same party fails."""
    if not org.memberships:
        return
    first = org.memberships[0]
    clash = Membership(party=first.party, status=Status.OBSERVER, start=first.start)
    with pytest.raises(InvalidDataError) as info:
        attrs.evolve(org, memberships=(*org.memberships, clash))
    assert any("overlaps" in e.message for e in info.value.errors)
