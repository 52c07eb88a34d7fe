"""Meetings as CSV: one row per meeting, read back losslessly.

>>> from turkicorg import Meeting, MeetingRegistry
>>> from turkicorg.export import from_csv, to_csv
>>> registry = MeetingRegistry(
...     [
...         Meeting(
...             id="chs-9",
...             body="CHS",
...             kind="regular",
...             title="=9th Summit, Samarkand",
...             start="2022-11-11",
...             sources=("https://turkicstates.org/",),
...         )
...     ]
... )
>>> text = to_csv(registry)
>>> print(text.splitlines()[1])
chs-9,CHS,regular,"'=9th Summit, Samarkand",2022-11-11,,,,,in_person,,,,,,,,confirmed,high,"[""https://turkicstates.org/""]",,
>>> from_csv(text) == registry
True

The columns (:data:`COLUMNS`) are the fields of :class:`~turkicorg.Meeting`, in order, with
the same names and values as the JSON format. Text cells hold the text; lists and objects
(``place``, ``participants``, ``topics``, ``sources``, ``alternatives``) hold compact JSON,
and an empty cell is an empty list. An empty cell is a missing value (None); an empty string
is written as a lone ``'``.

Spreadsheet formula injection: a cell that starts with ``=``, ``+``, ``-``, ``@``, a tab, a
carriage return or ``'`` gets one more ``'`` in front, so spreadsheets show it as text; the
reader removes exactly one leading ``'`` from every cell, so every value comes back as it
was. The text is UTF-8 with CRLF line ends (RFC 4180); for Excel, write it with the
``utf-8-sig`` encoding (the reader ignores a byte order mark). Cells longer than 131,072
characters (Python's ``csv`` limit) cannot be read back.
"""

from __future__ import annotations

import csv
import io
import json
import re
from typing import TYPE_CHECKING, Any, Final

from turkicorg.errors import ErrorDetail, InvalidDataError
from turkicorg.meetings import Meeting
from turkicorg.registry import MeetingRegistry, registry_problems
from turkicorg.serialize import DEFAULT_MAX_SIZE, structure, unstructure
from turkicorg.serialize.common import gc_paused
from turkicorg.serialize.fastread import fast_meeting
from turkicorg.serialize.fields import MEETING_FIELD_NAMES, MEETING_FIELDS, NESTED_KINDS, Kind
from turkicorg.serialize.jsontext import parse

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["COLUMNS", "FORMULA_TRIGGERS", "from_csv", "to_csv"]

COLUMNS: Final = MEETING_FIELD_NAMES
"""The columns, in order: the fields of a meeting (``turkicorg.serialize.fields``)."""

JSON_COLUMNS: Final = frozenset(f.name for f in MEETING_FIELDS if f.kind in NESTED_KINDS)
"""Columns whose cells hold compact JSON (lists and objects)."""
INTEGER_COLUMNS: Final = frozenset(f.name for f in MEETING_FIELDS if f.kind is Kind.OPTIONAL_INT)
"""Columns whose cells hold a whole number."""
CHOICE_COLUMNS: Final = tuple(
    (index, f.name) for index, f in enumerate(MEETING_FIELDS) if f.kind is Kind.CHOICE
)
"""Columns holding an enumeration's value, always written (defaults too), by position."""

FORMULA_TRIGGERS: Final = ("=", "+", "-", "@", "\t", "\r", "'")
"""First characters that make a cell get a protective ``'`` in front."""

_INTEGER: Final = re.compile(r"-?[0-9]{1,4000}")


def _cell(value: str) -> str:
    if not value:
        return "'"
    return "'" + value if value.startswith(FORMULA_TRIGGERS) else value


def _row(meeting: Meeting) -> list[str]:
    data: dict[str, Any] = unstructure(meeting)
    cells = []
    for column in COLUMNS:
        value = data.get(column)
        if column in JSON_COLUMNS:
            if value is None or value == []:
                cells.append("")
            else:
                text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
                cells.append(_cell(text))
        elif value is None:
            cells.append("")
        elif column in INTEGER_COLUMNS:
            cells.append(str(value))
        else:
            cells.append(_cell(value))
    # Defaults are written out: every row names its format, status and confidence.
    for index, name in CHOICE_COLUMNS:
        cells[index] = _cell(getattr(meeting, name).value)
    return cells


def to_csv(meetings: MeetingRegistry | Iterable[Meeting]) -> str:
    """The meetings as CSV text: a header row, then one row per meeting in the given order.

    Args:
        meetings: A registry (rows in its order: earliest start, then id) or any meetings.
    """
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    with gc_paused:
        writer.writerows(_row(m) for m in meetings)
    return out.getvalue()


def _value(column: str, cell: str, row: str) -> object:
    """The plain-data value of a cell (the JSON format's value), or raise located errors."""
    text = cell.removeprefix("'")
    if column in JSON_COLUMNS:
        try:
            return parse(text, None)
        except InvalidDataError as error:
            raise error.prefixed(f"{row}.{column}") from None
    if column in INTEGER_COLUMNS and _INTEGER.fullmatch(text):
        return int(text)
    return text


def from_csv(text: str, *, max_size: int | None = DEFAULT_MAX_SIZE) -> MeetingRegistry:
    """Read meetings written by :func:`to_csv` (columns in any order, all present).

    Args:
        text: The CSV text (a leading byte order mark is ignored).
        max_size: Refuse longer text (characters); None: no limit.

    Raises:
        InvalidDataError: Every problem, located by spreadsheet row (the header is row 1)
            and column: ``$[row 3].start``.
    """
    if not isinstance(text, str):
        raise InvalidDataError.single("$", f"expected CSV text, got {type(text).__name__}")
    if max_size is not None and len(text) > max_size:
        raise InvalidDataError.single("$", f"the text is longer than max_size={max_size}")
    reader = csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""), strict=True)
    problems: list[ErrorDetail] = []
    meetings: list[Meeting] = []
    rows: list[int] = []
    try:
        with gc_paused:
            header = next(reader, None)
            if header is None:
                raise InvalidDataError.single("$[row 1]", "no header row")
            positions = _header(header)
            for number, cells in enumerate(reader, start=2):
                if not cells:
                    continue
                meeting = _meeting(cells, positions, f"$[row {number}]", problems)
                if meeting is not None:
                    meetings.append(meeting)
                    rows.append(number)
    except csv.Error as error:
        problems.append(ErrorDetail(f"$[line {reader.line_num}]", f"malformed CSV: {error}"))
    if problems:
        raise InvalidDataError(problems)
    try:
        with gc_paused:
            return MeetingRegistry(meetings)
    except InvalidDataError:
        found = registry_problems(meetings, prefix="$")
        pattern = re.compile(r"\$\[(\d+)\]")
        raise InvalidDataError(
            ErrorDetail(
                pattern.sub(lambda m: f"$[row {rows[int(m[1])]}]", e.path, count=1),
                e.message,
                e.value,
            )
            for e in found
        ) from None


def _header(header: list[str]) -> dict[str, int]:
    problems = []
    positions: dict[str, int] = {}
    for index, name in enumerate(header):
        if name not in COLUMNS:
            problems.append(ErrorDetail(f"$[row 1][{index}]", "unknown column", name))
        elif name in positions:
            problems.append(ErrorDetail(f"$[row 1][{index}]", "duplicate column", name))
        else:
            positions[name] = index
    problems += [
        ErrorDetail("$[row 1]", "missing column", name) for name in COLUMNS if name not in positions
    ]
    if problems:
        raise InvalidDataError(problems)
    return positions


def _meeting(
    cells: list[str], positions: dict[str, int], row: str, problems: list[ErrorDetail]
) -> Meeting | None:
    if len(cells) != len(COLUMNS):
        problems.append(
            ErrorDetail(row, f"expected {len(COLUMNS)} cells, found {len(cells)}", len(cells))
        )
        return None
    data: dict[str, object] = {}
    for column in COLUMNS:
        cell = cells[positions[column]]
        if not cell:
            continue
        try:
            data[column] = _value(column, cell, row)
        except InvalidDataError as error:
            problems.extend(error.errors)
            return None
    meeting = fast_meeting(data)
    if meeting is not None:
        return meeting
    try:
        return structure(data, Meeting)
    except InvalidDataError as error:
        problems.extend(error.prefixed(row).errors)
        return None
