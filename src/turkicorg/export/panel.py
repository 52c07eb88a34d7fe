"""The membership panel: each party's status in each year, coded as the Correlates of War do.

One row per party and year (``long``), or one row per year with a column per party
(``wide``, the shape of COW's ``igo_year_format``). A year is coded by **the status in force
on 31 December** (:func:`rule_day`), the library's stated rule: the COW IGO codebook
(version 3, 2019) gives none for a status that changes during a year, and its data mostly
record the status in force at the end of the year (see the analysts' guide).

>>> from turkicorg import load_default
>>> from turkicorg.export import panel
>>> table = panel(load_default(), first=2018, last=2019)
>>> table.columns
('year', 'party', 'iso3', 'cow_code', 'name', 'status', 'cow_status')
>>> for row in table.rows:
...     if row[1] in ("HU", "UZ"):
...         print(row)
(2018, 'HU', 'HUN', 310, 'Hungary', 'observer', 3)
(2019, 'HU', 'HUN', 310, 'Hungary', 'observer', 3)
(2018, 'UZ', 'UZB', 704, 'Uzbekistan', None, 0)
(2019, 'UZ', 'UZB', 704, 'Uzbekistan', 'member', 1)
>>> wide = panel(load_default(), "wide", first=2021, last=2021)
>>> dict(zip(wide.columns, wide.rows[0]))["tm"]
3
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Final, Literal

import attrs

from turkicorg import dates
from turkicorg.export.csvwriter import Cell, csv_text
from turkicorg.record import Status

if TYPE_CHECKING:
    from collections.abc import Mapping

    from turkicorg.parties import State
    from turkicorg.record import Membership, OrganizationRecord

__all__ = [
    "COW_STATUS",
    "FORMATS",
    "LONG_COLUMNS",
    "MISSING",
    "NOT_IN_EXISTENCE",
    "Panel",
    "cow_status",
    "panel",
    "panel_parties",
    "rule_day",
]

PanelFormat = Literal["long", "wide"]
FORMATS: Final = ("long", "wide")
"""The shapes of the panel: one row per party and year, or one row per year."""

COW_STATUS: Final[Mapping[Status | None, int]] = {Status.MEMBER: 1, Status.OBSERVER: 3, None: 0}
"""COW IGO v3 codes: 1 full member, 3 observer, 0 no membership (2, associate, is not used:
the organization has no associate status)."""
NOT_IN_EXISTENCE: Final = -1
"""COW's code for a year before the organization existed ("IGO not in existence")."""
MISSING: Final = -9
"""COW's code for missing data; never written: the data date every status it records."""

LONG_COLUMNS: Final = ("year", "party", "iso3", "cow_code", "name", "status", "cow_status")
"""The columns of the long panel."""
WIDE_HEAD: Final = ("ioname", "orgname", "year")
"""The first columns of the wide panel; one column per party follows (its id, lower case)."""


def rule_day(year: int) -> dt.date:
    """The day whose status codes a year: 31 December."""
    return dt.date(year, 12, 31)


@attrs.frozen
class Panel:
    """A panel table: column names and rows of cells (text, whole numbers or None).

    Attributes:
        format: ``long`` or ``wide``.
        columns: The column names.
        rows: The rows, each with one cell per column.
    """

    format: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]

    def to_csv(self) -> str:
        """The table as CSV (the one CSV writer: RFC 4180, UTF-8, the formula guard)."""
        return csv_text(self.columns, self.rows)

    def records(self) -> list[dict[str, Cell]]:
        """The rows as dicts from column name to cell."""
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


def panel_parties(ots: OrganizationRecord) -> tuple[State, ...]:
    """Every party that ever had a status, COW states first by COW number, then by id."""
    ids = {m.party for m in ots.memberships}
    found = [party for party in ots.parties if party.id in ids]
    return tuple(
        sorted(found, key=lambda p: (p.cow_code is None, p.cow_code or 0, p.id)),
    )


def _founding(ots: OrganizationRecord) -> dt.date | None:
    """The first day of the first status: the organization exists from then on."""
    return min((m.start.earliest for m in ots.memberships), default=None)


def cow_status(
    memberships: tuple[Membership, ...], year: int, founding: dt.date | None
) -> tuple[Status | None, int]:
    """A party's status on the year's :func:`rule_day` and its COW code.

    Args:
        memberships: The party's memberships.
        year: The year.
        founding: The organization's first day (None: it never existed).
    """
    day = rule_day(year)
    if founding is None or day < founding:
        return None, NOT_IN_EXISTENCE
    status = next((m.status for m in memberships if m.active(day)), None)
    return status, COW_STATUS[status]


def _years(ots: OrganizationRecord, first: int | None, last: int | None) -> range:
    founding = _founding(ots)
    if first is None:
        first = founding.year if founding else (last or dates.today().year)
    if last is None:
        last = (ots.data_horizon or dates.today()).year
    if not 1 <= first <= last <= 9999:
        raise ValueError(f"a panel runs from a first to a last year, got {first} to {last}")
    return range(first, last + 1)


def panel(
    ots: OrganizationRecord,
    format: PanelFormat | str = "long",  # noqa: A002 - the option's name on the command line
    *,
    first: int | None = None,
    last: int | None = None,
) -> Panel:
    """The membership panel of the organization, state-year, COW-coded.

    Args:
        ots: The organization (its memberships and parties).
        format: ``long`` (columns :data:`LONG_COLUMNS`, one row per party and year, parties
            as :func:`panel_parties` orders them) or ``wide`` (``ioname``, ``orgname``,
            ``year``, then one column per party named by its lower-case id).
        first: The first year; default the year of the first status (the founding).
        last: The last year; default the year of the data horizon, which is incomplete: it
            holds what the sources showed up to the horizon day.

    Raises:
        ValueError: An unknown format, or ``first`` after ``last``.
    """
    if format not in FORMATS:
        raise ValueError(f"unknown panel format {format!r}: expected long or wide")
    years = _years(ots, first, last)
    founding = _founding(ots)
    parties = panel_parties(ots)
    by_party = {
        party.id: tuple(m for m in ots.memberships if m.party == party.id) for party in parties
    }
    if format == "wide":
        rows: list[tuple[Cell, ...]] = [
            (
                ots.id,
                ots.name(on=rule_day(year)),
                year,
                *(cow_status(by_party[p.id], year, founding)[1] for p in parties),
            )
            for year in years
        ]
        columns = (*WIDE_HEAD, *(party.id.lower() for party in parties))
        return Panel(format, columns, tuple(rows))
    rows = []
    for party in parties:
        for year in years:
            status, code = cow_status(by_party[party.id], year, founding)
            value = None if status is None else status.value
            rows.append((year, party.id, party.iso3, party.cow_code, party.short_name, value, code))
    return Panel(format, LONG_COLUMNS, tuple(rows))
