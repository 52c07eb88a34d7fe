"""Strategies for meetings and meeting registries, tame or with hostile text everywhere."""

from __future__ import annotations

import datetime as dt
import string
from typing import Any

from hypothesis import strategies as st

from turkicorg.meetings import Format, Meeting, MeetingKind, MeetingStatus, Participant, Place
from turkicorg.organs import Mechanism, Organ
from turkicorg.registry import MeetingRegistry
from turkicorg.sourcing import Confidence
from turkicorg.strategies.hostile import alternatives, nonblank_texts, source_lists, texts
from turkicorg.strategies.values import names, partial_dates

__all__ = [
    "hostile_meetings",
    "hostile_registries",
    "meeting_ids",
    "meeting_lists",
    "meetings",
    "participants",
    "places",
    "registries",
]

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
