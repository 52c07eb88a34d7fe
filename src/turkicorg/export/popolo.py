"""The organization as Popolo (https://www.popoloproject.com) for civic-data tools.

>>> import turkicorg
>>> from turkicorg.export import popolo_problems, to_popolo
>>> data = to_popolo(turkicorg.load_default())
>>> sorted(data)
['events', 'memberships', 'organizations', 'persons', 'posts']
>>> data["organizations"][0]["name"], data["organizations"][1]["parent_id"]
('Organization of Turkic States', 'OTS')
>>> popolo_problems(data)
[]

Mapping (every list sorted as below; ids are stable across exports):

* ``organizations``: the organization (id = its id, e.g. ``OTS``; former names as
  ``other_names`` with the day they were abandoned), then its five organs (``OTS/CHS``...,
  ``classification: "organ"``, ``parent_id`` = the organization), then every party
  (``party/TR``; ``classification`` = ``state``, ``entity`` or ``organization``; ISO codes
  as identifiers; former names as ``other_names``).
* ``memberships``: a party's status as a member through ``member`` with
  ``{"@type": "Organization", "id": "party/TR"}``, ``role`` ``member`` or ``observer``; then
  each appointment (a person holding a post: ``person_id``, ``post_id``, the organ as
  ``organization_id``, the appointing state as ``on_behalf_of_id``).
* ``persons``: the people of the data (``person/<id>``), then meeting participants known
  by name (``participant/<name>``) unless the name is a known person's.
* ``posts``: one per role (``OTS/post/secretary_general``), elders one per appointing
  state (``OTS/post/elder/AZ``), in the organ they belong to.
* ``events``: one per meeting (``meeting/<id>``): ``name``, ``start_date`` and
  ``end_date`` (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``: precision is kept),
  ``organization_id`` (the organ, or the organization for other mechanisms),
  ``classification`` (the kind), ``status``, ``location``, ``attendees`` (participants
  with a name).

Dates: the library's terms exclude their end day (``end`` is the first day without the
status); Popolo's ``end_date`` is the last day, so an exact end becomes the day before. A
partial end (``2021-11``) is kept as it is. Sources become ``sources`` links; a source that
is not a URL with a scheme is left out (Popolo links are URIs), and characters a URI cannot
hold are percent-encoded.
"""

from __future__ import annotations

import datetime as dt
import re
import urllib.parse
from typing import TYPE_CHECKING, Any, Final

from turkicorg.dates import PartialDate
from turkicorg.errors import ErrorDetail
from turkicorg.organization import Appointment, Organization, Role
from turkicorg.organs import Organ, OrganProfile

if TYPE_CHECKING:
    from turkicorg.meetings import Meeting
    from turkicorg.parties import State

__all__ = ["ORGAN_NAMES", "popolo_problems", "to_popolo"]

ORGAN_NAMES: Final = {
    Organ.HEADS_OF_STATE: "Council of Heads of State",
    Organ.FOREIGN_MINISTERS: "Council of Foreign Ministers",
    Organ.SENIOR_OFFICIALS: "Senior Officials Committee",
    Organ.COUNCIL_OF_ELDERS: "Council of Elders",
    Organ.SECRETARIAT: "Secretariat",
}
"""Names of the organs for organs without a profile in the data."""

_ROLE_ORGAN: Final = {
    Role.SECRETARY_GENERAL: Organ.SECRETARIAT,
    Role.DEPUTY_SECRETARY_GENERAL: Organ.SECRETARIAT,
    Role.ELDER: Organ.COUNCIL_OF_ELDERS,
    Role.ELDERS_CHAIR: Organ.COUNCIL_OF_ELDERS,
    Role.HONORARY_CHAIR: Organ.COUNCIL_OF_ELDERS,
}
_ROLE_LABEL: Final = {
    Role.SECRETARY_GENERAL: "Secretary General",
    Role.DEPUTY_SECRETARY_GENERAL: "Deputy Secretary General",
    Role.ELDER: "Member of the Council of Elders",
    Role.ELDERS_CHAIR: "Chairman of the Council of Elders",
    Role.HONORARY_CHAIR: "Honorary Chairman of the Council of Elders",
}
_SCHEME: Final = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
_URI_SAFE: Final = ":/?#[]@!$&'()*+,;=%-._~"


def _links(sources: tuple[str, ...]) -> list[dict[str, str]]:
    links = []
    for source in sources:
        if _SCHEME.match(source):
            url = urllib.parse.quote(source, safe=_URI_SAFE, errors="replace")
            links.append({"url": url})
    return links


def _last_day(end: PartialDate | None) -> str | None:
    """Popolo's inclusive end of a half-open term (see the module documentation)."""
    if end is None:
        return None
    if end.is_exact and end.earliest > dt.date.min:
        return (end.earliest - dt.timedelta(days=1)).isoformat()
    return str(end)


def _put(record: dict[str, Any], key: str, value: Any) -> None:
    """Set a property only when it has a value (Popolo leaves unknowns out)."""
    if value is not None and value != []:
        record[key] = value


def _organization_record(org: Organization) -> dict[str, Any]:
    current = next((n for n in reversed(org.names) if n.end is None), org.names[-1])
    record: dict[str, Any] = {"id": org.id, "name": current.name}
    other = []
    for name in org.names:
        entry: dict[str, Any] = {"name": name.name}
        _put(entry, "start_date", None if name.start is None else str(name.start))
        _put(entry, "end_date", None if name.end is None else str(name.end))
        _put(entry, "note", name.abbreviation)
        other.append(entry)
    record["other_names"] = other
    record["classification"] = "international organization"
    record["identifiers"] = [{"identifier": org.id, "scheme": "turkicorg"}]
    founded = org.names[0].start
    _put(record, "founding_date", None if founded is None else str(founded))
    _put(record, "sources", _links(org.sources))
    return record


def _organ_record(org: Organization, organ: Organ, profile: OrganProfile | None) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": f"{org.id}/{organ.value}",
        "name": profile.name if profile else ORGAN_NAMES[organ],
        "classification": "organ",
        "parent_id": org.id,
        "identifiers": [{"identifier": organ.value, "scheme": "turkicorg-organ"}],
    }
    if profile is not None:
        _put(record, "abstract", profile.role)
        _put(record, "description", profile.composition or None)
        _put(record, "sources", _links(profile.sources))
    return record


def _party_record(party: State) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": f"party/{party.id}",
        "name": party.short_name,
        "classification": party.kind.value,
    }
    other: list[dict[str, Any]] = [{"name": party.official_name, "note": "official name"}]
    other += [{"name": name} for name in party.other_names]
    for former in party.former_names:
        for name in dict.fromkeys((former.short_name, former.official_name)):
            other.append({"name": name, "end_date": str(former.until), "note": "former name"})
    record["other_names"] = other
    identifiers = [{"identifier": party.id, "scheme": "turkicorg"}]
    if party.iso2:
        identifiers.append({"identifier": party.iso2, "scheme": "ISO 3166-1 alpha-2"})
    if party.iso3:
        identifiers.append({"identifier": party.iso3, "scheme": "ISO 3166-1 alpha-3"})
    record["identifiers"] = identifiers
    _put(record, "sources", _links(party.sources))
    return record


def _post_id(org: Organization, appointment: Appointment) -> str:
    if appointment.role is Role.ELDER and appointment.state is not None:
        return f"{org.id}/post/elder/{appointment.state}"
    return f"{org.id}/post/{appointment.role.value}"


def _post_record(org: Organization, appointment: Appointment) -> dict[str, Any]:
    label = _ROLE_LABEL[appointment.role]
    record: dict[str, Any] = {"id": _post_id(org, appointment), "label": label, "role": label}
    if appointment.role is Role.ELDER and appointment.state is not None:
        party = org.get(appointment.state)
        name = party.short_name if party else appointment.state
        record["label"] = f"{label} appointed by {name}"
    record["organization_id"] = f"{org.id}/{_ROLE_ORGAN[appointment.role].value}"
    return record


def _event_record(org: Organization, meeting: Meeting, people: dict[str, str]) -> dict[str, Any]:
    organ = meeting.organ
    record: dict[str, Any] = {
        "id": f"meeting/{meeting.id}",
        "name": meeting.title,
        "start_date": str(meeting.start),
        "end_date": str(meeting.end or meeting.start),
        "organization_id": f"{org.id}/{organ.value}" if organ else org.id,
        "classification": meeting.kind.value,
        "status": meeting.status.value,
    }
    location = str(meeting.place) if meeting.place is not None else ""
    _put(record, "location", location or None)
    _put(record, "description", meeting.note)
    record["identifiers"] = [{"identifier": meeting.id, "scheme": "turkicorg"}]
    attendees = [
        {"id": people[participant.person], "name": participant.person}
        for participant in meeting.participants
        if participant.person
    ]
    _put(record, "attendees", attendees)
    _put(record, "sources", _links(meeting.sources))
    return record


def to_popolo(organization: Organization) -> dict[str, list[dict[str, Any]]]:
    """The organization, its organs, parties, people, posts, memberships and meetings.

    The result is plain data for ``json.dumps``; it validates against the Popolo JSON
    Schemas and passes :func:`popolo_problems`.
    """
    org = organization
    profiles = {p.organ: p for p in org.organs}
    organizations = [_organization_record(org)]
    organizations += [_organ_record(org, organ, profiles.get(organ)) for organ in Organ]
    organizations += [_party_record(party) for party in org.parties]

    persons: list[dict[str, Any]] = []
    by_name: dict[str, str] = {}
    for person in org.people:
        record: dict[str, Any] = {"id": f"person/{person.id}", "name": person.name}
        _put(record, "other_names", [{"name": n} for n in person.other_names])
        _put(record, "sources", _links(person.sources))
        persons.append(record)
        for name in (person.name, *person.other_names):
            by_name.setdefault(name, record["id"])
    for meeting in org.meetings:
        for participant in meeting.participants:
            person_name = participant.person
            if person_name and person_name not in by_name:
                by_name[person_name] = f"participant/{person_name}"
                persons.append({"id": by_name[person_name], "name": person_name})

    memberships: list[dict[str, Any]] = []
    for index, membership in enumerate(org.memberships):
        record = {
            "id": f"{org.id}/membership/{index}",
            "role": membership.status.value,
            "member": {"@type": "Organization", "id": f"party/{membership.party}"},
            "organization_id": org.id,
            "start_date": str(membership.start),
        }
        _put(record, "end_date", _last_day(membership.end))
        _put(record, "label", membership.basis)
        _put(record, "sources", _links(membership.sources))
        memberships.append(record)

    posts: dict[str, dict[str, Any]] = {}
    for index, appointment in enumerate(org.appointments):
        post = _post_record(org, appointment)
        posts.setdefault(post["id"], post)
        record = {
            "id": f"{org.id}/appointment/{index}",
            "role": _ROLE_LABEL[appointment.role],
            "person_id": f"person/{appointment.person}",
            "organization_id": post["organization_id"],
            "post_id": post["id"],
        }
        _put(record, "on_behalf_of_id", appointment.state and f"party/{appointment.state}")
        _put(record, "start_date", None if appointment.start is None else str(appointment.start))
        _put(record, "end_date", _last_day(appointment.end))
        _put(record, "sources", _links(appointment.sources))
        memberships.append(record)

    events = [_event_record(org, meeting, by_name) for meeting in org.meetings]
    return {
        "organizations": organizations,
        "persons": persons,
        "posts": list(posts.values()),
        "memberships": memberships,
        "events": events,
    }


_REFERENCES: Final = {
    "organization_id": "organizations",
    "parent_id": "organizations",
    "on_behalf_of_id": "organizations",
    "person_id": "persons",
    "post_id": "posts",
}


def _ends_before_start(start: object, end: object) -> bool:
    try:
        first = PartialDate.parse(str(start)[:10])
        last = PartialDate.parse(str(end)[:10])
    except ValueError:
        return True
    return last.latest < first.earliest


def popolo_problems(data: dict[str, list[dict[str, Any]]]) -> list[ErrorDetail]:
    """Referential problems of Popolo data: ids that do not resolve, ends before starts.

    Checks that every id is unique within its list, that every ``*_id`` (and every
    ``member`` and ``attendees`` entry) names an object of the right list, and that no
    ``end_date`` lies before its ``start_date``. An empty list means the data is sound.
    """
    problems: list[ErrorDetail] = []
    ids: dict[str, set[str]] = {}
    for kind, records in data.items():
        seen: set[str] = set()
        for index, record in enumerate(records):
            if record.get("id") in seen:
                problems.append(ErrorDetail(f"$.{kind}[{index}].id", "duplicate id", record["id"]))
            seen.add(record.get("id"))  # type: ignore[arg-type]
        ids[kind] = seen
    for kind, records in data.items():
        for index, record in enumerate(records):
            path = f"$.{kind}[{index}]"
            for key, target in _REFERENCES.items():
                if key in record and record[key] not in ids.get(target, set()):
                    problems.append(
                        ErrorDetail(f"{path}.{key}", f"no such {target[:-1]}", record[key])
                    )
            member = record.get("member")
            if member is not None:
                target = "organizations" if member.get("@type") == "Organization" else "persons"
                if member.get("id") not in ids.get(target, set()):
                    problems.append(
                        ErrorDetail(f"{path}.member", "no such member", member.get("id"))
                    )
            for j, attendee in enumerate(record.get("attendees", ())):
                if attendee.get("id") not in ids.get("persons", set()):
                    problems.append(
                        ErrorDetail(f"{path}.attendees[{j}]", "no such person", attendee.get("id"))
                    )
            start, end = record.get("start_date"), record.get("end_date")
            if start is not None and end is not None and _ends_before_start(start, end):
                problems.append(ErrorDetail(f"{path}.end_date", "ends before it starts", end))
    return problems
