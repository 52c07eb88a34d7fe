"""Hypothesis strategies for turkicorg values, for users' own property-based tests.

Needs the ``strategies`` extra (``pip install turkicorg[strategies]``); ``import turkicorg``
never imports this module. Every generated value respects every invariant of its type.

>>> from hypothesis import given
>>> from turkicorg import strategies as tst
>>> @given(tst.partial_dates())
... def test_round_trip(d):
...     assert type(d).parse(str(d)) == d
>>> test_round_trip()
"""

from __future__ import annotations

import datetime as dt
import string
from typing import Any

import attrs
from hypothesis import strategies as st

from turkicorg.dates import DateSpan, PartialDate
from turkicorg.meetings import Format, Meeting, MeetingKind, MeetingStatus, Participant, Place
from turkicorg.organization import (
    Appointment,
    Article,
    Membership,
    Organization,
    OrganizationName,
    Person,
    Role,
    Status,
    Treaty,
)
from turkicorg.organs import Cadence, DecisionBasis, Mechanism, Organ, OrganProfile
from turkicorg.parties import FormerName, PartyKind, State
from turkicorg.registry import MeetingRegistry
from turkicorg.sourcing import Alternative, Confidence

__all__ = [
    "HOSTILE_TEXTS",
    "alternatives",
    "appointments_for",
    "cadences",
    "date_spans",
    "days",
    "full_organizations",
    "hostile_meetings",
    "hostile_registries",
    "meeting_ids",
    "meeting_lists",
    "meetings",
    "memberships_for",
    "names",
    "nonblank_texts",
    "organ_profiles",
    "organizations",
    "partial_dates",
    "participants",
    "parties",
    "people",
    "places",
    "registries",
    "source_lists",
    "texts",
    "treaties",
]

_MIN = dt.date(1900, 1, 1)
_MAX = dt.date(2100, 12, 31)


def days(min_value: dt.date = _MIN, max_value: dt.date = _MAX) -> st.SearchStrategy[dt.date]:
    """Calendar days between two bounds."""
    return st.dates(min_value=min_value, max_value=max_value)


@st.composite
def partial_dates(
    draw: st.DrawFn, min_value: dt.date = _MIN, max_value: dt.date = _MAX
) -> PartialDate:
    """Partial dates of every precision whose days all lie between the bounds."""
    day = draw(days(min_value, max_value))
    precision = draw(st.sampled_from((1, 2, 3)))
    candidates = [PartialDate(day.year, day.month, day.day)]
    if precision <= 2:
        candidates.insert(0, PartialDate(day.year, day.month))
    if precision == 1:
        candidates.insert(0, PartialDate(day.year))
    for candidate in candidates:
        if min_value <= candidate.earliest and candidate.latest <= max_value:
            return candidate
    return candidates[-1]


@st.composite
def date_spans(draw: st.DrawFn) -> DateSpan:
    """Event spans; either bound may be partial, the end never before the start."""
    start = draw(partial_dates())
    end = draw(partial_dates(min_value=start.earliest, max_value=_MAX))
    return DateSpan(start=start, end=end)


_LETTERS = string.ascii_letters + "ÇçĞğİıÖöŞşÜüƏəÁáÉé"


def names() -> st.SearchStrategy[str]:
    """Non-empty names with non-ASCII letters and inner spaces."""
    word = st.text(alphabet=_LETTERS, min_size=1, max_size=10)
    return st.lists(word, min_size=1, max_size=3).map(" ".join)


@st.composite
def parties(draw: st.DrawFn, party_id: str | None = None) -> State:
    """Parties of any kind; ids are upper-case codes, ISO codes only for states."""
    pid = party_id or draw(st.text(alphabet=string.ascii_uppercase, min_size=2, max_size=6))
    kind = draw(st.sampled_from(list(PartyKind)))
    iso2 = iso3 = None
    if kind is PartyKind.STATE and draw(st.booleans()):
        iso2 = draw(st.text(alphabet=string.ascii_uppercase, min_size=2, max_size=2))
        iso3 = draw(st.text(alphabet=string.ascii_uppercase, min_size=3, max_size=3))
    former: list[FormerName] = []
    if draw(st.booleans()):
        former.append(
            FormerName(
                short_name=draw(names()), official_name=draw(names()), until=draw(partial_dates())
            )
        )
    return State(
        id=pid,
        short_name=draw(names()),
        official_name=draw(names()),
        kind=kind,
        iso2=iso2,
        iso3=iso3,
        former_names=tuple(former),
        sources=tuple(draw(st.lists(st.just("https://example.org/source"), max_size=1))),
    )


@st.composite
def memberships_for(draw: st.DrawFn, party_id: str, max_periods: int = 3) -> list[Membership]:
    """Non-overlapping memberships of one party, in date order (half-open periods)."""
    count = draw(st.integers(min_value=0, max_value=max_periods))
    bounds = sorted(
        set(
            draw(
                st.lists(
                    days(dt.date(1990, 1, 1), dt.date(2040, 12, 31)),
                    min_size=2 * count,
                    max_size=2 * count,
                )
            )
        )
    )
    result: list[Membership] = []
    for i in range(0, len(bounds) - 1, 2):
        start, end = bounds[i], bounds[i + 1]
        open_end = i + 2 >= len(bounds) - 1 and draw(st.booleans())
        result.append(
            Membership(
                party=party_id,
                status=draw(st.sampled_from(list(Status))),
                start=PartialDate.from_date(start),
                end=None if open_end else PartialDate.from_date(end),
                sources=("https://example.org/source",),
            )
        )
        if open_end:
            break
    return result


@st.composite
def organizations(draw: st.DrawFn, max_parties: int = 6) -> Organization:
    """Whole organizations: unique parties with non-overlapping memberships and two names."""
    ids = draw(
        st.lists(
            st.text(alphabet=string.ascii_uppercase, min_size=2, max_size=4),
            min_size=1,
            max_size=max_parties,
            unique=True,
        )
    )
    generated = [draw(parties(party_id=pid)) for pid in ids]
    memberships = [m for pid in ids for m in draw(memberships_for(pid))]
    rename = draw(days(dt.date(1995, 1, 1), dt.date(2035, 12, 31)))
    return Organization(
        id="OTS",
        names=(
            OrganizationName(
                name=draw(names()), abbreviation="OLD", end=PartialDate.from_date(rename)
            ),
            OrganizationName(
                name=draw(names()), abbreviation="NEW", start=PartialDate.from_date(rename)
            ),
        ),
        headquarters=draw(names()),
        parties=tuple(generated),
        memberships=tuple(memberships),
    )


# Meetings ----------------------------------------------------------------------------------

_MEETING_MIN = dt.date(2008, 1, 1)
_MEETING_MAX = dt.date(2027, 12, 31)
_PARTY_POOL = ("AZ", "KZ", "KG", "TR", "UZ", "HU", "OSCE")
_TEXT_POOL = ("Samarkand", "İstanbul", "Şuşa", "Council of Elders", "OSCE", "Gabala summit")
_ID_ALPHABET = string.ascii_lowercase + string.digits + "._-"


def meeting_ids() -> st.SearchStrategy[str]:
    """Valid meeting ids: lower-case letters, digits, ``.``, ``_`` and ``-``."""
    first = st.sampled_from(string.ascii_lowercase + string.digits)
    rest = st.text(alphabet=_ID_ALPHABET, max_size=8)
    return st.builds(str.__add__, first, rest)


@st.composite
def meetings(
    draw: st.DrawFn,
    *,
    meeting_id: str | None = None,
    min_value: dt.date = _MEETING_MIN,
    max_value: dt.date = _MEETING_MAX,
    party_ids: tuple[str, ...] = _PARTY_POOL,
) -> Meeting:
    """Meetings that respect every invariant of :class:`~turkicorg.Meeting`.

    Starts and ends of any precision between the bounds (the end never before the start), at
    least one source, participants for bilateral meetings, no venue for video conferences;
    hosts and participants come from ``party_ids`` so that filters find them.
    """
    body = draw(st.sampled_from([*Organ, *Mechanism]))
    kind = draw(st.sampled_from(list(MeetingKind)))
    start = draw(partial_dates(min_value, max_value))
    end = None
    if draw(st.booleans()):
        last = min(max_value, start.earliest + dt.timedelta(days=draw(st.sampled_from((1, 3, 40)))))
        end = draw(partial_dates(min_value=start.earliest, max_value=max(last, start.latest)))
    party = st.sampled_from(party_ids)
    text = st.sampled_from(_TEXT_POOL) | names()
    meeting_format = draw(st.sampled_from(list(Format)))
    place = None
    if draw(st.booleans()):
        venue = None if meeting_format is Format.VIDEO else draw(st.none() | text)
        place = Place(city=draw(st.none() | text), country=draw(st.none() | party), venue=venue)
    participants = draw(
        st.lists(
            st.builds(Participant, party=party, person=st.none() | text, role=st.none() | text),
            min_size=1 if kind is MeetingKind.BILATERAL else 0,
            max_size=3,
        )
    )
    return Meeting(
        id=meeting_id if meeting_id is not None else draw(meeting_ids()),
        body=body,
        kind=kind,
        title=draw(text),
        start=start,
        end=end,
        ordinal=draw(st.none() | st.integers(min_value=1, max_value=4)),
        series=draw(st.none() | st.sampled_from(("COE", "CHS:regular", "summits"))),
        place=place,
        format=meeting_format,
        host=draw(st.none() | party),
        chair=draw(st.none() | party),
        initiator=draw(st.none() | party),
        participants=tuple(participants),
        theme=draw(st.none() | text),
        topics=tuple(draw(st.lists(text, max_size=2))),
        status=draw(st.sampled_from(list(MeetingStatus))),
        sources=tuple(
            draw(st.lists(st.just("https://example.org/source"), min_size=1, max_size=2))
        ),
        note=draw(st.none() | text),
    )


def _ordinal_key(meeting: Meeting) -> object:
    return meeting.id if meeting.ordinal is None else (meeting.series_key, meeting.ordinal)


def meeting_lists(
    *, min_size: int = 0, max_size: int = 30, **kwargs: Any
) -> st.SearchStrategy[list[Meeting]]:
    """Lists of meetings that can form a registry: unique ids, unique ordinals per series."""
    return st.lists(
        meetings(**kwargs),
        min_size=min_size,
        max_size=max_size,
        unique_by=(lambda m: m.id, _ordinal_key),
    )


def registries(
    *, min_size: int = 0, max_size: int = 30, **kwargs: Any
) -> st.SearchStrategy[MeetingRegistry]:
    """Valid meeting registries (keyword arguments go to :func:`meetings`)."""
    return meeting_lists(min_size=min_size, max_size=max_size, **kwargs).map(MeetingRegistry)


# Hostile text and every other public type (interchange tests) --------------------------------

HOSTILE_TEXTS: tuple[str, ...] = (
    "",
    " ",
    "'",
    "''quoted",
    "=1+2",
    '=HYPERLINK("http://x")',
    "+33 1 23",
    "-5",
    "@SUM(A1)",
    "\tlead tab",
    "\rlead return",
    "line one\nline two",
    "crlf\r\nend",
    "a;b,c\\d",
    '"quoted", with comma',
    "BEGIN:VEVENT",
    "END:VCALENDAR\r\nBEGIN:VEVENT",
    "nul\x00byte",
    "bell\x07 and \x1f unit",
    "line\u2028separator",
    "next\x85line",
    "Türkiye İstanbul Şuşa Azərbaycan Қазақстан Кыргызстан",
    "😀 emoji 👩‍👩‍👧",
    "e\u0301 combining",
    "ş" * 120,
    "Ə,;\\" * 30,
    "\ufeffbom",
    "trailing space ",
)
"""Strings that break naive CSV, iCalendar and JSON writers (and spreadsheets)."""


def texts(*, max_size: int = 40) -> st.SearchStrategy[str]:
    """Any text (no lone surrogates), biased towards :data:`HOSTILE_TEXTS`."""
    pieces = st.sampled_from(HOSTILE_TEXTS) | st.text(max_size=8)
    return st.one_of(
        st.sampled_from(HOSTILE_TEXTS),
        st.text(max_size=max_size),
        st.lists(pieces, max_size=4).map("".join),
    )


def nonblank_texts() -> st.SearchStrategy[str]:
    """Hostile text with at least one character that is not white space (titles, names)."""
    return texts().filter(lambda text: bool(text.strip()))


def source_lists(*, min_size: int = 0) -> st.SearchStrategy[tuple[str, ...]]:
    """Sources: URLs (some with non-ASCII or spaces) and hostile citations."""
    urls = st.sampled_from(
        (
            "https://turkicstates.org/en/news/1",
            "https://example.org/a b?q=ş&x=1#frag",
            "http://hozir.org/nakhchivan-agreement.html",
            "urn:isbn:9780000000000",
        )
    )
    return st.lists(urls | texts(), min_size=min_size, max_size=3).map(tuple)


def alternatives() -> st.SearchStrategy[Alternative]:
    """Alternative reports with hostile text."""
    return st.builds(
        Alternative,
        field=texts(),
        value=texts(),
        sources=source_lists(),
        note=st.none() | texts(),
    )


def places(*, countries: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Place]:
    """Places, any field missing (even all of them), with hostile text."""
    return st.builds(
        Place,
        city=st.none() | texts(),
        country=st.none() | (countries if countries is not None else texts()),
        venue=st.none() | texts(),
    )


def participants(
    *, parties: st.SearchStrategy[str] | None = None
) -> st.SearchStrategy[Participant]:
    """Participants: a party, a person or both, with hostile text."""
    party = parties if parties is not None else texts()
    return st.one_of(
        st.builds(Participant, party=party, person=st.none() | texts(), role=st.none() | texts()),
        st.builds(Participant, party=st.none(), person=texts(), role=st.none() | texts()),
    )


@st.composite
def hostile_meetings(
    draw: st.DrawFn, *, party_ids: tuple[str, ...] | None = None, meeting_id: str | None = None
) -> Meeting:
    """Meetings with every field drawn, hostile text everywhere text is free.

    With ``party_ids``, every party reference (host, chair, initiator, country,
    participants) is one of them, so the meeting fits an organization with those parties.
    """
    party = st.sampled_from(party_ids) if party_ids else texts()
    kind = draw(st.sampled_from(list(MeetingKind)))
    meeting_format = draw(st.sampled_from(list(Format)))
    start = draw(partial_dates())
    end = draw(st.none() | partial_dates(min_value=start.earliest))
    place = draw(st.none() | places(countries=party if party_ids else None))
    if meeting_format is Format.VIDEO and place is not None and place.venue:
        place = Place(city=place.city, country=place.country)
    people = participants(parties=party)
    return Meeting(
        id=meeting_id if meeting_id is not None else draw(meeting_ids()),
        body=draw(st.sampled_from([*Organ, *Mechanism])),
        kind=kind,
        title=draw(nonblank_texts()),
        start=start,
        end=end,
        ordinal=draw(st.none() | st.integers(min_value=1, max_value=10**30)),
        series=draw(st.none() | texts()),
        place=place,
        format=meeting_format,
        host=draw(st.none() | party),
        chair=draw(st.none() | party),
        presided_by=draw(st.none() | texts()),
        initiator=draw(st.none() | party),
        participants=tuple(
            draw(st.lists(people, min_size=1 if kind is MeetingKind.BILATERAL else 0, max_size=3))
        ),
        theme=draw(st.none() | texts()),
        topics=tuple(draw(st.lists(texts(), max_size=3))),
        status=draw(st.sampled_from(list(MeetingStatus))),
        confidence=draw(st.sampled_from(list(Confidence))),
        sources=draw(source_lists(min_size=1)),
        alternatives=tuple(draw(st.lists(alternatives(), max_size=2))),
        note=draw(st.none() | texts()),
    )


def hostile_registries(
    *, max_size: int = 12, party_ids: tuple[str, ...] | None = None
) -> st.SearchStrategy[MeetingRegistry]:
    """Valid registries of :func:`hostile_meetings` (unique ids and ordinals per series)."""
    return st.lists(
        hostile_meetings(party_ids=party_ids),
        max_size=max_size,
        unique_by=(lambda m: m.id, _ordinal_key),
    ).map(MeetingRegistry)


def people() -> st.SearchStrategy[Person]:
    """People with hostile names (ids are unique only within a list: see organizations)."""
    return st.builds(
        Person,
        id=st.text(alphabet=string.ascii_lowercase + "-", min_size=1, max_size=8),
        name=nonblank_texts(),
        other_names=st.lists(texts(), max_size=2).map(tuple),
        sources=source_lists(),
    )


def cadences() -> st.SearchStrategy[Cadence]:
    """Expected rhythms of an organ."""
    return st.builds(
        Cadence,
        kind=texts(),
        months=st.integers(min_value=1, max_value=60),
        month=st.none() | st.integers(min_value=1, max_value=12),
        description=texts(),
        sources=source_lists(),
    )


def organ_profiles(organ: Organ) -> st.SearchStrategy[OrganProfile]:
    """A profile of one organ, every field drawn."""
    return st.builds(
        OrganProfile,
        organ=st.just(organ),
        name=texts(),
        role=texts(),
        composition=texts(),
        decision_rule=st.sampled_from(("consensus", "none")),
        decision_basis=st.sampled_from(list(DecisionBasis)),
        cadences=st.lists(cadences(), max_size=2).map(tuple),
        extraordinary_callers=st.lists(texts(), max_size=2).map(tuple),
        sources=source_lists(),
        notes=st.none() | texts(),
    )


@st.composite
def treaties(draw: st.DrawFn, party_ids: tuple[str, ...]) -> Treaty:
    """A treaty signed by some of ``party_ids``, every field drawn."""
    return Treaty(
        id=draw(st.text(alphabet=string.ascii_lowercase + "-", min_size=1, max_size=10)),
        name=draw(texts()),
        signed=draw(partial_dates()),
        place=draw(st.none() | texts()),
        parties=tuple(draw(st.lists(st.sampled_from(party_ids), max_size=3))),
        in_force=draw(st.none() | partial_dates()),
        depositary=draw(st.none() | texts()),
        entry_into_force_rule=draw(st.none() | texts()),
        articles=tuple(
            draw(st.lists(st.builds(Article, number=texts(), subject=texts()), max_size=2))
        ),
        sources=draw(source_lists()),
        note=draw(st.none() | texts()),
    )


@st.composite
def appointments_for(
    draw: st.DrawFn, person_ids: tuple[str, ...], party_ids: tuple[str, ...]
) -> Appointment:
    """An appointment of one of ``person_ids`` (end after start when both are known)."""
    start = draw(st.none() | partial_dates())
    end = None
    if draw(st.booleans()):
        floor = _MIN if start is None else start.earliest + dt.timedelta(days=1)
        end = draw(partial_dates(min_value=floor))
    return Appointment(
        role=draw(st.sampled_from(list(Role))),
        person=draw(st.sampled_from(person_ids)),
        state=draw(st.none() | st.sampled_from(party_ids)),
        start=start,
        end=end,
        appointed=draw(st.none() | partial_dates()),
        confidence=draw(st.sampled_from(list(Confidence))),
        sources=draw(source_lists()),
        alternatives=tuple(draw(st.lists(alternatives(), max_size=1))),
        note=draw(st.none() | texts()),
    )


@st.composite
def full_organizations(draw: st.DrawFn, *, max_meetings: int = 8) -> Organization:
    """Organizations with every collection drawn, hostile text included.

    Treaties, organ profiles, people, appointments and hostile meetings that refer only to
    the organization's parties.
    """
    base = draw(organizations(max_parties=4))
    party_ids = tuple(p.id for p in base.parties)
    staff = draw(st.lists(people(), max_size=3, unique_by=lambda p: p.id))
    person_ids = tuple(p.id for p in staff)
    organs = draw(st.lists(st.sampled_from(list(Organ)), unique=True, max_size=3))
    return attrs.evolve(
        base,
        secretariat_since=draw(st.none() | partial_dates()),
        working_languages=tuple(draw(st.lists(st.sampled_from(("az", "kk", "en")), max_size=3))),
        treaties=tuple(draw(st.lists(treaties(party_ids), max_size=2))),
        organs=tuple(draw(organ_profiles(organ)) for organ in organs),
        people=tuple(staff),
        appointments=tuple(
            draw(st.lists(appointments_for(person_ids, party_ids), max_size=3)) if staff else ()
        ),
        meetings=draw(hostile_registries(max_size=max_meetings, party_ids=party_ids)),
        data_version=draw(texts()),
        last_verified=draw(st.none() | days()),
        sources=draw(source_lists()),
    )
