"""The quick path for whole documents against the strict converter: same objects, or it declines."""

from __future__ import annotations

import copy
import enum
import json
import subprocess
import sys
import threading
import types
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from turkicorg import (
    InvalidDataError,
    MeetingRegistry,
    Organization,
    OrganizationRecord,
    PartialDate,
    Person,
    State,
    load_default,
    serialize,
)
from turkicorg import strategies as tst
from turkicorg.data import read_document
from turkicorg.serialize import conversion, quickread
from turkicorg.serialize.common import Reject
from turkicorg.serialize.fastread import FAST_PATH, FastPath
from turkicorg.serialize.quickread import quick_document, quick_record, quick_structure, reader_for


@pytest.fixture(autouse=True)
def fresh_readers(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test builds the quick readers it uses (none inherited from an earlier test)."""
    monkeypatch.setattr(quickread, "_objects", {})
    monkeypatch.setattr(quickread, "_documents", set())


def embedded_document() -> dict[str, Any]:
    """The embedded dataset as one Organization document (as the data loader builds it)."""
    return {
        **read_document("organization.json"),
        "meetings": read_document("meetings.json")["meetings"],
    }


def fields_of(document: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in document.items() if k not in ("format", "version", "type")}


def test_the_embedded_data_is_read_by_the_quick_path() -> None:
    """The quick path builds the embedded organization, equal to the strict converter's."""
    document = embedded_document()
    found = quick_document(document, Organization)
    assert found is not None
    assert found == conversion.structure(fields_of(document), Organization)
    assert found == load_default()
    assert len(found.meetings) == len(load_default().meetings) > 0


def imported_after(code: str, prefixes: tuple[str, ...]) -> list[str]:
    """The modules named with one of ``prefixes`` that a new process has after ``code``."""
    check = (
        f"{code}; import sys; print(sorted(m for m in sys.modules if m.startswith({prefixes!r})))"
    )
    done = subprocess.run(  # noqa: S603 - our own interpreter
        [sys.executable, "-c", check], capture_output=True, text=True, check=True
    )
    return list(json.loads(done.stdout.replace("'", '"')))


def test_loading_the_embedded_data_does_not_import_cattrs() -> None:
    """The embedded dataset loads without the strict converter (the start-up saving)."""
    code = (
        "import turkicorg; ots = turkicorg.load_default(); "
        "assert ots.id == 'OTS' and len(ots.meetings) > 0"
    )
    assert imported_after(code, ("cattrs",)) == []


REGISTRY_ROUND_TRIP = (
    "from turkicorg import serialize, load_default; from turkicorg.registry import "
    "MeetingRegistry; registry = load_default().meetings; text = serialize.dumps(registry); "
    "back = serialize.loads(text, MeetingRegistry); assert back == registry; "
    "assert serialize.dumpb(back) == text.encode(); first = back.meetings[0]; "
    "assert serialize.loads(serialize.dumps(first), type(first)) == first"
)


def test_registry_and_meeting_documents_do_not_import_cattrs() -> None:
    """Reading and writing registries and meetings takes the fast paths, without cattrs."""
    assert imported_after(REGISTRY_ROUND_TRIP, ("cattrs", "turkicorg.serialize.conversion")) == []


LINES_AND_CSV = (
    "import io; from turkicorg import load_default; from turkicorg.export import csvfmt; "
    "from turkicorg.serialize import lines; registry = load_default().meetings; "
    "text = ''.join(lines.iter_dumps(registry)); "
    "assert lines.load_lines(io.StringIO(text)) == registry; "
    "assert csvfmt.from_csv(csvfmt.to_csv(registry)) == registry"
)


def test_json_lines_and_csv_do_not_import_cattrs() -> None:
    """Meetings written and read as JSON Lines and as CSV take the fast paths too."""
    assert imported_after(LINES_AND_CSV, ("cattrs", "turkicorg.serialize.conversion")) == []


DECLINED_MEETING = (
    'text = serialize.dumps(first).replace(\'"id"\', \'"extra":1,"id"\', 1); '
    "serialize.loads(text, type(first))"
)
DECLINED_LINE = 'lines.load_lines(io.StringIO(text.replace(\'"id"\', \'"extra":1,"id"\', 1)))'
DECLINED_ROW = "csvfmt.from_csv(csvfmt.to_csv(registry).replace(',regular,', ',usual,', 1))"
ORGANIZATION_WRITTEN = (
    "ots = load_default(); assert serialize.loads(serialize.dumps(ots), type(ots)) == ots"
)


@pytest.mark.parametrize(
    ("code", "problem"),
    [
        (DECLINED_MEETING, "unknown key"),  # the fast reader declines; the converter names it
        (ORGANIZATION_WRITTEN, ""),  # an Organization is written by the converter
        (DECLINED_LINE, "unknown key"),  # the same for a line of JSON Lines
        (DECLINED_ROW, "@ $[row 2].kind"),  # and for a row of CSV
    ],
)
def test_the_converter_is_imported_when_a_document_needs_it(code: str, problem: str) -> None:
    """Off the fast paths the strict converter is imported then, and reports as before."""
    setup = f"{REGISTRY_ROUND_TRIP}; {LINES_AND_CSV}"
    attempt = f"{setup}\ntry:\n    {code}\nexcept Exception as e:\n    print(e)"
    done = subprocess.run(  # noqa: S603 - our own interpreter
        [sys.executable, "-c", f"{attempt}\nimport sys; print('cattrs' in sys.modules)"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.rstrip().endswith("True")
    assert problem in done.stdout


@given(tst.full_organizations(max_meetings=4))
def test_every_valid_organization_is_read_quickly(organization: Organization) -> None:
    """Every organization the library writes is read by the quick path, into an equal one."""
    document = json.loads(serialize.dumps(organization))
    found = quick_document(document, Organization)
    assert found == organization
    assert found == conversion.structure(fields_of(document), Organization)


@given(tst.parties())
def test_every_valid_state_is_read_quickly(state: State) -> None:
    """Nested local and former names, dates and sources: read quickly, equal to the original."""
    assert quick_document(json.loads(serialize.dumps(state)), State) == state


@given(tst.hostile_registries(max_size=4))
def test_a_registry_is_read_by_the_meetings_fast_path(registry: MeetingRegistry) -> None:
    """A registry's meetings go through the fast path for meetings, in input order."""
    meetings = json.loads(serialize.dumps(registry))["meetings"]
    assert quick_structure(meetings, MeetingRegistry) == registry


VALID_STATE: dict[str, Any] = fields_of(json.loads(serialize.dumps(load_default().parties[0])))


@pytest.mark.parametrize(
    ("change", "why"),
    [
        ({"id": 5}, "a number for a string"),
        ({"id": True}, "a boolean for a string"),
        ({"id": "\ud800"}, "a lone surrogate"),
        ({"short_name": ""}, "refused by the class's validator"),
        ({"sources": "https://example.org/a"}, "a string for an array"),
        ({"sources": ("https://example.org/a",)}, "a tuple is not a JSON array"),
        ({"zzz": 1}, "an unknown key"),
        ({"kind": "kingdom"}, "not a member of the enumeration"),
        ({"local_names": [{"lang": "tr"}]}, "a nested object without a required key"),
        ({"local_names": ["tr"]}, "a string for a nested object"),
        ({"local_names": [None]}, "null for a nested object"),
    ],
)
def test_the_quick_path_declines_what_the_strict_path_refuses(
    change: dict[str, Any], why: str
) -> None:
    """Each of these the strict converter refuses; the quick path declines it (``why``)."""
    data = {**copy.deepcopy(VALID_STATE), **change}
    assert quick_structure(VALID_STATE, State) is not None
    with pytest.raises(InvalidDataError):
        conversion.structure(data, State)
    assert quick_structure(data, State) is None, why


def test_a_missing_required_key_and_an_absent_default() -> None:
    """A required key missing declines; an absent key with a default takes the default."""
    data = copy.deepcopy(VALID_STATE)
    del data["id"]
    assert quick_structure(data, State) is None
    sparse = {k: v for k, v in VALID_STATE.items() if k in ("id", "short_name", "official_name")}
    state = quick_structure({**sparse, "sources": VALID_STATE["sources"]}, State)
    assert state == conversion.structure({**sparse, "sources": VALID_STATE["sources"]}, State)
    assert state is not None
    assert state.local_names == ()


def test_optional_values_may_be_null() -> None:
    """``X | None`` fields accept null, as the strict converter does."""
    document = embedded_document()
    meetings = document["meetings"]
    with_place = next(m for m in meetings if "place" in m)
    assert quick_structure([{**with_place, "place": None}], MeetingRegistry) is not None
    memberships = document["memberships"]
    open_ended = {**memberships[0], "end": None}
    assert quick_structure({**fields_of(document), "memberships": [open_ended]}, Organization) == (
        conversion.structure({**fields_of(document), "memberships": [open_ended]}, Organization)
    )


@pytest.mark.parametrize(
    ("change", "why"),
    [
        ({"format": "other"}, "another format"),
        ({"format": None}, "no format"),
        ({"version": True}, "true is not the version 1"),
        ({"version": 1.0}, "1.0 is not the version 1"),
        ({"version": 0}, "an older version: the strict path migrates"),
        ({"type": "State"}, "another type"),
        ({"type": None}, "no type"),
    ],
)
def test_the_envelope_must_be_the_current_one(change: dict[str, Any], why: str) -> None:
    """Any other envelope is the strict path's (it migrates or reports)."""
    document = {**embedded_document(), **change}
    assert quick_document(document, Organization) is None, why


def test_documents_the_quick_path_leaves_alone() -> None:
    """Not an object, a class with fields under a key, a registry, the fast path switched off."""
    document = embedded_document()
    assert quick_document([document], Organization) is None
    meeting = json.loads(serialize.dumps(next(iter(load_default().meetings))))
    assert quick_document(meeting, serialize.DOCUMENT_TYPES["Meeting"]) is None
    registry = json.loads(serialize.dumps(load_default().meetings))
    assert quick_document(registry, MeetingRegistry) is None
    with FAST_PATH.disabled():
        assert quick_document(document, Organization) is None
        assert quick_structure(fields_of(document), Organization) is None
        assert quick_structure(VALID_STATE, State) is None  # no meetings in it: the switch
    assert quick_document(document, Organization) is not None


def test_a_duplicate_meeting_id_declines() -> None:
    """Problems between meetings are left to the strict path, which locates them."""
    meetings = embedded_document()["meetings"]
    assert quick_structure([meetings[0], meetings[0]], MeetingRegistry) is None


@attrs.frozen
class Tree:
    """A class holding itself."""

    children: tuple[Tree, ...] = ()


@attrs.frozen
class Unresolvable:
    """A class whose annotation names nothing (its type hints cannot be resolved)."""

    part: Nowhere  # type: ignore[name-defined]  # noqa: F821


def test_types_it_does_not_read() -> None:
    """A field of a type not listed, or a class holding itself: the strict path reads the class."""

    @attrs.frozen
    class Ratio:
        value: float

    @attrs.frozen
    class Listed:
        names: list[str]

    @attrs.frozen
    class Holder:
        ratio: Ratio | None = None

    assert reader_for(Ratio) is None
    assert reader_for(Tree) is None
    assert reader_for(Unresolvable) is None
    assert reader_for(Listed) is None
    assert reader_for(Holder) is None
    assert reader_for(dict[str, int]) is None
    assert reader_for(tuple[int, str]) is None  # a fixed-length tuple is not an array
    assert reader_for(float) is None
    assert reader_for(int | str) is None
    assert reader_for(None | int) is None
    assert quick_structure({"value": 1.0}, Ratio) is None
    assert reader_for(int | None) is not None
    assert reader_for(State) is reader_for(State)


def test_private_fields_are_passed_by_their_alias() -> None:
    """A field ``_x`` is read from the key ``_x`` and passed as ``x`` (as cattrs does)."""

    @attrs.frozen
    class Secret:
        _code: str
        label: str = "none"

    read = reader_for(Secret)
    assert read is not None
    assert read({"_code": "K"}) == Secret("K")
    assert read({"_code": "K", "label": "L"}) == Secret("K", "L")
    with pytest.raises(Reject):
        read({"code": "K"})


@given(st.recursive(st.none() | st.integers() | st.text(max_size=3), st.lists, max_leaves=5))
def test_anything_that_is_not_an_object_declines(value: Any) -> None:
    """A scalar or an array where an object belongs declines."""
    assert quick_structure(value, State) is None


def test_deep_nesting_declines_instead_of_crashing() -> None:
    """Data nested beyond the recursion limit declines (the strict path reports it)."""
    deep: Any = "x"
    for _ in range(sys.getrecursionlimit() + 100):
        deep = [deep]
    assert quick_structure({**VALID_STATE, "sources": deep}, State) is None


def test_unknown_enum_values_keep_their_strict_message() -> None:
    """After a decline, from_document reports as before (the strict path's located problem)."""
    document = {**embedded_document(), "parties": [{**VALID_STATE, "kind": "kingdom"}]}
    with pytest.raises(InvalidDataError) as caught:
        serialize.from_document(document, Organization)
    assert [e.path for e in caught.value.errors] == ["$.parties[0].kind"]


def test_the_module_is_documented_in_the_package() -> None:
    """The quick path is listed in the serialize package's description of its modules."""
    assert quickread.__doc__
    assert "declines" in quickread.__doc__


def test_readers_built_by_several_threads_at_once_all_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A class another thread is still building is waited for, not taken as unsupported.

    Resolving a class's annotations is slowed down here, so the threads' builds overlap; the
    classes are new ones (their types given as objects), so no reader of them exists yet.
    """
    leaf = attrs.make_class(
        "Leaf", {"name": attrs.field(type=str), "note": attrs.field(type=str | None, default=None)}
    )
    branch = attrs.make_class(
        "Branch",
        {
            "leaves": attrs.field(type=tuple[leaf, ...], default=()),  # type: ignore[valid-type]
            "first": attrs.field(type=leaf | None, default=None),
        },
    )
    resolve = attrs.resolve_types
    entered = threading.Event()

    def slow_resolve(cls: Any) -> Any:
        entered.set()
        threading.Event().wait(0.05)
        return resolve(cls)

    monkeypatch.setattr(attrs, "resolve_types", slow_resolve)
    found: list[object] = []

    def build() -> None:
        found.append(reader_for(branch))

    first = threading.Thread(target=build)
    first.start()
    entered.wait()
    others = [threading.Thread(target=build) for _ in range(3)]
    for thread in others:
        thread.start()
    for thread in [first, *others]:
        thread.join()
    assert len(found) == 4
    assert all(reader is found[0] and reader is not None for reader in found)
    assert found[0]({"leaves": [{"name": "a"}]}) == branch((leaf("a"),))  # type: ignore[operator]


def test_the_embedded_data_falls_back_on_the_strict_converter(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Should the quick path decline the embedded data, the converter builds the same."""
    from turkicorg import data  # noqa: PLC0415

    quick = load_default()
    monkeypatch.setattr(data, "_cache", {})
    with FAST_PATH.disabled():
        strict = data.load_default()
    assert strict is not quick
    assert strict == quick


class Colour(enum.StrEnum):
    """An enumeration the model does not have."""

    RED = "red"


@attrs.frozen
class Paint:
    """Not a document type: the strict converter reads its enumeration as a plain string."""

    colour: Colour


def test_only_document_types_are_read() -> None:
    """A class outside the model is left to the converter, whose hooks differ for it."""
    assert reader_for(Paint) is not None
    assert conversion.structure({"colour": "red"}, Paint) == Paint("red")  # type: ignore[arg-type]
    assert quick_structure({"colour": "red"}, Paint) is None
    assert quick_structure("2020", PartialDate) is None
    assert quick_structure({"id": "p1"}, Person) is None  # a document type: declined on its data


class FakeList(list[str]):
    """A list subclass that claims to be a list."""

    @property  # type: ignore[misc]
    def __class__(self) -> type:  # type: ignore[override]
        return list


class Exploding(list[str]):
    """A list subclass whose items cannot be read."""

    def __iter__(self) -> Any:
        raise RuntimeError("boom")


def test_objects_that_fake_their_class_are_left_to_the_strict_path() -> None:
    """Types are checked with ``type()``, which an object cannot fake; any failure declines."""
    person = fields_of(json.loads(serialize.dumps(load_default().people[0])))
    faked = {**person, "sources": FakeList(person["sources"])}
    assert faked["sources"].__class__ is list
    assert quick_structure(faked, Person) is None
    with pytest.raises(InvalidDataError):
        conversion.structure(faked, Person)
    exploding = {**person, "sources": Exploding(person["sources"])}
    assert quick_structure(exploding, Person) is None
    document = {"format": "turkicorg", "version": 1, "type": "Person", **exploding}
    with pytest.raises(InvalidDataError) as caught:
        serialize.from_document(document, Person)
    assert [e.path for e in caught.value.errors] == ["$.sources"]
    assert quick_document({**document, "version": FakeInt(1)}, Person) is None


class FakeInt(int):
    """An int subclass that claims to be an int."""

    @property  # type: ignore[misc]
    def __class__(self) -> type:  # type: ignore[override]
        return int


def record_values(record: OrganizationRecord) -> tuple[object, ...]:
    """The values of a record's fields (an Organization's record part)."""
    return tuple(getattr(record, f.name) for f in attrs.fields(OrganizationRecord) if f.init)


def test_the_embedded_record_is_read_alone() -> None:
    """quick_record builds the embedded organization's record: the same values as the whole."""
    record = quick_record(read_document("organization.json"))
    assert type(record) is OrganizationRecord
    assert record_values(record) == record_values(load_default())
    assert record.memberships  # not an empty record
    assert record.appointments


@given(tst.full_organizations(max_meetings=2))
def test_every_organization_record_is_read_alone(organization: Organization) -> None:
    """The record of every organization the library writes, read without its meetings."""
    document = json.loads(serialize.dumps(organization))
    document.pop("meetings", None)  # left out when there are none
    record = quick_record(document)
    assert record is not None
    assert record_values(record) == record_values(organization)


@pytest.mark.parametrize(
    "change",
    [
        {"meetings": []},  # a document with meetings is read whole
        {"type": "OrganizationRecord"},  # not a document type
        {"type": "MeetingRegistry"},
        {"version": 2},  # migrations are the strict path's
        {"format": "other"},
        {"id": 5},  # a wrong type: the strict path locates it
        {"memberships": "AZ"},
        {"unknown": 1},
    ],
)
def test_quick_record_declines(change: dict[str, Any]) -> None:
    """A document quick_record does not read gives None (the caller reads it whole)."""
    document = {**read_document("organization.json"), **change}
    assert quick_record(document) is None


def test_quick_record_declines_a_broken_record_and_when_switched_off() -> None:
    """A broken invariant declines (the strict path reports it); so does the switch."""
    document = read_document("organization.json")
    broken = copy.deepcopy(document)
    broken["memberships"].append(broken["memberships"][0])  # an overlapping membership
    assert quick_record(broken) is None
    assert quick_record([document]) is None
    with FAST_PATH.disabled():
        assert quick_record(document) is None
    assert quick_record(document) is not None


def test_the_record_imports_no_meeting_module() -> None:
    """Reading the record alone imports neither the meetings, their readers nor cattrs."""
    code = (
        "from turkicorg.serialize.quickread import quick_record; "
        "from turkicorg.data import read_document; "
        "record = quick_record(read_document('organization.json')); "
        "assert type(record).__name__ == 'OrganizationRecord'"
    )
    meetings = ("turkicorg.meetings", "turkicorg.registry", "turkicorg.organization")
    readers = ("turkicorg.serialize.fast", "turkicorg.serialize.conversion", "cattrs")
    assert imported_after(code, meetings + readers) == []
    assert imported_after(code, ("turkicorg.record",)) == ["turkicorg.record"]  # not vacuous


def test_an_instance_is_not_a_class_to_read() -> None:
    """A model object given for the class declines (it has attrs fields, not a class name)."""
    ots = load_default()
    assert quick_document(embedded_document(), ots) is None  # type: ignore[arg-type]
    assert quick_document(embedded_document(), Organization) is not None


def test_an_interrupted_build_is_not_remembered(monkeypatch: pytest.MonkeyPatch) -> None:
    """A reader whose build fails (interrupted, a module half imported) is built next time."""
    document = read_document("organization.json")
    build = quickread._object

    def interrupted(cls: type) -> object:
        raise RuntimeError(cls)

    monkeypatch.setattr(quickread, "_object", interrupted)
    assert quick_record(document) is None
    monkeypatch.setattr(quickread, "_object", build)
    assert quick_record(document) is not None


def test_modules_being_imported_by_another_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    """A module found half imported (its names not made yet) is read as not there yet."""
    document = read_document("organization.json")
    assert quickread._is_registry(MeetingRegistry)
    assert not quickread._is_registry(OrganizationRecord)
    monkeypatch.setitem(sys.modules, "turkicorg.registry.core", types.ModuleType("half"))
    assert not quickread._is_registry(MeetingRegistry)
    assert not quickread._is_registry(None)  # a module without the class matches nothing
    half = types.ModuleType("turkicorg.serialize.fastread")
    monkeypatch.setitem(sys.modules, "turkicorg.serialize.fastread", half)
    assert quick_record(document) is not None  # no switch made yet: nobody switched it off
    half.FAST_PATH = FastPath(applies=True)  # type: ignore[attr-defined]
    half.FAST_PATH.enabled = False  # type: ignore[attr-defined]
    assert quick_record(document) is None
