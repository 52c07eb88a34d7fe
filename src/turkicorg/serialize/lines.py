"""JSON Lines of meetings: a header line, then one meeting a line, streamed both ways.

The header is the envelope of a Meeting document without the meeting; each following line is
one meeting's object, exactly as inside a registry document. A header may appear again
further down (files concatenated with ``cat``); the lines below it are read in its version.
Files are read as bytes, one line at a time, each decoded as UTF-8 (a byte order mark is
accepted); a line that is not UTF-8 is a problem of that line, with its byte offset.
"""

from __future__ import annotations

import os
import re
import typing
from typing import IO, Any, Final

from turkicorg.errors import (
    DataFileError,
    ErrorDetail,
    InvalidDataError,
    UnsupportedTypeError,
    UnsupportedVersionError,
)
from turkicorg.fileio import StrPath, decode_utf8, open_binary, write_atomic
from turkicorg.meetings import Meeting
from turkicorg.registry import MeetingRegistry, registry_problems
from turkicorg.serialize.common import (
    DEFAULT_MAX_LINE_SIZE,
    ENVELOPE,
    FORMAT,
    VERSION,
    envelope_head,
    gc_paused,
)
from turkicorg.serialize.compiled import compiled_json
from turkicorg.serialize.documents import from_document, structure_fields
from turkicorg.serialize.fastread import fast_meeting
from turkicorg.serialize.fastwrite import fast_meetings_json
from turkicorg.serialize.jsontext import encode, parse, utf8
from turkicorg.serialize.reading import position, source_name, stream_decode_error

if typing.TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence

__all__ = ["dump_lines", "iter_dumps", "iter_load", "load_lines", "numbered_registry"]

_INDEX: Final = re.compile(r"\$\[(\d+)\]")
_AT_INDEX: Final = re.compile(r"\bat index (\d+)")


def iter_dumps(meetings: Iterable[Meeting]) -> Iterator[str]:
    """The JSON Lines text of meetings, one line at a time (each ends with a newline).

    The header line comes first, then one meeting a line; for writing to a stream
    (``sys.stdout.writelines(serialize.iter_dumps(registry))``). :func:`dump_lines` writes the
    same lines to a file.

    Raises:
        InvalidDataError: A meeting holds a value JSON cannot represent.
        UnsupportedTypeError: An item is not a Meeting.
    """
    yield envelope_head("Meeting") + "}\n"
    for meeting in meetings:
        if type(meeting) is not Meeting:
            raise UnsupportedTypeError(type(meeting), ["Meeting"])
        compiled = compiled_json((meeting,))
        if compiled is not None:
            yield compiled.decode() + "\n"
            continue
        parts = fast_meetings_json((meeting,))
        yield (parts[0] if parts is not None else _strict_json(meeting)) + "\n"


def _strict_json(meeting: Meeting) -> str:
    """A meeting's line by the strict converter (imported only for a meeting that needs it)."""
    from turkicorg.serialize.conversion import unstructure  # noqa: PLC0415 - off the fast path

    return encode(unstructure(meeting), None)


def dump_lines(meetings: Iterable[Meeting], path: StrPath) -> None:
    """Write meetings as JSON Lines, atomically: a header line, then one meeting a line.

    Meetings are encoded one at a time, so a large registry is never held as one text. Each
    meeting line is the meeting's object as in a registry document (:func:`iter_dumps`).

    Raises:
        DataFileError: The file cannot be written (the previous content stays in place).
        InvalidDataError: A meeting holds a value that cannot be written.
        UnsupportedTypeError: An item is not a Meeting.
    """
    write_atomic(path, map(utf8, iter_dumps(meetings)))


def _is_header(data: object) -> bool:
    return type(data) is dict and data.keys() == set(ENVELOPE)


def _relocate(error: InvalidDataError, prefix: str) -> InvalidDataError:
    """``error.prefixed(prefix)``, keeping the class of an UnsupportedVersionError."""
    moved = InvalidDataError(error.errors).prefixed(prefix)
    if isinstance(error, UnsupportedVersionError):
        relocated = UnsupportedVersionError(error.version, error.supported)
        InvalidDataError.__init__(relocated, moved.errors)
        return relocated
    return moved


def _line_header(data: object) -> int:
    """The version a header line declares (checked as a document envelope)."""
    if not _is_header(data):
        raise InvalidDataError.single(
            "$", f"expected the header line {envelope_head('Meeting')}}}", None
        )
    header = typing.cast("dict[str, Any]", data)
    if header["format"] != FORMAT:
        raise InvalidDataError.single(
            "$.format", f"not a turkicorg file (expected format {FORMAT!r})", header["format"]
        )
    version = header["version"]
    if type(version) is not int or version < 1:
        raise InvalidDataError.single("$.version", "expected a positive integer version", version)
    if version > VERSION:
        raise UnsupportedVersionError(version, VERSION)
    if header["type"] != "Meeting":
        raise InvalidDataError.single("$.type", "expected a file of Meeting lines", header["type"])
    return version


def _texts(
    stream: IO[bytes] | IO[str], limit: int, name: str
) -> Iterator[tuple[int, str | InvalidDataError]]:
    """Each line's number with its text (decoded, line end removed) or its problem.

    Stops after a line longer than ``limit`` (the rest of that line cannot be told apart
    from the next lines without reading it whole) and after text that cannot be decoded
    from a text stream (its decoder cannot go on).
    """
    number = offset = 0
    start = position(stream)
    while True:
        try:
            line = stream.readline(limit + 1)
        except UnicodeDecodeError as error:
            text_stream = typing.cast("IO[str]", stream)
            yield number + 1, stream_decode_error(text_stream, name, start, error)
            return
        if not line:
            return
        number += 1
        where = f"$[line {number}]"
        if len(line) > limit:
            yield number, InvalidDataError.single(where, f"line longer than max_line_size={limit}")
            return
        if isinstance(line, str):
            yield number, line.removeprefix("\ufeff").rstrip("\r\n")
            continue
        try:
            yield number, decode_utf8(line, source=name, where=where, offset=offset).rstrip("\r\n")
        except InvalidDataError as error:
            yield number, error
        offset += len(line)


def _read_lines(
    stream: IO[bytes] | IO[str], limit: int, name: str
) -> Iterator[tuple[int, Meeting | InvalidDataError]]:
    """Each non-blank line's number with its meeting or its problems (``$[line N]``).

    Stops at the first problem before a header line has been read.
    """
    version: int | None = None
    number = 0
    for number, text in _texts(stream, limit, name):
        if isinstance(text, InvalidDataError):
            yield number, text
            if version is None:
                return
            continue
        if not text.strip():
            continue
        try:
            if version == VERSION:
                fast = fast_meeting(parse(text, None, pairs=True), pairs=True)
                if fast is not None:
                    yield number, fast
                    continue
            data = parse(text, None)
            if _is_header(data) or version is None:
                version = _line_header(data)
                continue
            if version == VERSION:
                yield number, structure_fields(data, Meeting)
            else:
                document = {"format": FORMAT, "version": version, "type": "Meeting"}
                yield number, from_document({**document, "meeting": data}, Meeting)
        except InvalidDataError as error:
            yield number, _relocate(error, f"$[line {number}]")
            if version is None:
                return
    if version is None:
        where = f"$[line {number + 1}]"
        yield number + 1, InvalidDataError.single(where, "no header line (the file is empty)")


def _open_lines(source: StrPath | IO[bytes] | IO[str]) -> tuple[IO[bytes] | IO[str], bool]:
    if isinstance(source, (str, os.PathLike)):
        return open_binary(source), True
    return source, False


def iter_load(
    source: StrPath | IO[bytes] | IO[str], *, max_line_size: int = DEFAULT_MAX_LINE_SIZE
) -> Iterator[Meeting]:
    """Read JSON Lines written by :func:`dump_lines`, one meeting at a time.

    Only one line is held in memory at a time. Blank lines are skipped. Cross-meeting rules
    (unique ids, unique ordinals) need the whole set: use :func:`load_lines` for them.

    Args:
        source: A path, or an open file (binary or text).
        max_line_size: Refuse longer lines (bytes, or characters for a text file).

    Raises:
        DataFileError: The file cannot be opened (raised at once, not on iteration) or read.
        InvalidDataError: On iteration, at the first bad line, with every problem of that
            line located by its number (``$[line 12].start``).
    """
    stream, owned = _open_lines(source)
    name = source_name(source)

    def generate() -> Iterator[Meeting]:
        try:
            for _number, item in _read_lines(stream, max_line_size, name):
                if isinstance(item, InvalidDataError):
                    raise item
                yield item
        except OSError as error:
            raise DataFileError(name, f"cannot read ({error})", errno=error.errno) from None
        finally:
            if owned:
                stream.close()

    return generate()


def _collect(
    stream: IO[bytes] | IO[str], limit: int, name: str
) -> tuple[list[Meeting], list[int], list[ErrorDetail]]:
    """The meetings of every line, their line numbers, and every problem found."""
    meetings: list[Meeting] = []
    numbers: list[int] = []
    problems: list[ErrorDetail] = []
    with gc_paused:
        for number, item in _read_lines(stream, limit, name):
            if isinstance(item, InvalidDataError):
                problems.extend(item.errors)
            else:
                meetings.append(item)
                numbers.append(number)
    return meetings, numbers, problems


def load_lines(
    source: StrPath | IO[bytes] | IO[str], *, max_line_size: int = DEFAULT_MAX_LINE_SIZE
) -> MeetingRegistry:
    """Read JSON Lines into a registry, checking the rules between meetings too.

    Raises:
        DataFileError: The file cannot be opened or read.
        InvalidDataError: Every problem of every line (``$[line 12].start``) and between
            lines (a duplicate id: ``$[line 40].id``).
    """
    stream, owned = _open_lines(source)
    name = source_name(source)
    try:
        meetings, numbers, problems = _collect(stream, max_line_size, name)
    except OSError as error:
        raise DataFileError(name, f"cannot read ({error})", errno=error.errno) from None
    finally:
        if owned:
            stream.close()
    if problems:
        raise InvalidDataError(problems)
    return numbered_registry(meetings, numbers, unit="line")


def numbered_registry(
    meetings: list[Meeting], numbers: Sequence[int], *, unit: str
) -> MeetingRegistry:
    """A registry of meetings read from numbered lines or rows of a file.

    Problems between meetings (a duplicate id) name the line or row the meeting came from:
    ``$[line 40].id`` for the meeting at index 3 when ``numbers[3] == 40`` and ``unit`` is
    ``"line"``, and so does a message that names another meeting ("also at line 12").

    Raises:
        InvalidDataError: Every problem between the meetings, located so.
    """
    try:
        with gc_paused:
            return MeetingRegistry(meetings)
    except InvalidDataError:
        found = registry_problems(meetings, prefix="$")
        raise InvalidDataError(
            ErrorDetail(
                _INDEX.sub(lambda m: f"$[{unit} {numbers[int(m[1])]}]", e.path, count=1),
                _AT_INDEX.sub(lambda m: f"at {unit} {numbers[int(m[1])]}", e.message),
                e.value,
            )
            for e in found
        ) from None
