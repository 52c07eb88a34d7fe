"""Reading documents: a file or a stream as text, one way everywhere; what a document holds.

A file is read as bytes and decoded as UTF-8, a byte order mark accepted; bytes that are not
UTF-8 are an :class:`~turkicorg.InvalidDataError` naming the file and the byte offset, and a
file that cannot be read is a :class:`~turkicorg.DataFileError` naming it:

>>> document_type('\ufeff{"format":"turkicorg","version":1,"type":"Organization"}')
<class 'turkicorg.organization.Organization'>
>>> document_type("[1, 2]") is None
True
"""

from __future__ import annotations

import os
import re
from typing import IO, Any, Final

from turkicorg.errors import DataFileError, ErrorDetail, InvalidDataError
from turkicorg.fileio import StrPath, decode_utf8, read_bytes, strip_bom
from turkicorg.serialize.common import DEFAULT_MAX_SIZE
from turkicorg.serialize.doctypes import DOCUMENT_TYPES
from turkicorg.serialize.jsontext import parse

__all__ = [
    "document_text_of",
    "document_type",
    "position",
    "read_document",
    "read_text",
    "source_name",
    "stream_decode_error",
]

_HEAD: Final = re.compile(
    rb'\s*\{\s*"format"\s*:\s*"turkicorg"\s*,\s*"version"\s*:\s*[0-9]+\s*,'
    rb'\s*"type"\s*:\s*"([A-Za-z]+)"\s*[,}]'
)
"""The envelope as turkicorg writes it, read without parsing the whole document."""


def source_name(source: object) -> str:
    """How to name a source in a message: its path, a stream's file name, or ``<stream>``."""
    if isinstance(source, (str, os.PathLike)):
        return os.fsdecode(source)
    name = getattr(source, "name", None)
    return name if isinstance(name, str) else "<stream>"


def _too_large(max_size: int, unit: str) -> InvalidDataError:
    return InvalidDataError.single(
        "$", f"the document is larger than max_size={max_size} {unit}", None
    )


def stream_decode_error(
    stream: IO[str], name: str, start: int | None, error: UnicodeDecodeError
) -> InvalidDataError:
    """The problem of a text stream that failed to decode, with the byte offset if possible.

    A seekable text file is read again as bytes from where reading started, so that the
    offset is the file's; otherwise the decoder's own words are reported.
    """
    buffer = getattr(stream, "buffer", None)
    if start is not None and buffer is not None:
        try:
            stream.seek(start)
            raw = buffer.read()
        except (OSError, ValueError):
            raw = None
        if isinstance(raw, bytes):
            try:
                decode_utf8(raw, source=name, offset=start)
            except InvalidDataError as found:
                return found
    bad = error.object[error.start : error.end][:1].hex()
    message = f"{name} is not {error.encoding} text: {error.reason} (byte 0x{bad})"
    return InvalidDataError([ErrorDetail("$", message, None)], summary=message)


def position(stream: IO[Any]) -> int | None:
    """Where a seekable stream is (``tell()``); None for a pipe or a closed stream."""
    try:
        return stream.tell() if stream.seekable() else None
    except (OSError, ValueError, AttributeError):
        return None


def _read_stream(stream: IO[bytes] | IO[str], max_size: int | None) -> str:
    name = source_name(stream)
    start = position(stream)
    try:
        data = stream.read(-1 if max_size is None else max_size + 1)
    except UnicodeDecodeError as error:
        raise stream_decode_error(stream, name, start, error) from None  # type: ignore[arg-type]
    except OSError as error:
        raise DataFileError(
            name, f"cannot read: {error.strerror or error}", errno=error.errno
        ) from None
    if isinstance(data, str):
        if max_size is not None and len(data) > max_size:
            raise _too_large(max_size, "characters")
        return data.removeprefix("\ufeff")
    if not isinstance(data, (bytes, bytearray)):
        raise InvalidDataError.single(
            "$", f"expected a file of text or bytes, read {type(data).__name__}", None
        )
    if max_size is not None and len(data) > max_size:
        raise _too_large(max_size, "bytes")
    return decode_utf8(bytes(data), source=name)


def read_document(
    source: StrPath | IO[bytes] | IO[str], *, max_size: int | None = DEFAULT_MAX_SIZE
) -> bytes | str:
    """A document as it is read: a file's bytes (within ``max_size``), a stream's text.

    :func:`read_text` decodes the bytes; a reader of UTF-8 bytes may take them as they are.

    Raises:
        DataFileError: As :func:`read_text`.
        InvalidDataError: As :func:`read_text`, except that bytes are not decoded here.
    """
    if not isinstance(source, (str, os.PathLike)):
        return _read_stream(source, max_size)
    data = read_bytes(source, limit=max_size)
    if max_size is not None and len(data) > max_size:
        raise _too_large(max_size, "bytes")
    return data


def read_text(
    source: StrPath | IO[bytes] | IO[str], *, max_size: int | None = DEFAULT_MAX_SIZE
) -> str:
    """The text of a document: a file read as bytes and decoded as UTF-8 (a BOM accepted).

    Args:
        source: A path, or an open file in binary or text mode.
        max_size: Refuse larger input (bytes, or characters for a text stream); None: no
            limit.

    Raises:
        DataFileError: The file cannot be opened or read (missing, a folder, no permission,
            an empty path or one holding a NUL byte), named in the message.
        InvalidDataError: The bytes are not UTF-8 (the file and the byte offset are named),
            or the input is larger than ``max_size``.
    """
    return document_text_of(read_document(source, max_size=max_size), source)


def document_text_of(data: bytes | str, source: object) -> str:
    """The text of what :func:`read_document` read from ``source`` (bytes decoded as UTF-8).

    Raises:
        InvalidDataError: The bytes are not UTF-8 (the source and the byte offset named).
    """
    return data if isinstance(data, str) else decode_utf8(data, source=source_name(source))


def _declared(document: str | bytes | bytearray | memoryview) -> object:
    """The ``type`` a document declares, read from its head or, failing that, parsed."""
    if isinstance(document, str):
        raw = document[:512].removeprefix("\ufeff").encode("utf-8", "surrogatepass")
    else:
        raw = strip_bom(bytes(document[:512]))
    found = _HEAD.match(raw)
    if found is not None:
        return found[1].decode("ascii")
    try:
        tree = parse(document, None, pairs=True)
    except InvalidDataError:
        return None
    if type(tree) is not tuple:
        return None
    return next((value for key, value in tree if key == "type"), None)


def document_type(document: str | bytes | bytearray | memoryview) -> type | None:
    """The class a turkicorg document declares in its envelope (``type``), or None.

    The document is text or UTF-8 bytes (a byte order mark is accepted). Only the envelope is
    looked at: the document may still be invalid, which :func:`loads` reports.

    Returns:
        One of :data:`DOCUMENT_TYPES`; None when the text is not a JSON object or declares
        no known type.
    """
    declared = _declared(document)
    return DOCUMENT_TYPES.get(declared) if isinstance(declared, str) else None
