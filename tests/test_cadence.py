"""Cadences: expected schedules, gaps in the record and the next meeting due."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from turkicorg import (
    Cadence,
    DecisionBasis,
    Meeting,
    MeetingRegistry,
    Organ,
    OrganProfile,
    PolicyError,
    load_default,
)
from turkicorg import cadence as rhythm
from turkicorg import strategies as tst
from turkicorg.cadence import Due, Gap, counted_meetings, resolve_cadence

HALF_YEAR = Cadence(kind="regular", months=6, description="twice a year", sources=("s",))
SEPTEMBER = Cadence(kind="informal", months=12, month=9, description="UNGA", sources=("s",))


def profile(organ: Organ, *cadences: Cadence) -> OrganProfile:
    return OrganProfile(
        organ=organ,
        name=organ.name,
        role="r",
        decision_rule="consensus",
        decision_basis=DecisionBasis.POLICY,
        cadences=cadences,
    )


def meeting(meeting_id: str, start: str, end: str | None = None, **fields: Any) -> Meeting:
    fields.setdefault("body", "COE")
    fields.setdefault("kind", "regular")
    return Meeting(
        id=meeting_id, title=meeting_id, start=start, end=end, sources=("https://x.org",), **fields
    )


@pytest.fixture
def elders() -> MeetingRegistry:
    return MeetingRegistry(
        [
            meeting("a", "2019-03-01"),
            meeting("b", "2019-10"),
            meeting("cancelled", "2020-05-01", status="cancelled"),
            meeting("d", "2021-01"),
            meeting("c", "2021-05-05", "2021-05-06"),
            meeting("informal", "2020-06-01", kind="informal"),
            meeting("cfm", "2020-06-01", body="CFM"),
            meeting("planned", "2023-01-10", status="tentative"),
        ]
    )


# Where the cadence comes from ---------------------------------------------------------------


def embedded(organ: str) -> OrganProfile:
    """The profile of an organ in the embedded data."""
    return load_default().profile(organ)


def test_embedded_profiles_give_the_cadences() -> None:
    """The embedded organ profiles give the rhythm, with their sources."""
    assert resolve_cadence("COE", profile=embedded("COE")).months == 6
    assert resolve_cadence("COE", profile=embedded("COE")) == embedded("COE").cadences[0]
    assert resolve_cadence(Organ.HEADS_OF_STATE, profile=embedded("CHS")).months == 12
    informal = resolve_cadence("CFM", kind="informal", profile=embedded("CFM"))
    assert (informal.months, informal.month) == (12, 9)
    assert informal.sources
    assert resolve_cadence("CFM", profile=embedded("CFM")).kind == "regular"


def test_explicit_cadence_and_profile_take_precedence() -> None:
    """An explicit cadence wins over a profile; a profile's cadences are used otherwise."""
    assert resolve_cadence("SOC", cadence=HALF_YEAR) is HALF_YEAR
    assert resolve_cadence("SOC", cadence=HALF_YEAR, kind="regular") is HALF_YEAR
    soc = profile(Organ.SENIOR_OFFICIALS, SEPTEMBER)
    assert resolve_cadence("SOC", profile=soc) is SEPTEMBER
    assert resolve_cadence("SOC", profile=soc, kind="informal") is SEPTEMBER
    assert resolve_cadence("COE", cadence=HALF_YEAR, profile=embedded("COE")) is HALF_YEAR


@pytest.mark.parametrize("organ", ["COE", Organ.HEADS_OF_STATE, "SOC"])
def test_a_cadence_or_a_profile_is_required(organ: Organ | str) -> None:
    """Without a cadence or a profile no data is read: PolicyError, naming the organ."""
    name = Organ(organ).value
    with pytest.raises(PolicyError, match=f"^cadence: no cadence or profile given for {name}") as e:
        resolve_cadence(organ)
    assert e.value.policy == "cadence"
    registry = MeetingRegistry([meeting("a", "2019-03-01")])
    with pytest.raises(PolicyError, match=f"no cadence or profile given for {name}"):
        rhythm.gaps(registry, organ, between=("2019", "2020"))
    with pytest.raises(PolicyError, match=f"no cadence or profile given for {name}"):
        rhythm.due(registry, organ, on="2020-01-01")
    with pytest.raises(PolicyError, match=f"no cadence or profile given for {name}"):
        rhythm.expected(registry, organ, between=("2019", "2020"))


def test_the_registry_has_no_cadence_methods() -> None:
    """Cadences are rules (turkicorg.cadence, Organization), not registry queries."""
    for name in ("expected", "gaps", "due"):
        assert not hasattr(MeetingRegistry, name)


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"organ": "SOC", "profile": "SOC"}, "no cadence is stated for SOC"),
        (
            {"organ": "CHS", "kind": "mission", "profile": "CHS"},
            "no cadence is stated for mission meetings of CHS",
        ),
        ({"organ": "COE", "kind": "informal", "cadence": HALF_YEAR}, "about regular meetings"),
        (
            {"organ": "COE", "profile": profile(Organ.SECRETARIAT)},
            "the profile given is of SEC, not COE",
        ),
    ],
)
def test_no_cadence_is_a_policy_error(arguments: dict[str, Any], message: str) -> None:
    """Organs without a stated rhythm, or disagreeing arguments, raise PolicyError."""
    if isinstance(arguments.get("profile"), str):
        arguments = {**arguments, "profile": embedded(arguments["profile"])}
    with pytest.raises(PolicyError, match=message) as caught:
        resolve_cadence(**arguments)
    assert caught.value.policy == "cadence"
    assert str(caught.value).startswith("cadence: ")


def test_counted_meetings_leave_out_cancelled_and_other_kinds(elders: MeetingRegistry) -> None:
    """Only held meetings of the organ and kind count: not cancelled, not planned."""
    assert [m.id for m in counted_meetings(elders, "COE", HALF_YEAR)] == ["a", "b", "d", "c"]


# expected() ------------------------------------------------------------------------------


def test_expected_steps_from_the_first_meeting(elders: MeetingRegistry) -> None:
    """The schedule is an rrule from the first counted meeting, clipped to the range."""
    schedule = rhythm.expected(elders, "COE", between=("2020", "2021"), cadence=HALF_YEAR)
    assert schedule.anchor == "a"
    assert [str(o) for o in schedule] == ["2020-03-01", "2020-09-01", "2021-03-01", "2021-09-01"]
    assert len(schedule) == 4
    assert schedule.rule is not None
    assert (schedule.first, schedule.last) == (dt.date(2020, 1, 1), dt.date(2021, 12, 31))


def test_expected_keeps_the_precision_of_the_anchor() -> None:
    """A month anchor gives months; a year anchor gives years for yearly rhythms."""
    by_month = MeetingRegistry([meeting("m", "2022-08")])
    assert [
        str(o)
        for o in rhythm.expected(by_month, "COE", between=("2022", "2023"), cadence=HALF_YEAR)
    ] == [
        "2022-08",
        "2023-02",
        "2023-08",
    ]
    by_year = MeetingRegistry([meeting("y", "2015", body="CHS")])
    yearly = Cadence(kind="regular", months=12)
    assert [
        str(o) for o in rhythm.expected(by_year, "CHS", between=("2016", "2017"), cadence=yearly)
    ] == [
        "2016",
        "2017",
    ]
    assert [
        str(o) for o in rhythm.expected(by_year, "CHS", between=("2016", "2016"), cadence=HALF_YEAR)
    ] == [
        "2016-01",
        "2016-07",
    ]


def test_expected_clips_late_days_to_the_end_of_the_month() -> None:
    """A meeting on the 31st is expected again on the last day of shorter months."""
    registry = MeetingRegistry([meeting("m", "2023-08-31")])
    schedule = rhythm.expected(
        registry, "COE", between=("2023-08-31", "2025-03"), cadence=HALF_YEAR
    )
    assert [str(o) for o in schedule] == ["2023-08-31", "2024-02-29", "2024-08-31", "2025-02-28"]


def test_expected_in_a_named_month() -> None:
    """A cadence tied to September gives every September, with or without a meeting."""
    registry = MeetingRegistry([meeting("u", "2015-09-23", body="CFM", kind="informal")])
    schedule = rhythm.expected(
        registry, "CFM", between=("2016-01", "2018-09-15"), cadence=SEPTEMBER
    )
    assert [str(o) for o in schedule] == ["2016-09", "2017-09", "2018-09"]
    assert schedule.anchor == "u"
    empty = rhythm.expected(
        MeetingRegistry(), "CFM", between=("2016", "2017"), kind="informal", profile=embedded("CFM")
    )
    assert empty.anchor is None
    assert [str(o) for o in empty] == ["2016-09", "2017-09"]


def test_nothing_is_expected_without_a_meeting_to_count_from() -> None:
    """A stepping cadence needs a meeting in or before the range."""
    registry = MeetingRegistry([meeting("late", "2030-01-01")])
    schedule = rhythm.expected(registry, "COE", between=("2020", "2021"), cadence=HALF_YEAR)
    assert (schedule.occurrences, schedule.anchor, schedule.rule) == ((), None, None)


@given(tst.days(dt.date(1990, 1, 1), dt.date(2030, 12, 31)), st.integers(1, 24))
def test_schedule_agrees_with_relativedelta(day: dt.date, months: int) -> None:
    """The k-th occurrence of the rrule is the anchor plus k times the interval (clipped)."""
    registry = MeetingRegistry([meeting("m", day.isoformat())])
    cadence = Cadence(kind="regular", months=months)
    until = day + relativedelta(months=5 * months)
    schedule = rhythm.expected(registry, "COE", between=(day, until), cadence=cadence)
    assert [o.earliest for o in schedule] == [
        day + relativedelta(months=k * months) for k in range(6)
    ]


# gaps() and due() ------------------------------------------------------------------------


def test_gaps_are_periods_longer_than_the_interval(elders: MeetingRegistry) -> None:
    """Each period without a meeting in which an expected window passed is a gap."""
    found = rhythm.gaps(elders, "COE", between=("2019", "2022"), cadence=HALF_YEAR)
    assert found == (
        Gap(
            start=dt.date(2019, 3, 2),
            end=dt.date(2019, 9, 30),
            expected_interval_months=6,
            missing=1,
            last_before="a",
            first_after="b",
        ),
        Gap(
            start=dt.date(2019, 11, 1),
            end=dt.date(2020, 12, 31),
            expected_interval_months=6,
            missing=2,
            last_before="b",
            first_after="d",
        ),
        Gap(
            start=dt.date(2021, 5, 7),
            end=dt.date(2022, 12, 31),
            expected_interval_months=6,
            missing=3,
            last_before="c",
        ),
    )
    assert found[1].days == 427
    assert str(found[0]) == (
        "2019-03-02/2019-09-30: 1 expected meeting(s) missing (every 6 months) after a until b"
    )
    assert str(found[2]).endswith("after c")
    assert (
        rhythm.gaps(elders, "COE", between=("2020-01", "2020-02"), cadence=HALF_YEAR) == found[1:2]
    )
    assert rhythm.gaps(elders, "COE", between=("2010", "2018"), cadence=HALF_YEAR) == ()


def test_gaps_in_a_named_month() -> None:
    """A missed September is a gap of a September cadence; other months do not count."""
    registry = MeetingRegistry(
        [
            meeting("u15", "2015-09-23", body="CFM", kind="informal"),
            meeting("u16", "2016-09", body="CFM", kind="informal"),
            meeting("u19", "2019-09-19", body="CFM", kind="informal"),
            meeting("u20", "2020-08-01", body="CFM", kind="informal"),
        ]
    )
    informal = embedded("CFM")
    found = rhythm.gaps(
        registry, "CFM", between=("2015", "2021"), kind="informal", profile=informal
    )
    assert [(g.last_before, g.first_after, g.missing) for g in found] == [
        ("u16", "u19", 2),
        ("u20", None, 2),
    ]
    due = rhythm.due(registry, "CFM", on="2020-09-15", kind="informal", profile=informal)
    assert (due.last, due.window, due.overdue) == (
        "u20",
        (dt.date(2020, 9, 1), dt.date(2020, 9, 30)),
        False,
    )


def test_due_after_the_last_meeting(elders: MeetingRegistry) -> None:
    """The next meeting is due one interval after the last one; late, it is overdue."""
    before = rhythm.due(elders, "COE", on="2021-06-01", cadence=HALF_YEAR)
    assert before == Due(
        organ=Organ.COUNCIL_OF_ELDERS,
        kind="regular",
        on=dt.date(2021, 6, 1),
        last="c",
        earliest=dt.date(2021, 11, 1),
        latest=dt.date(2021, 11, 30),
        interval_months=6,
        missed=0,
        next_recorded="planned",
    )
    assert not before.overdue
    assert str(before) == (
        "next COE regular meeting expected 2021-11-01/2021-11-30, as of 2021-06-01; "
        "next recorded: planned"
    )
    late = rhythm.due(elders, "COE", on="2022-06-01", cadence=HALF_YEAR)
    assert (late.overdue, late.missed) == (True, 2)
    assert (
        str(late)
        == "next COE regular meeting expected 2021-11-01/2021-11-30, overdue on 2022-06-01 "
        "(2 missed); next recorded: planned"
    )
    by_month = rhythm.due(elders, "COE", on="2019-12-01", cadence=HALF_YEAR)
    assert by_month.window == (dt.date(2020, 4, 1), dt.date(2020, 4, 30))
    assert str(by_month).startswith("next COE regular meeting expected 2020-04-01/2020-04-30")
    assert rhythm.due(elders, "COE", on="2030-01-01", cadence=HALF_YEAR).next_recorded is None


def test_windows_count_from_the_meeting_that_may_have_started_last() -> None:
    """A meeting known only as "2021" may have been in December: windows count from it."""
    registry = MeetingRegistry([meeting("year", "2021"), meeting("day", "2021-05-05")])
    due = rhythm.due(registry, "COE", on="2021-06-01", cadence=HALF_YEAR)
    assert (due.last, due.window) == ("year", (dt.date(2021, 7, 1), dt.date(2022, 6, 30)))
    found = rhythm.gaps(registry, "COE", between=("2021", "2022"), cadence=HALF_YEAR)
    assert found == (
        Gap(
            start=dt.date(2022, 1, 1),
            end=dt.date(2022, 12, 31),
            expected_interval_months=6,
            missing=2,
            last_before="year",
        ),
    )


def test_due_without_a_meeting_is_a_policy_error(elders: MeetingRegistry) -> None:
    """Nothing can be due before the first counted meeting."""
    with pytest.raises(
        PolicyError, match=r"^cadence: no regular meeting of COE is recorded by 2018-01-01$"
    ) as caught:
        rhythm.due(elders, "COE", on="2018-01-01", cadence=HALF_YEAR)
    assert caught.value.policy == "cadence"


def test_the_calendar_ends_in_9999() -> None:
    """Windows after the year 9999 do not exist: no due date, no gap beyond."""
    registry = MeetingRegistry([meeting("end", "9999-08-01")])
    with pytest.raises(
        PolicyError, match=r"^cadence: no meeting can be expected after end \(year 9999\)$"
    ) as caught:
        rhythm.due(registry, "COE", on="9999-12-31", cadence=HALF_YEAR)
    assert caught.value.policy == "cadence"
    assert rhythm.gaps(registry, "COE", between=("9999", "9999"), cadence=HALF_YEAR) == ()
    schedule = rhythm.expected(registry, "COE", between=("9999", "9999"), cadence=HALF_YEAR)
    assert [str(o) for o in schedule] == ["9999-08-01"]
    september = MeetingRegistry([meeting("u", "9999-09-01", body="CFM", kind="informal")])
    assert rhythm.gaps(september, "CFM", between=("9999", "9999"), cadence=SEPTEMBER) == ()


def test_default_today_for_due(elders: MeetingRegistry, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without on=, due() answers as of today (fixed here: no test reads the clock)."""
    for day in (dt.date(2021, 6, 1), dt.date(2022, 6, 1)):
        monkeypatch.setattr("turkicorg.dates.today", lambda day=day: day)
        assert rhythm.due(elders, "COE", cadence=HALF_YEAR) == rhythm.due(
            elders, "COE", on=day, cadence=HALF_YEAR
        )


@given(tst.meeting_lists(max_size=15), tst.days(dt.date(2008, 1, 1), dt.date(2027, 12, 31)))
def test_gaps_hold_no_meeting_and_agree_with_due(meetings: list[Meeting], day: dt.date) -> None:
    """No counted meeting starts inside a gap; the last gap is what due() says the day after."""
    registry = MeetingRegistry(meetings)
    counted = counted_meetings(registry, "COE", HALF_YEAR)
    found = rhythm.gaps(registry, "COE", between=("2008", day), cadence=HALF_YEAR)
    for gap in found:
        assert gap.missing >= 1
        assert gap.start <= gap.end
        assert not any(gap.start <= m.earliest <= gap.end for m in counted)
        assert not any(m.earliest <= gap.start <= m.latest for m in counted)
    assert all(a.end < b.start for a, b in itertools.pairwise(found))
    started = [m for m in counted if m.earliest <= day]
    ongoing = any(m.latest >= day for m in started)
    if started and not ongoing and not any(m.earliest > day for m in counted):
        due = rhythm.due(registry, "COE", on=day + dt.timedelta(days=1), cadence=HALF_YEAR)
        trailing = [g for g in found if g.first_after is None]
        assert due.missed == (trailing[0].missing if trailing else 0)
        assert all(g.last_before == due.last for g in trailing)
        assert due.last == max(reversed(started), key=lambda m: m.start.latest).id
        assert due.earliest > max(m.start.earliest for m in started)
