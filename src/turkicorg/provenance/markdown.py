"""The provenance report as Markdown: every fact of the data with its sources."""

from __future__ import annotations

import calendar
import re
from typing import TYPE_CHECKING, Final

from turkicorg.meetings import MeetingStatus
from turkicorg.organs import DecisionBasis, Mechanism, Organ
from turkicorg.provenance.questions import OPEN_QUESTIONS
from turkicorg.record import Role
from turkicorg.sourcing import Confidence

if TYPE_CHECKING:
    from collections.abc import Iterable

    from turkicorg.dates import PartialDate
    from turkicorg.meetings import Body, Meeting
    from turkicorg.organization import Organization
    from turkicorg.record import Appointment, Membership
    from turkicorg.sourcing import Alternative

__all__ = ["provenance_markdown"]

_MECHANISM_TITLES: Final = {
    Mechanism.SECURITY_CONSULTATIONS: "Security consultations",
    Mechanism.NATIONAL_SECURITY_COUNCILS: "Heads of the national security councils",
    Mechanism.POLICY_PLANNING: "Policy planning consultations",
    Mechanism.POLICY_CONSULTATIONS: "Consultations of the deputy foreign ministers",
    Mechanism.RESEARCH_CENTERS: "Foreign-policy research centres",
    Mechanism.JUNIOR_DIPLOMATS: "Junior diplomats' training programme",
    Mechanism.ELECTION_OBSERVATION: "Election observation missions",
    Mechanism.COOPERATION_ORGANIZATIONS: "Turkic cooperation organizations",
    Mechanism.BILATERAL: "Meetings with other organizations and states",
}
_ROLE_TITLES: Final = {
    Role.SECRETARY_GENERAL: "Secretaries General",
    Role.DEPUTY_SECRETARY_GENERAL: "Deputy Secretaries General",
    Role.HONORARY_CHAIR: "Honorary Chairman",
    Role.ELDERS_CHAIR: "Chairmen of the Council of Elders",
    Role.ELDER: "Elders of the Council of Elders",
}
_ROLE_NAMES: Final = {
    Role.SECRETARY_GENERAL: "Secretary General",
    Role.DEPUTY_SECRETARY_GENERAL: "Deputy Secretary General",
    Role.HONORARY_CHAIR: "Honorary Chairman",
    Role.ELDERS_CHAIR: "Chairman of the Council of Elders",
    Role.ELDER: "elder",
}
_CONFIDENCE_NOTES: Final = {
    Confidence.HIGH: "an official or primary source, or two independent sources agree",
    Confidence.MEDIUM: "a single reliable secondary source, or sources agree on substance "
    "but differ on detail",
    Confidence.LOW: "a single weak source, an inference, or conflicting sources; treat it as "
    "a default",
}
_SPECIAL: Final = re.compile(r"([\\`*_\[\]<>|#$])")


def _md(text: object) -> str:
    """Text safe to put in Markdown: punctuation Markdown reads is escaped."""
    return _SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def _links(sources: Iterable[str]) -> str:
    return ", ".join(f"<{url}>" for url in sources) or "none recorded"


def _period(start: PartialDate | None, end: PartialDate | None) -> str:
    if start is None and end is None:
        return "dates not known"
    begin = f"from {start}" if start is not None else "from a day not known"
    return f"{begin} until {end}" if end is not None else f"{begin}, ongoing"


def _evidence_lines(
    sources: Iterable[str],
    alternatives: Iterable[Alternative] = (),
    note: str | None = None,
    indent: str = "  ",
) -> list[str]:
    lines = [f"{indent}- Sources: {_links(sources)}"]
    for alternative in alternatives:
        where = f" ({_links(alternative.sources)})" if alternative.sources else " (no source)"
        why = f": {_md(alternative.note)}" if alternative.note else ""
        lines.append(
            f"{indent}- Alternative {alternative.field} {_md(alternative.value)}{why}{where}"
        )
    if note:
        lines.append(f"{indent}- Note: {_md(note)}")
    return lines


def _subsection(title: str, entries: Iterable[list[str]]) -> list[str]:
    """A third-level heading, the lines of every entry, and a blank line."""
    return [f"### {title}", "", *(line for entry in entries for line in entry), ""]


def _header(org: Organization) -> list[str]:
    return [
        "# Data provenance",
        "",
        (
            "Every fact of the embedded data with its sources, how well it is established and what "
            "other sources say. This page is generated from the data by "
            "`turkicorg.provenance.provenance_markdown` at every documentation build, so it always "
            f"matches the data it describes: version {org.data_version}, last verified "
            f"{org.last_verified}."
        ),
        "",
        (
            f"**Data horizon: {org.data_horizon}.** The sources were searched up to that day "
            "(in English, Turkish, Russian, Azerbaijani, Kazakh, Uzbek and Kyrgyz); events "
            "after it are not in the data, and every answer about a later day says so."
            if org.data_horizon is not None
            else "The data declares no horizon: how far its sources were searched is not stated."
        ),
        "",
        "How to read it:",
        "",
        *(f"- **{level.value}** confidence: {_CONFIDENCE_NOTES[level]}." for level in Confidence),
        (
            "- An **alternative** is a value another source gives, kept with the reason the "
            "library does not use it."
        ),
        (
            "- Where sources are silent the data has a gap, never a guess; the questions no "
            "source answers are listed first."
        ),
        "",
    ]


def _open_questions(org: Organization) -> list[str]:
    lines = [
        "## Open questions",
        "",
        (
            "No source found answers these. Each says what the library does instead of guessing "
            "(the list is `turkicorg.provenance.OPEN_QUESTIONS`)."
        ),
        "",
    ]
    for question in OPEN_QUESTIONS:
        lines.append(f"- **{_md(question.question)}** {_md(question.explanation)}")
        lines.append(f"  - What the library does: {_md(question.handling)}")
        if question.see:
            lines.append(f"  - See: {', '.join(f'`{name}`' for name in question.see)}")
        if question.evidence:
            lines.append(f"  - Evidence: {_links(question.evidence)}")
    lines += ["", "### Gaps in the records", ""]
    lines += [
        "Facts the data holds only in part, found by looking at the data itself:",
        "",
        *_gaps(org),
        "",
    ]
    return lines


def _gaps(org: Organization) -> list[str]:
    gaps = [
        f"- Entry into force of the {_md(treaty.name)}: not known."
        for treaty in org.treaties
        if treaty.in_force is None
    ]
    gaps += [
        f"- {_md(org.person(a.person).name)} ({_ROLE_NAMES[a.role]}"
        f"{f', {a.state}' if a.state else ''}): dates not known."
        for a in org.appointments
        if a.start is None
    ]
    partial = [m for m in org.meetings if not m.span.is_exact]
    if partial:
        listed = "; ".join(f"{m.id} ({m.span})" for m in partial)
        gaps.append(f"- Meetings known only to the month or the year: {_md(listed)}.")
    planned = [m for m in org.meetings if m.status is not MeetingStatus.CONFIRMED]
    if planned:
        listed = "; ".join(f"{m.id} ({m.status.value})" for m in planned)
        gaps.append(f"- Meetings that have not (yet) taken place: {_md(listed)}.")
    horizon = org.data_horizon
    overdue = [
        m
        for m in planned
        if m.status is MeetingStatus.TENTATIVE and horizon and m.start.latest <= horizon
    ]
    if overdue:
        listed = "; ".join(f"{m.id} (planned for {m.start})" for m in overdue)
        gaps.append(
            f"- Planned meetings dated before the data horizon with no record of being held "
            f"(open questions): {_md(listed)}."
        )
    return gaps or ["- None found."]


def _organization(org: Organization) -> list[str]:
    lines = ["## The organization", ""]
    for record in org.names:
        lines.append(
            f"- Name **{_md(record.name)}** ({_md(record.abbreviation)}), "
            f"{_period(record.start, record.end)}"
        )
        lines += _evidence_lines(record.sources)
    since = f", working since {org.secretariat_since}" if org.secretariat_since else ""
    lines.append(f"- Headquarters (the Secretariat): {_md(org.headquarters)}{since}")
    lines.append(f"- Working languages: {', '.join(org.working_languages) or 'not recorded'}")
    lines.append(f"- Sources about the organization as a whole: {_links(org.sources)}")
    return [*lines, ""]


def _parties(org: Organization) -> list[str]:
    lines = [
        "## Parties and their names",
        "",
        "States, entities and organizations the data refers to, with their names over time.",
        "",
    ]
    for party in org.parties:
        codes = ", ".join(code for code in (party.iso2, party.iso3) if code)
        codes = f"; ISO {codes}" if codes else ""
        lines.append(
            f"- **{_md(party.short_name)}** ({party.id}, {party.kind.value}{codes}): "
            f"{_md(party.official_name)}"
        )
        lines += [
            f"  - Formerly {_md(former.short_name)} ({_md(former.official_name)}) until "
            f"{former.until}; sources: {_links(former.sources)}"
            for former in party.former_names
        ]
        lines += _evidence_lines(party.sources)
    return [*lines, ""]


def _membership(org: Organization, membership: Membership) -> list[str]:
    party = org.state(membership.party)
    founding = ", founding member" if membership.founding else ""
    basis = f"; basis: {_md(membership.basis)}" if membership.basis else ""
    return [
        (
            f"- **{_md(party.short_name)}**: {membership.status.value} "
            f"{_period(membership.start, membership.end)}{founding}{basis}; "
            f"confidence {membership.confidence.value}"
        ),
        *_evidence_lines(membership.sources, membership.alternatives, membership.note),
    ]


def _memberships(org: Organization) -> list[str]:
    lines = ["## Memberships", "", "Members and observers over time.", ""]
    for membership in org.memberships:
        lines += _membership(org, membership)
    return [*lines, ""]


def _appointment(org: Organization, appointment: Appointment) -> list[str]:
    person = org.person(appointment.person)
    state = f" ({_md(org.state(appointment.state).short_name)})" if appointment.state else ""
    appointed = f"; appointed {appointment.appointed}" if appointment.appointed else ""
    return [
        (
            f"- **{_md(person.name)}**{state}: {_period(appointment.start, appointment.end)}"
            f"{appointed}; confidence {appointment.confidence.value}"
        ),
        *_evidence_lines(appointment.sources, appointment.alternatives, appointment.note),
    ]


def _appointments(org: Organization) -> list[str]:
    lines = ["## Posts and people", ""]
    for role in Role:
        held = [a for a in org.appointments if a.role is role]
        if held:
            lines += _subsection(_ROLE_TITLES[role], (_appointment(org, a) for a in held))
    lines += ["### People", "", "The spellings the sources use, and where each is named.", ""]
    for person in org.people:
        others = f" (also {_md(', '.join(person.other_names))})" if person.other_names else ""
        lines.append(f"- **{_md(person.name)}**{others}: {_links(person.sources)}")
    return [*lines, ""]


def _treaties(org: Organization) -> list[str]:
    lines = ["## Treaties", ""]
    for treaty in org.treaties:
        place = f" in {_md(treaty.place)}" if treaty.place else ""
        parties = ", ".join(treaty.parties) or "not recorded"
        in_force = str(treaty.in_force) if treaty.in_force else "not known"
        lines.append(f"- **{_md(treaty.name)}**, signed {treaty.signed}{place}")
        lines.append(f"  - Signatories: {parties}; in force: {in_force}")
        details = {
            "Depositary": treaty.depositary,
            "Entry into force": treaty.entry_into_force_rule,
            "Articles confirmed by a source": "; ".join(
                f"Art. {a.number}: {a.subject}" for a in treaty.articles
            ),
        }
        lines += [f"  - {label}: {_md(value)}" for label, value in details.items() if value]
        lines += _evidence_lines(treaty.sources, note=treaty.note)
    return [*lines, ""]


_BASIS_WORDS: Final = {
    DecisionBasis.SOURCED: "stated by a source",
    DecisionBasis.POLICY: "no source states it: the library's documented default policy",
    DecisionBasis.NONE: "the organ takes no decisions of its own",
}


def _organs(org: Organization) -> list[str]:
    lines = ["## Organs", ""]
    for profile in org.organs:
        lines += [f"### {_md(profile.name)} ({profile.abbreviation})", ""]
        lines.append(f"- Role: {_md(profile.role)}")
        if profile.composition:
            lines.append(f"- Composition: {_md(profile.composition)}")
        lines.append(
            f"- Decision rule: {profile.decision_rule} ({_BASIS_WORDS[profile.decision_basis]})"
        )
        for cadence in profile.cadences:
            month = f", in {calendar.month_name[cadence.month]}" if cadence.month else ""
            lines.append(
                f"- Meets ({cadence.kind}): every {cadence.months} months{month}. "
                f"{_md(cadence.description)} Sources: {_links(cadence.sources)}"
            )
        if profile.extraordinary_callers:
            callers = "; ".join(profile.extraordinary_callers)
            lines.append(f"- Who may call an extraordinary meeting: {_md(callers)}")
        lines += _evidence_lines(dict.fromkeys(profile.sources), note=profile.notes, indent="")
        lines.append("")
    return lines


def _body_title(org: Organization, body: Body) -> str:
    if isinstance(body, Organ):
        names = {p.organ: p.name for p in org.organs}
        return f"{names.get(body, body.name.replace('_', ' ').capitalize())} ({body.value})"
    return _MECHANISM_TITLES.get(body, body.value.replace("_", " ").capitalize())


def _meeting(meeting: Meeting) -> list[str]:
    where = f", {_md(meeting.place.city)}" if meeting.place and meeting.place.city else ""
    how = "" if meeting.format.value == "in_person" else f", {meeting.format.value}"
    facts = f"{meeting.kind.value}, {meeting.status.value}{how}"
    return [
        (
            f"- **{meeting.span}** {_md(meeting.title)}{where} ({facts}; "
            f"confidence {meeting.confidence.value}; id `{meeting.id}`)"
        ),
        *_evidence_lines(meeting.sources, meeting.alternatives, meeting.note),
    ]


def _meetings(org: Organization) -> list[str]:
    lines = [
        "## Meetings",
        "",
        (
            f"The {len(org.meetings)} meetings of the registry, grouped by the body that met, "
            "oldest first."
        ),
        "",
    ]
    bodies: list[Body] = [*Organ, *Mechanism]
    for body in bodies:
        held = [m for m in org.meetings if m.body is body]
        if held:
            lines += _subsection(_md(_body_title(org, body)), map(_meeting, held))
    return lines


def provenance_markdown(org: Organization) -> str:
    """Every fact of ``org`` with its sources, confidence and alternatives, as Markdown.

    The report opens with the questions no source answers (:data:`OPEN_QUESTIONS`) and the
    gaps found in the data, then lists the organization's names, the parties, memberships,
    posts and people, treaties, organs (with whether each decision rule is sourced or a
    policy) and the meetings grouped by body. Source URLs are links. The same data gives the
    same text.

    Args:
        org: The organization, for example :func:`turkicorg.load_default`.

    Returns:
        CommonMark (MyST-compatible) text ending with a newline.
    """
    lines = [
        *_header(org),
        *_open_questions(org),
        *_organization(org),
        *_memberships(org),
        *_parties(org),
        *_appointments(org),
        *_treaties(org),
        *_organs(org),
        *_meetings(org),
    ]
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n"
