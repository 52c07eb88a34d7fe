"""The commands that answer questions: overview, members, chair, decide, gaps, info."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import pytest

from turkicorg.serialize.compiled import COMPILED

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    Runner = Callable[..., Any]

COMMANDS = ("overview", "members", "chair", "decide", "meetings", "gaps", "export", "timeline")


def test_help_everywhere_with_examples(entry_point: Runner, cli: Runner) -> None:
    """Every subcommand has --help with an example, exit status 0."""
    result = entry_point("--help")
    assert result.status == 0
    assert "turkicorg chair elders --next --explain" in result.out
    for command in (*COMMANDS, "validate", "info"):
        result = cli(command, "--help")
        assert result.status == 0, command
        assert "usage: turkicorg" in result.out
        assert "example" in result.out


def test_next_council_of_elders_chair_and_why(entry_point: Runner) -> None:
    """A newcomer's question: who chairs the Council of Elders next, and why?"""
    result = entry_point("chair", "elders", "--next", "--explain")
    assert result.status == 0
    assert "the elder of Uzbekistan" in result.words
    assert "Previous holder: Türkiye" in result.words
    assert all(len(line) <= 80 for line in result.out.splitlines())


def test_overview_answers_members_and_chairs(cli: Runner) -> None:
    """The README's main job: members, observers and who chairs what."""
    result = cli("overview", "--on", "2024-01-01")
    assert result.status == 0
    assert "Members:    Azerbaijan, Kazakhstan, Kyrgyzstan, Türkiye, Uzbekistan" in result.out
    assert "Chair of the organization: Kazakhstan since 2023-11-03" in result.out
    assert "Binali Yıldırım" in result.out
    assert "Kubanychbek Omuraliev" in result.out
    assert "Next Council of Elders chair: " in result.out


def test_members_formats(cli: Runner) -> None:
    """Members as a table, JSON and CSV; the table fits 80 columns."""
    result = cli("members", "--on", "2019-10-14")
    assert result.status == 0
    assert "UZ" not in result.out
    assert all(len(line) <= 80 for line in result.out.splitlines())
    result = cli("members", "--on", "2024", "--observers", "--format", "json")
    rows = json.loads(result.out)
    assert {r["id"] for r in rows} == {"AZ", "KZ", "KG", "TR", "UZ", "HU", "TM", "TRNC", "ECO"}
    result = cli("members", "--on", "2022-05-31", "--format", "CSV")
    assert result.out.splitlines()[0] == "id,name,official_name,kind,status,since"
    assert "TR,Turkey,Republic of Turkey,state,member,2009-10-03\r\n" in result.out


def test_no_members_before_the_founding(entry_point: Runner) -> None:
    """No result is exit status 1 with one line on stderr."""
    result = entry_point("members", "--on", "2000")
    assert result.status == 1
    assert result.err.strip() == "turkicorg: no members on 2000-01-01"


@pytest.mark.parametrize(
    "args",
    [
        ("members", "--on", "2024-13-01"),
        ("members", "--format", "xml"),
        ("chair", "elders", "--next", "0"),
        ("chair", "elders", "--next", "x"),
        ("gaps", "XYZ"),
        ("meetings", "--year", "２０２２"),
        ("nonsense",),
        (),
    ],
)
def test_usage_errors_exit_2_without_traceback(cli: Runner, args: tuple[str, ...]) -> None:
    """Bad dates, choices and counts are usage errors (exit 2), one line, no traceback."""
    result = cli(*args)
    assert result.status == 2
    assert "Traceback" not in result.err
    assert result.err.strip().splitlines()[-1].startswith("turkicorg")


def test_usage_error_through_the_entry_point(entry_point: Runner) -> None:
    """The real entry point exits 2 on a usage error, with one line and no traceback."""
    result = entry_point("members", "--format", "xml")
    assert result.status == 2
    assert "Traceback" not in result.err
    assert result.err.strip().startswith("turkicorg members: error: argument --format")


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("chair",), "Azerbaijan since 2025-10-07"),
        (("chair", "organization", "--on", "2023-01-01"), "Uzbekistan since 2022-11-11"),
        (("chair", "--on", "2023-01-01", "--explain"), "Policy: practice"),
        (("chair", "--next"), "Türkiye (projected) [planned 13th Summit, 2026]"),
        (("chair", "--policy", "rule", "--on", "2021"), "Uzbekistan since 2021-01-01"),
        (("chair", "--policy", "rule", "--next", "--on", "2021"), "Kyrgyzstan since 2022-01-01"),
        (("chair", "--policy", "rule", "--next", "3", "--on", "2021"), "since 2024-01-01"),
        (("chair", "elders", "--on", "2024-06-01"), "Binali Yıldırım (Türkiye)"),
        (("chair", "elders", "--on", "2024", "--explain"), "Policy: member states"),
        (("chair", "elders", "--next", "4", "--order", "official"), "Kazakhstan"),
        (("chair", "elders", "--next", "2", "--term-years", "4"), "from 2029-11-12 (projected)"),
        (("chair", "elders", "--next", "2", "--explain"), "the elder of Azerbaijan"),
        (("chair", "ELDERS", "--order", "Official"), "Binali Yıldırım"),
    ],
)
def test_chair(cli: Runner, args: tuple[str, ...], expected: str) -> None:
    """Chairs now, on a day, next, under each policy (choices in any case)."""
    result = cli(*args)
    assert result.status == 0, result.err
    assert expected in result.words


def test_chair_next_asks_the_facade(cli: Runner) -> None:
    """``chair --next N`` prints what ``Organization.upcoming_chairs`` gives, in order."""
    from turkicorg import CalendarYearRotation, load_default  # noqa: PLC0415

    terms = load_default().upcoming_chairs(3, after="2021-01-01", policy=CalendarYearRotation())
    result = cli("chair", "--policy", "rule", "--next", "3", "--on", "2021-01-01")
    assert [line.split(" since ")[0] for line in result.out.splitlines()] == [
        term.state.short_name for term in terms
    ]


def test_chair_errors(cli: Runner) -> None:
    """No chair recorded is exit 1; options for the other chair are usage errors."""
    assert cli("chair", "--on", "2010").status == 1
    assert cli("chair", "elders", "--on", "2010").status == 1
    result = cli("chair", "--order", "short")
    assert result.status == 2
    assert result.err == "turkicorg: --order: applies to 'chair elders' only\n"
    assert cli("chair", "elders", "--policy", "rule").status == 2
    assert cli("chair", "--term-years", "4").status == 2


def test_chair_next_without_a_planned_summit(tmp_path: Path, entry_point: Runner) -> None:
    """With no planned regular summit the next chair cannot be computed (exit 1)."""
    registry = {"format": "turkicorg", "version": 1, "type": "MeetingRegistry", "meetings": []}
    path = tmp_path / "empty.json"
    path.write_text(json.dumps(registry), encoding="utf-8")
    result = entry_point("chair", "--next", "--data", str(path))
    assert result.status == 1
    assert "agreed summit by summit" in result.err


def test_decide(cli: Runner) -> None:
    """Consensus blocked by one objection (exit 1); observers never count (exit 0)."""
    result = cli(
        "decide", "CFM", "--support", "AZ,KZ,KG,UZ", "--object", "TR", "--on", "2024-01-01"
    )
    assert result.status == 1
    assert result.out.startswith("not adopted")
    result = cli("decide", "coe", "--support", "TR", "--object", "Hungary", "--on", "2024")
    assert result.status == 0
    assert "Recorded, not counted: HU object" in result.words


def test_decide_errors(cli: Runner) -> None:
    """An unknown party, the same party twice, no position, an organ without decisions: exit 2."""
    result = cli("decide", "CFM", "--object", "Atlantis", "--on", "2024-01-01")
    assert result.status == 2
    assert result.err.startswith("turkicorg: --object: ")
    assert "Atlantis" in result.err
    assert cli("decide", "CFM", "--object", "TR", "--support", "TR").status == 2
    result = cli("decide", "CHS")
    assert result.status == 2
    assert "give at least one position" in result.err
    result = cli("decide", "SEC", "--support", "TR")
    assert result.status == 2
    assert "takes no decisions" in result.err


def test_gaps(cli: Runner) -> None:
    """The Council of Elders' rhythm, its gaps and the next meeting due."""
    result = cli("gaps", "COE", "--between", "2022", "2025", "--on", "2025-12-01")
    assert result.status == 0
    assert "Twice a year in principle." in result.out
    assert "2022-09-01/2023-10-16: 2 expected meeting(s) missing" in result.words
    assert "next COE regular meeting expected 2026-05-01/2026-05-31" in result.words
    result = cli("gaps", "CHS", "--kind", "regular", "--on", "2025-12-01")
    assert result.status == 0
    assert "next recorded: chs-2026-regular" in result.words
    result = cli("gaps", "CFM", "--kind", "informal", "--between", "2024", "2024")
    assert "none" in result.out


def test_gaps_of_an_organ_without_a_rhythm(cli: Runner) -> None:
    """An organ (or kind) whose profile states no rhythm is a usage error, one line."""
    for args in (("gaps", "SOC"), ("gaps", "COE", "--kind", "extraordinary")):
        result = cli(*args)
        assert result.status == 2
        assert result.err.startswith("turkicorg: ")
        assert "no cadence is stated" in result.err


def test_info(cli: Runner) -> None:
    """Data version, last verified day and counts."""
    result = cli("info")
    assert result.status == 0
    assert "data version:" in result.out
    assert "meetings:" in result.out
    with COMPILED.disabled():
        assert "JSON writer:    pure Python\n" in cli("info").out


def test_version(entry_point: Runner, cli: Runner) -> None:
    """--version prints the version."""
    result = entry_point("--version")
    assert result.status == 0
    assert result.out.startswith("turkicorg ")
    assert cli("--version").out == result.out


def test_one_command_parses_as_the_whole_parser() -> None:
    """The parser built for one command reads its arguments as the whole parser does."""
    from turkicorg.cli.app import COMMANDS, build_parser  # noqa: PLC0415

    whole = build_parser()
    for words in (
        ["chair", "elders", "--next", "3", "--order", "official"],
        ["meetings", "--organ", "cfm", "--year", "2022", "--kind", "extraordinary"],
        ["members", "--on", "2019-10-15", "--observers", "--format", "json"],
        ["info"],
    ):
        alone = build_parser(only=words[0])
        assert vars(alone.parse_args(words)) == vars(whole.parse_args(words)), words
    assert set(COMMANDS) == set(whole._subparsers._group_actions[0].choices)  # type: ignore[union-attr]


def test_a_command_imports_no_other_command() -> None:
    """``turkicorg chair`` builds and imports the chair command alone (start-up time)."""
    import subprocess  # noqa: PLC0415
    import sys  # noqa: PLC0415

    code = (
        "import sys, io; from turkicorg.cli import main; "
        "main(['chair', '--on', '2023-01-01'], out=io.StringIO(), err=io.StringIO()); "
        "print(' '.join(m for m in sys.modules if m.startswith('turkicorg.cli.')))"
    )
    result = subprocess.run(  # noqa: S603 - this Python, this test's code
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    loaded = set(result.stdout.split())
    assert "turkicorg.cli.chair" in loaded
    assert not loaded & {f"turkicorg.cli.{name}" for name in ("meetings", "export", "timeline")}


def test_every_command_shows_examples_from_its_docstring() -> None:
    """Each command's docstring gives its summary, its description and at least one example,
    every example a ``turkicorg`` command line; the description holds none of them."""
    import importlib  # noqa: PLC0415

    from turkicorg.cli.app import COMMANDS  # noqa: PLC0415
    from turkicorg.cli.options import help_texts  # noqa: PLC0415

    for name in COMMANDS:
        summary, description, examples = help_texts(
            importlib.import_module(f"turkicorg.cli.{name}").__doc__
        )
        assert summary, name
        assert examples, name
        assert all(line.startswith(f"turkicorg {name}") for line in examples), name
        assert "Examples:" not in description, name
        assert not any(line in description for line in examples), name


def test_help_texts_reads_the_examples_section_only() -> None:
    """The section starts at a line ``Examples:`` (trailing blanks allowed) and ends at the
    first line that is not indented; without a docstring there are no examples."""
    from turkicorg.cli.options import help_texts  # noqa: PLC0415

    doc = (
        "Do it.\n\nThe description\ngoes on.\n"
        "Examples:  \n    turkicorg do\n\n    turkicorg do -x\nAfter.\n"
    )
    assert help_texts(doc) == (
        "do it",
        "The description goes on.",
        ("turkicorg do", "turkicorg do -x"),
    )
    assert help_texts("Only a summary.") == ("only a summary", "Only a summary.", ())
    assert help_texts(None) == ("", "", ())
    assert help_texts("Say Examples: inline.\n\nNo section here.")[2] == ()
