"""Exporters: meetings as CSV and iCalendar, the organization as Popolo, a panel and SQLite.

Each format has its own module; the functions are re-exported here:

* :func:`to_csv` / :func:`from_csv` (:mod:`turkicorg.export.csvfmt`): one row per meeting,
  one value per cell (tidy), lossless both ways.
* :func:`to_ical` (:mod:`turkicorg.export.ical`): an RFC 5545 calendar of the meetings.
* :func:`to_popolo` (:mod:`turkicorg.export.popolo`): organizations, persons, posts,
  memberships and events for civic-data tools.
* :func:`panel` (:mod:`turkicorg.export.panel`): each party's status in each year, coded as
  the Correlates of War IGO data (long or wide).
* :func:`to_sqlite` / :func:`write_sqlite` (:mod:`turkicorg.export.sqlite`): the whole
  organization as a normalized SQLite database.

The native, lossless format is JSON (:mod:`turkicorg.serialize`). See the "Formats" page of
the documentation for every column and property.
"""

from __future__ import annotations

from turkicorg.export.csvfmt import COLUMNS, from_csv, to_csv
from turkicorg.export.ical import to_ical
from turkicorg.export.panel import Panel, panel
from turkicorg.export.popolo import popolo_problems, to_popolo
from turkicorg.export.sqlite import to_sqlite, write_sqlite

__all__ = [
    "COLUMNS",
    "Panel",
    "from_csv",
    "panel",
    "popolo_problems",
    "to_csv",
    "to_ical",
    "to_popolo",
    "to_sqlite",
    "write_sqlite",
]
