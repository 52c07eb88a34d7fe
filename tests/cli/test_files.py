"""The commands that read and write files: meetings, export, timeline, validate, --data."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    Runner = Callable[..., Any]

EMPTY_REGISTRY = {"format": "turkicorg", "version": 1, "type": "MeetingRegistry", "meetings": []}


def test_validate(tmp_path: Path, cli: Runner, entry_point: Runner) -> None:
    """Every problem is printed with its path; exit 1 when any file is invalid."""
    good = tmp_path / "good.json"
    good.write_text(json.dumps(EMPTY_REGISTRY), encoding="utf-8")
    bad = tmp_path / "bad.json"
    meeting = {
        "id": "x", "body": "CFM", "kind": "regular", "title": "t",
        "start": "2022-02-30", "sources": ["u"], "venue": "?",
    }  # fmt: skip
    bad.write_text(json.dumps({**EMPTY_REGISTRY, "meetings": [meeting]}), encoding="utf-8")
    result = cli("validate", str(good))
    assert result.status == 0
    assert "valid MeetingRegistry" in result.out
    result = entry_point("validate", str(good), str(bad), str(tmp_path / "missing.json"))
    assert result.status == 1
    assert "@ $.meetings[0].start" in result.out
    assert "@ $.meetings[0].venue" in result.out
    assert "missing.json: cannot read" in result.out
    garbage = tmp_path / "garbage.json"
    garbage.write_text("{not json", encoding="utf-8")
    result = cli("validate", str(garbage))
    assert result.status == 1
    assert "malformed JSON" in result.out


def test_data_option_errors(tmp_path: Path, entry_point: Runner, cli: Runner) -> None:
    """A missing or invalid --data file is one line on stderr naming the file, exit 1."""
    missing = tmp_path / "nope.json"
    result = entry_point("overview", "--data", str(missing))
    assert result.status == 1
    assert result.err == f"turkicorg: {missing}: cannot read: no such file or folder\n"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({**EMPTY_REGISTRY, "meetings": [1, 2]}), encoding="utf-8")
    result = cli("members", "--data", str(bad))
    assert result.status == 1
    assert result.err.startswith(f"turkicorg: {bad}: ")
    assert "(and 1 more)" in result.err


def test_extraordinary_cfm_meetings_of_2022_as_a_calendar(entry_point: Runner) -> None:
    """A newcomer's question: the extraordinary CFM meetings of 2022 as a calendar file."""
    result = entry_point(
        "meetings", "--organ", "CFM", "--kind", "extraordinary", "--year", "2022", "--format", "ics"
    )
    assert result.status == 0
    assert result.out.count("BEGIN:VEVENT") == 2
    assert "DTSTART;VALUE=DATE:20220111" in result.out
    assert "DTSTART;VALUE=DATE:20221017" in result.out
    assert "UID:cfm-2022-01-11@turkicorg" in result.out


def test_meetings_table_json_csv_and_filters(cli: Runner) -> None:
    """Every output format and filter of the meetings command."""
    result = cli("meetings", "--organ", "CFM", "--kind", "extraordinary", "--year", "2022")
    assert result.status == 0
    assert "2022-01-11  extraordinary  Extraordinary Meeting of the CFM  video" in result.out
    assert all(len(line) <= 80 for line in result.out.splitlines())
    result = cli(
        "meetings", "--participant", "OSCE", "--between", "2023", "2023", "--format", "json"
    )
    assert json.loads(result.out)["type"] == "MeetingRegistry"
    assert "bil-2023-03-31-ots-osce" in result.out
    result = cli("meetings", "--participant", "OTS", "--text", "OSCE", "--format", "json")
    assert json.loads(result.out)["meetings"][0]["id"] == "bil-2023-03-31-ots-osce"
    result = cli("meetings", "--host", "Uzbekistan", "--body", "coe", "--format", "csv")
    assert "coe-14" in result.out
    result = cli("meetings", "--text", "samarkand", "--status", "confirmed", "--strict")
    assert result.status == 0
    assert cli("meetings", "--year", "1990").status == 1
    assert cli("meetings", "--body", "nonsense").status == 2
    assert cli("meetings", "--host", "Atlantis").status == 2  # a usage error, as for decide


def test_meeting_titles_are_shortened_with_names_from_the_data(cli: Runner) -> None:
    """Tables drop the organization's names and abbreviate long organ names, from the data."""
    from turkicorg import load_default  # noqa: PLC0415
    from turkicorg.cli.meetings import short_title  # noqa: PLC0415

    shorten = short_title(load_default())
    assert shorten("8th Summit of the Organization of Turkic States") == "8th Summit"
    old_name = "Cooperation Council of Turkic Speaking States (Turkic Council)"
    assert shorten(f"3rd Summit of the {old_name}") == "3rd Summit"
    assert shorten("Meeting of the Council of Foreign Ministers") == "Meeting of the CFM"
    assert shorten("Meeting of the Council of Elders") == "Meeting of the Council of Elders"
    result = cli("meetings", "--organ", "CHS", "--format", "json")
    assert "of the Organization of Turkic States" in result.out  # JSON keeps titles whole


def test_meetings_calendar_partial_dates(cli: Runner) -> None:
    """Meetings dated to the month are left out with a warning, or kept with --partial span."""
    result = cli("meetings", "--organ", "COE", "--format", "ics")
    assert result.status == 0
    assert "left out of the calendar" in result.err
    skipped = result.out.count("BEGIN:VEVENT")
    result = cli("meetings", "--organ", "COE", "--format", "ics", "--partial", "span")
    assert result.out.count("BEGIN:VEVENT") == skipped + 1  # the 13th meeting: August 2022


@pytest.mark.parametrize("what", ["json", "jsonl", "csv", "ics", "popolo", "schema"])
def test_export_every_format(what: str, tmp_path: Path, cli: Runner) -> None:
    """Every export format to stdout and atomically to a file, with the same text."""
    result = cli("export", what)
    assert result.status == 0
    assert result.out
    target = tmp_path / f"out.{what}"
    target.write_text("old", encoding="utf-8")
    written = cli("export", what, "-o", str(target))
    assert written.status == 0
    assert written.err.endswith(f"turkicorg: wrote {target}\n")
    assert target.read_bytes().decode("utf-8") == result.out
    assert [p.name for p in tmp_path.iterdir()] == [target.name]
    assert cli("export", what, "-o", "-").out == result.out


def test_export_through_the_entry_point(tmp_path: Path, entry_point: Runner) -> None:
    """The real entry point writes the file and says so on stderr."""
    target = tmp_path / "ots.ics"
    result = entry_point("export", "ics", "-o", str(target))
    assert result.status == 0
    assert target.read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")


def test_exported_json_lines_read_back(tmp_path: Path, cli: Runner) -> None:
    """``export jsonl`` writes what the JSON Lines reader reads: every meeting."""
    target = tmp_path / "meetings.jsonl"
    assert cli("export", "jsonl", "-o", str(target)).status == 0
    from turkicorg import load_default, serialize  # noqa: PLC0415

    assert serialize.load_lines(target) == load_default().meetings


def test_exported_json_is_accepted_as_data(tmp_path: Path, cli: Runner) -> None:
    """A whole-organization export can be used with --data (lossless round trip)."""
    target = tmp_path / "ots.json"
    assert cli("export", "json", "-o", str(target)).status == 0
    result = cli("overview", "--data", str(target), "--on", "2024-01-01")
    assert result.status == 0
    assert "Kazakhstan since 2023-11-03" in result.out
    result = cli("validate", str(target))
    assert (result.status, result.out.strip()) == (0, f"{target}: valid Organization")


def test_timeline(tmp_path: Path, cli: Runner) -> None:
    """The timeline command writes an SVG picture, atomically, or to stdout with ``-o -``."""
    pytest.importorskip("matplotlib")
    target = tmp_path / "t.svg"
    result = cli("timeline", "-o", str(target))
    assert result.status == 0
    assert target.read_text(encoding="utf-8").lstrip().startswith("<?xml")
    assert "wrote" in result.out
    assert [p.name for p in tmp_path.iterdir()] == ["t.svg"]
    result = cli("timeline", "-o", "-")
    assert result.out.lstrip().startswith("<?xml")
