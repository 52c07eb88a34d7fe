"""Meetings as CSV: lossless round trip, formula injection, located reader errors."""

from __future__ import annotations

import csv
import io

import attrs
import pytest
from hypothesis import given

import turkicorg
from turkicorg import InvalidDataError, Meeting, MeetingRegistry
from turkicorg import strategies as tst
from turkicorg.export import COLUMNS, from_csv, to_csv
from turkicorg.export.csvfmt import FORMULA_TRIGGERS, JSON_COLUMNS
from turkicorg.meetings import Participant, Place

MEETING = Meeting(
    id="chs-9",
    body="CHS",
    kind="regular",
    title="9th Summit",
    start="2022-11-11",
    sources=("https://turkicstates.org/",),
)


def rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def problems(text: str) -> list[tuple[str, str]]:
    with pytest.raises(InvalidDataError) as caught:
        from_csv(text)
    return [(e.path, e.message) for e in caught.value.errors]


def replace_cell(text: str, row: int, column: str, value: str) -> str:
    table = rows(text)
    table[row][COLUMNS.index(column)] = value
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\r\n").writerows(table)
    return out.getvalue()


def test_columns_are_the_meeting_fields() -> None:
    """The documented columns are exactly the fields of a meeting, in order."""
    assert list(COLUMNS) == [f.name for f in attrs.fields(Meeting)]
    assert rows(to_csv(MeetingRegistry()))[0] == list(COLUMNS)


@given(tst.hostile_registries())
def test_round_trip_is_exact(registry: MeetingRegistry) -> None:
    """from_csv(to_csv(r)) == r for registries full of hostile text."""
    text = to_csv(registry)
    assert from_csv(text) == registry
    assert from_csv("\ufeff" + text) == registry
    assert len(rows(text)) == len(registry) + 1


@given(tst.hostile_registries())
def test_no_cell_can_start_a_formula(registry: MeetingRegistry) -> None:
    """No cell starts with =, +, -, @, tab or carriage return; a leading ' is always escaped."""
    for row in rows(to_csv(registry))[1:]:
        for cell in row:
            assert not cell.startswith(FORMULA_TRIGGERS[:-1])
            if cell.startswith("'"):
                assert cell == "'" or cell[1] in FORMULA_TRIGGERS


@pytest.mark.parametrize(
    ("title", "cell"),
    [
        ("=1+2", "'=1+2"),
        ("+33", "'+33"),
        ("-5", "'-5"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("'quoted", "''quoted"),
        ("plain = text", "plain = text"),
    ],
)
def test_formula_cells_are_neutralized(title: str, cell: str) -> None:
    """Dangerous first characters get a ' in front, and come back without it."""
    registry = MeetingRegistry([attrs.evolve(MEETING, title=title)])
    text = to_csv(registry)
    assert rows(text)[1][COLUMNS.index("title")] == cell
    assert from_csv(text) == registry


def test_empty_text_and_missing_values_differ() -> None:
    """None is an empty cell, an empty string is a lone ', empty lists are empty cells."""
    meeting = attrs.evolve(MEETING, note="", theme=None, place=Place(), participants=())
    text = to_csv(MeetingRegistry([meeting]))
    row = rows(text)[1]
    assert row[COLUMNS.index("note")] == "'"
    assert row[COLUMNS.index("theme")] == ""
    assert row[COLUMNS.index("place")] == "{}"
    assert row[COLUMNS.index("participants")] == ""
    assert from_csv(text) == MeetingRegistry([meeting])


def test_lists_and_objects_are_json_cells() -> None:
    """Places, participants, topics, sources and alternatives are compact JSON."""
    meeting = attrs.evolve(
        MEETING,
        place=Place(city="Şuşa", country="AZ"),
        participants=(Participant(party="KZ"), Participant(person='Ann, "A"', role="guest")),
        topics=("a,b", "c"),
    )
    row = rows(to_csv(MeetingRegistry([meeting])))[1]
    assert row[COLUMNS.index("place")] == '{"city":"Şuşa","country":"AZ"}'
    assert row[COLUMNS.index("participants")] == (
        '[{"party":"KZ"},{"person":"Ann, \\"A\\"","role":"guest"}]'
    )
    assert row[COLUMNS.index("topics")] == '["a,b","c"]'
    assert set(JSON_COLUMNS) < set(COLUMNS)


def test_embedded_meetings_round_trip() -> None:
    """The embedded registry (whatever it holds) survives CSV."""
    registry = turkicorg.load_default().meetings
    assert from_csv(to_csv(registry)) == registry


def test_reader_accepts_any_column_order() -> None:
    """Columns may come in any order, as long as each is there once."""
    table = rows(to_csv(MeetingRegistry([MEETING])))
    order = list(reversed(range(len(COLUMNS))))
    out = io.StringIO(newline="")
    csv.writer(out).writerows([[row[i] for i in order] for row in table])
    assert from_csv(out.getvalue()) == MeetingRegistry([MEETING])


def test_header_problems() -> None:
    """Unknown, duplicate and missing columns are named; an empty text has no header."""
    text = to_csv(MeetingRegistry([MEETING]))
    header, _, rest = text.partition("\r\n")
    assert problems(header.replace("note", "notes") + "\r\n" + rest) == [
        ("$[row 1][21]", "unknown column"),
        ("$[row 1]", "missing column"),
    ]
    assert problems(header.replace("note", "id") + "\r\n" + rest)[0] == (
        "$[row 1][21]",
        "duplicate column",
    )
    assert problems("") == [("$[row 1]", "no header row")]


def test_row_problems_are_located_by_row_and_column() -> None:
    """Bad cells are named by spreadsheet row and column; every bad row is reported."""
    registry = MeetingRegistry([MEETING, attrs.evolve(MEETING, id="chs-10", start="2023")])
    text = to_csv(registry)
    text = replace_cell(text, 1, "start", "2022-02-30")
    text = replace_cell(text, 2, "ordinal", "x")
    assert problems(text) == [
        ("$[row 2].start", "invalid date '2022-02-30': day 30 does not exist in 2022-02"),
        ("$[row 3].ordinal", "expected an integer, got string"),
    ]


def test_json_cell_problems() -> None:
    """Malformed or mistyped JSON cells are located inside the cell."""
    text = to_csv(MeetingRegistry([MEETING]))
    assert problems(replace_cell(text, 1, "participants", "[{")) == [
        (
            "$[row 2].participants",
            "malformed JSON: Expecting property name enclosed in double quotes (line 1, column 3)",
        )
    ]
    assert problems(replace_cell(text, 1, "participants", '[{"party":1}]')) == [
        ("$[row 2].participants[0].party", "expected a string, got integer")
    ]


def test_required_cells_and_cell_counts() -> None:
    """An empty id is a missing key; a row with too few cells is refused."""
    text = to_csv(MeetingRegistry([MEETING]))
    assert problems(replace_cell(text, 1, "id", "")) == [("$[row 2].id", "required key missing")]
    short = text.rstrip("\r\n").rsplit(",", 1)[0] + "\r\n"
    assert problems(short) == [("$[row 2]", "expected 22 cells, found 21")]


def test_duplicate_ids_are_located_by_row() -> None:
    """Rules between meetings name the spreadsheet row."""
    text = to_csv(MeetingRegistry([MEETING]))
    doubled = text + text.split("\r\n", 1)[1]
    assert problems(doubled) == [("$[row 3].id", "duplicate meeting id (also at index 0)")]


def test_malformed_csv_and_limits() -> None:
    """Broken quoting, non-text input and over-long text are located InvalidDataError."""
    text = to_csv(MeetingRegistry([MEETING]))
    assert problems(text + 'a"b,"c\r\n"unterminated')[0][1].startswith("malformed CSV")
    with pytest.raises(InvalidDataError, match="expected CSV text"):
        from_csv(b"id")  # type: ignore[arg-type]
    with pytest.raises(InvalidDataError, match="longer than max_size=10"):
        from_csv(text, max_size=10)
    assert from_csv(text, max_size=None) == MeetingRegistry([MEETING])
    assert from_csv(text + "\r\n\r\n") == MeetingRegistry([MEETING])


def test_large_ordinals_round_trip() -> None:
    """Ordinals of any size come back as integers."""
    registry = MeetingRegistry([attrs.evolve(MEETING, ordinal=10**40)])
    assert from_csv(to_csv(registry)) == registry
