"""Strategies for the small values: days, partial dates, date spans, names and parties."""

from __future__ import annotations

import datetime as dt
import string
from typing import Final

from hypothesis import strategies as st

from turkicorg.dates import DateSpan, PartialDate
from turkicorg.parties import FormerName, PartyKind, State

__all__ = ["MAX_DAY", "MIN_DAY", "date_spans", "days", "names", "partial_dates", "parties"]

MIN_DAY: Final = dt.date(1900, 1, 1)
"""The first day any strategy draws by default."""
MAX_DAY: Final = dt.date(2100, 12, 31)
"""The last day any strategy draws by default."""


def days(min_value: dt.date = MIN_DAY, max_value: dt.date = MAX_DAY) -> st.SearchStrategy[dt.date]:
    """Calendar days between two bounds."""
    return st.dates(min_value=min_value, max_value=max_value)


@st.composite
def partial_dates(
    draw: st.DrawFn, min_value: dt.date = MIN_DAY, max_value: dt.date = MAX_DAY
) -> PartialDate:
    """Partial dates of every precision whose days all lie between the bounds."""
    day = draw(days(min_value, max_value))
    precision = draw(st.sampled_from((1, 2, 3)))
    candidates = [PartialDate(day.year, day.month, day.day)]
    if precision <= 2:
        candidates.insert(0, PartialDate(day.year, day.month))
    if precision == 1:
        candidates.insert(0, PartialDate(day.year))
    for candidate in candidates:
        if min_value <= candidate.earliest and candidate.latest <= max_value:
            return candidate
    return candidates[-1]


@st.composite
def date_spans(draw: st.DrawFn) -> DateSpan:
    """Event spans; either bound may be partial, the end never before the start."""
    start = draw(partial_dates())
    end = draw(partial_dates(min_value=start.earliest, max_value=MAX_DAY))
    return DateSpan(start=start, end=end)


_LETTERS = string.ascii_letters + "ÇçĞğİıÖöŞşÜüƏəÁáÉé"


def names() -> st.SearchStrategy[str]:
    """Non-empty names with non-ASCII letters and inner spaces."""
    word = st.text(alphabet=_LETTERS, min_size=1, max_size=10)
    return st.lists(word, min_size=1, max_size=3).map(" ".join)


@st.composite
def parties(draw: st.DrawFn, party_id: str | None = None) -> State:
    """Parties of any kind; ids are upper-case codes, ISO codes only for states."""
    pid = party_id or draw(st.text(alphabet=string.ascii_uppercase, min_size=2, max_size=6))
    kind = draw(st.sampled_from(list(PartyKind)))
    iso2 = iso3 = None
    if kind is PartyKind.STATE and draw(st.booleans()):
        iso2 = draw(st.text(alphabet=string.ascii_uppercase, min_size=2, max_size=2))
        iso3 = draw(st.text(alphabet=string.ascii_uppercase, min_size=3, max_size=3))
    former: list[FormerName] = []
    if draw(st.booleans()):
        former.append(
            FormerName(
                short_name=draw(names()), official_name=draw(names()), until=draw(partial_dates())
            )
        )
    return State(
        id=pid,
        short_name=draw(names()),
        official_name=draw(names()),
        kind=kind,
        iso2=iso2,
        iso3=iso3,
        former_names=tuple(former),
        sources=tuple(draw(st.lists(st.just("https://example.org/source"), max_size=1))),
    )
