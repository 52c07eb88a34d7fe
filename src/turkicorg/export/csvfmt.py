r"""Meetings as a tidy CSV: one value per cell, read back losslessly.

>>> import csv, io
>>> from turkicorg import Meeting, MeetingRegistry
>>> from turkicorg.export import from_csv, to_csv
>>> registry = MeetingRegistry(
...     [
...         Meeting(
...             id="chs-9",
...             body="CHS",
...             kind="regular",
...             title="=9th Summit, Samarkand",
...             start="2022-11",
...             topics=("Trade; transport", "Energy"),
...             sources=("https://turkicstates.org/",),
...         )
...     ]
... )
>>> text = to_csv(registry)
>>> (row,) = csv.DictReader(io.StringIO(text))
>>> row["title"], row["start"], row["start_earliest"], row["end_latest"]
("'=9th Summit, Samarkand", '2022-11', '2022-11-01', '2022-11-30')
>>> row["topics"], row["format"], row["ordinal"]
('Trade\\; transport;Energy', 'in_person', '')
>>> from_csv(text) == registry
True

The columns (:data:`COLUMNS`) are the documented contract (:data:`CONTRACT_COLUMNS`), then
the rest of the model (:data:`MORE_COLUMNS`). ``start`` and ``end`` keep the partial date as
written; ``*_precision`` says ``year``, ``month`` or ``day``, and ``*_earliest``/``*_latest``
are the first and last day it may be (ISO days). The ``end_*`` columns describe the meeting's
last day: ``end``, or ``start`` when ``end`` is empty. The place is three columns (``city``,
``country``, ``venue``); participants are three parallel lists (party ids, people, roles), and
alternatives four (fields, values, space-separated source URLs, notes).

Lists are joined with ``;`` (:mod:`turkicorg.export.csvlists`: ``\;`` for a ``;`` inside an
item, ``\\`` for a backslash, ``\N`` for a missing item); an empty cell is an empty list, and
a parallel list whose items are all missing is an empty cell. An empty cell is a missing value
(None); an empty text is a lone ``'``; a place with no part at all reads back as no place.

Every cell goes through the formula guard of :mod:`turkicorg.export.csvwriter`: a cell that
starts with ``=``, ``+``, ``-``, ``@``, a tab, a carriage return or ``'`` gets one more ``'``
in front, and the reader removes exactly one. UTF-8, CRLF line ends (RFC 4180), a header row.
The reader takes the columns in any order; the derived columns (``*_precision``,
``*_earliest``, ``*_latest``) may be left out or blank, and are checked when given.
"""

from __future__ import annotations

import csv
import enum
import io
import re
from typing import TYPE_CHECKING, Final

from turkicorg.errors import ErrorDetail, InvalidDataError
from turkicorg.export.csvlists import join_items, split_items
from turkicorg.export.csvwriter import FORMULA_TRIGGERS, LINE_END, guard_cell, unguard_cell
from turkicorg.meetings import Meeting
from turkicorg.serialize.common import DEFAULT_MAX_SIZE, gc_paused
from turkicorg.serialize.documents import structure_fields
from turkicorg.serialize.fields import MEETING_FIELDS, Kind
from turkicorg.serialize.lines import numbered_registry

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

    from turkicorg.dates import PartialDate
    from turkicorg.registry import MeetingRegistry

__all__ = [
    "COLUMNS",
    "CONTRACT_COLUMNS",
    "DERIVED_COLUMNS",
    "FIELD_COLUMNS",
    "FORMULA_TRIGGERS",
    "MORE_COLUMNS",
    "from_csv",
    "to_csv",
]

CONTRACT_COLUMNS: Final = (
    *("id", "body", "kind", "status", "title", "start", "end", "start_precision"),
    *("start_earliest", "start_latest", "end_earliest", "end_latest", "city", "country"),
    *("venue", "host", "chair", "format", "ordinal", "series", "participants", "topics"),
    *("sources", "confidence", "note"),
)
"""The documented columns, in their documented order (issue #15)."""
MORE_COLUMNS: Final = (
    *("end_precision", "presided_by", "initiator", "theme", "participant_persons"),
    *("participant_roles", "alternative_fields", "alternative_values", "alternative_sources"),
    "alternative_notes",
)
"""The columns for the rest of the model, after the contract's."""

PLACE_COLUMNS: Final = ("city", "country", "venue")
"""The place's parts, named as the attributes of :class:`~turkicorg.Place`."""
PARTICIPANT_COLUMNS: Final = (
    ("participants", "party"),
    ("participant_persons", "person"),
    ("participant_roles", "role"),
)
"""The parallel lists of participants: (column, attribute of :class:`~turkicorg.Participant`)."""
ALTERNATIVE_COLUMNS: Final = (
    ("alternative_fields", "field"),
    ("alternative_values", "value"),
    ("alternative_sources", "sources"),
    ("alternative_notes", "note"),
)
"""The parallel lists of alternatives: (column, attribute of :class:`~turkicorg.Alternative`)."""

_GROUPS: Final[dict[str, tuple[str, ...]]] = {
    "place": PLACE_COLUMNS,
    "participants": tuple(column for column, _ in PARTICIPANT_COLUMNS),
    "alternatives": tuple(column for column, _ in ALTERNATIVE_COLUMNS),
}
_DERIVED: Final = ("_precision", "_earliest", "_latest")
_LAST_DAY_OF: Final = {"end": "start"}
"""A date whose derived columns fall back on another date when it is empty."""
_DATE_KINDS: Final = frozenset((Kind.DATE, Kind.OPTIONAL_DATE))
_SCALAR_KINDS: Final = frozenset((Kind.TEXT, Kind.OPTIONAL_TEXT, Kind.OPTIONAL_INT, Kind.CHOICE))


def _field_columns() -> dict[str, tuple[str, ...]]:
    table: dict[str, tuple[str, ...]] = {}
    for spec in MEETING_FIELDS:
        if spec.name in _GROUPS:
            table[spec.name] = _GROUPS[spec.name]
        elif spec.kind in _DATE_KINDS:
            table[spec.name] = (spec.name, *(spec.name + suffix for suffix in _DERIVED))
        elif spec.kind in _SCALAR_KINDS or spec.kind is Kind.TEXTS:
            table[spec.name] = (spec.name,)
    return table


FIELD_COLUMNS: Final = _field_columns()
"""The columns of each field of a meeting (``turkicorg.serialize.fields``), field by field."""
COLUMNS: Final = tuple(
    dict.fromkeys(
        (*CONTRACT_COLUMNS, *MORE_COLUMNS, *(c for cs in FIELD_COLUMNS.values() for c in cs))
    )
)
"""Every column, in order: the contract, then the rest of the model."""
DERIVED_COLUMNS: Final = frozenset(
    spec.name + suffix for spec in MEETING_FIELDS if spec.kind in _DATE_KINDS for suffix in _DERIVED
)
"""Columns computed from a date: optional for the reader, checked when given."""

_SCALARS: Final = tuple(
    s.name for s in MEETING_FIELDS if s.kind in _SCALAR_KINDS and s.name not in _GROUPS
)
_DATES: Final = tuple(s.name for s in MEETING_FIELDS if s.kind in _DATE_KINDS)
_LISTS: Final = tuple(s.name for s in MEETING_FIELDS if s.kind is Kind.TEXTS)
_INTEGERS: Final = frozenset(s.name for s in MEETING_FIELDS if s.kind is Kind.OPTIONAL_INT)
_INTEGER: Final = re.compile(r"-?[0-9]{1,4000}")


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, enum.Enum):
        value = value.value
    if type(value) is int:
        return str(value)
    return guard_cell(str(value), mark_empty=True)


def _list(items: Sequence[str | None], *, optional: bool = False) -> str:
    if not items or (optional and all(item is None for item in items)):
        return ""
    return guard_cell(join_items(items), mark_empty=True)


def _derived(meeting: Meeting) -> dict[str, str]:
    """The derived columns of a meeting, as plain text."""
    cells: dict[str, str] = {}
    for name in _DATES:
        value: PartialDate | None = getattr(meeting, name)
        if value is None and name in _LAST_DAY_OF:
            value = getattr(meeting, _LAST_DAY_OF[name])
        if value is None:
            continue
        cells[name + "_precision"] = value.precision.name.lower()
        cells[name + "_earliest"] = value.earliest.isoformat()
        cells[name + "_latest"] = value.latest.isoformat()
    return cells


def _row(meeting: Meeting) -> list[str]:
    cells = {name: _text(getattr(meeting, name)) for name in (*_SCALARS, *_DATES)}
    cells.update((column, guard_cell(text)) for column, text in _derived(meeting).items())
    place = meeting.place
    cells.update((part, _text(getattr(place, part, None))) for part in PLACE_COLUMNS)
    for name in _LISTS:
        cells[name] = _list(getattr(meeting, name))
    for column, attribute in PARTICIPANT_COLUMNS:
        cells[column] = _list([getattr(p, attribute) for p in meeting.participants], optional=True)
    alternatives = meeting.alternatives
    cells["alternative_fields"] = _list([a.field for a in alternatives])
    cells["alternative_values"] = _list([a.value for a in alternatives])
    cells["alternative_sources"] = _list([" ".join(a.sources) for a in alternatives])
    cells["alternative_notes"] = _list([a.note for a in alternatives], optional=True)
    return [cells.get(column, "") for column in COLUMNS]


def to_csv(meetings: MeetingRegistry | Iterable[Meeting]) -> str:
    """The meetings as tidy CSV text: a header row, then one row per meeting in the given order.

    Args:
        meetings: A registry (rows in its order: earliest start, then id) or any meetings.
    """
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator=LINE_END)
    writer.writerow(COLUMNS)
    with gc_paused:
        writer.writerows(_row(m) for m in meetings)
    return out.getvalue()


def from_csv(text: str, *, max_size: int | None = DEFAULT_MAX_SIZE) -> MeetingRegistry:
    """Read meetings written by :func:`to_csv` (columns in any order; derived ones optional).

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
    return numbered_registry(meetings, rows, unit="row")


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
        ErrorDetail("$[row 1]", "missing column", name)
        for name in COLUMNS
        if name not in positions and name not in DERIVED_COLUMNS
    ]
    if problems:
        raise InvalidDataError(problems)
    return positions


def _items(cells: Mapping[str, str], column: str, row: str) -> list[str | None]:
    cell = cells[column]
    if not cell:
        return []
    try:
        return split_items(unguard_cell(cell))
    except ValueError as error:
        raise InvalidDataError.single(f"{row}.{column}", str(error), cell) from None


def _records(
    cells: Mapping[str, str], row: str, columns: tuple[tuple[str, str], ...]
) -> list[dict[str, object]]:
    """Objects from parallel lists: item ``i`` of every column makes object ``i``."""
    lists = [(column, key, _items(cells, column, row)) for column, key in columns]
    longest, _, most = max(lists, key=lambda found: len(found[2]))
    count = len(most)
    for column, _, items in lists:
        if items and len(items) != count:
            raise InvalidDataError.single(
                f"{row}.{column}", f"{len(items)} item(s), but {longest} has {count}"
            )
    return [
        {key: value for _, key, items in lists if items and (value := items[i]) is not None}
        for i in range(count)
    ]


def _data(cells: Mapping[str, str], row: str) -> dict[str, object]:
    """The plain data of a row, as the JSON format has it."""
    data: dict[str, object] = {}
    for name in (*_SCALARS, *_DATES):
        if cell := cells[name]:
            text = unguard_cell(cell)
            data[name] = int(text) if name in _INTEGERS and _INTEGER.fullmatch(text) else text
    place = {part: unguard_cell(cells[part]) for part in PLACE_COLUMNS if cells[part]}
    if place:
        data["place"] = place
    for name in _LISTS:
        if items := _items(cells, name, row):
            data[name] = items
    if participants := _records(cells, row, PARTICIPANT_COLUMNS):
        data["participants"] = participants
    if alternatives := _records(cells, row, ALTERNATIVE_COLUMNS):
        for alternative in alternatives:
            urls = alternative.get("sources")
            alternative["sources"] = urls.split(" ") if isinstance(urls, str) and urls else []
        data["alternatives"] = alternatives
    return data


def _meeting(
    cells: list[str], positions: dict[str, int], row: str, problems: list[ErrorDetail]
) -> Meeting | None:
    if len(cells) != len(positions):
        problems.append(
            ErrorDetail(row, f"expected {len(positions)} cells, found {len(cells)}", len(cells))
        )
        return None
    by_column = {column: cells[index] for column, index in positions.items()}
    try:
        data = _data(by_column, row)
    except InvalidDataError as error:
        problems.extend(error.errors)
        return None
    try:  # by the fast path when it can, by the converter (imported then) when not
        meeting = structure_fields(data, Meeting)
    except InvalidDataError as error:
        problems.extend(error.prefixed(row).errors)
        return None
    found = [
        ErrorDetail(f"{row}.{column}", f"does not agree with the date: expected {expected}", text)
        for column, expected in _derived(meeting).items()
        if (text := unguard_cell(by_column.get(column, ""))) and text != expected
    ]
    problems.extend(found)
    return None if found else meeting
