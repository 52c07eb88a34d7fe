"""Meetings as tidy CSV: the column contract, lists, dates, lossless round trip, located errors."""

from __future__ import annotations

import csv
import io

import attrs
import pytest
from hypothesis import given

import turkicorg
from turkicorg import InvalidDataError, Meeting, MeetingRegistry
from turkicorg import strategies as tst
from turkicorg.export import COLUMNS, csvwriter, from_csv, to_csv
from turkicorg.export.csvfmt import (
    CONTRACT_COLUMNS,
    DERIVED_COLUMNS,
    FIELD_COLUMNS,
    FORMULA_TRIGGERS,
    MORE_COLUMNS,
)
from turkicorg.export.csvlists import join_items, split_items
from turkicorg.meetings import Participant, Place
from turkicorg.serialize.fields import MEETING_FIELD_NAMES
from turkicorg.sourcing import Alternative

MEETING = Meeting(
    id="chs-9",
    body="CHS",
    kind="regular",
    title="9th Summit",
    start="2022-11-11",
    sources=("https://turkicstates.org/",),
)
DOCUMENTED = """id, body, kind, status, title, start, end, start_precision, start_earliest,
start_latest, end_earliest, end_latest, city, country, venue, host, chair, format, ordinal,
series, participants, topics, sources, confidence, note"""
"""The column contract of issue #15, as written there."""


def rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def row_of(meeting: Meeting) -> dict[str, str]:
    (row,) = csv.DictReader(io.StringIO(to_csv([meeting]), newline=""))
    return row


def problems(text: str) -> list[tuple[str, str]]:
    with pytest.raises(InvalidDataError) as caught:
        from_csv(text)
    return [(e.path, e.message) for e in caught.value.errors]


def replace_cell(text: str, row: int, column: str, value: str) -> str:
    table = rows(text)
    table[row][table[0].index(column)] = value
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\r\n").writerows(table)
    return out.getvalue()


def without_empty_places(registry: MeetingRegistry) -> MeetingRegistry:
    """The registry as CSV gives it back: a place with no part at all is no place."""
    return MeetingRegistry(
        attrs.evolve(m, place=None) if m.place == Place() else m for m in registry
    )


def test_the_columns_are_the_documented_contract() -> None:
    """The documented columns come first, in order; the rest of the model follows."""
    assert list(CONTRACT_COLUMNS) == DOCUMENTED.replace("\n", " ").split(", ")
    assert (*CONTRACT_COLUMNS, *MORE_COLUMNS) == COLUMNS
    assert rows(to_csv(MeetingRegistry()))[0] == list(COLUMNS)


def test_every_field_of_a_meeting_has_columns() -> None:
    """Each field of Meeting is written somewhere, and every column belongs to a field."""
    assert tuple(FIELD_COLUMNS) == MEETING_FIELD_NAMES
    written = [column for columns in FIELD_COLUMNS.values() for column in columns]
    assert sorted(written) == sorted(COLUMNS)
    assert set(COLUMNS) > DERIVED_COLUMNS


@given(tst.hostile_registries())
def test_round_trip_is_lossless(registry: MeetingRegistry) -> None:
    """from_csv(to_csv(r)) == r for registries full of hostile text (empty places: no place)."""
    text = to_csv(registry)
    expected = without_empty_places(registry)
    assert from_csv(text) == expected
    assert from_csv("\ufeff" + text) == expected
    assert len(rows(text)) == len(registry) + 1


@given(tst.hostile_registries())
def test_every_cell_holds_one_value(registry: MeetingRegistry) -> None:
    """No cell holds JSON: lists are ;-joined items, read back item by item."""
    for meeting, row in zip(registry, csv.DictReader(io.StringIO(to_csv(registry))), strict=True):
        topics = row["topics"]
        assert (split_items(csvwriter.unguard_cell(topics)) if topics else []) == list(
            meeting.topics
        )
        assert row["start"] == str(meeting.start)
        assert row["start_earliest"] == meeting.earliest.isoformat()
        assert row["end_latest"] == meeting.latest.isoformat()


@given(tst.hostile_registries())
def test_no_cell_can_start_a_formula(registry: MeetingRegistry) -> None:
    """No cell starts with =, +, -, @, tab or carriage return; a leading ' is always escaped."""
    for row in rows(to_csv(registry))[1:]:
        for cell in row:
            assert not cell.startswith(FORMULA_TRIGGERS[:-1])
            if cell.startswith("'"):
                assert cell == "'" or cell[1] in FORMULA_TRIGGERS


def test_the_guard_is_the_one_csv_writers() -> None:
    """The CSV of meetings uses the formula guard of the one CSV writer."""
    assert FORMULA_TRIGGERS is csvwriter.FORMULA_TRIGGERS


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
    meeting = attrs.evolve(MEETING, title=title, topics=(title,))
    assert row_of(meeting)["title"] == cell
    assert row_of(meeting)["topics"] == cell.replace("\\", "\\\\")
    assert from_csv(to_csv([meeting])) == MeetingRegistry([meeting])


def test_empty_text_and_missing_values_differ() -> None:
    """None is an empty cell, an empty string a lone ', an empty list an empty cell."""
    meeting = attrs.evolve(
        MEETING, note="", theme=None, place=Place(city=""), participants=(), topics=("",)
    )
    row = row_of(meeting)
    assert (row["note"], row["theme"], row["city"], row["country"]) == ("'", "", "'", "")
    assert (row["participants"], row["topics"]) == ("", "'")
    assert from_csv(to_csv([meeting])) == MeetingRegistry([meeting])
    assert from_csv(to_csv([attrs.evolve(meeting, place=Place())])).meetings[0].place is None


def test_the_place_is_three_columns() -> None:
    """City, country and venue each have a column: no JSON object in a cell."""
    meeting = attrs.evolve(MEETING, place=Place(city="Şuşa", country="AZ", venue="Hall, 1"))
    row = row_of(meeting)
    assert (row["city"], row["country"], row["venue"]) == ("Şuşa", "AZ", "Hall, 1")


def test_lists_are_joined_with_semicolons_and_escaped() -> None:
    """Topics and sources are ;-joined; ; and \\ inside an item are escaped."""
    meeting = attrs.evolve(
        MEETING,
        topics=("Trade; transport", "a\\b", "", "plain"),
        sources=("https://ex.org/a;b", "https://turkicstates.org/"),
    )
    row = row_of(meeting)
    assert row["topics"] == "Trade\\; transport;a\\\\b;;plain"
    assert row["sources"] == "https://ex.org/a\\;b;https://turkicstates.org/"
    assert from_csv(to_csv([meeting])) == MeetingRegistry([meeting])


def test_participants_are_parallel_lists() -> None:
    """Party ids, people and roles are three parallel lists; \\N marks a missing item."""
    meeting = attrs.evolve(
        MEETING,
        participants=(
            Participant(party="KZ"),
            Participant(party="OSCE", person="Helga Maria Schmid", role="Secretary General"),
            Participant(person="Ann; B", role=None),
        ),
    )
    row = row_of(meeting)
    assert row["participants"] == "KZ;OSCE;\\N"
    assert row["participant_persons"] == "\\N;Helga Maria Schmid;Ann\\; B"
    assert row["participant_roles"] == "\\N;Secretary General;\\N"
    assert from_csv(to_csv([meeting])) == MeetingRegistry([meeting])
    only_parties = attrs.evolve(MEETING, participants=(Participant(party="KZ"),) * 2)
    row = row_of(only_parties)
    assert (row["participants"], row["participant_persons"], row["participant_roles"]) == (
        "KZ;KZ",
        "",
        "",
    )
    assert from_csv(to_csv([only_parties])) == MeetingRegistry([only_parties])


def test_alternatives_are_four_parallel_lists() -> None:
    """Alternatives: fields, values, space-separated source URLs, notes."""
    alternative = Alternative(
        field="start", value="2019-09", sources=("https://a.org/1", "https://b.org/2")
    )
    meeting = attrs.evolve(MEETING, alternatives=(alternative,))
    row = row_of(meeting)
    assert (row["alternative_fields"], row["alternative_values"]) == ("start", "2019-09")
    assert row["alternative_sources"] == "https://a.org/1 https://b.org/2"
    assert row["alternative_notes"] == ""
    assert from_csv(to_csv([meeting])) == MeetingRegistry([meeting])


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ("2023", None, ("year", "2023-01-01", "2023-12-31") * 2),
        ("2011-10", None, ("month", "2011-10-01", "2011-10-31") * 2),
        ("2024-02-28", "2024-03", ("day", "2024-02-28", "2024-02-28", "month", "2024-03-01",
                                   "2024-03-31")),
    ],
)  # fmt: skip
def test_dates_have_iso_day_columns(start: str, end: str | None, expected: tuple[str, ...]) -> None:
    """Partial dates keep their text; *_earliest/*_latest are ISO days (end: else the start)."""
    row = row_of(attrs.evolve(MEETING, start=start, end=end))
    assert (row["start"], row["end"]) == (start, end or "")
    names = ("start_precision", "start_earliest", "start_latest")
    names += ("end_precision", "end_earliest", "end_latest")
    assert tuple(row[name] for name in names) == expected


def test_pandas_reads_dates_and_ordinals() -> None:
    """pandas parses the ISO day columns directly; ordinals stay whole numbers with Int64."""
    pd = pytest.importorskip("pandas")
    text = to_csv(turkicorg.load_default().meetings)
    frame = pd.read_csv(
        io.StringIO(text),
        parse_dates=["start_earliest", "start_latest", "end_earliest", "end_latest"],
        dtype={"ordinal": "Int64"},
        keep_default_na=False,
        na_values={"ordinal": [""]},
    )
    assert str(frame["start_earliest"].dtype).startswith("datetime64")
    assert frame.loc[frame["id"] == "chs-2022-11-11", "ordinal"].item() == 9


def test_embedded_meetings_round_trip() -> None:
    """The embedded registry survives CSV, and a real row reads as documented."""
    registry = turkicorg.load_default().meetings
    text = to_csv(registry)
    assert from_csv(text) == registry
    row = row_of(registry.get("cfm-2012-08"))
    assert (row["start"], row["start_precision"], row["end_latest"]) == (
        "2012-08",
        "month",
        "2012-08-31",
    )
    assert (row["city"], row["country"], row["ordinal"]) == ("Bishkek", "KG", "2")


def test_reader_accepts_any_column_order_and_no_derived_columns() -> None:
    """Columns may come in any order; the derived columns may be left out."""
    table = rows(to_csv(MeetingRegistry([MEETING])))
    kept = [i for i, name in enumerate(table[0]) if name not in DERIVED_COLUMNS]
    out = io.StringIO(newline="")
    csv.writer(out).writerows([[row[i] for i in reversed(kept)] for row in table])
    assert from_csv(out.getvalue()) == MeetingRegistry([MEETING])


def test_derived_columns_are_checked() -> None:
    """A derived cell that disagrees with its date is named; a blank one is accepted."""
    text = to_csv(MeetingRegistry([MEETING]))
    assert problems(replace_cell(text, 1, "start_earliest", "2022-11-12")) == [
        ("$[row 2].start_earliest", "does not agree with the date: expected 2022-11-11")
    ]
    assert from_csv(replace_cell(text, 1, "end_latest", "")) == MeetingRegistry([MEETING])


def test_header_problems() -> None:
    """Unknown, duplicate and missing columns are named; an empty text has no header."""
    text = to_csv(MeetingRegistry([MEETING]))
    header, _, rest = text.partition("\r\n")
    position = COLUMNS.index("note")
    assert problems(header.replace(",note,", ",notes,") + "\r\n" + rest) == [
        (f"$[row 1][{position}]", "unknown column"),
        ("$[row 1]", "missing column"),
    ]
    assert problems(header.replace(",note,", ",id,") + "\r\n" + rest)[0] == (
        f"$[row 1][{position}]",
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


def test_list_problems_are_located() -> None:
    """A bad escape or parallel lists of different lengths are named by row and column."""
    meeting = attrs.evolve(MEETING, participants=(Participant(party="KZ", role="guest"),))
    text = to_csv(MeetingRegistry([meeting]))
    ((path, message),) = problems(replace_cell(text, 1, "topics", "a\\x"))
    assert path == "$[row 2].topics"
    assert message.startswith("a backslash in a list is followed by")
    assert problems(replace_cell(text, 1, "topics", "a\\N")) == [
        ("$[row 2].topics", "\\N stands for a whole item, not for a part of one")
    ]
    assert problems(replace_cell(text, 1, "participant_roles", "guest;host")) == [
        ("$[row 2].participants", "1 item(s), but participant_roles has 2")
    ]
    assert problems(replace_cell(text, 1, "topics", "\\N")) == [
        ("$[row 2].topics[0]", "expected a string, got null")
    ]


def test_required_cells_and_cell_counts() -> None:
    """An empty id is a missing key; a row with too few cells is refused."""
    text = to_csv(MeetingRegistry([MEETING]))
    assert problems(replace_cell(text, 1, "id", "")) == [("$[row 2].id", "required key missing")]
    short = text.rstrip("\r\n").rsplit(",", 1)[0] + "\r\n"
    assert problems(short) == [("$[row 2]", f"expected {len(COLUMNS)} cells, found 34")]


def test_duplicate_ids_are_located_by_row() -> None:
    """Rules between meetings name the spreadsheet row."""
    text = to_csv(MeetingRegistry([MEETING]))
    doubled = text + text.split("\r\n", 1)[1]
    assert problems(doubled) == [("$[row 3].id", "duplicate meeting id (also at row 2)")]


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


@given(tst.texts())
def test_list_items_round_trip(text: str) -> None:
    """join_items and split_items are inverse, for any items and missing ones."""
    items = [text, None, text + ";", "\\N", ""]
    assert split_items(join_items(items)) == items


def test_command_line_meetings_and_export_write_the_tidy_csv() -> None:
    """``meetings --format csv`` and ``export csv`` write this CSV; it reads back."""
    from turkicorg.cli import main  # noqa: PLC0415

    out = io.StringIO()
    argv = ["meetings", "--organ", "CFM", "--kind", "extraordinary", "--year", "2022"]
    assert main([*argv, "--format", "csv"], out=out, err=io.StringIO()) == 0
    found = from_csv(out.getvalue())
    assert [m.id for m in found] == ["cfm-2022-01-11", "cfm-2022-10-17"]
    assert rows(out.getvalue())[0] == list(COLUMNS)
    out = io.StringIO()
    assert main(["export", "csv"], out=out, err=io.StringIO()) == 0
    assert from_csv(out.getvalue()) == turkicorg.load_default().meetings
