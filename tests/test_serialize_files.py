"""Reading documents and JSON Lines as bytes, decoded one way: BOM, bad UTF-8, UTF-16, paths."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

import pytest

from turkicorg import InvalidDataError, Meeting, MeetingRegistry, Organization, State, serialize
from turkicorg.errors import DataFileError

if TYPE_CHECKING:
    from pathlib import Path

SOURCE = "https://example.org/s"
MEETING = (
    '{"id":"m-%d","body":"CHS","kind":"regular","title":"Summit","start":"2022-11-11",'
    f'"sources":["{SOURCE}"]}}'
)
DOCUMENT = '{"format":"turkicorg","version":1,"type":"Meeting","meeting":%s}' % (MEETING % 1)
HEADER = '{"format":"turkicorg","version":1,"type":"Meeting"}'
BOM = b"\xef\xbb\xbf"
BAD = b"\xff"


def lines(*meetings: int) -> bytes:
    return "\n".join([HEADER, *(MEETING % n for n in meetings)]).encode() + b"\n"


class Pipe(io.BytesIO):
    """Bytes that cannot be sought back, as a pipe."""

    def seekable(self) -> bool:
        return False


# Documents ------------------------------------------------------------------------------------


def test_a_byte_order_mark_is_accepted_everywhere(tmp_path: Path) -> None:
    """A UTF-8 BOM before a document: a path, a binary file, a text file, text, bytes."""
    path = tmp_path / "m.json"
    path.write_bytes(BOM + DOCUMENT.encode())
    assert serialize.load(path, Meeting).id == "m-1"
    with path.open("rb") as binary:
        assert serialize.load(binary, Meeting).id == "m-1"
    with path.open(encoding="utf-8") as text:
        assert serialize.load(text, Meeting).id == "m-1"
    assert serialize.loads(BOM + DOCUMENT.encode(), Meeting).id == "m-1"
    assert serialize.read_text(path) == DOCUMENT


def test_invalid_utf8_in_a_file_names_the_file_and_the_offset(tmp_path: Path) -> None:
    """A bad byte is InvalidDataError with the file's name and the byte offset."""
    path = tmp_path / "bad.json"
    data = DOCUMENT.replace("Summit", "Sum\udcffmit").encode("utf-8", "surrogateescape")
    offset = data.index(b"\xff")
    path.write_bytes(data)
    for source in (path, str(path)):
        with pytest.raises(InvalidDataError) as caught:
            serialize.load(source, Meeting)
        assert str(path) in str(caught.value)
        assert f"byte offset {offset}" in str(caught.value)
    with path.open("rb") as binary, pytest.raises(InvalidDataError, match=f"offset {offset}"):
        serialize.load(binary, Meeting)


def test_invalid_utf8_in_a_text_stream_is_invalid_data(tmp_path: Path) -> None:
    """A text-mode file that cannot decode: InvalidDataError, never UnicodeDecodeError."""
    path = tmp_path / "bad.json"
    data = b"{" + b" " * 20_000 + b'"x": "\xff"}'
    path.write_bytes(data)
    with path.open(encoding="utf-8") as text, pytest.raises(InvalidDataError) as caught:
        serialize.load(text, Meeting)
    assert f"byte offset {data.index(BAD)}" in str(caught.value)
    assert str(path) in str(caught.value)
    piped = io.TextIOWrapper(Pipe(data), encoding="utf-8")
    with pytest.raises(InvalidDataError, match="<stream> is not utf-8 text: invalid start byte"):
        serialize.load(piped, Meeting)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32"])
def test_utf16_files_are_named_clearly(tmp_path: Path, encoding: str) -> None:
    """A document saved as UTF-16 or UTF-32 says so, instead of a JSON syntax error."""
    path = tmp_path / "wide.json"
    path.write_bytes(DOCUMENT.encode(encoding))
    with pytest.raises(InvalidDataError, match=rf"is {encoding.upper()} text, not UTF-8"):
        serialize.load(path, Meeting)


@pytest.mark.parametrize("path", ["", "a\x00b"])
def test_empty_paths_and_nul_bytes(path: str) -> None:
    """load, dump and the JSON Lines functions refuse them as DataFileError."""
    with pytest.raises(DataFileError):
        serialize.load(path, Meeting)
    with pytest.raises(DataFileError):
        serialize.dump(MeetingRegistry(), path)
    with pytest.raises(DataFileError):
        serialize.load_lines(path)
    with pytest.raises(DataFileError):
        serialize.iter_load(path)
    with pytest.raises(DataFileError):
        serialize.dump_lines([], path)


def test_read_text_limits_and_streams(tmp_path: Path) -> None:
    """read_text checks the size in bytes for files, characters for text streams."""
    path = tmp_path / "m.json"
    path.write_bytes(DOCUMENT.encode())
    with pytest.raises(InvalidDataError, match="larger than max_size=10 bytes"):
        serialize.read_text(path, max_size=10)
    with pytest.raises(InvalidDataError, match="larger than max_size=10 characters"):
        serialize.read_text(io.StringIO(DOCUMENT), max_size=10)
    with pytest.raises(InvalidDataError, match="larger than max_size=10 bytes"):
        serialize.read_text(io.BytesIO(DOCUMENT.encode()), max_size=10)
    assert serialize.read_text(io.StringIO("\ufeff[]"), max_size=None) == "[]"
    with pytest.raises(DataFileError, match="cannot read: no such file"):
        serialize.read_text(tmp_path / "missing.json")


def test_read_errors_of_streams_are_data_file_errors() -> None:
    """A stream that fails while reading is a DataFileError; one that reads nonsense, invalid."""

    class Broken(io.RawIOBase):
        name = "broken.json"

        def readable(self) -> bool:
            return True

        def readinto(self, buffer: Any) -> int:
            raise OSError(5, "Input/output error")

    with pytest.raises(DataFileError, match=r"broken\.json"):
        serialize.read_text(io.BufferedReader(Broken()))

    class Odd:
        def read(self, size: int) -> object:
            return 42

    with pytest.raises(InvalidDataError, match="read int"):
        serialize.read_text(Odd())  # type: ignore[arg-type]


# What a document holds ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        (DOCUMENT, Meeting),
        (BOM + DOCUMENT.encode(), Meeting),
        ("\ufeff" + DOCUMENT, Meeting),
        (b'{"format":"turkicorg","version":1,"type":"Organization","id":"x"}', Organization),
        ('{"format":"turkicorg","version":1,"type":"MeetingRegistry"}', MeetingRegistry),
        (' {\n  "type": "State",\n  "format": "turkicorg"\n}', State),
        (memoryview(b'{"version": 1, "type": "State"}'), State),
        ('{"format":"turkicorg","version":1,"type":"Nothing"}', None),
        ('{"type": 5}', None),
        ("[1, 2]", None),
        ("{broken", None),
        (b"\xff\xfe{}", None),
        ("", None),
    ],
)
def test_document_type(document: Any, expected: type | None) -> None:
    """The class a document declares: a BOM is fine; anything else unknown is None."""
    assert serialize.document_type(document) is expected


# JSON Lines -----------------------------------------------------------------------------------


def test_json_lines_accept_a_byte_order_mark(tmp_path: Path) -> None:
    """A BOM before the header line (a file saved by an editor) is accepted."""
    path = tmp_path / "m.jsonl"
    path.write_bytes(BOM + lines(1, 2))
    assert [m.id for m in serialize.load_lines(path)] == ["m-1", "m-2"]
    assert [m.id for m in serialize.iter_load(path)] == ["m-1", "m-2"]


def test_invalid_utf8_in_a_line_is_that_lines_problem(tmp_path: Path) -> None:
    """A bad byte in line 3: located at the line, with the byte offset; other lines still read."""
    data = lines(1, 2, 3).replace(b"m-2", b"m-\xff2", 1)
    path = tmp_path / "m.jsonl"
    path.write_bytes(data)
    with pytest.raises(InvalidDataError) as caught:
        serialize.load_lines(path)
    [problem] = caught.value.errors
    assert problem.path == "$[line 3]"
    assert f"byte offset {data.index(BAD)}" in problem.message
    assert str(path) in problem.message
    reader = serialize.iter_load(io.BytesIO(data))
    assert next(reader).id == "m-1"
    with pytest.raises(InvalidDataError, match=r"<stream> is not UTF-8 text"):
        next(reader)


def test_invalid_utf8_in_a_header_stops_reading() -> None:
    """A header line that is not UTF-8 (or is UTF-16) is the only problem reported."""
    with pytest.raises(InvalidDataError) as caught:
        serialize.load_lines(io.BytesIO(b"\xff" + lines(1)))
    assert [e.path for e in caught.value.errors] == ["$[line 1]"]
    with pytest.raises(InvalidDataError, match="UTF-16 text, not UTF-8"):
        serialize.load_lines(io.BytesIO(lines(1).decode().encode("utf-16")))


def test_invalid_utf8_in_a_text_stream_of_lines(tmp_path: Path) -> None:
    """Text-mode JSON Lines that cannot decode: InvalidDataError with the byte offset."""
    data = lines(1, 2).replace(b"m-2", b"m-\xff2", 1)
    path = tmp_path / "m.jsonl"
    path.write_bytes(data)
    with path.open(encoding="utf-8") as text, pytest.raises(InvalidDataError) as caught:
        serialize.load_lines(text)
    assert f"byte offset {data.index(BAD)}" in str(caught.value)
    piped = io.TextIOWrapper(Pipe(data), encoding="utf-8")
    with pytest.raises(InvalidDataError, match="not utf-8 text"):
        list(serialize.iter_load(piped))
