"""Issue #11: no input and no path makes the command line print a traceback.

Data and file problems are one line ``turkicorg: <file>: <problem>`` and exit status 1;
usage problems exit 2. Terminal output cannot be forged by the data.
"""

from __future__ import annotations

import csv
import io
import json
import os
import stat
from typing import TYPE_CHECKING, Any

import pytest

from turkicorg import serialize
from turkicorg.data import load_default

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    Runner = Callable[..., Any]

DATA_COMMANDS = [
    ("overview",),
    ("members",),
    ("meetings",),
    ("info",),
    ("export", "json"),
    ("export", "csv"),
    ("chair", "--next"),
    ("chair", "elders", "--next"),  # answered from the record alone without --data
]


def one_line(err: str) -> str:
    """The single message line a failure writes."""
    assert "Traceback" not in err
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("turkicorg: ")
    return lines[0]


@pytest.fixture(scope="module")
def organization_json() -> bytes:
    """The embedded organization as a turkicorg JSON document."""
    return serialize.dumps(load_default()).encode("utf-8")


@pytest.mark.parametrize("command", DATA_COMMANDS)
@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b'{"format": "turkicorg", \xff\xfe}', "is not UTF-8 text"),
        ('{"type": "MeetingRegistry"}'.encode("utf-16"), "is UTF-16 text, not UTF-8"),
        ('{"type": "MeetingRegistry"}'.encode("utf-16-be"), "malformed JSON"),  # NULs: UTF-8
        (b"", "malformed JSON"),
    ],
)
def test_data_that_is_not_utf8(
    tmp_path: Path, cli: Runner, command: tuple[str, ...], content: bytes, problem: str
) -> None:
    """A --data file of invalid UTF-8 or UTF-16 is one line naming the file, exit 1."""
    path = tmp_path / "f.json"
    path.write_bytes(content)
    result = cli(*command, "--data", str(path))
    assert result.status == 1
    line = one_line(result.err)
    assert line.startswith(f"turkicorg: {path}: ")
    assert problem in line


def test_validate_reports_bytes_that_are_not_utf8(tmp_path: Path, cli: Runner) -> None:
    """``validate`` says which file is not UTF-8, and where, and goes on with the next file."""
    bad = tmp_path / "bad.json"
    bad.write_bytes(b'{"a": "\xc3"}')
    utf16 = tmp_path / "utf16.json"
    utf16.write_bytes('{"a": 1}'.encode("utf-16"))
    result = cli("validate", str(bad), str(utf16))
    assert result.status == 1
    assert "Traceback" not in result.err
    assert f"{bad}: invalid (1 problem)" in result.out
    assert "byte offset 7" in result.out
    assert "UTF-16 text, not UTF-8" in result.out


def test_a_bom_before_an_organization_is_an_organization(
    tmp_path: Path, cli: Runner, organization_json: bytes
) -> None:
    """A UTF-8 byte order mark is accepted; the document type is still recognised."""
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + organization_json)
    result = cli("validate", str(path))
    assert (result.status, result.out) == (0, f"{path}: valid Organization\n")
    result = cli("overview", "--data", str(path), "--on", "2024-01-01")
    assert result.status == 0
    assert "Kazakhstan since 2023-11-03" in result.out
    registry = tmp_path / "registry.json"
    registry.write_bytes(b"\xef\xbb\xbf" + serialize.dumps(load_default().meetings).encode())
    assert cli("meetings", "--data", str(registry), "--year", "2022").status == 0


def test_data_that_is_a_folder_or_a_loop(tmp_path: Path, cli: Runner) -> None:
    """A folder, a symlink loop and an empty name are one line each, exit 1."""
    loop = tmp_path / "loop.json"
    loop.symlink_to(loop)
    for path, problem in (
        (str(tmp_path), "it is a folder"),
        (str(loop), "symbolic links"),
        ("", "no file name given"),
    ):
        result = cli("members", "--data", path)
        assert result.status == 1
        assert problem in one_line(result.err)


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("loop.json", "symbolic links"),
        ("", "no file name given"),
        ("missing-dir/t.out", "the folder does not exist"),
        ("a-directory", "it is a folder"),
        ("a-directory/", "names a folder"),
        ("x" * 300, "the file name is too long"),
    ],
)
@pytest.mark.parametrize("command", [("export", "json"), ("timeline",)])
def test_output_paths_that_cannot_be_written(  # noqa: PLR0917 - fixtures and parameters
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    cli: Runner,
    command: tuple[str, ...],
    name: str,
    problem: str,
) -> None:
    """``-o`` to a symlink loop, nothing, a missing folder, a folder: one line, exit 1."""
    if command == ("timeline",):
        pytest.importorskip("matplotlib")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "loop.json").symlink_to(tmp_path / "loop.json")
    (tmp_path / "a-directory").mkdir()
    result = cli(*command, "-o", name)
    assert result.status == 1
    line = one_line(result.err)
    assert problem in line
    shown = name or "''"
    assert line.startswith(f"turkicorg: {shown}: ")
    assert (tmp_path / "a-directory").is_dir()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-directory", "loop.json"]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes anywhere")
def test_output_in_a_read_only_folder(tmp_path: Path, cli: Runner) -> None:
    """``-o`` in a folder without write permission: one line, exit 1, nothing left behind."""
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        result = cli("export", "json", "-o", str(folder / "ots.json"))
    finally:
        folder.chmod(0o755)
    assert result.status == 1
    assert "permission denied" in one_line(result.err)
    assert list(folder.iterdir()) == []


@pytest.mark.skipif(not os.path.exists(os.devnull), reason="no null device")  # noqa: PTH110
def test_output_to_a_character_device_is_refused(cli: Runner) -> None:
    """``-o /dev/null`` is not replaced by a file: the writer refuses, the CLI says so."""
    result = cli("export", "json", "-o", os.devnull)
    assert result.status == 1
    assert "character device" in one_line(result.err)
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)  # noqa: PTH116


def hostile_registry(title: str) -> dict[str, Any]:
    """A registry with one meeting whose title is ``title``."""
    meeting = {
        "id": "cfm-x", "body": "CFM", "kind": "regular", "title": title,
        "start": "2022-02-03", "sources": ["https://example.org/"],
    }  # fmt: skip
    return {"format": "turkicorg", "version": 1, "type": "MeetingRegistry", "meetings": [meeting]}


def test_tables_escape_control_characters(tmp_path: Path, cli: Runner) -> None:
    """A title with a newline cannot forge a row; escape sequences never reach the terminal."""
    title = "Meeting\n2099-01-01  regular  Forged row\x1b[2J\x9b31m\u202e"
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(hostile_registry(title)), encoding="utf-8")
    result = cli("meetings", "--data", str(path))
    assert result.status == 0
    rows = result.out.splitlines()
    assert len(rows) == 3  # header, rule, one meeting
    assert "\x1b" not in result.out
    assert "\x9b" not in result.out
    assert "\u202e" not in result.out
    assert "\\n2099-01-01" in result.out
    assert "\\x1b[2J" in result.out


def test_json_and_csv_stay_lossless(tmp_path: Path, cli: Runner) -> None:
    """JSON and CSV keep such titles exactly; JSON writes C1 controls as escapes."""
    title = "=HYPERLINK(1)\nline\x1b[2J\x9b\u2028"
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(hostile_registry(title)), encoding="utf-8")
    result = cli("meetings", "--data", str(path), "--format", "json")
    assert "\x9b" not in result.out
    assert "\u2028" not in result.out
    assert json.loads(result.out)["meetings"][0]["title"] == title
    result = cli("meetings", "--data", str(path), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.out, newline="")))
    assert rows[0]["title"] == "'" + title


def test_messages_escape_odd_file_names(tmp_path: Path, cli: Runner) -> None:
    """A file name with a newline or an escape sequence is one escaped message line."""
    name = str(tmp_path / "a\nb\x1b[31m.json")
    result = cli("members", "--data", name)
    assert result.status == 1
    line = one_line(result.err)
    assert "a\\nb\\x1b[31m.json" in line


def test_members_csv_guards_formulas(tmp_path: Path, cli: Runner, organization_json: bytes) -> None:
    """Members CSV goes through the one CSV writer: a name that looks like a formula is text."""
    from turkicorg.export.csvwriter import unguard_cell  # noqa: PLC0415

    document = json.loads(organization_json)
    turkey = next(p for p in document["parties"] if p["id"] == "TR")
    turkey["official_name"] = '=HYPERLINK("https://example.org","x")'
    turkey.pop("former_names", None)
    path = tmp_path / "formula.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    result = cli("members", "--format", "csv", "--on", "2024", "--data", str(path))
    assert result.status == 0, result.err
    rows = list(csv.DictReader(io.StringIO(result.out, newline="")))
    cell = next(row["official_name"] for row in rows if row["id"] == "TR")
    assert cell == "'" + turkey["official_name"]
    assert unguard_cell(cell) == turkey["official_name"]
    assert result.out.endswith("\r\n")


def test_a_broken_pipe_is_quiet(cli: Runner) -> None:
    """A reader that goes away (``| head``) ends the command quietly, exit 0."""
    from turkicorg.cli import main  # noqa: PLC0415

    class Closed(io.StringIO):
        def write(self, text: str) -> int:
            raise BrokenPipeError(32, "Broken pipe")

    err = io.StringIO()
    assert main(["members", "--on", "2024-01-01"], out=Closed(), err=err) == 0
    assert err.getvalue() == ""


def test_every_failure_is_one_line(monkeypatch: pytest.MonkeyPatch, cli: Runner) -> None:
    """Even a bug or a full disk on standard output is one line and exit 1, not a traceback."""
    from turkicorg.cli import app, info  # noqa: PLC0415

    def broken(*_args: object) -> int:
        raise RuntimeError("a bug")

    monkeypatch.setattr(info, "run", broken)
    result = cli("info")
    assert result.status == 1
    assert (
        one_line(result.err) == "turkicorg: internal error, please report it: RuntimeError: a bug"
    )
    assert app.message_for(OSError(28, "No space left on device")) == (
        1,
        "<stdout>: No space left on device",
    )
    assert app.message_for(UnicodeEncodeError("ascii", "Türk", 1, 2, "no")) == (
        1,
        "<stdout>: cannot write 'ü' in the ascii encoding",
    )


def test_chair_elders_reads_a_data_file_whole(
    tmp_path: Path, cli: Runner, organization_json: bytes
) -> None:
    """With --data the Council of Elders is answered from the file (meetings checked too)."""
    embedded = cli("chair", "elders", "--next", "2", "--on", "2024-01-01")
    path = tmp_path / "org.json"
    path.write_bytes(organization_json)
    from_file = cli("chair", "elders", "--next", "2", "--on", "2024-01-01", "--data", str(path))
    assert (from_file.status, from_file.out) == (0, embedded.out)
    assert embedded.out.splitlines()[0] == "Uzbekistan"
    document = json.loads(organization_json)
    document["meetings"][0]["host"] = "XX"  # a meeting naming an unknown party
    path.write_text(json.dumps(document), encoding="utf-8")
    result = cli("chair", "elders", "--data", str(path))
    assert result.status == 1
    assert "unknown party id 'XX'" in one_line(result.err)
