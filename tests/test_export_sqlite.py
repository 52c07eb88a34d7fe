"""The SQLite export: sound, normalized, atomic; the docs' queries give the library's answers."""

from __future__ import annotations

import datetime as dt
import io
import re
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

import turkicorg
from turkicorg import DataFileError, InvalidDataError, MeetingRegistry
from turkicorg import strategies as tst
from turkicorg.cli import main
from turkicorg.export import to_sqlite, write_sqlite
from turkicorg.export.sqlschema import FORMAT_VERSION, SOURCE_OWNERS, TABLES
from turkicorg.record import Status

if TYPE_CHECKING:
    from collections.abc import Iterator

OTS = turkicorg.load_default()
DOCS = Path(__file__).resolve().parent.parent / "docs" / "howto" / "analysts.md"


def connect(data: bytes) -> sqlite3.Connection:
    db = sqlite3.connect(":memory:")
    db.deserialize(data)
    db.execute("PRAGMA foreign_keys = ON")
    return db


@pytest.fixture(scope="module")
def db() -> Iterator[sqlite3.Connection]:
    connection = connect(to_sqlite(OTS))
    yield connection
    connection.close()


def docs_queries() -> list[str]:
    """The SQL blocks of the analysts' guide, in order."""
    text = DOCS.read_text(encoding="utf-8")
    return re.findall(r"```sql\n(.*?)```", text, flags=re.DOTALL)


def sources_of(ots: turkicorg.Organization) -> int:
    """How many URLs the organization cites, everywhere (the rows of ``sources``)."""
    count = 0

    def walk(value: object) -> None:
        nonlocal count
        if isinstance(value, tuple | list):
            for item in value:
                walk(item)
        elif attrs.has(type(value)):
            for field in attrs.fields(type(value)):  # type: ignore[arg-type]
                if not field.init:
                    continue
                inner = getattr(value, field.name)
                if field.name == "sources":
                    count += len(inner)
                else:
                    walk(inner)
        elif isinstance(value, MeetingRegistry):
            walk(value.meetings)

    walk(ots)
    return count


def assert_sound(connection: sqlite3.Connection) -> None:
    assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert connection.execute("PRAGMA foreign_key_check").fetchall() == []


def test_the_database_is_sound(db: sqlite3.Connection) -> None:
    """Integrity and foreign keys are clean; the tables the issue names are there."""
    assert_sound(db)
    names = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert set(TABLES) == names
    assert {"parties", "memberships", "organs", "meetings", "participants", "sources"} <= names
    assert {"local_names", "appointments", "alternatives", "other_names"} <= names


def test_meta_and_versions(db: sqlite3.Connection) -> None:
    """The meta table names the data version, the horizon and the format version."""
    meta = dict(db.execute("SELECT key, value FROM meta").fetchall())
    assert OTS.data_horizon is not None
    assert meta["data_version"] == OTS.data_version
    assert meta["data_horizon"] == OTS.data_horizon.isoformat()
    assert meta["format_version"] == str(FORMAT_VERSION)
    assert db.execute("PRAGMA user_version").fetchone() == (FORMAT_VERSION,)


def test_rows_match_the_library(db: sqlite3.Connection) -> None:
    """Every party, membership, meeting, participant, topic and cited URL is a row."""

    def count(table: str) -> int:
        return int(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])  # noqa: S608

    assert count("parties") == len(OTS.parties)
    assert count("memberships") == len(OTS.memberships)
    assert count("meetings") == len(OTS.meetings)
    assert count("participants") == sum(len(m.participants) for m in OTS.meetings)
    assert count("topics") == sum(len(m.topics) for m in OTS.meetings)
    assert count("appointments") == len(OTS.appointments)
    assert count("sources") == sources_of(OTS)
    cow = dict(db.execute("SELECT id, cow_code FROM parties WHERE cow_code IS NOT NULL"))
    assert cow == {p.id: p.cow_code for p in OTS.parties if p.cow_code is not None}
    assert len(cow) == 7


def test_dates_have_iso_companions(db: sqlite3.Connection) -> None:
    """Partial dates keep their text; the companions are ISO days, as in the CSV."""
    row = db.execute(
        "SELECT start, start_precision, start_earliest, start_latest, end, end_earliest, "
        "end_latest FROM meetings WHERE id = 'cfm-2012-08'"
    ).fetchone()
    assert row == ("2012-08", "month", "2012-08-01", "2012-08-31", None, "2012-08-01", "2012-08-31")
    start, end = db.execute(
        "SELECT start_earliest, end_earliest FROM memberships WHERE party_id = 'UZ'"
    ).fetchone()
    assert (start, end) == ("2019-10-15", None)


def test_keys_checks_and_indexes(db: sqlite3.Connection) -> None:
    """Foreign keys point where they should; enumerations are checked; dates are indexed."""
    references = {(row[2], row[3]) for row in db.execute("PRAGMA foreign_key_list(memberships)")}
    assert references == {("parties", "party_id")}
    owners = {row[3] for row in db.execute("PRAGMA foreign_key_list(sources)")}
    assert owners == set(SOURCE_OWNERS)
    with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
        db.execute("UPDATE meetings SET kind = 'secret' WHERE id = 'cfm-2012-08'")
    with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
        db.execute("UPDATE memberships SET status = 'associate' WHERE party_id = 'UZ'")
    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
        db.execute("UPDATE meetings SET host = 'XX' WHERE id = 'cfm-2012-08'")
    with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
        db.execute("INSERT INTO sources (url, position) VALUES ('https://x.org/', 0)")
    indexed = {
        (row[0], column)
        for row in db.execute("SELECT tbl_name, name FROM sqlite_master WHERE type = 'index'")
        for column in [c[2] for c in db.execute(f"PRAGMA index_info('{row[1]}')")]
    }
    for needed in [
        ("meetings", "start_earliest"),
        ("meetings", "body"),
        ("meetings", "end_latest"),
        ("memberships", "party_id"),
        ("memberships", "start_earliest"),
        ("participants", "party_id"),
    ]:
        assert needed in indexed


def test_the_docs_show_five_queries() -> None:
    """The analysts' guide has five SQL queries, each introduced by its question."""
    queries = docs_queries()
    assert len(queries) == 5
    assert [q.splitlines()[0][:5] for q in queries] == ["-- 1.", "-- 2.", "-- 3.", "-- 4.", "-- 5."]


def test_query_members_and_observers_each_year(db: sqlite3.Connection) -> None:
    """Query 1 is the library's members and observers on each 31 December."""
    found = db.execute(docs_queries()[0]).fetchall()
    assert OTS.data_horizon is not None
    expected = []
    for year in range(2009, OTS.data_horizon.year + 1):
        day = dt.date(year, 12, 31)
        for status, parties in (
            ("member", OTS.members(on=day)),
            ("observer", OTS.observers(on=day)),
        ):
            ordered = sorted(parties, key=lambda p: p.id)
            expected += [(year, status, p.id, p.short_name) for p in ordered]
    assert found == expected
    assert (2019, "member", "UZ", "Uzbekistan") in found
    assert (2018, "observer", "HU", "Hungary") in found


def test_query_extraordinary_foreign_ministers_2022(db: sqlite3.Connection) -> None:
    """Query 2 is the registry's filter: organ CFM, kind extraordinary, year 2022."""
    found = [row[0] for row in db.execute(docs_queries()[1])]
    expected = OTS.meetings.filter(organ="CFM", kind="extraordinary", year=2022)
    assert found == [m.id for m in expected] == ["cfm-2022-01-11", "cfm-2022-10-17"]


def test_query_members_on_a_day(db: sqlite3.Connection) -> None:
    """Query 3 is ``members(on="2019-10-15")``."""
    found = db.execute(docs_queries()[2]).fetchall()
    expected = sorted((s.id, s.short_name) for s in OTS.members(on="2019-10-15"))
    assert found == expected
    assert ("UZ", "Uzbekistan") in found


def test_query_hungary_alternative(db: sqlite3.Connection) -> None:
    """Query 4 is the alternative date of Hungary's observer status, with its source."""
    found = db.execute(docs_queries()[3]).fetchall()
    membership = OTS.membership_of("HU", on="2020-01-01")
    assert membership is not None
    assert membership.status is Status.OBSERVER
    expected = [
        (str(membership.start), a.field, a.value, url)
        for a in membership.alternatives
        for url in a.sources
    ]
    assert found == expected
    assert found[0][:3] == ("2018-09-03", "start", "2019-09-03")


def test_query_last_meeting_of_the_elders(db: sqlite3.Connection) -> None:
    """Query 5 is ``meetings.latest(on="2025-12-01", organ="COE")``."""
    (row,) = db.execute(docs_queries()[4]).fetchall()
    latest = OTS.meetings.latest(on="2025-12-01", organ="COE")
    assert latest is not None
    assert row[0] == latest.id == "coe-18"


def test_write_is_atomic(tmp_path: Path) -> None:
    """The file is replaced whole; a failed export leaves the old file as it was."""
    target = tmp_path / "ots.db"
    target.write_bytes(b"old")
    write_sqlite(OTS, str(target))
    assert [p.name for p in tmp_path.iterdir()] == ["ots.db"]
    with sqlite3.connect(target) as connection:
        assert_sound(connection)
        assert connection.execute("SELECT count(*) FROM meetings").fetchone()[0] == len(
            OTS.meetings
        )
    connection.close()
    good = target.read_bytes()
    huge = MeetingRegistry([attrs.evolve(OTS.meetings.meetings[0], ordinal=2**63)])
    with pytest.raises(InvalidDataError, match=r"\$\.meetings\[0\]\.ordinal"):
        write_sqlite(attrs.evolve(OTS, meetings=huge), str(target))
    assert target.read_bytes() == good
    with pytest.raises(DataFileError):
        write_sqlite(OTS, str(tmp_path / "missing" / "ots.db"))
    assert [p.name for p in tmp_path.iterdir()] == ["ots.db"]


def test_the_bytes_are_the_same_every_time() -> None:
    """The same organization gives the same file."""
    assert to_sqlite(OTS) == to_sqlite(OTS)


def test_command_line(tmp_path: Path) -> None:
    """``export sqlite -o FILE`` writes the database; without a file name it is a usage error."""
    target = tmp_path / "ots.db"
    out, err = io.StringIO(), io.StringIO()
    assert main(["export", "sqlite", "-o", str(target)], out=out, err=err) == 0
    assert err.getvalue() == f"turkicorg: wrote {target}\n"
    assert out.getvalue() == ""
    assert target.read_bytes() == to_sqlite(OTS)
    for argv in (["export", "sqlite"], ["export", "sqlite", "-o", "-"]):
        err = io.StringIO()
        assert main(argv, out=io.StringIO(), err=err) == 2
        assert "-o FILE" in err.getvalue()


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(tst.full_organizations())
def test_any_organization_exports_soundly(ots: turkicorg.Organization) -> None:
    """Hostile text, every collection drawn: integrity and foreign keys stay clean."""
    fitting = MeetingRegistry(
        attrs.evolve(m, ordinal=None) if (m.ordinal or 0) >= 2**63 else m for m in ots.meetings
    )
    ots = attrs.evolve(ots, meetings=fitting)
    connection = connect(to_sqlite(ots))
    assert_sound(connection)
    assert connection.execute("SELECT count(*) FROM sources").fetchone()[0] == sources_of(ots)
    titles = dict(connection.execute("SELECT id, title FROM meetings"))
    assert titles == {m.id: m.title for m in ots.meetings}
    connection.close()
