"""The membership panel: COW coding by the status in force on 31 December, long and wide."""

from __future__ import annotations

import csv
import datetime as dt
import io
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

import turkicorg
from turkicorg import strategies as tst
from turkicorg.cli import export as cli_export
from turkicorg.export import Panel, panel
from turkicorg.export.panel import (
    COW_STATUS,
    FORMATS,
    LONG_COLUMNS,
    NOT_IN_EXISTENCE,
    panel_parties,
    rule_day,
)
from turkicorg.record import Status

OTS = turkicorg.load_default()


def long_cells(table: Panel) -> dict[tuple[str, int], dict[str, object]]:
    return {(str(r["party"]), int(str(r["year"]))): r for r in table.records()}


def test_the_function_is_exported() -> None:
    """``turkicorg.export.panel`` is the function the issue names (its module is below it)."""
    assert sys.modules["turkicorg.export.panel"].panel is panel
    assert cli_export.PANEL_SHAPES == FORMATS


def test_years_run_from_the_founding_to_the_horizon_year() -> None:
    """2009 (the founding) to the data horizon's year, one row per party and year."""
    table = panel(OTS)
    assert OTS.data_horizon is not None
    years = sorted({int(str(row[0])) for row in table.rows})
    assert years == list(range(2009, OTS.data_horizon.year + 1))
    assert len(table.rows) == len(years) * len(panel_parties(OTS))
    assert table.columns == LONG_COLUMNS


def test_rule_day_is_the_last_day_of_the_year() -> None:
    """The status in force on 31 December codes the year."""
    assert rule_day(2019) == dt.date(2019, 12, 31)


@pytest.mark.parametrize(
    ("party", "year", "status", "code"),
    [
        ("UZ", 2018, None, 0),
        ("UZ", 2019, "member", 1),  # full member from 15 October 2019
        ("HU", 2017, None, 0),
        ("HU", 2018, "observer", 3),  # observer from 3 September 2018
        ("TM", 2020, None, 0),
        ("TM", 2021, "observer", 3),  # observer from 12 November 2021
        ("AZ", 2009, "member", 1),  # founded 3 October 2009
        ("TRNC", 2022, "observer", 3),
        ("ECO", 2022, None, 0),
        ("ECO", 2023, "observer", 3),
    ],
)
def test_real_history(party: str, year: int, status: str | None, code: int) -> None:
    """Pinned to the organization's history."""
    row = long_cells(panel(OTS))[party, year]
    assert (row["status"], row["cow_status"]) == (status, code)


def test_each_party_from_its_first_year() -> None:
    """Uzbekistan 1 from 2019, Hungary 3 from 2018, Turkmenistan 3 from 2021, never before."""
    cells = long_cells(panel(OTS))
    assert OTS.data_horizon is not None
    for party, code, since in (("UZ", 1, 2019), ("HU", 3, 2018), ("TM", 3, 2021)):
        for year in range(2009, OTS.data_horizon.year + 1):
            assert cells[party, year]["cow_status"] == (code if year >= since else 0)


def test_cow_codes_and_parties_without_one() -> None:
    """The seven states carry their COW numbers; Northern Cyprus and ECO have their own rows."""
    codes = {p.id: p.cow_code for p in panel_parties(OTS)}
    assert codes == {
        "HU": 310,
        "AZ": 373,
        "TR": 640,
        "TM": 701,
        "KG": 703,
        "UZ": 704,
        "KZ": 705,
        "ECO": None,
        "TRNC": None,
    }
    row = long_cells(panel(OTS))["TR", 2020]
    assert (row["iso3"], row["cow_code"], row["name"]) == ("TUR", 640, "Türkiye")
    text = panel(OTS, first=2023, last=2023).to_csv()
    rows = {r["party"]: r for r in csv.DictReader(io.StringIO(text))}
    assert (rows["TRNC"]["cow_code"], rows["TRNC"]["iso3"], rows["TRNC"]["cow_status"]) == (
        "",
        "",
        "3",
    )


def test_years_before_the_founding_are_not_in_existence() -> None:
    """-1 before the organization existed; the status is empty then."""
    cells = long_cells(panel(OTS, first=2007, last=2009))
    assert cells["AZ", 2008] == {
        "year": 2008,
        "party": "AZ",
        "iso3": "AZE",
        "cow_code": 373,
        "name": "Azerbaijan",
        "status": None,
        "cow_status": NOT_IN_EXISTENCE,
    }
    assert cells["AZ", 2009]["cow_status"] == 1


def test_wide_is_one_row_per_year() -> None:
    """Wide: ioname, orgname, year, then one column per party (lower-case id), COW codes."""
    wide = panel(OTS, "wide")
    parties = panel_parties(OTS)
    assert wide.columns == ("ioname", "orgname", "year", *(p.id.lower() for p in parties))
    records = {r["year"]: r for r in wide.records()}
    assert records[2019]["uz"] == 1
    assert records[2018]["uz"] == 0
    assert records[2021]["tm"] == 3
    assert records[2020]["orgname"] == "Cooperation Council of Turkic Speaking States"
    assert records[2021]["orgname"] == "Organization of Turkic States"
    long = long_cells(panel(OTS))
    for year, record in records.items():
        for party in parties:
            assert record[party.id.lower()] == long[party.id, int(str(year))]["cow_status"]


def test_csv_reads_back_as_whole_numbers() -> None:
    """The CSV holds plain numbers (-1 unguarded) and an empty status for none."""
    text = panel(OTS, first=2008, last=2008).to_csv()
    (first, *_) = csv.DictReader(io.StringIO(text))
    assert (first["year"], first["status"], first["cow_status"]) == ("2008", "", "-1")


def test_bad_arguments() -> None:
    """An unknown format or reversed years are refused."""
    with pytest.raises(ValueError, match="unknown panel format"):
        panel(OTS, "diagonal")
    with pytest.raises(ValueError, match="from a first to a last year"):
        panel(OTS, first=2020, last=2019)


@given(
    tst.organizations(),
    st.integers(min_value=1985, max_value=2045),
    st.integers(min_value=0, max_value=6),
)
def test_panel_agrees_with_status_of_on_the_rule_day(
    ots: turkicorg.Organization, first: int, span: int
) -> None:
    """For every party and year, the panel is ``status_of(party, on=31 December)``."""
    table = panel(ots, first=first, last=first + span)
    founding = min((m.start.earliest for m in ots.memberships), default=None)
    cells = long_cells(table)
    assert {party for party, _ in cells} == {m.party for m in ots.memberships}
    for (party, year), row in cells.items():
        status = ots.status_of(party, on=dt.date(year, 12, 31))
        assert row["status"] == (None if status is None else status.value)
        if founding is None or dt.date(year, 12, 31) < founding:
            assert row["cow_status"] == NOT_IN_EXISTENCE
        else:
            assert row["cow_status"] == COW_STATUS[status]


def test_the_embedded_panel_agrees_with_status_of() -> None:
    """The same property on the embedded data, every party and year."""
    for (party, year), row in long_cells(panel(OTS)).items():
        status = OTS.status_of(party, on=dt.date(year, 12, 31))
        assert row["cow_status"] == COW_STATUS[status]
        assert status in (None, Status.MEMBER, Status.OBSERVER)


def test_command_line() -> None:
    """``export panel [--format long|wide]`` writes the panel's CSV; --format is panel-only."""
    from turkicorg.cli import main  # noqa: PLC0415

    for argv, expected in (
        (["export", "panel"], panel(OTS).to_csv()),
        (["export", "panel", "--format", "wide"], panel(OTS, "wide").to_csv()),
        (["export", "panel", "--format", "Long"], panel(OTS, "long").to_csv()),
    ):
        out = io.StringIO()
        assert main(argv, out=out, err=io.StringIO()) == 0
        assert out.getvalue() == expected
    err = io.StringIO()
    assert main(["export", "csv", "--format", "wide"], out=io.StringIO(), err=err) == 2
    assert "only the panel has a --format" in err.getvalue()
