"""The check every meeting runs when it is made: the end against the start, at every precision."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import turkicorg
from turkicorg import InvalidDataError, Meeting, PartialDate
from turkicorg import strategies as tst
from turkicorg.dates import month_days
from turkicorg.meetings import _ends_before_start, meeting_problems

OTS = turkicorg.load_default()


@st.composite
def near_dates(draw: st.DrawFn) -> PartialDate:
    """Dates of every precision in two neighbouring years, at the edges of months and years."""
    year = draw(st.sampled_from([2023, 2024]))
    month = draw(st.sampled_from([None, 1, 2, 6, 11, 12]))
    if month is None:
        return PartialDate(year)
    day = draw(st.sampled_from([None, 1, 2, 28, 29, 30, 31]))
    if day is not None and day > month_days(year, month):
        day = month_days(year, month)
    return PartialDate(year, month, day)


def defined(start: PartialDate, end: PartialDate) -> bool:
    """The rule as the docs state it: the end's last possible day before the start's first."""
    return end.latest < start.earliest


@given(tst.partial_dates(), tst.partial_dates())
def test_the_end_check_is_the_latest_day_against_the_earliest(
    start: PartialDate, end: PartialDate
) -> None:
    assert _ends_before_start(start, end) == defined(start, end)


@given(near_dates(), near_dates())
def test_the_end_check_at_the_edges_of_months_and_years(
    start: PartialDate, end: PartialDate
) -> None:
    """Near pairs: a year and a day in it, a month and its last day, 28 February and a leap day."""
    assert _ends_before_start(start, end) == defined(start, end)
    meeting = next(iter(OTS.meetings))
    if defined(start, end):
        with pytest.raises(InvalidDataError, match="the end lies before the start") as caught:
            attrs.evolve(meeting, start=start, end=end)
        assert caught.value.errors[0].path == "$.end"
        assert caught.value.errors[0].value == str(end)
    else:
        assert attrs.evolve(meeting, start=start, end=end).end == end


@pytest.mark.parametrize(
    ("start", "end", "before"),
    [
        ("2023-10-17", "2023-10-18", False),  # the 14th Council of Elders meeting, two days
        ("2023-10-17", "2023-10-17", False),
        ("2023-10-18", "2023-10-17", True),
        ("2023-10-17", "2023-10", False),  # a day, then the month it lies in
        ("2023-10", "2023-10-01", False),  # a month, then its first day
        ("2023-10-31", "2023-10", False),  # the month's last day, then the month
        ("2023-02-28", "2023-02", False),  # a 28-day month
        ("2024-02-29", "2024-02", False),
        ("2023-11", "2023-10-31", True),
        ("2023-11", "2023-10", True),
        ("2023", "2023-01-01", False),  # a year, then its first day
        ("2023", "2023-01", False),
        ("2023-12-31", "2023", False),  # the year's last day, then the year
        ("2023-12", "2023", False),
        ("2024", "2023-12-31", True),
        ("2024", "2023", True),
        ("2024-01-01", "2023", True),
    ],
)
def test_end_before_start_examples(start: str, end: str, before: bool) -> None:
    s, e = PartialDate.parse(start), PartialDate.parse(end)
    assert _ends_before_start(s, e) is before
    assert defined(s, e) is before


def test_the_real_meetings_pass_and_a_backward_copy_does_not() -> None:
    """Every embedded meeting has no problem; one with its end a year before its start has."""
    assert all(meeting_problems(m) == [] for m in OTS.meetings)
    spans = [m for m in OTS.meetings if m.end is not None]
    assert spans
    meeting = spans[0]
    earlier = PartialDate(meeting.start.year - 1)
    with pytest.raises(InvalidDataError, match=r"the end lies before the start \("):
        attrs.evolve(meeting, end=earlier)
    assert meeting.end is not None
    assert meeting.end.latest >= meeting.start.earliest >= dt.date(1992, 1, 1)


def test_a_meeting_made_without_a_check_reports_a_backward_end() -> None:
    """``meeting_problems`` of a meeting whose fields were set without its check."""
    meeting = next(iter(OTS.meetings))
    broken = object.__new__(Meeting)
    for field in attrs.fields(Meeting):
        object.__setattr__(broken, field.name, getattr(meeting, field.name))
    object.__setattr__(broken, "start", PartialDate(2023, 5))
    object.__setattr__(broken, "end", PartialDate(2023, 4, 30))
    assert meeting_problems(broken) == [
        ("end", "the end lies before the start (2023-05)", "2023-04-30")
    ]
    object.__setattr__(broken, "end", PartialDate(2023, 5, 1))
    assert meeting_problems(broken) == []
