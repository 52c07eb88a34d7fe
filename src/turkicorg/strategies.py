"""Hypothesis strategies for turkicorg values, for users' own property-based tests.

Needs the ``strategies`` extra (``pip install turkicorg[strategies]``); ``import turkicorg``
never imports this module. Every generated value respects every invariant of its type.

>>> from hypothesis import given
>>> from turkicorg import strategies as tst
>>> @given(tst.partial_dates())
... def test_round_trip(d):
...     assert type(d).parse(str(d)) == d
>>> test_round_trip()
"""

from __future__ import annotations

import datetime as dt
import string

from hypothesis import strategies as st

from turkicorg.dates import DateSpan, PartialDate
from turkicorg.organization import Membership, Organization, OrganizationName, Status
from turkicorg.parties import FormerName, PartyKind, State

__all__ = [
    "date_spans",
    "days",
    "memberships_for",
    "names",
    "organizations",
    "partial_dates",
    "parties",
]

_MIN = dt.date(1900, 1, 1)
_MAX = dt.date(2100, 12, 31)


def days(min_value: dt.date = _MIN, max_value: dt.date = _MAX) -> st.SearchStrategy[dt.date]:
    """Calendar days between two bounds."""
    return st.dates(min_value=min_value, max_value=max_value)


@st.composite
def partial_dates(
    draw: st.DrawFn, min_value: dt.date = _MIN, max_value: dt.date = _MAX
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
    end = draw(partial_dates(min_value=start.earliest, max_value=_MAX))
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
            FormerName(short_name=draw(names()), official_name=draw(names()), until=draw(partial_dates()))
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


@st.composite
def memberships_for(draw: st.DrawFn, party_id: str, max_periods: int = 3) -> list[Membership]:
    """Non-overlapping memberships of one party, in date order (half-open periods)."""
    count = draw(st.integers(min_value=0, max_value=max_periods))
    bounds = sorted(
        set(draw(st.lists(days(dt.date(1990, 1, 1), dt.date(2040, 12, 31)), min_size=2 * count, max_size=2 * count)))
    )
    result: list[Membership] = []
    for i in range(0, len(bounds) - 1, 2):
        start, end = bounds[i], bounds[i + 1]
        open_end = i + 2 >= len(bounds) - 1 and draw(st.booleans())
        result.append(
            Membership(
                party=party_id,
                status=draw(st.sampled_from(list(Status))),
                start=PartialDate.from_date(start),
                end=None if open_end else PartialDate.from_date(end),
                sources=("https://example.org/source",),
            )
        )
        if open_end:
            break
    return result


@st.composite
def organizations(draw: st.DrawFn, max_parties: int = 6) -> Organization:
    """Whole organizations: unique parties with non-overlapping memberships and two names."""
    ids = draw(
        st.lists(
            st.text(alphabet=string.ascii_uppercase, min_size=2, max_size=4),
            min_size=1,
            max_size=max_parties,
            unique=True,
        )
    )
    generated = [draw(parties(party_id=pid)) for pid in ids]
    memberships = [m for pid in ids for m in draw(memberships_for(pid))]
    rename = draw(days(dt.date(1995, 1, 1), dt.date(2035, 12, 31)))
    return Organization(
        id="OTS",
        names=(
            OrganizationName(name=draw(names()), abbreviation="OLD", end=PartialDate.from_date(rename)),
            OrganizationName(name=draw(names()), abbreviation="NEW", start=PartialDate.from_date(rename)),
        ),
        headquarters=draw(names()),
        parties=tuple(generated),
        memberships=tuple(memberships),
    )
