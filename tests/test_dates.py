"""PartialDate and DateSpan: parsing, ordering, containment."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from turkicorg import DateSpan, InvalidDateError, PartialDate, Precision, TurkicOrgError
from turkicorg import strategies as tst
from turkicorg.dates import as_date, today


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


def test_constructor_checks_types_and_shape() -> None:
    """A day without a month, a non-int part or a non-string is rejected."""
    with pytest.raises(InvalidDateError):
        PartialDate(2022, None, 5)
    with pytest.raises(InvalidDateError):
        PartialDate(2022, "08")  # type: ignore[arg-type]
    with pytest.raises(InvalidDateError):
        PartialDate.parse(2022)  # type: ignore[arg-type]
    with pytest.raises(InvalidDateError):
        PartialDate.from_date(dt.datetime(2022, 1, 1))  # noqa: DTZ001
    with pytest.raises(InvalidDateError, match="only known to the month"):
        PartialDate(2022, 8).to_date()


def test_comparison_with_other_types() -> None:
    """Comparing with a non-PartialDate is not supported."""
    d = PartialDate(2022)
    for op in ("__lt__", "__le__", "__gt__", "__ge__"):
        assert getattr(d, op)(dt.date(2022, 1, 1)) is NotImplemented


def test_coerce_and_as_date() -> None:
    """on= arguments accept dates, partial dates and text; None is today."""
    assert PartialDate.coerce("2022-08") == PartialDate(2022, 8)
    assert PartialDate.coerce(dt.date(2022, 8, 1)) == PartialDate(2022, 8, 1)
    assert as_date("2022-08") == dt.date(2022, 8, 1)
    assert as_date(PartialDate(2022)) == dt.date(2022, 1, 1)
    assert as_date(dt.date(2020, 2, 2)) == dt.date(2020, 2, 2)
    assert as_date(None) == today()
    with pytest.raises(InvalidDateError):
        as_date(20220101)  # type: ignore[arg-type]


@given(tst.date_spans())
def test_span_round_trip_and_bounds(span: DateSpan) -> None:
    """A span parses back from its text and never ends before it starts."""
    assert DateSpan.parse(str(span)) == span
    assert span.earliest <= span.latest
    assert span.contains(span.earliest)
    assert span.overlaps(span.earliest, span.earliest)
    assert span.within(span.earliest, span.latest)


@given(tst.date_spans(), tst.days(), tst.days())
def test_within_implies_overlaps(span: DateSpan, a: dt.date, b: dt.date) -> None:
    """An event certainly inside a range also overlaps it."""
    first, last = min(a, b), max(a, b)
    if span.within(first, last):
        assert span.overlaps(first, last)


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


@pytest.mark.parametrize("text", ["2023-10-18/2023-10-17", "2023-10-18/", "2023-11/2023-10", "x"])
def test_span_rejects_backwards_and_malformed(text: str) -> None:
    """An end before the start or a missing end is an InvalidDateError."""
    with pytest.raises(InvalidDateError):
        DateSpan.parse(text)


def test_span_rejects_non_text() -> None:
    """Parsing needs text."""
    with pytest.raises(InvalidDateError):
        DateSpan.parse(None)  # type: ignore[arg-type]


@given(st.integers(min_value=1, max_value=9999), st.integers(min_value=1, max_value=12))
def test_month_partial_contains_every_day_of_the_month(year: int, month: int) -> None:
    """A month-precision date contains its first and last day and nothing outside."""
    d = PartialDate(year, month)
    assert d.contains(d.earliest)
    assert d.contains(d.latest)
    if d.earliest > dt.date.min:
        assert not d.contains(d.earliest - dt.timedelta(days=1))
