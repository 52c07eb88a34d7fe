"""The cadence rules: expected schedules, gaps in the record and the next meeting due.

A meeting registry records meetings; an organ's :class:`~turkicorg.OrganProfile` states how
often the organ is expected to meet (:class:`~turkicorg.Cadence`). This module compares the
two with python-dateutil.

**Where the cadence comes from.** Every function takes an explicit ``cadence=`` or the
cadences of an explicit ``profile=``: one is required, this module reads no data (the methods
:meth:`Organization.gaps <turkicorg.Organization.gaps>`, ``due`` and ``expected`` pass the
organ's profile from the organization). Among several cadences of a profile, ``kind=`` picks
one; without it the rhythm of the regular meetings is used (or the first cadence when none is
about regular meetings). The embedded profiles state, with sources (:attr:`Cadence.sources
<turkicorg.Cadence.sources>`): CHS summits and CFM regular meetings every 12 months, informal
CFM meetings every September (UN General Assembly), the Council of Elders every 6 months
("twice a year in principle"); the Senior Officials Committee and the Secretariat have no
stated rhythm: asking about them raises :class:`~turkicorg.PolicyError`.

**Which meetings count.** The meetings of the organ of the cadence's kind that were held
(status confirmed). Planned (tentative), cancelled and postponed meetings neither fill a gap nor
reset the rhythm; :func:`due` names the next recorded meeting, planned or held, separately.

**The rules.**

* An *expected window* follows each counted meeting: the calendar month ``months`` after its
  start (the sources state rhythms in months, "twice a year", not in days: after a meeting on
  1 May the next is expected in November; a partial start widens the window: "2022" + 6
  months is July 2022 to June 2023); when the cadence names a ``month``, the window is
  instead the first such month that begins after the start (every ``months`` months from that
  month of the year of the first counted meeting).
* :func:`expected` gives one schedule for a range, as a dateutil ``rrule``: anchored on the
  first counted meeting in or before the range and stepping ``months`` from its start (a
  month-anchored cadence needs no meeting to anchor on).
* :func:`gaps` reports each period without a counted meeting in which at least one expected
  window passed entirely: from the day after the last day of one meeting to the day before the
  next one starts (or to the end of the range, after the last meeting recorded). A meeting
  within the expected month leaves no gap; one in the month after it does.
* :func:`due` gives the window after the last counted meeting that started by a day, and says
  whether it has passed (overdue).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from dateutil.relativedelta import relativedelta
from dateutil.rrule import MONTHLY, rrule

from turkicorg.cadence.answers import Due, Gap, Schedule
from turkicorg.dates import PartialDate, Precision, as_date, as_range, month_days
from turkicorg.errors import PolicyError
from turkicorg.meetings import Meeting, MeetingKind, MeetingStatus
from turkicorg.organs import Cadence, Organ, OrganProfile

if TYPE_CHECKING:
    from collections.abc import Iterator

    from turkicorg.registry import DateLike, MeetingRegistry

__all__ = [
    "counted_meetings",
    "due",
    "expected",
    "gaps",
    "resolve_cadence",
]

_NOT_HELD = frozenset({MeetingStatus.CANCELLED, MeetingStatus.POSTPONED})


def resolve_cadence(
    organ: Organ | str,
    *,
    kind: MeetingKind | str | None = None,
    cadence: Cadence | None = None,
    profile: OrganProfile | None = None,
) -> Cadence:
    """The cadence to use: ``cadence``, else the one of ``profile`` (one of them is required).

    Raises:
        PolicyError: Neither ``cadence`` nor ``profile`` is given, no cadence is stated for the
            organ (and kind), or the arguments disagree.
    """
    wanted_organ = Organ(organ)
    wanted = None if kind is None else MeetingKind(kind)
    if cadence is not None:
        if wanted is not None and cadence.kind != wanted:
            raise PolicyError(
                "cadence", f"the cadence given is about {cadence.kind} meetings, not {wanted}"
            )
        return cadence
    if profile is None:
        raise PolicyError(
            "cadence",
            f"no cadence or profile given for {wanted_organ.value}: pass cadence= or profile= "
            f"(Organization.gaps/due/expected pass the organ's profile)",
        )
    if profile.organ is not wanted_organ:
        raise PolicyError(
            "cadence", f"the profile given is of {profile.organ.value}, not {wanted_organ.value}"
        )
    if wanted is not None:
        matching = [c for c in profile.cadences if c.kind == wanted]
    else:
        matching = [c for c in profile.cadences if c.kind == MeetingKind.REGULAR]
        matching = matching or list(profile.cadences)
    if not matching:
        about = f"{wanted} meetings of " if wanted is not None else ""
        raise PolicyError("cadence", f"no cadence is stated for {about}{wanted_organ.value}")
    return matching[0]


def counted_meetings(
    registry: MeetingRegistry, organ: Organ | str, cadence: Cadence
) -> tuple[Meeting, ...]:
    """The meetings a cadence counts: of the organ and kind, and held (status confirmed).

    Planned (tentative), cancelled and postponed meetings neither fill a gap nor reset the
    rhythm; :func:`due` names the next planned one separately.
    """
    found = registry.filter(organ=organ, kind=cadence.kind)
    return tuple(m for m in found if m.status is MeetingStatus.CONFIRMED)


def _bounds(between: tuple[DateLike, DateLike]) -> tuple[dt.date, dt.date]:
    first, last = between
    return as_range(first, last)


def _midnight(day: dt.date) -> dt.datetime:
    """The naive datetime dateutil's rules work in (calendar days, no time zone)."""
    return dt.datetime.combine(day, dt.time())


def _month_rule(cadence: Cadence, month: int, year: int) -> rrule:
    """Every ``months`` months, on the first day of ``month``, from ``year`` on."""
    return rrule(MONTHLY, interval=cadence.months, dtstart=_midnight(dt.date(year, month, 1)))


def _stepping_rule(day: dt.date, months: int) -> rrule:
    """Every ``months`` months from ``day``, on the same day of the month or the month's last.

    The earlier of the two (``bysetpos=1``): the same day whenever the month has it.
    """
    return rrule(
        MONTHLY,
        interval=months,
        dtstart=_midnight(day.replace(day=1)),
        bymonthday=(day.day, -1),
        bysetpos=1,
    )


def _month_window(day: dt.date) -> tuple[dt.date, dt.date]:
    last = month_days(day.year, day.month)
    return day.replace(day=1), day.replace(day=last)


def _windows_after(
    meeting: Meeting, cadence: Cadence, month_rule: rrule | None
) -> Iterator[tuple[dt.date, dt.date]]:
    """The expected windows after a meeting, in order, until the calendar ends (year 9999)."""
    if month_rule is not None:
        start = _midnight(meeting.start.latest)
        for occurrence in month_rule.xafter(start):
            yield _month_window(occurrence.date())
        return
    step = 1
    while True:
        shift = relativedelta(months=step * cadence.months)
        try:
            # The sources state rhythms in months ("twice a year"), not days: the next meeting
            # is expected within the calendar month(s) ``months`` after the last one.
            yield (
                _month_window(meeting.start.earliest + shift)[0],
                _month_window(meeting.start.latest + shift)[1],
            )
        except (ValueError, OverflowError):
            return
        step += 1


def _count_passed(windows: Iterator[tuple[dt.date, dt.date]], deadline: dt.date) -> int:
    """How many windows end on or before ``deadline`` (windows come in order)."""
    count = 0
    for _, latest in windows:
        if latest > deadline:
            break
        count += 1
    return count


def _truncate(day: dt.date, precision: Precision, months: int) -> PartialDate:
    """An occurrence at the anchor's precision (a year only when the steps are whole years)."""
    if precision is Precision.MONTH or (precision is Precision.YEAR and months % 12):
        return PartialDate(day.year, day.month)
    if precision is Precision.YEAR:
        return PartialDate(day.year)
    return PartialDate(day.year, day.month, day.day)


def expected(
    registry: MeetingRegistry,
    organ: Organ | str,
    *,
    between: tuple[DateLike, DateLike],
    kind: MeetingKind | str | None = None,
    cadence: Cadence | None = None,
    profile: OrganProfile | None = None,
) -> Schedule:
    """The expected meetings of an organ that may fall in a range, as an rrule schedule.

    The schedule is anchored on the first counted meeting in or before the range and steps
    ``months`` from its start; when the cadence names a month, it steps from that month of the
    year of the first counted meeting (of the range's first year when there is none).

    Args:
        registry: The meetings.
        organ: The organ.
        between: ``(first, last)``, both included (a partial ``last`` to its last day).
        kind: Which of the organ's cadences (default: the regular meetings').
        cadence: The cadence to use (instead of one from ``profile``).
        profile: The organ profile to take the cadence from (``cadence`` or ``profile`` is
            required).

    Raises:
        PolicyError: No ``cadence`` or ``profile`` given, or no cadence stated for the organ.
    """
    organ = Organ(organ)
    chosen = resolve_cadence(organ, kind=kind, cadence=cadence, profile=profile)
    first, last = _bounds(between)
    anchors = [m for m in counted_meetings(registry, organ, chosen) if m.earliest <= last]
    anchor = anchors[0] if anchors else None
    if chosen.month is not None:
        rule = _month_rule(chosen, chosen.month, anchor.earliest.year if anchor else first.year)
        precision = Precision.MONTH
    elif anchor is not None:
        rule = _stepping_rule(anchor.start.earliest, chosen.months)
        precision = anchor.start.precision
    else:
        return Schedule(
            organ=organ, cadence=chosen, first=first, last=last, anchor=None, occurrences=()
        )
    occurrences = []
    for moment in rule:
        occurrence = _truncate(moment.date(), precision, chosen.months)
        if occurrence.earliest > last:
            break
        if occurrence.latest >= first:
            occurrences.append(occurrence)
    return Schedule(
        organ=organ,
        cadence=chosen,
        first=first,
        last=last,
        anchor=anchor.id if anchor else None,
        occurrences=tuple(occurrences),
        rule=rule,
    )


def gaps(
    registry: MeetingRegistry,
    organ: Organ | str,
    *,
    between: tuple[DateLike, DateLike],
    kind: MeetingKind | str | None = None,
    cadence: Cadence | None = None,
    profile: OrganProfile | None = None,
    horizon: dt.date | None = None,
) -> tuple[Gap, ...]:
    """The periods without a counted meeting in which an expected window passed entirely.

    A gap runs from the day after a meeting (the last day any earlier meeting may have lasted)
    to the day before the next recorded one starts, and is reported, whole, when it overlaps
    the range and at least one window expected after the meeting ends within it. After the
    last meeting recorded, the period runs to the end of the range (its ``first_after`` is
    None): the same question as :func:`due` asked on the day after the range.

    The arguments are those of :func:`expected`; with ``horizon`` (the data horizon) the
    range stops there: a meeting is not missing merely because the data ends.

    Raises:
        PolicyError: No ``cadence`` or ``profile`` given, or no cadence stated for the organ.
        InvalidDateError: The range is reversed.
    """
    organ = Organ(organ)
    chosen = resolve_cadence(organ, kind=kind, cadence=cadence, profile=profile)
    first, last = _bounds(between)
    if horizon is not None:
        last = min(last, horizon)
    meetings = counted_meetings(registry, organ, chosen)
    month_rule = None
    if chosen.month is not None and meetings:
        month_rule = _month_rule(chosen, chosen.month, meetings[0].earliest.year)
    found: list[Gap] = []
    covered = dt.date.min.toordinal()  # no day covered yet
    anchor: Meeting | None = None
    for index, meeting in enumerate(meetings):
        covered = max(covered, meeting.latest.toordinal())
        if anchor is None or meeting.start.latest >= anchor.start.latest:
            anchor = meeting
        following = meetings[index + 1] if index + 1 < len(meetings) else None
        after: str | None = None
        end = last.toordinal()
        if following is not None:
            after = following.id
            end = following.earliest.toordinal() - 1
        start = covered + 1
        if start > end or start > last.toordinal() or end < first.toordinal():
            continue  # no day without a meeting, or none in the range
        missing = _count_passed(
            _windows_after(anchor, chosen, month_rule), dt.date.fromordinal(end)
        )
        if missing:
            found.append(
                Gap(
                    start=dt.date.fromordinal(start),
                    end=dt.date.fromordinal(end),
                    expected_interval_months=chosen.months,
                    missing=missing,
                    last_before=anchor.id,
                    first_after=after,
                    sources=chosen.sources,
                )
            )
    return tuple(found)


def due(
    registry: MeetingRegistry,
    organ: Organ | str,
    *,
    on: DateLike | None = None,
    kind: MeetingKind | str | None = None,
    cadence: Cadence | None = None,
    profile: OrganProfile | None = None,
    horizon: dt.date | None = None,
) -> Due:
    """When the next meeting is expected: the window after the last meeting started by ``on``.

    ``on`` is the day of the question (default today; a partial date is its first day); the
    other arguments are those of :func:`expected`. With ``horizon`` (the data horizon), only
    windows that ended by the horizon count as missed, and an answer for a later day is
    flagged ``beyond_horizon``: a meeting is not overdue merely because the data ends.

    Raises:
        PolicyError: No ``cadence`` or ``profile`` given, no cadence stated, or no counted
            meeting may have started by ``on``.
    """
    organ = Organ(organ)
    chosen = resolve_cadence(organ, kind=kind, cadence=cadence, profile=profile)
    day = as_date(on)
    meetings = counted_meetings(registry, organ, chosen)
    started = [m for m in meetings if m.earliest <= day]
    if not started:
        raise PolicyError(
            "cadence", f"no {chosen.kind} meeting of {organ.value} is recorded by {day}"
        )
    last = max(reversed(started), key=lambda m: m.start.latest)
    month_rule = None
    if chosen.month is not None:
        month_rule = _month_rule(chosen, chosen.month, meetings[0].earliest.year)
    windows = _windows_after(last, chosen, month_rule)
    window = next(windows, None)
    if window is None:
        raise PolicyError("cadence", f"no meeting can be expected after {last.id} (year 9999)")
    beyond = horizon is not None and day > horizon
    deadline = horizon + dt.timedelta(days=1) if beyond and horizon is not None else day
    missed = 0
    if window[1] < deadline:
        missed = 1 + _count_passed(windows, deadline - dt.timedelta(days=1))
    planned = registry.filter(organ=organ, kind=chosen.kind)
    following = next((m for m in planned if m.status not in _NOT_HELD and m.earliest > day), None)
    return Due(
        organ=organ,
        kind=str(chosen.kind),
        on=day,
        last=last.id,
        earliest=window[0],
        latest=window[1],
        interval_months=chosen.months,
        missed=missed,
        next_recorded=following.id if following else None,
        beyond_horizon=beyond,
        horizon=horizon if beyond else None,
        sources=chosen.sources,
    )
