#!/usr/bin/env python
"""JSON round trip of a meeting registry: turkicorg against msgspec, pydantic v2 and cattrs.

    python benchmarks/bench_serialize.py                       # N = 2,000, 10,000, 100,000
    python benchmarks/bench_serialize.py --n 1000000 --repeat 3 --libs turkicorg,msgspec,pydantic

Every implementation (``serialize_impls.py``) reads and writes the same bytes: the reference
document is written once by turkicorg, every decoder is timed on those bytes, and every encoder
on the objects its own decoder just made from them (checked: each writes the reference bytes
back, and reads its own output as equal objects). turkicorg is handed and returns ``bytes``
like the others (``serialize.dumpb``, the UTF-8 bytes of ``dumps``).

Warm (one process): each implementation is warmed up (one untimed decode and encode), then
all run round-robin in each repeat with a rotating start; medians; ratio to msgspec in the
same run. The setup heap is frozen (``gc.freeze()``), a full collection runs before each
timed operation, the collector stays on during it and ``gc.collect(0)`` ends it inside the
timing, so collector work an operation defers (turkicorg pauses the collector while it
builds objects) is charged to it. The peers get the collector at their strongest too
(msgspec's structs ``gc=False``, pydantic and cattrs paused during each call: see
``serialize_impls.py``); ``--libs turkicorg,msgspec,pydantic,msgspec-tracked,pydantic-unpaused``
also runs msgspec and pydantic as shipped.
Round trip = ``encode(decode(data))``.

Fresh process (``--fresh K``): K new processes per implementation, each reading the reference
bytes from a file and timing its first decode and first encode once (the setup of the
library's classes, converters or adapters is timed apart); its peak RSS (``ru_maxrss``) is
that of a process that holds the bytes and does one round trip; medians.
"""

from __future__ import annotations

import argparse
import gc
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from benchlib import Load, environment, fmt_s, fmt_x, table
from serialize_impls import FACTORIES, VARIANTS, synthetic_meetings

if TYPE_CHECKING:
    from collections.abc import Callable

    from serialize_impls import Impl

REFERENCE = "msgspec"
ALL = FACTORIES | VARIANTS
OPS = ("encode", "decode", "round trip")


def reference_bytes(n: int) -> bytes:
    from turkicorg import serialize  # noqa: PLC0415
    from turkicorg.registry import MeetingRegistry  # noqa: PLC0415

    return serialize.dumps(MeetingRegistry(synthetic_meetings(n))).encode()


def timed(fn: Callable[[], Any], calls: int = 1) -> float:
    """Seconds a call of ``fn()``, each plus the young-generation collection it leaves behind."""
    total = 0.0
    for _ in range(calls):
        gc.collect()
        start = time.perf_counter()
        result = fn()
        gc.collect(0)
        total += time.perf_counter() - start
        del result
    return total / calls


def high_water() -> int:
    """Peak resident set size of this process in bytes (``VmHWM``; not inherited at exec)."""
    for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # off Linux


def check(impls: dict[str, Impl], data: bytes) -> dict[str, Any]:
    """Each implementation's freshly decoded objects; fails unless every one writes ``data``."""
    objects = {}
    for name, impl in impls.items():
        obj = impl.decode(data)
        out = impl.encode(obj)
        same = out == data
        equal = impl.decode(out) == obj
        print(f"- {name}: writes the reference bytes: {same}; decode(encode(x)) == x: {equal}")
        if not (same and equal):
            raise SystemExit(f"{name} does not reproduce the reference document")
        objects[name] = obj
    return objects


def warm(
    impls: dict[str, Impl], data: bytes, repeat: int, calls: int
) -> dict[str, dict[str, float]]:
    """Median seconds of each operation, round-robin, after a warm-up of each."""
    objects = check(impls, data)  # also the warm-up: one decode and one encode each
    names = list(impls)
    samples: dict[str, dict[str, list[float]]] = {name: {op: [] for op in OPS} for name in names}
    gc.collect()
    gc.freeze()
    for rep in range(repeat):
        for name in names[rep % len(names) :] + names[: rep % len(names)]:
            impl, obj = impls[name], objects[name]
            encode, decode = impl.encode, impl.decode
            samples[name]["encode"].append(timed(lambda: encode(obj), calls))  # noqa: B023
            samples[name]["decode"].append(timed(lambda: decode(data), calls))  # noqa: B023
            samples[name]["round trip"].append(timed(lambda: encode(decode(data)), calls))  # noqa: B023
        print(f"  repeat {rep + 1}/{repeat}", file=sys.stderr)
    gc.unfreeze()
    return {n: {op: statistics.median(v) for op, v in ops.items()} for n, ops in samples.items()}


def child(name: str, path: str) -> dict[str, float]:
    """One fresh process: setup, first decode, first encode; peak RSS of the round trip."""
    start = time.perf_counter()
    impl = ALL[name]()
    setup = time.perf_counter() - start
    data = Path(path).read_bytes()
    before = high_water()
    start = time.perf_counter()
    obj = impl.decode(data)
    decoded = time.perf_counter()
    out = impl.encode(obj)
    encoded = time.perf_counter()
    if len(out) != len(data):
        raise SystemExit(f"{name}: different output")
    peak = high_water()
    return {
        "setup": setup,
        "decode": decoded - start,
        "encode": encoded - decoded,
        "round trip": encoded - start,
        "peak RSS": peak,
        "RSS before (imports + bytes)": before,
    }


def fresh(names: list[str], data: bytes, processes: int) -> dict[str, dict[str, float]]:
    samples: dict[str, dict[str, list[float]]] = {name: {} for name in names}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "registry.json"
        path.write_bytes(data)
        for rep in range(processes):
            for name in names[rep % len(names) :] + names[: rep % len(names)]:
                command = [sys.executable, __file__, "--child", name, "--file", str(path)]
                done = subprocess.run(command, capture_output=True, text=True, check=True)  # noqa: S603
                for key, value in json.loads(done.stdout).items():
                    samples[name].setdefault(key, []).append(value)
    return {n: {k: statistics.median(v) for k, v in d.items()} for n, d in samples.items()}


def report(n: int, data: bytes, found: dict[str, dict[str, float]], title: str) -> None:
    ref = found[REFERENCE]
    print(f"\n{title}, µs a meeting (× msgspec in this run):\n")
    rows = []
    for name, ops in found.items():
        cells = [f"{ops[op] / n * 1e6:.2f} ({fmt_x(ops[op] / ref[op])})" for op in OPS]
        versus = "n/a"
        if "pydantic" in found:
            versus = fmt_x(ops["round trip"] / found["pydantic"]["round trip"])
        extra = []
        if "peak RSS" in ops:
            mib = ops["peak RSS"] / 2**20
            extra = [
                f"{fmt_s(ops['setup'])}",
                f"{mib:,.0f} MiB ({fmt_x(ops['peak RSS'] / ref['peak RSS'])})",
                f"{(ops['peak RSS'] - ops['RSS before (imports + bytes)']) / n:,.0f}",
            ]
        rows.append([name, *cells, versus, *extra])
    headers = ["implementation", *OPS, "round trip ÷ pydantic"]
    if "peak RSS" in ref:
        headers += ["setup", "peak RSS (× msgspec)", "RSS growth, bytes a meeting"]
    print(table(headers, rows))
    print(f"\n({len(data):,} bytes of JSON, {len(data) / n:.0f} a meeting)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", default="2000,10000,100000", help="comma-separated sizes")
    parser.add_argument(
        "--libs",
        default=",".join(FACTORIES),
        help=f"comma-separated, of: {', '.join(ALL)} (default: all but the -tracked and "
        "-unpaused variants, the peers as shipped)",
    )
    parser.add_argument("--repeat", type=int, help="timed repeats (default 7 / 5 / 3 by N)")
    parser.add_argument("--fresh", type=int, default=3, help="fresh processes each (0: none)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--file", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child, args.file)))
        return 0
    names = [x.strip() for x in args.libs.split(",") if x.strip()]
    if unknown := set(names) - set(ALL):
        parser.error(f"unknown implementations: {', '.join(sorted(unknown))}")
    if REFERENCE not in names:
        names.insert(0, REFERENCE)
    load = Load()
    print(f"# bench_serialize --n {args.n} --libs {','.join(names)}\n\n{environment()}\n")
    impls = {name: ALL[name]() for name in names}
    for name, impl in impls.items():
        print(f"- {name}: {impl.configuration}")
    for n in [int(x) for x in args.n.split(",") if x.strip()]:
        data = reference_bytes(n)
        repeat = args.repeat or (7 if n <= 20_000 else 5 if n <= 200_000 else 3)
        print(f"\n## N = {n:,}\n")
        calls = max(1, 20_000 // n)  # small documents: each sample the mean of several calls
        found = warm(impls, data, repeat, calls)
        report(n, data, found, f"Warm, median of {repeat} (each the mean of {calls} calls)")
        load.sample()
        if args.fresh:
            found = fresh(names, data, args.fresh)
            report(n, data, found, f"Fresh process, median of {args.fresh}")
            load.sample()
        sys.stdout.flush()
    print(f"\n{load.summary()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
