r"""The one CSV writer: RFC 4180, UTF-8, a header row, and a guard against formula injection.

Every CSV turkicorg writes goes through :func:`csv_text` (or :func:`csv_bytes`): a header row,
then one row per record, cells separated by commas, CRLF line ends, and a cell quoted when it
holds a comma, a double quote or a line break (a double quote inside is doubled).

Spreadsheet formula injection: a text cell that starts with ``=``, ``+``, ``-``, ``@``, a tab,
a carriage return or ``'`` (:data:`FORMULA_TRIGGERS`) gets one ``'`` in front
(:func:`guard_cell`), so spreadsheets show it as text instead of running it. Since ``'`` is a
trigger too, every guarded cell starts with ``'`` and every cell that starts with ``'`` is
guarded: :func:`unguard_cell` removes exactly one leading ``'`` and gives every value back as
it was. Whole numbers are written as they are (``-5`` stays a number).

>>> print(csv_text(["id", "title"], [["chs-9", "=9th Summit, Samarkand"], ["x", None]]), end="")
id,title
chs-9,"'=9th Summit, Samarkand"
x,
>>> unguard_cell(guard_cell("=SUM(A1)")) == "=SUM(A1)"
True

The text is UTF-8; for Excel, write it with the ``utf-8-sig`` encoding (readers of turkicorg
ignore a byte order mark).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Final, TypeAlias

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = [
    "FORMULA_TRIGGERS",
    "LINE_END",
    "Cell",
    "Row",
    "csv_bytes",
    "csv_text",
    "guard_cell",
    "unguard_cell",
]

FORMULA_TRIGGERS: Final = ("=", "+", "-", "@", "\t", "\r", "'")
"""First characters that make a text cell get a protective ``'`` in front."""

LINE_END: Final = "\r\n"
"""The line end of every row (RFC 4180)."""

Cell: TypeAlias = str | int | None
"""A cell's value: text (guarded), a whole number (as written), or None (an empty cell)."""

Row: TypeAlias = Sequence[Cell] | Mapping[str, Cell]
"""A row: cells in the header's order, or a mapping from column name to cell (missing: empty)."""


def guard_cell(value: str, *, mark_empty: bool = False) -> str:
    """The text of a cell, with a ``'`` in front when it could start a spreadsheet formula.

    Args:
        value: The text.
        mark_empty: Write an empty text as a lone ``'`` (so that it can be told apart from a
            missing value, which is an empty cell); default: an empty cell.

    >>> guard_cell("-1 + 2"), guard_cell("Türkiye"), guard_cell("'quoted")
    ("'-1 + 2", 'Türkiye', "''quoted")
    """
    if not value:
        return "'" if mark_empty else ""
    return "'" + value if value.startswith(FORMULA_TRIGGERS) else value


def unguard_cell(cell: str) -> str:
    """The value of a cell written by :func:`guard_cell`: one leading ``'`` removed."""
    return cell.removeprefix("'")


def _cell(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise TypeError(f"a CSV cell is text, a whole number or None, not {type(value).__name__}")
    if isinstance(value, int):
        return str(value)
    return guard_cell(value)


def _cells(row: Row, header: Sequence[str]) -> list[str]:
    if isinstance(row, Mapping):
        return [_cell(row.get(column)) for column in header]
    cells = [_cell(value) for value in row]
    if len(cells) != len(header):
        raise ValueError(f"a row has {len(cells)} cells, the header {len(header)} columns")
    return cells


def csv_text(header: Sequence[str], rows: Iterable[Row]) -> str:
    """CSV text: the header row, then one line per row (RFC 4180, CRLF line ends).

    Args:
        header: The column names (guarded like any text cell).
        rows: The rows, each a sequence of cells in the header's order or a mapping from
            column name to cell (a column missing from the mapping is an empty cell).

    Raises:
        TypeError: A cell is neither text, a whole number nor None.
        ValueError: A sequence row does not have one cell per column.
    """
    columns = list(header)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator=LINE_END)
    writer.writerow([guard_cell(name) for name in columns])
    writer.writerows(_cells(row, columns) for row in rows)
    return buffer.getvalue()


def csv_bytes(header: Sequence[str], rows: Iterable[Row]) -> bytes:
    """The same as :func:`csv_text`, encoded as UTF-8."""
    return csv_text(header, rows).encode("utf-8")
