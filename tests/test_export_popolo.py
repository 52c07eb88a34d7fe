"""The organization as Popolo: valid against the Popolo JSON Schemas and referentially sound."""

from __future__ import annotations

import json
import os
import re
from functools import cache
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import given
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT3

import turkicorg
from turkicorg import Meeting, Organization
from turkicorg import strategies as tst
from turkicorg.export import popolo_problems, to_popolo
from turkicorg.meetings import Participant

CHECKOUT = Path(__file__).resolve().parents[1]
KINDS = {
    "organizations": "organization",
    "persons": "person",
    "posts": "post",
    "memberships": "membership",
    "events": "event",
}


def schema_folder() -> Path:
    """$TURKICORG_POPOLO_SCHEMAS (relative to the checkout), default ../shared/popolo-schemas."""
    folder = Path(os.environ.get("TURKICORG_POPOLO_SCHEMAS", "../shared/popolo-schemas"))
    return folder if folder.is_absolute() else CHECKOUT / folder


@cache
def validators() -> dict[str, jsonschema.Draft3Validator]:
    """A draft-03 validator per Popolo type; $refs resolve to the local files, never online."""
    folder = schema_folder()
    if not (folder / "organization.json").is_file():
        pytest.skip(f"Popolo schemas not found in {folder} (set TURKICORG_POPOLO_SCHEMAS)")
    schemas = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in folder.glob("*.json")}
    registry: Registry[Any] = Registry().with_resources(
        (schema["id"].rstrip("#"), Resource.from_contents(schema, default_specification=DRAFT3))
        for schema in schemas.values()
    )
    # The format checker is on: every "format": "uri" of the schemas is checked (RFC 3986).
    checker = jsonschema.Draft3Validator.FORMAT_CHECKER
    assert "uri" in checker.checkers, "install the test extra: jsonschema[format-nongpl]"
    return {
        name: jsonschema.Draft3Validator(schemas[name], registry=registry, format_checker=checker)
        for name in KINDS.values()
    }


def assert_valid(data: dict[str, list[dict[str, Any]]]) -> None:
    """Every object validates against its Popolo schema; every reference resolves."""
    checks = validators()
    assert set(data) == set(KINDS)
    for kind, records in data.items():
        for record in records:
            errors = [e.message for e in checks[KINDS[kind]].iter_errors(record)]
            assert errors == [], (kind, record)
            for link in (*record.get("sources", ()), *record.get("links", ())):
                assert re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*:[!-~]*", link["url"]), link
    assert popolo_problems(data) == []
    json.dumps(data, ensure_ascii=False).encode("utf-8")


@pytest.fixture(scope="module")
def ots() -> Organization:
    return turkicorg.load_default()


def test_embedded_dataset_is_valid_popolo(ots: Organization) -> None:
    """The embedded organization exports to valid, referentially sound Popolo."""
    assert_valid(to_popolo(ots))


@given(tst.full_organizations())
def test_generated_organizations_are_valid_popolo(org: Organization) -> None:
    """Organizations with every collection drawn and hostile text export to valid Popolo."""
    assert_valid(to_popolo(org))


def test_schemas_resolve_offline() -> None:
    """Schema references resolve to the local files (a missing one would fail, not download)."""
    validator = validators()["organization"]
    bad = {"id": "x", "other_names": [{"name": 5}], "sources": [{"note": "no url"}]}
    messages = sorted(e.message for e in validator.iter_errors(bad))
    assert len(messages) == 2


def test_organization_and_organs(ots: Organization) -> None:
    """The organization comes first, its five organs next with the organization as parent."""
    data = to_popolo(ots)
    org, *organs = data["organizations"][:6]
    assert org["id"] == "OTS"
    assert org["name"] == "Organization of Turkic States"
    assert org["founding_date"] == "2009-10-03"
    assert {"name": "Cooperation Council of Turkic Speaking States", "start_date": "2009-10-03",
            "end_date": "2021-11-12", "note": "CCTS"} in org["other_names"]  # fmt: skip
    assert [o["id"] for o in organs] == ["OTS/CHS", "OTS/CFM", "OTS/SOC", "OTS/COE", "OTS/SEC"]
    assert {o["parent_id"] for o in organs} == {"OTS"}
    assert {o["classification"] for o in organs} == {"organ"}


def test_states_are_members_through_member(ots: Organization) -> None:
    """Türkiye is a founding member and Hungary an observer, both as Organization members."""
    data = to_popolo(ots)
    turkey = next(o for o in data["organizations"] if o["id"] == "party/TR")
    assert turkey["classification"] == "state"
    assert {"identifier": "TUR", "scheme": "ISO 3166-1 alpha-3"} in turkey["identifiers"]
    assert {"name": "Turkey", "end_date": "2022-06-01", "note": "former name"} in turkey[
        "other_names"
    ]
    by_member = {m["member"]["id"]: m for m in data["memberships"] if "member" in m}
    assert by_member["party/TR"]["member"] == {"@type": "Organization", "id": "party/TR"}
    assert by_member["party/TR"]["role"] == "member"
    assert by_member["party/TR"]["start_date"] == "2009-10-03"
    assert by_member["party/HU"]["role"] == "observer"
    assert by_member["party/HU"]["start_date"] == "2018-09-03"
    assert "end_date" not in by_member["party/HU"]


def test_secretaries_general_hold_a_post_with_terms(ots: Organization) -> None:
    """The Secretary General is a post of the Secretariat; terms end the day before the next."""
    data = to_popolo(ots)
    post = next(p for p in data["posts"] if p["id"] == "OTS/post/secretary_general")
    assert post["organization_id"] == "OTS/SEC"
    terms = {m["person_id"]: m for m in data["memberships"] if m.get("post_id") == post["id"]}
    assert terms["person/baghdad-amreyev"]["start_date"] == "2018-09-03"
    assert terms["person/baghdad-amreyev"]["end_date"] == "2022-11-13"
    assert terms["person/kubanychbek-omuraliev"]["start_date"] == "2022-11-14"
    assert "end_date" not in terms["person/kubanychbek-omuraliev"]
    assert terms["person/kubanychbek-omuraliev"]["on_behalf_of_id"] == "party/KG"
    persons = {p["id"]: p["name"] for p in data["persons"]}
    assert persons["person/kubanychbek-omuraliev"] == "Kubanychbek Omuraliev"
    elders = [p for p in data["posts"] if p["id"].startswith("OTS/post/elder/")]
    assert elders
    assert {p["organization_id"] for p in elders} == {"OTS/COE"}


def test_meetings_are_events(ots: Organization) -> None:
    """Meetings become events of their organ, dates at their precision, participants attend."""
    summit = Meeting(
        id="chs-2022",
        body="CHS",
        kind="regular",
        title="9th Summit",
        start="2022-11",
        participants=(
            Participant(party="UZ", person="Shavkat Mirziyoyev", role="host"),
            Participant(person="Kubanychbek Omuraliev"),
        ),
        sources=("https://example.org/%C5%9F%20path",),
    )
    talks = Meeting(
        id="talks", body="bilateral", kind="bilateral", title="Talks", start="2023-01-05",
        end="2023-01-06", participants=(Participant(party="HU"),), sources=("https://ex.org/t",),
    )  # fmt: skip
    data = to_popolo(ots.with_meetings([summit, talks]))
    assert_valid(data)
    event, other = data["events"]
    assert event["organization_id"] == "OTS/CHS"
    assert (event["start_date"], event["end_date"]) == ("2022-11", "2022-11")
    assert (event["classification"], event["status"]) == ("regular", "confirmed")
    assert event["sources"] == [{"url": "https://example.org/%C5%9F%20path"}]
    assert event["attendees"] == [
        {"id": "participant/Shavkat Mirziyoyev", "name": "Shavkat Mirziyoyev"},
        {"id": "person/kubanychbek-omuraliev", "name": "Kubanychbek Omuraliev"},
    ]
    assert other["organization_id"] == "OTS"
    assert (other["start_date"], other["end_date"]) == ("2023-01-05", "2023-01-06")


def test_problems_are_found() -> None:
    """Unresolved ids, unknown members and attendees, duplicates and reversed dates are named."""
    data: dict[str, list[dict[str, Any]]] = {
        "organizations": [{"id": "A"}, {"id": "A", "parent_id": "B"}],
        "persons": [{"id": "p"}],
        "posts": [],
        "memberships": [
            {"id": "m", "member": {"@type": "Organization", "id": "Z"}, "organization_id": "A"},
            {"id": "n", "member": {"@type": "Person", "id": "p"}, "post_id": "nope",
             "start_date": "2020-05", "end_date": "2020-04-30"},
        ],
        "events": [{"id": "e", "attendees": [{"id": "q"}], "start_date": "x", "end_date": "2020"}],
    }  # fmt: skip
    assert [(p.path, p.message) for p in popolo_problems(data)] == [
        ("$.organizations[1].id", "duplicate id"),
        ("$.organizations[1].parent_id", "no such organization"),
        ("$.memberships[0].member", "no such member"),
        ("$.memberships[1].post_id", "no such post"),
        ("$.memberships[1].end_date", "ends before it starts"),
        ("$.events[0].attendees[0]", "no such person"),
        ("$.events[0].end_date", "ends before it starts"),
    ]


def test_organs_without_profiles_and_minimal_data(ots: Organization) -> None:
    """An organization without organ profiles still exports all five organs by name."""
    bare = attrs.evolve(ots, organs=(), sources=())
    data = to_popolo(bare)
    assert_valid(data)
    assert data["organizations"][1] == {
        "id": "OTS/CHS",
        "name": "Council of Heads of State",
        "classification": "organ",
        "parent_id": "OTS",
        "identifiers": [{"identifier": "CHS", "scheme": "turkicorg-organ"}],
    }


def test_the_uri_format_is_checked() -> None:
    """A link the model would refuse fails the schema's format check (the checker is on)."""
    validator = validators()["organization"]
    for url in ("https://ex.org/%zz", "http://[::1", "https://ex.org:abc/"):
        record = {"id": "x", "name": "x", "sources": [{"url": url}]}
        assert [e.message for e in validator.iter_errors(record)], url
    good = {"id": "x", "name": "x", "sources": [{"url": "https://turkicstates.org/en"}]}
    assert [e.message for e in validator.iter_errors(good)] == []
