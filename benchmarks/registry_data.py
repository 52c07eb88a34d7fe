"""Seeded synthetic meetings for the registry benchmark, and the same data in other shapes.

A record is a tuple of plain values; :func:`meetings_from` builds ``Meeting`` objects from
records, :func:`structs_from` and :func:`tuples_from` the same fields as ``msgspec.Struct``
objects and plain tuples (for the memory figures). Every call of :func:`records` makes fresh
strings, so each representation owns its data.
"""

from __future__ import annotations

import bisect
import datetime as dt
import gc
import random
import tracemalloc
from typing import TYPE_CHECKING, Any

from turkicorg import (
    Format,
    Mechanism,
    Meeting,
    MeetingKind,
    MeetingRegistry,
    MeetingStatus,
    Organ,
    PartialDate,
    Participant,
    Place,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

SEED = 20240917
FIRST_DAY = dt.date(1950, 1, 1).toordinal()
LAST_DAY = dt.date(2049, 12, 31).toordinal()
YEAR = 2000
RANGE = (dt.date(YEAR, 1, 1), dt.date(YEAR, 12, 31))  # one year of 100: about 1 %
AFTER = dt.date(2024, 6, 15)
ORGAN, HOST = Organ.FOREIGN_MINISTERS, "KZ"  # 10 % of the meetings; a party of eight

BODIES: list[tuple[Organ | Mechanism, int]] = [
    (Organ.HEADS_OF_STATE, 5),
    (Organ.FOREIGN_MINISTERS, 10),
    (Organ.SENIOR_OFFICIALS, 20),
    (Organ.COUNCIL_OF_ELDERS, 5),
    (Organ.SECRETARIAT, 20),
    (Mechanism.BILATERAL, 15),
    (Mechanism.POLICY_CONSULTATIONS, 10),
    (Mechanism.RESEARCH_CENTERS, 10),
    (Mechanism.ELECTION_OBSERVATION, 5),
]
PARTIES = ("AZ", "KZ", "KG", "TR", "UZ", "HU", "TM", "TRNC")
CITIES = {
    "AZ": ("Baku", "Gabala", "Şuşa"),
    "KZ": ("Astana", "Almaty", "Türkistan"),
    "KG": ("Bishkek", "Cholpon-Ata"),
    "TR": ("İstanbul", "Ankara", "Bodrum"),
    "UZ": ("Samarkand", "Tashkent", "Khiva"),
    "HU": ("Budapest",),
    "TM": ("Ashgabat",),
    "TRNC": ("Girne",),
}
NOTES = (
    "Postponed once at the request of the host country.",
    "Held back to back with the summit.",
    "The date is reported differently by the host's press agency.",
)
THEMES = ("Green technologies and smart cities", "Turkic civilization: towards common goals")

Record = tuple[Any, ...]


# Data -------------------------------------------------------------------------------------


def records(n: int, seed: int = SEED) -> Iterator[Record]:
    """Seeded synthetic meetings as plain values; every call makes fresh strings."""
    rng = random.Random(seed)
    bodies = [b for b, _ in BODIES]
    cumulative = []
    total = 0
    for _, weight in BODIES:
        total += weight
        cumulative.append(total)
    ordinals: dict[tuple[Any, Any], int] = {}
    for i in range(n):
        body = bodies[bisect.bisect_right(cumulative, rng.random() * total)]
        roll = rng.random()
        if body is Mechanism.BILATERAL:
            kind = MeetingKind.BILATERAL
        elif body is Mechanism.ELECTION_OBSERVATION:
            kind = MeetingKind.MISSION
        else:
            kind = (
                MeetingKind.REGULAR
                if roll < 0.7
                else MeetingKind.EXTRAORDINARY
                if roll < 0.85
                else MeetingKind.INFORMAL
            )
        day = dt.date.fromordinal(rng.randint(FIRST_DAY, LAST_DAY))
        precision = rng.random()
        end = None
        if precision < 0.01:
            start = (day.year, None, None)
        elif precision < 0.06:
            start = (day.year, day.month, None)
        else:
            start = (day.year, day.month, day.day)
            if rng.random() < 0.4:
                last = day + dt.timedelta(days=rng.choice((1, 1, 2)))
                end = (last.year, last.month, last.day)
        ordinal = None
        if kind is MeetingKind.REGULAR:
            ordinal = ordinals[body, kind] = ordinals.get((body, kind), 0) + 1
        video = rng.random() < 0.15
        host = None if video else rng.choice(PARTIES)
        place = None if host is None else (rng.choice(CITIES[host]), host, None)
        participants = tuple(rng.sample(PARTIES, rng.randint(2, 5)))
        meeting_id = f"{body.value.lower()}-{day.isoformat()}-{i:07d}"
        title = f"Meeting {ordinal or i} of the {body.name.replace('_', ' ').title()}"
        sources = tuple(
            f"https://www.turkicstates.org/en/news/{i * 3 + k}_{body.value.lower()}"
            for k in range(rng.randint(1, 2))
        )
        note = rng.choice(NOTES) if rng.random() < 0.3 else None
        theme = rng.choice(THEMES) if rng.random() < 0.1 else None
        yield (
            meeting_id,
            body,
            kind,
            title,
            start,
            end,
            ordinal,
            place,
            Format.VIDEO if video else Format.IN_PERSON,
            host,
            participants,
            theme,
            sources,
            note,
        )


def meetings_from(recs: Iterator[Record]) -> list[Meeting]:
    dates: dict[tuple[Any, ...], PartialDate] = {}

    def date(parts: tuple[Any, ...] | None) -> PartialDate | None:
        if parts is None:
            return None
        found = dates.get(parts)
        if found is None:
            found = dates[parts] = PartialDate(*(p for p in parts if p is not None))
        return found

    result = []
    for r in recs:
        place = r[7]
        result.append(
            Meeting(
                id=r[0],
                body=r[1],
                kind=r[2],
                title=r[3],
                start=date(r[4]),  # type: ignore[arg-type]
                end=date(r[5]),
                ordinal=r[6],
                place=None if place is None else Place(city=place[0], country=place[1]),
                format=r[8],
                host=r[9],
                chair=r[9],
                participants=tuple(Participant(party=p) for p in r[10]),
                theme=r[11],
                sources=r[12],
                note=r[13],
            )
        )
    return result


def struct_types() -> tuple[Any, ...] | None:
    try:
        import msgspec  # noqa: PLC0415
    except ImportError:
        return None

    class SDate(msgspec.Struct, frozen=True, gc=False):
        year: int
        month: int | None
        day: int | None

    class SPlace(msgspec.Struct, frozen=True, gc=False):
        city: str | None = None
        country: str | None = None
        venue: str | None = None

    class SParticipant(msgspec.Struct, frozen=True, gc=False):
        party: str | None = None
        person: str | None = None
        role: str | None = None

    class SMeeting(msgspec.Struct, frozen=True, gc=False):
        id: str
        body: Any
        kind: Any
        title: str
        start: SDate
        end: SDate | None
        ordinal: int | None
        series: str | None
        place: SPlace | None
        format: Any
        host: str | None
        chair: str | None
        presided_by: str | None
        initiator: str | None
        participants: tuple[SParticipant, ...]
        theme: str | None
        topics: tuple[str, ...]
        status: Any
        confidence: Any
        sources: tuple[str, ...]
        alternatives: tuple[Any, ...]
        note: str | None

    return SDate, SPlace, SParticipant, SMeeting


def structs_from(recs: Iterator[Record], types: tuple[Any, ...]) -> list[Any]:
    s_date, s_place, s_participant, s_meeting = types
    dates: dict[tuple[Any, ...], Any] = {}

    def date(parts: tuple[Any, ...] | None) -> Any:
        if parts is None:
            return None
        found = dates.get(parts)
        if found is None:
            found = dates[parts] = s_date(*parts)
        return found

    result = []
    for r in recs:
        place = None if r[7] is None else s_place(r[7][0], r[7][1])
        participants = tuple(s_participant(p) for p in r[10])
        fields = (r[0], r[1], r[2], r[3], date(r[4]), date(r[5]), r[6], None, place, r[8])
        rest = (r[9], r[9], None, None, participants, r[11], (), MeetingStatus.CONFIRMED)
        result.append(s_meeting(*fields, *rest, "high", r[12], (), r[13]))
    return result


def tuples_from(recs: Iterator[Record]) -> list[tuple[Any, ...]]:
    dates: dict[tuple[Any, ...], Any] = {}

    def date(parts: tuple[Any, ...] | None) -> Any:
        if parts is None:
            return None
        return dates.setdefault(parts, parts)

    result = []
    for r in recs:
        place = None if r[7] is None else (r[7][0], r[7][1], None)
        participants = tuple((p, None, None) for p in r[10])
        fields = (r[0], r[1], r[2], r[3], date(r[4]), date(r[5]), r[6], None, place, r[8])
        rest = (r[9], r[9], None, None, participants, r[11], (), MeetingStatus.CONFIRMED)
        result.append((*fields, *rest, "high", r[12], (), r[13]))
    return result


def memory(n: int) -> dict[str, float]:
    """Live bytes per meeting of each representation (tracemalloc), built from fresh records."""
    result: dict[str, float] = {}

    def traced(build: Callable[[], object]) -> float:
        gc.collect()
        tracemalloc.start()
        before = tracemalloc.get_traced_memory()[0]
        kept = build()
        gc.collect()
        size = tracemalloc.get_traced_memory()[0] - before
        tracemalloc.stop()
        del kept
        return size / n

    types = struct_types()
    if types is not None:
        result["msgspec.Struct (same fields, nested Structs)"] = traced(
            lambda: structs_from(records(n), types)
        )
    result["plain tuples (same fields, nested tuples)"] = traced(lambda: tuples_from(records(n)))
    result["Meeting objects in a list"] = traced(lambda: meetings_from(records(n)))
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    registry = MeetingRegistry(meetings_from(records(n)))
    gc.collect()
    result["Meeting objects + registry (after construction)"] = (
        tracemalloc.get_traced_memory()[0] - before
    ) / n
    registry.filter(between=RANGE)
    registry.filter(organ=ORGAN, year=YEAR)
    registry.filter(organ=ORGAN, host=HOST, kind="regular", status="confirmed")
    registry.filter(participant=HOST)
    registry.get(registry.meetings[0].id)
    registry.nth("CFM:regular", 1)
    gc.collect()
    result["Meeting objects + registry with every index built"] = (
        tracemalloc.get_traced_memory()[0] - before
    ) / n
    tracemalloc.stop()
    return result
