"""The command as a process (``turkicorg.__main__``): start-up with the collector paused.

The installed script and ``python -m turkicorg`` import the command's modules and build its
parser with the cyclic collector paused, freeze what exists then, and run the command with
the collector as it was.
"""

from __future__ import annotations

import io
import subprocess
import sys
import textwrap
from typing import TYPE_CHECKING, Any

import pytest

import turkicorg.__main__ as process
from turkicorg.cli import app
from turkicorg.cli.output import Console

if TYPE_CHECKING:
    import argparse


class RecordingGc:
    """A stand-in for the ``gc`` module that records what is asked of it."""

    def __init__(self, calls: list[str], *, enabled: bool) -> None:
        self.calls = calls
        self.enabled = enabled

    def isenabled(self) -> bool:
        return self.enabled

    def disable(self) -> None:
        self.calls.append("disable")
        self.enabled = False

    def enable(self) -> None:
        self.calls.append("enable")
        self.enabled = True

    def freeze(self) -> None:
        self.calls.append("freeze")


def _record(monkeypatch: pytest.MonkeyPatch, *, enabled: bool, parsed: Any) -> list[str]:
    calls: list[str] = []
    monkeypatch.setattr(process, "gc", RecordingGc(calls, enabled=enabled))

    def parse_command(argv: object, console: Console) -> Any:
        calls.append(f"parse {argv} {console.out is sys.stdout}")
        return parsed

    def run_command(args: argparse.Namespace, console: Console, *, own_stdout: bool) -> int:
        calls.append(f"run {args} {console.err is sys.stderr} {own_stdout}")
        return 7

    monkeypatch.setattr(app, "parse_command", parse_command)
    monkeypatch.setattr(app, "run_command", run_command)
    return calls


def test_start_up_is_paused_frozen_then_resumed(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _record(monkeypatch, enabled=True, parsed="args")
    assert process.main() == 7
    assert calls == ["disable", "parse None True", "freeze", "enable", "run args True True"]


def test_a_paused_collector_stays_paused(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _record(monkeypatch, enabled=False, parsed="args")
    assert process.main() == 7
    assert calls == ["disable", "parse None True", "freeze", "run args True True"]


@pytest.mark.parametrize("status", [0, 2])
def test_nothing_runs_after_help_or_a_usage_error(
    monkeypatch: pytest.MonkeyPatch, status: int
) -> None:
    calls = _record(monkeypatch, enabled=True, parsed=status)
    assert process.main() == status
    assert calls == ["disable", "parse None True", "freeze", "enable"]


def test_the_collector_resumes_when_start_up_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _record(monkeypatch, enabled=True, parsed=None)

    def broken(argv: object, console: Console) -> Any:
        raise KeyboardInterrupt

    monkeypatch.setattr(app, "parse_command", broken)
    assert process.main() == 130  # Ctrl-C while starting: the status of an interrupted command
    assert calls == ["disable", "freeze", "enable"]


def test_a_bug_while_starting_is_not_hidden(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _record(monkeypatch, enabled=True, parsed=None)

    def broken(argv: object, console: Console) -> Any:
        raise RuntimeError("bug")

    monkeypatch.setattr(app, "parse_command", broken)
    with pytest.raises(RuntimeError, match="bug"):
        process.main()
    assert calls == ["disable", "freeze", "enable"]


def _in_a_process(*argv: str) -> list[str]:
    """Run ``turkicorg.__main__.main`` in a new process; what it printed, line by line."""
    script = textwrap.dedent(
        f"""
        import gc, sys
        sys.argv = ["turkicorg", *{list(argv)!r}]
        from turkicorg.__main__ import main
        status = main()
        from turkicorg.elders import CouncilOfElders
        tracked = {{id(o) for o in gc.get_objects()}}
        print(status, gc.isenabled(), id(CouncilOfElders) in tracked, gc.get_freeze_count() > 0)
        """
    )
    done = subprocess.run(  # noqa: S603 - this Python, our own module
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    return done.stdout.splitlines()


def test_the_command_modules_are_frozen_and_the_collector_runs() -> None:
    lines = _in_a_process("chair", "elders", "--next")
    # the answer, then: exit status, collector on, the class made at start-up not tracked
    assert lines[-1] == "0 True False True"
    assert len(lines) == 2


def test_a_usage_error_freezes_too() -> None:
    assert _in_a_process("chair", "nobody")[-1] == "2 True False True"


def _namespace(handler: Any) -> argparse.Namespace:
    import argparse  # noqa: PLC0415 - only these tests make namespaces

    return argparse.Namespace(handler=handler)


@pytest.mark.parametrize("own_stdout", [True, False])
def test_a_broken_pipe_silences_only_our_own_stdout(
    monkeypatch: pytest.MonkeyPatch, own_stdout: bool
) -> None:
    silenced: list[bool] = []
    monkeypatch.setattr(app, "_silence_stdout", lambda: silenced.append(True))

    def handler(args: argparse.Namespace, console: Console) -> int:
        raise BrokenPipeError(32, "Broken pipe")

    console = Console(io.StringIO(), io.StringIO())
    assert app.run_command(_namespace(handler), console, own_stdout=own_stdout) == 0
    assert silenced == ([True] if own_stdout else [])


def test_an_interrupted_command_exits_130() -> None:
    def handler(args: argparse.Namespace, console: Console) -> int:
        raise KeyboardInterrupt

    err = io.StringIO()
    assert app.run_command(_namespace(handler), Console(io.StringIO(), err), own_stdout=True) == 130
    assert err.getvalue() == ""


def test_the_installed_script_is_the_process_entry_point() -> None:
    """pyproject's ``turkicorg`` script runs ``turkicorg.__main__.main`` (and so does the
    installed one, when the package is installed)."""
    import importlib.metadata  # noqa: PLC0415 - this test only
    import tomllib  # noqa: PLC0415
    from pathlib import Path  # noqa: PLC0415

    pyproject = Path(__file__).resolve().parents[2] / "pyproject.toml"
    with pyproject.open("rb") as file:
        scripts = tomllib.load(file)["project"]["scripts"]
    assert scripts == {"turkicorg": "turkicorg.__main__:main"}
    installed = [
        point
        for point in importlib.metadata.entry_points(group="console_scripts")
        if point.name == "turkicorg"
    ]
    assert [point.value for point in installed] in ([], ["turkicorg.__main__:main"])
    for point in installed:
        assert point.load() is process.main
