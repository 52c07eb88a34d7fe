"""Fuzzing the reader: any JSON, any mutation of a valid document, any bytes.

Every fuzzed document is also given to the quick path (:mod:`turkicorg.serialize.quickread`):
it may decline anything, but whatever it builds the strict converter must build too, equal.
"""

from __future__ import annotations

import copy
import json
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from turkicorg import InvalidDataError, MeetingRegistry, Organization, OrganizationRecord, serialize
from turkicorg import strategies as tst
from turkicorg.export import from_csv, to_csv
from turkicorg.serialize import conversion, quickread


@pytest.fixture(autouse=True)
def fresh_readers(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test builds the quick readers it uses (none inherited from an earlier test)."""
    monkeypatch.setattr(quickread, "_objects", {})
    monkeypatch.setattr(quickread, "_documents", set())


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=10),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=25,
)
"""Arbitrary JSON values."""

POOL: tuple[Any, ...] = (
    None,
    True,
    0,
    -1,
    1.5,
    "",
    " ",
    "x",
    [],
    {},
    [None],
    {"x": 1},
    "2022-02-30",
    "2023-13",
    "0000",
    "2022-1-1",
    "video",
    "bilateral",
    "CHS",
    "\ud800",
    "A" * 300,
    10**30,
)
"""Values likely to break a field: wrong types, impossible dates, enum values elsewhere."""

TYPES = sorted(serialize.DOCUMENT_TYPES.items())


def assert_located(error: InvalidDataError) -> None:
    """Every problem has a path starting at $ and a message; none is an unexpected crash."""
    assert error.errors
    for detail in error.errors:
        assert detail.path.startswith("$"), detail
        assert detail.message, detail
        assert not detail.message.startswith("unexpected"), detail


def record_values(record: OrganizationRecord) -> tuple[object, ...]:
    """The values of a record's fields (an Organization's record part)."""
    return tuple(getattr(record, f.name) for f in attrs.fields(OrganizationRecord) if f.init)


def assert_record_agrees(document: dict[str, Any]) -> None:
    """quick_record declines or builds the record of what the strict converter builds.

    The document's meetings are left out (quick_record reads documents without them).
    """
    alone = {k: v for k, v in document.items() if k != "meetings"}
    record = quickread.quick_record(alone)
    if record is None:
        return
    fields = {k: v for k, v in alone.items() if k not in ("format", "version", "type")}
    strict = conversion.structure(fields, Organization)  # raises if the strict path refuses
    assert type(record) is OrganizationRecord
    assert record_values(record) == record_values(strict)


def assert_quick_agrees(document: Any, cls: type) -> None:
    """The quick path declines or builds exactly what the strict converter builds."""
    if cls is Organization:
        assert_record_agrees(document)
    found = quickread.quick_document(document, cls)
    if found is None:
        return
    fields = {k: v for k, v in document.items() if k not in ("format", "version", "type")}
    assert type(found) is cls
    assert found == conversion.structure(fields, cls)  # raises if the strict path refuses


def load_or_located_error(text: str | bytes, cls: type) -> object:
    """Load ``text``; the only acceptable failure is a located InvalidDataError."""
    try:
        document = json.loads(text)
    except (ValueError, RecursionError):  # not JSON (or too deep): only the reader sees it
        document = None
    if isinstance(document, dict):
        assert_quick_agrees(document, cls)
    try:
        result = serialize.loads(text, cls)
    except InvalidDataError as error:
        assert_located(error)
        return None
    assert type(result) is cls
    return result


def paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value inside ``value`` (keys and indexes), the root excluded."""
    found = []
    if isinstance(value, dict):
        for key, item in value.items():
            found.append((*prefix, key))
            found += paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found.append((*prefix, index))
            found += paths(item, (*prefix, index))
    return found


@st.composite
def mutated(draw: st.DrawFn, document: Any) -> Any:
    """``document`` with one to three random mutations (removed, retyped, duplicated...)."""
    document = copy.deepcopy(document)
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        where = paths(document)
        if not where:
            return draw(JSON_VALUES)
        path = draw(st.sampled_from(where))
        parent = document
        for step in path[:-1]:
            parent = parent[step]
        last = path[-1]
        operation = draw(st.sampled_from(("delete", "replace", "pool", "duplicate", "add key")))
        if operation == "delete":
            del parent[last]
        elif operation == "replace":
            parent[last] = draw(JSON_VALUES)
        elif operation == "pool":
            parent[last] = draw(st.sampled_from(POOL))
        elif operation == "duplicate" and isinstance(parent, list):
            parent.insert(last, copy.deepcopy(parent[last]))
        elif isinstance(parent[last], dict):
            parent[last][draw(st.sampled_from(("zzz", "id", "start", "format")))] = draw(
                st.sampled_from(POOL)
            )
    return document


@pytest.mark.parametrize(("name", "cls"), TYPES)
@given(value=JSON_VALUES)
def test_arbitrary_json_is_located_invalid_data(name: str, cls: type, value: Any) -> None:
    """Any JSON value at all, as a document of any type, fails only with located problems."""
    load_or_located_error(json.dumps(value), cls)


@pytest.mark.parametrize(("name", "cls"), TYPES)
@given(fields=st.dictionaries(st.text(max_size=12), JSON_VALUES, max_size=6))
def test_arbitrary_fields_in_a_valid_envelope(name: str, cls: type, fields: dict[str, Any]) -> None:
    """A correct envelope around arbitrary fields loads or fails with located problems."""
    document = {**fields, "format": "turkicorg", "version": 1, "type": name}
    load_or_located_error(json.dumps(document), cls)


@given(data=st.data())
def test_mutated_organizations(data: st.DataObject) -> None:
    """Random mutations of a valid organization document load or fail with located problems."""
    document = serialize.to_document(data.draw(tst.full_organizations(max_meetings=3)))
    load_or_located_error(json.dumps(data.draw(mutated(document))), Organization)


@given(data=st.data())
def test_mutated_registries(data: st.DataObject) -> None:
    """Random mutations of a valid registry document load or fail with located problems."""
    document = serialize.to_document(data.draw(tst.hostile_registries(max_size=5)))
    load_or_located_error(json.dumps(data.draw(mutated(document))), MeetingRegistry)


@given(data=st.data())
def test_mutated_meetings_and_states(data: st.DataObject) -> None:
    """Random mutations of single meetings and parties load or fail with located problems."""
    meeting = serialize.to_document(data.draw(tst.hostile_meetings()))
    load_or_located_error(
        json.dumps(data.draw(mutated(meeting))), serialize.DOCUMENT_TYPES["Meeting"]
    )
    state = serialize.to_document(data.draw(tst.parties()))
    load_or_located_error(json.dumps(data.draw(mutated(state))), serialize.DOCUMENT_TYPES["State"])


@given(registry=tst.hostile_registries(max_size=4), data=st.data())
def test_textual_mutations(registry: MeetingRegistry, data: st.DataObject) -> None:
    """Characters deleted, inserted or keys repeated in the text never crash the reader."""
    text = serialize.dumps(registry)
    position = data.draw(st.integers(min_value=0, max_value=len(text)))
    operation = data.draw(st.sampled_from(("delete", "insert", "repeat key", "truncate")))
    if operation == "delete":
        text = text[:position] + text[position + 1 :]
    elif operation == "insert":
        text = text[:position] + data.draw(st.sampled_from('{}[],:"\\0\n\ud800')) + text[position:]
    elif operation == "repeat key":
        text = text.replace('"title":', '"title":"again","title":', 1)
    else:
        text = text[:position]
    load_or_located_error(text, MeetingRegistry)
    load_or_located_error(text.encode("utf-8", "surrogatepass"), MeetingRegistry)


@given(st.binary(max_size=200))
def test_random_bytes(data: bytes) -> None:
    """Arbitrary bytes are refused with located problems (or, rarely, are a document)."""
    load_or_located_error(data, MeetingRegistry)


@given(st.text(max_size=300))
def test_random_csv(text: str) -> None:
    """Arbitrary text given to the CSV reader fails only with located problems."""
    try:
        from_csv(text)
    except InvalidDataError as error:
        assert_located(error)


@given(registry=tst.hostile_registries(max_size=3), data=st.data())
def test_mutated_csv(registry: MeetingRegistry, data: st.DataObject) -> None:
    """Characters deleted or inserted in a CSV export never crash the reader."""
    text = to_csv(registry)
    position = data.draw(st.integers(min_value=0, max_value=len(text)))
    insert = data.draw(st.sampled_from(("", '"', ",", "\n", "'", "[", "{")))
    text = text[:position] + insert + text[position + (not insert) :]
    try:
        from_csv(text)
    except InvalidDataError as error:
        assert_located(error)
