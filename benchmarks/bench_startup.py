#!/usr/bin/env python
"""Start-up: ``import turkicorg`` and one command, in fresh processes, against ``attrs, cattrs``.

    python benchmarks/bench_startup.py --repeat 21

Each command runs in a new process (``subprocess.run``, output discarded), all of them
round-robin with a rotating start after one warm-up run each (the operating system's file
cache is warm for everyone); the median wall time of ``--repeat`` runs is reported, and its
ratio to ``python -c "import attrs, cattrs"`` measured in the same run. Every module is
imported from its byte-code cache, as from an installed package: pip writes the caches of a
wheel when it installs it (attrs and cattrs have theirs), so turkicorg's are written first
(``compileall``, beside the sources), whether it is installed from a wheel or in editable
mode, and whatever ``PYTHONDONTWRITEBYTECODE`` says. Two rows bound what any command can reach:
``import attrs`` alone, and ``import turkicorg.elders``, the modules the Council of Elders'
answer needs (the model's attrs classes and the rule) imported without reading any data.
The command's process (``turkicorg.__main__``) imports with the cyclic collector paused and
then freezes what exists (``gc.freeze()``), which spares it collections during start-up and,
above all, the teardown of those objects when the interpreter exits. Any process can do the
same, so the baseline is also measured treated the same way (imported with the collector
paused, then frozen), and every command's ratio to that strongest form of the baseline is
printed beside the first; a row shows the baseline frozen without the pause.
Then ``python -X importtime`` shows where the command's import time goes (self time summed
by package, median of 5 runs).
"""

from __future__ import annotations

import argparse
import compileall
import os
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

from benchlib import Load, environment, fmt_s, fmt_x, fresh_runs, table

PY = sys.executable
BASELINE = "python -c 'import attrs, cattrs'"
FROZEN = "the same, then gc.freeze()"
STRONGEST = "the same, imported with the collector paused, then gc.freeze()"
ELDERS_FLOOR = (
    "import datetime as dt; from turkicorg.data import load_record; "
    "from turkicorg.elders import CouncilOfElders, ElderChairPolicy; "
    "council = CouncilOfElders(load_record(), policy=ElderChairPolicy()); "
    "print(council.upcoming_chairs(1, after=dt.date.today())[0].state.short_name)"
)

PLAIN_CLI = (
    "import gc, sys; sys.argv = ['turkicorg', 'chair', 'elders', '--next']; "
    "from turkicorg.cli import main; sys.exit(main())"
)
"""The command run by ``turkicorg.cli.main``, which leaves the collector alone: two rows show
what the process's pause and freeze buy, and how much of it is the exit alone."""


def cli() -> list[str]:
    """The installed ``turkicorg`` command beside this Python, else ``python -m turkicorg``."""
    script = Path(PY).with_name("turkicorg")
    if script.exists():
        return [str(script)]
    found = shutil.which("turkicorg")
    return [found] if found else [PY, "-m", "turkicorg"]


def commands() -> dict[str, list[str]]:
    return {
        "python -c pass": [PY, "-c", "pass"],
        BASELINE: [PY, "-c", "import attrs, cattrs"],
        FROZEN: [PY, "-c", "import attrs, cattrs, gc; gc.freeze()"],
        STRONGEST: [
            PY,
            "-c",
            "import gc; gc.disable(); import attrs, cattrs; gc.freeze(); gc.enable()",
        ],
        "import attrs (the model's one dependency)": [PY, "-c", "import attrs"],
        "import turkicorg": [PY, "-c", "import turkicorg"],
        "import turkicorg.elders (the answer's modules, no data read)": [
            PY,
            "-c",
            "import turkicorg.elders",
        ],
        "from turkicorg import Meeting, MeetingRegistry": [
            PY,
            "-c",
            "from turkicorg import Meeting, MeetingRegistry",
        ],
        "import turkicorg; turkicorg.load_default()": [
            PY,
            "-c",
            "import turkicorg; turkicorg.load_default()",
        ],
        "import turkicorg; turkicorg.load_record() (no meetings)": [
            PY,
            "-c",
            "import turkicorg; turkicorg.load_record()",
        ],
        "turkicorg chair elders --next": [*cli(), "chair", "elders", "--next"],
        "the same through turkicorg.cli.main (no pause, no freeze)": [PY, "-c", PLAIN_CLI],
        "the same through turkicorg.cli.main, frozen only before exit": [
            PY,
            "-c",
            PLAIN_CLI.replace("sys.exit(main())", "s = main(); gc.freeze(); sys.exit(s)"),
        ],
        "the same answer without the CLI (floor)": [PY, "-c", ELDERS_FLOOR],
    }


def compile_package() -> str:
    """Write the byte-code caches of turkicorg's modules, as pip does when it installs a wheel."""
    import turkicorg  # noqa: PLC0415 - the package under test, wherever it is installed

    root = Path(turkicorg.__file__).parent
    if not compileall.compile_dir(str(root), quiet=1):
        sys.exit(f"bench_startup: could not write the byte-code caches under {root}")
    return "byte code of turkicorg's modules compiled first (as pip install does)"


def import_profile(command: list[str], runs: int) -> dict[str, float]:
    """Median self import time (seconds) by package of one command (``-X importtime``)."""
    samples: dict[str, list[float]] = {}
    env = {**os.environ, "PYTHONPROFILEIMPORTTIME": "1"}
    for _ in range(runs):
        done = subprocess.run(command, capture_output=True, text=True, env=env, check=True)  # noqa: S603
        totals: dict[str, float] = {}
        for line in done.stderr.splitlines():
            if not line.startswith("import time:") or "self [us]" in line:
                continue
            self_us, _, name = line.split(":", 1)[1].split("|")
            parts = name.strip().split(".")
            package = ".".join(parts[:2]) if parts[0] == "turkicorg" else parts[0]
            totals[package] = totals.get(package, 0.0) + int(self_us) / 1e6
        for package, value in totals.items():
            samples.setdefault(package, []).append(value)
    return {p: statistics.median(v + [0.0] * (runs - len(v))) for p, v in samples.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n", 1)[0])
    parser.add_argument("--repeat", type=int, default=21, help="runs of each command (median)")
    parser.add_argument("--profile-runs", type=int, default=5, help="-X importtime runs")
    args = parser.parse_args(argv)
    load = Load()
    print(f"# bench_startup --repeat {args.repeat}\n\n{environment()}\n")
    print(f"{compile_package()}\n")
    found = fresh_runs(commands(), args.repeat)
    base, strongest = found[BASELINE], found[STRONGEST]
    rows = [
        [name, fmt_s(value), fmt_x(value / base), fmt_x(value / strongest)]
        for name, value in found.items()
    ]
    heads = ["command (fresh process)", "median wall", f"÷ {BASELINE}", "÷ the strongest"]
    print(table(heads, rows))
    load.sample()
    for name in ("import turkicorg", "turkicorg chair elders --next"):
        profile = import_profile(commands()[name], args.profile_runs)
        total = sum(profile.values())
        top = sorted(profile.items(), key=lambda item: -item[1])[:15]
        print(f"\nImport time of `{name}` by package (self time, median of runs): ")
        print(f"{fmt_s(total)} in all\n")
        print(table(["package", "self time"], [[p, fmt_s(v)] for p, v in top]))
    print(f"\n{load.summary()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
