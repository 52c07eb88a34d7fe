"""The invariants of the organization's record, each broken one reported with its JSON path."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

import attrs

from turkicorg.errors import ErrorDetail
from turkicorg.sourcing import url_problem

if TYPE_CHECKING:
    from collections.abc import Sequence

    from turkicorg.dates import PartialDate
    from turkicorg.organs import Organ
    from turkicorg.record import Appointment, Membership, OrganizationRecord

__all__ = ["organization_problems"]


def _check_period(
    problems: list[ErrorDetail],
    path: str,
    start: PartialDate | None,
    end: PartialDate | None,
) -> None:
    if start is not None and end is not None and end.earliest <= start.earliest:
        problems.append(
            ErrorDetail(f"{path}.end", f"the end must lie after the start ({start})", str(end))
        )


def organization_problems(org: OrganizationRecord) -> list[ErrorDetail]:
    """Every invariant the organization breaks, each with its path."""
    check = _Checks(org)
    check.identities()
    check.names_and_treaties()
    check.memberships()
    check.organs()
    check.appointments()
    check.horizon()
    check.alternatives()
    if not _sources_valid(org):  # the walk that names each bad URL's path runs only then
        check.sources(org, "$")
    return check.problems


_WALKED: dict[type, tuple[tuple[str, bool], ...]] = {}


def _walked_fields(cls: type) -> tuple[tuple[str, bool], ...]:
    """The fields of ``cls`` the sources check walks: (name, holds source URLs)."""
    found = _WALKED.get(cls)
    if found is None:
        found = ()
        if attrs.has(cls):
            found = tuple(
                (field.name, field.name == "sources")
                for field in attrs.fields(cls)
                if field.init and field.name != "meetings"
            )
        _WALKED[cls] = found
    return found


def _sources_valid(value: object) -> bool:
    """True when every source URL under ``value`` is valid (the check below, no paths built)."""
    if isinstance(value, tuple):
        return all(_sources_valid(item) for item in value)
    for name, holds_urls in _walked_fields(type(value)):
        inner = getattr(value, name)
        if holds_urls and isinstance(inner, tuple):
            if any(url_problem(url) is not None for url in inner):
                return False
        elif not _sources_valid(inner):
            return False
    return True


class _Checks:
    """The record's invariant checks, in the order their problems are reported."""

    def __init__(self, org: OrganizationRecord) -> None:
        self.org = org
        self.problems: list[ErrorDetail] = []
        self.party_ids: dict[str, int] = {}
        self.person_ids = {p.id for p in org.people}

    def ref(self, path: str, party_id: str | None) -> None:
        if party_id is not None and party_id not in self.party_ids:
            self.problems.append(ErrorDetail(path, f"unknown party id {party_id!r}", party_id))

    def identities(self) -> None:
        for index, party in enumerate(self.org.parties):
            if party.id in self.party_ids:
                self.problems.append(
                    ErrorDetail(f"$.parties[{index}].id", "duplicate party id", party.id)
                )
            self.party_ids.setdefault(party.id, index)
        seen: set[str] = set()
        for index, person in enumerate(self.org.people):
            if person.id in seen:
                self.problems.append(
                    ErrorDetail(f"$.people[{index}].id", "duplicate person id", person.id)
                )
            seen.add(person.id)

    def names_and_treaties(self) -> None:
        if not self.org.names:
            self.problems.append(ErrorDetail("$.names", "the organization needs at least one name"))
        for index, record in enumerate(self.org.names):
            _check_period(self.problems, f"$.names[{index}]", record.start, record.end)
        for index, treaty in enumerate(self.org.treaties):
            for j, party_id in enumerate(treaty.parties):
                self.ref(f"$.treaties[{index}].parties[{j}]", party_id)

    def memberships(self) -> None:
        memberships = self.org.memberships
        by_party: dict[str, list[int]] = {}
        for index, membership in enumerate(memberships):
            path = f"$.memberships[{index}]"
            self.ref(f"{path}.party", membership.party)
            _check_period(self.problems, path, membership.start, membership.end)
            by_party.setdefault(membership.party, []).append(index)
        for indexes in by_party.values():
            spans = sorted(indexes, key=lambda i: memberships[i].start.earliest)
            for previous, current in itertools.pairwise(spans):
                before, after = memberships[previous], memberships[current]
                if before.end is None or before.end.earliest > after.start.earliest:
                    self.problems.append(
                        ErrorDetail(
                            f"$.memberships[{current}].start",
                            f"overlaps membership $.memberships[{previous}] of the same party",
                            str(after.start),
                        )
                    )

    def organs(self) -> None:
        seen: set[Organ] = set()
        for index, profile in enumerate(self.org.organs):
            if profile.organ in seen:
                self.problems.append(
                    ErrorDetail(f"$.organs[{index}].organ", "duplicate organ", profile.organ.value)
                )
            seen.add(profile.organ)
            if profile.chair_rotation is not None:
                self.ref(f"$.organs[{index}].chair_rotation.first", profile.chair_rotation.first)

    def appointments(self) -> None:
        for index, appointment in enumerate(self.org.appointments):
            path = f"$.appointments[{index}]"
            self.ref(f"{path}.state", appointment.state)
            if appointment.person not in self.person_ids:
                self.problems.append(
                    ErrorDetail(
                        f"{path}.person",
                        f"unknown person id {appointment.person!r}",
                        appointment.person,
                    )
                )
            _check_period(self.problems, path, appointment.start, appointment.end)

    def horizon(self) -> None:
        verified, horizon = self.org.last_verified, self.org.data_horizon
        if verified is not None and horizon is not None and verified > horizon:
            self.problems.append(
                ErrorDetail(
                    "$.last_verified",
                    f"a check cannot confirm more than the sources show: last_verified lies "
                    f"after data_horizon ({horizon.isoformat()})",
                    verified.isoformat(),
                )
            )

    def alternatives(self) -> None:
        """Every alternative names its own sources: a value nobody reports is not kept."""
        groups: tuple[tuple[str, Sequence[Membership | Appointment]], ...] = (
            ("memberships", self.org.memberships),
            ("appointments", self.org.appointments),
        )
        for name, records in groups:
            for index, record in enumerate(records):
                for j, alt in enumerate(record.alternatives):
                    if not alt.sources:
                        self.problems.append(
                            ErrorDetail(
                                f"$.{name}[{index}].alternatives[{j}].sources",
                                "an alternative needs its own sources",
                                alt.value,
                            )
                        )

    def sources(self, value: object, path: str) -> None:
        """Every ``sources`` list anywhere in the record holds source URLs (RFC 3986)."""
        if isinstance(value, tuple):
            for index, item in enumerate(value):
                self.sources(item, f"{path}[{index}]")
            return
        if not attrs.has(type(value)) or path.startswith("$.meetings"):
            return
        for field in attrs.fields(type(value)):  # type: ignore[arg-type]
            if field.name == "meetings" or not field.init:
                continue
            inner = getattr(value, field.name)
            where = f"{path}.{field.name}"
            if field.name == "sources" and isinstance(inner, tuple):
                self.problems.extend(
                    ErrorDetail(f"{where}[{i}]", problem, url)
                    for i, url in enumerate(inner)
                    if (problem := url_problem(url)) is not None
                )
            else:
                self.sources(inner, where)
