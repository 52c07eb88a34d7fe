r"""Meetings as an iCalendar file (RFC 5545), written by hand: no dependency.

>>> import datetime as dt
>>> from turkicorg import Meeting, MeetingRegistry
>>> from turkicorg.export import to_ical
>>> summit = Meeting(
...     id="chs-2022-11-11",
...     body="CHS",
...     kind="extraordinary",
...     title="Informal Summit; Samarkand, Uzbekistan",
...     start="2022-11-11",
...     sources=("https://turkicstates.org/",),
... )
>>> text = to_ical(MeetingRegistry([summit]), dtstamp=dt.datetime(2024, 1, 1, tzinfo=dt.UTC))
>>> print(text.replace("\r\n", "\n"), end="")
BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//turkicorg//turkicorg meetings//EN
CALSCALE:GREGORIAN
BEGIN:VEVENT
UID:chs-2022-11-11@turkicorg
DTSTAMP:20240101T000000Z
DTSTART;VALUE=DATE:20221111
DTEND;VALUE=DATE:20221112
SUMMARY:Informal Summit\; Samarkand\, Uzbekistan
STATUS:CONFIRMED
CATEGORIES:CHS,extraordinary
DESCRIPTION:Sources:\nhttps://turkicstates.org/
X-TURKICORG-PRECISION:day
END:VEVENT
END:VCALENDAR

Mapping (one ``VEVENT`` per meeting, in the order given):

* ``UID``: ``<meeting id>@turkicorg``, stable across exports (never random), so calendars
  update events instead of duplicating them.
* ``DTSTAMP``: ``dtstamp`` (a timezone-aware datetime, or a date for its midnight UTC); by
  default derived from the data, so the same data always gives the same file: the
  organization's ``last_verified`` day when an :class:`~turkicorg.Organization` is given,
  otherwise ``19700101T000000Z``. Pass ``dtstamp=datetime.now(UTC)`` for a live feed.
* ``DTSTART;VALUE=DATE`` and an exclusive ``DTEND;VALUE=DATE`` (the day after the last day);
  ``DURATION`` instead of ``DTEND`` for an event ending on 9999-12-31.
* ``SUMMARY`` (title), ``LOCATION`` (venue, city, country; "Video conference" when only that
  is known), ``STATUS`` (confirmed → ``CONFIRMED``, tentative → ``TENTATIVE``, cancelled →
  ``CANCELLED``, postponed → ``TENTATIVE`` with ``X-TURKICORG-STATUS:postponed`` and a note in
  the description), ``CATEGORIES`` (body and kind), ``DESCRIPTION`` (theme, host, chair,
  participants, note, sources), ``X-TURKICORG-PRECISION`` (``day``, ``month`` or ``year``).
* Meetings known only to the month or the year: left out by default (``partial="skip"``);
  ``partial="span"`` exports them as an all-day event over every day they may be (the whole
  month or year), with ``(dates approximate: 2022-08)`` after the title, a first line in the
  description, and ``X-TURKICORG-PRECISION:month`` or ``year``.

Text is escaped (``\``, ``;``, ``,``, newlines), carriage returns and other ASCII control
characters that RFC 5545 does not allow in text become line breaks or are dropped, lines are
folded at 75 octets without splitting a UTF-8 character or an escape, and every line ends
with CRLF.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Final, Literal

from turkicorg.data import load_default
from turkicorg.dates import PartialDate, Precision
from turkicorg.errors import InvalidDateError, MissingNameError, PolicyError
from turkicorg.languages import normalize_tag
from turkicorg.meetings import Format, Meeting, MeetingStatus
from turkicorg.organization import Organization

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from turkicorg.registry import MeetingRegistry

__all__ = ["DEFAULT_DTSTAMP", "PRODID", "to_ical"]

PRODID: Final = "-//turkicorg//turkicorg meetings//EN"
"""The ``PRODID`` of every calendar turkicorg writes."""
DEFAULT_DTSTAMP: Final = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
"""The ``DTSTAMP`` when neither ``dtstamp`` nor the organization's ``last_verified`` is known."""

_STATUS: Final = {
    MeetingStatus.CONFIRMED: "CONFIRMED",
    MeetingStatus.TENTATIVE: "TENTATIVE",
    MeetingStatus.CANCELLED: "CANCELLED",
    MeetingStatus.POSTPONED: "TENTATIVE",
}
_LINE_BREAK: Final = re.compile(r"\r\n|\r|\n")
_FORBIDDEN: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SURROGATE: Final = re.compile("[\ud800-\udfff]")
_ESCAPE: Final = str.maketrans({"\\": "\\\\", ";": "\\;", ",": "\\,", "\n": "\\n"})
_UNIT: Final = re.compile(r"\\.|.", re.DOTALL)
_LIMIT: Final = 75


def _text(value: str) -> str:
    r"""A TEXT value (RFC 5545, 3.3.11): line breaks as ``\n``, no control characters."""
    value = _LINE_BREAK.sub("\n", value)
    value = _FORBIDDEN.sub("", value)
    value = _SURROGATE.sub("\ufffd", value)
    return value.translate(_ESCAPE)


def _fold(line: str) -> str:
    """Fold a content line at 75 octets (RFC 5545, 3.1): CRLF and a space before each part.

    Never splits a UTF-8 sequence or a backslash escape.
    """
    if len(line.encode("utf-8")) <= _LIMIT:
        return line
    parts: list[str] = []
    current: list[str] = []
    size = 0
    limit = _LIMIT
    for unit in _UNIT.findall(line):
        width = len(unit.encode("utf-8"))
        if size + width > limit:
            parts.append("".join(current))
            current = []
            size = 0
            limit = _LIMIT - 1  # the leading space counts
        current.append(unit)
        size += width
    parts.append("".join(current))
    return "\r\n ".join(parts)


def _day(value: dt.date) -> str:
    return f"{value.year:04d}{value.month:02d}{value.day:02d}"


def _stamp(value: dt.datetime | dt.date) -> str:
    if isinstance(value, dt.datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            raise InvalidDateError(value, "dtstamp needs a timezone (for example datetime.UTC)")
        utc = value.astimezone(dt.UTC)
    elif isinstance(value, dt.date):
        utc = dt.datetime(value.year, value.month, value.day, tzinfo=dt.UTC)
    else:
        raise InvalidDateError(value, "dtstamp takes a datetime with a timezone, or a date")
    return f"{_day(utc.date())}T{utc.hour:02d}{utc.minute:02d}{utc.second:02d}Z"


def _precision(meeting: Meeting) -> Precision:
    dates: list[PartialDate] = (
        [meeting.start] if meeting.end is None else [meeting.start, meeting.end]
    )
    return min(d.precision for d in dates)


def _description(meeting: Meeting, precision: Precision) -> str:
    lines = []
    if precision is not Precision.DAY:
        lines.append(
            f"Exact dates not known: {meeting.span} (known to the {precision.name.lower()}); "
            "this entry covers every day the meeting may have taken place."
        )
    if meeting.status is MeetingStatus.POSTPONED:
        lines.append("Status: postponed.")
    if meeting.theme:
        lines.append(f"Theme: {meeting.theme}")
    for label, value in (
        ("Host", meeting.host),
        ("Chair", meeting.chair),
        ("Presided by", meeting.presided_by),
        ("Initiator", meeting.initiator),
    ):
        if value:
            lines.append(f"{label}: {value}")
    if meeting.format is Format.VIDEO:
        lines.append("Format: video conference")
    elif meeting.format is Format.HYBRID:
        lines.append("Format: hybrid")
    if meeting.participants:
        lines.append("Participants: " + "; ".join(str(p) for p in meeting.participants))
    if meeting.topics:
        lines.append("Topics: " + "; ".join(meeting.topics))
    if meeting.note:
        lines.append(f"Note: {meeting.note}")
    lines.append("Sources:")  # every meeting has at least one
    lines.extend(meeting.sources)
    return "\n".join(lines)


def _organ_titles(meetings: object, lang: str | None) -> Mapping[str, str]:
    """The organs' names in ``lang`` by body code, where a source gives them (none for English).

    The names come from the organization when one is given, otherwise from the embedded data.
    """
    if lang is None or lang == "en":
        return {}
    organs = meetings.organs if isinstance(meetings, Organization) else load_default().organs
    titles: dict[str, str] = {}
    for profile in organs:
        try:
            titles[profile.organ.value] = profile.name_in(lang)
        except MissingNameError:
            continue
    return titles


def _summary(
    meeting: Meeting, precision: Precision, lang: str | None, titles: Mapping[str, str]
) -> tuple[str, str | None]:
    """The ``SUMMARY`` line, and the English title when the summary is in another language."""
    local = titles.get(meeting.body.value)
    if lang is None or lang == "en" or local is None:
        summary = meeting.title
        if precision is not Precision.DAY:
            summary += f" (dates approximate: {meeting.span})"
        marked = "SUMMARY;LANGUAGE=en:" if lang not in (None, "en") else "SUMMARY:"
        return marked + _text(summary), None
    if precision is not Precision.DAY:
        local += f" ({meeting.span})"
    return f"SUMMARY;LANGUAGE={lang}:{_text(local)}", f"Title: {meeting.title}"


def _event(
    meeting: Meeting,
    stamp: str,
    *,
    partial: str,
    lang: str | None = None,
    titles: Mapping[str, str] | None = None,
) -> list[str] | None:
    precision = _precision(meeting)
    if precision is not Precision.DAY and partial == "skip":
        return None
    first = meeting.earliest
    last = meeting.latest
    lines = [
        "BEGIN:VEVENT",
        f"UID:{meeting.id}@turkicorg",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{_day(first)}",
    ]
    if last < dt.date.max:
        lines.append(f"DTEND;VALUE=DATE:{_day(last + dt.timedelta(days=1))}")
    else:
        lines.append(f"DURATION:P{(last - first).days + 1}D")
    summary, english = _summary(meeting, precision, lang, titles or {})
    lines.append(summary)
    location = str(meeting.place) if meeting.place is not None else ""
    if not location and meeting.format is Format.VIDEO:
        location = "Video conference"
    if location:
        lines.append(f"LOCATION:{_text(location)}")
    lines.append(f"STATUS:{_STATUS[meeting.status]}")
    lines.append(f"CATEGORIES:{_text(meeting.body.value)},{_text(meeting.kind.value)}")
    description = _description(meeting, precision)
    if english is not None:
        description = f"{english}\n{description}"
    lines.append(f"DESCRIPTION:{_text(description)}")
    lines.append(f"X-TURKICORG-PRECISION:{precision.name.lower()}")
    if meeting.status is MeetingStatus.POSTPONED:
        lines.append("X-TURKICORG-STATUS:postponed")
    lines.append("END:VEVENT")
    return lines


def to_ical(
    meetings: MeetingRegistry | Organization | Iterable[Meeting],
    *,
    dtstamp: dt.datetime | dt.date | None = None,
    partial: Literal["skip", "span"] = "skip",
    lang: str | None = None,
) -> str:
    """The meetings as an iCalendar (RFC 5545) text with CRLF line ends.

    Args:
        meetings: A registry, an organization (its registry) or any meetings.
        dtstamp: The ``DTSTAMP`` of every event; see the module documentation for the
            default.
        partial: What to do with meetings whose dates are known only to the month or year:
            ``"skip"`` them, or export each as a ``"span"`` over every day it may be.
        lang: A language tag (:data:`turkicorg.languages.TAGS`): the ``SUMMARY`` of a
            meeting of an organ whose name a source gives in that language is that name
            (``SUMMARY;LANGUAGE=tr:Dışişleri Bakanları Konseyi``), with the English title as
            the first line of the description; other meetings keep their English title,
            marked ``LANGUAGE=en``. The organ names come from the organization when one is
            given, otherwise from the embedded data. None or ``"en"``: English titles.

    Raises:
        InvalidDateError: ``dtstamp`` is a datetime without a timezone.
        PolicyError: ``partial`` is neither ``"skip"`` nor ``"span"``.
        UnknownLanguageError: ``lang`` is not a known tag.
    """
    if partial not in ("skip", "span"):
        raise PolicyError("to_ical", f"partial is 'skip' or 'span', not {partial!r}")
    tag = None if lang is None else normalize_tag(lang)
    titles = _organ_titles(meetings, tag)
    if dtstamp is None and isinstance(meetings, Organization) and meetings.last_verified:
        dtstamp = meetings.last_verified
    stamp = _stamp(DEFAULT_DTSTAMP if dtstamp is None else dtstamp)
    items = meetings.meetings if isinstance(meetings, Organization) else meetings
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN"]
    for meeting in items:
        event = _event(meeting, stamp, partial=partial, lang=tag, titles=titles)
        if event is not None:
            lines.extend(event)
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)
