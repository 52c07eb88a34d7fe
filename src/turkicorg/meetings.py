"""Meetings: summits, ministerial and elders' meetings, other mechanisms and bilateral contacts.

A :class:`Meeting` records who met, when (to the precision the sources give), where or in what
format, who hosted, who chaired and who presided (three separate facts), who took part, and
where this is documented.
"""

from __future__ import annotations

import enum
import re
from typing import TYPE_CHECKING, Final

import attrs

from turkicorg.dates import DateSpan, PartialDate
from turkicorg.errors import InvalidDataError
from turkicorg.organs import Body, Mechanism, Organ
from turkicorg.sourcing import Alternative, Confidence, plain_url, sources_ok, url_problem
from turkicorg.text import choose

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable

__all__ = [
    "Body",
    "Format",
    "Meeting",
    "MeetingKind",
    "MeetingStatus",
    "Participant",
    "Place",
    "plain_meeting",
    "resolve_kind",
    "resolve_status",
]

_MEETING_ID: Final = re.compile(r"[a-z0-9][a-z0-9._-]{0,99}")


class MeetingKind(enum.StrEnum):
    """The kind of a meeting within its body's practice."""

    REGULAR = "regular"
    EXTRAORDINARY = "extraordinary"
    INFORMAL = "informal"
    BILATERAL = "bilateral"
    MISSION = "mission"
    """A mission or programme rather than a sitting (election observation, training)."""


class Format(enum.StrEnum):
    """How the participants met."""

    IN_PERSON = "in_person"
    """Everyone met in one place (also the default, when the data records no format)."""
    VIDEO = "video"
    """By video conference; a calendar entry without a place gives "Video conference"."""
    HYBRID = "hybrid"
    """Some met in one place, others joined by video."""


class MeetingStatus(enum.StrEnum):
    """Whether the meeting took place (Popolo event statuses, RFC 5545 ``STATUS``)."""

    CONFIRMED = "confirmed"
    """Held as recorded (the only status the cadence rules count as held)."""
    TENTATIVE = "tentative"
    """Announced or planned, not known to have been held."""
    CANCELLED = "cancelled"
    """Called off: never counted as held."""
    POSTPONED = "postponed"
    """Put off to a later date: not counted as held; iCalendar has no such status, so the
    calendar writes ``STATUS:TENTATIVE`` with ``X-TURKICORG-STATUS:postponed``."""


@attrs.frozen(kw_only=True)
class Place:
    """Where a meeting was held.

    Attributes:
        city: The city, as the sources spell it in English ("Samarkand").
        country: The party id of the country or entity the city lies in ("UZ").
        venue: The building or site, where known ("OSCE Secretariat").
    """

    city: str | None = None
    country: str | None = None
    venue: str | None = None

    def __str__(self) -> str:
        return ", ".join(part for part in (self.venue, self.city, self.country) if part)


@attrs.frozen(kw_only=True)
class Participant:
    """Someone who took part: a party, a person, or a person on behalf of a party.

    Attributes:
        party: The party id ("KZ", "OSCE"), when the participant represents one.
        person: The person's name as the sources give it ("Helga Maria Schmid").
        role: The person's role ("Secretary General of the OSCE").
    """

    party: str | None = None
    person: str | None = None
    role: str | None = None

    def __attrs_post_init__(self) -> None:
        if self.party is None and self.person is None:
            raise ValueError("a participant needs a party, a person or both")

    def __str__(self) -> str:
        who = self.person or self.party or ""
        if self.role:
            who = f"{who}, {self.role}" if self.person else f"{who} ({self.role})"
        elif self.person and self.party:
            who = f"{who} ({self.party})"
        return who


def to_body(value: Body | str) -> Body:
    """Return the organ or mechanism named by ``value`` ("CFM", "bilateral", ...)."""
    if isinstance(value, (Organ, Mechanism)):
        return value
    for enum_type in (Organ, Mechanism):
        try:
            return enum_type(value)
        except ValueError:
            pass
    raise ValueError(f"unknown body {value!r}: expected an organ or a mechanism")


def _participants(values: Iterable[Participant]) -> tuple[Participant, ...]:
    return tuple(values)


def _strings(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


def _alternatives(values: Iterable[Alternative]) -> tuple[Alternative, ...]:
    return tuple(values)


def _to_partial(value: PartialDate | dt.date | str) -> PartialDate:
    return PartialDate.coerce(value)


def _to_optional_partial(value: PartialDate | dt.date | str | None) -> PartialDate | None:
    return None if value is None else PartialDate.coerce(value)


@attrs.frozen(kw_only=True)
class Meeting:
    """One meeting, dated to the precision the sources give.

    Attributes:
        id: Stable identifier: lower-case letters, digits, ``.``, ``_`` and ``-``
            ("chs-2022-11-11").
        body: The body that met (an :class:`Organ` or a :class:`Mechanism`).
        kind: Regular, extraordinary, informal, bilateral or a mission.
        title: A short title ("9th Summit of the Organization of Turkic States").
        start: The first day (possibly only the month or year).
        end: The last day, included; None for a one-day meeting or when only ``start`` is
            known.
        ordinal: The number of the meeting within its series, when the sources give one.
        series: The series the ordinal counts in; defaults to ``"<body>:<kind>"``.
        place: Where it was held; None for a video conference or when not known.
        format: In person, video conference or hybrid.
        host: The party id of the host.
        chair: The party id that chaired (may differ from the host).
        presided_by: Who presided over the sitting, in words (may differ from the chair).
        initiator: The party id on whose initiative an extraordinary meeting was called.
        participants: Parties and people who took part, with roles.
        theme: The theme, where one was announced.
        topics: Subjects discussed.
        status: Confirmed (took place), tentative (planned), cancelled or postponed.
        confidence: How well the record is established.
        sources: Where the meeting is documented (at least one).
        alternatives: Values other sources report and the library does not use.
        note: Anything a reader should know.
    """

    id: str
    body: Body = attrs.field(converter=to_body)
    kind: MeetingKind = attrs.field(converter=MeetingKind)
    title: str
    start: PartialDate = attrs.field(converter=_to_partial)
    end: PartialDate | None = attrs.field(default=None, converter=_to_optional_partial)
    ordinal: int | None = None
    series: str | None = None
    place: Place | None = None
    format: Format = attrs.field(default=Format.IN_PERSON, converter=Format)
    host: str | None = None
    chair: str | None = None
    presided_by: str | None = None
    initiator: str | None = None
    participants: tuple[Participant, ...] = attrs.field(default=(), converter=_participants)
    theme: str | None = None
    topics: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    status: MeetingStatus = attrs.field(default=MeetingStatus.CONFIRMED, converter=MeetingStatus)
    confidence: Confidence = attrs.field(default=Confidence.HIGH, converter=Confidence)
    sources: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    alternatives: tuple[Alternative, ...] = attrs.field(default=(), converter=_alternatives)
    note: str | None = None

    def __attrs_post_init__(self) -> None:
        problems = meeting_problems(self)
        if problems:
            raise InvalidDataError.single("$." + problems[0][0], problems[0][1], problems[0][2])

    @property
    def span(self) -> DateSpan:
        """The days of the meeting as a :class:`DateSpan`."""
        return DateSpan(start=self.start, end=self.end or self.start)

    @property
    def earliest(self) -> dt.date:
        """The first day the meeting may have started."""
        return self.start.earliest

    @property
    def latest(self) -> dt.date:
        """The last day the meeting may have ended."""
        return (self.end or self.start).latest

    @property
    def series_key(self) -> str:
        """The series the ordinal counts in (``series`` or ``"<body>:<kind>"``)."""
        return self.series or f"{self.body.value}:{self.kind.value}"

    @property
    def organ(self) -> Organ | None:
        """The organ that met, or None for another mechanism."""
        return self.body if isinstance(self.body, Organ) else None

    def party_ids(self) -> frozenset[str]:
        """Every party id the meeting names (host, chair, initiator, place, participants)."""
        ids = {self.host, self.chair, self.initiator, self.place.country if self.place else None}
        ids.update(p.party for p in self.participants)
        return frozenset(i for i in ids if i is not None)

    def __str__(self) -> str:
        where = f", {self.place.city}" if self.place and self.place.city else ""
        return f"{self.span} {self.title}{where}"


def meeting_problems(meeting: Meeting) -> list[tuple[str, str, object]]:
    """Every problem of one meeting on its own, as ``(field, message, value)``."""
    problems: list[tuple[str, str, object]] = []
    if not isinstance(meeting.id, str) or not _MEETING_ID.fullmatch(meeting.id):
        problems.append(
            ("id", "meeting ids are 1-100 of a-z, 0-9, '.', '_', '-' (lower case)", meeting.id)
        )
    if not isinstance(meeting.title, str) or not meeting.title.strip():
        problems.append(("title", "a meeting needs a title", meeting.title))
    if meeting.end is not None and _ends_before_start(meeting.start, meeting.end):
        problems.append(
            ("end", f"the end lies before the start ({meeting.start})", str(meeting.end))
        )
    if meeting.ordinal is not None and (type(meeting.ordinal) is not int or meeting.ordinal < 1):
        problems.append(("ordinal", "an ordinal is a whole number from 1", meeting.ordinal))
    if meeting.format is Format.VIDEO and meeting.place is not None and meeting.place.venue:
        problems.append(("place", "a video conference has no venue", str(meeting.place)))
    if meeting.kind is MeetingKind.BILATERAL and not meeting.participants:
        problems.append(("participants", "a bilateral meeting names its participants", None))
    if not meeting.sources:
        problems.append(("sources", "every meeting needs at least one source", None))
    if meeting.alternatives:
        problems.extend(
            (f"alternatives[{index}].sources", "an alternative needs its own sources", alt.value)
            for index, alt in enumerate(meeting.alternatives)
            if not alt.sources
        )
    # A quick check of every source URL of the meeting and of its alternatives, in one call
    # for the meeting's own; _url_problems finds which are not URLs.
    if not sources_ok(meeting.sources) or (
        meeting.alternatives and not all(sources_ok(alt.sources) for alt in meeting.alternatives)
    ):
        problems.extend(_url_problems(meeting))
    return problems


def plain_meeting(meeting: Meeting) -> bool:
    """True when ``meeting`` has the plainest shape, in which the check finds nothing.

    Most meetings of a registry have it; :func:`meeting_problems` finds nothing in them.

    The shape: an id of the id pattern; a title that starts with a printable ASCII character
    other than a space (so it is not blank); dates of the model (a year from 1 to 9999, a
    month and a day in their ranges or unknown) with the end, if any, not before the start;
    an ordinal, if any, a whole number from 1; no place when it met by video; participants
    when it is bilateral; no alternatives; and sources, each a URL of the plainest shape
    (:func:`~turkicorg.sourcing.plain_url`). The values are of the types the model makes
    (``str``, ``int``, ``tuple``, :class:`~turkicorg.dates.PartialDate`, not subclasses).
    False says only that the full check must look.

    The compiled reader of ``turkicorg-speedups`` asks this, in C, of every meeting it makes,
    and calls the model's ``__attrs_post_init__`` (so :func:`meeting_problems`) on the
    others; its tests compare the two answers.
    """
    title, participants, sources = meeting.title, meeting.participants, meeting.sources
    return (
        type(meeting.id) is str
        and _MEETING_ID.fullmatch(meeting.id) is not None
        and type(title) is str
        and "!" <= title[:1] <= "~"
        and _plain_date(meeting.start)
        and (
            meeting.end is None
            or (_plain_date(meeting.end) and not _ends_before_start(meeting.start, meeting.end))
        )
        and (meeting.ordinal is None or (type(meeting.ordinal) is int and meeting.ordinal >= 1))
        and (meeting.format is not Format.VIDEO or meeting.place is None)
        and (
            meeting.kind is not MeetingKind.BILATERAL
            or (type(participants) is tuple and len(participants) > 0)
        )
        and type(meeting.alternatives) is tuple
        and len(meeting.alternatives) == 0
        and type(sources) is tuple
        and len(sources) > 0
        and all(map(plain_url, sources))
    )


def _plain_date(date: object) -> bool:
    """A :class:`PartialDate` (not a subclass) whose parts are ints in a date's ranges."""
    return (
        type(date) is PartialDate
        and type(date.year) is int
        and 1 <= date.year <= 9999
        and (date.month is None or (type(date.month) is int and 1 <= date.month <= 12))
        and (date.day is None or (type(date.day) is int and 1 <= date.day <= 31))
    )


def _ends_before_start(start: PartialDate, end: PartialDate) -> bool:
    """``end.latest < start.earliest``, without making the two days.

    Years, then months (an unknown month: December for the end, January for the start),
    then days (an unknown day: 31 for the end, 1 for the start). Counting the end's unknown
    day as 31 instead of its month's last day changes nothing: the start's day exists, so it
    is never past the month's last day.
    """
    return (end.year, end.month or 12, end.day or 31) < (
        start.year,
        start.month or 1,
        start.day or 1,
    )


def _url_problems(meeting: Meeting) -> list[tuple[str, str, object]]:
    found: list[tuple[str, str, object]] = [
        (f"sources[{i}]", problem, url)
        for i, url in enumerate(meeting.sources)
        if (problem := url_problem(url)) is not None
    ]
    for index, alt in enumerate(meeting.alternatives):
        found.extend(
            (f"alternatives[{index}].sources[{i}]", problem, url)
            for i, url in enumerate(alt.sources)
            if (problem := url_problem(url)) is not None
        )
    return found


def resolve_kind(value: MeetingKind | str) -> MeetingKind:
    """The meeting kind named by ``value``, in any case ("Extraordinary", "informal").

    Raises:
        UnknownNameError: No kind has that name (a ``ValueError``; close names suggested).
    """
    if isinstance(value, MeetingKind):
        return value
    return choose("meeting kind", value, _KINDS, shown=list(_KINDS))


def resolve_status(value: MeetingStatus | str) -> MeetingStatus:
    """The meeting status named by ``value``, in any case ("confirmed", "Tentative").

    "held" means confirmed and "planned" tentative.

    Raises:
        UnknownNameError: No status has that name (a ``ValueError``; close names suggested).
    """
    if isinstance(value, MeetingStatus):
        return value
    return choose("meeting status", value, _STATUSES, shown=[s.value for s in MeetingStatus])


_KINDS: Final = {kind.value: kind for kind in MeetingKind}
_STATUSES: Final = {
    **{status.value: status for status in MeetingStatus},
    "held": MeetingStatus.CONFIRMED,
    "planned": MeetingStatus.TENTATIVE,
}
