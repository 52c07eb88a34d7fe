"""Mutation testing of one rule module against its own tests (mutmut 3; see docs/testing.md).

Usage, from anywhere in the checkout (2 worker processes; one to a few minutes a module)::

    python scripts/mutation.py elders
    python scripts/mutation.py cadence.rules     # a module of a package: its dotted name
    python scripts/mutation.py --summary elders    # the figures of the last run again

It starts from a fresh ``mutants/`` copy, narrows ``[tool.mutmut]``'s test selection to the
module's own test files (:data:`TESTS`), runs every mutant of the module with the thorough
hypothesis profile and a fixed seed, and prints the score: killed (a timeout counts as
killed) of all mutants, and of all mutants but those listed in :data:`MESSAGE_ONLY`, which
change only the wording of an error message. ``mutmut results`` and ``mutmut show NAME``
list and show the survivors afterwards.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_CADENCE_TESTS = (
    "test_cadence.py",
    "test_cadence_boundaries.py",
    "test_horizon.py",
    "test_facade.py",
)
_FAST_TESTS = ("test_serialize_fields.py", "test_serialize_fast.py", "test_serialize_fastdoc.py")
_REGISTRY_TESTS = (
    "test_registry.py",
    "test_registry_boundaries.py",
    "test_registry_data.py",
    "test_registry_state.py",
)
_INDEX_TESTS = (*_REGISTRY_TESTS, "test_registry_index.py")

TESTS = {
    "cadence.answers": _CADENCE_TESTS,
    "cadence.rules": _CADENCE_TESTS,
    "chairmanship": ("test_chairmanship.py", "test_facade.py", "test_horizon.py"),
    "dates": ("test_dates.py",),
    "decisions": ("test_decisions.py", "test_facade.py", "test_horizon.py"),
    "elders": ("test_elders.py", "test_facade.py", "test_horizon.py"),
    "meetings": (
        "test_meeting_checks.py",
        "test_sources.py",
        "test_resolver.py",
        "test_registry.py",
        "test_speedups_reader.py",
    ),
    "registry.checks": _REGISTRY_TESTS,
    "registry.core": _INDEX_TESTS,
    "registry.dateindex": _INDEX_TESTS,
    "registry.filters": _REGISTRY_TESTS,
    "registry.index": _INDEX_TESTS,
    "rotation": ("test_rotation.py",),
    "serialize.compiled": ("test_speedups.py", "test_speedups_reader.py"),
    "serialize.fastdoc": (*_FAST_TESTS, "test_speedups.py", "test_speedups_reader.py"),
    "serialize.fastread": _FAST_TESTS,
    "serialize.fastvalues": _FAST_TESTS,
    "serialize.fastwrite": _FAST_TESTS,
    "serialize.quickread": ("test_serialize_quick.py", "test_fuzz_serialize.py"),
    "sourcing": ("test_sources.py",),
}
"""Each module's own tests (the façade and horizon tests pin what the lead added to them),
by the module's dotted name under ``turkicorg`` (``cadence.rules`` is
``src/turkicorg/cadence/rules.py``)."""

MESSAGE_ONLY: dict[str, tuple[str, ...]] = {
    # The message of the error the scanner raises for NaN or Infinity: the reader declines
    # on it, and the pure path reports the document in its own words.
    "serialize.fastdoc": ("x__no_constant__mutmut_1",),
}
"""Mutants judged to change only the wording of an error message, by module (mutmut names
without the ``turkicorg.MODULE.`` prefix). A listed mutant that is killed still counts as
killed; a listed name that no longer exists is reported, since mutant numbers move when a
function is edited."""

KILLED = {1, 3, 24, -24, 36, 152, 255}
"""mutmut's exit codes for a mutant the tests noticed (failed, errored or timed out)."""


def _run(module: str) -> None:
    from mutmut import configuration  # noqa: PLC0415 - a development tool, imported to run
    from mutmut.__main__ import cli  # noqa: PLC0415

    os.environ["HYPOTHESIS_PROFILE"] = "ci"
    shutil.rmtree(ROOT / "mutants", ignore_errors=True)
    configuration.config().pytest_add_cli_args_test_selection = [
        f"tests/{name}" for name in TESTS[module]
    ]
    args = ["run", "--max-children", "2", f"turkicorg.{module}.*"]
    with tempfile.TemporaryDirectory(prefix="turkicorg-mutation-") as examples:
        # A fresh example database: no failing example of an earlier run is replayed.
        os.environ["HYPOTHESIS_STORAGE_DIRECTORY"] = examples
        cli.main(args, prog_name="mutmut", standalone_mode=False)


def _summary(module: str) -> str:
    meta = ROOT / "mutants" / "src" / "turkicorg" / f"{module.replace('.', '/')}.py.meta"
    codes: dict[str, int | None] = (
        json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"] if meta.exists() else {}
    )
    if not codes or None in codes.values():
        return f"{module}: not run (the last run was of another module, or none)"
    prefix = f"turkicorg.{module}."
    killed = sorted(k for k, code in codes.items() if code in KILLED)
    alive = sorted(k.removeprefix(prefix) for k in codes if k not in killed)
    listed = set(MESSAGE_ONLY.get(module, ()))
    names = {k.removeprefix(prefix) for k in codes}
    counted = len(codes) - len([name for name in alive if name in listed])
    lines = [
        (
            f"{module}: {len(killed)}/{len(codes)} killed "
            f"({100 * len(killed) / len(codes):.1f} %); without message-only mutants "
            f"{len(killed)}/{counted} ({100 * len(killed) / counted:.1f} %)"
        ),
        *(f"  message only: {name}" for name in alive if name in listed),
        *(
            f"  survived: {name} (exit code {codes[prefix + name]})"
            for name in alive
            if name not in listed
        ),
        *(f"  listed as message-only but gone: {name}" for name in sorted(listed - names)),
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run one module's mutants (or only print the last run's figures) and print the score."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("module", choices=sorted(TESTS))
    parser.add_argument("--summary", action="store_true", help="print the last run's score")
    options = parser.parse_args(argv)
    os.chdir(ROOT)
    if not options.summary:
        _run(options.module)
    sys.stdout.write(_summary(options.module) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
