"""Dates known to a precision: :class:`PartialDate` and :class:`DateSpan`.

Sources report meetings as "August 2022" or "17-18 October 2023". Both are representable
without inventing a day:

>>> from turkicorg import PartialDate, DateSpan
>>> august = PartialDate.parse("2022-08")
>>> august.earliest, august.latest
(datetime.date(2022, 8, 1), datetime.date(2022, 8, 31))
>>> str(DateSpan.parse("2023-10-17/2023-10-18"))
'2023-10-17/2023-10-18'

One meaning everywhere: a partial date stands for every day it may be, from :attr:`earliest`
to :attr:`latest`. Where a single day is needed (a term that starts "in 2014"), the library
uses :attr:`PartialDate.earliest` and says so.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from typing import Final

import attrs

from turkicorg.errors import InvalidDateError

__all__ = [
    "DateLike",
    "DateSpan",
    "PartialDate",
    "Precision",
    "as_date",
    "as_range",
    "month_days",
    "today",
]

_PATTERN: Final = re.compile(r"(?P<y>[0-9]{4})(?:-(?P<m>[0-9]{2})(?:-(?P<d>[0-9]{2}))?)?")


class Precision(enum.IntEnum):
    """How much of a date is known."""

    YEAR = 1
    MONTH = 2
    DAY = 3


def today() -> dt.date:
    """Return today's date (local time); the default of every ``on=`` argument."""
    return dt.date.today()  # noqa: DTZ011 - a calendar day, not an instant


def month_days(year: int, month: int) -> int:
    """The number of days in a month of a year a date may have (years 1-9999, months 1-12).

    ``calendar.monthrange(year, month)[1]`` for those (a test holds it to that).

    >>> month_days(2024, 2), month_days(2023, 2), month_days(2023, 12)
    (29, 28, 31)
    """
    if month == 12:  # December: the next month is in the next year
        return 31
    return (dt.date(year, month + 1, 1) - dt.date(year, month, 1)).days


def _check(year: int, month: int | None, day: int | None) -> None:
    for name, value in (("year", year), ("month", month), ("day", day)):
        if value is not None and (type(value) is not int):
            raise InvalidDateError((year, month, day), f"{name} must be an int")
    if not 1 <= year <= 9999:
        raise InvalidDateError((year, month, day), "year must be between 1 and 9999")
    if month is None:
        if day is not None:
            raise InvalidDateError((year, month, day), "a day needs a month")
        return
    if not 1 <= month <= 12:
        raise InvalidDateError((year, month, day), f"month {month} does not exist")
    if day is not None:
        last = month_days(year, month)
        if not 1 <= day <= last:
            raise InvalidDateError(
                (year, month, day), f"day {day} does not exist in {year:04d}-{month:02d}"
            )


@attrs.frozen(eq=True, order=False, init=False)
class PartialDate:
    """A calendar date known to the year, the month or the day.

    Build one with :meth:`parse` (``"2022"``, ``"2022-08"``, ``"2022-08-17"``), with
    :meth:`from_date`, or with positional numbers: ``PartialDate(2022, 8)``.

    Partial dates are totally ordered by ``(earliest, latest)``: the order agrees with
    :attr:`earliest`, and among dates that start on the same day the narrower comes first
    (``2022-01-01 < 2022-01 < 2022``).

    Attributes:
        year: The year (1 to 9999).
        month: The month (1 to 12), or None when only the year is known.
        day: The day of the month, or None when it is not known.
    """

    year: int
    month: int | None
    day: int | None

    def __init__(self, year: int, month: int | None = None, day: int | None = None, /) -> None:
        _check(year, month, day)
        self.__attrs_init__(year, month, day)

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.

        Raises:
            InvalidDateError: The text is not in one of these forms or names no real date.

        >>> PartialDate.parse("2024-02-29").precision
        <Precision.DAY: 3>
        >>> PartialDate.parse("2023-02-29")
        Traceback (most recent call last):
        ...
        turkicorg.errors.InvalidDateError: invalid date '2023-02-29': day 29 does not exist ...
        """
        if not isinstance(text, str):
            raise InvalidDateError(text, "expected text such as '2022', '2022-08' or '2022-08-17'")
        match = _PATTERN.fullmatch(text)
        if match is None:
            raise InvalidDateError(text, "expected YYYY, YYYY-MM or YYYY-MM-DD")
        month = match["m"]
        day = match["d"]
        try:
            return cls(int(match["y"]), int(month) if month else None, int(day) if day else None)
        except InvalidDateError as error:
            raise InvalidDateError(text, error.reason) from None

    @classmethod
    def from_date(cls, value: dt.date) -> PartialDate:
        """Return the partial date of a known day."""
        if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
            raise InvalidDateError(value, "expected a datetime.date")
        return cls(value.year, value.month, value.day)

    @classmethod
    def coerce(cls, value: PartialDate | dt.date | str) -> PartialDate:
        """Accept a partial date, a ``datetime.date`` or text, and return a partial date."""
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, str):
            return cls.parse(value)
        return cls.from_date(value)

    @property
    def precision(self) -> Precision:
        """How much of this date is known."""
        if self.month is None:
            return Precision.YEAR
        if self.day is None:
            return Precision.MONTH
        return Precision.DAY

    @property
    def is_exact(self) -> bool:
        """True when the day is known."""
        return self.day is not None

    @property
    def earliest(self) -> dt.date:
        """The first day this date may be."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> dt.date:
        """The last day this date may be."""
        if self.month is None:
            return dt.date(self.year, 12, 31)
        if self.day is None:
            return dt.date(self.year, self.month, month_days(self.year, self.month))
        return dt.date(self.year, self.month, self.day)

    def contains(self, day: dt.date) -> bool:
        """Return True when ``day`` is one of the days this date may be."""
        return self.earliest <= day <= self.latest

    def to_date(self) -> dt.date:
        """Return the exact day.

        Raises:
            InvalidDateError: The day is not known.
        """
        if self.day is None:
            raise InvalidDateError(str(self), "only known to the " + self.precision.name.lower())
        return self.earliest

    def sort_key(self) -> tuple[dt.date, dt.date]:
        """The key of the total order: ``(earliest, latest)``."""
        return (self.earliest, self.latest)

    def __str__(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def __repr__(self) -> str:
        return f"PartialDate.parse({str(self)!r})"

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self.sort_key() < other.sort_key()

    def __le__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self.sort_key() <= other.sort_key()

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self.sort_key() > other.sort_key()

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self.sort_key() >= other.sort_key()


DateLike = PartialDate | dt.date | str | None
"""What every ``on=``, ``after=`` and range bound accepts (see :func:`as_date`)."""

_DATE_FORMS: Final = (
    "a date, a datetime, a PartialDate or text (YYYY, YYYY-MM, YYYY-MM-DD, 'today')"
)


def as_date(value: DateLike, *, last: bool = False) -> dt.date:
    """The one date parser of the library: turn an ``on=`` argument into a day.

    It takes None or ``"today"`` (today), a ``datetime.date``, a ``datetime.datetime`` (its
    date), a :class:`PartialDate` or text ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``. A partial
    date is its first day, or its last day with ``last=True`` (the upper bound of a range).

    Raises:
        InvalidDateError: The text is not a date, or the value is of another type (the error
            names the type).

    >>> as_date("2022-11"), as_date("2022-11", last=True)
    (datetime.date(2022, 11, 1), datetime.date(2022, 11, 30))
    >>> as_date(dt.datetime(2024, 5, 1, 13, 30))
    datetime.date(2024, 5, 1)
    >>> as_date(2022)
    Traceback (most recent call last):
    ...
    turkicorg.errors.InvalidDateError: invalid date 2022: expected a date, ... got int
    """
    if value is None:
        return today()
    if isinstance(value, str) and value.strip().lower() == "today":
        return today()
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        value = PartialDate.parse(value)
    if isinstance(value, PartialDate):
        return value.latest if last else value.earliest
    raise InvalidDateError(value, f"expected {_DATE_FORMS}, got {type(value).__name__}")


def as_range(first: DateLike, last: DateLike) -> tuple[dt.date, dt.date]:
    """The days of a range, both included.

    A partial first bound counts from its first day, a partial last bound to its last day.

    Raises:
        InvalidDateError: A bound is not a date, or the range is reversed (both bounds named).

    >>> as_range("2022", "2022-03")
    (datetime.date(2022, 1, 1), datetime.date(2022, 3, 31))
    >>> as_range("2024", "2022")
    Traceback (most recent call last):
    ...
    turkicorg.errors.InvalidDateError: invalid date '2024/2022': the range is reversed: ...
    """
    lo, hi = as_date(first), as_date(last, last=True)
    if hi < lo:
        raise InvalidDateError(
            f"{first}/{last}",
            f"the range is reversed: its first bound {first} lies after its last bound {last}",
        )
    return lo, hi


def _to_partial(value: PartialDate | dt.date | str) -> PartialDate:
    return PartialDate.coerce(value)


def _end_default(instance: DateSpan) -> PartialDate:
    return instance.start


@attrs.frozen(order=False)
class DateSpan:
    """The days of an event, first and last day included.

    A one-day meeting has ``start == end``. Either bound may be partial: a meeting known as
    "August 2022" is ``DateSpan(start=PartialDate(2022, 8))``. The end may not lie before the
    start: some day of ``end`` must be on or after some day of ``start``.

    >>> span = DateSpan.parse("2023-10-17/2023-10-18")
    >>> span.days
    2
    >>> DateSpan(start="2023-10-18", end="2023-10-17")
    Traceback (most recent call last):
    ...
    turkicorg.errors.InvalidDateError: invalid date '2023-10-18/2023-10-17': the end lies ...

    Attributes:
        start: The first day (possibly partial).
        end: The last day, included (possibly partial); defaults to ``start``.
    """

    start: PartialDate = attrs.field(converter=_to_partial)
    end: PartialDate = attrs.field(
        converter=_to_partial, default=attrs.Factory(_end_default, takes_self=True)
    )

    def __attrs_post_init__(self) -> None:
        if self.end.latest < self.start.earliest:
            raise InvalidDateError(f"{self.start}/{self.end}", "the end lies before the start")

    @classmethod
    def parse(cls, text: str) -> DateSpan:
        """Parse ``START`` or ``START/END`` (each ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``)."""
        if not isinstance(text, str):
            raise InvalidDateError(text, "expected text such as '2023-10-17/2023-10-18'")
        start, sep, end = text.partition("/")
        if sep and not end:
            raise InvalidDateError(text, "missing end after '/'")
        return cls(start=PartialDate.parse(start), end=PartialDate.parse(end or start))

    @classmethod
    def on(cls, day: dt.date) -> DateSpan:
        """A span of one known day."""
        return cls(start=PartialDate.from_date(day))

    @property
    def earliest(self) -> dt.date:
        """The first day the event may have started."""
        return self.start.earliest

    @property
    def latest(self) -> dt.date:
        """The last day the event may have ended."""
        return self.end.latest

    @property
    def is_exact(self) -> bool:
        """True when both the first and the last day are known."""
        return self.start.is_exact and self.end.is_exact

    @property
    def days(self) -> int | None:
        """How many days the event lasted, or None when a bound is partial."""
        if not self.is_exact:
            return None
        return (self.end.earliest - self.start.earliest).days + 1

    def contains(self, day: dt.date) -> bool:
        """Return True when ``day`` may be one of the days of the event."""
        return self.earliest <= day <= self.latest

    def overlaps(self, first: dt.date, last: dt.date) -> bool:
        """Return True when the event may share a day with ``first..last`` (both included)."""
        return self.earliest <= last and first <= self.latest

    def within(self, first: dt.date, last: dt.date) -> bool:
        """Return True when every day the event may be lies in ``first..last``."""
        return first <= self.earliest and self.latest <= last

    def sort_key(self) -> tuple[dt.date, dt.date]:
        """Events sort by their first possible day, then their last."""
        return (self.earliest, self.latest)

    def __str__(self) -> str:
        if self.end == self.start:
            return str(self.start)
        return f"{self.start}/{self.end}"
