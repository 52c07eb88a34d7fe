"""Timing helpers shared by the benchmark scripts: interleaved medians, tables, environment.

Every script measures its baselines in the same run as turkicorg: implementations are timed
round-robin with a rotating start (drift on a shared machine hits all of them alike), each is
warmed up before the first timed call, and medians are reported with the machine's load.
"""

from __future__ import annotations

import gc
import math
import os
import platform
import statistics
import subprocess
import sys
import time
from importlib import metadata
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

PACKAGES = (
    "turkicorg",
    "turkicorg-speedups",
    "attrs",
    "cattrs",
    "msgspec",
    "pydantic",
    "pydantic-core",
    "orjson",
)


def fmt_s(s: float) -> str:
    """A duration with three significant digits and a unit."""
    if math.isnan(s):  # not measured
        return "n/a"
    if s >= 1:
        return f"{s:.3g} s"
    if s >= 1e-3:
        return f"{s * 1e3:.3g} ms"
    if s >= 1e-6:
        return f"{s * 1e6:.3g} µs"
    return f"{s * 1e9:.3g} ns"


def fmt_x(ratio: float) -> str:
    """A ratio: two decimals below 10, one above."""
    if math.isnan(ratio):
        return "n/a"
    return f"{ratio:.2f}×" if ratio < 10 else f"{ratio:.1f}×"


def table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """A Markdown table."""
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def report(caption: str, headers: Sequence[str], rows: Sequence[Sequence[Any]], load: Load) -> int:
    """Print a caption, the figures' table and the load during the run; 0 (the exit status)."""
    print(f"{caption}\n")
    print(table(headers, rows))
    print(f"\n{load.summary()}")
    return 0


def _steal() -> tuple[int, int] | None:
    """(total, steal) jiffies of the machine, or None off Linux."""
    try:
        with open("/proc/stat", encoding="ascii") as f:  # noqa: PTH123
            values = [int(x) for x in f.readline().split()[1:]]
    except OSError:
        return None
    return sum(values), (values[7] if len(values) > 7 else 0)


class Load:
    """Load average and CPU steal over a run, printed with its figures."""

    def __init__(self) -> None:
        self.start = _steal()
        self.loads = [os.getloadavg()[0]]

    def sample(self) -> None:
        self.loads.append(os.getloadavg()[0])

    def summary(self) -> str:
        self.sample()
        end = _steal()
        steal = "n/a"
        if self.start is not None and end is not None and end[0] > self.start[0]:
            steal = f"{100 * (end[1] - self.start[1]) / (end[0] - self.start[0]):.1f} %"
        return (
            f"load average (1 min) during the run: {min(self.loads):.2f}–{max(self.loads):.2f} "
            f"on {os.cpu_count()} CPUs; CPU steal {steal}"
        )


def environment() -> str:
    """Python, machine, CPU and package versions, one line."""
    cpu = platform.processor() or "?"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:  # noqa: PTH123
            cpu = next(
                (ln.split(":", 1)[1].strip() for ln in f if ln.startswith("model name")), cpu
            )
    except OSError:
        pass
    versions = []
    for package in PACKAGES:
        try:
            versions.append(f"{package} {metadata.version(package)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{package} (not installed)")
    return (
        f"Python {sys.version.split()[0]} on {platform.platform()}, {os.cpu_count()} CPUs ({cpu}), "
        f"loadavg {os.getloadavg()}; {', '.join(versions)}"
    )


def calls_for(fn: Callable[[], object], budget: float) -> int:
    """How many calls make one timing loop of about ``budget`` seconds (after a warm-up)."""
    fn()  # warm-up: lazy indexes, caches and compiled statements are built before timing
    start = time.perf_counter()
    fn()
    once = time.perf_counter() - start
    return max(1, int(budget / max(once, 1e-7)))


def interleaved(
    fns: dict[str, Callable[[], object]], repeat: int, budget: float = 0.1
) -> dict[str, float]:
    """Median per-call seconds of each function, round-robin with a rotating start.

    Each function is warmed up first; each sample is a loop of about ``budget`` seconds
    (``budget=0``: one call a sample, for slow operations). A full collection runs before
    each sample, the collector stays on during it.
    """
    calls = {name: calls_for(fn, budget) if budget else 1 for name, fn in fns.items()}
    if not budget:
        for fn in fns.values():
            fn()
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


def fresh_runs(
    commands: dict[str, list[str]], repeat: int, env: dict[str, str] | None = None
) -> dict[str, float]:
    """Median wall seconds of each command in a new process, interleaved, after one warm-up."""
    for command in commands.values():
        subprocess.run(command, capture_output=True, check=True, env=env)  # noqa: S603
    samples: dict[str, list[float]] = {name: [] for name in commands}
    names = list(commands)
    for rep in range(repeat):
        for name in names[rep % len(names) :] + names[: rep % len(names)]:
            start = time.perf_counter()
            subprocess.run(commands[name], capture_output=True, check=True, env=env)  # noqa: S603
            samples[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) for name, values in samples.items()}
