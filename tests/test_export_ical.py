"""Meetings as iCalendar: RFC 5545 lines, escaping, folding, checked by the icalendar parser."""

from __future__ import annotations

import datetime as dt
import re

import attrs
import icalendar
import pytest
from hypothesis import given
from hypothesis import strategies as st

import turkicorg
from turkicorg import InvalidDateError, Meeting, MeetingRegistry, PolicyError, Precision
from turkicorg import strategies as tst
from turkicorg.export import to_ical
from turkicorg.export.ical import DEFAULT_DTSTAMP, _description
from turkicorg.meetings import Format, MeetingStatus, Participant, Place

STAMP = dt.datetime(2024, 5, 6, 7, 8, 9, tzinfo=dt.UTC)
MEETING = Meeting(
    id="chs-9",
    body="CHS",
    kind="regular",
    title="9th Summit",
    start="2022-11-11",
    sources=("https://turkicstates.org/",),
)
STATUS = {
    MeetingStatus.CONFIRMED: "CONFIRMED",
    MeetingStatus.TENTATIVE: "TENTATIVE",
    MeetingStatus.CANCELLED: "CANCELLED",
    MeetingStatus.POSTPONED: "TENTATIVE",
}


def readable(text: str) -> str:
    """What a calendar shows for a TEXT value: line breaks as LF, control characters gone."""
    text = re.sub(r"\r\n|\r|\n", "\n", text)
    text = re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", "", text)
    return re.sub("[\ud800-\udfff]", "\ufffd", text)


def precision(meeting: Meeting) -> Precision:
    return min(d.precision for d in (meeting.start, meeting.end or meeting.start))


def events(text: str) -> list[icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(text)
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"]) == "-//turkicorg//turkicorg meetings//EN"
    return list(calendar.walk("VEVENT"))


def assert_rfc_lines(text: str) -> None:
    """CRLF everywhere, no line over 75 octets, continuation lines start with a space."""
    assert text.endswith("\r\n")
    lines = text.split("\r\n")[:-1]
    bare = text.replace("\r\n", "")
    assert "\n" not in bare
    assert "\r" not in bare
    for line in lines:
        assert len(line.encode("utf-8")) <= 75, line
        assert not re.search("[\x00-\x08\x0a-\x1f\x7f]", line), line
    assert lines[0] == "BEGIN:VCALENDAR"
    assert lines[-1] == "END:VCALENDAR"


@given(registry=tst.hostile_registries(), partial=st.sampled_from(["skip", "span"]))
def test_every_field_survives_a_real_parser(registry: MeetingRegistry, partial: str) -> None:
    """icalendar reads back every property of every exported meeting, hostile text included."""
    text = to_ical(registry, dtstamp=STAMP, partial=partial)  # type: ignore[arg-type]
    assert_rfc_lines(text)
    exported = [m for m in registry if partial == "span" or precision(m) is Precision.DAY]
    parsed = events(text)
    assert len(parsed) == len(exported) == text.count("\r\nBEGIN:VEVENT\r\n")
    for meeting, event in zip(exported, parsed, strict=True):
        exact = precision(meeting) is Precision.DAY
        assert str(event["UID"]) == f"{meeting.id}@turkicorg"
        assert event.decoded("DTSTAMP") == STAMP
        assert event.decoded("DTSTART") == meeting.earliest
        if meeting.latest < dt.date.max:
            assert event.decoded("DTEND") == meeting.latest + dt.timedelta(days=1)
        else:
            assert event.decoded("DURATION") == meeting.latest - meeting.earliest + dt.timedelta(1)
        summary = meeting.title if exact else f"{meeting.title} (dates approximate: {meeting.span})"
        assert str(event["SUMMARY"]) == readable(summary)
        location = str(meeting.place) if meeting.place else ""
        if not location and meeting.format is Format.VIDEO:
            location = "Video conference"
        assert str(event.get("LOCATION", "")) == readable(location)
        assert str(event["STATUS"]) == STATUS[meeting.status]
        assert str(event["DESCRIPTION"]) == readable(_description(meeting, precision(meeting)))
        assert str(event["X-TURKICORG-PRECISION"]) == precision(meeting).name.lower()
        postponed = meeting.status is MeetingStatus.POSTPONED
        assert ("X-TURKICORG-STATUS" in event) is postponed


@pytest.mark.parametrize("title", tst.HOSTILE_TEXTS)
def test_hostile_titles(title: str) -> None:
    """Titles with newlines, ; , \\, BEGIN:VEVENT or long non-ASCII text stay one event."""
    title = title if title.strip() else f"x{title}"
    meeting = attrs.evolve(MEETING, title=title)
    text = to_ical(MeetingRegistry([meeting]), dtstamp=STAMP)
    assert_rfc_lines(text)
    (event,) = events(text)
    assert str(event["SUMMARY"]) == readable(title)


def test_folding_keeps_characters_and_escapes_whole() -> None:
    """Long lines fold at 75 octets between characters and outside backslash escapes."""
    title = "Ş" * 50 + ";" * 40 + "😀" * 20
    text = to_ical(MeetingRegistry([attrs.evolve(MEETING, title=title)]), dtstamp=STAMP)
    summary = text.split("SUMMARY:", 1)[1].split("\r\nSTATUS", 1)[0]
    parts = summary.split("\r\n ")
    assert len(parts) > 3
    for part in parts:
        assert not part.endswith("\\") or part.endswith("\\\\")
    assert "".join(parts) == "Ş" * 50 + "\\;" * 40 + "😀" * 20


def test_pinned_event() -> None:
    """A two-day meeting with a place, participants and a note, property by property."""
    meeting = attrs.evolve(
        MEETING,
        end="2022-11-12",
        place=Place(venue="Congress Centre", city="Samarkand", country="UZ"),
        host="UZ",
        participants=(Participant(party="AZ"), Participant(person="Ann", role="observer")),
        note="Summit; informal, with \\ guests",
        status=MeetingStatus.POSTPONED,
    )
    text = to_ical(MeetingRegistry([meeting]), dtstamp=STAMP)
    assert (
        "\r\nDTSTART;VALUE=DATE:20221111\r\nDTEND;VALUE=DATE:20221113\r\n"
        "SUMMARY:9th Summit\r\nLOCATION:Congress Centre\\, Samarkand\\, UZ\r\n"
        "STATUS:TENTATIVE\r\nCATEGORIES:CHS,regular\r\n"
        "DESCRIPTION:Status: postponed.\\nHost: UZ\\nParticipants: AZ\\; Ann\\, observer\r\n"
        " \\nNote: Summit\\; informal\\, with \\\\ guests\\nSources:\\nhttps://turkicstates\r\n"
        " .org/\r\nX-TURKICORG-PRECISION:day\r\nX-TURKICORG-STATUS:postponed\r\n"
    ) in text


def test_partial_dates_are_skipped_or_spanned() -> None:
    """A meeting known to the month is left out by default and spans the month on request."""
    august = attrs.evolve(MEETING, id="coe-2022", start="2022-08")
    registry = MeetingRegistry([august, MEETING])
    assert [str(e["UID"]) for e in events(to_ical(registry))] == ["chs-9@turkicorg"]
    (event, _) = events(to_ical(registry, partial="span"))
    assert event.decoded("DTSTART") == dt.date(2022, 8, 1)
    assert event.decoded("DTEND") == dt.date(2022, 9, 1)
    assert str(event["SUMMARY"]) == "9th Summit (dates approximate: 2022-08)"
    assert str(event["X-TURKICORG-PRECISION"]) == "month"
    assert str(event["DESCRIPTION"]).startswith(
        "Exact dates not known: 2022-08 (known to the month)"
    )
    year = attrs.evolve(MEETING, id="coe-2014", start="2014", end="2015")
    (event,) = events(to_ical([year], partial="span"))
    assert (event.decoded("DTSTART"), event.decoded("DTEND")) == (
        dt.date(2014, 1, 1),
        dt.date(2016, 1, 1),
    )
    assert str(event["X-TURKICORG-PRECISION"]) == "year"


def test_last_possible_day_uses_a_duration() -> None:
    """An event on 9999-12-31 cannot have an exclusive end date: DURATION is used."""
    (event,) = events(to_ical([attrs.evolve(MEETING, start="9999-12-30", end="9999-12-31")]))
    assert event.decoded("DURATION") == dt.timedelta(days=2)


def test_video_meetings_and_status_values() -> None:
    """A video conference without a place is located as such; statuses map to RFC values."""
    video = attrs.evolve(MEETING, format=Format.VIDEO, status=MeetingStatus.CANCELLED)
    (event,) = events(to_ical([video]))
    assert str(event["LOCATION"]) == "Video conference"
    assert str(event["STATUS"]) == "CANCELLED"
    assert "Format: video conference" in str(event["DESCRIPTION"])
    hybrid = attrs.evolve(MEETING, format=Format.HYBRID, theme="Green", topics=("a", "b"))
    (event,) = events(to_ical([hybrid]))
    assert "LOCATION" not in event
    assert str(event["DESCRIPTION"]).startswith("Theme: Green\nFormat: hybrid\nTopics: a; b")


def test_dtstamp_choices() -> None:
    """DTSTAMP: injected, a date, the organization's last_verified, or the fixed default."""
    registry = MeetingRegistry([MEETING])
    paris = dt.timezone(dt.timedelta(hours=2))
    (event,) = events(to_ical(registry, dtstamp=dt.datetime(2024, 1, 1, 2, tzinfo=paris)))
    assert event.decoded("DTSTAMP") == dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    (event,) = events(to_ical(registry, dtstamp=dt.date(2023, 3, 4)))
    assert event.decoded("DTSTAMP") == dt.datetime(2023, 3, 4, tzinfo=dt.UTC)
    (event,) = events(to_ical(registry))
    assert event.decoded("DTSTAMP") == DEFAULT_DTSTAMP
    ots = turkicorg.load_default().with_meetings([MEETING])
    assert ots.last_verified is not None
    (event,) = events(to_ical(ots))
    last = ots.last_verified
    assert event.decoded("DTSTAMP") == dt.datetime(last.year, last.month, last.day, tzinfo=dt.UTC)
    assert to_ical(registry) == to_ical(MeetingRegistry([MEETING]))


def test_bad_arguments() -> None:
    """A naive datetime or an unknown partial policy is refused."""
    with pytest.raises(InvalidDateError, match="timezone"):
        to_ical([MEETING], dtstamp=dt.datetime(2024, 1, 1))  # noqa: DTZ001 - the point
    with pytest.raises(InvalidDateError):
        to_ical([MEETING], dtstamp="2024-01-01")  # type: ignore[arg-type]
    with pytest.raises(PolicyError, match="partial"):
        to_ical([MEETING], partial="guess")  # type: ignore[arg-type]


def test_empty_calendar() -> None:
    """No meetings: a valid calendar with no events."""
    text = to_ical(MeetingRegistry())
    assert text == (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//turkicorg//turkicorg meetings//EN\r\n"
        "CALSCALE:GREGORIAN\r\nEND:VCALENDAR\r\n"
    )
    assert events(text) == []


def test_lone_surrogates_are_replaced() -> None:
    """Text built in Python with lone surrogates is written as U+FFFD, never crashing."""
    text = to_ical([attrs.evolve(MEETING, title="bad \udc80 title")])
    text.encode("utf-8")
    assert "SUMMARY:bad \ufffd title" in text
