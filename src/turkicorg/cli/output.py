r"""What the command line prints: tables, prose, JSON and CSV, to the terminal or to a file.

Text meant for a terminal (tables, prose, messages) is made safe first (:func:`terminal`):
control characters, line and paragraph separators, bidirectional overrides and lone
surrogates are shown as escapes (``\n``, ``\x1b``, ``\u202e``), so data cannot forge a table
row or send escape sequences to the terminal. JSON and CSV stay lossless: JSON escapes such
characters its own way (``\u001b``), CSV keeps them in quoted cells.
"""

from __future__ import annotations

import functools
import json
import re
import sys
from typing import TYPE_CHECKING, Any, Final, TextIO

import attrs

from turkicorg.fileio import write_atomic

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

__all__ = [
    "WIDTH",
    "Console",
    "deliver",
    "escape_json",
    "json_text",
    "prose",
    "rows_as",
    "shown_path",
    "table",
    "terminal",
]

WIDTH: Final = 80
"""The terminal width every table and paragraph fits."""

_UNSAFE: Final = "[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
"""The characters :func:`terminal` escapes (none of them is printable: ``str.isprintable``)."""
_NAMED: Final = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_JSON_UNSAFE: Final = "[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
_SHRINKABLE: Final = frozenset({"title", "place", "name", "official_name"})


def _escape(found: re.Match[str]) -> str:
    char = found.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


@functools.cache
def _pattern(characters: str) -> re.Pattern[str]:
    """A character class, compiled on first use (compiling costs every command start-up time)."""
    return re.compile(characters)


def terminal(text: str) -> str:
    r"""``text`` with every character that could disturb a terminal shown as an escape.

    >>> terminal("row\nforged \x1b[2J")
    'row\\nforged \\x1b[2J'
    """
    if text.isprintable():  # none of the characters escaped is printable
        return text
    return _pattern(_UNSAFE).sub(_escape, text)


def shown_path(path: str) -> str:
    """A file name as a message shows it (an empty name as ``''``)."""
    return terminal(path) if path else "''"


def prose(text: str) -> str:
    """Terminal-safe text wrapped to fit an 80-column terminal."""
    import textwrap  # noqa: PLC0415 - only for paragraphs (start-up time of every command)

    return textwrap.fill(
        terminal(text), width=WIDTH - 1, break_long_words=False, break_on_hyphens=False
    )


@attrs.frozen
class Console:
    """Where a command writes: its answers to ``out``, its messages to ``err``."""

    out: TextIO = attrs.field(factory=lambda: sys.stdout)
    err: TextIO = attrs.field(factory=lambda: sys.stderr)
    wide: bool = False

    def write(self, text: str) -> None:
        """Write text as it is (JSON, CSV, iCalendar, or text already made safe)."""
        self.out.write(text)

    def line(self, text: str = "") -> None:
        """Write one line of terminal-safe text."""
        self.out.write(terminal(text) + "\n")

    def paragraph(self, text: str) -> None:
        """Write text wrapped to the terminal's width."""
        self.out.write(prose(text) + "\n")

    def table_width(self) -> int | None:
        """The width tables fit: 80 columns on a terminal, else (or ``wide``) full width."""
        if self.wide:
            return None
        isatty = getattr(self.out, "isatty", None)
        return WIDTH if callable(isatty) and isatty() else None

    def note(self, message: str) -> None:
        """Write a one-line message on the error stream: ``turkicorg: message``."""
        self.err.write(f"turkicorg: {terminal(message)}\n")


def table(
    rows: Sequence[Sequence[str]], headers: Sequence[str], *, width: int | None = WIDTH
) -> str:
    """A plain table, shortened to a ``width`` or whole.

    With a ``width`` (80 on a terminal) long titles, names and places are shortened to fit
    it; with None every cell is shown whole.
    """
    body = [[terminal(cell) for cell in row] for row in rows]
    widths = [len(h) for h in headers]
    for row in body:
        widths = [max(w, len(cell)) for w, cell in zip(widths, row, strict=True)]
    shrinkable = [i for i, h in enumerate(headers) if h in _SHRINKABLE] or list(range(len(headers)))
    budget = (width or 0) - 2 * (len(headers) - 1)
    while width is not None and sum(widths) > budget and max(widths[i] for i in shrinkable) > 8:
        widest = max(shrinkable, key=lambda i: widths[i])
        widths[widest] -= 1

    def fit(cell: str, width: int) -> str:
        return cell if len(cell) <= width else cell[: max(width - 1, 0)] + "…"

    lines = [list(headers), ["-" * w for w in widths], *body]
    return "".join(
        "  ".join(fit(cell, w).ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip()
        + "\n"
        for line in lines
    )


def json_text(value: Any) -> str:
    r"""JSON text (two-space indent, one final line end), lossless and safe for a terminal.

    Characters JSON leaves raw but a terminal may act on (C1 controls such as ``\x9b``, line
    separators, bidirectional overrides) are written as ``\uXXXX`` escapes: the same data.
    """
    return escape_json(json.dumps(value, ensure_ascii=False, indent=2)) + "\n"


def escape_json(text: str) -> str:
    r"""JSON text with the characters of :func:`json_text` written as ``\uXXXX`` escapes.

    Such characters occur only inside JSON strings, where the escape means the same.
    """
    return _pattern(_JSON_UNSAFE).sub(lambda found: f"\\u{ord(found.group()):04x}", text)


def rows_as(
    fmt: str,
    rows: Iterable[Mapping[str, Any]],
    headers: Sequence[str],
    *,
    width: int | None = WIDTH,
) -> str:
    """Records as ``json`` (a list of objects), ``csv`` or ``table`` text (to ``width``)."""
    records = list(rows)
    if fmt == "json":
        return json_text(records)
    if fmt == "csv":
        from turkicorg.export.csvwriter import csv_text  # noqa: PLC0415 - only for CSV

        return csv_text(headers, records)
    return table(
        [[str(row.get(h) or "") for h in headers] for row in records], headers, width=width
    )


def deliver(console: Console, text: str, output: str | None) -> bool:
    """Write ``text`` to the file ``output`` all or nothing, or to ``console`` (None or ``-``).

    Returns:
        Whether a file was written.

    Raises:
        DataFileError: The file cannot be written (it is then left as it was).
    """
    if output is None or output == "-":
        console.write(text)
        return False
    write_atomic(output, [text.encode("utf-8")])
    return True
