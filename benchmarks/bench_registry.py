#!/usr/bin/env python
"""Benchmark of the meeting registry against plain sorting, linear scans and sqlite3.

    python benchmarks/bench_registry.py --n 1000000 --repeat 5

Everything is measured in one process, on the same synthetic meetings (fixed seed), with the
baselines interleaved round-robin and medians reported; the cyclic GC stays on, with the
setup heap frozen (``gc.freeze()``) so that each operation pays for what it allocates.

* build: ``MeetingRegistry(meetings)`` vs ``sorted(meetings, key=...)`` of the same meetings
  (shuffled), with the natural key ``(m.earliest, m.id)`` and with the string key the
  registry sorts by; the indexes the registry builds on first use are timed separately.
* queries: a date range holding about 1 % of the meetings (overlap semantics), organ + host,
  and ``next(after=)``; each against a list comprehension over the meetings, a scan over
  precomputed day numbers, and sqlite3 ``:memory:`` with an index on the start date (and one
  on organ + host), results mapped back to the meeting objects. Every method must return the
  same meetings (checked).
* ``next(after=)`` at 10k, 100k and the full size: per-call microseconds.
* memory per meeting (tracemalloc, live size after construction): the meetings plus the
  registry (after construction and with every index built) vs ``msgspec.Struct`` classes and
  plain tuples holding the same fields, built from the same records.
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import gc
import os
import platform
import random
import sqlite3
import statistics
import sys
import time
import tracemalloc
from importlib import metadata
from operator import attrgetter
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
from turkicorg.registry.index import sort_key

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

SEED = 20240917
FIRST_DAY = dt.date(1950, 1, 1).toordinal()
LAST_DAY = dt.date(2049, 12, 31).toordinal()
RANGE = (dt.date(2000, 1, 1), dt.date(2000, 12, 31))  # one year of 100: about 1 %
AFTER = dt.date(2024, 6, 15)
ORGAN, HOST = Organ.FOREIGN_MINISTERS, "KZ"

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

    class SDate(msgspec.Struct, frozen=True):
        year: int
        month: int | None
        day: int | None

    class SPlace(msgspec.Struct, frozen=True):
        city: str | None = None
        country: str | None = None
        venue: str | None = None

    class SParticipant(msgspec.Struct, frozen=True):
        party: str | None = None
        person: str | None = None
        role: str | None = None

    class SMeeting(msgspec.Struct, frozen=True):
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


# Timing -----------------------------------------------------------------------------------


def fmt_s(s: float) -> str:
    if s >= 1:
        return f"{s:.3g} s"
    if s >= 1e-3:
        return f"{s * 1e3:.3g} ms"
    if s >= 1e-6:
        return f"{s * 1e6:.3g} µs"
    return f"{s * 1e9:.3g} ns"


def table(headers: list[str], rows: list[list[Any]]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def calls_for(fn: Callable[[], object], budget: float) -> int:
    """How many calls make one timing loop of about ``budget`` seconds."""
    start = time.perf_counter()
    fn()
    once = time.perf_counter() - start
    return max(1, int(budget / max(once, 1e-7)))


def interleaved(
    fns: dict[str, Callable[[], object]], repeat: int, budget: float = 0.2
) -> dict[str, float]:
    """Median per-call time of each function, timed round-robin with a rotating start."""
    calls = {name: calls_for(fn, budget) for name, fn in fns.items()}
    samples: dict[str, list[float]] = {name: [] for name in fns}
    names = list(fns)
    for rep in range(repeat):
        for name in names[rep % len(names) :] + names[: rep % len(names)]:
            fn, k = fns[name], calls[name]
            gc.collect()
            start = time.perf_counter()
            for _ in range(k):
                fn()
            samples[name].append((time.perf_counter() - start) / k)
    return {name: statistics.median(values) for name, values in samples.items()}


def once_each(fns: dict[str, Callable[[], object]], repeat: int) -> dict[str, float]:
    """Median of single runs (for slow operations), round-robin."""
    return interleaved(fns, repeat, budget=0.0)


# The benchmark ----------------------------------------------------------------------------


def build_sqlite(meetings: list[Meeting]) -> tuple[sqlite3.Connection, dict[str, float]]:
    times = {}
    start = time.perf_counter()
    con = sqlite3.connect(":memory:")
    con.execute(
        "CREATE TABLE m (idx INTEGER PRIMARY KEY, mid TEXT NOT NULL, earliest INTEGER NOT NULL, "
        "latest INTEGER NOT NULL, body TEXT NOT NULL, host TEXT)"
    )
    con.executemany(
        "INSERT INTO m VALUES (?, ?, ?, ?, ?, ?)",
        (
            (i, m.id, m.earliest.toordinal(), m.latest.toordinal(), m.body.value, m.host)
            for i, m in enumerate(meetings)
        ),
    )
    con.commit()
    times["sqlite: create table + insert"] = time.perf_counter() - start
    start = time.perf_counter()
    con.execute("CREATE INDEX ix_start ON m(earliest, mid)")
    con.execute("CREATE INDEX ix_body_host ON m(body, host)")
    con.commit()
    times["sqlite: CREATE INDEX on (earliest, id) and (body, host)"] = time.perf_counter() - start
    return con, times


def memory(n: int) -> dict[str, float]:
    """Live bytes per meeting of each representation, built from fresh records."""
    result: dict[str, float] = {}

    def traced(build: Callable[[], object]) -> tuple[float, object]:
        gc.collect()
        tracemalloc.start()
        before = tracemalloc.get_traced_memory()[0]
        kept = build()
        gc.collect()
        size = tracemalloc.get_traced_memory()[0] - before
        tracemalloc.stop()
        return size / n, kept

    types = struct_types()
    if types is not None:
        result["msgspec.Struct (same fields, nested Structs)"], kept = traced(
            lambda: structs_from(records(n), types)
        )
        del kept
    result["plain tuples (same fields, nested tuples)"], kept = traced(
        lambda: tuples_from(records(n))
    )
    del kept
    result["Meeting objects in a list"], kept = traced(lambda: meetings_from(records(n)))
    del kept

    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    registry = MeetingRegistry(meetings_from(records(n)))
    gc.collect()
    result["Meeting objects + registry (after construction)"] = (
        tracemalloc.get_traced_memory()[0] - before
    ) / n
    registry.filter(between=RANGE)
    registry.filter(organ="CFM", host="KZ", kind="regular", status="confirmed")
    registry.filter(participant="KZ")
    registry.get(registry.meetings[0].id)
    registry.nth("CFM:regular", 1)
    gc.collect()
    result["Meeting objects + registry with every index built"] = (
        tracemalloc.get_traced_memory()[0] - before
    ) / n
    tracemalloc.stop()
    return result


def environment() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:  # noqa: PTH123
            cpu = next(
                (ln.split(":", 1)[1].strip() for ln in f if ln.startswith("model name")), "?"
            )
    except OSError:
        cpu = platform.processor() or "?"
    versions = []
    for package in ("turkicorg", "attrs", "msgspec"):
        try:
            versions.append(f"{package} {metadata.version(package)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{package} (not installed)")
    return (
        f"Python {sys.version.split()[0]} on {platform.platform()}, {os.cpu_count()} CPUs ({cpu}), "
        f"loadavg {os.getloadavg()}, sqlite {sqlite3.sqlite_version}; {', '.join(versions)}"
    )


def time_builds(shuffled: list[Meeting], repeat: int) -> dict[str, float]:
    natural = attrgetter("earliest", "id")
    return once_each(
        {
            "MeetingRegistry(meetings)": lambda: MeetingRegistry(shuffled),
            "sorted(meetings, key=(m.earliest, m.id))": lambda: sorted(shuffled, key=natural),
            "sorted(meetings, key=registry's string key)": lambda: sorted(shuffled, key=sort_key),
        },
        repeat,
    )


def time_first_use(registry: MeetingRegistry, repeat: int) -> dict[str, float]:
    fresh = MeetingRegistry._from_sorted  # noqa: SLF001 - the same meetings, no index built yet
    ordered = registry.meetings
    return once_each(
        {
            "date index (first range/next query)": lambda: fresh(ordered).next(after=AFTER),
            "body + host indexes (first organ+host query)": lambda: fresh(ordered).filter(
                organ=ORGAN, host=HOST
            ),
            "participant index (first participant= query)": lambda: fresh(ordered).filter(
                participant=HOST
            ),
        },
        repeat,
    )


def query_groups(
    registry: MeetingRegistry, meetings: list[Meeting], con: sqlite3.Connection
) -> dict[str, dict[str, Callable[[], object]]]:
    """The queries, each with the registry first and its baselines after."""
    natural = attrgetter("earliest", "id")
    lo, hi = RANGE
    lo_day, hi_day, after_day = lo.toordinal(), hi.toordinal(), AFTER.toordinal()
    starts = [m.earliest.toordinal() for m in meetings]
    ends = [m.latest.toordinal() for m in meetings]
    longest = max(e - s for s, e in zip(starts, ends, strict=True))

    def range_sqlite() -> list[Meeting]:
        rows = con.execute(
            "SELECT idx FROM m WHERE earliest BETWEEN ? AND ? AND latest >= ? "
            "ORDER BY earliest, mid",
            (lo_day - longest, hi_day, lo_day),
        )
        return [meetings[i] for (i,) in rows]

    def organ_host_sqlite() -> list[Meeting]:
        rows = con.execute(
            "SELECT idx FROM m WHERE body = ? AND host = ? ORDER BY earliest, mid",
            (ORGAN.value, HOST),
        )
        return [meetings[i] for (i,) in rows]

    def next_sqlite() -> Meeting:
        (i,) = con.execute(
            "SELECT idx FROM m WHERE earliest > ? ORDER BY earliest, mid LIMIT 1", (after_day,)
        ).fetchone()
        return meetings[i]

    def range_days() -> list[Meeting]:
        found = [
            meetings[i]
            for i, (s, e) in enumerate(zip(starts, ends, strict=True))
            if s <= hi_day and lo_day <= e
        ]
        return sorted(found, key=natural)

    def next_days() -> Meeting:
        later = (i for i, s in enumerate(starts) if s > after_day)
        return meetings[min(later, key=lambda i: (starts[i], meetings[i].id))]

    return {
        "date range (year 2000, overlap)": {
            "registry.filter(between=...)": lambda: registry.filter(between=RANGE),
            "scan: list comprehension over the meetings": lambda: sorted(
                [m for m in meetings if m.earliest <= hi and lo <= m.latest], key=natural
            ),
            "scan: precomputed day numbers": range_days,
            "sqlite (index on start) + map to objects": range_sqlite,
        },
        "organ + host (CFM hosted by KZ)": {
            "registry.filter(organ=, host=)": lambda: registry.filter(organ=ORGAN, host=HOST),
            "scan: list comprehension over the meetings": lambda: sorted(
                [m for m in meetings if m.body is ORGAN and m.host == HOST], key=natural
            ),
            "sqlite (index on body, host) + map to objects": organ_host_sqlite,
        },
        "next(after=2024-06-15)": {
            "registry.next(after=)": lambda: registry.next(after=AFTER),
            "scan: min() over the meetings": lambda: min(
                (m for m in meetings if m.earliest > AFTER), key=natural
            ),
            "scan: precomputed day numbers": next_days,
            "sqlite (index on start) + map to object": next_sqlite,
        },
    }


def check(groups: dict[str, dict[str, Callable[[], object]]]) -> dict[str, tuple[int, bool]]:
    """Result size of each query, and whether every method returned the same meetings."""
    checks = {}
    for group, fns in groups.items():
        results = []
        for fn in fns.values():
            found = fn()
            found = [found] if isinstance(found, Meeting) else found
            results.append([m.id for m in found])  # type: ignore[attr-defined]
        checks[group] = (len(results[0]), all(r == results[0] for r in results))
    return checks


def time_next_by_size(shuffled: list[Meeting], repeat: int) -> dict[int, float]:
    sizes = sorted({s for s in (10_000, 100_000, len(shuffled)) if s <= len(shuffled)})
    registries = {s: MeetingRegistry(shuffled[:s]) for s in sizes}
    for registry in registries.values():
        registry.next(after=AFTER)  # build the date index before timing
    timed = interleaved(
        {str(s): (lambda r=r: r.next(after=AFTER)) for s, r in registries.items()}, repeat
    )
    return {int(s): v for s, v in timed.items()}


def report(
    n: int,
    repeat: int,
    measured: dict[str, Any],
) -> None:
    builds, first_use, sqlite_times = measured["builds"], measured["first_use"], measured["sqlite"]
    timings, checks = measured["queries"], measured["checks"]
    next_by_size, mem, mem_n = measured["next_by_size"], measured["memory"], measured["mem_n"]
    mine = builds["MeetingRegistry(meetings)"]
    print(f"\n## Build (N={n}, median of {repeat})\n")
    rows = [[k, fmt_s(v), "—" if v == mine else f"{mine / v:.2f}×"] for k, v in builds.items()]
    print(table(["operation", "median", "registry ÷ this"], rows))
    print("\nIndexes are built on first use, not by the constructor:\n")
    print(table(["first use", "median"], [[k, fmt_s(v)] for k, v in first_use.items()]))
    print("\n" + table(["sqlite build", "time"], [[k, fmt_s(v)] for k, v in sqlite_times.items()]))

    print(f"\n## Queries (N={n}, median of {repeat} loops; per call)\n")
    rows = []
    for group, results in timings.items():
        first = next(iter(results.values()))
        count, same = checks[group]
        for name, value in results.items():
            ratio = "—" if value == first else f"{value / first:.1f}×"
            rows.append([group, name, count, "yes" if same else "NO", fmt_s(value), ratio])
    print(table(["query", "method", "results", "same", "median", "this ÷ registry"], rows))

    print(f"\n## next(after=) by registry size (median of {repeat} loops)\n")
    print(table(["meetings", "per call"], [[f"{s:,}", fmt_s(v)] for s, v in next_by_size.items()]))

    print(f"\n## Memory per meeting (tracemalloc, N={mem_n}, live bytes)\n")
    base_name = next(iter(mem))
    base = mem[base_name]
    print(
        table(
            ["representation", "bytes per meeting", f"÷ {base_name.split(' (')[0]}"],
            [[k, f"{v:,.0f}", f"{v / base:.2f}×"] for k, v in mem.items()],
        )
    )

    ranged = timings["date range (year 2000, overlap)"]
    nexts = timings["next(after=2024-06-15)"]
    range_mine = ranged["registry.filter(between=...)"]
    next_mine = nexts["registry.next(after=)"]
    scan_ratio = ranged["scan: list comprehension over the meetings"] / range_mine
    sqlite_ratio = ranged["sqlite (index on start) + map to objects"] / range_mine
    next_scan = nexts["scan: min() over the meetings"] / next_mine
    next_sqlite = nexts["sqlite (index on start) + map to object"] / next_mine
    build_ratio = mine / builds["sorted(meetings, key=(m.earliest, m.id))"]
    mem_ratio = mem["Meeting objects + registry with every index built"] / base
    targets = [
        ["range ≥100× faster than a linear scan", f"{scan_ratio:.0f}×"],
        ["range faster than indexed sqlite", f"{sqlite_ratio:.1f}×"],
        ["next(after=) in microseconds at any size", ", ".join(map(fmt_s, next_by_size.values()))],
        ["next(after=) faster than scan / sqlite", f"{next_scan:.0f}× / {next_sqlite:.1f}×"],
        ["build ≤ 2× plain sorted() by (earliest, id)", f"{build_ratio:.2f}×"],
        ["memory ≤ 1.5× compact baseline (all indexes built)", f"{mem_ratio:.2f}×"],
    ]
    print("\n## Targets\n")
    print(table(["target", "measured"], targets))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n", 1)[0])
    parser.add_argument("--n", type=int, default=1_000_000, help="meetings (default 1000000)")
    parser.add_argument("--repeat", type=int, default=5, help="timing repeats (median)")
    parser.add_argument(
        "--mem-n", type=int, default=None, help="meetings for the memory figures (default --n)"
    )
    args = parser.parse_args(argv)
    n, repeat = args.n, args.repeat
    wall = time.perf_counter()
    print(f"# bench_registry --n {n} --repeat {repeat}\n")
    print(environment() + "\n")

    start = time.perf_counter()
    meetings = meetings_from(records(n))
    print(f"generated {n} Meeting objects in {time.perf_counter() - start:.1f} s")
    shuffled = meetings[:]
    random.Random(SEED).shuffle(shuffled)
    registry = MeetingRegistry(shuffled)
    gc.collect()
    gc.freeze()

    measured: dict[str, Any] = {}
    measured["builds"] = time_builds(shuffled, repeat)
    measured["first_use"] = time_first_use(registry, max(1, min(repeat, 3)))
    con, measured["sqlite"] = build_sqlite(meetings)
    groups = query_groups(registry, meetings, con)
    measured["checks"] = check(groups)
    measured["queries"] = {group: interleaved(fns, repeat) for group, fns in groups.items()}
    measured["next_by_size"] = time_next_by_size(shuffled, repeat)
    con.close()
    del registry, shuffled, groups
    gc.unfreeze()
    measured["mem_n"] = args.mem_n or n
    measured["memory"] = memory(measured["mem_n"])
    report(n, repeat, measured)
    print(f"\nrun took {time.perf_counter() - wall:.0f} s; loadavg at end {os.getloadavg()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
