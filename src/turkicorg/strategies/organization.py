"""Strategies for whole organizations and their parts: memberships, people, treaties, organs."""

from __future__ import annotations

import datetime as dt
import string

import attrs
from hypothesis import strategies as st

from turkicorg.dates import PartialDate
from turkicorg.organization import Organization
from turkicorg.organs import Cadence, DecisionBasis, Organ, OrganProfile
from turkicorg.record import (
    Appointment,
    Article,
    Membership,
    OrganizationName,
    Person,
    Role,
    Status,
    Treaty,
)
from turkicorg.sourcing import Confidence
from turkicorg.strategies.hostile import alternatives, nonblank_texts, source_lists, texts
from turkicorg.strategies.meeting import hostile_registries
from turkicorg.strategies.values import MIN_DAY, days, names, partial_dates, parties

__all__ = [
    "appointments_for",
    "cadences",
    "full_organizations",
    "memberships_for",
    "organ_profiles",
    "organizations",
    "people",
    "treaties",
]


@st.composite
def memberships_for(draw: st.DrawFn, party_id: str, max_periods: int = 3) -> list[Membership]:
    """Non-overlapping memberships of one party, in date order (half-open periods)."""
    count = draw(st.integers(min_value=0, max_value=max_periods))
    bounds = sorted(
        set(
            draw(
                st.lists(
                    days(dt.date(1990, 1, 1), dt.date(2040, 12, 31)),
                    min_size=2 * count,
                    max_size=2 * count,
                )
            )
        )
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
            OrganizationName(
                name=draw(names()), abbreviation="OLD", end=PartialDate.from_date(rename)
            ),
            OrganizationName(
                name=draw(names()), abbreviation="NEW", start=PartialDate.from_date(rename)
            ),
        ),
        headquarters=draw(names()),
        parties=tuple(generated),
        memberships=tuple(memberships),
    )


def people() -> st.SearchStrategy[Person]:
    """People with hostile names (ids are unique only within a list: see organizations)."""
    return st.builds(
        Person,
        id=st.text(alphabet=string.ascii_lowercase + "-", min_size=1, max_size=8),
        name=nonblank_texts(),
        other_names=st.lists(texts(), max_size=2).map(tuple),
        sources=source_lists(),
    )


def cadences() -> st.SearchStrategy[Cadence]:
    """Expected rhythms of an organ."""
    return st.builds(
        Cadence,
        kind=texts(),
        months=st.integers(min_value=1, max_value=60),
        month=st.none() | st.integers(min_value=1, max_value=12),
        description=texts(),
        sources=source_lists(),
    )


def organ_profiles(organ: Organ) -> st.SearchStrategy[OrganProfile]:
    """A profile of one organ, every field drawn."""
    return st.builds(
        OrganProfile,
        organ=st.just(organ),
        name=texts(),
        role=texts(),
        composition=texts(),
        decision_rule=st.sampled_from(("consensus", "none")),
        decision_basis=st.sampled_from(list(DecisionBasis)),
        cadences=st.lists(cadences(), max_size=2).map(tuple),
        extraordinary_callers=st.lists(texts(), max_size=2).map(tuple),
        sources=source_lists(),
        notes=st.none() | texts(),
    )


@st.composite
def treaties(draw: st.DrawFn, party_ids: tuple[str, ...]) -> Treaty:
    """A treaty signed by some of ``party_ids``, every field drawn."""
    return Treaty(
        id=draw(st.text(alphabet=string.ascii_lowercase + "-", min_size=1, max_size=10)),
        name=draw(texts()),
        signed=draw(partial_dates()),
        place=draw(st.none() | texts()),
        parties=tuple(draw(st.lists(st.sampled_from(party_ids), max_size=3))),
        in_force=draw(st.none() | partial_dates()),
        depositary=draw(st.none() | texts()),
        entry_into_force_rule=draw(st.none() | texts()),
        articles=tuple(
            draw(st.lists(st.builds(Article, number=texts(), subject=texts()), max_size=2))
        ),
        sources=draw(source_lists()),
        note=draw(st.none() | texts()),
    )


@st.composite
def appointments_for(
    draw: st.DrawFn, person_ids: tuple[str, ...], party_ids: tuple[str, ...]
) -> Appointment:
    """An appointment of one of ``person_ids`` (end after start when both are known)."""
    start = draw(st.none() | partial_dates())
    end = None
    if draw(st.booleans()):
        floor = MIN_DAY if start is None else start.earliest + dt.timedelta(days=1)
        end = draw(partial_dates(min_value=floor))
    return Appointment(
        role=draw(st.sampled_from(list(Role))),
        person=draw(st.sampled_from(person_ids)),
        state=draw(st.none() | st.sampled_from(party_ids)),
        start=start,
        end=end,
        appointed=draw(st.none() | partial_dates()),
        confidence=draw(st.sampled_from(list(Confidence))),
        sources=draw(source_lists()),
        alternatives=tuple(draw(st.lists(alternatives(), max_size=1))),
        note=draw(st.none() | texts()),
    )


@st.composite
def full_organizations(draw: st.DrawFn, *, max_meetings: int = 8) -> Organization:
    """Organizations with every collection drawn, hostile text included.

    Treaties, organ profiles, people, appointments and hostile meetings that refer only to
    the organization's parties.
    """
    base = draw(organizations(max_parties=4))
    party_ids = tuple(p.id for p in base.parties)
    staff = draw(st.lists(people(), max_size=3, unique_by=lambda p: p.id))
    person_ids = tuple(p.id for p in staff)
    organs = draw(st.lists(st.sampled_from(list(Organ)), unique=True, max_size=3))
    return attrs.evolve(
        base,
        secretariat_since=draw(st.none() | partial_dates()),
        working_languages=tuple(draw(st.lists(st.sampled_from(("az", "kk", "en")), max_size=3))),
        treaties=tuple(draw(st.lists(treaties(party_ids), max_size=2))),
        organs=tuple(draw(organ_profiles(organ)) for organ in organs),
        people=tuple(staff),
        appointments=tuple(
            draw(st.lists(appointments_for(person_ids, party_ids), max_size=3)) if staff else ()
        ),
        meetings=draw(hostile_registries(max_size=max_meetings, party_ids=party_ids)),
        data_version=draw(texts()),
        last_verified=draw(st.none() | days()),
        sources=draw(source_lists()),
    )
