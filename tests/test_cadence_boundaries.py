"""Cadences on both sides of every boundary day: windows, gaps, ranges, the horizon, ties."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from turkicorg import (
    Cadence,
    DecisionBasis,
    Meeting,
    MeetingRegistry,
    Organ,
    OrganProfile,
    PartialDate,
    PolicyError,
)
from turkicorg import cadence as rhythm
from turkicorg import strategies as tst
from turkicorg.cadence import Due, Gap, Schedule, resolve_cadence

HALF_YEAR = Cadence(kind="regular", months=6, description="twice a year", sources=("s",))
MONTHLY = Cadence(kind="regular", months=1)
SEPTEMBER = Cadence(kind="informal", months=12, month=9, description="UNGA", sources=("s",))
EVERY_OTHER_SEPTEMBER = Cadence(kind="informal", months=24, month=9)
DAY = dt.timedelta(days=1)


def meeting(meeting_id: str, start: str, end: str | None = None, **fields: Any) -> Meeting:
    fields.setdefault("body", "COE")
    fields.setdefault("kind", "regular")
    return Meeting(
        id=meeting_id, title=meeting_id, start=start, end=end, sources=("https://x.org",), **fields
    )


def informal(meeting_id: str, start: str) -> Meeting:
    return meeting(meeting_id, start, body="CFM", kind="informal")


def profile(organ: Organ, *cadences: Cadence) -> OrganProfile:
    return OrganProfile(
        organ=organ,
        name=organ.name,
        role="r",
        decision_rule="consensus",
        decision_basis=DecisionBasis.POLICY,
        cadences=cadences,
    )


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


# One meeting on 15 January 2021, twice a year: the windows are July 2021, January 2022, ...
JANUARY = MeetingRegistry([meeting("jan", "2021-01-15")])


# resolve_cadence ---------------------------------------------------------------------------


def test_without_kind_the_regular_cadence_wins_over_the_first() -> None:
    """A profile listing an informal cadence first still gives the regular rhythm by default."""
    both = profile(Organ.FOREIGN_MINISTERS, SEPTEMBER, HALF_YEAR)
    assert resolve_cadence("CFM", profile=both) is HALF_YEAR
    assert resolve_cadence("CFM", profile=both, kind="informal") is SEPTEMBER
    assert resolve_cadence("CFM", profile=profile(Organ.FOREIGN_MINISTERS, SEPTEMBER)) is SEPTEMBER


# due(): the window's last day, the horizon, the day of a meeting -----------------------------


@pytest.mark.parametrize(
    ("on", "missed"),
    [
        ("2021-07-30", 0),
        ("2021-07-31", 0),  # the window's last day: not yet overdue
        ("2021-08-01", 1),  # the day after: one window missed
        ("2022-01-30", 1),
        ("2022-01-31", 1),  # the second window's last day
        ("2022-02-01", 2),
        ("2022-07-31", 2),
        ("2022-08-01", 3),
    ],
)
def test_a_window_is_missed_from_the_day_after_its_last_day(on: str, missed: int) -> None:
    """Both sides of each window's last day: missed counts the windows ended before ``on``."""
    due = rhythm.due(JANUARY, "COE", on=on, cadence=HALF_YEAR)
    assert (due.last, due.window) == ("jan", (day("2021-07-01"), day("2021-07-31")))
    assert (due.missed, due.overdue) == (missed, missed > 0)


@pytest.mark.parametrize(
    ("horizon", "on", "missed", "beyond"),
    [
        ("2021-07-31", "2021-09-01", 1, True),  # the window ended on the horizon: missed
        ("2021-07-30", "2021-09-01", 0, True),  # it ended the day after: not known as missed
        ("2022-01-31", "2022-06-01", 2, True),
        ("2022-01-30", "2022-06-01", 1, True),
        ("2021-12-31", "2021-07-15", 0, False),  # a later horizon does not move the day
        ("2021-12-31", "2021-08-01", 1, False),
        ("2021-08-01", "2021-08-01", 1, False),  # the horizon day itself is inside the data
        ("2021-08-01", "2021-08-02", 1, True),
    ],
)
def test_only_windows_ended_by_the_horizon_are_missed(
    horizon: str, on: str, missed: int, beyond: bool
) -> None:
    """With a horizon, a window counts as missed when it ended on or before the horizon."""
    due = rhythm.due(JANUARY, "COE", on=on, cadence=HALF_YEAR, horizon=day(horizon))
    assert due == Due(
        organ=Organ.COUNCIL_OF_ELDERS,
        kind="regular",
        on=day(on),
        last="jan",
        earliest=day("2021-07-01"),
        latest=day("2021-07-31"),
        interval_months=6,
        missed=missed,
        beyond_horizon=beyond,
        horizon=day(horizon) if beyond else None,
    )


def test_a_meeting_counts_from_its_first_day_and_is_not_its_own_successor() -> None:
    """On a meeting's first day it is the last meeting, not the next recorded one."""
    registry = MeetingRegistry(
        [
            meeting("held", "2021-05-05", "2021-05-06"),
            meeting("plan", "2021-05-07", status="tentative"),
            meeting("plan-later", "2021-05-08", status="tentative"),
        ]
    )
    with pytest.raises(PolicyError, match="recorded by 2021-05-04"):
        rhythm.due(registry, "COE", on="2021-05-04", cadence=HALF_YEAR)
    first_day = rhythm.due(registry, "COE", on="2021-05-05", cadence=HALF_YEAR)
    assert (first_day.last, first_day.next_recorded) == ("held", "plan")
    on_plan = rhythm.due(registry, "COE", on="2021-05-07", cadence=HALF_YEAR)
    assert (
        on_plan.next_recorded == "plan-later"
    )  # a planned meeting starting on the day is not next
    assert rhythm.due(registry, "COE", on="2021-05-08", cadence=HALF_YEAR).next_recorded is None


def test_due_counts_only_the_organ_and_kind_of_the_cadence() -> None:
    """Meetings of other organs or kinds neither reset the rhythm nor are named as next."""
    registry = MeetingRegistry(
        [
            meeting("coe", "2019-10-01"),
            meeting("cfm", "2020-06-01", body="CFM"),
            meeting("coe-informal", "2020-06-02", kind="informal"),
            meeting("cfm-plan", "2020-07-01", body="CFM", status="tentative"),
            meeting("informal-plan", "2020-07-02", kind="informal", status="tentative"),
            meeting("cancelled", "2020-07-03", status="cancelled"),
            meeting("postponed", "2020-07-04", status="postponed"),
            meeting("plan", "2021-01-10", status="tentative"),
        ]
    )
    due = rhythm.due(registry, "COE", on="2020-06-15", cadence=HALF_YEAR)
    assert (due.last, due.window, due.missed) == (
        "coe",
        (day("2020-04-01"), day("2020-04-30")),
        1,
    )
    assert due.next_recorded == "plan"
    assert str(due) == (
        "next COE regular meeting expected 2020-04-01/2020-04-30, overdue on 2020-06-15 "
        "(1 missed); next recorded: plan"
    )


def test_a_month_cadence_counts_from_the_first_meetings_year() -> None:
    """Every other September from the year of the first counted meeting, even with one."""
    one = MeetingRegistry([informal("u15", "2015-09-23")])
    due = rhythm.due(one, "CFM", on="2016-01-01", cadence=EVERY_OTHER_SEPTEMBER)
    assert due.window == (day("2017-09-01"), day("2017-09-30"))
    two = MeetingRegistry([informal("u15", "2015-09-23"), informal("u16", "2016-10-01")])
    due = rhythm.due(two, "CFM", on="2017-01-01", cadence=EVERY_OTHER_SEPTEMBER)
    assert (due.last, due.window) == ("u16", (day("2017-09-01"), day("2017-09-30")))
    every = rhythm.due(two, "CFM", on="2017-01-01", cadence=SEPTEMBER)
    assert every.window == (day("2017-09-01"), day("2017-09-30"))
    assert rhythm.due(two, "CFM", on="2017-10-01", cadence=SEPTEMBER).missed == 1


# expected(): the range's last day, the anchor, the whole schedule ----------------------------


def test_a_meeting_on_the_last_day_of_the_range_anchors_the_schedule() -> None:
    """Both sides of the range's last day; only the organ's meetings anchor."""
    registry = MeetingRegistry(
        [meeting("cfm", "2019-01-10", body="CFM"), meeting("m", "2020-12-31")]
    )
    on_last = rhythm.expected(
        registry, "COE", between=("2020-01-01", "2020-12-31"), cadence=MONTHLY
    )
    assert on_last == Schedule(
        organ=Organ.COUNCIL_OF_ELDERS,
        cadence=MONTHLY,
        first=day("2020-01-01"),
        last=day("2020-12-31"),
        anchor="m",
        occurrences=(PartialDate(2020, 12, 31),),
    )
    assert [str(o) for o in on_last] == ["2020-12-31"]
    before = rhythm.expected(registry, "COE", between=("2020-01-01", "2020-12-30"), cadence=MONTHLY)
    assert before == Schedule(
        organ=Organ.COUNCIL_OF_ELDERS,
        cadence=MONTHLY,
        first=day("2020-01-01"),
        last=day("2020-12-30"),
        anchor=None,
        occurrences=(),
    )
    assert before.rule is None


def test_a_month_schedule_is_anchored_on_the_first_meetings_year() -> None:
    """Every other September: from the first meeting's year, not from the range's."""
    registry = MeetingRegistry([informal("u15", "2015-09-23")])
    schedule = rhythm.expected(
        registry, "CFM", between=("2016", "2019"), cadence=EVERY_OTHER_SEPTEMBER
    )
    assert (schedule.anchor, [str(o) for o in schedule]) == ("u15", ["2017-09", "2019-09"])
    assert schedule.organ is Organ.FOREIGN_MINISTERS
    assert schedule.cadence is EVERY_OTHER_SEPTEMBER
    assert (schedule.first, schedule.last) == (day("2016-01-01"), day("2019-12-31"))
    alone = rhythm.expected(
        MeetingRegistry(), "CFM", between=("2016", "2019"), cadence=EVERY_OTHER_SEPTEMBER
    )
    assert (alone.anchor, [str(o) for o in alone]) == (None, ["2016-09", "2018-09"])


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        ("2020-03-01", 6, ["2020-03-01", "2020-09-01", "2021-03-01", "2021-09-01"]),
        ("2020-03", 6, ["2020-03", "2020-09", "2021-03", "2021-09"]),
        ("2020", 6, ["2020-01", "2020-07", "2021-01", "2021-07"]),
        ("2020", 12, ["2020", "2021"]),
        ("2020", 24, ["2020"]),
        ("2020-03", 12, ["2020-03", "2021-03"]),
        ("2020-03-01", 12, ["2020-03-01", "2021-03-01"]),
        ("2020-01-28", 1, ["2020-01-28", "2020-02-28", "2020-03-28"]),
        ("2020-01-29", 1, ["2020-01-29", "2020-02-29", "2020-03-29"]),
        ("2020-01-30", 1, ["2020-01-30", "2020-02-29", "2020-03-30"]),
        ("2021-01-29", 1, ["2021-01-29", "2021-02-28", "2021-03-29"]),
    ],
)
def test_occurrences_keep_the_precision_of_the_anchor(
    start: str, months: int, expected: list[str]
) -> None:
    """Day, month or year anchors give days, months or (for whole years) years; late days clip."""
    registry = MeetingRegistry([meeting("m", start)])
    last = "2021-12-31" if months >= 6 else start[:4] + "-03-31"
    schedule = rhythm.expected(
        registry,
        "COE",
        between=(start[:4] + "-01-01", last),
        cadence=Cadence(kind="regular", months=months),
    )
    assert [str(o) for o in schedule] == expected


# gaps(): the range's first and last day, one-day gaps, the next meeting's day ----------------


def test_a_meeting_in_the_expected_month_leaves_no_gap() -> None:
    """Both sides of the window's last day: the next meeting on 31 July, or on 1 August."""
    in_time = MeetingRegistry([meeting("jan", "2021-01-15"), meeting("jul", "2021-07-31")])
    assert rhythm.gaps(in_time, "COE", between=("2021", "2021-12-31"), cadence=HALF_YEAR) == ()
    late = MeetingRegistry([meeting("jan", "2021-01-15"), meeting("aug", "2021-08-01")])
    assert rhythm.gaps(late, "COE", between=("2021", "2021-12-31"), cadence=HALF_YEAR) == (
        Gap(
            start=day("2021-01-16"),
            end=day("2021-07-31"),
            expected_interval_months=6,
            missing=1,
            last_before="jan",
            first_after="aug",
        ),
    )


TWO = MeetingRegistry(
    [meeting("a", "2019-03-01"), meeting("b", "2019-10-15"), meeting("d", "2021-01-10")]
)
A_TO_B = Gap(
    start=day("2019-03-02"),
    end=day("2019-10-14"),
    expected_interval_months=6,
    missing=1,
    last_before="a",
    first_after="b",
)
B_TO_D = Gap(
    start=day("2019-10-16"),
    end=day("2021-01-09"),
    expected_interval_months=6,
    missing=2,
    last_before="b",
    first_after="d",
)


@pytest.mark.parametrize(
    ("between", "found"),
    [
        (("2019-01-01", "2019-03-01"), ()),  # ends on the meeting's day: no day without one
        (("2019-01-01", "2019-03-02"), (A_TO_B,)),  # the gap's first day
        (("2019-10-14", "2019-10-14"), (A_TO_B,)),  # the gap's last day
        (("2019-10-14", "2019-10-15"), (A_TO_B,)),
        (("2019-10-15", "2019-10-15"), ()),  # the next meeting's day
        (("2019-10-15", "2019-10-16"), (B_TO_D,)),  # the next gap's first day
        (("2019-10-01", "2019-10-31"), (A_TO_B, B_TO_D)),
        (("2021-01-09", "2021-01-09"), (B_TO_D,)),
        (("2021-01-10", "2021-01-10"), ()),
    ],
)
def test_a_gap_is_reported_when_it_shares_a_day_with_the_range(
    between: tuple[str, str], found: tuple[Gap, ...]
) -> None:
    """Both sides of a gap's first and last day, at both ends of the range.

    A gap that begins after the range used to be reported too (the gap after a meeting on the
    range's last day).
    """
    assert rhythm.gaps(TWO, "COE", between=between, cadence=HALF_YEAR) == found


def test_a_gap_of_one_day() -> None:
    """A meeting as long as the interval leaves a one-day gap on the range's last day."""
    registry = MeetingRegistry([meeting("long", "2021-01-15", "2021-02-28")])
    assert rhythm.gaps(registry, "COE", between=("2021", "2021-02-28"), cadence=MONTHLY) == ()
    assert rhythm.gaps(registry, "COE", between=("2021", "2021-03-01"), cadence=MONTHLY) == (
        Gap(
            start=day("2021-03-01"),
            end=day("2021-03-01"),
            expected_interval_months=1,
            missing=1,
            last_before="long",
        ),
    )


def test_the_horizon_ends_the_range_of_gaps() -> None:
    """A gap needs a window ended by the horizon; the range stops at the horizon."""
    assert (
        rhythm.gaps(
            JANUARY, "COE", between=("2021", "2022"), cadence=HALF_YEAR, horizon=day("2021-07-30")
        )
        == ()
    )
    assert rhythm.gaps(
        JANUARY, "COE", between=("2021", "2022"), cadence=HALF_YEAR, horizon=day("2021-07-31")
    ) == (
        Gap(
            start=day("2021-01-16"),
            end=day("2021-07-31"),
            expected_interval_months=6,
            missing=1,
            last_before="jan",
        ),
    )


def test_ties_on_the_latest_start_day_count_from_the_later_meeting() -> None:
    """Two meetings that may both have started on 31 December: gaps and due() name the same."""
    registry = MeetingRegistry([meeting("year", "2021"), meeting("eve", "2021-12-31")])
    due = rhythm.due(registry, "COE", on="2022-01-01", cadence=HALF_YEAR)
    (gap,) = rhythm.gaps(registry, "COE", between=("2021", "2022"), cadence=HALF_YEAR)
    assert due.last == gap.last_before == "eve"
    assert (gap.start, gap.end, gap.missing) == (day("2022-01-01"), day("2022-12-31"), 2)


# Answers --------------------------------------------------------------------------------------


def test_a_due_answer_says_what_it_knows() -> None:
    """A one-day window is one day; no next recorded meeting, no horizon: neither is said."""
    due = Due(
        organ=Organ.COUNCIL_OF_ELDERS,
        kind="regular",
        on=day("2021-06-01"),
        last="c",
        earliest=day("2021-11-01"),
        latest=day("2021-11-01"),
        interval_months=6,
        missed=0,
    )
    assert str(due) == "next COE regular meeting expected 2021-11-01, as of 2021-06-01"
    assert due.window == (day("2021-11-01"), day("2021-11-01"))


# Property: windows drawn around the boundary days ---------------------------------------------


@given(
    tst.days(dt.date(2000, 1, 1), dt.date(2030, 12, 31)),
    st.sampled_from([1, 2, 6, 12, 24]),
    st.integers(-3, 3),
    st.integers(0, 3),
)
def test_missed_windows_agree_with_counting_months(
    start: dt.date, months: int, shift: int, k: int
) -> None:
    """Asked a few days around the last day of the k-th window, missed counts the ended ones."""
    registry = MeetingRegistry([meeting("m", start.isoformat())])
    first = rhythm.due(registry, "COE", on=start, cadence=Cadence(kind="regular", months=months))
    ends = []
    month = start.month - 1 + months
    for step in range(k + 1):
        index = month + step * months
        year, m = start.year + index // 12, index % 12 + 1
        following = dt.date(year + (m == 12), m % 12 + 1, 1)
        ends.append(following - DAY)
    on = ends[k] + dt.timedelta(days=shift)
    due = rhythm.due(registry, "COE", on=on, cadence=Cadence(kind="regular", months=months))
    assert due.window == first.window == (ends[0].replace(day=1), ends[0])
    assert due.missed == sum(end < on for end in ends)
