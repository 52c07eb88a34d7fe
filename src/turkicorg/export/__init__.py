"""Exporters: meetings as CSV and iCalendar, the organization as Popolo.

Each format has its own module; the functions are re-exported here:

* :func:`to_csv` / :func:`from_csv` (:mod:`turkicorg.export.csvfmt`): one row per meeting,
  lossless both ways.
* :func:`to_ical` (:mod:`turkicorg.export.ical`): an RFC 5545 calendar of the meetings.
* :func:`to_popolo` (:mod:`turkicorg.export.popolo`): organizations, persons, posts,
  memberships and events for civic-data tools.

The native, lossless format is JSON (:mod:`turkicorg.serialize`). See the "Formats" page of
the documentation for every column and property.
"""

from __future__ import annotations

from turkicorg.export.csvfmt import COLUMNS, from_csv, to_csv
from turkicorg.export.ical import to_ical
from turkicorg.export.popolo import popolo_problems, to_popolo

__all__ = ["COLUMNS", "from_csv", "popolo_problems", "to_csv", "to_ical", "to_popolo"]
