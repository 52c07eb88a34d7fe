"""PartialDate and DateSpan: parsing, ordering, containment."""

from __future__ import annotations

import calendar
import datetime as dt
from typing import TYPE_CHECKING

import pytest
from hypothesis import given
from hypothesis import strategies as st

from turkicorg import DateSpan, InvalidDateError, PartialDate, Precision, TurkicOrgError, dates
from turkicorg import strategies as tst
from turkicorg.dates import as_date, as_range, month_days

if TYPE_CHECKING:
    from collections.abc import Callable

TODAY = dt.date(2026, 3, 11)
"""The day the tests take as today (the data horizon): no test reads the machine's clock."""


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> dt.date:
    monkeypatch.setattr(dates, "today", lambda: TODAY)
    return TODAY


def refused(call: Callable[[], object]) -> InvalidDateError:
    """The InvalidDateError ``call`` raises."""
    with pytest.raises(InvalidDateError) as caught:
        call()
    return caught.value


def one_day(day: dt.date, days: int) -> dt.date:
    return day + dt.timedelta(days=days)


@given(tst.partial_dates())
def test_parse_format_round_trip(d: PartialDate) -> None:
    """Writing a partial date and parsing it back gives the same date."""
    assert PartialDate.parse(str(d)) == d
    assert eval(repr(d), {"PartialDate": PartialDate}) == d  # noqa: S307 - repr round trip


@given(tst.partial_dates(), tst.partial_dates(), tst.partial_dates())
def test_ordering_is_total_and_consistent_with_earliest(
    a: PartialDate, b: PartialDate, c: PartialDate
) -> None:
    """The order is total, transitive, antisymmetric and agrees with ``earliest``."""
    assert (a < b) + (a == b) + (a > b) == 1
    assert (a <= b) == (a < b or a == b)
    assert (a >= b) == (a > b or a == b)
    if a <= b <= c:
        assert a <= c
    if a.earliest < b.earliest:
        assert a < b
    assert sorted([a, b, c]) == sorted([c, b, a])


@given(tst.partial_dates(), tst.days())
def test_contains_agrees_with_bounds(d: PartialDate, day: dt.date) -> None:
    """``contains`` is exactly ``earliest <= day <= latest``."""
    assert d.contains(day) == (d.earliest <= day <= d.latest)
    assert d.contains(d.earliest)
    assert d.contains(d.latest)


@given(tst.partial_dates())
def test_precision_determines_the_width(d: PartialDate) -> None:
    """A day spans one day, a month its days, a year 365 or 366."""
    width = (d.latest - d.earliest).days + 1
    if d.precision is Precision.DAY:
        assert width == 1
        assert d.to_date() == d.earliest
    elif d.precision is Precision.MONTH:
        assert 28 <= width <= 31
    else:
        assert width in (365, 366)


@pytest.mark.parametrize(
    ("text", "earliest", "latest"),
    [
        ("2022", dt.date(2022, 1, 1), dt.date(2022, 12, 31)),
        ("2022-08", dt.date(2022, 8, 1), dt.date(2022, 8, 31)),
        ("2024-02", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
        ("2023-10-17", dt.date(2023, 10, 17), dt.date(2023, 10, 17)),
    ],
)
def test_sourced_precisions(text: str, earliest: dt.date, latest: dt.date) -> None:
    """Dates keep the precision the sources give ("August 2022": 13th Council of Elders)."""
    d = PartialDate.parse(text)
    assert (d.earliest, d.latest, str(d)) == (earliest, latest, text)


@pytest.mark.parametrize(
    "text",
    [
        "2023-02-29",
        "2022-13",
        "2022-00",
        "2022-01-32",
        "22-01-01",
        "2022-1-1",
        "",
        "2022-08-",
        "0000",
        "\u0662\u0660\u0662\u0662",  # Arabic-Indic digits: only ASCII digits are dates
    ],
)
def test_impossible_or_malformed_dates_are_rejected(text: str) -> None:
    """Impossible days and malformed text raise InvalidDateError naming the value."""
    with pytest.raises(InvalidDateError) as info:
        PartialDate.parse(text)
    assert info.value.value == text
    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, TurkicOrgError)


@pytest.mark.parametrize(
    ("parts", "reason"),
    [
        ((2022, None, 5), "a day needs a month"),
        ((2022, "08"), "month must be an int"),
        ((2022, 8, 1.0), "day must be an int"),
        (("2022",), "year must be an int"),
        ((True,), "year must be an int"),
        ((2022, 13), "month 13 does not exist"),
        ((2022, 0), "month 0 does not exist"),
        ((2022, 4, 31), "day 31 does not exist in 2022-04"),
        ((2022, 4, 0), "day 0 does not exist in 2022-04"),
    ],
)
def test_constructor_checks_types_and_shape(parts: tuple[object, ...], reason: str) -> None:
    """A day without a month, a non-int part or a month or day that does not exist is refused."""
    error = refused(lambda: PartialDate(*parts))  # type: ignore[arg-type]
    assert (error.value, error.reason) == ((*parts, None, None)[:3], reason)
    assert str(error) == f"invalid date {error.value!r}: {reason}"


def test_other_refusals_name_the_value_and_the_reason() -> None:
    """Each refusal carries the value given and says why, in full."""
    error = refused(lambda: PartialDate.parse(2022))  # type: ignore[arg-type]
    assert (error.value, error.reason) == (
        2022,
        "expected text such as '2022', '2022-08' or '2022-08-17'",
    )
    error = refused(lambda: PartialDate.parse("2022/08"))
    assert (error.value, error.reason) == ("2022/08", "expected YYYY, YYYY-MM or YYYY-MM-DD")
    moment = dt.datetime(2022, 1, 1)  # noqa: DTZ001 - a naive datetime is what is refused
    error = refused(lambda: PartialDate.from_date(moment))
    assert (error.value, error.reason) == (moment, "expected a datetime.date")
    error = refused(lambda: PartialDate.from_date("2022-01-01"))  # type: ignore[arg-type]
    assert (error.value, error.reason) == ("2022-01-01", "expected a datetime.date")
    error = refused(PartialDate(2022, 8).to_date)
    assert (error.value, error.reason) == ("2022-08", "only known to the month")
    error = refused(PartialDate(2022).to_date)
    assert (error.value, error.reason) == ("2022", "only known to the year")


def test_comparison_with_other_types() -> None:
    """Comparing with a non-PartialDate is not supported."""
    d = PartialDate(2022)
    for op in ("__lt__", "__le__", "__gt__", "__ge__"):
        assert getattr(d, op)(dt.date(2022, 1, 1)) is NotImplemented


def test_coerce_and_as_date(fixed_today: dt.date) -> None:
    """on= arguments accept dates, datetimes, partial dates and text; None and "today" are today."""
    assert PartialDate.coerce("2022-08") == PartialDate(2022, 8)
    assert PartialDate.coerce(dt.date(2022, 8, 1)) == PartialDate(2022, 8, 1)
    august = PartialDate(2022, 8)
    assert PartialDate.coerce(august) is august
    assert as_date("2022-08") == dt.date(2022, 8, 1)
    assert as_date("2022-08", last=True) == dt.date(2022, 8, 31)
    assert as_date(PartialDate(2022)) == dt.date(2022, 1, 1)
    assert as_date(PartialDate(2022), last=True) == dt.date(2022, 12, 31)
    assert as_date(dt.date(2020, 2, 2)) == dt.date(2020, 2, 2)
    assert as_date(dt.date(2020, 2, 2), last=True) == dt.date(2020, 2, 2)
    assert as_date(dt.datetime(2020, 2, 2, 23, 59)) == dt.date(2020, 2, 2)  # noqa: DTZ001
    for text in (None, "today", " Today ", "TODAY"):
        assert as_date(text) == fixed_today
    assert dates.today() == fixed_today
    error = refused(lambda: as_date(20220101))  # type: ignore[arg-type]
    assert (error.value, error.reason) == (
        20220101,
        (
            "expected a date, a datetime, a PartialDate or text (YYYY, YYYY-MM, YYYY-MM-DD, "
            "'today'), got int"
        ),
    )
    assert refused(lambda: as_date("tomorrow")).value == "tomorrow"


@pytest.mark.parametrize(
    ("first", "last", "days"),
    [
        ("2022", "2022-03", (dt.date(2022, 1, 1), dt.date(2022, 3, 31))),
        ("2022-03-05", "2022-03-05", (dt.date(2022, 3, 5), dt.date(2022, 3, 5))),
        ("2022-03", "2022-03", (dt.date(2022, 3, 1), dt.date(2022, 3, 31))),
        (dt.date(2024, 2, 28), "2024-02", (dt.date(2024, 2, 28), dt.date(2024, 2, 29))),
    ],
)
def test_as_range_includes_both_bounds(
    first: str | dt.date, last: str, days: tuple[dt.date, dt.date]
) -> None:
    """A range runs from its first bound's first day to its last bound's last day."""
    assert as_range(first, last) == days


def test_as_range_refuses_a_reversed_range_naming_both_bounds() -> None:
    """A last bound wholly before the first is an error; a one-day range is not."""
    error = refused(lambda: as_range("2024", "2022"))
    assert (error.value, error.reason) == (
        "2024/2022",
        "the range is reversed: its first bound 2024 lies after its last bound 2022",
    )
    error = refused(lambda: as_range("2022-03-06", "2022-03-05"))
    assert error.value == "2022-03-06/2022-03-05"
    assert as_range("2022-03-05", "2022-03-05")[0] == dt.date(2022, 3, 5)


@given(tst.date_spans())
def test_span_round_trip_and_bounds(span: DateSpan) -> None:
    """A span parses back from its text and never ends before it starts."""
    assert DateSpan.parse(str(span)) == span
    assert span.earliest <= span.latest
    assert span.contains(span.earliest)
    assert span.overlaps(span.earliest, span.earliest)
    assert span.within(span.earliest, span.latest)


@st.composite
def short_spans(draw: st.DrawFn) -> DateSpan:
    """Spans of a few days to two months, either bound possibly known only to the month."""
    start = draw(st.dates(dt.date(2020, 1, 1), dt.date(2030, 12, 31)))
    end = one_day(start, draw(st.integers(0, 20)))
    first = draw(
        st.sampled_from([PartialDate.from_date(start), PartialDate(start.year, start.month)])
    )
    last = draw(st.sampled_from([PartialDate.from_date(end), PartialDate(end.year, end.month)]))
    return DateSpan(start=first, end=last)


@st.composite
def windows_near(draw: st.DrawFn, span: DateSpan) -> tuple[dt.date, dt.date]:
    """A range of days that starts within 40 days of the span's first day."""
    first = one_day(span.earliest, draw(st.integers(-40, 40)))
    return first, one_day(first, draw(st.integers(0, 40)))


def days_between(first: dt.date, last: dt.date) -> list[dt.date]:
    return [one_day(first, n) for n in range((last - first).days + 1)]


@given(short_spans(), st.data())
def test_overlaps_and_within_agree_with_counting_days(span: DateSpan, data: st.DataObject) -> None:
    """``overlaps`` is "some day in common", ``within`` "every day inside", day by day.

    The ranges are drawn near the span, so both answers are often True and often False.
    """
    first, last = data.draw(windows_near(span))
    window = days_between(first, last)
    assert span.overlaps(first, last) == any(span.contains(day) for day in window)
    assert span.within(first, last) == all(
        first <= day <= last for day in days_between(span.earliest, span.latest)
    )
    if span.within(first, last):
        assert span.overlaps(first, last)


def test_overlaps_and_within_on_both_sides_of_each_boundary() -> None:
    """17-18 October 2023: ranges touching its first or last day overlap; the next ones do not."""
    span = DateSpan.parse("2023-10-17/2023-10-18")
    before, first, last, after = (dt.date(2023, 10, d) for d in (16, 17, 18, 19))
    assert span.overlaps(dt.date(2023, 10, 1), first)
    assert not span.overlaps(dt.date(2023, 10, 1), before)
    assert span.overlaps(last, dt.date(2023, 10, 31))
    assert not span.overlaps(after, dt.date(2023, 10, 31))
    assert [span.contains(d) for d in (before, first, last, after)] == [False, True, True, False]
    assert span.within(first, last)
    assert not span.within(after, dt.date(2023, 10, 31))
    assert not span.within(dt.date(2023, 10, 1), first)
    assert not span.within(last, dt.date(2023, 10, 31))


def test_span_of_the_14th_council_of_elders_meeting() -> None:
    """17-18 October 2023 is a two-day span; August 2022 has no day count."""
    span = DateSpan.parse("2023-10-17/2023-10-18")
    assert span.days == 2
    assert span.is_exact
    august = DateSpan(start="2022-08")
    assert august.days is None
    assert str(august) == "2022-08"
    assert DateSpan.on(dt.date(2023, 3, 31)).days == 1
    assert span.sort_key() < DateSpan.parse("2023-10-18").sort_key()


@pytest.mark.parametrize(
    ("text", "value", "reason"),
    [
        ("2023-10-18/2023-10-17", "2023-10-18/2023-10-17", "the end lies before the start"),
        ("2023-11/2023-10", "2023-11/2023-10", "the end lies before the start"),
        ("2023-10-18/", "2023-10-18/", "missing end after '/'"),
        ("x", "x", "expected YYYY, YYYY-MM or YYYY-MM-DD"),
        (None, None, "expected text such as '2023-10-17/2023-10-18'"),
        (20231017, 20231017, "expected text such as '2023-10-17/2023-10-18'"),
    ],
)
def test_span_rejects_backwards_and_malformed(text: str, value: object, reason: str) -> None:
    """An end before the start, a missing end or anything but text is an InvalidDateError."""
    error = refused(lambda: DateSpan.parse(text))
    assert (error.value, error.reason) == (value, reason)


def test_a_span_may_end_in_the_month_it_starts() -> None:
    """A day and the month it lies in overlap, in either order: neither end lies before."""
    assert DateSpan.parse("2023-10-17/2023-10").latest == dt.date(2023, 10, 31)
    assert DateSpan.parse("2023-10/2023-10-01").earliest == dt.date(2023, 10, 1)


@given(st.integers(min_value=1, max_value=9999), st.integers(min_value=1, max_value=12))
def test_month_partial_contains_every_day_of_the_month(year: int, month: int) -> None:
    """A month-precision date contains its first and last day and neither neighbour."""
    d = PartialDate(year, month)
    assert d.contains(d.earliest)
    assert d.contains(d.latest)
    if d.earliest > dt.date.min:
        assert not d.contains(one_day(d.earliest, -1))
    if d.latest < dt.date.max:
        assert not d.contains(one_day(d.latest, 1))


@pytest.mark.parametrize(
    ("year", "leap"), [(2024, True), (2023, False), (2000, True), (1900, False), (2100, False)]
)
def test_29_february_exists_only_in_leap_years(year: int, leap: bool) -> None:
    """29 February: every fourth year, but not in a century year unless it divides by 400."""
    february = PartialDate(year, 2)
    assert february.latest == dt.date(year, 2, 29 if leap else 28)
    assert PartialDate(year, 2, 28).to_date() == dt.date(year, 2, 28)
    assert PartialDate(year, 3, 1).to_date() == dt.date(year, 3, 1)
    if leap:
        assert PartialDate.parse(f"{year}-02-29").earliest == dt.date(year, 2, 29)
        assert february.contains(dt.date(year, 2, 29))
    else:
        error = refused(lambda: PartialDate.parse(f"{year}-02-29"))
        assert (error.value, error.reason) == (
            f"{year}-02-29",
            f"day 29 does not exist in {year}-02",
        )
    assert not february.contains(dt.date(year, 3, 1))


def test_year_bounds_are_1_and_9999_both_included() -> None:
    """Years 1 and 9999 are dates, with every day; years 0 and 10000 are not."""
    assert PartialDate(1).earliest == dt.date(1, 1, 1)
    assert PartialDate(9999).latest == dt.date(9999, 12, 31)
    assert PartialDate(9999, 12, 31).to_date() == dt.date.max
    assert PartialDate.parse("0001-01-01").to_date() == dt.date.min
    for year in (0, 10000, -1):
        error = refused(lambda year=year: PartialDate(year))  # type: ignore[misc]
        assert (error.value, error.reason) == (
            (year, None, None),
            "year must be between 1 and 9999",
        )
    assert (
        refused(lambda: PartialDate.parse("10000")).reason == "expected YYYY, YYYY-MM or YYYY-MM-DD"
    )


@given(st.integers(1, 9999), st.integers(1, 12))
def test_month_days_is_the_calendars(year: int, month: int) -> None:
    assert month_days(year, month) == calendar.monthrange(year, month)[1]


def test_month_days_pinned() -> None:
    assert [month_days(2023, m) for m in range(1, 13)] == [
        31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ]  # fmt: skip
    assert (month_days(2024, 2), month_days(1900, 2), month_days(2000, 2)) == (29, 28, 29)
    assert month_days(9999, 12) == 31
