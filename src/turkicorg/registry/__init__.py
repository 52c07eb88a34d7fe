"""The meeting registry: an immutable, sorted collection of meetings with indexes.

A :class:`MeetingRegistry` holds meetings sorted by their earliest possible start day, then by
id. Queries return new registries, so they chain:

>>> from turkicorg import Meeting, MeetingRegistry
>>> def meeting(id, body, kind, start, **kw):
...     return Meeting(
...         id=id,
...         body=body,
...         kind=kind,
...         title=id,
...         start=start,
...         sources=("https://example.org",),
...         **kw,
...     )
>>> reg = MeetingRegistry(
...     [
...         meeting("cfm-2022-10", "CFM", "extraordinary", "2022-10-17", host="TR"),
...         meeting("cfm-2022-01", "CFM", "extraordinary", "2022-01-11", format="video"),
...         meeting("chs-2022", "CHS", "regular", "2022-11-11", host="UZ", ordinal=9),
...     ]
... )
>>> [m.id for m in reg.filter(organ="CFM", year=2022)]
['cfm-2022-01', 'cfm-2022-10']
>>> reg.next(after="2022-10-17").id
'chs-2022'
>>> reg.nth("CHS:regular", 9).id
'chs-2022'

**Partial dates have one meaning everywhere.** A meeting known as "2022-08" may be any day of
August 2022: it *overlaps* every range that shares a day with August 2022, and it lies
*certainly inside* (``strict=True``) only ranges that contain all of August. ``year=Y`` is
``between=(f"{Y}-01-01", f"{Y}-12-31")`` with the same strictness. A partial lower bound of
``between`` counts from its first day, a partial upper bound to its last day (both bounds are
included); ``after=`` means after every day the date may be, ``before=`` before every day it
may be, and ``on=`` is a day as everywhere in the library (a partial ``on`` is its first day).
Filters combine as "and": with ``year`` and ``between`` together a meeting passes when it may
share a day with the year and may share one with the range (a long meeting can pass for two
ranges that do not meet), or, with ``strict``, when it lies inside both.

**Indexes** are built once per registry, on first use: an array of earliest start days (one
int per meeting) answers ``next``/``previous``/``latest`` by bisection; date ranges are
answered by bisection on the start days of each class of meeting length (so a long event is
found without scanning the whole registry); ``organ``/``body``/``kind``/``host``/
``participant``/``status`` filters start from the shortest list of matching positions; with
a date range, that value's own date-ordered index (built on first use) answers the range by
two bisections (:mod:`~turkicorg.registry.dateindex`). Filter results reuse
the sorted order and skip validation (a subset of a valid registry is valid). Building a
registry only sorts and checks the meetings, which is why it stays cheap for large registries:
see the "Meeting registry" section of the performance page for measured figures.

The package: :mod:`~turkicorg.registry.core` (the registry and its queries),
:mod:`~turkicorg.registry.filters` (the filter keywords, declared once, and their
normalisation), :mod:`~turkicorg.registry.index` (the indexes) and
:mod:`~turkicorg.registry.checks` (the rules between meetings). The expected rhythms of the
organs (gaps, the next meeting due) are rules, not registry queries: see
:mod:`turkicorg.cadence`.
"""

from turkicorg.registry.checks import registry_problems
from turkicorg.registry.core import MeetingRegistry, UnknownOrdinalError
from turkicorg.registry.filters import DateLike, MeetingFilters

__all__ = [
    "DateLike",
    "MeetingFilters",
    "MeetingRegistry",
    "UnknownOrdinalError",
    "registry_problems",
]
