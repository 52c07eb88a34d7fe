"""How current an answer is and what it rests on, at the command line."""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING

import pytest

from turkicorg import dates

if TYPE_CHECKING:
    from collections.abc import Callable

    from tests.cli.conftest import Result

NOTE = "lies after the data horizon (2026-03-11)"


@pytest.mark.parametrize(
    "args",
    [
        ("overview",),
        ("members",),
        ("chair",),
        ("chair", "elders"),
        ("decide", "CFM", "--support", "TR"),
        ("gaps", "COE"),
    ],
)
def test_today_after_the_horizon_gets_one_note(
    cli: Callable[..., Result], args: tuple[str, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Today (fixed here, not the machine's clock) lies after the horizon: one note on stderr."""
    monkeypatch.setattr(dates, "today", lambda: dt.date(2026, 11, 25))
    result = cli(*args)
    assert result.err.count(NOTE) == 1
    assert "2026-11-25 lies after" in result.err


@pytest.mark.parametrize("day", ["2026-03-11", "2024-06-01"])
@pytest.mark.parametrize("command", ["overview", "members", "chair"])
def test_a_day_inside_the_data_gets_no_note(
    cli: Callable[..., Result], command: str, day: str
) -> None:
    result = cli(command, "--on", day)
    assert result.status == 0
    assert result.err == ""


def test_the_day_after_the_horizon_gets_the_note(cli: Callable[..., Result]) -> None:
    assert NOTE in cli("chair", "--on", "2026-03-12").err


def test_a_range_past_the_horizon_gets_the_note(cli: Callable[..., Result]) -> None:
    assert NOTE in cli("meetings", "--between", "2025", "2026").err
    assert cli("meetings", "--between", "2024", "2025").err == ""
    assert NOTE in cli("meetings", "--year", "2026").err


def test_info_and_overview_name_the_horizon(cli: Callable[..., Result]) -> None:
    assert "data horizon:   2026-03-11" in cli("info").out
    assert "data horizon 2026-03-11" in cli("overview", "--on", "2024-01-01").out


def test_members_sources_show_both_readings_of_hungary(cli: Callable[..., Result]) -> None:
    """Hungary's 2018-09-03, used, and the seed's 2019-09-03, each with its own links."""
    result = cli("members", "--observers", "--sources", "--on", "2024-01-01")
    block = result.out[result.out.index("HU:") :]
    assert "source: https://www.turkicstates.org/en/turk-konseyi-hakkinda" in block
    assert "other sources give start 2019-09-03" in block
    assert "source: https://turkicstates.org/areas-of-cooperation-detail/" in block
    as_json = json.loads(
        cli("members", "--observers", "--sources", "--on", "2024-01-01", "--format", "json").out
    )
    hungary = next(row for row in as_json if row["id"] == "HU")
    assert hungary["since"] == "2018-09-03"
    assert [a["value"] for a in hungary["alternatives"]] == ["2019-09-03"]
    assert hungary["sources"]


def test_chair_and_meetings_sources(cli: Callable[..., Result]) -> None:
    chair = cli("chair", "--on", "2024-01-01", "--sources")
    assert "source: https://www.akorda.kz/en/2-310422" in chair.out
    elders = cli("chair", "elders", "--on", "2024-01-01", "--sources")
    assert "other sources give start 2022-02-09" in elders.out
    meetings = cli("meetings", "--organ", "CFM", "--year", "2022", "--sources")
    assert "cfm-2022-10-17:" in meetings.out
    assert "other sources give kind informal" in meetings.out


def test_next_n_says_why_fewer(cli: Callable[..., Result]) -> None:
    result = cli("chair", "--next", "3", "--on", "2025-12-01")
    assert result.status == 0
    assert result.out.count("\n") == 1
    assert "1 of 3 next chairs given" in result.err


def test_city_and_country_and_reversed_ranges(cli: Callable[..., Result]) -> None:
    baku = cli("meetings", "--city", "BAKU", "--year", "2025")
    assert baku.status == 0
    assert "Baku" in baku.out
    assert "Istanbul" not in baku.out
    assert cli("meetings", "--country", "Azerbaijan", "--year", "2025").status == 0
    reversed_range = cli("meetings", "--between", "2024", "2022")
    assert reversed_range.status == 2
    assert "reversed" in reversed_range.err
    assert cli("gaps", "COE", "--between", "2025", "2022").status == 2


def test_organs_by_any_name_and_one_message_for_unknown_ones(cli: Callable[..., Result]) -> None:
    """The command line takes organs as the Python resolver does, and refuses alike (exit 2)."""
    by_name = cli("meetings", "--organ", "Council of Elders", "--year", "2024")
    assert by_name.out == cli("meetings", "--organ", "coe", "--year", "2024").out
    assert by_name.out == cli("meetings", "--organ", "Aksakals", "--year", "2024").out
    result = cli("decide", "CEO", "--support", "TR", "--on", "2024-01-01")
    assert result.status == 2
    assert "unknown organ: 'CEO'; did you mean COE? (choose from CHS, CFM, SOC, COE, SEC)" in (
        result.err
    )


def test_an_unknown_party_names_its_option_and_exits_2(cli: Callable[..., Result]) -> None:
    """The same kind of mistake gets the same status, whichever option holds it."""
    for option in ("--host", "--participant", "--country"):
        result = cli("meetings", option, "Turky", "--year", "2022")
        assert result.status == 2
        assert result.err.startswith(f"turkicorg: {option}: unknown state")
        assert "did you mean TR" in result.err
    assert cli("decide", "CFM", "--object", "Turky", "--on", "2024-01-01").status == 2
