r"""Files as bytes: reading, decoding UTF-8 one way, and the one atomic writer.

Every file turkicorg reads goes through :func:`read_bytes` (or :func:`open_binary` for
streaming) and :func:`decode_utf8`; every file it writes goes through :func:`write_atomic`.
Problems with the file itself raise :class:`~turkicorg.DataFileError` (an :class:`OSError`)
naming the path; text that is not UTF-8 raises :class:`~turkicorg.InvalidDataError` naming
the file and the byte offset.

>>> import pathlib, tempfile
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> write_atomic(folder / "a.txt", [b"\xef\xbb\xbfT", "ürk".encode()])
>>> decode_utf8(read_bytes(folder / "a.txt"), source="a.txt")
'Türk'
"""

from __future__ import annotations

import contextlib
import errno as errnos
import os
import re
import stat
import sys
from typing import IO, TYPE_CHECKING, Final, TypeAlias

from turkicorg.errors import DataFileError, ErrorDetail, InvalidDataError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from pathlib import Path

__all__ = [
    "BOM",
    "StrPath",
    "check_path",
    "decode_utf8",
    "open_binary",
    "read_bytes",
    "remove_stale_temporaries",
    "resolve_target",
    "strip_bom",
    "sync_folder",
    "write_atomic",
]

StrPath: TypeAlias = str | os.PathLike[str]
"""A file name: text or a path object."""

BOM: Final = b"\xef\xbb\xbf"
"""The UTF-8 byte order mark, accepted (and dropped) at the start of every file read."""

_MAX_LINKS: Final = 40  # the Linux limit of symbolic links followed in one lookup
_TEMPORARY: Final = re.compile(r"\..+\.turkicorg-(?P<pid>[0-9]+)-[0-9a-f]{16}\.tmp")
_MISSING: Final = frozenset((errnos.ENOENT, errnos.ENOTDIR))
_NO_TMPFILE: Final = frozenset(
    (errnos.EOPNOTSUPP, errnos.EISDIR, errnos.EINVAL, errnos.ENOENT, errnos.EXDEV, errnos.EPERM)
)
"""What a system says when it cannot create or name unnamed files."""
_AT_FDCWD: Final = -100
_AT_EMPTY_PATH: Final = 0x1000
_OTHER_BOMS: Final = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)
_REASONS: Final = {
    errnos.ENOENT: "no such file or folder",
    errnos.ENOTDIR: "a part of the path is not a folder",
    errnos.EISDIR: "it is a folder, not a file",
    errnos.EACCES: "permission denied",
    errnos.EPERM: "operation not permitted",
    errnos.ENOSPC: "no space left on the device",
    errnos.EDQUOT: "disk quota exceeded",
    errnos.EROFS: "read-only file system",
    errnos.ELOOP: "too many levels of symbolic links (a symlink loop?)",
    errnos.ENAMETOOLONG: "the file name is too long",
    errnos.EFBIG: "the file is too large",
    errnos.EIO: "input/output error",
}


def check_path(path: StrPath) -> str:
    """The path as text, or DataFileError for an empty path or one holding a NUL byte.

    Raises:
        DataFileError: ``path`` is empty or holds a NUL byte (no system accepts either).
    """
    try:
        given: str | bytes = os.fspath(path)
    except TypeError:
        raise DataFileError(repr(path), "not a file name") from None
    name = os.fsdecode(given)
    if not name:
        raise DataFileError(name, "no file name given (the path is empty)")
    if "\x00" in name:
        raise DataFileError(name, "the path holds a NUL byte", errno=errnos.EINVAL)
    return name


def _reason(action: str, error: OSError) -> str:
    words = _REASONS.get(error.errno or 0) or error.strerror or str(error)
    return f"cannot {action}: {words}"


def _file_error(path: StrPath, action: str, error: OSError) -> DataFileError:
    return DataFileError(path, _reason(action, error), errno=error.errno)


# Reading ---------------------------------------------------------------------------------


def open_binary(path: StrPath) -> IO[bytes]:
    """Open a file for reading bytes (for streaming; the caller closes it).

    Raises:
        DataFileError: The path is empty, holds a NUL byte, or cannot be opened (missing,
            a folder, no permission, a symlink loop).
    """
    name = check_path(path)
    try:
        return open(name, "rb")  # noqa: PTH123 - pathlib costs every command start-up time
    except OSError as error:
        raise _file_error(path, "read", error) from None


def read_bytes(path: StrPath, *, limit: int | None = None) -> bytes:
    """The bytes of a file.

    Args:
        path: The file.
        limit: Read at most ``limit + 1`` bytes (enough to tell that a file is too large);
            None: the whole file.

    Raises:
        DataFileError: The file cannot be opened or read.
    """
    with open_binary(path) as stream:
        try:
            return stream.read(-1 if limit is None else limit + 1)
        except OSError as error:
            raise _file_error(path, "read", error) from None


def strip_bom(data: bytes) -> bytes:
    """``data`` without a leading UTF-8 byte order mark."""
    return data[3:] if data.startswith(BOM) else data


def decode_utf8(data: bytes, *, source: str, where: str = "$", offset: int = 0) -> str:
    """Decode UTF-8 bytes, strictly; a leading byte order mark is dropped.

    Args:
        data: The bytes.
        source: What the bytes are (a file name, "<stdin>"), named in the error.
        where: The location of the bytes in the document, for the error (``$[line 3]``).
        offset: The byte offset of ``data`` in its file, added to the offset reported.

    Raises:
        InvalidDataError: The bytes are not UTF-8 (a UTF-16 or UTF-32 byte order mark, an
            invalid byte, a surrogate); the message names ``source`` and the byte offset.
    """
    if data.startswith(BOM):
        data, offset = data[3:], offset + 3
    elif offset == 0:
        for mark, encoding in _OTHER_BOMS:
            if data.startswith(mark):
                message = f"{source} is {encoding} text, not UTF-8; save it as UTF-8"
                raise InvalidDataError([ErrorDetail(where, message, encoding)], summary=message)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        bad = data[error.start : error.end]
        message = (
            f"{source} is not UTF-8 text: {error.reason} (byte 0x{bad[:1].hex()} at byte "
            f"offset {offset + error.start})"
        )
        raise InvalidDataError(
            [ErrorDetail(where, message, offset + error.start)], summary=message
        ) from None


# Writing ---------------------------------------------------------------------------------


def resolve_target(path: StrPath) -> Path:
    """The file a write to ``path`` replaces: ``path`` with its symbolic links followed.

    Links are followed one by one as the system would (a relative link is relative to the
    folder holding it); the result need not exist (a dangling link names a new file).

    Raises:
        DataFileError: Empty path, NUL byte, or a symlink loop.
    """
    from pathlib import Path  # noqa: PLC0415 - only when writing (start-up time of every command)

    name = check_path(path)
    if name.endswith(("/", os.sep, os.altsep or "/")):
        raise DataFileError(path, "cannot write: it names a folder, not a file")
    target = Path(name)
    for _ in range(_MAX_LINKS):
        try:
            if not target.is_symlink():
                return target
            link = target.readlink()
        except FileNotFoundError:
            return target
        except OSError as error:
            raise _file_error(path, "write", error) from None
        target = target.parent / link
    raise DataFileError(path, _reason("write", OSError(errnos.ELOOP, "")), errno=errnos.ELOOP)


def _kind(mode: int) -> str:
    kinds = (
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISFIFO, "a FIFO (named pipe)"),
        (stat.S_ISSOCK, "a socket"),
    )
    return next((word for test, word in kinds if test(mode)), "not a regular file")


def _existing_mode(path: StrPath, target: Path) -> int | None:
    """The permission bits of the regular file at ``target``; None if there is none."""
    try:
        found = target.stat()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise _file_error(path, "write", error) from None
    if not stat.S_ISREG(found.st_mode):
        raise DataFileError(
            path, f"cannot write: it is {_kind(found.st_mode)}; refusing to replace it"
        )
    return stat.S_IMODE(found.st_mode)


def _alive(pid: int) -> bool:
    if os.name != "posix":  # os.kill(pid, 0) would end the process on Windows
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists, owned by someone else
        return True
    return True


def remove_stale_temporaries(folder: Path) -> list[str]:
    """Remove the temporary files of interrupted writes in ``folder``; return their names.

    Only files named as :func:`write_atomic` names them (``.NAME.turkicorg-PID-HEX.tmp``)
    whose process is gone are removed. Nothing is raised: this is housekeeping.
    """
    removed: list[str] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        found = _TEMPORARY.fullmatch(entry.name)
        if found is None or int(found["pid"]) == os.getpid() or _alive(int(found["pid"])):
            continue
        with contextlib.suppress(OSError):
            os.unlink(entry.path)  # noqa: PTH108 - no pathlib needed for one name
            removed.append(entry.name)
    return removed


def _temporary_name(target: Path) -> Path:
    import secrets  # noqa: PLC0415 - only when writing (its hashing modules cost start-up time)

    return target.with_name(f".{target.name}.turkicorg-{os.getpid()}-{secrets.token_hex(8)}.tmp")


def _write_all(descriptor: int, data: bytes | Iterable[bytes]) -> None:
    chunks = (data,) if isinstance(data, (bytes, bytearray, memoryview)) else data
    for chunk in chunks:
        view = memoryview(chunk)
        while view:
            view = view[os.write(descriptor, view) :]


def _link_through_proc(descriptor: int, name: Path) -> None:
    os.link(f"/proc/self/fd/{descriptor}", name)


def _link_empty_path(descriptor: int, name: Path) -> None:
    """``linkat(descriptor, "", AT_FDCWD, name, AT_EMPTY_PATH)``, for systems without /proc."""
    import ctypes  # noqa: PLC0415 - only on Linux, only when /proc cannot link

    libc = ctypes.CDLL(None, use_errno=True)
    if libc.linkat(descriptor, b"", _AT_FDCWD, os.fsencode(name), _AT_EMPTY_PATH) != 0:
        code = ctypes.get_errno()
        raise OSError(code, os.strerror(code))


_tmpfile_works: bool = hasattr(os, "O_TMPFILE") and sys.platform.startswith("linux")
"""Whether new files are written unnamed (Linux O_TMPFILE); False once the system refused."""
_linker: Callable[[int, Path], None] | None = None
"""How an unnamed file gets its name on this system (found by :func:`_find_linker`)."""


def _find_linker(folder: Path, name: Path) -> Callable[[int, Path], None] | None:
    """The first way of naming an unnamed file that works here, tried on an empty one."""
    try:
        probe = os.open(folder, os.O_TMPFILE | os.O_RDWR, 0o600)
    except OSError:
        return None
    try:
        for link in (_link_through_proc, _link_empty_path):
            try:
                link(probe, name)
            except (OSError, AttributeError):
                continue
            name.unlink()
            return link
    finally:
        os.close(probe)
    return None


def _open_unnamed(folder: Path, name: Path) -> int | None:
    """A descriptor of a new unnamed file in ``folder`` (Linux O_TMPFILE); None if none.

    The first time, finds how to name such a file later (as ``name``, then removed); a
    system that cannot is remembered, and named temporary files are used from then on.
    """
    global _tmpfile_works, _linker  # noqa: PLW0603 - learnt once per process
    if not _tmpfile_works:
        return None
    try:
        descriptor = os.open(folder, os.O_TMPFILE | os.O_RDWR, 0o666)
    except OSError as error:
        if error.errno in _NO_TMPFILE:
            return None  # this file system cannot; named temporary files instead
        raise
    if _linker is None:
        _linker = _find_linker(folder, name)
        if _linker is None:
            _tmpfile_works = False
            os.close(descriptor)
            return None
    return descriptor


def _name_unnamed(descriptor: int, temporary: Path) -> bool:
    """Give the unnamed file a name; False if the system refuses after all."""
    global _tmpfile_works  # noqa: PLW0603 - learnt once per process
    try:
        (_linker or _link_through_proc)(descriptor, temporary)
    except OSError as error:
        if error.errno in _NO_TMPFILE:
            _tmpfile_works = False
            return False
        raise
    return True


def _copy_to_named(descriptor: int, temporary: Path, mode: int | None) -> None:
    """Copy the unnamed file's bytes into a new named file (when linking it failed)."""
    os.lseek(descriptor, 0, os.SEEK_SET)
    _write_named(temporary, iter(lambda: os.read(descriptor, 1 << 20), b""), mode)


def _write_named(temporary: Path, data: bytes | Iterable[bytes], mode: int | None) -> None:
    """Write and sync a new named file; on failure, remove it."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    descriptor = os.open(temporary, flags, 0o666)
    try:
        _write_all(descriptor, data)
        if mode is not None:
            with contextlib.suppress(OSError):
                temporary.chmod(mode)
        os.fsync(descriptor)
    except BaseException:
        os.close(descriptor)
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    os.close(descriptor)


def _write_temporary(target: Path, data: bytes | Iterable[bytes], mode: int | None) -> Path:
    """Write ``data`` to a new synced file next to ``target``; return its name."""
    folder = target.parent
    temporary = _temporary_name(target)
    unnamed = _open_unnamed(folder, temporary)
    if unnamed is not None:
        try:
            _write_all(unnamed, data)
            if mode is not None:
                os.fchmod(unnamed, mode)
            os.fsync(unnamed)
            if not _name_unnamed(unnamed, temporary):
                _copy_to_named(unnamed, temporary, mode)
        finally:
            os.close(unnamed)
        return temporary
    _write_named(temporary, data, mode)
    return temporary


def _folder_problem(path: StrPath, folder: Path) -> DataFileError | None:
    try:
        found = folder.stat()
    except FileNotFoundError:
        return DataFileError(path, "cannot write: the folder does not exist", errno=errnos.ENOENT)
    except OSError as error:
        return _file_error(path, "write", error)
    if not stat.S_ISDIR(found.st_mode):
        return DataFileError(path, "cannot write: the folder is not a folder", errno=errnos.ENOTDIR)
    return None


def write_atomic(path: StrPath, data: bytes | Iterable[bytes]) -> None:
    """Write bytes to a file all or nothing.

    The bytes go to a new file in the target's folder (unnamed until complete where the
    system allows it), are synced to the disk, and the new file then replaces the target in
    one step. A symbolic link is written through: the file it points to is replaced, the link
    stays. If anything fails, the previous file is left untouched and no temporary file
    remains; temporary files of writes that were killed are removed by the next write in
    the same folder. ``path == "-"`` is a file named ``-``: callers write to stdout
    themselves.

    Args:
        path: The file to write.
        data: The bytes, whole or as chunks (an iterable is consumed once, as it comes).

    Raises:
        DataFileError: Empty path, NUL byte, symlink loop, the target is a folder, a device,
            a FIFO or a socket (left untouched), the folder is missing, no permission, a full
            disk; the message names ``path``.
    """
    target = resolve_target(path)
    if target.name in {"", ".", ".."}:
        raise DataFileError(path, "cannot write: it is a folder, not a file", errno=errnos.EISDIR)
    mode = _existing_mode(path, target)
    folder = target.parent
    remove_stale_temporaries(folder)
    try:
        temporary = _write_temporary(target, data, mode)
    except OSError as error:
        problem = _folder_problem(path, folder) if error.errno in _MISSING else None
        raise (problem or _file_error(path, "write", error)) from None
    try:
        temporary.replace(target)
    except BaseException as error:
        with contextlib.suppress(OSError):
            temporary.unlink()
        if isinstance(error, OSError):
            raise _file_error(path, "write", error) from None
        raise
    sync_folder(folder)


def sync_folder(folder: StrPath) -> None:
    """Make a rename in ``folder`` durable where the system allows syncing a folder."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
