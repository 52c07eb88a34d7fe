"""The tables of the SQLite export: normalized, with keys, checks and indexes.

Every enumeration's ``CHECK`` lists the values of the model's enum (never typed here), every
date has ``*_earliest``/``*_latest`` companions (ISO days, so ``WHERE start_earliest <=
'2022-12-31'`` works on text), and every list of the model is a table of its own with a
``position`` column that keeps the order. ``sources`` holds one row per cited URL: exactly
one of its owner columns is set, and says what the URL documents.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from turkicorg.dates import Precision
from turkicorg.localnames import NameForm
from turkicorg.meetings import Format, MeetingKind, MeetingStatus
from turkicorg.organs import DecisionBasis, DecisionRule, Mechanism, NameBasis, Organ
from turkicorg.parties import PartyKind
from turkicorg.record import Role, Status
from turkicorg.sourcing import Confidence

if TYPE_CHECKING:
    import enum

__all__ = ["FORMAT_VERSION", "INDEXES", "SCHEMA", "SOURCE_OWNERS", "TABLES"]

FORMAT_VERSION: Final = 1
"""The version of these tables (``meta.format_version`` and ``PRAGMA user_version``)."""


def _in(column: str, *enums: type[enum.Enum], null: bool = False) -> str:
    values = ", ".join(f"'{member.value}'" for cls in enums for member in cls)
    if null:
        return f"CHECK ({column} IS NULL OR {column} IN ({values}))"
    return f"CHECK ({column} IN ({values}))"


def _precision(column: str) -> str:
    names = ", ".join(f"'{p.name.lower()}'" for p in Precision)
    return f"CHECK ({column} IS NULL OR {column} IN ({names}))"


def _date(column: str, *, required: bool = False, precision: bool = False) -> str:
    """A partial date and its companions: ``column``, ``_earliest``, ``_latest`` (ISO days)."""
    null = " NOT NULL" if required else ""
    lines = [f"{column} TEXT{null}"]
    if precision:
        lines.append(f"{column}_precision TEXT {_precision(column + '_precision')}")
    lines += [f"{column}_earliest TEXT{null}", f"{column}_latest TEXT{null}"]
    return ",\n  ".join(lines)


SOURCE_OWNERS: Final = {
    "organization_id": "TEXT REFERENCES organization(id)",
    "organization_name_id": "INTEGER REFERENCES organization_names(id)",
    "treaty_id": "INTEGER REFERENCES treaties(id)",
    "party_id": "TEXT REFERENCES parties(id)",
    "former_name_id": "INTEGER REFERENCES former_names(id)",
    "local_name_id": "INTEGER REFERENCES local_names(id)",
    "membership_id": "INTEGER REFERENCES memberships(id)",
    "organ": "TEXT REFERENCES organs(organ)",
    "cadence_id": "INTEGER REFERENCES cadences(id)",
    "chair_rotation": "TEXT REFERENCES chair_rotations(organ)",
    "person_id": "TEXT REFERENCES people(id)",
    "appointment_id": "INTEGER REFERENCES appointments(id)",
    "meeting_id": "TEXT REFERENCES meetings(id)",
    "alternative_id": "INTEGER REFERENCES alternatives(id)",
}
"""The columns of ``sources`` that name what a URL documents, and what each refers to."""


def _exactly_one(*columns: str) -> str:
    return "CHECK (" + " + ".join(f"({c} IS NOT NULL)" for c in columns) + " = 1)"


def _owned(table: str, owners: dict[str, str], *columns: str) -> str:
    """A table whose rows each belong to exactly one of ``owners``, in order (``position``)."""
    lines = ["id INTEGER PRIMARY KEY", *(f"{name} {kind}" for name, kind in owners.items())]
    lines += ["position INTEGER NOT NULL", *columns, _exactly_one(*owners)]
    return f"CREATE TABLE {table} (\n  " + ",\n  ".join(lines) + "\n);"


INDEXES: Final = (
    *(("parties", "cow_code"), ("other_names", "person_id"), ("former_names", "party_id")),
    *(("local_names", "party_id"), ("treaties", "key"), ("treaty_parties", "party_id")),
    *(("memberships", "party_id", "start_earliest"), ("memberships", "start_earliest")),
    *(("memberships", "end_earliest"), ("appointments", "person_id")),
    *(("appointments", "party_id"), ("appointments", "role", "start_earliest")),
    *(("meetings", "body", "start_earliest"), ("meetings", "start_earliest")),
    *(("meetings", "end_latest"), ("meetings", "host"), ("meetings", "chair")),
    *(("meetings", "country"), ("participants", "party_id")),
    *(("alternatives", "membership_id"), ("alternatives", "meeting_id"), ("sources", "url")),
    *(("sources", owner) for owner in SOURCE_OWNERS),
)
"""The indexes: (table, column, ...), on dates, bodies, parties and every owner of a source."""

_CONFIDENCE: Final = f"confidence TEXT NOT NULL {_in('confidence', Confidence)}"
_LOCAL_NAME_OWNERS: Final = {
    "party_id": "TEXT REFERENCES parties(id)",
    "organization_name_id": "INTEGER REFERENCES organization_names(id)",
    "organ": "TEXT REFERENCES organs(organ)",
}
_ALTERNATIVE_OWNERS: Final = {
    "membership_id": "INTEGER REFERENCES memberships(id)",
    "appointment_id": "INTEGER REFERENCES appointments(id)",
    "meeting_id": "TEXT REFERENCES meetings(id)",
}
_LOCAL_NAMES: Final = _owned(
    "local_names",
    _LOCAL_NAME_OWNERS,
    "lang TEXT NOT NULL",
    "name TEXT NOT NULL",
    f"form TEXT NOT NULL {_in('form', NameForm)}",
    _CONFIDENCE,
    "note TEXT",
)
_ALTERNATIVES: Final = _owned(
    "alternatives", _ALTERNATIVE_OWNERS, "field TEXT NOT NULL", "value TEXT NOT NULL", "note TEXT"
)
_SOURCES: Final = _owned("sources", SOURCE_OWNERS, "url TEXT NOT NULL")

SCHEMA: Final = f"""
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT
);
CREATE TABLE organization (
  id TEXT PRIMARY KEY,
  headquarters TEXT NOT NULL,
  {_date("secretariat_since")}
);
CREATE TABLE working_languages (
  organization_id TEXT NOT NULL REFERENCES organization(id),
  position INTEGER NOT NULL,
  lang TEXT NOT NULL,
  PRIMARY KEY (organization_id, position)
);
CREATE TABLE organization_names (
  id INTEGER PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organization(id),
  name TEXT NOT NULL,
  abbreviation TEXT NOT NULL,
  short_name TEXT,
  {_date("start")},
  {_date("end")}
);
CREATE TABLE parties (
  id TEXT PRIMARY KEY,
  short_name TEXT NOT NULL,
  official_name TEXT NOT NULL,
  kind TEXT NOT NULL {_in("kind", PartyKind)},
  iso2 TEXT,
  iso3 TEXT,
  cow_code INTEGER CHECK (cow_code IS NULL OR cow_code BETWEEN 1 AND 999)
);
CREATE TABLE people (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL
);
CREATE TABLE other_names (
  party_id TEXT REFERENCES parties(id),
  person_id TEXT REFERENCES people(id),
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  UNIQUE (party_id, person_id, position),
  {_exactly_one("party_id", "person_id")}
);
CREATE TABLE former_names (
  id INTEGER PRIMARY KEY,
  party_id TEXT NOT NULL REFERENCES parties(id),
  short_name TEXT NOT NULL,
  official_name TEXT NOT NULL,
  {_date("until", required=True)}
);
CREATE TABLE organs (
  organ TEXT PRIMARY KEY {_in("organ", Organ)},
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  decision_rule TEXT NOT NULL {_in("decision_rule", DecisionRule)},
  decision_basis TEXT NOT NULL {_in("decision_basis", DecisionBasis)},
  composition TEXT NOT NULL,
  notes TEXT
);
CREATE TABLE extraordinary_callers (
  organ TEXT NOT NULL REFERENCES organs(organ),
  position INTEGER NOT NULL,
  caller TEXT NOT NULL,
  PRIMARY KEY (organ, position)
);
CREATE TABLE cadences (
  id INTEGER PRIMARY KEY,
  organ TEXT NOT NULL REFERENCES organs(organ),
  position INTEGER NOT NULL,
  kind TEXT NOT NULL,
  months INTEGER NOT NULL CHECK (months >= 1),
  month INTEGER CHECK (month IS NULL OR month BETWEEN 1 AND 12),
  description TEXT NOT NULL
);
CREATE TABLE chair_rotations (
  organ TEXT PRIMARY KEY REFERENCES organs(organ),
  first TEXT REFERENCES parties(id),
  names TEXT NOT NULL {_in("names", NameBasis)},
  term TEXT,
  description TEXT NOT NULL
);
{_LOCAL_NAMES}
CREATE TABLE treaties (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL,
  name TEXT NOT NULL,
  {_date("signed", required=True)},
  place TEXT,
  {_date("in_force")},
  depositary TEXT,
  entry_into_force_rule TEXT,
  note TEXT
);
CREATE TABLE treaty_parties (
  treaty_id INTEGER NOT NULL REFERENCES treaties(id),
  position INTEGER NOT NULL,
  party_id TEXT NOT NULL REFERENCES parties(id),
  PRIMARY KEY (treaty_id, position)
);
CREATE TABLE treaty_articles (
  treaty_id INTEGER NOT NULL REFERENCES treaties(id),
  position INTEGER NOT NULL,
  number TEXT NOT NULL,
  subject TEXT NOT NULL,
  PRIMARY KEY (treaty_id, position)
);
CREATE TABLE memberships (
  id INTEGER PRIMARY KEY,
  party_id TEXT NOT NULL REFERENCES parties(id),
  status TEXT NOT NULL {_in("status", Status)},
  {_date("start", required=True)},
  {_date("end")},
  founding INTEGER NOT NULL CHECK (founding IN (0, 1)),
  basis TEXT,
  {_CONFIDENCE},
  note TEXT
);
CREATE TABLE appointments (
  id INTEGER PRIMARY KEY,
  role TEXT NOT NULL {_in("role", Role)},
  person_id TEXT NOT NULL REFERENCES people(id),
  party_id TEXT REFERENCES parties(id),
  {_date("start")},
  {_date("end")},
  {_date("appointed")},
  {_CONFIDENCE},
  note TEXT
);
CREATE TABLE meetings (
  id TEXT PRIMARY KEY,
  body TEXT NOT NULL {_in("body", Organ, Mechanism)},
  kind TEXT NOT NULL {_in("kind", MeetingKind)},
  status TEXT NOT NULL {_in("status", MeetingStatus)},
  title TEXT NOT NULL,
  {_date("start", required=True, precision=True)},
  end TEXT,
  end_precision TEXT NOT NULL {_precision("end_precision")},
  end_earliest TEXT NOT NULL,
  end_latest TEXT NOT NULL,
  ordinal INTEGER CHECK (ordinal IS NULL OR ordinal >= 1),
  series TEXT,
  series_key TEXT NOT NULL,
  city TEXT,
  country TEXT REFERENCES parties(id),
  venue TEXT,
  format TEXT NOT NULL {_in("format", Format)},
  host TEXT REFERENCES parties(id),
  chair TEXT REFERENCES parties(id),
  presided_by TEXT,
  initiator TEXT REFERENCES parties(id),
  theme TEXT,
  {_CONFIDENCE},
  note TEXT
);
CREATE TABLE participants (
  meeting_id TEXT NOT NULL REFERENCES meetings(id),
  position INTEGER NOT NULL,
  party_id TEXT REFERENCES parties(id),
  person TEXT,
  role TEXT,
  PRIMARY KEY (meeting_id, position),
  CHECK (party_id IS NOT NULL OR person IS NOT NULL)
);
CREATE TABLE topics (
  meeting_id TEXT NOT NULL REFERENCES meetings(id),
  position INTEGER NOT NULL,
  topic TEXT NOT NULL,
  PRIMARY KEY (meeting_id, position)
);
{_ALTERNATIVES}
{_SOURCES}
""" + "".join(
    f"CREATE INDEX {table}_{'_'.join(columns)} ON {table}({', '.join(columns)});\n"
    for table, *columns in INDEXES
)
"""The ``CREATE`` statements, in an order that creates every referenced table first."""

TABLES: Final = tuple(
    line.split()[2] for line in SCHEMA.splitlines() if line.startswith("CREATE TABLE")
)
"""The tables, in creation order."""
