"""The shipped JSON Schema: fresh, valid, accepts what the library writes, rejects what it must."""

from __future__ import annotations

import copy
import json
import os
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

import turkicorg
from turkicorg import InvalidDataError, serialize
from turkicorg import strategies as tst
from turkicorg.data import read_document
from turkicorg.serialize import schema as turkicorg_schema

SHIPPED = (
    Path(turkicorg.__file__).parent / turkicorg_schema.SCHEMA_FOLDER / turkicorg_schema.SCHEMA_FILE
)
DOCUMENTS = st.one_of(
    tst.full_organizations(max_meetings=4),
    tst.hostile_registries(max_size=4),
    tst.hostile_meetings(),
    tst.parties(),
    tst.people(),
    tst.cadences(),
)
DATE_KEYS = frozenset(
    (
        "start",
        "end",
        "signed",
        "in_force",
        "appointed",
        "until",
        "secretariat_since",
        "last_verified",
    )
)
BAD_DATES = ("2022-13", "2022-02-30", "2023-04-31", "0000", "22", "2022/01/01", "2022-1-1", "")


@cache
def validator() -> jsonschema.Draft202012Validator:
    shipped = turkicorg_schema.shipped()
    jsonschema.Draft202012Validator.check_schema(shipped)
    return jsonschema.Draft202012Validator(shipped)


def schema_accepts(document: Any) -> bool:
    return validator().is_valid(document)


def library_accepts(document: Any, cls: type) -> bool:
    try:
        serialize.loads(json.dumps(document), cls)
    except InvalidDataError:
        return False
    return True


def locations(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[tuple[Any, ...], Any]]:
    """Every (path, value) below ``value``."""
    found: list[tuple[tuple[Any, ...], Any]] = []
    items = (
        value.items()
        if isinstance(value, dict)
        else enumerate(value)
        if isinstance(value, list)
        else ()
    )
    for key, item in items:
        found.append(((*prefix, key), item))
        found += locations(item, (*prefix, key))
    return found


def put(document: Any, path: tuple[Any, ...], value: Any) -> Any:
    document = copy.deepcopy(document)
    parent = document
    for step in path[:-1]:
        parent = parent[step]
    parent[path[-1]] = value
    return document


def test_shipped_schema_is_fresh() -> None:
    """The schema file in the package is what the generator gives (rewritten when stale)."""
    text = turkicorg_schema.render(turkicorg_schema.generate())
    if SHIPPED.read_text(encoding="utf-8") != text:
        if os.environ.get("CI"):
            pytest.fail(f"{SHIPPED} is stale: run the tests locally and commit the new file")
        SHIPPED.write_text(text, encoding="utf-8")
        pytest.fail(f"{SHIPPED} was stale and has been regenerated: review and commit it")
    assert turkicorg_schema.shipped() == serialize.json_schema()


def test_schema_is_valid_draft_2020_12() -> None:
    """The shipped schema and each per-type schema are valid JSON Schemas of draft 2020-12."""
    validator()
    for cls in serialize.DOCUMENT_TYPES.values():
        schema = serialize.json_schema(cls)
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        jsonschema.Draft202012Validator.check_schema(schema)
        assert schema["$ref"] == f"#/$defs/{cls.__name__}Document"


def test_embedded_dataset_validates() -> None:
    """The embedded organization, as dumps writes it, is valid; so are its data files."""
    ots = turkicorg.load_default()
    assert schema_accepts(json.loads(serialize.dumps(ots)))
    assert schema_accepts(serialize.to_document(ots.meetings))
    assert schema_accepts(read_document("meetings.json"))


@given(DOCUMENTS)
def test_every_written_document_validates(value: Any) -> None:
    """Every document the library writes validates, against the shipped and per-type schema."""
    document = json.loads(serialize.dumps(value))
    assert schema_accepts(document)
    per_type = jsonschema.Draft202012Validator(serialize.json_schema(type(value)))
    assert per_type.is_valid(document)


@given(value=DOCUMENTS, data=st.data())
def test_unknown_keys_are_rejected_by_both(value: Any, data: st.DataObject) -> None:
    """A key added to any object is refused by the library and by the schema."""
    document = serialize.to_document(value)
    objects = [path for path, item in locations(document) if isinstance(item, dict)]
    path = data.draw(st.sampled_from([(), *objects]))
    target = put(document, (*path, "zz_unknown"), 1) if path else {**document, "zz_unknown": 1}
    assert not library_accepts(target, type(value))
    assert not schema_accepts(target)


@given(value=DOCUMENTS, data=st.data())
def test_wrong_types_are_rejected_by_both(value: Any, data: st.DataObject) -> None:
    """A string, number, array or object replaced by another type is refused by both."""
    document = serialize.to_document(value)
    leaves = [(p, v) for p, v in locations(document) if v is not None]
    if not leaves:
        return
    path, old = data.draw(st.sampled_from(leaves))
    new = {str: 5, int: "5", bool: "true", list: "x", dict: ["x"]}[type(old)]  # plain data
    target = put(document, path, new)
    assert not library_accepts(target, type(value))
    assert not schema_accepts(target)


@given(value=DOCUMENTS, data=st.data())
def test_bad_date_patterns_are_rejected_by_both(value: Any, data: st.DataObject) -> None:
    """A date made impossible or badly written is refused by both."""
    document = serialize.to_document(value)
    dates = [p for p, v in locations(document) if p[-1] in DATE_KEYS and isinstance(v, str)]
    if not dates:
        return
    target = put(document, data.draw(st.sampled_from(dates)), data.draw(st.sampled_from(BAD_DATES)))
    assert not library_accepts(target, type(value))
    assert not schema_accepts(target)


@given(value=DOCUMENTS, data=st.data())
def test_required_keys_are_required_by_both(value: Any, data: st.DataObject) -> None:
    """A key removed: a missing required key is refused by both; what loads, validates."""
    # Removing an optional key may still break a rule the schema cannot state (a reference
    # to a removed party), so only the required-key rule is compared.
    document = serialize.to_document(value)
    keys = [p for p, _ in locations(document) if isinstance(p[-1], str)]
    path = data.draw(st.sampled_from(keys))
    target = copy.deepcopy(document)
    parent = target
    for step in path[:-1]:
        parent = parent[step]
    del parent[path[-1]]
    try:
        serialize.loads(json.dumps(target), type(value))
    except InvalidDataError as error:
        if any(e.message == "required key missing" for e in error.errors):
            assert not schema_accepts(target)
    else:
        assert schema_accepts(target)


REPLACEMENTS: tuple[Any, ...] = (None, 0, 1, -1, "", "x", "2022", "video", [], {}, ["s"], True)


@given(value=DOCUMENTS, data=st.data())
def test_what_the_library_reads_the_schema_accepts(value: Any, data: st.DataObject) -> None:
    """Any value replaced by another: whenever the library still reads it, the schema agrees."""
    document = serialize.to_document(value)
    path, _old = data.draw(st.sampled_from(locations(document)))
    target = put(document, path, data.draw(st.sampled_from(REPLACEMENTS)))
    if library_accepts(target, type(value)):
        assert schema_accepts(target)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"id": "Bad Id"}, "id"),
        ({"title": "   "}, "title"),
        ({"sources": []}, "sources"),
        ({"ordinal": 0}, "ordinal"),
        ({"kind": "bilateral", "participants": []}, "participants"),
        ({"format": "video", "place": {"venue": "Hall"}}, "place"),
        ({"participants": [{"role": "guest"}]}, "participants"),
        ({"body": "XYZ"}, "body"),
    ],
)
def test_meeting_rules_the_schema_states(change: dict[str, Any], field: str) -> None:
    """Rules of a meeting that JSON Schema can express are in the schema as in the library."""
    meeting = {
        "id": "m-1",
        "body": "CHS",
        "kind": "regular",
        "title": "Summit",
        "start": "2022-11-11",
        "sources": ["https://example.org/s"],
    }
    document = {"format": "turkicorg", "version": 1, "type": "Meeting", "meeting": meeting}
    assert schema_accepts(document)
    assert library_accepts(document, turkicorg.Meeting)
    bad = {**document, "meeting": {**meeting, **change}}
    assert not library_accepts(bad, turkicorg.Meeting)
    assert not schema_accepts(bad)


def test_unsupported_type_has_no_schema() -> None:
    """Only document types have a schema."""
    with pytest.raises(turkicorg.errors.UnsupportedTypeError):
        serialize.json_schema(int)


def test_the_old_schema_module_still_works_with_a_warning() -> None:
    """turkicorg.schema's names lead to turkicorg.serialize.schema, with a DeprecationWarning."""
    import turkicorg.schema as old  # noqa: PLC0415 - the deprecated path under test

    with pytest.warns(DeprecationWarning, match=r"turkicorg\.serialize\.schema\.generate"):
        assert old.generate is turkicorg_schema.generate
    with pytest.warns(DeprecationWarning, match="SCHEMA_FILE is deprecated"):
        assert old.SCHEMA_FILE == "turkicorg.schema.json"
    assert "shipped" in dir(old)
    with pytest.raises(AttributeError):
        _ = old.nothing
