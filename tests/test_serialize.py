"""The native JSON format: round trips, determinism, envelope, migrations, errors, files."""

from __future__ import annotations

import gc
import io
import json
import os
import stat
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import turkicorg
from turkicorg import (
    InvalidDataError,
    Meeting,
    MeetingRegistry,
    Organization,
    PartialDate,
    State,
    UnsupportedVersionError,
    fileio,
    serialize,
)
from turkicorg import strategies as tst
from turkicorg.errors import DataFileError, PolicyError, UnsupportedTypeError
from turkicorg.localnames import LocalName, NameForm
from turkicorg.organization import Appointment, Membership, Status
from turkicorg.organs import ChairRotation, NameBasis, Organ
from turkicorg.parties import FormerName
from turkicorg.serialize import common, conversion, migrations
from turkicorg.sourcing import Alternative

STRATEGIES: dict[str, st.SearchStrategy[Any]] = {
    "Alternative": tst.alternatives(),
    "Appointment": tst.appointments_for(("ann", "bo"), ("AZ", "KZ")),
    "Article": st.builds(turkicorg.organization.Article, number=tst.texts(), subject=tst.texts()),
    "Cadence": tst.cadences(),
    "ChairRotation": st.builds(
        ChairRotation,
        first=st.none() | st.sampled_from(("AZ", "KZ", "TR")),
        names=st.sampled_from(NameBasis),
        term=st.none() | tst.texts(),
        description=tst.texts(),
        sources=tst.source_lists(),
    ),
    "FormerName": st.builds(
        FormerName,
        short_name=tst.nonblank_texts(),
        official_name=tst.nonblank_texts(),
        until=tst.partial_dates(),
        sources=tst.source_lists(),
    ),
    "Meeting": tst.hostile_meetings(),
    "MeetingRegistry": tst.hostile_registries(),
    "LocalName": st.builds(
        LocalName,
        lang=st.sampled_from(("kk", "uz-Cyrl", "tr", "az")),
        name=tst.nonblank_texts(),
        form=st.sampled_from(NameForm),
        sources=tst.source_lists(),
        confidence=st.sampled_from(turkicorg.Confidence),
        note=st.none() | tst.texts(),
    ),
    "Membership": tst.memberships_for("AZ").filter(bool).map(lambda ms: ms[0]),
    "OrganProfile": tst.organ_profiles(Organ.COUNCIL_OF_ELDERS),
    "Organization": tst.full_organizations(),
    "OrganizationName": st.builds(
        turkicorg.OrganizationName,
        name=tst.texts(),
        abbreviation=tst.texts(),
        short_name=st.none() | tst.texts(),
        start=st.none() | tst.partial_dates(),
        sources=tst.source_lists(),
    ),
    "Participant": tst.participants(),
    "Person": tst.people(),
    "Place": tst.places(),
    "State": tst.parties(),
    "Treaty": tst.treaties(("AZ", "KZ")),
}
"""A strategy for every document type (a new type without one fails a test below)."""

DOCUMENT = '{"format":"turkicorg","version":1,"type":"Meeting","meeting":{%s}}'
VALID_FIELDS = '"id":"m-1","body":"CHS","kind":"regular","title":"Summit","start":"2022-11-11","sources":["https://example.org/s"]'


def meeting_doc(**fields: Any) -> dict[str, Any]:
    """A valid Meeting document with some meeting fields replaced (None deletes)."""
    document: dict[str, Any] = json.loads(DOCUMENT % VALID_FIELDS)
    for key, value in fields.items():
        if value is None:
            del document["meeting"][key]
        else:
            document["meeting"][key] = value
    return document


def problems(text: str | bytes, cls: type = Meeting, **kwargs: Any) -> list[tuple[str, str]]:
    """The (path, message) pairs of the InvalidDataError that loading ``text`` raises."""
    with pytest.raises(InvalidDataError) as caught:
        serialize.loads(text, cls, **kwargs)
    assert caught.value.errors
    return [(e.path, e.message) for e in caught.value.errors]


# Round trips and determinism -----------------------------------------------------------------


def test_every_document_type_has_a_strategy() -> None:
    """The round-trip property below covers every type a document can hold."""
    assert set(STRATEGIES) == set(serialize.DOCUMENT_TYPES)


@pytest.mark.parametrize("name", sorted(STRATEGIES))
@given(data=st.data())
def test_loads_dumps_round_trip(name: str, data: st.DataObject) -> None:
    """loads(dumps(x)) == x for every document type, hostile text and partial dates included."""
    value = data.draw(STRATEGIES[name])
    cls = serialize.DOCUMENT_TYPES[name]
    assert type(value) is cls
    text = serialize.dumps(value)
    assert serialize.loads(text, cls) == value
    assert serialize.loads(text.encode(), cls) == value
    assert serialize.loads(serialize.dumps(value, indent=2), cls) == value


@given(tst.full_organizations())
def test_dumps_is_deterministic(org: Organization) -> None:
    """The same object, and any equal object, always gives the same text."""
    text = serialize.dumps(org)
    assert serialize.dumps(org) == text
    copy = serialize.loads(text, Organization)
    assert copy is not org
    assert serialize.dumps(copy) == text


@given(tst.hostile_registries())
def test_equal_registries_give_equal_text(registry: MeetingRegistry) -> None:
    """A registry rebuilt from its meetings in reverse order writes the same text."""
    rebuilt = MeetingRegistry(reversed(registry.meetings))
    assert serialize.dumps(rebuilt) == serialize.dumps(registry)


def test_embedded_dataset_round_trips() -> None:
    """The embedded organization survives dumps and loads unchanged, byte for byte."""
    ots = turkicorg.load_default()
    text = serialize.dumps(ots)
    assert serialize.loads(text, Organization) == ots
    assert serialize.dumps(serialize.loads(text, Organization)) == text


def test_empty_collections_round_trip() -> None:
    """An empty registry and a meeting with every optional field empty survive."""
    empty = MeetingRegistry()
    assert serialize.dumps(empty).endswith('"meetings":[]}')
    assert serialize.loads(serialize.dumps(empty), MeetingRegistry) == empty
    meeting = serialize.loads(DOCUMENT % VALID_FIELDS, Meeting)
    assert meeting.participants == meeting.topics == meeting.alternatives == ()


def test_documented_conventions() -> None:
    """Defaults are left out, enums are values, partial dates keep their precision."""
    meeting = Meeting(
        id="coe-2014",
        body="COE",
        kind="regular",
        title="Elders",
        start="2014-05",
        sources=("https://example.org/s",),
    )
    assert serialize.dumps(meeting) == (
        '{"format":"turkicorg","version":1,"type":"Meeting","meeting":{"id":"coe-2014",'
        '"body":"COE","kind":"regular","title":"Elders","start":"2014-05","sources":["https://example.org/s"]}}'
    )


def test_unstructure_and_structure_are_inverse() -> None:
    """The plain-data layer round-trips without the envelope."""
    state = turkicorg.load_default().state("TR")
    assert serialize.structure(serialize.unstructure(state), State) == state


# Envelope and migrations ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("document", "path"),
    [
        ("[]", "$"),
        ('{"format":"other","version":1,"type":"Meeting"}', "$.format"),
        ('{"version":1,"type":"Meeting"}', "$.format"),
        ('{"format":"turkicorg","type":"Meeting"}', "$.version"),
        ('{"format":"turkicorg","version":"1","type":"Meeting"}', "$.version"),
        ('{"format":"turkicorg","version":0,"type":"Meeting"}', "$.version"),
        ('{"format":"turkicorg","version":true,"type":"Meeting"}', "$.version"),
        ('{"format":"turkicorg","version":1,"type":"State"}', "$.type"),
        ('{"format":"turkicorg","version":1}', "$.type"),
    ],
)
def test_envelope_problems(document: str, path: str) -> None:
    """A document that is not a turkicorg Meeting document is refused at its envelope."""
    assert problems(document)[0][0] == path


def test_future_version_is_a_clear_error() -> None:
    """A document from a newer release names the version and asks for an upgrade."""
    with pytest.raises(UnsupportedVersionError) as caught:
        serialize.loads('{"format":"turkicorg","version":99,"type":"Meeting"}', Meeting)
    assert caught.value.version == 99
    assert "upgrade turkicorg" in str(caught.value)


@pytest.fixture
def version_2(monkeypatch: pytest.MonkeyPatch) -> dict[int, serialize.Migration]:
    """Pretend this release writes version 2, with an empty migration table."""
    table: dict[int, serialize.Migration] = {}
    for module in list(sys.modules.values()):
        name = getattr(module, "__name__", "")
        if name.startswith("turkicorg.serialize") and getattr(module, "VERSION", None) == 1:
            monkeypatch.setattr(module, "VERSION", 2)
    monkeypatch.setattr(migrations, "MIGRATIONS", table)
    return table


def test_registered_migration_upgrades_old_documents(
    version_2: dict[int, serialize.Migration],
) -> None:
    """A version-1 document goes through the registered 1 → 2 step before it is read."""

    @serialize.register_migration(1)
    def rename_topic_field(document: dict[str, Any]) -> dict[str, Any]:
        meeting = document["meeting"]
        meeting["topics"] = meeting.pop("subjects")
        return document

    assert version_2[1] is rename_topic_field
    old = meeting_doc(subjects=["energy"])
    text = json.dumps(old)
    meeting = serialize.loads(text, Meeting)
    assert meeting.topics == ("energy",)
    assert json.loads(text) == old  # the caller's document is not changed
    assert serialize.dumps(meeting).startswith('{"format":"turkicorg","version":2,')
    assert serialize.loads(serialize.dumps(meeting), Meeting) == meeting


def test_missing_migration_is_an_error(version_2: dict[int, serialize.Migration]) -> None:
    """Without a step from version 1, an old document is refused, not misread."""
    assert problems(DOCUMENT % VALID_FIELDS) == [("$.version", "no migration from version 1 to 2")]


def test_failing_migration_is_invalid_data(version_2: dict[int, serialize.Migration]) -> None:
    """A step that raises or returns a non-object becomes a located InvalidDataError."""
    version_2[1] = lambda document: document["absent"]
    assert "migration from version 1 failed: KeyError" in problems(DOCUMENT % VALID_FIELDS)[0][1]
    version_2[1] = lambda document: [document]  # type: ignore[arg-type,return-value]
    assert problems(DOCUMENT % VALID_FIELDS) == [("$", "migration from version 1 gave no object")]

    def refuse(document: dict[str, Any]) -> dict[str, Any]:
        raise InvalidDataError.single("$.title", "cannot migrate this title")

    version_2[1] = refuse
    assert problems(DOCUMENT % VALID_FIELDS) == [("$.title", "cannot migrate this title")]


def test_register_migration_refuses_bad_registrations(
    version_2: dict[int, serialize.Migration],
) -> None:
    """Version numbers start at 1 and each step is registered once."""
    serialize.register_migration(1)(lambda d: d)
    with pytest.raises(PolicyError, match="registered"):
        serialize.register_migration(1)
    with pytest.raises(PolicyError, match="whole number"):
        serialize.register_migration(0)


# Bad input: every problem, located ------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"title": 5}, ("$.meeting.title", "expected a string, got integer")),
        ({"ordinal": "3"}, ("$.meeting.ordinal", "expected an integer, got string")),
        ({"ordinal": 3.0}, ("$.meeting.ordinal", "expected an integer, got number")),
        ({"ordinal": True}, ("$.meeting.ordinal", "expected an integer, got boolean")),
        ({"sources": "s"}, ("$.meeting.sources", "expected an array, got string")),
        ({"sources": [1]}, ("$.meeting.sources[0]", "expected a string, got integer")),
        (
            {"body": "XYZ"},
            ("$.meeting.body", "expected an organ (CHS, CFM, SOC, COE, SEC) or a mechanism"),
        ),
        (
            {"start": "2023-02-29"},
            ("$.meeting.start", "invalid date '2023-02-29': day 29 does not exist in 2023-02"),
        ),
        (
            {"start": "٢٠٢٢"},
            ("$.meeting.start", "expected a date written YYYY, YYYY-MM or YYYY-MM-DD (digits 0-9)"),
        ),
        (
            {"start": 2022},
            ("$.meeting.start", "expected a date written YYYY, YYYY-MM or YYYY-MM-DD, got integer"),
        ),
        ({"place": {"town": "Baku"}}, ("$.meeting.place.town", "unknown key")),
        ({"place": []}, ("$.meeting.place", "expected an object (Place), got array")),
        (
            {"participants": [{}]},
            ("$.meeting.participants[0]", "a participant needs a party, a person or both"),
        ),
        ({"venue x": 1}, ('$.meeting["venue x"]', "unknown key")),
        ({"id": None}, ("$.meeting.id", "required key missing")),
    ],
)
def test_field_problems_are_located(fields: dict[str, Any], expected: tuple[str, str]) -> None:
    """A wrong type, unknown key, impossible date or missing key is named with its path."""
    assert expected in problems(json.dumps(meeting_doc(**fields)))


def test_every_broken_invariant_of_a_meeting_is_listed() -> None:
    """A meeting breaking three rules reports all three, not only the first."""
    document = meeting_doc(id="Bad Id", title="  ", sources=[], start="2022", end="2021")
    found = problems(json.dumps(document))
    assert [path for path, _ in found] == [
        "$.meeting.id",
        "$.meeting.title",
        "$.meeting.end",
        "$.meeting.sources",
    ]


def test_every_problem_of_a_registry_is_listed() -> None:
    """Problems of several meetings, and between meetings, come in one error."""
    good = json.loads(DOCUMENT % VALID_FIELDS)["meeting"]
    bad_date = {**good, "id": "m-2", "start": "2022-13"}
    duplicate = {**good}
    document = {"format": "turkicorg", "version": 1, "type": "MeetingRegistry"}
    text = json.dumps({**document, "meetings": [good, bad_date, {**good, "extra": 1}]})
    assert problems(text, MeetingRegistry) == [
        ("$.meetings[1].start", "invalid date '2022-13': month 13 does not exist"),
        ("$.meetings[2].extra", "unknown key"),
    ]
    text = json.dumps({**document, "meetings": [good, {**good, "id": "m-0"}, duplicate]})
    assert problems(text, MeetingRegistry) == [
        ("$.meetings[2].id", "duplicate meeting id (also at index 0)")
    ]


def test_registry_document_keys() -> None:
    """A registry document has exactly the key meetings."""
    head = '{"format":"turkicorg","version":1,"type":"MeetingRegistry"'
    assert problems(head + "}", MeetingRegistry) == [("$.meetings", "required key missing")]
    assert problems(head + ',"meetings":[],"x":1}', MeetingRegistry) == [("$.x", "unknown key")]


def test_organization_problems_are_located_in_the_file() -> None:
    """Invariant violations of an organization keep their paths, meetings by file position."""
    ots = turkicorg.load_default()
    document = json.loads(serialize.dumps(ots))
    document["memberships"][0]["party"] = "XX"
    document["memberships"][1]["end"] = "1900"
    found = [path for path, _ in problems(json.dumps(document), Organization)]
    assert found == ["$.memberships[0].party", "$.memberships[1].end"]

    document = json.loads(serialize.dumps(ots))
    document["parties"][1]["id"] = "bad id"
    assert [path for path, _ in problems(json.dumps(document), Organization)] == ["$.parties[1].id"]

    meeting = {
        "body": "CHS",
        "kind": "regular",
        "start": "2022",
        "sources": ["https://example.org/s"],
    }
    document = json.loads(serialize.dumps(ots))
    document["meetings"] = [
        {**meeting, "id": "late", "title": "t", "start": "2023"},
        {**meeting, "id": "early", "title": "t", "host": "XX"},
    ]
    assert [path for path, _ in problems(json.dumps(document), Organization)] == [
        "$.meetings[1].host"
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "malformed JSON: Expecting value (line 1, column 1)"),
        ('{"a":', "malformed JSON: Expecting value (line 1, column 6)"),
        ("[NaN]", "malformed JSON: NaN is not a JSON number"),
        ('{"a":-Infinity}', "malformed JSON: -Infinity is not a JSON number"),
        ("[" * 100_000 + "]" * 100_000, "JSON nested too deeply"),
        (
            b"{}\xff",
            "the document is not UTF-8 text: invalid start byte (byte 0xff at byte offset 2)",
        ),
        (b"\xff\xfe{\x00}\x00", "the document is UTF-16 text, not UTF-8; save it as UTF-8"),
    ],
)
def test_malformed_text(text: str | bytes, message: str) -> None:
    """Text that is not strict JSON is one located problem, never a crash."""
    assert problems(text) == [("$", message)]


def test_huge_numbers_and_non_text_are_invalid_data() -> None:
    """An integer beyond Python's digit limit and a non-text argument are InvalidDataError."""
    assert problems("[" + "9" * 5000 + "]")[0][1].startswith("malformed JSON: Exceeds the limit")
    assert problems(123)[0][1] == "expected JSON text (str or bytes), got int"  # type: ignore[arg-type]


def test_duplicate_keys_are_errors() -> None:
    """A key repeated in an object is reported where it is, at any depth."""
    text = (DOCUMENT % VALID_FIELDS).replace('"title":"Summit"', '"title":"A","title":"B"')
    assert problems(text) == [("$.meeting.title", "duplicate key")]
    nested = '{"a":[1,{"b":{"c":1,"c":2,"d x":1,"d x":2}}]}'
    assert problems(nested) == [
        ("$.a[1].b.c", "duplicate key"),
        ('$.a[1].b["d x"]', "duplicate key"),
    ]


def test_lone_surrogates_are_invalid_text() -> None:
    """Text that is not valid Unicode is refused, escaped or raw, and never reaches a file."""
    escaped = (DOCUMENT % VALID_FIELDS).replace("Summit", "\\ud800")
    assert problems(escaped) == [("$.meeting.title", "not valid Unicode text (lone surrogate)")]
    raw = (DOCUMENT % VALID_FIELDS).replace("Summit", "Sü\udc80")
    assert problems(raw) == [("$.meeting.title", "not valid Unicode text (lone surrogate)")]
    pair = (DOCUMENT % VALID_FIELDS).replace("Summit", "\\ud83d\\ude00")
    assert serialize.loads(pair, Meeting).title == "😀"


def test_size_limit() -> None:
    """Input over max_size is refused before parsing; None lifts the limit."""
    text = DOCUMENT % VALID_FIELDS
    assert problems(text, max_size=10) == [
        ("$", "the document is larger than max_size=10 characters")
    ]
    assert problems(text.encode(), max_size=10) == [
        ("$", "the document is larger than max_size=10 bytes")
    ]
    assert serialize.loads(text, Meeting, max_size=None).id == "m-1"


def test_byte_order_mark_is_ignored() -> None:
    """A UTF-8 byte order mark in front of the document is allowed."""
    text = DOCUMENT % VALID_FIELDS
    assert serialize.loads(b"\xef\xbb\xbf" + text.encode(), Meeting).id == "m-1"
    assert serialize.loads("\ufeff" + text, Meeting).id == "m-1"


def test_deep_data_inside_a_field_is_invalid_data() -> None:
    """Deeply nested values where a string belongs fail cleanly at that field."""
    deep = "[" * 900 + "]" * 900
    text = (DOCUMENT % VALID_FIELDS).replace('"Summit"', deep)
    assert problems(text) == [("$.meeting.title", "expected a string, got array")]


def test_attrs_validator_problems_are_located() -> None:
    """A bad party id is named at its field, not only at its party."""
    ots = turkicorg.load_default()
    document = json.loads(serialize.dumps(ots.state("TR")))
    document["id"] = "tr"
    document["iso2"] = "tr"
    found = problems(json.dumps(document), State)
    assert [path for path, _ in found] == ["$.id", "$.iso2"]


def test_constructor_errors_without_a_field_are_located_at_the_object() -> None:
    """An error no single field explains is reported at the object."""

    @attrs.frozen
    class Pair:
        low: int
        high: int

        def __attrs_post_init__(self) -> None:
            if self.high < self.low:
                raise ValueError("high below low")

    with pytest.raises(InvalidDataError) as caught:
        serialize.structure({"low": 2, "high": 1}, Pair)
    assert [(e.path, e.message) for e in caught.value.errors] == [("$", "high below low")]


class _Raising:
    """A stand-in converter whose structure() raises a given exception."""

    def __init__(self, error: BaseException) -> None:
        self.error = error

    def structure(self, value: object, cls: object) -> object:
        raise self.error


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (LookupError("boom"), "unexpected LookupError: boom"),
        (MemoryError(), "data too large for memory"),
        (RecursionError(), "data nested too deeply"),
    ],
)
def test_unexpected_exceptions_become_invalid_data(
    monkeypatch: pytest.MonkeyPatch, error: BaseException, message: str
) -> None:
    """No exception escapes structure() as anything but InvalidDataError."""
    monkeypatch.setattr(conversion, "converter", _Raising(error))
    with pytest.raises(InvalidDataError) as caught:
        serialize.structure({}, Meeting)
    assert caught.value.errors[0].message == message


def test_unsupported_types() -> None:
    """Only document types are written and read; anything else is UnsupportedTypeError."""
    with pytest.raises(UnsupportedTypeError, match="PartialDate"):
        serialize.dumps(PartialDate(2022))
    with pytest.raises(UnsupportedTypeError):
        serialize.loads("{}", int)
    with pytest.raises(UnsupportedTypeError):
        serialize.to_document({"a": 1})
    assert isinstance(UnsupportedTypeError(int), TypeError)


def test_values_json_cannot_hold_are_invalid_data() -> None:
    """An object built in Python with a value JSON cannot represent fails cleanly."""
    alternative = Alternative(field="f", value=object())  # type: ignore[arg-type]
    with pytest.raises(InvalidDataError, match="cannot be written as JSON"):
        serialize.dumps(alternative)
    meeting = serialize.loads(DOCUMENT % VALID_FIELDS, Meeting)
    odd = attrs.evolve(meeting, host=5)  # type: ignore[arg-type]
    assert serialize.dumps(odd) == serialize.dumps(meeting).replace(
        '"sources"', '"host":5,"sources"'
    )
    assert '"host":5' in serialize.dumps(MeetingRegistry([odd]))


# Garbage collection ---------------------------------------------------------------------------


def test_loading_restores_the_garbage_collector() -> None:
    """Bulk loading pauses the cyclic GC and restores its previous state, even on errors."""
    assert gc.isenabled()
    serialize.loads(DOCUMENT % VALID_FIELDS, Meeting)
    assert gc.isenabled()
    with pytest.raises(InvalidDataError):
        serialize.loads("[", Meeting)
    assert gc.isenabled()
    gc.disable()
    try:
        serialize.loads(DOCUMENT % VALID_FIELDS, Meeting)
        assert not gc.isenabled()
    finally:
        gc.enable()
    with common.gc_paused:
        with common.gc_paused:
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


# Files ----------------------------------------------------------------------------------------


@given(tst.hostile_registries(max_size=4))
def test_dump_load_round_trip(registry: MeetingRegistry) -> None:
    """A registry written to a file reads back equal; the file is the dumps text + newline."""
    folder = Path(os.environ.get("TMPDIR", "/tmp"))  # noqa: S108 - hypothesis cannot use tmp_path
    path = folder / f"turkicorg-test-{os.getpid()}.json"
    try:
        serialize.dump(registry, path)
        assert path.read_bytes() == (serialize.dumps(registry) + "\n").encode()
        assert serialize.load(path, MeetingRegistry) == registry
        assert serialize.load(str(path), MeetingRegistry) == registry
    finally:
        path.unlink(missing_ok=True)


def test_load_from_open_files(tmp_path: Path) -> None:
    """load takes an open binary or text file as well as a path."""
    meeting = serialize.loads(DOCUMENT % VALID_FIELDS, Meeting)
    path = tmp_path / "m.json"
    serialize.dump(meeting, path, indent=2)
    with path.open("rb") as binary:
        assert serialize.load(binary, Meeting) == meeting
    with path.open(encoding="utf-8") as text:
        assert serialize.load(text, Meeting) == meeting
    assert serialize.load(io.StringIO(DOCUMENT % VALID_FIELDS), Meeting) == meeting


def test_load_problems_with_the_file(tmp_path: Path) -> None:
    """A missing file or a folder is a DataFileError (also an OSError); too large is invalid."""
    with pytest.raises(DataFileError) as caught:
        serialize.load(tmp_path / "missing.json", Meeting)
    assert isinstance(caught.value, OSError)
    assert caught.value.path.endswith("missing.json")
    assert "cannot read" in str(caught.value)
    with pytest.raises(DataFileError):
        serialize.load(tmp_path, Meeting)
    big = tmp_path / "big.json"
    big.write_text(DOCUMENT % VALID_FIELDS)
    with pytest.raises(InvalidDataError, match="larger than max_size=20 bytes"):
        serialize.load(big, Meeting, max_size=20)


def test_interrupted_dump_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failure while syncing leaves the previous content and no temporary file behind."""
    path = tmp_path / "registry.json"
    path.write_text("old content")

    def broken_fsync(descriptor: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(DataFileError, match="no space left on the device") as caught:
        serialize.dump(MeetingRegistry(), path)
    assert caught.value.errno == 28
    assert path.read_text() == "old content"
    assert [p.name for p in tmp_path.iterdir()] == ["registry.json"]


def test_failing_write_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A disk that fills up after half the bytes leaves the old file and no temporary file."""
    path = tmp_path / "registry.json"
    path.write_text("old content")
    real_write = os.write

    def half_then_full(descriptor: int, data: Any) -> int:
        real_write(descriptor, bytes(data)[: len(data) // 2])
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "write", half_then_full)
    registry = MeetingRegistry([serialize.loads(DOCUMENT % VALID_FIELDS, Meeting)])
    with pytest.raises(DataFileError, match="no space left"):
        serialize.dump(registry, path)
    assert path.read_text() == "old content"
    assert [p.name for p in tmp_path.iterdir()] == ["registry.json"]


def test_failure_in_the_middle_of_writing_keeps_the_old_file(tmp_path: Path) -> None:
    """An error between two written chunks removes the partial temporary file."""
    path = tmp_path / "meetings.jsonl"
    path.write_text("old lines\n")
    good = serialize.loads(DOCUMENT % VALID_FIELDS, Meeting)
    bad = attrs.evolve(good, id="m-2", title="broken \udc80 text")

    with pytest.raises(InvalidDataError, match="lone surrogate"):
        serialize.dump_lines([good, bad], path)
    assert path.read_text() == "old lines\n"
    assert [p.name for p in tmp_path.iterdir()] == ["meetings.jsonl"]

    def interrupted() -> Any:
        yield good
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        serialize.dump_lines(interrupted(), path)
    assert path.read_text() == "old lines\n"
    assert [p.name for p in tmp_path.iterdir()] == ["meetings.jsonl"]


def test_dump_problems(tmp_path: Path) -> None:
    """Unwritable targets and unencodable text raise before anything is replaced."""
    with pytest.raises(DataFileError):
        serialize.dump(MeetingRegistry(), tmp_path / "no-such-folder" / "x.json")
    (tmp_path / "folder").mkdir()
    with pytest.raises(DataFileError):
        serialize.dump(MeetingRegistry(), tmp_path / "folder")
    assert [p.name for p in (tmp_path / "folder").iterdir()] == []
    meeting = serialize.loads(DOCUMENT % VALID_FIELDS, Meeting)
    with pytest.raises(InvalidDataError, match="lone surrogate"):
        serialize.dump(attrs.evolve(meeting, note="\ud800"), tmp_path / "x.json")
    assert not (tmp_path / "x.json").exists()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_dump_keeps_permissions_and_writes_through_links(tmp_path: Path) -> None:
    """Replacing a file keeps its mode; a symbolic link keeps pointing at the new content."""
    target = tmp_path / "data.json"
    target.write_text("{}")
    target.chmod(0o640)
    link = tmp_path / "link.json"
    link.symlink_to(target)
    serialize.dump(MeetingRegistry(), link)
    assert link.is_symlink()
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert serialize.load(link, MeetingRegistry) == MeetingRegistry()


# JSON Lines -----------------------------------------------------------------------------------

HEADER = '{"format":"turkicorg","version":1,"type":"Meeting"}'
LINE = "{" + VALID_FIELDS + "}"


def compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


@given(tst.hostile_registries())
def test_json_lines_round_trip(registry: MeetingRegistry) -> None:
    """dump_lines then iter_load gives the meetings back: a header, then a meeting a line."""
    folder = Path(os.environ.get("TMPDIR", "/tmp"))  # noqa: S108 - hypothesis cannot use tmp_path
    path = folder / f"turkicorg-test-{os.getpid()}.jsonl"
    try:
        serialize.dump_lines(registry, path)
        lines = path.read_text(encoding="utf-8").split("\n")
        assert lines == [HEADER, *(compact(serialize.unstructure(m)) for m in registry), ""]
        assert list(serialize.iter_load(path)) == list(registry)
        assert serialize.load_lines(path) == registry
    finally:
        path.unlink(missing_ok=True)


def test_json_lines_from_open_files() -> None:
    """iter_load and load_lines read text and binary streams; blank lines are skipped."""
    text = f"\n{HEADER}\n\n{LINE}\n   \n"
    assert [m.id for m in serialize.iter_load(io.StringIO(text))] == ["m-1"]
    assert len(serialize.load_lines(io.BytesIO(("\ufeff" + text).encode()))) == 1


def test_concatenated_json_lines_files_are_read() -> None:
    """A second header (two files joined with cat) is accepted."""
    second = LINE.replace("m-1", "m-2")
    registry = serialize.load_lines(io.StringIO(f"{HEADER}\n{LINE}\n{HEADER}\n{second}\n"))
    assert [m.id for m in registry] == ["m-1", "m-2"]


def test_json_lines_errors_name_the_line() -> None:
    """A bad line is reported with its line number; load_lines reports every bad line."""
    bad_start = LINE.replace("2022-11-11", "2022-11-31")
    text = "\n".join([HEADER, LINE, "", bad_start, "{", LINE.replace("m-1", "m-2")]) + "\n"
    reader = serialize.iter_load(io.StringIO(text))
    assert next(reader).id == "m-1"
    with pytest.raises(InvalidDataError) as caught:
        next(reader)
    assert caught.value.errors[0].path == "$[line 4].start"
    with pytest.raises(InvalidDataError) as caught:
        serialize.load_lines(io.StringIO(text))
    assert [e.path for e in caught.value.errors] == ["$[line 4].start", "$[line 5]"]

    duplicate = "\n".join([HEADER, LINE, LINE.replace("Summit", "Other"), LINE])
    with pytest.raises(InvalidDataError) as caught:
        serialize.load_lines(io.StringIO(duplicate))
    assert [(e.path, e.message) for e in caught.value.errors] == [
        ("$[line 3].id", "duplicate meeting id (also at line 2)"),
        ("$[line 4].id", "duplicate meeting id (also at line 2)"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", ("$[line 1]", "no header line (the file is empty)")),
        ("\n\n", ("$[line 3]", "no header line (the file is empty)")),
        (LINE + "\n", ("$[line 1]", f"expected the header line {HEADER}")),
        (
            HEADER.replace("turkicorg", "other"),
            ("$[line 1].format", "not a turkicorg file (expected format 'turkicorg')"),
        ),
        (
            HEADER.replace("1", "0") + "\n" + LINE,
            ("$[line 1].version", "expected a positive integer version"),
        ),
        (
            HEADER.replace("Meeting", "State"),
            ("$[line 1].type", "expected a file of Meeting lines"),
        ),
        ("[", ("$[line 1]", "malformed JSON: Expecting value (line 1, column 2)")),
    ],
)
def test_json_lines_header_problems(text: str, expected: tuple[str, str]) -> None:
    """A file must start with the header line; reading stops at a bad one."""
    with pytest.raises(InvalidDataError) as caught:
        serialize.load_lines(io.StringIO(text))
    assert [(e.path, e.message) for e in caught.value.errors] == [expected]


def test_json_lines_from_a_newer_release() -> None:
    """A header with a future version is an UnsupportedVersionError located at its line."""
    with pytest.raises(UnsupportedVersionError) as caught:
        list(serialize.iter_load(io.StringIO("\n" + HEADER.replace("1", "7"))))
    assert caught.value.version == 7
    assert caught.value.errors[0].path == "$[line 2].version"


def test_json_lines_migrate_old_lines(version_2: dict[int, serialize.Migration]) -> None:
    """Lines under a version-1 header go through the migrations, as whole documents do."""

    @serialize.register_migration(1)
    def rename(document: dict[str, Any]) -> dict[str, Any]:
        document["meeting"]["title"] = document["meeting"]["title"].upper()
        return document

    (meeting,) = serialize.iter_load(io.StringIO(f"{HEADER}\n{LINE}\n"))
    assert meeting.title == "SUMMIT"


def test_json_lines_line_limit_and_files(tmp_path: Path) -> None:
    """Over-long lines stop reading with a located error; missing files fail at once."""
    with pytest.raises(InvalidDataError, match="longer than max_line_size=60"):
        list(serialize.iter_load(io.StringIO(f"{HEADER}\n{LINE}\n"), max_line_size=60))
    with pytest.raises(InvalidDataError) as caught:
        serialize.load_lines(
            io.StringIO(f"{HEADER}\n{LINE}\n{LINE}x\n"), max_line_size=len(LINE) + 1
        )
    assert [e.path for e in caught.value.errors] == ["$[line 3]"]
    with pytest.raises(DataFileError):
        serialize.iter_load(tmp_path / "missing.jsonl")
    with pytest.raises(DataFileError):
        serialize.load_lines(tmp_path / "missing.jsonl")
    state = State(id="XO", short_name="Oz", official_name="Oz")
    with pytest.raises(UnsupportedTypeError):
        serialize.dump_lines([state], tmp_path / "x")  # type: ignore[list-item]


def test_json_lines_read_errors_are_data_file_errors() -> None:
    """A stream that fails while being read raises DataFileError."""

    class Failing(io.StringIO):
        def readline(self, size: int | None = -1) -> str:
            raise OSError(5, "Input/output error")

    with pytest.raises(DataFileError, match="Input/output error"):
        list(serialize.iter_load(Failing()))
    with pytest.raises(DataFileError, match="Input/output error"):
        serialize.load_lines(Failing())


def test_json_lines_fall_back_to_the_strict_writer() -> None:
    """A meeting the fast writer declines is still written, exactly as the converter does."""
    meeting = serialize.loads(DOCUMENT % VALID_FIELDS, Meeting)
    odd = attrs.evolve(meeting, host=5)  # type: ignore[arg-type]
    lines = list(serialize.iter_dumps([odd]))
    assert lines == [HEADER + "\n", compact(serialize.unstructure(odd)) + "\n"]


def test_status_strategies_cover_memberships() -> None:
    """Memberships of both statuses survive (a pinned example of the round trip)."""
    membership = Membership(party="HU", status=Status.OBSERVER, start=PartialDate(2018, 9, 3))
    assert serialize.loads(serialize.dumps(membership), Membership) == membership
    appointment = turkicorg.load_default().appointments[0]
    assert serialize.loads(serialize.dumps(appointment), Appointment) == appointment


def test_booleans_and_days_are_strict() -> None:
    """A boolean must be true or false; a full date must be a real YYYY-MM-DD day."""
    membership = serialize.to_document(
        Membership(party="HU", status=Status.OBSERVER, start=PartialDate(2018, 9, 3))
    )
    assert problems(json.dumps({**membership, "founding": "yes"}), Membership) == [
        ("$.founding", "expected true or false, got string")
    ]
    document = json.loads(serialize.dumps(turkicorg.load_default()))
    for day, message in [
        ("2023-02-30", "invalid date '2023-02-30': no such day"),
        ("2023-2-3", "expected a date written YYYY-MM-DD"),
    ]:
        found = problems(json.dumps({**document, "last_verified": day}), Organization)
        assert found == [("$.last_verified", message)]


def test_organization_meeting_problems_keep_file_positions() -> None:
    """Problems inside an organization's meetings are located by their place in the file."""
    document = json.loads(serialize.dumps(turkicorg.load_default()))
    meeting = {
        "id": "m",
        "body": "CHS",
        "kind": "regular",
        "title": "t",
        "sources": ["https://example.org/s"],
    }
    document["meetings"] = [
        {**meeting, "start": "2023"},
        {**meeting, "id": "n", "start": "2022-13"},
    ]
    assert problems(json.dumps(document), Organization) == [
        ("$.meetings[1].start", "invalid date '2022-13': month 13 does not exist")
    ]
    document["meetings"] = {"not": "a list"}
    assert problems(json.dumps(document), Organization) == [
        ("$.meetings", "expected an array, got object")
    ]


def test_validator_errors_skip_fields_outside_the_constructor() -> None:
    """Fields that are not constructor arguments are ignored when locating a validator error."""

    @attrs.frozen
    class Counted:
        count: int = attrs.field(validator=attrs.validators.ge(0))
        cache: int = attrs.field(init=False, default=0)

    with pytest.raises(InvalidDataError) as caught:
        serialize.structure({"count": -1}, Counted)
    assert [e.path for e in caught.value.errors] == ["$.count"]


def test_shared_objects_are_written_once_and_alike() -> None:
    """A registry read by the fast path (shared places and participants) writes the same text."""
    alternative = Alternative(field="start", value="2022", sources=("https://example.org/a",))
    meeting = serialize.loads(DOCUMENT % VALID_FIELDS, Meeting)
    meetings = [
        attrs.evolve(
            meeting,
            id=f"m-{i}",
            place=turkicorg.Place(city="Baku"),
            participants=(turkicorg.Participant(party="AZ"),),
            alternatives=(alternative,),
        )
        for i in range(3)
    ]
    text = serialize.dumps(MeetingRegistry(meetings))
    again = serialize.loads(text, MeetingRegistry)
    assert again.meetings[0].place is again.meetings[1].place
    assert serialize.dumps(again) == text
    assert (
        '"alternatives":[{"field":"start","value":"2022","sources":["https://example.org/a"]}]'
        in text
    )


def test_parser_memory_errors_are_invalid_data(monkeypatch: pytest.MonkeyPatch) -> None:
    """Running out of memory while parsing is reported as too large, not raised raw."""

    def exhausted(*args: object, **kwargs: object) -> object:
        raise MemoryError

    monkeypatch.setattr(json, "loads", exhausted)
    assert problems("{}") == [("$", "JSON too large for memory")]


def test_folder_sync_is_best_effort(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Syncing the folder after the rename never fails a write that already succeeded."""
    fileio.sync_folder(tmp_path / "missing")
    calls: list[int] = []

    def refuse(descriptor: int) -> None:
        calls.append(descriptor)
        raise OSError(22, "Invalid argument")

    monkeypatch.setattr(os, "fsync", refuse)
    fileio.sync_folder(tmp_path)
    assert calls
