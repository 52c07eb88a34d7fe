"""Files as bytes: the one atomic writer, reading, and decoding UTF-8 one way."""

from __future__ import annotations

import errno
import os
import re
import signal
import socket
import stat
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any, Self

import pytest

from turkicorg import fileio
from turkicorg.errors import DataFileError, InvalidDataError

POSIX = pytest.mark.skipif(sys.platform == "win32", reason="POSIX files")
TEMPORARY_MARK = ".turkicorg-"


def leftovers(folder: Path) -> list[str]:
    """Temporary files of the writer left in ``folder``."""
    return sorted(p.name for p in folder.iterdir() if TEMPORARY_MARK in p.name)


@pytest.fixture(params=["unnamed", "named"])
def mode(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run a test with O_TMPFILE (where the system has it) and with named temporary files."""
    if request.param == "named":
        monkeypatch.setattr(fileio, "_tmpfile_works", False)
    elif not fileio._tmpfile_works:
        pytest.skip("no O_TMPFILE here")
    return str(request.param)


# Writing --------------------------------------------------------------------------------------


def test_write_bytes_and_chunks(tmp_path: Path, mode: str) -> None:
    """Bytes or an iterable of chunks are written whole; the file is replaced, not appended."""
    path = tmp_path / "a.json"
    fileio.write_atomic(path, b"first")
    assert path.read_bytes() == b"first"
    fileio.write_atomic(str(path), (chunk for chunk in [b"se", bytearray(b"co"), b"nd"]))
    assert path.read_bytes() == b"second"
    fileio.write_atomic(path, [])
    assert path.read_bytes() == b""
    assert leftovers(tmp_path) == []


@POSIX
def test_new_files_follow_the_umask_and_old_files_keep_their_mode(
    tmp_path: Path, mode: str
) -> None:
    """A new file gets 0o666 less the umask; a replaced file keeps its permission bits."""
    old = os.umask(0o027)
    try:
        fileio.write_atomic(tmp_path / "new.txt", b"x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.txt").stat().st_mode) == 0o640
    kept = tmp_path / "kept.txt"
    kept.write_bytes(b"old")
    kept.chmod(0o604)
    fileio.write_atomic(kept, b"new")
    assert stat.S_IMODE(kept.stat().st_mode) == 0o604


@POSIX
def test_writes_go_through_symbolic_links(tmp_path: Path, mode: str) -> None:
    """A link (relative, absolute, chained, or dangling) stays; the file it names is written."""
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "data.json"
    target.write_bytes(b"old")
    relative = tmp_path / "relative.json"
    relative.symlink_to(Path("real") / "data.json")
    chained = tmp_path / "chained.json"
    chained.symlink_to(relative)
    fileio.write_atomic(chained, b"new")
    assert chained.is_symlink()
    assert relative.is_symlink()
    assert target.read_bytes() == b"new"
    dangling = tmp_path / "dangling.json"
    dangling.symlink_to(tmp_path / "real" / "later.json")
    fileio.write_atomic(dangling, b"later")
    assert dangling.is_symlink()
    assert (tmp_path / "real" / "later.json").read_bytes() == b"later"
    assert leftovers(tmp_path) == leftovers(tmp_path / "real") == []


@POSIX
def test_a_symlink_loop_is_a_data_file_error(tmp_path: Path) -> None:
    """A loop of links is named as such (not a RuntimeError), and nothing is written."""
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    first.symlink_to(second)
    second.symlink_to(first)
    with pytest.raises(DataFileError, match="symlink loop") as caught:
        fileio.write_atomic(first, b"x")
    assert caught.value.errno == errno.ELOOP
    assert caught.value.path == str(first)
    assert str(first) in str(caught.value)
    assert first.is_symlink()
    assert second.is_symlink()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json", "b.json"]
    with pytest.raises(DataFileError, match="symlink loop"):
        fileio.read_bytes(first)


@pytest.mark.parametrize("path", ["", "a\x00b", Path("x\x00")])
def test_empty_paths_and_nul_bytes_are_data_file_errors(path: Any) -> None:
    """An empty path or one holding a NUL byte is a DataFileError, not a bare ValueError."""
    with pytest.raises(DataFileError):
        fileio.write_atomic(path, b"x")
    with pytest.raises(DataFileError):
        fileio.read_bytes(path)
    with pytest.raises(DataFileError, match="not a file name"):
        fileio.check_path(1.5)  # type: ignore[arg-type]


@POSIX
@pytest.mark.skipif(os.geteuid() != 0 if hasattr(os, "geteuid") else True, reason="needs root")
def test_a_device_node_is_not_replaced(tmp_path: Path) -> None:
    """A character device at the path is refused with a clear message and left as it was."""
    node = tmp_path / "null"
    os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    before = node.stat()
    with pytest.raises(DataFileError, match="character device; refusing to replace it"):
        fileio.write_atomic(node, b"x")
    after = node.stat()
    assert stat.S_ISCHR(after.st_mode)
    assert (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)
    assert leftovers(tmp_path) == []


@POSIX
def test_a_fifo_and_a_socket_are_not_replaced(tmp_path: Path) -> None:
    """A FIFO or a socket at the path is refused (never opened: no hang) and stays."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(DataFileError, match=r"FIFO \(named pipe\); refusing"):
        fileio.write_atomic(fifo, b"x")
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    place = tmp_path / "sock"
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(str(place))
        with pytest.raises(DataFileError, match="a socket; refusing"):
            fileio.write_atomic(place, b"x")
        assert stat.S_ISSOCK(place.stat().st_mode)
    assert leftovers(tmp_path) == []


def test_a_folder_is_not_replaced(tmp_path: Path) -> None:
    """A folder at the path (or a path ending with a separator) is refused, untouched."""
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "inside").write_bytes(b"kept")
    with pytest.raises(DataFileError, match="it is a folder; refusing") as caught:
        fileio.write_atomic(folder, b"x")
    assert str(folder) in str(caught.value)
    with pytest.raises(DataFileError, match="names a folder"):
        fileio.write_atomic(f"{tmp_path}{os.sep}new{os.sep}", b"x")
    assert [p.name for p in folder.iterdir()] == ["inside"]
    with pytest.raises(DataFileError, match="it is a folder, not a file"):
        fileio.read_bytes(folder)


def test_a_missing_folder_is_named(tmp_path: Path, mode: str) -> None:
    """Writing into a folder that does not exist says so, naming the path."""
    path = tmp_path / "missing" / "x.json"
    with pytest.raises(DataFileError, match="the folder does not exist") as caught:
        fileio.write_atomic(path, b"x")
    assert caught.value.errno == errno.ENOENT
    assert str(caught.value).endswith(str(path))
    file_as_folder = tmp_path / "file"
    file_as_folder.write_bytes(b"")
    with pytest.raises(DataFileError, match="not a folder"):
        fileio.write_atomic(file_as_folder / "x.json", b"x")


@POSIX
def test_a_read_only_folder_is_refused(tmp_path: Path, mode: str) -> None:
    """No permission to write in the folder: one clear message; the old file stays."""
    folder = tmp_path / "locked"
    folder.mkdir()
    path = folder / "x.json"
    path.write_bytes(b"old")
    folder.chmod(0o500)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("this user writes into read-only folders (root)")
        with pytest.raises(DataFileError, match="permission denied") as caught:
            fileio.write_atomic(path, b"new")
        assert str(path) in str(caught.value)
    finally:
        folder.chmod(0o700)
    assert path.read_bytes() == b"old"
    assert leftovers(folder) == []


def test_no_permission_is_one_clear_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mode: str
) -> None:
    """EACCES when creating the new file (as for any user in a locked folder): named, clean."""
    path = tmp_path / "x.json"
    path.write_bytes(b"old")

    def refuse(*args: Any, **kwargs: Any) -> int:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(DataFileError, match="cannot write: permission denied") as caught:
        fileio.write_atomic(path, b"new")
    assert caught.value.errno == errno.EACCES
    assert caught.value.path == str(path)
    monkeypatch.undo()
    assert path.read_bytes() == b"old"
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("failing", ["write", "fsync"])
def test_a_full_disk_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mode: str, failing: str
) -> None:
    """ENOSPC while writing or syncing: a clear message, the old file, no temporary file."""
    path = tmp_path / "x.json"
    path.write_bytes(b"old")
    real = getattr(os, failing)

    def full(descriptor: int, *args: Any) -> Any:
        if failing == "write":
            real(descriptor, bytes(args[0])[:3])
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, failing, full)
    with pytest.raises(DataFileError, match="cannot write: no space left on the device") as caught:
        fileio.write_atomic(path, [b"new ", b"content"])
    monkeypatch.undo()
    assert caught.value.errno == errno.ENOSPC
    assert str(caught.value) == f"cannot write: no space left on the device: {path}"
    assert path.read_bytes() == b"old"
    assert leftovers(tmp_path) == []


@POSIX
@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
def test_dev_full_is_refused_not_replaced() -> None:
    """/dev/full (a device that is always full) is not a file the writer replaces."""
    before = Path("/dev/full").stat()
    with pytest.raises(DataFileError, match="character device"):
        fileio.write_atomic("/dev/full", b"x")
    after = Path("/dev/full").stat()
    assert (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)


def test_an_error_in_the_chunks_keeps_the_old_file(tmp_path: Path, mode: str) -> None:
    """An exception raised by the data itself (or an interrupt) propagates, cleanly."""
    path = tmp_path / "x.json"
    path.write_bytes(b"old")

    def chunks(error: BaseException) -> Any:
        yield b"new"
        raise error

    with pytest.raises(ValueError, match="bad chunk"):
        fileio.write_atomic(path, chunks(ValueError("bad chunk")))
    with pytest.raises(KeyboardInterrupt):
        fileio.write_atomic(path, chunks(KeyboardInterrupt()))
    assert path.read_bytes() == b"old"
    assert leftovers(tmp_path) == []


def test_a_failing_rename_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mode: str
) -> None:
    """The last step failing removes the new file and names the path."""
    path = tmp_path / "x.json"
    path.write_bytes(b"old")

    def refuse(self: Path, target: Any) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(Path, "replace", refuse)
    with pytest.raises(DataFileError, match="input/output error"):
        fileio.write_atomic(path, b"new")
    monkeypatch.undo()
    assert path.read_bytes() == b"old"
    assert leftovers(tmp_path) == []


def refuse_to_link(descriptor: int, name: Path) -> None:
    raise OSError(errno.EXDEV, "Invalid cross-device link")


@pytest.mark.skipif(not fileio._tmpfile_works, reason="no O_TMPFILE here")
def test_unnamed_files_fall_back_when_naming_fails_late(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A system that stops naming unnamed files: the bytes are copied to a named file."""
    monkeypatch.setattr(fileio, "_tmpfile_works", True)
    monkeypatch.setattr(fileio, "_linker", refuse_to_link)
    fileio.write_atomic(tmp_path / "x.json", [b"a" * 3_000_000, b"b"])
    assert (tmp_path / "x.json").read_bytes() == b"a" * 3_000_000 + b"b"
    assert fileio._tmpfile_works is False
    assert leftovers(tmp_path) == []


@pytest.mark.skipif(not fileio._tmpfile_works, reason="no O_TMPFILE here")
def test_systems_that_cannot_name_unnamed_files_use_named_ones(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No /proc link and no linkat: found out once, on an empty probe, before any byte."""
    monkeypatch.setattr(fileio, "_tmpfile_works", True)
    monkeypatch.setattr(fileio, "_linker", None)
    monkeypatch.setattr(fileio, "_link_through_proc", refuse_to_link)
    monkeypatch.setattr(fileio, "_link_empty_path", refuse_to_link)
    fileio.write_atomic(tmp_path / "x.json", b"named")
    assert (tmp_path / "x.json").read_bytes() == b"named"
    assert fileio._tmpfile_works is False
    assert leftovers(tmp_path) == []


@pytest.mark.skipif(not fileio._tmpfile_works, reason="no O_TMPFILE here")
def test_the_first_way_of_naming_that_works_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """/proc refused (as in some sandboxes): linkat with an empty path names the file."""
    monkeypatch.setattr(fileio, "_linker", None)
    monkeypatch.setattr(fileio, "_link_through_proc", refuse_to_link)
    fileio.write_atomic(tmp_path / "x.json", b"linked")
    assert (tmp_path / "x.json").read_bytes() == b"linked"
    assert fileio._linker is fileio._link_empty_path
    assert leftovers(tmp_path) == []


@pytest.mark.skipif(not hasattr(os, "O_TMPFILE"), reason="no O_TMPFILE here")
def test_file_systems_without_unnamed_files_use_named_ones(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """EOPNOTSUPP for O_TMPFILE: the writer names its temporary file instead."""
    monkeypatch.setattr(fileio, "_tmpfile_works", True)
    real_open = os.open

    def no_tmpfile(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if flags & os.O_TMPFILE == os.O_TMPFILE:
            raise OSError(errno.EOPNOTSUPP, "Operation not supported")
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", no_tmpfile)
    fileio.write_atomic(tmp_path / "x.json", b"named")
    assert (tmp_path / "x.json").read_bytes() == b"named"


# Temporary files of killed writes ----------------------------------------------------------------


def dead_pid() -> int:
    """The id of a process that has ended."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


@POSIX
def test_stale_temporary_files_of_dead_writers_are_removed(tmp_path: Path) -> None:
    """The next write in a folder removes the writer's files of dead processes, only those."""
    stale = tmp_path / f".x.json.turkicorg-{dead_pid()}-0123456789abcdef.tmp"
    stale.write_bytes(b"half")
    alive = tmp_path / f".y.json.turkicorg-{os.getppid()}-0123456789abcdef.tmp"
    alive.write_bytes(b"busy")
    mine = tmp_path / f".z.json.turkicorg-{os.getpid()}-0123456789abcdef.tmp"
    mine.write_bytes(b"mine")
    other = tmp_path / ".x.json.other-1-0123456789abcdef.tmp"
    other.write_bytes(b"not ours")
    fileio.write_atomic(tmp_path / "new.json", b"x")
    assert not stale.exists()
    assert alive.exists()
    assert mine.exists()
    assert other.exists()
    assert fileio.remove_stale_temporaries(tmp_path / "missing") == []


KILLED_WRITER = textwrap.dedent(
    """
    import sys, time
    from turkicorg import fileio

    if sys.argv[2] == "named":
        fileio._tmpfile_works = False

    def chunks():
        yield b"x" * (4 * 1024 * 1024)
        print("writing", flush=True)
        time.sleep(60)
        yield b"never"

    fileio.write_atomic(sys.argv[1], chunks())
    """
)


@POSIX
@pytest.mark.parametrize("how", ["unnamed", "named"])
def test_no_temporary_file_survives_a_kill(tmp_path: Path, how: str) -> None:
    """A writer killed with SIGKILL mid-write leaves nothing once the next write has run."""
    if how == "unnamed" and not fileio._tmpfile_works:
        pytest.skip("no O_TMPFILE here")
    target = tmp_path / "big.json"
    target.write_bytes(b"old")
    writer = subprocess.Popen(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", KILLED_WRITER, str(target), how],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert writer.stdout is not None
        assert writer.stdout.readline() == "writing\n"
        if how == "named":
            assert len(leftovers(tmp_path)) == 1  # the half-written file, named as ours
        else:
            assert leftovers(tmp_path) == []  # unnamed until complete: nothing to see
        writer.send_signal(signal.SIGKILL)
    finally:
        writer.wait(timeout=30)
        if writer.stdout is not None:
            writer.stdout.close()
    assert writer.returncode == -signal.SIGKILL
    assert target.read_bytes() == b"old"
    fileio.write_atomic(tmp_path / "next.json", b"next")
    assert leftovers(tmp_path) == []
    assert target.read_bytes() == b"old"


# Reading and decoding -----------------------------------------------------------------------------


def test_read_bytes_and_its_limit(tmp_path: Path) -> None:
    """The bytes of a file; with a limit, at most one byte more than the limit."""
    path = tmp_path / "x.bin"
    path.write_bytes(b"0123456789")
    assert fileio.read_bytes(path) == b"0123456789"
    assert fileio.read_bytes(path, limit=3) == b"0123"
    with fileio.open_binary(path) as stream:
        assert stream.read(2) == b"01"


def test_read_problems_name_the_file(tmp_path: Path) -> None:
    """A missing file is named with the reason; DataFileError is an OSError too."""
    path = tmp_path / "missing.json"
    with pytest.raises(DataFileError, match="cannot read: no such file or folder") as caught:
        fileio.read_bytes(path)
    assert isinstance(caught.value, OSError)
    assert caught.value.errno == errno.ENOENT
    assert caught.value.path == str(path)


def test_read_errors_while_reading_are_data_file_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An input/output error after opening is a DataFileError naming the file."""
    path = tmp_path / "x.bin"
    path.write_bytes(b"data")

    class Failing:
        def __enter__(self) -> Self:
            return self

        def __exit__(self, *args: object) -> None:
            return None

        def read(self, size: int) -> bytes:
            raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(fileio, "open_binary", lambda _path: Failing())
    with pytest.raises(DataFileError, match="cannot read: input/output error"):
        fileio.read_bytes(path)


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (b"", ""),
        (b"T\xc3\xbcrk", "Türk"),
        (b"\xef\xbb\xbfT\xc3\xbcrk", "Türk"),
        (b"\xef\xbb\xbf", ""),
    ],
)
def test_utf8_with_or_without_a_byte_order_mark(data: bytes, text: str) -> None:
    """UTF-8 decodes; one leading byte order mark is dropped."""
    assert fileio.decode_utf8(data, source="x") == text
    assert fileio.strip_bom(data).decode() == text


@pytest.mark.parametrize(
    ("data", "offset", "words"),
    [
        (b"ok\xff", 2, "invalid start byte (byte 0xff at byte offset 2)"),
        (b"\xef\xbb\xbfab\xc3", 5, "unexpected end of data (byte 0xc3 at byte offset 5)"),
        (b"a\xed\xa0\x80", 1, "invalid continuation byte (byte 0xed at byte offset 1)"),
        (b"\xc0\xaf", 0, "invalid start byte (byte 0xc0 at byte offset 0)"),
    ],
)
def test_invalid_utf8_names_the_source_and_the_byte_offset(
    data: bytes, offset: int, words: str
) -> None:
    """A bad byte (also an encoded surrogate or an overlong form) is located to the byte."""
    with pytest.raises(InvalidDataError) as caught:
        fileio.decode_utf8(data, source="data.json", where="$[line 2]", offset=10)
    assert str(caught.value).startswith("data.json is not UTF-8 text: ")
    assert caught.value.errors[0].path == "$[line 2]"
    assert caught.value.errors[0].value == 10 + offset
    assert words.replace(f"offset {offset}", f"offset {10 + offset}") in str(caught.value)
    assert isinstance(caught.value, ValueError)


@pytest.mark.parametrize(
    ("encoding", "name"),
    [("utf-16", "UTF-16"), ("utf-16-be", "UTF-16"), ("utf-32", "UTF-32")],
)
def test_utf16_and_utf32_are_named(encoding: str, name: str) -> None:
    """Text saved as UTF-16 or UTF-32 (with its byte order mark) is recognised and named."""
    data = "{}".encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    with pytest.raises(InvalidDataError, match=f"x.json is {name} text, not UTF-8"):
        fileio.decode_utf8(data, source="x.json")


def test_a_file_named_with_a_trailing_slash_is_not_read(tmp_path: Path) -> None:
    """``file.json/`` names a folder: reading it is a data file error, not the file."""
    path = tmp_path / "file.json"
    path.write_bytes(b"{}")
    assert fileio.read_bytes(str(path)) == b"{}"
    with pytest.raises(DataFileError, match=re.escape(f"{path}/")):
        fileio.read_bytes(f"{path}/")


def test_reading_imports_no_pathlib() -> None:
    """Reading a file imports neither pathlib nor its modules (start-up time of every command).

    The process starts without ``site`` (whose path hooks, an editable install's or a
    coverage tool's, may import pathlib themselves), turkicorg and attrs on its path.
    """
    import attrs  # noqa: PLC0415

    paths = [str(Path(fileio.__file__).parent.parent), str(Path(attrs.__file__).parent.parent)]
    code = (
        f"import sys; sys.path[:0] = {paths!r}; from turkicorg import fileio; "
        "fileio.read_bytes(sys.executable, limit=1); print('pathlib' in sys.modules)"
    )
    done = subprocess.run(  # noqa: S603 - our own interpreter
        [sys.executable, "-S", "-I", "-c", code], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "False"
