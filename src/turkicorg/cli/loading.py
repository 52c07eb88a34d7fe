"""Reading ``--data`` and the files ``validate`` checks: bytes, strict UTF-8, then the document.

Files are read as bytes (:func:`turkicorg.fileio.read_bytes`) and decoded strictly
(:func:`turkicorg.fileio.decode_utf8`, a UTF-8 byte order mark accepted). A problem with the
file itself raises :class:`~turkicorg.DataFileError`; a problem with what it holds raises
:class:`InvalidFile`, naming the file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from turkicorg.errors import InvalidDataError
from turkicorg.fileio import decode_utf8, read_bytes

if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable

    from turkicorg.organization import Organization
    from turkicorg.record import OrganizationRecord

__all__ = ["InvalidFile", "document_type", "load", "load_file", "load_record", "read_text"]


class InvalidFile(Exception):  # noqa: N818 - it names the file, the error says what is wrong
    """A file whose content is not valid turkicorg data.

    Attributes:
        path: The file, as given.
        error: Every problem found, located in the document.
    """

    def __init__(self, path: str, error: InvalidDataError) -> None:
        super().__init__(f"{path}: {error}")
        self.path = path
        self.error = error


def read_text(path: str) -> str:
    """The text of a file, read as bytes and decoded as UTF-8 (a byte order mark is dropped).

    Raises:
        DataFileError: The file cannot be read (missing, a folder, no permission, ...).
        InvalidFile: The file is larger than the interchange's size limit or is not UTF-8.
    """
    from turkicorg.serialize import DEFAULT_MAX_SIZE  # noqa: PLC0415 - only with a file

    data = read_bytes(path, limit=DEFAULT_MAX_SIZE)
    try:
        if len(data) > DEFAULT_MAX_SIZE:
            raise InvalidDataError.single("$", f"the file is larger than {DEFAULT_MAX_SIZE} bytes")
        return decode_utf8(data, source="the file")
    except InvalidDataError as error:
        raise InvalidFile(path, error) from None


def document_type(text: str) -> type[Any]:
    """The class a turkicorg document declares in its envelope (``type``).

    A document that declares no known type is read as a meeting registry (so the loader
    reports what is wrong with it as one).
    """
    from turkicorg import serialize  # noqa: PLC0415 - only with a file
    from turkicorg.registry import MeetingRegistry  # noqa: PLC0415

    return serialize.document_type(text) or MeetingRegistry


def load_file(path: str, base: Callable[[], Organization]) -> Organization:
    """The organization a ``--data`` file gives.

    An organization document replaces everything; a meeting registry replaces the meetings of
    ``base()`` (the embedded organization).

    Raises:
        DataFileError: The file cannot be read.
        InvalidFile: The file is not a valid organization or meeting registry.
    """
    from turkicorg import serialize  # noqa: PLC0415 - only with a file
    from turkicorg.organization import Organization  # noqa: PLC0415
    from turkicorg.registry import MeetingRegistry  # noqa: PLC0415

    text = read_text(path)
    try:
        if document_type(text) is Organization:
            return serialize.loads(text, Organization)
        return base().with_meetings(serialize.loads(text, MeetingRegistry))
    except InvalidDataError as error:
        raise InvalidFile(path, error) from None


def load(args: argparse.Namespace) -> Organization:
    """The organization a command answers from: ``--data`` if given, else the embedded data."""
    from turkicorg.data import load_default  # noqa: PLC0415 - the embedded data, parsed once

    path: str | None = getattr(args, "data", None)
    if path is None:
        return load_default()
    return load_file(path, load_default)


def load_record(args: argparse.Namespace) -> OrganizationRecord:
    """The record a command that needs no meetings answers from (members, the Council of Elders).

    ``--data`` is read whole, as :func:`load` reads it (its meetings are checked too); without
    it, the embedded record alone (:func:`turkicorg.data.load_record`: no meeting is read).
    """
    from turkicorg.data import load_record as embedded_record  # noqa: PLC0415 - as in load

    if getattr(args, "data", None) is None:
        return embedded_record()
    return load(args)
