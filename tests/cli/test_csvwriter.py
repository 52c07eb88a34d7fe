"""The one CSV writer (``turkicorg.export.csvwriter``) every CSV of the command line uses."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from turkicorg.export.csvwriter import (
    FORMULA_TRIGGERS,
    csv_bytes,
    csv_text,
    guard_cell,
    unguard_cell,
)


def read(text: str) -> list[list[str]]:
    """The rows of CSV text, as a strict reader sees them."""
    return list(csv.reader(io.StringIO(text, newline=""), strict=True))


def test_rfc_4180_shape() -> None:
    """Header row, CRLF line ends, quoting of commas, quotes and line breaks."""
    text = csv_text(["a", "b"], [["x,y", 'say "hi"'], ["line\nbreak", None], {"b": 7}])
    assert text == 'a,b\r\n"x,y","say ""hi"""\r\n"line\nbreak",\r\n,7\r\n'
    assert csv_bytes(["a"], [["Türkiye"]]) == "a\r\nTürkiye\r\n".encode()


@pytest.mark.parametrize("trigger", FORMULA_TRIGGERS)
def test_formula_guard(trigger: str) -> None:
    """A cell starting with a trigger gets one ``'``; numbers and other text are left alone."""
    value = trigger + "SUM(A1:A9)"
    assert guard_cell(value) == "'" + value
    assert unguard_cell(guard_cell(value)) == value
    assert csv_text(["n"], [[-5]]) == "n\r\n-5\r\n"
    assert guard_cell("Türkiye") == "Türkiye"
    assert (guard_cell(""), guard_cell("", mark_empty=True)) == ("", "'")


def test_bad_rows_are_refused() -> None:
    """A row of the wrong length or a cell of another type is a programming error."""
    with pytest.raises(ValueError, match="2 cells"):
        csv_text(["a"], [["x", "y"]])
    with pytest.raises(TypeError, match="float"):
        csv_text(["a"], [[1.5]])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="bool"):
        csv_text(["a"], [[True]])


@given(st.lists(st.lists(st.text(), min_size=2, max_size=2), max_size=5))
def test_every_text_comes_back(rows: list[list[str]]) -> None:
    """Read back and unguarded, every cell is the text written; no cell starts a formula."""
    header, *body = read(csv_text(["a", "b"], rows))
    assert header == ["a", "b"]
    assert [[unguard_cell(cell) for cell in row] for row in body] == rows
    assert not any(cell.startswith(FORMULA_TRIGGERS[:-1]) for row in body for cell in row)
