"""The organization's chairmanship: practice (summit handover) and the written rule."""

from __future__ import annotations

import datetime as dt
import itertools

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import turkicorg
from turkicorg import Meeting, MeetingStatus, Organization, Place
from turkicorg.chairmanship import (
    CalendarYearRotation,
    ChairTerm,
    SummitHandover,
    chair_on,
    ordinal,
)


@pytest.fixture(scope="module")
def ots() -> Organization:
    return turkicorg.load_default()


@pytest.mark.parametrize(
    ("day", "chair"),
    [
        ("2011-10-21", "KZ"),
        ("2012-08-22", "KZ"),
        ("2012-08-23", "KG"),
        ("2014-01-01", "AZ"),
        ("2015-01-01", "TR"),
        ("2017-06-01", "KZ"),
        ("2019-01-01", "KG"),
        ("2020-04-10", "AZ"),
        ("2021-11-12", "TR"),
        ("2023-01-01", "UZ"),
        ("2023-03-16", "UZ"),
        ("2024-01-01", "KZ"),
        ("2024-07-06", "KZ"),
        ("2025-05-21", "KG"),
        ("2025-10-06", "KG"),
        ("2025-10-07", "AZ"),
        ("2025-10-08", "AZ"),
    ],
)
def test_chair_on_sourced_days(ots: Organization, day: str, chair: str) -> None:
    """The chair on days across 2011-2025 matches the reported handovers."""
    term = ots.chair(on=day)
    assert term is not None
    assert term.state.id == chair
    assert not term.projected


def test_extraordinary_and_informal_summits_hand_nothing_over(ots: Organization) -> None:
    """Ankara 2023 was hosted by Türkiye but chaired by Uzbekistan; Budapest 2025 by Kyrgyzstan."""
    ankara = ots.meetings.get("chs-2023-03-16")
    assert (ankara.host, ankara.chair) == ("TR", "UZ")
    term = ots.chair(on="2023-03-16")
    assert term is not None
    assert term.state.id == ankara.chair
    budapest = ots.meetings.get("chs-2025-05-21")
    term = ots.chair(on="2025-05-21")
    assert term is not None
    assert term.state.id == budapest.chair == "KG"


def test_no_chair_before_the_first_summit(ots: Organization) -> None:
    """Before the 1st Summit (2011-10-21) the sources name no chair."""
    assert ots.chair(on="2011-10-20") is None


def test_history_is_contiguous_and_explained(ots: Organization) -> None:
    """Each term ends the day the next begins; every term says why."""
    terms = ots.chairs()
    assert [t.state.id for t in terms][:4] == ["KZ", "KG", "AZ", "TR"]
    for before, after in itertools.pairwise(terms):
        assert before.end == after.start
    assert terms[-1].end is None
    text = terms[-1].explain()
    assert "Azerbaijan chairs the organization from 2025-10-07" in text
    assert "12th Summit, Gabala" in text
    assert all(t.sources for t in terms)


def test_planned_summit_gives_a_projected_term(ots: Organization) -> None:
    """With planned summits, the 13th Summit (Türkiye, 2026) is a projection, not history."""
    terms = ots.chairs(policy=SummitHandover(include_planned=True))
    last = terms[-1]
    assert last.projected
    assert last.state.id == "TR"
    assert last.start is None
    assert "projected" in last.explain()
    assert "from a day not yet known" in last.explain()
    assert ots.chairs()[-1].state.id == "AZ"


def test_written_rule_for_comparison(ots: Organization) -> None:
    """The written rule rotates calendar years by official names: KZ, TR, KG, AZ, ..."""
    rule = CalendarYearRotation()
    terms = ots.chairs(policy=rule, until="2026-01-01")
    assert [t.state.id for t in terms[:5]] == ["KZ", "TR", "KG", "AZ", "KZ"]
    assert terms[0].start == dt.date(2011, 1, 1)
    assert terms[-1].basis == "calendar year 2026"
    assert "official names" in rule.description
    assert (
        "short names" in CalendarYearRotation(order=turkicorg.rotation.NameOrder.SHORT).description
    )
    term = ots.chair(on="2021-06-01", policy=rule)
    assert term is not None
    # Uzbekistan, a member since 2019-10-15, enters the rotation at its alphabetical place.
    assert term.state.id == "UZ"
    practice = ots.chair(on="2021-06-01")
    assert practice is not None
    assert practice.state.id == "AZ"


def test_ordinals() -> None:
    """English ordinals for summit labels."""
    assert [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 111, 112)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "111th", "112th",
    ]  # fmt: skip


def test_term_cover_half_open() -> None:
    """A term covers its first day and not its end day."""
    state = turkicorg.load_default().state("KZ")
    term = ChairTerm(
        state=state, start=dt.date(2020, 1, 1), end=dt.date(2021, 1, 1), policy="p", basis="b"
    )
    assert term.covers(dt.date(2020, 1, 1))
    assert not term.covers(dt.date(2021, 1, 1))
    assert "until 2021-01-01" in term.explain()


# Properties ---------------------------------------------------------------------------------

MEMBERS = ("AZ", "KZ", "KG", "TR", "UZ")


@st.composite
def summit_records(draw: st.DrawFn) -> list[Meeting]:
    days = draw(
        st.lists(
            st.dates(dt.date(2012, 1, 1), dt.date(2030, 12, 31)),
            min_size=1,
            max_size=12,
            unique=True,
        )
    )
    meetings = []
    ordinal_number = 0
    for index, day in enumerate(sorted(days)):
        kind = draw(st.sampled_from(["regular", "regular", "extraordinary", "informal"]))
        if kind == "regular":
            ordinal_number += 1
        host = draw(st.sampled_from(MEMBERS))
        meetings.append(
            Meeting(
                id=f"s-{index}",
                body="CHS",
                kind=kind,
                title="Summit",
                start=day,
                ordinal=ordinal_number if kind == "regular" else None,
                host=host,
                chair=draw(st.sampled_from(MEMBERS)),
                place=Place(city="X", country=host),
                status=draw(st.sampled_from([MeetingStatus.CONFIRMED, MeetingStatus.TENTATIVE])),
                sources=("https://example.org",),
            )
        )
    return meetings


@given(summit_records(), st.dates(dt.date(2011, 1, 1), dt.date(2032, 12, 31)))
def test_practice_agrees_with_a_brute_force_scan(meetings: list[Meeting], day: dt.date) -> None:
    """The chair is the host of the latest confirmed regular summit on or before the day."""
    org = turkicorg.load_default().with_meetings(meetings)
    held = [
        m
        for m in meetings
        if m.kind.value == "regular" and m.status is MeetingStatus.CONFIRMED and m.earliest <= day
    ]
    expected = max(held, key=lambda m: m.earliest).host if held else None
    term = org.chair(on=day)
    assert (term.state.id if term else None) == expected


@given(summit_records(), st.dates(dt.date(2011, 1, 1), dt.date(2032, 12, 31)))
def test_only_regular_summits_change_the_chair(meetings: list[Meeting], day: dt.date) -> None:
    """Removing every extraordinary and informal summit never changes the chair."""
    org = turkicorg.load_default().with_meetings(meetings)
    regular = [m for m in meetings if m.kind.value == "regular"]
    only_regular = org.with_meetings(regular)
    assert chair_on(org, day, None) == chair_on(only_regular, day, None)


@given(st.integers(min_value=2011, max_value=2040), st.sampled_from(MEMBERS))
def test_written_rule_visits_each_member_once_per_cycle(first_year: int, first: str) -> None:
    """With constant membership, every member chairs once in each run of five years."""
    ots = turkicorg.load_default()
    rule = CalendarYearRotation(first=first, first_year=first_year)
    start = max(first_year, 2020)
    terms = [
        t
        for t in ots.chairs(policy=rule, until=f"{start + 9}-01-01")
        if t.start.year >= start  # type: ignore[union-attr]
    ]
    for offset in range(0, len(terms) - 4, 5):
        window = terms[offset : offset + 5]
        assert sorted(t.state.id for t in window) == sorted(MEMBERS)


def test_summit_label_without_place() -> None:
    """A video summit is labelled as such; a summit without a place has no place."""
    video = Meeting(
        id="v", body="CHS", kind="regular", title="t", start="2030-01-01", ordinal=1,
        host="KZ", format="video", sources=("u",),
    )  # fmt: skip
    org = turkicorg.load_default().with_meetings([video])
    assert org.chairs()[0].basis == "1st Summit, video conference, 2030-01-01"
    nowhere = attrs.evolve(video, format="in_person")
    org = org.with_meetings([nowhere])
    assert org.chairs()[0].basis == "1st Summit, 2030-01-01"
