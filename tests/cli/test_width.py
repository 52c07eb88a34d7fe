"""Tables fit a terminal's 80 columns, and are whole when output is not a terminal."""

from __future__ import annotations

import io

from turkicorg.cli import main


class Terminal(io.StringIO):
    """Standard output that says it is a terminal."""

    def isatty(self) -> bool:
        return True


LONG = ("meetings", "--year", "2025", "--body", "research_centers")


def _run(*args: str, out: io.StringIO) -> str:
    assert main(list(args), out=out, err=io.StringIO()) == 0
    return out.getvalue()


def test_a_terminal_gets_80_columns() -> None:
    text = _run(*LONG, out=Terminal())
    assert max(len(line) for line in text.splitlines()) <= 80
    assert "…" in text


def test_a_file_or_pipe_gets_whole_cells() -> None:
    text = _run(*LONG, out=io.StringIO())
    assert "…" not in text
    assert "The Organization of Turkic States: A Regional Actor During Global Uncertainty" in text


def test_wide_forces_whole_cells_on_a_terminal() -> None:
    text = _run(*LONG, "--wide", out=Terminal())
    assert "…" not in text
    members = _run("members", "--observers", "--wide", "--on", "2024-01-01", out=Terminal())
    assert "Northern Cyprus" in members
