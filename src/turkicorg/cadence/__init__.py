"""Expected rhythms of the organs: schedules, gaps in the record and the next meeting due.

The rules live in :mod:`turkicorg.cadence.rules` (read it for how windows, gaps and due dates
are computed); their answers in :mod:`turkicorg.cadence.answers`.
"""

from turkicorg.cadence.answers import Due, Gap, Schedule
from turkicorg.cadence.rules import counted_meetings, due, expected, gaps, resolve_cadence

__all__ = [
    "Due",
    "Gap",
    "Schedule",
    "counted_meetings",
    "due",
    "expected",
    "gaps",
    "resolve_cadence",
]
