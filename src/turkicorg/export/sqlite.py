"""The organization as a SQLite database: normalized tables any SQL tool opens.

:func:`to_sqlite` builds the database in memory and returns the bytes of its file;
:func:`write_sqlite` writes them with the one atomic writer (a reader sees the old file or
the new one, never half of one). The tables are in :mod:`turkicorg.export.sqlschema`;
``PRAGMA integrity_check`` and ``PRAGMA foreign_key_check`` are clean by construction (every
reference of an :class:`~turkicorg.Organization` resolves), and checked before the bytes are
handed out.

>>> import sqlite3
>>> from turkicorg import load_default
>>> from turkicorg.export import to_sqlite
>>> db = sqlite3.connect(":memory:")
>>> db.deserialize(to_sqlite(load_default()))
>>> db.execute("SELECT value FROM meta WHERE key = 'format_version'").fetchone()
('1',)
>>> db.execute(
...     "SELECT id, start FROM meetings WHERE body = 'CFM' AND kind = 'extraordinary'"
...     " AND start_earliest <= '2022-12-31' AND end_latest >= '2022-01-01' ORDER BY start"
... ).fetchall()
[('cfm-2022-01-11', '2022-01-11'), ('cfm-2022-10-17', '2022-10-17')]
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING, Final

from turkicorg.errors import ErrorDetail, InvalidDataError
from turkicorg.export.sqlschema import FORMAT_VERSION, SCHEMA
from turkicorg.fileio import write_atomic

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from turkicorg.dates import PartialDate
    from turkicorg.localnames import LocalName
    from turkicorg.meetings import Meeting
    from turkicorg.organization import Organization
    from turkicorg.organs import OrganProfile
    from turkicorg.record import OrganizationRecord
    from turkicorg.sourcing import Alternative

__all__ = ["FORMAT_VERSION", "meta_rows", "to_sqlite", "write_sqlite"]

_MAX_INTEGER: Final = 2**63 - 1


def _date(prefix: str, value: PartialDate | None) -> dict[str, object]:
    """A partial date as its column and its ISO companions (all None for no date)."""
    return {
        prefix: None if value is None else str(value),
        f"{prefix}_earliest": None if value is None else value.earliest.isoformat(),
        f"{prefix}_latest": None if value is None else value.latest.isoformat(),
    }


def meta_rows(ots: OrganizationRecord) -> list[tuple[str, str | None]]:
    """The rows of the ``meta`` table: what the file is and which data it holds."""
    return [
        ("format", "turkicorg-sqlite"),
        ("format_version", str(FORMAT_VERSION)),
        ("organization", ots.id),
        ("data_version", ots.data_version),
        ("data_horizon", ots.data_horizon.isoformat() if ots.data_horizon else None),
        ("last_verified", ots.last_verified.isoformat() if ots.last_verified else None),
    ]


class _Builder:
    """Fills the tables of one database from one organization."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def insert(self, table: str, values: dict[str, object]) -> int:
        """Insert one row (names from this module only); its rowid."""
        columns = ", ".join(values)
        marks = ", ".join("?" * len(values))
        sql = f"INSERT INTO {table} ({columns}) VALUES ({marks})"  # noqa: S608 - our names
        cursor = self.db.execute(sql, tuple(values.values()))
        return cursor.lastrowid or 0

    def many(self, table: str, columns: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
        """Insert rows of the same columns."""
        marks = ", ".join("?" * len(columns))
        sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"  # noqa: S608
        self.db.executemany(sql, rows)

    def cite(self, owner: str, key: object, urls: Sequence[str]) -> None:
        """One ``sources`` row per URL, owned through the column ``owner``."""
        self.many("sources", ("url", "position", owner), ((u, i, key) for i, u in enumerate(urls)))

    def owned(
        self, table: str, owner: str, key: object, rows: Sequence[dict[str, object]]
    ) -> list[int]:
        """Rows owned through the column ``owner``, numbered by ``position``; their ids."""
        return [
            self.insert(table, {owner: key, "position": position} | values)
            for position, values in enumerate(rows)
        ]

    def local_names(self, owner: str, key: object, names: Sequence[LocalName]) -> None:
        values: list[dict[str, object]] = [
            {
                "lang": n.lang,
                "name": n.name,
                "form": n.form.value,
                "confidence": n.confidence.value,
                "note": n.note,
            }
            for n in names
        ]
        for row, local in zip(self.owned("local_names", owner, key, values), names, strict=True):
            self.cite("local_name_id", row, local.sources)

    def alternatives(self, owner: str, key: object, found: Sequence[Alternative]) -> None:
        values: list[dict[str, object]] = [
            {"field": a.field, "value": a.value, "note": a.note} for a in found
        ]
        for row, alternative in zip(
            self.owned("alternatives", owner, key, values), found, strict=True
        ):
            self.cite("alternative_id", row, alternative.sources)

    def organization(self, ots: Organization) -> None:
        self.many("meta", ("key", "value"), meta_rows(ots))
        self.insert(
            "organization",
            {"id": ots.id, "headquarters": ots.headquarters}
            | _date("secretariat_since", ots.secretariat_since),
        )
        self.many(
            "working_languages",
            ("organization_id", "position", "lang"),
            ((ots.id, i, lang) for i, lang in enumerate(ots.working_languages)),
        )
        self.cite("organization_id", ots.id, ots.sources)
        for record in ots.names:
            values: dict[str, object] = {"organization_id": ots.id, "name": record.name}
            values |= {"abbreviation": record.abbreviation, "short_name": record.short_name}
            row = self.insert(
                "organization_names",
                values | _date("start", record.start) | _date("end", record.end),
            )
            self.local_names("organization_name_id", row, record.local_names)
            self.cite("organization_name_id", row, record.sources)

    def parties(self, ots: Organization) -> None:
        for party in ots.parties:
            self.insert(
                "parties",
                {
                    "id": party.id,
                    "short_name": party.short_name,
                    "official_name": party.official_name,
                    "kind": party.kind.value,
                    "iso2": party.iso2,
                    "iso3": party.iso3,
                    "cow_code": party.cow_code,
                },
            )
            self.many(
                "other_names",
                ("party_id", "position", "name"),
                ((party.id, i, name) for i, name in enumerate(party.other_names)),
            )
            for former in party.former_names:
                values = {"party_id": party.id, "short_name": former.short_name}
                values["official_name"] = former.official_name
                row = self.insert("former_names", values | _date("until", former.until))
                self.cite("former_name_id", row, former.sources)
            self.local_names("party_id", party.id, party.local_names)
            self.cite("party_id", party.id, party.sources)
        for person in ots.people:
            self.insert("people", {"id": person.id, "name": person.name})
            self.many(
                "other_names",
                ("person_id", "position", "name"),
                ((person.id, i, name) for i, name in enumerate(person.other_names)),
            )
            self.cite("person_id", person.id, person.sources)

    def organ(self, profile: OrganProfile) -> None:
        organ = profile.organ.value
        values: dict[str, object] = {"organ": organ, "name": profile.name, "role": profile.role}
        values |= {
            "decision_rule": profile.decision_rule.value,
            "decision_basis": profile.decision_basis.value,
            "composition": profile.composition,
            "notes": profile.notes,
        }
        self.insert("organs", values)
        self.many(
            "extraordinary_callers",
            ("organ", "position", "caller"),
            ((organ, i, caller) for i, caller in enumerate(profile.extraordinary_callers)),
        )
        for position, cadence in enumerate(profile.cadences):
            values = {"organ": organ, "position": position, "kind": cadence.kind}
            values |= {"months": cadence.months, "month": cadence.month}
            row = self.insert("cadences", values | {"description": cadence.description})
            self.cite("cadence_id", row, cadence.sources)
        rotation = profile.chair_rotation
        if rotation is not None:
            values = {"organ": organ, "first": rotation.first, "names": rotation.names.value}
            values |= {"term": rotation.term, "description": rotation.description}
            self.insert("chair_rotations", values)
            self.cite("chair_rotation", organ, rotation.sources)
        self.local_names("organ", organ, profile.local_names)
        self.cite("organ", organ, profile.sources)

    def treaties(self, ots: Organization) -> None:
        for treaty in ots.treaties:
            values: dict[str, object] = {"key": treaty.id, "name": treaty.name}
            values |= _date("signed", treaty.signed) | _date("in_force", treaty.in_force)
            values |= {"place": treaty.place, "depositary": treaty.depositary}
            values |= {"entry_into_force_rule": treaty.entry_into_force_rule}
            row = self.insert("treaties", values | {"note": treaty.note})
            self.many(
                "treaty_parties",
                ("treaty_id", "position", "party_id"),
                ((row, i, party) for i, party in enumerate(treaty.parties)),
            )
            self.many(
                "treaty_articles",
                ("treaty_id", "position", "number", "subject"),
                ((row, i, a.number, a.subject) for i, a in enumerate(treaty.articles)),
            )
            self.cite("treaty_id", row, treaty.sources)

    def memberships(self, ots: Organization) -> None:
        for membership in ots.memberships:
            values: dict[str, object] = {"party_id": membership.party}
            values |= {"status": membership.status.value, "founding": int(membership.founding)}
            values |= _date("start", membership.start) | _date("end", membership.end)
            values |= {"basis": membership.basis, "confidence": membership.confidence.value}
            row = self.insert("memberships", values | {"note": membership.note})
            self.alternatives("membership_id", row, membership.alternatives)
            self.cite("membership_id", row, membership.sources)
        for appointment in ots.appointments:
            values = {"role": appointment.role.value, "person_id": appointment.person}
            values |= {"party_id": appointment.state, "note": appointment.note}
            values |= _date("start", appointment.start) | _date("end", appointment.end)
            values |= _date("appointed", appointment.appointed)
            row = self.insert("appointments", values | {"confidence": appointment.confidence.value})
            self.alternatives("appointment_id", row, appointment.alternatives)
            self.cite("appointment_id", row, appointment.sources)

    def meeting(self, meeting: Meeting) -> None:
        last = meeting.end or meeting.start
        place = meeting.place
        values: dict[str, object] = {
            "id": meeting.id,
            "body": meeting.body.value,
            "kind": meeting.kind.value,
            "status": meeting.status.value,
            "title": meeting.title,
        }
        values |= _date("start", meeting.start) | _date("end", last)
        values |= {
            "end": None if meeting.end is None else str(meeting.end),
            "start_precision": meeting.start.precision.name.lower(),
            "end_precision": last.precision.name.lower(),
            "ordinal": meeting.ordinal,
            "series": meeting.series,
            "series_key": meeting.series_key,
            "city": place.city if place else None,
            "country": place.country if place else None,
            "venue": place.venue if place else None,
            "format": meeting.format.value,
        }
        for name in ("host", "chair", "presided_by", "initiator", "theme", "note"):
            values[name] = getattr(meeting, name)
        self.insert("meetings", values | {"confidence": meeting.confidence.value})
        self.many(
            "participants",
            ("meeting_id", "position", "party_id", "person", "role"),
            (
                (meeting.id, i, p.party, p.person, p.role)
                for i, p in enumerate(meeting.participants)
            ),
        )
        self.many(
            "topics",
            ("meeting_id", "position", "topic"),
            ((meeting.id, i, topic) for i, topic in enumerate(meeting.topics)),
        )
        self.alternatives("meeting_id", meeting.id, meeting.alternatives)
        self.cite("meeting_id", meeting.id, meeting.sources)


def _too_large(ots: Organization) -> list[ErrorDetail]:
    return [
        ErrorDetail(
            f"$.meetings[{index}].ordinal",
            "an ordinal above 2**63 - 1 does not fit an SQLite integer",
            meeting.ordinal,
        )
        for index, meeting in enumerate(ots.meetings)
        if meeting.ordinal is not None and meeting.ordinal > _MAX_INTEGER
    ]


def _check(db: sqlite3.Connection) -> None:
    """Raise if the database is not sound: the checks every export must pass."""
    integrity = db.execute("PRAGMA integrity_check").fetchall()
    broken = db.execute("PRAGMA foreign_key_check").fetchall()
    if integrity != [("ok",)] or broken:
        raise RuntimeError(f"the SQLite export is not sound: {integrity[:3]} {broken[:3]}")


def to_sqlite(ots: Organization) -> bytes:
    """The organization as the bytes of an SQLite database file (see the module's tables).

    Raises:
        InvalidDataError: A value SQLite cannot hold (an ordinal above 2**63 - 1).
    """
    problems = _too_large(ots)
    if problems:
        raise InvalidDataError(problems)
    db = sqlite3.connect(":memory:")
    try:
        db.execute("PRAGMA foreign_keys = ON")
        db.executescript(SCHEMA)
        db.execute(f"PRAGMA user_version = {FORMAT_VERSION:d}")
        build = _Builder(db)
        with db:
            build.organization(ots)
            build.parties(ots)
            for profile in ots.organs:
                build.organ(profile)
            build.treaties(ots)
            build.memberships(ots)
            for meeting in ots.meetings:
                build.meeting(meeting)
        _check(db)
        return db.serialize()
    finally:
        db.close()


def write_sqlite(ots: Organization, path: str) -> None:
    """Write the organization as an SQLite database file, all or nothing.

    Raises:
        DataFileError: The file cannot be written (it is then left as it was).
        InvalidDataError: A value SQLite cannot hold (see :func:`to_sqlite`).
    """
    write_atomic(path, to_sqlite(ots))
