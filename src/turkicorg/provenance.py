"""Where every fact comes from: a provenance report of the data, and the open questions.

:func:`provenance_markdown` lists every fact of an organization's data (names, parties,
memberships, people and appointments, treaties, organs, meetings grouped by body) with its
sources, its confidence and the alternatives other sources give. The documentation's
data-provenance page is this report of the embedded data, generated at every build.

Where no source answers a question, the library says so instead of guessing. Those open
questions are data too (:data:`OPEN_QUESTIONS`), each with what the library does about it:

>>> from turkicorg.provenance import OPEN_QUESTIONS
>>> [q.id for q in OPEN_QUESTIONS][:3]
['coe-meetings-1-9-and-11', 'coe-10th-meeting-year', 'coe-chair-term']
>>> import turkicorg
>>> from turkicorg.provenance import provenance_markdown
>>> text = provenance_markdown(turkicorg.load_default())
>>> text.splitlines()[0]
'# Data provenance'
"""

from __future__ import annotations

import calendar
import re
from typing import TYPE_CHECKING, Final

import attrs

from turkicorg.elders import ORDER_EVIDENCE, RULE_SOURCE
from turkicorg.meetings import MeetingStatus
from turkicorg.organization import Role
from turkicorg.organs import DecisionBasis, Mechanism, Organ
from turkicorg.sourcing import Confidence

if TYPE_CHECKING:
    from collections.abc import Iterable

    from turkicorg.dates import PartialDate
    from turkicorg.meetings import Body, Meeting
    from turkicorg.organization import Appointment, Membership, Organization
    from turkicorg.sourcing import Alternative

__all__ = ["OPEN_QUESTIONS", "OpenQuestion", "provenance_markdown"]


@attrs.frozen(kw_only=True)
class OpenQuestion:
    """A question no source found answers, and what the library does about it.

    Attributes:
        id: Stable identifier ("coe-chair-term").
        question: The question, in words.
        explanation: What is known around it and what is missing.
        handling: What the library does instead of guessing (its default and the option).
        see: The parts of the API concerned.
        evidence: Sources that bear on the question without answering it.
    """

    id: str
    question: str
    explanation: str
    handling: str
    see: tuple[str, ...] = ()
    evidence: tuple[str, ...] = ()


OPEN_QUESTIONS: Final = (
    OpenQuestion(
        id="coe-meetings-1-9-and-11",
        question="When and where were the 1st to 9th and the 11th meetings of the Council of "
        "Elders held?",
        explanation="The registry's record of the Council of Elders starts with the 12th "
        "meeting (9 February 2022). No source found dates or places the 1st to 9th or the "
        "11th meeting.",
        handling="They are not in the meeting registry: no record rather than an invented "
        "one. Counts and gaps of the Council's meetings start at the 12th.",
        see=("Organization.meetings",),
    ),
    OpenQuestion(
        id="coe-10th-meeting-year",
        question="In which year was the 10th meeting of the Council of Elders held?",
        explanation="A report names Mustafa İsen as Türkiye's elder at the 10th meeting but "
        "gives no year.",
        handling="The meeting is not in the registry, and Mustafa İsen's appointment has no "
        "dates, so it answers no as-of question.",
        see=("Organization.elders",),
        evidence=("https://sakaryarehberim.com/cn/capan-giyen-isen-aksakallar-konseyi%C2%92nde",),
    ),
    OpenQuestion(
        id="coe-chair-term",
        question="How long is the term of the Chairman of the Council of Elders?",
        explanation="Elders are appointed for four years, but no source states the Chairman's "
        "term. Binali Yıldırım has chaired since the 8th Summit (12 November 2021); no "
        "successor has been found.",
        handling="By default only recorded handovers change the chair "
        "(ElderChairPolicy(term_years=None)), and a next chair comes without a date. "
        "ElderChairPolicy(term_years=4) assumes a term; every date it gives is marked "
        "projected.",
        see=("turkicorg.elders.ElderChairPolicy", "CouncilOfElders.next_chair"),
        evidence=(RULE_SOURCE,),
    ),
    OpenQuestion(
        id="coe-quorum",
        question="What is the quorum of the Council of Elders?",
        explanation="The organization's description of the Council says it decides by "
        "consensus and names no quorum.",
        handling="Consensus() has no quorum; Consensus(quorum=n) applies one.",
        see=("turkicorg.decisions.Consensus",),
        evidence=(RULE_SOURCE,),
    ),
    OpenQuestion(
        id="chs-cfm-decision-rule",
        question="What does the treaty text say about how the Council of Heads of State and "
        "the Council of Foreign Ministers decide?",
        explanation="No treaty text on the decision rule of either council was found. "
        "Practice (declarations signed by every head of state) is consistent with consensus.",
        handling="Consensus of the member states is the documented default policy, marked "
        "DecisionBasis.POLICY (not sourced); Organization.decide takes rule= for another "
        "rule. Observers' positions are recorded and never count.",
        see=("Organization.decide", "OrganProfile.decision_basis"),
        evidence=("https://islamworld.preslib.az/page/WovuL4FcMs",),
    ),
    OpenQuestion(
        id="nakhchivan-agreement-in-force",
        question="When did the Nakhchivan Agreement enter into force?",
        explanation="Its rule is known: the 30th day after the depositary receives the third "
        "notification of completed domestic procedures (Art. 22). No source gives the date.",
        handling="Treaty.in_force is None. The founding members' membership counts from the "
        "signature, 3 October 2009.",
        see=("Organization.treaties",),
    ),
    OpenQuestion(
        id="protocol-2022-in-force",
        question="Is the 2022 Protocol on Amendments to the Nakhchivan Agreement in force?",
        explanation="Türkiye, Azerbaijan (4 April 2023) and Kazakhstan (23 May 2025) ratified "
        "it; Kyrgyz and Uzbek ratifications were not found. It enters into force on the 30th "
        "day after the depositary receives the last notification.",
        handling="Treaty.in_force is None. The new name (12 November 2021) and Northern "
        "Cyprus's observer status (11 November 2022) are dated from the summit decisions, not "
        "from the Protocol's entry into force.",
        see=("Organization.treaties",),
        evidence=(
            "https://zakonpravo.kz/en/on-ratification-of-the-protocol-on-amendments-to-the-nakhichevan-agreement-on-the-establishment-of-the-cooperation-council-of-turkic-speaking-states",
            "https://mia.az/w1046614/milli-meclis-tdt-ile-bagli-protokolu-tesdiqleyib-2023-04-04-130805",
        ),
    ),
    OpenQuestion(
        id="next-secretary-general",
        question="Who will be the next Secretary General, and from when?",
        explanation="Kubanychbek Omuraliev took office on 14 November 2022 for a term reported "
        "as three years and was still in office in late 2025; no successor or extension has "
        "been found.",
        handling="His appointment has no end, so secretary_general(on=...) names him for any "
        "later day until the data records a change. No successor is projected.",
        see=("Organization.secretary_general",),
    ),
    OpenQuestion(
        id="coe-chair-name-order",
        question="Which name order does the organization apply from the third Chairman of "
        "the Council of Elders on?",
        explanation="The rule names the English alphabetical order of the member states' "
        "official names; the evidence (the order the Secretaries General followed, the 2022 "
        "Protocol's list of Parties) follows short names. Both orders give Uzbekistan after "
        "Türkiye; from the third Chairman they differ: Azerbaijan, Kazakhstan, Kyrgyzstan by "
        "short names; Kyrgyzstan (Kyrgyz Republic), Azerbaijan, Kazakhstan by official names.",
        handling="Default short names (NameOrder.SHORT); next_chair(order=NameOrder.OFFICIAL) "
        "or ElderChairPolicy(order=NameOrder.OFFICIAL) gives the other reading.",
        see=("CouncilOfElders.next_chair", "turkicorg.rotation.NameOrder"),
        evidence=(RULE_SOURCE, *ORDER_EVIDENCE),
    ),
)
"""The questions the sources leave open, in the order the documentation lists them."""

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
        if not held:
            continue
        lines += [f"### {_ROLE_TITLES[role]}", ""]
        for appointment in held:
            lines += _appointment(org, appointment)
        lines.append("")
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
        if treaty.depositary:
            lines.append(f"  - Depositary: {_md(treaty.depositary)}")
        if treaty.entry_into_force_rule:
            lines.append(f"  - Entry into force: {_md(treaty.entry_into_force_rule)}")
        if treaty.articles:
            articles = "; ".join(f"Art. {a.number}: {a.subject}" for a in treaty.articles)
            lines.append(f"  - Articles confirmed by a source: {_md(articles)}")
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
        if not held:
            continue
        lines += [f"### {_md(_body_title(org, body))}", ""]
        for meeting in held:
            lines += _meeting(meeting)
        lines.append("")
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
