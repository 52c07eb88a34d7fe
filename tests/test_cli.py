"""The command line, driven through its real entry point."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest

from turkicorg import cli

if TYPE_CHECKING:
    from pathlib import Path


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """Run ``python -m turkicorg`` in a subprocess."""
    return subprocess.run(  # noqa: S603 - our own entry point
        [sys.executable, "-m", "turkicorg", *args],
        capture_output=True,
        text=True,
        check=False,
        encoding="utf-8",
    )


def main(*args: str) -> tuple[int, str]:
    """Run the command line in-process; return the exit status and what it printed."""
    out = io.StringIO()
    status = cli.main(list(args), out=out)
    return status, out.getvalue()


def test_help_everywhere_with_examples() -> None:
    """Every subcommand has --help with an example, exit status 0."""
    result = run("--help")
    assert result.returncode == 0
    assert "turkicorg chair elders --next --explain" in result.stdout
    for command in ("overview", "members", "chair", "decide", "validate", "info"):
        result = run(command, "--help")
        assert result.returncode == 0, command
        assert "usage: turkicorg" in result.stdout


def test_next_council_of_elders_chair_and_why() -> None:
    """A newcomer's question: who chairs the Council of Elders next, and why?"""
    result = run("chair", "elders", "--next", "--explain")
    assert result.returncode == 0
    text = " ".join(result.stdout.split())
    assert "the elder of Uzbekistan" in text
    assert "Previous holder: Türkiye" in text
    assert all(len(line) <= 80 for line in result.stdout.splitlines())


def test_overview_answers_members_and_chairs() -> None:
    """The README's main job: members, observers and who chairs what."""
    result = run("overview", "--on", "2024-01-01")
    assert result.returncode == 0
    assert "Members:    Azerbaijan, Kazakhstan, Kyrgyzstan, Türkiye, Uzbekistan" in result.stdout
    assert "Chair of the organization: Kazakhstan since 2023-11-03" in result.stdout
    assert "Binali Yıldırım" in result.stdout
    assert "Kubanychbek Omuraliev" in result.stdout


def test_members_formats() -> None:
    """Members as a table, JSON and CSV; the table fits 80 columns."""
    status, text = main("members", "--on", "2019-10-14")
    assert status == 0
    assert "UZ" not in text
    assert all(len(line) <= 80 for line in text.splitlines())
    status, text = main("members", "--on", "2024", "--observers", "--format", "json")
    rows = json.loads(text)
    assert {r["id"] for r in rows} == {"AZ", "KZ", "KG", "TR", "UZ", "HU", "TM", "TRNC", "ECO"}
    status, text = main("members", "--on", "2022-05-31", "--format", "csv")
    assert text.splitlines()[0] == "id,name,official_name,kind,status,since"
    assert "TR,Turkey,Republic of Turkey,state,member,2009-10-03" in text


def test_no_members_before_the_founding() -> None:
    """No result is exit status 1 with one line on stderr."""
    result = run("members", "--on", "2000")
    assert result.returncode == 1
    assert result.stderr.strip() == "turkicorg: no members on 2000-01-01"


@pytest.mark.parametrize(
    "args",
    [
        ("members", "--on", "2024-13-01"),
        ("members", "--format", "xml"),
        ("chair", "elders", "--next", "0"),
        ("chair", "elders", "--next", "x"),
        ("nonsense",),
        (),
    ],
)
def test_usage_errors_exit_2_without_traceback(args: tuple[str, ...]) -> None:
    """Bad dates, choices and counts are usage errors (exit 2), one line, no traceback."""
    result = run(*args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("turkicorg")


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("chair",), "Azerbaijan since 2025-10-07"),
        (("chair", "organization", "--on", "2023-01-01"), "Uzbekistan since 2022-11-11"),
        (("chair", "--on", "2023-01-01", "--explain"), "Policy: practice"),
        (("chair", "--next"), "Türkiye (projected) [planned 13th Summit, 2026]"),
        (("chair", "--policy", "rule", "--on", "2021"), "Uzbekistan since 2021-01-01"),
        (("chair", "--policy", "rule", "--next", "--on", "2021"), "Kyrgyzstan since 2022-01-01"),
        (("chair", "elders", "--on", "2024-06-01"), "Binali Yıldırım (Türkiye)"),
        (("chair", "elders", "--on", "2024", "--explain"), "Policy: member states"),
        (("chair", "elders", "--next", "4", "--order", "official"), "Kazakhstan"),
        (("chair", "elders", "--next", "2", "--term-years", "4"), "from 2029-11-12 (projected)"),
        (("chair", "elders", "--next", "2", "--explain"), "the elder of Azerbaijan"),
    ],
)
def test_chair(args: tuple[str, ...], expected: str) -> None:
    """Chairs now, on a day, next, under each policy."""
    status, text = main(*args)
    assert status == 0
    assert expected in " ".join(text.split())


def test_chair_errors(capsys: pytest.CaptureFixture[str]) -> None:
    """No chair recorded is exit 1; options for the other chair are usage errors."""
    assert main("chair", "--on", "2010")[0] == 1
    assert main("chair", "elders", "--on", "2010")[0] == 1
    assert main("chair", "--order", "short")[0] == 2
    assert main("chair", "elders", "--policy", "rule")[0] == 2
    err = capsys.readouterr().err
    assert "--order applies to 'chair elders' only" in err


def test_chair_next_without_a_planned_summit(tmp_path: Path) -> None:
    """With no planned regular summit the next chair cannot be computed (exit 1)."""
    registry = {"format": "turkicorg", "version": 1, "type": "MeetingRegistry", "meetings": []}
    path = tmp_path / "empty.json"
    path.write_text(json.dumps(registry), encoding="utf-8")
    result = run("chair", "--next", "--data", str(path))
    assert result.returncode == 1
    assert "agreed summit by summit" in result.stderr


def test_decide() -> None:
    """Consensus blocked by one objection (exit 1); observers never count (exit 0)."""
    status, text = main("decide", "CFM", "--support", "AZ,KZ,KG,UZ", "--object", "TR")
    assert status == 1
    assert text.startswith("not adopted")
    status, text = main("decide", "COE", "--support", "TR", "--object", "Hungary", "--on", "2024")
    assert status == 0
    assert "Recorded, not counted: HU object" in " ".join(text.split())


def test_decide_errors() -> None:
    """An unknown party is exit 1; the same party twice is a usage error."""
    result = run("decide", "CFM", "--object", "Atlantis")
    assert result.returncode == 2
    assert "Atlantis" in result.stderr
    assert main("decide", "CFM", "--object", "TR", "--support", "TR")[0] == 2
    result = run("decide", "CHS")
    assert result.returncode == 2
    assert "give at least one position" in result.stderr


def test_validate(tmp_path: Path) -> None:
    """Every problem is printed with its path; exit 1 when any file is invalid."""
    good = tmp_path / "good.json"
    good.write_text(
        json.dumps(
            {"format": "turkicorg", "version": 1, "type": "MeetingRegistry", "meetings": []}
        ),
        encoding="utf-8",
    )
    bad = tmp_path / "bad.json"
    meeting = {
        "id": "x", "body": "CFM", "kind": "regular", "title": "t",
        "start": "2022-02-30", "sources": ["u"], "venue": "?",
    }  # fmt: skip
    bad.write_text(
        json.dumps(
            {"format": "turkicorg", "version": 1, "type": "MeetingRegistry", "meetings": [meeting]}
        ),
        encoding="utf-8",
    )
    status, text = main("validate", str(good))
    assert status == 0
    assert "valid MeetingRegistry" in text
    result = run("validate", str(good), str(bad), str(tmp_path / "missing.json"))
    assert result.returncode == 1
    assert "@ $.meetings[0].start" in result.stdout
    assert "@ $.meetings[0].venue" in result.stdout
    assert "missing.json: cannot read" in result.stdout
    garbage = tmp_path / "garbage.json"
    garbage.write_text("{not json", encoding="utf-8")
    status, text = main("validate", str(garbage))
    assert status == 1
    assert "malformed JSON" in text


def test_data_option_errors(tmp_path: Path) -> None:
    """A missing or invalid --data file is one line on stderr, exit 1."""
    result = run("overview", "--data", str(tmp_path / "nope.json"))
    assert result.returncode == 1
    assert result.stderr.startswith("turkicorg: invalid data: cannot read")
    bad = tmp_path / "bad.json"
    bad.write_text(
        '{"format": "turkicorg", "version": 1, "type": "MeetingRegistry", "meetings": [1, 2]}'
    )
    result = run("members", "--data", str(bad))
    assert result.returncode == 1
    assert "(and 1 more)" in result.stderr


def test_info() -> None:
    """Data version, last verified day and counts."""
    status, text = main("info")
    assert status == 0
    assert "data version:" in text
    assert "meetings:" in text


def test_version() -> None:
    """--version prints the version."""
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("turkicorg ")


def test_extraordinary_cfm_meetings_of_2022_as_a_calendar(tmp_path: Path) -> None:
    """A newcomer's question: the extraordinary CFM meetings of 2022 as a calendar file."""
    result = run(
        "meetings", "--organ", "CFM", "--kind", "extraordinary", "--year", "2022", "--format", "ics"
    )
    assert result.returncode == 0
    text = result.stdout
    assert text.count("BEGIN:VEVENT") == 2
    assert "DTSTART;VALUE=DATE:20220111" in text
    assert "DTSTART;VALUE=DATE:20221017" in text
    assert "UID:cfm-2022-01-11@turkicorg" in text


def test_meetings_table_json_csv_and_filters() -> None:
    """Every output format and filter of the meetings command."""
    status, text = main("meetings", "--organ", "CFM", "--kind", "extraordinary", "--year", "2022")
    assert status == 0
    assert "2022-01-11  extraordinary  Extraordinary Meeting of the CFM  video" in text
    assert all(len(line) <= 80 for line in text.splitlines())
    status, text = main(
        "meetings", "--participant", "OSCE", "--between", "2023", "2023", "--format", "json"
    )
    assert json.loads(text)["type"] == "MeetingRegistry"
    assert "bil-2023-03-31-ots-osce" in text
    status, text = main("meetings", "--participant", "OTS", "--text", "OSCE", "--format", "json")
    assert json.loads(text)["meetings"][0]["id"] == "bil-2023-03-31-ots-osce"
    status, text = main("meetings", "--host", "Uzbekistan", "--body", "COE", "--format", "csv")
    assert "coe-14" in text
    status, text = main("meetings", "--text", "samarkand", "--status", "confirmed", "--strict")
    assert status == 0
    assert main("meetings", "--year", "1990")[0] == 1
    assert main("meetings", "--body", "nonsense")[0] == 2
    assert main("meetings", "--host", "Atlantis")[0] == 1


def test_meetings_calendar_partial_dates(capsys: pytest.CaptureFixture[str]) -> None:
    """Meetings dated to the month are left out with a warning, or kept with --partial span."""
    status, text = main("meetings", "--organ", "COE", "--format", "ics")
    assert status == 0
    assert "left out of the calendar" in capsys.readouterr().err
    skipped = text.count("BEGIN:VEVENT")
    status, text = main("meetings", "--organ", "COE", "--format", "ics", "--partial", "span")
    assert text.count("BEGIN:VEVENT") == skipped + 1  # the 13th meeting: August 2022


def test_gaps() -> None:
    """The Council of Elders' rhythm, its gaps and the next meeting due."""
    status, text = main("gaps", "COE", "--between", "2022", "2025", "--on", "2025-12-01")
    assert status == 0
    assert "Twice a year in principle." in text
    assert "2022-09-01/2023-10-16: 2 expected meeting(s) missing" in " ".join(text.split())
    assert "next COE regular meeting expected 2026-05-01/2026-05-31" in " ".join(text.split())
    status, text = main("gaps", "CHS", "--kind", "regular", "--on", "2025-12-01")
    assert status == 0
    assert "next recorded: chs-2026-regular" in " ".join(text.split())
    status, text = main("gaps", "CFM", "--kind", "informal", "--between", "2024", "2024")
    assert "none" in text


@pytest.mark.parametrize("what", ["json", "jsonl", "csv", "ics", "popolo", "schema"])
def test_export_every_format(what: str, tmp_path: Path) -> None:
    """Every export format to stdout and atomically to a file, with the same text."""
    status, text = main("export", what)
    assert status == 0
    assert text
    target = tmp_path / f"out.{what}"
    target.write_text("old", encoding="utf-8")
    result = run("export", what, "-o", str(target))
    assert result.returncode == 0
    assert target.read_bytes().decode("utf-8") == text
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


def test_exported_json_lines_read_back(tmp_path: Path) -> None:
    """``export jsonl`` writes what the JSON Lines reader reads: every meeting."""
    target = tmp_path / "meetings.jsonl"
    assert run("export", "jsonl", "-o", str(target)).returncode == 0
    from turkicorg import load_default, serialize  # noqa: PLC0415

    assert serialize.load_lines(target) == load_default().meetings


def test_exported_json_is_accepted_as_data(tmp_path: Path) -> None:
    """A whole-organization export can be used with --data (lossless round trip)."""
    target = tmp_path / "ots.json"
    assert run("export", "json", "-o", str(target)).returncode == 0
    result = run("overview", "--data", str(target), "--on", "2024-01-01")
    assert result.returncode == 0
    assert "Kazakhstan since 2023-11-03" in result.stdout
    status, text = main("validate", str(target))
    assert (status, text.strip()) == (0, f"{target}: valid Organization")


def test_timeline(tmp_path: Path) -> None:
    """The timeline command writes an SVG picture."""
    target = tmp_path / "t.svg"
    status, text = main("timeline", "-o", str(target))
    assert status == 0
    assert target.read_text(encoding="utf-8").lstrip().startswith("<?xml")
    assert "wrote" in text
