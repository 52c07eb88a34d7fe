"""Running the command line in tests: in-process (fast) or through its real entry point."""

from __future__ import annotations

import io
import subprocess
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pytest

from turkicorg.cli import main

if TYPE_CHECKING:
    from collections.abc import Callable


@dataclass(frozen=True)
class Result:
    """What a run of the command line gave: exit status, standard output and error."""

    status: int
    out: str
    err: str

    @property
    def words(self) -> str:
        """The output with every run of white space made one space (prose is wrapped)."""
        return " ".join(self.out.split())


def run_in_process(*args: str) -> Result:
    """Run ``turkicorg.cli.main`` in this process, capturing what it writes."""
    out, err = io.StringIO(), io.StringIO()
    status = main(list(args), out=out, err=err)
    return Result(status, out.getvalue(), err.getvalue())


def run_entry_point(*args: str) -> Result:
    """Run ``python -m turkicorg`` in a subprocess (the real entry point)."""
    done = subprocess.run(  # noqa: S603 - our own entry point
        [sys.executable, "-m", "turkicorg", *args],
        capture_output=True,
        text=True,
        check=False,
        encoding="utf-8",
    )
    return Result(done.returncode, done.stdout, done.stderr)


@pytest.fixture
def cli() -> Callable[..., Result]:
    """Run the command line in-process."""
    return run_in_process


@pytest.fixture
def entry_point() -> Callable[..., Result]:
    """Run the command line through ``python -m turkicorg``."""
    return run_entry_point
