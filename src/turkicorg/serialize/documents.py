"""Documents: the versioned envelope around an object, as data, as text and as a file.

``{"format": "turkicorg", "version": 1, "type": "Organization", ...fields}``: the envelope
says what the document holds; :func:`loads` and :func:`load` check it, migrate older
versions and structure the fields; :func:`dumps` and :func:`dump` write it. Files are read as
bytes and decoded as UTF-8 (a byte order mark is accepted) and written atomically, through
:mod:`turkicorg.fileio`.
"""

from __future__ import annotations

import re
import typing
from typing import IO, Any, Final, TypeVar

import attrs

from turkicorg.errors import ErrorDetail, InvalidDataError
from turkicorg.fileio import StrPath, write_atomic
from turkicorg.meetings import Meeting
from turkicorg.organization import Organization
from turkicorg.registry import MeetingRegistry
from turkicorg.serialize.common import (
    DEFAULT_MAX_SIZE,
    ENVELOPE,
    FORMAT,
    VERSION,
    envelope_head,
    gc_paused,
    key_path,
    type_name,
)
from turkicorg.serialize.compiled import compiled_json
from turkicorg.serialize.doctypes import DOCUMENT_TYPES, check_type
from turkicorg.serialize.fastdoc import fast_registry_data, fast_registry_text
from turkicorg.serialize.fastread import FAST_PATH, fast_meeting, fast_registry_document
from turkicorg.serialize.fastwrite import fast_meetings_json
from turkicorg.serialize.jsontext import document_text, encode, parse, utf8
from turkicorg.serialize.migrations import migrate
from turkicorg.serialize.quickread import quick_structure
from turkicorg.serialize.reading import document_text_of, read_document

if typing.TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = [
    "FIELDS_KEY",
    "dump",
    "dumpb",
    "dumps",
    "from_document",
    "load",
    "loads",
    "structure_fields",
    "to_document",
]

T = TypeVar("T")


def _snake_case(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


FIELDS_KEY: Final[Mapping[type, str]] = {
    MeetingRegistry: "meetings",
    **{
        cls: _snake_case(cls.__name__)
        for cls in DOCUMENT_TYPES.values()
        if attrs.has(cls) and any(f.name in ENVELOPE for f in attrs.fields(cls))
    },
}
"""Document types whose fields sit under one key instead of next to the envelope.

A registry's meetings are under ``meetings``; a class with a field named like an envelope
key (``format``, ``version``, ``type``) is nested under its name in snake case: a
:class:`~turkicorg.Meeting` (it has a ``format``) under ``meeting``.
"""


def _structure(data: object, cls: type[T]) -> T:
    """The strict converter's ``structure`` (cattrs is imported only when a document needs it).

    The fast paths read and write registries and meetings without the converter, so a
    process that only takes them never imports cattrs nor builds the converter.
    """
    from turkicorg.serialize.conversion import structure  # noqa: PLC0415 - off the fast paths

    return structure(data, cls)


def _unstructure(obj: object) -> Any:
    """The strict converter's ``unstructure``, imported as :func:`_structure` is."""
    from turkicorg.serialize.conversion import unstructure  # noqa: PLC0415 - off the fast paths

    return unstructure(obj)


def to_document(obj: object) -> dict[str, Any]:
    """The envelope and fields of ``obj`` as plain data.

    Raises:
        UnsupportedTypeError: ``obj`` is not an object of a document type.
    """
    check_type(type(obj))
    fields = _unstructure(obj)
    key = FIELDS_KEY.get(type(obj))
    if key is not None:
        fields = {key: fields}
    return {"format": FORMAT, "version": VERSION, "type": type(obj).__name__, **fields}


def _remap_meeting_paths(error: InvalidDataError, raw: object) -> InvalidDataError:
    """Locate ``$.meetings[k]`` problems of an Organization by their input position.

    The organization reports positions in its sorted registry; the reader wants the
    position in the file.
    """
    try:
        registry = _structure(raw, MeetingRegistry)
    except InvalidDataError:
        return error
    where = {item["id"]: i for i, item in enumerate(typing.cast("list[Any]", raw))}
    sorted_ids = [m.id for m in registry]
    pattern = re.compile(r"\$\.meetings\[(\d+)\]")

    def move(match: re.Match[str]) -> str:
        return f"$.meetings[{where[sorted_ids[int(match[1])]]}]"

    return InvalidDataError(
        ErrorDetail(pattern.sub(move, e.path, count=1), e.message, e.value) for e in error.errors
    )


def _check_envelope(document: object, cls: type) -> dict[str, Any]:
    """The fields of a document (envelope checked, older versions migrated)."""
    if type(document) is not dict:
        raise InvalidDataError.single("$", f"expected an object, got {type_name(document)}", None)
    if document.get("format") != FORMAT or type(document.get("format")) is not str:
        raise InvalidDataError.single(
            "$.format",
            f"not a turkicorg document (expected format {FORMAT!r})",
            document.get("format"),
        )
    document = migrate(document)
    if document.get("type") != cls.__name__ or type(document.get("type")) is not str:
        raise InvalidDataError.single(
            "$.type", f"expected a {cls.__name__} document", document.get("type")
        )
    return {k: v for k, v in document.items() if k not in ENVELOPE}


def from_document(document: object, cls: type[T]) -> T:
    """Check the envelope of a document, migrate it, and build ``cls`` from it.

    Raises:
        InvalidDataError: Every problem, with its path.
        UnsupportedTypeError: ``cls`` is not a document type.
    """
    check_type(cls)
    fields = _check_envelope(document, cls)
    key = FIELDS_KEY.get(cls)
    with gc_paused:
        if key is not None:
            extra = sorted(set(fields) - {key}, key=str)
            if extra or key not in fields:
                raise InvalidDataError(
                    [ErrorDetail(key_path("$", k), "unknown key", k) for k in extra]
                    or [ErrorDetail(f"$.{key}", "required key missing")]
                )
            try:
                return structure_fields(fields[key], cls)
            except InvalidDataError as error:
                raise error.prefixed(f"$.{key}") from None
        found = quick_structure(fields, cls)
        if found is not None:
            return found
        try:
            return _structure(fields, cls)
        except InvalidDataError as error:
            if cls is Organization and any(e.path.startswith("$.meetings[") for e in error.errors):
                raise _remap_meeting_paths(error, fields.get("meetings")) from None
            raise


def structure_fields(data: object, cls: type[T]) -> T:
    """:func:`~turkicorg.serialize.structure`, by the fast path for a meeting when it can."""
    if cls is Meeting:
        fast = fast_meeting(data)
        if fast is not None:
            return typing.cast("T", fast)
    return _structure(data, cls)


def _compiled_document(obj: object) -> bytes | None:
    """A registry's or a meeting's document by the compiled writer, or None (not used)."""
    if type(obj) is Meeting:
        head = envelope_head("Meeting").encode() + b',"meeting":'
        return compiled_json((obj,), head, b"}")
    head = envelope_head("MeetingRegistry").encode() + b',"meetings":['
    return compiled_json(typing.cast("MeetingRegistry", obj), head, b"]}")


def _registry_parts(parts: list[str]) -> list[str]:
    """The registry document around the meetings' JSON, as parts to join with commas."""
    head = envelope_head("MeetingRegistry") + ',"meetings":['
    if not parts:
        return [head + "]}"]
    parts[0] = head + parts[0]
    parts[-1] += "]}"
    return parts


def dumps(obj: object, *, indent: int | None = None) -> str:
    """Serialize a turkicorg object as a JSON document (deterministic: same data, same text).

    Args:
        obj: An object of one of the :data:`DOCUMENT_TYPES` (an Organization, a
            MeetingRegistry, a Meeting, a State...).
        indent: Indent nested values by this many spaces; compact (no white space) when None.

    Raises:
        UnsupportedTypeError: ``obj`` is of another type.
        InvalidDataError: ``obj`` holds a value JSON cannot represent (an object built in
            Python with a wrong type).
    """
    check_type(type(obj))
    if indent is None and type(obj) in (MeetingRegistry, Meeting):
        compiled = _compiled_document(obj)
        if compiled is not None:
            return compiled.decode()
        with gc_paused:
            if isinstance(obj, MeetingRegistry):
                parts = fast_meetings_json(obj)
                if parts is not None:  # one join, no other copy of the text
                    return ",".join(_registry_parts(parts))
            else:
                parts = fast_meetings_json((typing.cast("Meeting", obj),))
                if parts is not None:
                    return envelope_head("Meeting") + ',"meeting":' + parts[0] + "}"
    with gc_paused:
        return encode(to_document(obj), indent)


def _encoded(parts: list[str]) -> list[bytes]:
    """Each part's UTF-8 bytes, in the same list: each text is freed once it is encoded."""
    items: list[Any] = parts
    for index, part in enumerate(parts):
        items[index] = part.encode()
    return typing.cast("list[bytes]", items)


def dumpb(obj: object, *, indent: int | None = None) -> bytes:
    """:func:`dumps` as UTF-8 bytes: the same bytes as ``dumps(obj, indent=indent).encode()``.

    A registry's meetings are encoded one by one (each meeting's text freed as it is encoded)
    and the bytes joined once, so the whole text is never held as one string (which takes two
    or four bytes a character as soon as one meeting has a letter beyond Latin-1).

    >>> from turkicorg import load_default, serialize
    >>> ots = load_default()
    >>> serialize.dumpb(ots.meetings) == serialize.dumps(ots.meetings).encode()
    True

    Raises:
        UnsupportedTypeError: ``obj`` is of another type.
        InvalidDataError: ``obj`` holds a value JSON cannot represent, or text that is not
            Unicode (a lone surrogate).
    """
    check_type(type(obj))
    if indent is None and type(obj) is MeetingRegistry:
        compiled = _compiled_document(obj)
        if compiled is not None:
            return compiled
        with gc_paused:
            parts = fast_meetings_json(obj)
        if parts is not None:
            try:
                return b",".join(_encoded(_registry_parts(parts)))
            except UnicodeEncodeError:
                pass  # a lone surrogate: the whole text's encoding below names where
    return utf8(dumps(obj, indent=indent))


def loads(
    text: str | bytes | bytearray | memoryview,
    cls: type[T],
    *,
    max_size: int | None = DEFAULT_MAX_SIZE,
) -> T:
    """Read a JSON document written by :func:`dumps`.

    Args:
        text: The document, as text or as UTF-8 bytes (a leading byte order mark is ignored).
        cls: The class the document holds (its ``type``).
        max_size: Refuse larger input (bytes, or characters for text); None: no limit.

    Raises:
        InvalidDataError: Malformed JSON, bytes that are not UTF-8 (with the byte offset),
            wrong types, unknown or duplicate keys, impossible dates, broken invariants,
            input nested too deeply or larger than ``max_size``; every problem with its path.
        UnsupportedTypeError: ``cls`` is not a document type.
    """
    check_type(cls)
    with gc_paused:
        if cls is MeetingRegistry and FAST_PATH.enabled:
            found = fast_registry_data(text, max_size)
            if found is not None:
                return typing.cast("T", found)
            text = document_text(text, max_size, "the document")
            found = fast_registry_text(text) or fast_registry_document(
                parse(text, max_size, pairs=True)
            )
            if found is not None:
                return typing.cast("T", found)
        return from_document(parse(text, max_size), cls)


def dump(obj: object, path: StrPath, *, indent: int | None = None) -> None:
    """Write ``obj`` as a JSON document (UTF-8, newline at the end) to a file, atomically.

    Either the whole new document is in place or the previous file is left untouched. A
    symbolic link is written through (the file it points to is replaced).

    Raises:
        DataFileError: The file cannot be written: an empty path, a folder, a device, a
            missing folder, no permission, a full disk (the message names the path).
        InvalidDataError: ``obj`` holds a value that cannot be written.
        UnsupportedTypeError: ``obj`` is not of a document type.
    """
    write_atomic(path, (dumpb(obj, indent=indent), b"\n"))


def load(
    source: StrPath | IO[bytes] | IO[str],
    cls: type[T],
    *,
    max_size: int | None = DEFAULT_MAX_SIZE,
) -> T:
    """Read a JSON document from a file (a path, or an open file in binary or text mode).

    A file is read as bytes and decoded as UTF-8; a leading byte order mark is accepted.

    Raises:
        DataFileError: The file cannot be opened or read (missing, a folder, no permission,
            an empty path or one with a NUL byte).
        InvalidDataError: As :func:`loads`; bytes that are not UTF-8 are reported with the
            file's name and the byte offset.
        UnsupportedTypeError: ``cls`` is not a document type.
    """
    check_type(cls)
    data = read_document(source, max_size=max_size)
    if cls is MeetingRegistry:
        with gc_paused:
            found = fast_registry_data(data, None)  # a file's bytes, read as they are
        if found is not None:
            return typing.cast("T", found)
    return loads(document_text_of(data, source), cls, max_size=None)
