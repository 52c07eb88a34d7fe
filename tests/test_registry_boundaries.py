"""The registry on both sides of every boundary day, with many hosts, and its checks."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from turkicorg import (
    InvalidDataError,
    Meeting,
    MeetingRegistry,
    PartialDate,
    Participant,
    Place,
)
from turkicorg import strategies as tst
from turkicorg.errors import ErrorDetail
from turkicorg.registry import registry_problems
from turkicorg.registry.checks import fast_check

DAY = dt.timedelta(days=1)


def meeting(meeting_id: str, start: str, end: str | None = None, **fields: Any) -> Meeting:
    fields.setdefault("body", "CFM")
    fields.setdefault("kind", "regular")
    fields.setdefault("title", meeting_id)
    fields.setdefault("sources", ("https://example.org/source",))
    return Meeting(id=meeting_id, start=start, end=end, **fields)


def ids(meetings: Any) -> list[str]:
    return [m.id for m in meetings]


def ordered(meetings: Any) -> list[Meeting]:
    return sorted(meetings, key=lambda m: (m.earliest, m.id))


def overlapping(meetings: Any, lo: dt.date, hi: dt.date) -> list[str]:
    return [m.id for m in ordered(meetings) if m.earliest <= hi and lo <= m.latest]


def inside(meetings: Any, lo: dt.date, hi: dt.date) -> list[str]:
    return [m.id for m in ordered(meetings) if lo <= m.earliest and m.latest <= hi]


# Boundary days: a meeting's first and last day, the day before and the day after ------------


@st.composite
def boundary_cases(draw: st.DrawFn) -> tuple[list[Meeting], Meeting, dt.date]:
    """Meetings, one of them, and a day next to its first or last day (or on it)."""
    meetings = draw(tst.meeting_lists(min_size=1, max_size=20))
    chosen = draw(st.sampled_from(meetings))
    edge = draw(st.sampled_from([chosen.earliest, chosen.latest]))
    return meetings, chosen, edge + draw(st.sampled_from([-1, 0, 1])) * DAY


@given(boundary_cases())
def test_date_queries_on_both_sides_of_a_meetings_first_and_last_day(
    case: tuple[list[Meeting], Meeting, dt.date],
) -> None:
    """A day query, an open range, next/previous/latest: each equals counting the days."""
    meetings, chosen, day = case
    registry = MeetingRegistry(meetings)
    assert ids(registry.filter(between=(day, day))) == overlapping(meetings, day, day)
    assert (chosen.id in ids(registry.filter(between=(day, day)))) == (
        chosen.earliest <= day <= chosen.latest
    )
    assert ids(registry.filter(between=(day, None))) == overlapping(meetings, day, dt.date.max)
    assert ids(registry.filter(between=(None, day))) == overlapping(meetings, dt.date.min, day)
    assert ids(registry.filter(between=(day, None), strict=True)) == inside(
        meetings, day, dt.date.max
    )
    assert ids(registry.filter(between=(None, day), strict=True)) == inside(
        meetings, dt.date.min, day
    )
    after = [m for m in ordered(meetings) if m.earliest > day]
    before = [m for m in ordered(meetings) if m.earliest < day]
    started = [m for m in ordered(meetings) if m.earliest <= day]
    assert registry.next(after=day) == (after[0] if after else None)
    assert registry.previous(before=day) == (before[-1] if before else None)
    assert registry.latest(on=day) == (started[-1] if started else None)


@given(boundary_cases(), st.sampled_from([-1, 0, 1]), st.booleans())
def test_strict_ranges_on_both_sides_of_a_meeting(
    case: tuple[list[Meeting], Meeting, dt.date], shift: int, strict: bool
) -> None:
    """Ranges from a day around the first day to a day around the last day, and a year."""
    meetings, chosen, _ = case
    registry = MeetingRegistry(meetings)
    lo, hi = chosen.earliest + shift * DAY, chosen.latest - shift * DAY
    if lo <= hi:
        found = ids(registry.filter(between=(lo, hi), strict=strict))
        assert found == (inside if strict else overlapping)(meetings, lo, hi)
        assert (chosen.id in found) == (shift <= 0 or not strict)
    year = chosen.earliest.year
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    assert ids(registry.filter(year=year, strict=strict)) == (
        (inside if strict else overlapping)(meetings, first, last)
    )


@pytest.mark.parametrize("year", [1, 9999])
def test_the_first_and_last_year_are_queries(year: int) -> None:
    """year= takes 1 and 9999 (0 and 10000 are refused)."""
    registry = MeetingRegistry(
        [meeting("first", "0001-01-01"), meeting("last", "9999-12-31"), meeting("y", "2022")]
    )
    expected = ["first"] if year == 1 else ["last"]
    assert ids(registry.filter(year=year)) == expected
    assert ids(registry.filter(year=year, strict=True)) == expected


def test_an_open_range_runs_to_the_end_of_the_calendar(monkeypatch: pytest.MonkeyPatch) -> None:
    """between=(day, None) is open: it is not cut at today (fixed here to the data horizon)."""
    monkeypatch.setattr("turkicorg.dates.today", lambda: dt.date(2026, 3, 11))
    registry = MeetingRegistry(
        [meeting("past", "2022-05-01"), meeting("soon", "2027-01"), meeting("end", "9999-12-31")]
    )
    assert ids(registry.filter(between=("2022-05-01", None))) == ["past", "soon", "end"]
    assert ids(registry.filter(between=("2022-05-02", None))) == ["soon", "end"]
    assert ids(registry.filter(between=(None, "2027-01-01"))) == ["past", "soon"]
    assert ids(registry.filter(between=(None, "2027-01-01"), strict=True)) == ["past"]
    assert ids(registry.filter(between=(None, None), strict=True)) == ["past", "soon", "end"]


def test_year_and_between_meeting_on_one_day() -> None:
    """A year and a range that share one day: a meeting on that day lies inside both."""
    registry = MeetingRegistry(
        [
            meeting("new-year", "2022-01-01"),
            meeting("eve", "2021-12-31"),
            meeting("two-days", "2021-12-31", "2022-01-01"),
        ]
    )
    between = ("2021-06", "2022-01-01")
    assert ids(registry.filter(year=2022, between=between, strict=True)) == ["new-year"]
    assert ids(registry.filter(year=2022, between=between)) == ["two-days", "new-year"]
    # Disjoint by one day: only a meeting that may cover a day of each passes, never strictly.
    assert ids(registry.filter(year=2022, between=("2021-06", "2021-12-31"))) == ["two-days"]
    assert ids(registry.filter(year=2022, between=("2021-06", "2021-12-31"), strict=True)) == []


def test_next_and_previous_stay_inside_a_year() -> None:
    """With ``year=``, ``previous``/``next`` never answer a meeting of another year, even
    when one lies between the year and the day asked about."""
    registry = MeetingRegistry(
        [
            meeting("a", "2021-11-02"),
            meeting("b", "2022-03-10"),
            meeting("c", "2022-05-20"),
            meeting("d", "2023-01-15"),
            meeting("e", "2023-02-01"),
        ]
    )
    previous = registry.previous
    assert previous(before="2023-06-01", year=2022).id == "c"  # type: ignore[union-attr]
    assert previous(before="2022-05-20", year=2022).id == "b"  # type: ignore[union-attr]
    assert previous(before="2022-03-10", year=2022) is None
    assert previous(before="2023-06-01", year=2023).id == "e"  # type: ignore[union-attr]
    assert registry.next(after="2021-01-01", year=2022).id == "b"  # type: ignore[union-attr]
    assert registry.next(after="2022-05-20", year=2022) is None
    assert registry.next(after="2022-05-19", year=2022).id == "c"  # type: ignore[union-attr]


# More than 256 hosts: the one-byte columns of codes --------------------------------------------


def test_more_than_256_hosts_and_participants() -> None:
    """300 hosts: each host, participant and country filter finds exactly its meetings."""
    parties = [f"P{i:03d}" for i in range(300)]
    meetings = [
        meeting(
            f"m{i:03d}",
            f"{2000 + i % 20}-{1 + i % 12:02d}-{1 + i % 28:02d}",
            host=party,
            body="CFM" if i % 2 else "COE",
            participants=(Participant(party=parties[(i + 1) % 300]),),
            place=Place(country=party),
        )
        for i, party in enumerate(parties)
    ]
    registry = MeetingRegistry(meetings)
    for i, party in enumerate(parties):
        own = meetings[i]
        guest = meetings[(i - 1) % 300]
        assert ids(registry.filter(host=party)) == [own.id]
        assert ids(registry.filter(country=party.lower())) == [own.id]
        assert ids(registry.filter(participant=party)) == ids(ordered([own, guest]))
        assert ids(registry.filter(host=party, organ=own.organ)) == [own.id]
        assert ids(registry.filter(host=party, year=own.earliest.year)) == [own.id]
        assert ids(registry.filter(host=party, year=own.earliest.year + 1)) == []
    assert ids(registry.filter(host="P299", participant="P000")) == ["m299"]
    assert ids(registry.filter(host="P256")) == ["m256"]
    assert ids(registry.filter(host="P000")) == ["m000"]
    assert len(registry.group_by("host")) == 300
    larger = registry.with_meetings(meeting("n", "2030-01-01", host="P300"))
    assert ids(larger.filter(host="P300")) == ["n"]
    assert ids(larger.filter(host="P044")) == ["m044"]


# Checks ------------------------------------------------------------------------------------


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["a", "b", "c", "d"]),
            st.none() | st.integers(1, 3),
            st.sampled_from(["COE", "CFM"]),
        ),
        max_size=6,
    )
)
def test_fast_check_agrees_with_registry_problems(rows: list[tuple[str, int | None, str]]) -> None:
    """The cheap check is True exactly when no id or (series, ordinal) pair repeats."""
    meetings = [
        meeting(meeting_id, "2022", body=body, ordinal=ordinal)
        for meeting_id, ordinal, body in rows
    ]
    assert fast_check(meetings) == (not registry_problems(meetings))


def test_fast_check_looks_at_ids_and_ordinals() -> None:
    assert fast_check([])
    assert fast_check([meeting("a", "2022", ordinal=1), meeting("b", "2022", ordinal=2)])
    assert fast_check([meeting("a", "2022"), meeting("b", "2022")])
    assert not fast_check([meeting("a", "2022"), meeting("a", "2023")])
    assert not fast_check([meeting("a", "2022", ordinal=1), meeting("b", "2023", ordinal=1)])
    assert fast_check(
        [meeting("a", "2022", ordinal=1), meeting("b", "2023", body="COE", ordinal=1)]
    )


def test_every_party_reference_is_checked() -> None:
    """Host, chair, initiator, country and each participant are named with value and path."""
    references = meeting(
        "a",
        "2022-01-01",
        host="H1",
        chair="C1",
        initiator="I1",
        place=Place(city="X", country="K1"),
        participants=(
            Participant(party="P0"),
            Participant(person="Someone"),
            Participant(party="P2"),
        ),
    )
    problems = registry_problems([references], "$.m", parties={"P0"})
    assert problems == [
        ErrorDetail("$.m[0].host", "unknown party id 'H1'", "H1"),
        ErrorDetail("$.m[0].chair", "unknown party id 'C1'", "C1"),
        ErrorDetail("$.m[0].initiator", "unknown party id 'I1'", "I1"),
        ErrorDetail("$.m[0].place.country", "unknown party id 'K1'", "K1"),
        ErrorDetail("$.m[0].participants[2].party", "unknown party id 'P2'", "P2"),
    ]
    known = {"H1", "C1", "I1", "K1", "P0", "P2"}
    assert registry_problems([references], parties=known) == []
    assert registry_problems([references]) == []


def test_the_problems_of_each_meeting_keep_message_and_value() -> None:
    """A meeting's own problems are located in the list, with their words and value."""
    broken = meeting("z", "2024-05-01")
    object.__setattr__(broken, "end", PartialDate(2024, 4, 1))  # bypass the Meeting check
    assert registry_problems([meeting("ok", "2024"), broken]) == [
        ErrorDetail("$.meetings[1].end", "the end lies before the start (2024-05-01)", "2024-04-01")
    ]
    with pytest.raises(InvalidDataError) as caught:
        MeetingRegistry([meeting("a", "2022"), meeting("a", "2023")])
    assert list(caught.value.errors) == [
        ErrorDetail("$.meetings[1].id", "duplicate meeting id (also at index 0)", "a")
    ]


def test_queries_that_keep_everything_return_the_registry_itself() -> None:
    """A registry is immutable: a query that keeps every meeting, or adds or removes none,
    answers the same object instead of a copy."""
    registry = MeetingRegistry(
        [meeting("a", "2022-01-01"), meeting("b", "2022-02-01", "2022-02-03")]
    )
    assert registry.filter() is registry
    assert registry.filter(year=2022) is registry
    assert registry.filter(organ="CFM", between=("2022", None)) is registry
    assert registry.with_meetings() is registry
    assert registry.without() is registry
    one = registry.filter(between=("2022-02-02", "2022-02-02"))
    assert one is not registry
    assert ids(one) == ["b"]
    assert ids(registry.filter(year=2023)) == []


def test_registry_hash_problems_prefix_and_unknown_ordinal() -> None:
    """A registry hashes as its tuple of meetings; problems are located under the prefix
    asked for; an unknown ordinal names the series and ordinal in every attribute."""
    from turkicorg.registry import UnknownOrdinalError  # noqa: PLC0415

    registry = MeetingRegistry(
        [meeting("a", "2022-01-01", host="KZ"), meeting("b", "2022-02-01", ordinal=3)]
    )
    assert hash(registry) == hash(registry.meetings)
    assert [(e.path, e.value) for e in registry.problems(parties={"TR"}, prefix="$.m")] == [
        ("$.m[0].host", "KZ")
    ]
    assert [e.path for e in registry.problems(parties={"TR"})] == ["$.meetings[0].host"]
    with pytest.raises(UnknownOrdinalError) as caught:
        registry.nth("CFM:regular", 4)
    error = caught.value
    assert (error.series, error.ordinal, error.meeting_id) == ("CFM:regular", 4, "CFM:regular #4")
    assert str(error) == "no meeting with ordinal 4 in series 'CFM:regular'"
    assert registry.nth("CFM:regular", 3).id == "b"


def test_adding_and_removing_name_what_is_wrong() -> None:
    """Adding something that is not a meeting names its type; removing an unknown id names
    that id (and removes nothing)."""
    from turkicorg import UnknownMeetingError  # noqa: PLC0415

    registry = MeetingRegistry([meeting("a", "2022-01-01")])
    with pytest.raises(TypeError, match=r"^expected a Meeting, got str$"):
        registry.with_meetings("b")  # type: ignore[arg-type]
    with pytest.raises(UnknownMeetingError) as caught:
        registry.without("a", "zz")
    assert caught.value.meeting_id == "zz"
    assert ids(registry) == ["a"]


def test_place_filters_keep_the_other_filters() -> None:
    """A place filter narrows what the other filters kept; it never widens it."""
    registry = MeetingRegistry(
        [
            meeting("cfm", "2022-01-01", place=Place(city="Baku", country="AZ")),
            meeting("coe", "2022-02-01", body="COE", place=Place(city="Baku", country="AZ")),
            meeting("cfm-2", "2023-03-01", place=Place(city="Baku", country="AZ")),
            meeting("cfm-ank", "2022-04-01", place=Place(city="Ankara", country="TR")),
        ]
    )
    assert ids(registry.filter(organ="CFM", city="baku")) == ["cfm", "cfm-2"]
    assert ids(registry.filter(year=2022, country="az")) == ["cfm", "coe"]
    assert ids(registry.filter(text="ank", country="AZ")) == []
    assert ids(registry.filter(organ="CFM", year=2022, city="Baku", country="AZ")) == ["cfm"]
