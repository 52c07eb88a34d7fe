"""The answers of the cadence rules: a schedule, a gap in the record, the next meeting due."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import attrs
from dateutil.rrule import rrule

from turkicorg.dates import PartialDate
from turkicorg.organs import Cadence, Organ
from turkicorg.sourcing import cite, horizon_note

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["Due", "Gap", "Schedule"]


@attrs.frozen(kw_only=True)
class Schedule:
    """The expected meetings of an organ in a range.

    Attributes:
        organ: The organ.
        cadence: The rhythm the schedule follows (with its sources).
        first: The first day of the range.
        last: The last day of the range.
        anchor: The id of the meeting the schedule counts from; None when no meeting is
            recorded in or before the range (then only a cadence naming a month expects any).
        occurrences: The expected meetings that may fall in the range, each as a partial date
            (a month when the cadence names one or the anchor is known to the month).
        rule: The dateutil ``rrule`` of the occurrences (None when nothing can be expected).
    """

    organ: Organ
    cadence: Cadence
    first: dt.date
    last: dt.date
    anchor: str | None
    occurrences: tuple[PartialDate, ...]
    rule: rrule | None = attrs.field(default=None, eq=False, repr=False)

    def __iter__(self) -> Iterator[PartialDate]:
        return iter(self.occurrences)

    def __len__(self) -> int:
        return len(self.occurrences)


@attrs.frozen(kw_only=True)
class Gap:
    """A period without a recorded meeting in which an expected meeting did not take place.

    Attributes:
        start: The first day without a meeting (the day after the last one ended).
        end: The last day without a meeting (the day before the next one, or the end of the
            range when no later meeting is recorded at all).
        expected_interval_months: The expected interval of the cadence.
        missing: How many expected windows after ``last_before`` passed entirely before the
            next meeting started (or by the end of the range).
        last_before: The id of the meeting the windows count from: of the meetings before
            the gap, the one that may have started last (the greatest latest start day; with
            exact dates, simply the last meeting).
        first_after: The id of the meeting after the gap (None: no later meeting is recorded).
        sources: Where the expected rhythm is stated (the cadence's sources; evidence, not
            part of the answer's equality).
    """

    start: dt.date
    end: dt.date
    expected_interval_months: int
    missing: int
    last_before: str
    first_after: str | None = None
    sources: tuple[str, ...] = attrs.field(default=(), eq=False)

    def explain(self) -> str:
        """Say the gap, the rhythm it breaks and where that rhythm is stated."""
        return f"{self}. The rhythm: {cite(self.sources)}"

    @property
    def days(self) -> int:
        """The length of the period in days."""
        return (self.end - self.start).days + 1

    def __str__(self) -> str:
        after = f" until {self.first_after}" if self.first_after else ""
        return (
            f"{self.start}/{self.end}: {self.missing} expected meeting(s) missing "
            f"(every {self.expected_interval_months} months) after {self.last_before}{after}"
        )


@attrs.frozen(kw_only=True)
class Due:
    """When the next meeting of an organ is expected, as of a day.

    Attributes:
        organ: The organ.
        kind: The kind of meeting the cadence is about.
        on: The day of the question.
        last: The id of the meeting the window counts from: of the counted meetings that may
            have started by ``on``, the one that may have started last (the greatest latest
            start day; with exact dates, simply the last meeting).
        earliest: The first day of the expected window.
        latest: The last day of the expected window.
        interval_months: The expected interval of the cadence.
        missed: How many expected windows have passed entirely before ``on`` since ``last``.
        next_recorded: The id of the first counted meeting recorded after ``on``, if any
            (a planned meeting).
        beyond_horizon: True when ``on`` lies after the data horizon; ``missed`` then counts
            only the windows that ended by the horizon.
        horizon: The data horizon, when ``on`` lies after it.
        sources: Where the expected rhythm is stated (the cadence's sources; evidence, not
            part of the answer's equality).
    """

    organ: Organ
    kind: str
    on: dt.date
    last: str
    earliest: dt.date
    latest: dt.date
    interval_months: int
    missed: int
    next_recorded: str | None = None
    beyond_horizon: bool = False
    horizon: dt.date | None = None
    sources: tuple[str, ...] = attrs.field(default=(), eq=False)

    def explain(self) -> str:
        """Say when the next meeting is expected, whether it is overdue, and on what rhythm."""
        sentences = [f"The {self}.", cite(self.sources)]
        if self.horizon is not None:
            sentences.append(horizon_note(self.horizon))
        return " ".join(sentences)

    @property
    def window(self) -> tuple[dt.date, dt.date]:
        """``(earliest, latest)``: the days the next meeting is expected on."""
        return (self.earliest, self.latest)

    @property
    def overdue(self) -> bool:
        """True when the expected window has passed by ``on``."""
        return self.missed > 0

    def __str__(self) -> str:
        when = (
            str(self.earliest) if self.earliest == self.latest else f"{self.earliest}/{self.latest}"
        )
        state = (
            f"overdue on {self.on} ({self.missed} missed)" if self.overdue else f"as of {self.on}"
        )
        recorded = f"; next recorded: {self.next_recorded}" if self.next_recorded else ""
        data = f" (the data ends on {self.horizon})" if self.horizon is not None else ""
        return (
            f"next {self.organ.value} {self.kind} meeting expected {when}, {state}{recorded}{data}"
        )
