"""Tables fit a terminal's 80 columns, and are whole when output is not a terminal; help fits
the terminal; text shown on a terminal is made safe."""

from __future__ import annotations

import io
import os
import re
import shutil

import pytest
from hypothesis import given
from hypothesis import strategies as st

from turkicorg.cli import main, output
from turkicorg.cli.options import Formatter, terminal_columns


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


@pytest.mark.parametrize("columns", [None, "100", "7", "0", "-3", "wide", ""])
def test_the_help_width_is_the_terminals(
    monkeypatch: pytest.MonkeyPatch, columns: str | None
) -> None:
    """The width help is wrapped to is what argparse's own default asks (without shutil)."""
    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)
    assert terminal_columns() == shutil.get_terminal_size().columns
    assert Formatter("turkicorg")._width == shutil.get_terminal_size().columns - 2


def test_a_terminal_without_a_size_gets_80_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    """No COLUMNS and no terminal (or one that says 0 columns): 80, as shutil says."""
    monkeypatch.delenv("COLUMNS", raising=False)

    def no_terminal(fd: int) -> os.terminal_size:
        raise OSError(fd)

    monkeypatch.setattr(os, "get_terminal_size", no_terminal)
    assert terminal_columns() == 80
    monkeypatch.setattr(os, "get_terminal_size", lambda fd: os.terminal_size((0, 0)))
    assert terminal_columns() == 80
    monkeypatch.setattr(os, "get_terminal_size", lambda fd: os.terminal_size((132, 50)))
    assert terminal_columns() == 132
    monkeypatch.setenv("COLUMNS", "90")
    assert terminal_columns() == 90


@given(st.text())
def test_terminal_text_escapes_exactly_the_unsafe_characters(text: str) -> None:
    """Text printable as it is passes unchanged; otherwise every unsafe character is escaped."""
    expected = re.sub(output._UNSAFE, output._escape, text)
    assert output.terminal(text) == expected


def test_no_unsafe_character_is_printable() -> None:
    """What lets terminal() return printable text as it is: no escaped character is printable."""
    unsafe = re.compile(output._UNSAFE)
    assert not any(chr(c).isprintable() for c in range(0x110000) if unsafe.match(chr(c)))
    assert output.terminal("row\u2028\u202e\ud800\x9b\t") == "row\\u2028\\u202e\\ud800\\x9b\\t"


def test_the_formatter_passes_other_options_to_argparse() -> None:
    """Options a newer argparse gives its formatters reach it (here refused by this one)."""
    with pytest.raises(TypeError, match="not_an_option"):
        Formatter("turkicorg", not_an_option=True)  # type: ignore[call-arg]
    assert Formatter("turkicorg", width=50)._width == 50
