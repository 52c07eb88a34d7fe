"""The documentation agrees with the data: tables, the provenance page, the CLI reference."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from typing import TYPE_CHECKING

import attrs
from hypothesis import given

import turkicorg
from turkicorg import strategies
from turkicorg.provenance import OPEN_QUESTIONS, provenance_markdown

if TYPE_CHECKING:
    from types import ModuleType

    import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
GENERATED = {"provenance.md", "cli-reference.md"}
MEMBERS_HEADER = ["Party", "Id", "Status", "Since"]


def markdown_tables(text: str) -> list[list[list[str]]]:
    """Every pipe table in Markdown text, as rows of cells (header first, rule left out)."""
    tables: list[list[list[str]]] = []
    current: list[list[str]] = []
    for line in [*text.splitlines(), ""]:
        stripped = line.strip()
        if stripped.startswith("|") and stripped.endswith("|"):
            cells = [cell.strip() for cell in stripped[1:-1].split("|")]
            if not all(re.fullmatch(r":?-+:?", cell) for cell in cells):
                current.append(cells)
        elif current:
            tables.append(current)
            current = []
    return tables


def member_tables(path: Path) -> list[list[list[str]]]:
    """The tables of members and observers in a Markdown file."""
    tables = markdown_tables(path.read_text(encoding="utf-8"))
    return [table[1:] for table in tables if table[0] == MEMBERS_HEADER]


def membership_rows() -> list[list[str]]:
    """The rows a members-and-observers table must have: one per membership of the data."""
    ots = turkicorg.load_default()
    return [
        [ots.state(m.party).short_name, m.party, m.status.value, str(m.start)]
        for m in ots.memberships
    ]


def test_table_parser() -> None:
    """The table reader keeps header and rows, drops the rule and ends a table at a blank."""
    text = "intro\n\n| A | B |\n|---|:-:|\n| 1 | 2 |\n\n| C |\n|---|\n| 3 |\n"
    assert markdown_tables(text) == [[["A", "B"], ["1", "2"]], [["C"], ["3"]]]


def test_readme_members_table_matches_the_data() -> None:
    """README's "Members and observers" table lists every membership of the embedded data."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Members and observers", 1)[1].split("\n## ", 1)[0]
    (table,) = markdown_tables(section)
    assert table[0] == MEMBERS_HEADER
    assert table[1:] == membership_rows()


def test_docs_members_tables_match_the_data() -> None:
    """Every members-and-observers table in the docs lists every membership of the data."""
    pages = [p for p in DOCS.rglob("*.md") if p.name not in GENERATED and "_build" not in p.parts]
    found = {p.relative_to(DOCS).as_posix(): member_tables(p) for p in pages}
    found = {page: tables for page, tables in found.items() if tables}
    assert "concepts.md" in found
    for page, tables in found.items():
        for table in tables:
            assert table == membership_rows(), page


def test_provenance_names_every_membership_source() -> None:
    """The provenance page links every source of every membership and alternative."""
    ots = turkicorg.load_default()
    text = provenance_markdown(ots)
    sources = {s for m in ots.memberships for s in m.sources}
    sources |= {s for m in ots.memberships for a in m.alternatives for s in a.sources}
    assert sources
    for source in sources:
        assert f"<{source}>" in text


def test_provenance_names_every_source_of_the_data() -> None:
    """Every source URL of the embedded data appears on the provenance page."""
    ots = turkicorg.load_default()
    text = provenance_markdown(ots)
    sources = set(ots.sources)
    for group in (ots.memberships, ots.appointments, ots.meetings, ots.parties, ots.people):
        for fact in group:
            sources.update(fact.sources)
            sources.update(s for a in getattr(fact, "alternatives", ()) for s in a.sources)
    for record in (*ots.names, *ots.treaties, *ots.organs):
        sources.update(record.sources)
    for organ in ots.organs:
        sources.update(s for c in organ.cadences for s in c.sources)
    missing = sorted(s for s in sources if f"<{s}>" not in text)
    assert not missing


def test_provenance_lists_the_open_questions() -> None:
    """The open questions come first, each with what the library does instead of guessing."""
    text = provenance_markdown(turkicorg.load_default())
    head, rest = text.split("## Open questions", 1)
    assert "## Memberships" not in head
    for question in OPEN_QUESTIONS:
        assert question.question in rest.split("## The organization", 1)[0]
    assert [q.id for q in OPEN_QUESTIONS] == [
        "coe-meetings-1-9-and-11",
        "coe-10th-meeting-year",
        "coe-chair-term",
        "coe-quorum",
        "chs-cfm-decision-rule",
        "nakhchivan-agreement-in-force",
        "protocol-2022-in-force",
        "next-secretary-general",
        "coe-chair-name-order",
        "secretary-general-term-extension",
        "informal-summit-2026-date",
        "soc-meetings-2025-2026",
        "cfm-12th-ordinal",
    ]
    assert all(q.explanation and q.handling for q in OPEN_QUESTIONS)


def test_provenance_groups_meetings_by_body() -> None:
    """Meetings are listed under the body that met, each with its id."""
    ots = turkicorg.load_default()
    text = provenance_markdown(ots)
    meetings = text.split("## Meetings", 1)[1]
    elders = meetings.split("### Council of Elders (COE)", 1)[1].split("\n### ", 1)[0]
    assert "`coe-18`" in elders
    assert "`chs-2019-10-15`" not in elders
    for meeting in ots.meetings:
        assert f"`{meeting.id}`" in meetings


def test_provenance_escapes_markdown() -> None:
    """Text from the data cannot break the page: Markdown punctuation is escaped."""
    ots = turkicorg.load_default()
    odd = attrs.evolve(ots.state("ECO"), short_name="E*C_O [x] <b>")
    parties = tuple(odd if p.id == "ECO" else p for p in ots.parties)
    text = provenance_markdown(attrs.evolve(ots, parties=parties))
    assert r"E\*C\_O \[x\] \<b\>" in text
    assert "<b>" not in text


@given(strategies.organizations())
def test_provenance_of_any_organization(org: turkicorg.Organization) -> None:
    """Any organization gives the same page twice, naming each membership and its sources."""
    text = provenance_markdown(org)
    assert text == provenance_markdown(org)
    assert text.endswith("\n")
    assert not text.endswith("\n\n")
    memberships = text.split("## Memberships", 1)[1].split("\n## ", 1)[0]
    assert memberships.count("\n- **") == len(org.memberships)


def load_conf() -> ModuleType:
    """docs/conf.py as a module (Sphinx is not run)."""
    spec = importlib.util.spec_from_file_location("turkicorg_docs_conf", DOCS / "conf.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_cli_reference_has_every_command(monkeypatch: pytest.MonkeyPatch) -> None:
    """The generated CLI reference has a section per command and ignores the terminal width."""
    from turkicorg.cli import build_parser  # noqa: PLC0415

    conf = load_conf()
    monkeypatch.setenv("COLUMNS", "200")
    wide = conf.cli_reference_markdown()
    monkeypatch.setenv("COLUMNS", "40")
    assert conf.cli_reference_markdown() == wide
    assert "### `turkicorg`" in wide
    commands = [a for a in build_parser()._actions if a.__class__.__name__ == "_SubParsersAction"]
    (subcommands,) = commands
    for name in subcommands.choices:  # type: ignore[attr-defined]
        assert f"### `turkicorg {name}`" in wide
        assert f"usage: turkicorg {name}" in wide
    assert "\x1b[" not in wide
