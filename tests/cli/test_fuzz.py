"""Property: no data file and no path makes any subcommand raise or print a traceback.

Every subcommand is run in-process through ``turkicorg.cli.main`` with mutated data files
(random bytes, truncated JSON, a byte order mark, UTF-16, flipped bytes, odd JSON) and odd
paths (empty, odd characters, folders, missing folders, symbolic link loops). Each run must
end with exit status 0, 1 or 2, and what it writes on standard error must be lines of the
form ``turkicorg...``, with no traceback, no internal error and no raw control character.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from turkicorg import serialize
from turkicorg.cli import main
from turkicorg.data import load_default

if TYPE_CHECKING:
    from collections.abc import Iterator

DATA_COMMANDS: tuple[tuple[str, ...], ...] = (
    ("overview", "--on", "2024"),
    ("members", "--observers", "--format", "csv"),
    ("members", "--format", "json"),
    ("chair", "--next", "2"),
    ("chair", "elders", "--next", "2", "--explain"),
    ("chair", "--on", "2023"),
    ("decide", "CFM", "--support", "TR", "--on", "2024"),
    ("meetings", "--year", "2022"),
    ("meetings", "--format", "ics", "--partial", "span"),
    ("gaps", "COE"),
    ("info",),
    ("export", "json"),
    ("export", "jsonl"),
    ("export", "csv"),
    ("export", "popolo"),
    ("timeline", "-o", "-"),
)
OUTPUT_COMMANDS: tuple[tuple[str, ...], ...] = (
    ("export", "json"),
    ("export", "csv"),
    ("export", "ics"),
    ("export", "schema"),
)
_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")
SETTINGS = settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)


@pytest.fixture(scope="module")
def folder() -> Iterator[Path]:
    """A folder with the odd things paths can name."""
    with tempfile.TemporaryDirectory() as name:
        base = Path(name)
        (base / "a-folder").mkdir()
        (base / "loop").symlink_to(base / "loop")
        (base / "dangling").symlink_to(base / "nowhere" / "x.json")
        yield base


@pytest.fixture(scope="module")
def samples() -> tuple[bytes, bytes]:
    """A valid organization document and a valid meeting registry, as bytes."""
    ots = load_default()
    return serialize.dumps(ots).encode(), serialize.dumps(ots.meetings.filter(year=2022)).encode()


def mutate(data: bytes, how: str, cut: float, noise: bytes) -> bytes:
    """``data`` changed in one of the ways files break."""
    position = int(len(data) * cut)
    changes = {
        "as is": lambda: data,
        "truncated": lambda: data[:position],
        "bom": lambda: b"\xef\xbb\xbf" + data,
        "utf-16": lambda: data.decode("utf-8").encode("utf-16"),
        "utf-16-be": lambda: data.decode("utf-8").encode("utf-16-be"),
        "flipped": lambda: data[:position] + noise + data[position + len(noise) :],
        "inserted": lambda: data[:position] + noise + data[position:],
        "noise": lambda: noise,
    }
    return changes[how]()


@st.composite
def data_files(draw: st.DrawFn, samples: tuple[bytes, bytes]) -> bytes:
    """The bytes of a broken or odd data file."""
    kind = draw(st.sampled_from(["organization", "registry", "json", "bytes"]))
    if kind == "bytes":
        return draw(st.binary(max_size=200))
    if kind == "json":
        value = draw(
            st.recursive(
                st.none() | st.booleans() | st.integers() | st.text(max_size=8),
                lambda inner: st.lists(inner, max_size=4)
                | st.dictionaries(st.sampled_from(["type", "format", "version", "meetings",
                                                   "parties", "id", "title"]), inner, max_size=4),
                max_leaves=12,
            )
        )  # fmt: skip
        if draw(st.booleans()) and isinstance(value, dict):
            value = {"format": "turkicorg", "version": 1, "type": "MeetingRegistry", **value}
        return json.dumps(value).encode()
    base = samples[0] if kind == "organization" else samples[1]
    how = draw(
        st.sampled_from(
            ["as is", "truncated", "bom", "utf-16", "utf-16-be", "flipped", "inserted", "noise"]
        )
    )
    cut = draw(st.floats(min_value=0, max_value=1))
    return mutate(base, how, cut, draw(st.binary(min_size=1, max_size=8)))


ODD_NAMES = st.sampled_from(
    [
        "",
        "-",
        ".",
        "..",
        "a-folder",
        "a-folder/",
        "loop",
        "loop/x",
        "dangling",
        "missing/x.json",
        "x" * 300,
        "new line\n.json",
        "esc\x1b[2J.json",
        "undecodable \udcff.json",
        " spaced ",
        "ünïcödé.json",
        "--data",
    ]
)


def check(args: list[str]) -> None:
    """Run the command line in-process; assert it ended cleanly."""
    out, err = io.StringIO(), io.StringIO()
    status = main(args, out=out, err=err)
    assert status in {0, 1, 2}, (args, status)
    message = err.getvalue()
    assert "Traceback" not in message
    assert "internal error" not in message, message
    for line in message.splitlines():
        assert line.startswith("turkicorg"), (args, line)
        assert not _CONTROL.search(line), (args, line)


@SETTINGS
@given(data=st.data(), command=st.sampled_from(DATA_COMMANDS))
def test_any_data_file(
    folder: Path, samples: tuple[bytes, bytes], data: st.DataObject, command: tuple[str, ...]
) -> None:
    """Any --data file: exit 0, 1 or 2, one clean line per message, never a traceback."""
    content = data.draw(data_files(samples))
    path = folder / "data.json"
    path.write_bytes(content)
    check([*command, "--data", str(path)])
    check(["validate", str(path)])


@SETTINGS
@given(name=ODD_NAMES, command=st.sampled_from(DATA_COMMANDS), as_output=st.booleans())
def test_any_path(folder: Path, name: str, command: tuple[str, ...], as_output: bool) -> None:
    """Odd paths for --data, for validate and for -o: never a traceback."""
    path = name if name in {"", "-", "--data"} else str(folder / name)
    if as_output:
        check([*OUTPUT_COMMANDS[len(command) % len(OUTPUT_COMMANDS)], "-o", path])
    else:
        check([*command, "--data", path])
    check(["validate", path])


@SETTINGS
@given(words=st.lists(st.text(max_size=12), max_size=6), command=st.sampled_from(DATA_COMMANDS))
def test_any_arguments(folder: Path, words: list[str], command: tuple[str, ...]) -> None:
    """Any extra words on the command line: a usage error or an answer, never a traceback."""
    scratch = folder / "scratch"
    scratch.mkdir(exist_ok=True)
    with contextlib.chdir(scratch):  # "-oX" among the words writes a file named X
        check([*command[:1], *words])
        check([*command, *words])
