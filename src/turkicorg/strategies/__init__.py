"""Hypothesis strategies for turkicorg values, for users' own property-based tests.

Needs the ``strategies`` extra (``pip install turkicorg[strategies]``); ``import turkicorg``
never imports this package. Every generated value respects every invariant of its type.

Every strategy is importable from here; they live by subject in
:mod:`~turkicorg.strategies.values` (days, partial dates, names, parties),
:mod:`~turkicorg.strategies.hostile` (hostile text, sources, alternatives),
:mod:`~turkicorg.strategies.meeting` (meetings and registries) and
:mod:`~turkicorg.strategies.organization` (organizations and their parts).

>>> from hypothesis import given
>>> from turkicorg import strategies as tst
>>> @given(tst.partial_dates())
... def test_round_trip(d):
...     assert type(d).parse(str(d)) == d
>>> test_round_trip()
"""

from __future__ import annotations

from turkicorg.strategies import hostile
from turkicorg.strategies.hostile import (
    alternatives,
    nonblank_texts,
    source_lists,
    source_urls,
    texts,
)
from turkicorg.strategies.meeting import (
    hostile_meetings,
    hostile_registries,
    meeting_ids,
    meeting_lists,
    meetings,
    participants,
    places,
    registries,
)
from turkicorg.strategies.organization import (
    appointments_for,
    cadences,
    full_organizations,
    memberships_for,
    organ_profiles,
    organizations,
    people,
    treaties,
)
from turkicorg.strategies.values import date_spans, days, names, partial_dates, parties

HOSTILE_TEXTS: tuple[str, ...] = hostile.HOSTILE_TEXTS
"""Strings that break naive CSV, iCalendar and JSON writers (and spreadsheets)."""

__all__ = [
    "HOSTILE_TEXTS",
    "alternatives",
    "appointments_for",
    "cadences",
    "date_spans",
    "days",
    "full_organizations",
    "hostile_meetings",
    "hostile_registries",
    "meeting_ids",
    "meeting_lists",
    "meetings",
    "memberships_for",
    "names",
    "nonblank_texts",
    "organ_profiles",
    "organizations",
    "partial_dates",
    "participants",
    "parties",
    "people",
    "places",
    "registries",
    "source_lists",
    "source_urls",
    "texts",
    "treaties",
]
