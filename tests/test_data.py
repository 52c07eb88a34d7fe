"""The embedded dataset: loading, caching, zip-safety, provenance."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path
from typing import Any

import attrs
import pytest

import turkicorg
from turkicorg import data, serialize


def test_loading_is_cached_and_thread_safe() -> None:
    """Concurrent first calls all get the same immutable object."""
    data._cache.clear()
    results: list[turkicorg.Organization] = []

    def load() -> None:
        results.append(turkicorg.load_default())

    threads = [threading.Thread(target=load) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len({id(r) for r in results}) == 1
    assert turkicorg.load_default() is results[0]


def test_every_document_declares_format_and_version() -> None:
    """Each embedded file is a versioned turkicorg document."""
    for name in data.DATA_FILES:
        document = data.read_document(name)
        assert document["format"] == "turkicorg"
        assert document["version"] == 1
    assert data.read_document("organization.json")["type"] == "Organization"
    assert data.read_document("meetings.json")["type"] == "MeetingRegistry"


def test_import_is_lazy() -> None:
    """``import turkicorg`` neither parses the data nor imports cattrs."""
    code = (
        "import sys, turkicorg, turkicorg.data as d; print('cattrs' in sys.modules, bool(d._cache))"
    )
    result = subprocess.run(  # noqa: S603 - our own interpreter
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["False", "False"]


def test_zip_safe(tmp_path: Path) -> None:
    """The package, data included, works when imported from a zip file."""
    package = Path(turkicorg.__file__).parent
    archive = tmp_path / "turkicorg.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for path in package.rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts:
                zf.write(path, Path("turkicorg") / path.relative_to(package))
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); import turkicorg; "
        "assert '.zip' in turkicorg.__file__; o = turkicorg.load_default(); "
        "from turkicorg.serialize import schema; assert schema.shipped()['$defs']; "
        "print(len(o.members(on='2024-01-01')), o.state('TR').short_name)"
    )
    # Not measured by coverage: this copy of the package is not the source under test.
    env = {k: v for k, v in os.environ.items() if not k.startswith("COVERAGE")}
    result = subprocess.run(  # noqa: S603 - our own interpreter
        [sys.executable, "-I", "-c", code, str(archive)],
        capture_output=True,
        text=True,
        check=False,
        encoding="utf-8",
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["5", "Türkiye"]


def test_every_fact_has_sources_and_every_alternative_a_reason() -> None:
    """Facts carry source URLs; alternatives say why the library does not use them."""
    ots = turkicorg.load_default()
    collections = [ots.parties, ots.memberships, ots.appointments, ots.treaties, ots.organs]
    for collection in collections:
        for item in collection:
            assert item.sources, item
            assert all(s.startswith(("http://", "https://")) for s in item.sources), item
    for meeting in ots.meetings:
        assert meeting.sources, meeting.id
        assert all(s.startswith(("http://", "https://")) for s in meeting.sources), meeting.id
        for alternative in meeting.alternatives:
            assert alternative.note, (meeting.id, alternative)
    for membership in ots.memberships:
        for alternative in membership.alternatives:
            assert alternative.note
            assert alternative.sources


def test_embedded_files_are_canonical() -> None:
    """The files hold exactly what the library writes for the data (no ignored or default keys)."""
    written = serialize.to_document(turkicorg.load_default())
    meetings = written.pop("meetings")
    assert written == data.read_document("organization.json")
    assert meetings == data.read_document("meetings.json")["meetings"]


def test_corrupt_embedded_document_is_an_invalid_data_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A corrupt data file is reported as InvalidDataError, not a JSON traceback."""

    class Broken:
        def get_data(self, path: str) -> bytes:
            assert path.endswith("meetings.json")
            return b"{broken"

    monkeypatch.setattr(data.__spec__, "loader", Broken())
    with pytest.raises(
        turkicorg.InvalidDataError, match=r"embedded meetings\.json is not valid JSON"
    ):
        data.read_document("meetings.json")


def test_a_loader_without_get_data_reads_through_importlib_resources(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A package loader with a resource reader but no ``get_data`` still finds the files."""

    class ReaderOnly:
        def __init__(self, inner: Any) -> None:
            self.inner = inner

        def get_resource_reader(self, name: str) -> Any:
            return self.inner.get_resource_reader(name)

    expected = data.read_document("organization.json")
    monkeypatch.setattr(data.__spec__, "loader", ReaderOnly(data.__spec__.loader))
    assert not hasattr(data.__spec__.loader, "get_data")
    assert data.read_document("organization.json") == expected


def test_files_that_cannot_be_read_are_an_invalid_data_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A loader that fails, or no location at all, is named, not a traceback."""

    class Failing:
        def get_data(self, path: str) -> bytes:
            raise OSError(f"no such member: {path.rsplit('/', 1)[-1]}")

    monkeypatch.setattr(data.__spec__, "loader", Failing())
    with pytest.raises(
        turkicorg.InvalidDataError,
        match=r"embedded organization\.json cannot be read: no such member: organization\.json",
    ):
        data.read_document("organization.json")
    monkeypatch.setattr(data.__spec__, "loader", object())
    monkeypatch.setattr(data.__spec__, "origin", None)
    with pytest.raises(turkicorg.InvalidDataError, match=r"embedded meetings\.json cannot be read"):
        data.read_document("meetings.json")


def record_values(record: turkicorg.OrganizationRecord) -> tuple[object, ...]:
    """The values of a record's fields (an Organization's record part)."""
    return tuple(
        getattr(record, f.name) for f in attrs.fields(turkicorg.OrganizationRecord) if f.init
    )


@pytest.fixture
def no_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing of the embedded data loaded yet (restored after the test)."""
    monkeypatch.setattr(data, "_cache", {})
    monkeypatch.setattr(data, "_records", {})


@pytest.mark.usefixtures("no_cache")
def test_load_record_is_the_record_of_load_default() -> None:
    """The record alone, cached, with the values of the whole organization's record."""
    record = turkicorg.load_record()
    assert type(record) is turkicorg.OrganizationRecord
    assert turkicorg.load_record() is record
    whole = turkicorg.load_default()
    assert record_values(record) == record_values(whole)
    assert turkicorg.load_record() is record  # loading the whole changes nothing


@pytest.mark.usefixtures("no_cache")
def test_load_record_after_load_default_is_still_a_record(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Asked after the whole organization is loaded: made from it, not read again."""
    from turkicorg.serialize import quickread  # noqa: PLC0415

    whole = turkicorg.load_default()
    monkeypatch.setattr(quickread, "quick_record", lambda document: pytest.fail("read again"))
    record = turkicorg.load_record()
    assert type(record) is turkicorg.OrganizationRecord  # not the Organization: same type always
    assert record_values(record) == record_values(whole)
    assert not hasattr(record, "meetings")


@pytest.mark.usefixtures("no_cache")
def test_load_record_is_cached_and_thread_safe(monkeypatch: pytest.MonkeyPatch) -> None:
    """Concurrent first calls all get the same record, read once."""
    from turkicorg.serialize import quickread  # noqa: PLC0415

    results: list[turkicorg.OrganizationRecord] = []
    reads: list[object] = []
    together = threading.Barrier(8)
    read = quickread.quick_record

    def slow_read(document: object) -> turkicorg.OrganizationRecord | None:
        reads.append(document)
        time.sleep(0.05)  # every other thread arrives meanwhile (no timing is asserted)
        return read(document)

    def first_call() -> None:
        together.wait()
        results.append(turkicorg.load_record())

    monkeypatch.setattr(quickread, "quick_record", slow_read)
    threads = [threading.Thread(target=first_call) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(reads) == 1
    assert len({id(r) for r in results}) == 1
    assert turkicorg.load_record() is results[0]


@pytest.mark.usefixtures("no_cache")
def test_load_record_reads_the_whole_when_the_quick_path_declines(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """If the record's quick reader declines, the whole organization is read (and cached)."""
    from turkicorg.serialize import quickread  # noqa: PLC0415

    monkeypatch.setattr(quickread, "quick_record", lambda document: None)
    record = turkicorg.load_record()
    assert type(record) is turkicorg.OrganizationRecord
    assert "default" in data._cache  # the whole was read, by the strict path if need be
    assert record_values(record) == record_values(turkicorg.load_default())
    assert turkicorg.load_record() is record


def test_load_record_reads_no_meeting() -> None:
    """The record alone imports no meeting module and answers the Council of Elders."""
    code = (
        "import sys, datetime as dt, turkicorg; from turkicorg import CouncilOfElders; "
        "record = turkicorg.load_record(); "
        "print(CouncilOfElders(record).next_chair(after=dt.date(2025, 12, 1)).state.id, "
        "type(record).__name__, "
        "sorted(m for m in sys.modules if m.startswith(('turkicorg.meetings', "
        "'turkicorg.registry', 'turkicorg.organization', 'cattrs'))))"
    )
    result = subprocess.run(  # noqa: S603 - our own interpreter
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["UZ", "OrganizationRecord", "[]"]


@pytest.mark.usefixtures("no_cache")
def test_load_record_uses_the_whole_loaded_while_it_waited(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Another thread loads the whole organization while this one waits for the lock."""
    whole = data._build()

    class Busy:
        """A lock released by a thread that has just loaded the whole organization."""

        def __enter__(self) -> None:
            data._cache["default"] = whole

        def __exit__(self, *exc: object) -> None:
            return None

    monkeypatch.setattr(data, "_lock", Busy())
    from turkicorg.serialize import quickread  # noqa: PLC0415

    monkeypatch.setattr(quickread, "quick_record", lambda document: pytest.fail("read again"))
    record = turkicorg.load_record()
    assert type(record) is turkicorg.OrganizationRecord
    assert record_values(record) == record_values(whole)
