"""The organs of the organization and what each one does, decides and how often it meets."""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, Final

import attrs

from turkicorg.localnames import LocalName, NameForm, check_local_names, name_in, sorted_local_names
from turkicorg.text import choose

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = [
    "Body",
    "Cadence",
    "ChairRotation",
    "DecisionBasis",
    "DecisionRule",
    "Mechanism",
    "NameBasis",
    "Organ",
    "OrganProfile",
    "resolve_body",
    "resolve_organ",
]


class Organ(enum.StrEnum):
    """The five organs of the Nakhchivan Agreement (2009)."""

    HEADS_OF_STATE = "CHS"
    """Council of Heads of State: the summits."""
    FOREIGN_MINISTERS = "CFM"
    """Council of Foreign Ministers."""
    SENIOR_OFFICIALS = "SOC"
    """Senior Officials Committee."""
    COUNCIL_OF_ELDERS = "COE"
    """Council of Elders (Aksakals)."""
    SECRETARIAT = "SEC"
    """The Secretariat in Istanbul, led by the Secretary General."""


ORGAN_NAMES: Final[Mapping[Organ, tuple[str, ...]]] = {
    Organ.HEADS_OF_STATE: ("Council of Heads of State", "Heads of State Council", "Summit"),
    Organ.FOREIGN_MINISTERS: (
        "Council of Foreign Ministers",
        "Council of Ministers of Foreign Affairs",
        "Foreign Ministers Council",
    ),
    Organ.SENIOR_OFFICIALS: ("Senior Officials Committee", "Committee of Senior Officials"),
    Organ.COUNCIL_OF_ELDERS: (
        "Council of Elders",
        "Aksakals",
        "Council of Aksakals",
        "Aksakals Council",
        "Elders",
    ),
    Organ.SECRETARIAT: ("Secretariat", "General Secretariat"),
}
"""Each organ's English name (first) and the other names it is known by."""


def _organ_names() -> dict[str, Organ]:
    names: dict[str, Organ] = {}
    for organ in Organ:
        names[organ.value] = organ
        names[organ.name] = organ
        names.update(dict.fromkeys(ORGAN_NAMES[organ], organ))
    return names


_ORGANS: Final = _organ_names()


def resolve_organ(value: Organ | str) -> Organ:
    """The organ named by ``value``, the one resolver every function and option uses.

    It takes the enum, its code in any case ("COE", "coe", "CoE"), its English name in any
    case ("Council of Elders") or another name it is known by ("Aksakals").

    Raises:
        UnknownNameError: No organ has that name (a ``ValueError``; close names suggested).

    >>> resolve_organ("council of elders") is resolve_organ("Aksakals")
    True
    >>> resolve_organ("CoE")
    <Organ.COUNCIL_OF_ELDERS: 'COE'>
    """
    if isinstance(value, Organ):
        return value
    return choose("organ", value, _ORGANS, shown=[o.value for o in Organ])


class Mechanism(enum.StrEnum):
    """Bodies that meet but are not organs: the organization's other mechanisms and contacts."""

    SECURITY_CONSULTATIONS = "security_consultations"
    NATIONAL_SECURITY_COUNCILS = "national_security_councils"
    """Meetings of the heads (secretaries) of the national security councils."""
    POLICY_PLANNING = "policy_planning"
    """Policy planning consultations of the foreign ministries."""
    POLICY_CONSULTATIONS = "policy_consultations"
    """Consultations of the deputy ministers of foreign affairs."""
    RESEARCH_CENTERS = "research_centers"
    """Meetings of the official foreign-policy research centres."""
    HEADS_OF_GOVERNMENT = "heads_of_government"
    """Meetings of the heads of government (prime ministers; Türkiye: its Vice President)."""
    JUNIOR_DIPLOMATS = "junior_diplomats"
    """The junior diplomats' joint training programme."""
    ELECTION_OBSERVATION = "election_observation"
    """Election observation missions."""
    COOPERATION_ORGANIZATIONS = "cooperation_organizations"
    """Coordination meetings of the Turkic cooperation organizations."""
    BILATERAL = "bilateral"
    """A meeting with another organization or a state outside the organs."""


Body = Organ | Mechanism
"""The body that met: one of the :class:`Organ` values or one of the :class:`Mechanism` values."""


def _body_names() -> dict[str, Body]:
    names: dict[str, Body] = dict(_ORGANS)
    for mechanism in Mechanism:
        names[mechanism.value] = mechanism
        names[mechanism.value.replace("_", " ")] = mechanism
    return names


_BODIES: Final = _body_names()


def resolve_body(value: Organ | Mechanism | str) -> Organ | Mechanism:
    """The organ or mechanism named by ``value``.

    Organs as :func:`resolve_organ` takes them; mechanisms by their value in any case, with
    or without underscores.

    Raises:
        UnknownNameError: Nothing has that name (a ``ValueError``).

    >>> resolve_body("National Security Councils")
    <Mechanism.NATIONAL_SECURITY_COUNCILS: 'national_security_councils'>
    """
    if isinstance(value, Organ | Mechanism):
        return value
    shown = [o.value for o in Organ] + [m.value for m in Mechanism]
    return choose("body", value, _BODIES, shown=shown)


class DecisionBasis(enum.StrEnum):
    """Whether an organ's decision rule is stated by a source or is the library's default."""

    SOURCED = "sourced"
    """A source states the rule."""
    POLICY = "policy"
    """No source states the rule: it is a documented default policy, not a claimed fact."""
    NONE = "none"
    """The organ takes no decisions of its own."""


class DecisionRule(enum.StrEnum):
    """How an organ takes its decisions, as the data states it."""

    CONSENSUS = "consensus"
    """No member state objects (abstentions and absences do not block)."""
    UNANIMITY = "unanimity"
    """Every member state supports."""
    NONE = "none"
    """The organ takes no decisions of its own (the Secretariat)."""


class NameBasis(enum.StrEnum):
    """Which names an alphabetical rule sorts, as a source words it."""

    OFFICIAL = "official"
    SHORT = "short"


@attrs.frozen(kw_only=True)
class ChairRotation:
    """How the chair of an organ passes between the states, as a source states it.

    The rules read their parameters from here (the first holder, which names are sorted); a
    reading the sources leave open stays an explicit policy of the rule module.

    Attributes:
        first: The id of the state that holds the chair first, where a source names it.
        names: Which names the English alphabetical order sorts, as the source words it.
        term: The length of a turn in words, where a source states it ("one calendar year").
        description: The rule in words.
        sources: Where the rule is stated.
    """

    first: str | None = None
    names: NameBasis = attrs.field(default=NameBasis.OFFICIAL, converter=NameBasis)
    term: str | None = None
    description: str = ""
    sources: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class Cadence:
    """How often an organ is expected to meet, and the source of that expectation.

    Attributes:
        kind: The kind of meeting the rhythm is about ("regular", "informal").
        months: The expected interval between meetings, in months (12 = yearly).
        month: The month the meetings are expected in, when the sources tie them to one
            (September for the foreign ministers' meetings at the UN General Assembly).
        description: The rule in words.
        sources: Where the rule is stated.
    """

    kind: str
    months: int = attrs.field(validator=attrs.validators.ge(1))
    month: int | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(
            attrs.validators.and_(attrs.validators.ge(1), attrs.validators.le(12))
        ),
    )
    description: str = ""
    sources: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class OrganProfile:
    """What an organ is, how it decides and how often it meets.

    Attributes:
        organ: Which organ.
        name: Its English name.
        role: What it does.
        decision_rule: How it decides (:class:`DecisionRule`).
        decision_basis: Whether the rule is sourced or a documented default policy.
        composition: Who sits in it.
        cadences: Its expected rhythms (may be empty).
        extraordinary_callers: Who may call an extraordinary meeting, in words.
        chair_rotation: How its chair rotates, where a source states a rule.
        local_names: Its name in other languages, each with its sources (see :meth:`name_in`).
        sources: Where the profile is documented.
        notes: Anything a user should know.
    """

    organ: Organ
    name: str
    role: str
    decision_rule: DecisionRule = attrs.field(converter=DecisionRule)
    decision_basis: DecisionBasis
    composition: str = ""
    cadences: tuple[Cadence, ...] = ()
    extraordinary_callers: tuple[str, ...] = ()
    chair_rotation: ChairRotation | None = None
    local_names: tuple[LocalName, ...] = attrs.field(
        default=(), converter=sorted_local_names, validator=check_local_names
    )
    sources: tuple[str, ...] = ()
    notes: str | None = None

    def name_in(self, lang: str, *, fallback: str | None = None) -> str:
        """The organ's name in a language, as its sources write it.

        ``"en"`` gives :attr:`name`; any other language answers only from
        :attr:`local_names` (a short or an official form, whichever is sourced).

        >>> from turkicorg import load_default
        >>> load_default().profile("COE").name_in("tr")
        'Aksakallar Konseyi'

        Raises:
            UnknownLanguageError, MissingNameError: As :func:`turkicorg.localnames.name_in`.
        """
        return name_in(
            self.local_names,
            lang,
            english=self.name,
            subject=f"{self.name} ({self.organ.value})",
            forms=(NameForm.SHORT, NameForm.OFFICIAL),
            fallback=fallback,
            form_label="",
        )

    @property
    def abbreviation(self) -> str:
        """The usual abbreviation ("CHS", "CFM", "SOC", "COE", "SEC")."""
        return self.organ.value
