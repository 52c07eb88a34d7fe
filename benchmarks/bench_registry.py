#!/usr/bin/env python
"""Benchmark of the meeting registry against sorting, linear scans and sqlite3 (covering indexes).

    python benchmarks/bench_registry.py                      # 2k, 10k, 100k and 1M meetings
    python benchmarks/bench_registry.py --sizes 2000,10000 --repeat 7 --fresh 5

For each size, one process times ``MeetingRegistry`` and its baselines on the same synthetic
meetings (fixed seed), round-robin with a rotating start, each warmed up first; medians. The
cyclic GC stays on, with the setup heap frozen (``gc.freeze()``). Every method must return the
same meetings in the same order (checked, column "same").

* build: ``MeetingRegistry(meetings)`` vs ``sorted(meetings, key=attrgetter("earliest", "id"))``
  of the same shuffled meetings (the registry builds its indexes lazily: their first use is
  timed separately, and in the fresh-process figures).
* queries: a date range holding about 1 % of the meetings (overlap), organ + year, organ +
  host, ``next(after=)``. Baselines: a list comprehension over the meetings, a scan of
  precomputed day numbers (and body column), and sqlite3 ``:memory:`` with covering indexes
  in two column orders (``INDEXED BY`` pins each), rows mapped back to the meeting objects.
  The ratio is against the faster sqlite configuration in the same run.
* fresh process (``--fresh K``): K new processes per size each time the build and the first
  call of each query once (the registry's lazy index build included; sqlite's indexes are
  part of its build); medians.
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import sqlite3
import statistics
import subprocess
import sys
import time
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from benchlib import Load, environment, fmt_s, fmt_x, interleaved, table
from registry_data import AFTER, HOST, ORGAN, RANGE, SEED, YEAR, meetings_from, memory, records
from turkicorg import Meeting, MeetingRegistry

if TYPE_CHECKING:
    from collections.abc import Callable

NATURAL = attrgetter("earliest", "id")
Fns = dict[str, "Callable[[], object]"]

# sqlite3: one table, the day numbers of the earliest start and the latest end, covering
# indexes a user would create for these queries. The A and B names pick the column order.
SCHEMA = (
    "CREATE TABLE m (idx INTEGER PRIMARY KEY, mid TEXT NOT NULL, earliest INTEGER NOT NULL, "
    "latest INTEGER NOT NULL, body TEXT NOT NULL, host TEXT)"
)
INDEXES = {
    "date_a": "(earliest, latest, mid)",
    "date_b": "(earliest, mid, latest)",
    "body_date_a": "(body, earliest, latest, mid)",
    "body_date_b": "(body, earliest, mid, latest)",
    "body_host": "(body, host, earliest, mid)",
}
SQL = {
    "range": "SELECT idx FROM m INDEXED BY {ix} WHERE earliest BETWEEN ? AND ? AND latest >= ? "
    "ORDER BY earliest, mid",
    "organ_year": "SELECT idx FROM m INDEXED BY {ix} WHERE body = ? AND earliest BETWEEN ? AND ? "
    "AND latest >= ? ORDER BY earliest, mid",
    "organ_host": "SELECT idx FROM m INDEXED BY {ix} WHERE body = ? AND host = ? "
    "ORDER BY earliest, mid",
    "next": "SELECT idx FROM m INDEXED BY {ix} WHERE earliest > ? ORDER BY earliest, mid LIMIT 1",
}


def build_sqlite(meetings: list[Meeting]) -> sqlite3.Connection:
    con = sqlite3.connect(":memory:")
    con.execute(SCHEMA)
    con.executemany(
        "INSERT INTO m VALUES (?, ?, ?, ?, ?, ?)",
        (
            (i, m.id, m.earliest.toordinal(), m.latest.toordinal(), m.body.value, m.host)
            for i, m in enumerate(meetings)
        ),
    )
    for name, columns in INDEXES.items():
        con.execute(f"CREATE INDEX {name} ON m{columns}")
    con.execute("ANALYZE")
    con.commit()
    return con


class Data:
    """One size: the meetings in registry order, their day numbers, sqlite, the registry."""

    def __init__(self, meetings: list[Meeting], registry: MeetingRegistry) -> None:
        self.meetings = meetings
        self.registry = registry
        self.starts = [m.earliest.toordinal() for m in meetings]
        self.ends = [m.latest.toordinal() for m in meetings]
        self.bodies = [m.body for m in meetings]
        self.longest = max(e - s for s, e in zip(self.starts, self.ends, strict=True))
        self.con = build_sqlite(meetings)

    def sqlite(self, query: str, ix: str, *args: object) -> Callable[[], list[Meeting]]:
        sql = SQL[query].format(ix=ix)
        con, meetings = self.con, self.meetings

        def run() -> list[Meeting]:
            return [meetings[i] for (i,) in con.execute(sql, args)]

        return run


def range_group(d: Data) -> Fns:
    lo, hi = RANGE
    lo_day, hi_day = lo.toordinal(), hi.toordinal()
    meetings, starts, ends = d.meetings, d.starts, d.ends
    window = (lo_day - d.longest, hi_day, lo_day)

    def days() -> list[Meeting]:
        return [
            meetings[i]
            for i, (s, e) in enumerate(zip(starts, ends, strict=True))
            if s <= hi_day and lo_day <= e
        ]

    return {
        "registry.filter(between=...)": lambda: d.registry.filter(between=RANGE),
        "scan: list comprehension": lambda: sorted(
            [m for m in meetings if m.earliest <= hi and lo <= m.latest], key=NATURAL
        ),
        "scan: precomputed day numbers": days,
        "sqlite A (earliest, latest, id)": d.sqlite("range", "date_a", *window),
        "sqlite B (earliest, id, latest)": d.sqlite("range", "date_b", *window),
    }


def organ_year_group(d: Data) -> Fns:
    lo, hi = RANGE
    lo_day, hi_day = lo.toordinal(), hi.toordinal()
    meetings, starts, ends, bodies = d.meetings, d.starts, d.ends, d.bodies
    window = (ORGAN.value, lo_day - d.longest, hi_day, lo_day)

    def days() -> list[Meeting]:
        return [
            meetings[i]
            for i, (s, e, b) in enumerate(zip(starts, ends, bodies, strict=True))
            if s <= hi_day and lo_day <= e and b is ORGAN
        ]

    return {
        "registry.filter(organ=, year=)": lambda: d.registry.filter(organ=ORGAN, year=YEAR),
        "scan: list comprehension": lambda: sorted(
            [m for m in meetings if m.body is ORGAN and m.earliest <= hi and lo <= m.latest],
            key=NATURAL,
        ),
        "scan: precomputed day numbers": days,
        "sqlite A (body, earliest, latest, id)": d.sqlite("organ_year", "body_date_a", *window),
        "sqlite B (body, earliest, id, latest)": d.sqlite("organ_year", "body_date_b", *window),
    }


def organ_host_group(d: Data) -> Fns:
    meetings = d.meetings
    return {
        "registry.filter(organ=, host=)": lambda: d.registry.filter(organ=ORGAN, host=HOST),
        "scan: list comprehension": lambda: [
            m for m in meetings if m.body is ORGAN and m.host == HOST
        ],
        "sqlite (body, host, earliest, id)": d.sqlite("organ_host", "body_host", ORGAN.value, HOST),
    }


def next_group(d: Data) -> Fns:
    after_day = AFTER.toordinal()
    meetings, starts = d.meetings, d.starts

    def days() -> Meeting:
        later = (i for i, s in enumerate(starts) if s > after_day)
        return meetings[min(later, key=lambda i: (starts[i], meetings[i].id))]

    return {
        "registry.next(after=)": lambda: d.registry.next(after=AFTER),
        "scan: precomputed day numbers": days,
        "sqlite A (earliest, latest, id)": d.sqlite("next", "date_a", after_day),
        "sqlite B (earliest, id, latest)": d.sqlite("next", "date_b", after_day),
    }


GROUPS = {
    "1 % date range (year 2000, overlap)": range_group,
    "organ + year (CFM, 2000)": organ_year_group,
    "organ + host (CFM, KZ)": organ_host_group,
    "next(after=2024-06-15)": next_group,
}


def same_results(fns: Fns) -> tuple[int, bool]:
    """Result size, and whether every method returned the same meetings in the same order."""
    results = []
    for fn in fns.values():
        found = fn()
        found = [found] if isinstance(found, Meeting) else found
        results.append([m.id for m in found])  # type: ignore[attr-defined]
    return len(results[0]), all(r == results[0] for r in results)


def best_sqlite(results: dict[str, float]) -> float:
    return min(v for k, v in results.items() if k.startswith("sqlite"))


def fresh_registry(registry: MeetingRegistry) -> MeetingRegistry:
    """The same meetings in a registry with no index built yet."""
    return MeetingRegistry._from_sorted(registry.meetings)  # noqa: SLF001 - benchmark probe


def time_first_use(registry: MeetingRegistry, repeat: int) -> dict[str, float]:
    return interleaved(
        {
            "date index (first range or next query)": lambda: fresh_registry(registry).next(
                after=AFTER
            ),
            "body + date index (first organ + year query)": lambda: fresh_registry(registry).filter(
                organ=ORGAN, year=YEAR
            ),
            "body + host indexes (first organ + host query)": lambda: fresh_registry(
                registry
            ).filter(organ=ORGAN, host=HOST),
        },
        repeat,
        budget=0,
    )


def make_meetings(n: int, layout: str) -> list[Meeting]:
    """The meetings, allocated in generation (random date) order or in registry order.

    ``load``: the objects are created in registry order, as reading a saved registry creates
    them (files are written in registry order), so neighbours in a result are neighbours in
    memory. ``random``: created in random date order, so every result touches scattered
    objects (cache misses for the registry and for mapping sqlite rows to objects alike).
    """
    recs = list(records(n))
    if layout == "load":
        recs.sort(key=lambda r: (r[4][0], r[4][1] or 1, r[4][2] or 1, r[0]))
    return meetings_from(iter(recs))


def run_size(n: int, repeat: int, layout: str) -> dict[str, Any]:
    meetings = make_meetings(n, layout)
    shuffled = meetings[:]
    random.Random(SEED).shuffle(shuffled)
    registry = MeetingRegistry(shuffled)
    ordered = list(registry.meetings)
    gc.collect()
    gc.freeze()
    budget = 0.1 if n <= 100_000 else 0
    builds = interleaved(
        {
            "MeetingRegistry(meetings)": lambda: MeetingRegistry(shuffled),
            "sorted(meetings, key=attrgetter('earliest', 'id'))": lambda: sorted(
                shuffled, key=NATURAL
            ),
        },
        repeat,
        budget=budget,
    )
    first_use = time_first_use(registry, max(3, repeat // 2))
    data = Data(ordered, registry)
    queries: dict[str, dict[str, float]] = {}
    checks: dict[str, tuple[int, bool]] = {}
    for group, make in GROUPS.items():
        fns = make(data)
        checks[group] = same_results(fns)
        queries[group] = interleaved(fns, repeat)
    data.con.close()
    gc.unfreeze()
    return {"n": n, "builds": builds, "first_use": first_use, "queries": queries, "checks": checks}


def fresh_child(n: int, layout: str) -> dict[str, float]:
    """One fresh process: build and the first call of each query, timed once each."""
    meetings = make_meetings(n, layout)
    shuffled = meetings[:]
    random.Random(SEED).shuffle(shuffled)
    gc.collect()
    out: dict[str, float] = {}

    def once(name: str, fn: Callable[[], object]) -> Any:
        start = time.perf_counter()
        result = fn()
        out[name] = time.perf_counter() - start
        return result

    registry = once("build: MeetingRegistry", lambda: MeetingRegistry(shuffled))
    once("build: sorted by (earliest, id)", lambda: sorted(shuffled, key=NATURAL))
    con = once("build: sqlite (insert + indexes)", lambda: build_sqlite(list(registry.meetings)))
    con.close()
    data = Data(list(registry.meetings), registry)
    for group, make in GROUPS.items():
        for name, fn in make(data).items():
            if name.startswith(("registry", "sqlite")):
                data.registry = fresh_registry(registry)
                once(f"{group}: {name}", fn)
    return out


def run_fresh(n: int, processes: int, layout: str) -> dict[str, float]:
    samples: dict[str, list[float]] = {}
    for _ in range(processes):
        command = [sys.executable, __file__, "--fresh-child", str(n), "--layout", layout]
        output = subprocess.run(command, capture_output=True, text=True, check=True).stdout  # noqa: S603
        for name, value in json.loads(output).items():
            samples.setdefault(name, []).append(value)
    return {name: statistics.median(values) for name, values in samples.items()}


def report_size(r: dict[str, Any], repeat: int, fresh: dict[str, float] | None) -> None:
    n = r["n"]
    builds = r["builds"]
    mine = builds["MeetingRegistry(meetings)"]
    print(f"\n## N = {n:,} (medians of {repeat}; per call)\n")
    rows = [[k, fmt_s(v), fmt_x(mine / v)] for k, v in builds.items()]
    print(table(["build", "median", "registry ÷ this"], rows))
    print(
        "\n"
        + table(
            ["first use (lazy index)", "median"], [[k, fmt_s(v)] for k, v in r["first_use"].items()]
        )
    )
    rows = []
    for group, results in r["queries"].items():
        first = next(iter(results.values()))
        count, same = r["checks"][group]
        sqlite = best_sqlite(results)
        for name, value in results.items():
            rows.append(
                [
                    group,
                    name,
                    count,
                    "yes" if same else "NO",
                    fmt_s(value),
                    fmt_x(value / first),
                    fmt_x(sqlite / value),
                ]
            )
    print()
    print(
        table(
            ["query", "method", "results", "same", "median", "÷ registry", "best sqlite ÷ this"],
            rows,
        )
    )
    if fresh:
        print(
            "\nFresh process (median of processes, each call timed once, index build included):\n"
        )
        print(
            table(
                ["operation", "fresh", "warm"],
                [[k, fmt_s(v), warm(r, k)] for k, v in fresh.items()],
            )
        )


def warm(r: dict[str, Any], key: str) -> str:
    if key.startswith("build: "):
        name = {
            "build: MeetingRegistry": "MeetingRegistry(meetings)",
            "build: sorted by (earliest, id)": "sorted(meetings, key=attrgetter('earliest', 'id'))",
        }.get(key)
        return fmt_s(r["builds"][name]) if name else "—"
    group, _, name = key.partition(": ")
    return fmt_s(r["queries"][group][name])


def report_goals(results: list[dict[str, Any]]) -> None:
    """The goal rows of issue 12, one cell per size measured."""
    rng, org, nxt = (
        "1 % date range (year 2000, overlap)",
        "organ + year (CFM, 2000)",
        "next(after=2024-06-15)",
    )

    def ratio(r: dict[str, Any], group: str) -> float:
        found = r["queries"][group]
        return best_sqlite(found) / next(iter(found.values()))

    def build(r: dict[str, Any]) -> float:
        b = r["builds"]
        return (
            b["MeetingRegistry(meetings)"] / b["sorted(meetings, key=attrgetter('earliest', 'id'))"]
        )

    rows = [
        [
            "organ + year: best sqlite ÷ registry (goal ≥ 2× at 100k, 1M)",
            lambda r: fmt_x(ratio(r, org)),
        ],
        [
            "1 % date range: best sqlite ÷ registry (goal ≥ 10× at 1M, ≥ 1× at 2k)",
            lambda r: fmt_x(ratio(r, rng)),
        ],
        [
            "next(after=) per call (goal ≤ 1 µs)",
            lambda r: fmt_s(next(iter(r["queries"][nxt].values()))),
        ],
        ["build ÷ sorted() by (earliest, id) (goal ≤ 2×)", lambda r: fmt_x(build(r))],
    ]
    headers = ["goal", *(f"{r['n']:,}" for r in results)]
    print("\n## Goals (issue 12)\n")
    print(table(headers, [[label, *(cell(r) for r in results)] for label, cell in rows]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n", 1)[0])
    parser.add_argument("--sizes", default="2000,10000,100000,1000000", help="comma-separated")
    parser.add_argument("--repeat", type=int, default=5, help="timing repeats (median)")
    parser.add_argument("--fresh", type=int, default=3, help="fresh processes per size (0: none)")
    parser.add_argument(
        "--mem-n", type=int, default=0, help="meetings for memory figures (0: skip)"
    )
    parser.add_argument(
        "--layout",
        choices=("load", "random"),
        default="load",
        help="memory order of the meeting objects (default: load, as read from a file)",
    )
    parser.add_argument("--fresh-child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.fresh_child:
        print(json.dumps(fresh_child(args.fresh_child, args.layout)))
        return 0
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    wall = time.perf_counter()
    load = Load()
    print(
        f"# bench_registry --sizes {args.sizes} --repeat {args.repeat} --fresh {args.fresh} "
        f"--layout {args.layout}\n"
    )
    print(environment() + f", sqlite {sqlite3.sqlite_version}")
    results = []
    for n in sizes:
        r = run_size(n, args.repeat, args.layout)
        load.sample()
        fresh = run_fresh(n, args.fresh, args.layout) if args.fresh else None
        load.sample()
        report_size(r, args.repeat, fresh)
        results.append(r)
        sys.stdout.flush()
    report_goals(results)
    if args.mem_n:
        mem = memory(args.mem_n)
        base = next(iter(mem.values()))
        print(f"\n## Memory per meeting (tracemalloc, N = {args.mem_n:,}, live bytes)\n")
        print(
            table(
                ["representation", "bytes", "÷ first"],
                [[k, f"{v:,.0f}", fmt_x(v / base)] for k, v in mem.items()],
            )
        )
    print(f"\n{load.summary()}; run took {time.perf_counter() - wall:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
