"""Decisions: the positions parties take, the rules that count them and the outcomes.

A rule (:class:`Consensus`, :class:`Unanimity` or :class:`Majority`) is plain data;
:func:`decide` applies one to the positions of the entitled parties. Observers may be
recorded with a position that never counts. Every :class:`Outcome` explains itself.

>>> from turkicorg.decisions import Consensus, Unanimity, decide
>>> positions = {"AZ": "support", "KZ": "support", "TR": "abstain", "HU": "object"}
>>> members = ["AZ", "KG", "KZ", "TR", "UZ"]
>>> outcome = decide(Consensus(), positions, entitled=members, recorded=["HU"])
>>> outcome.adopted, outcome.blocked_by
(True, ())
>>> print(outcome.explain())
Rule: consensus: adopted unless an entitled party objects. Counted: AZ support, KG absent,
KZ support, TR abstain, UZ absent. Recorded, not counted: HU object. Adopted: no entitled
party objected (3 of 5 present).
>>> decide(Unanimity(), positions, entitled=members, recorded=["HU"]).blocked_by
('KG', 'TR', 'UZ')
>>> decide(Unanimity(), positions, entitled=members)
Traceback (most recent call last):
...
turkicorg.errors.UnknownStateError: unknown state, entity or organization: 'HU'
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Collection, Mapping
from fractions import Fraction
from types import MappingProxyType
from typing import Final, Literal, TypeAlias

import attrs

from turkicorg.errors import PolicyError, UnknownStateError
from turkicorg.organs import DecisionRule
from turkicorg.sourcing import cite, horizon_note

__all__ = [
    "Consensus",
    "InvalidPositionError",
    "Majority",
    "MajorityBase",
    "Outcome",
    "Position",
    "Rule",
    "Unanimity",
    "decide",
    "rule_for",
]

_DECIDE: Final = "decide"


class Position(enum.StrEnum):
    """The position a party takes on a proposal."""

    SUPPORT = "support"
    OBJECT = "object"
    ABSTAIN = "abstain"
    ABSENT = "absent"


class InvalidPositionError(PolicyError):
    """A position that is not one of :class:`Position`.

    Attributes:
        party: The id whose position it is.
        value: The value that was given.
    """

    def __init__(self, party: str, value: object) -> None:
        self.party = party
        self.value = value
        expected = ", ".join(p.value for p in Position)
        super().__init__(
            _DECIDE, f"invalid position {value!r} for {party!r}; expected one of {expected}"
        )


@attrs.frozen
class Consensus:
    """Adopted when no entitled party objects.

    Abstentions and absences do not block. With a quorum, at least that many entitled
    parties must also be present (support, object or abstain).

    Attributes:
        quorum: The least number of entitled parties present, or None for no quorum.
    """

    quorum: int | None = attrs.field(default=None, kw_only=True)

    @quorum.validator
    def _check_quorum(self, _attribute: object, value: int | None) -> None:
        if value is not None and (type(value) is not int or value < 1):
            raise PolicyError("consensus", f"quorum must be an int >= 1 (got {value!r})")

    @property
    def name(self) -> str:
        """The rule's name."""
        return "consensus"

    def describe(self) -> str:
        """The rule, in words."""
        quorum = "" if self.quorum is None else f", with at least {self.quorum} present"
        return f"consensus: adopted unless an entitled party objects{quorum}"


@attrs.frozen
class Unanimity:
    """Adopted when every entitled party supports; an abstention or absence also blocks."""

    @property
    def name(self) -> str:
        """The rule's name."""
        return "unanimity"

    def describe(self) -> str:
        """The rule, in words."""
        return "unanimity: adopted when every entitled party supports"


MajorityBase: TypeAlias = Literal["voting", "present", "entitled"]
"""What a majority is counted of: parties voting (support or object), present (support,
object or abstain), or all entitled parties."""

_BASES: Final[Mapping[str, str]] = {
    "voting": "entitled parties voting (support or object)",
    "present": "entitled parties present (support, object or abstain)",
    "entitled": "all entitled parties",
}


def _to_fraction(value: Fraction | int | str) -> Fraction:
    if isinstance(value, bool) or not isinstance(value, (Fraction, int, str)):
        raise PolicyError(
            "majority", f"threshold must be a Fraction, an int or text (got {value!r})"
        )
    try:
        return Fraction(value)
    except (ValueError, ZeroDivisionError):
        raise PolicyError("majority", f"threshold is not a fraction: {value!r}") from None


@attrs.frozen(kw_only=True)
class Majority:
    """Adopted when the share of supports in the count base passes a threshold.

    With the defaults, more than half of the entitled parties present must support (a simple
    majority, abstentions counting in the base). ``Majority(threshold=Fraction(2, 3),
    strict=False)`` asks for at least two thirds. With nobody in the base nothing is adopted.

    Attributes:
        threshold: The share of the base that must support, between 0 and 1.
        strict: True for "more than" the threshold, False for "at least".
        of: The count base: ``"voting"``, ``"present"`` or ``"entitled"``
            (see :data:`MajorityBase`).
    """

    threshold: Fraction = attrs.field(default=Fraction(1, 2), converter=_to_fraction)
    strict: bool = True
    of: MajorityBase = "present"

    def __attrs_post_init__(self) -> None:
        if not 0 < self.threshold <= 1:
            raise PolicyError("majority", f"threshold must lie in (0, 1] (got {self.threshold})")
        if self.strict and self.threshold == 1:
            raise PolicyError("majority", "more than the whole can never support")
        if self.of not in _BASES:
            raise PolicyError(
                "majority", f"of must be one of {', '.join(_BASES)} (got {self.of!r})"
            )

    @property
    def name(self) -> str:
        """The rule's name."""
        return "majority"

    def describe(self) -> str:
        """The rule, in words."""
        share = "more than" if self.strict else "at least"
        return f"majority: adopted when {share} {self.threshold} of {_BASES[self.of]} support"


Rule: TypeAlias = Consensus | Unanimity | Majority
"""Any decision rule."""


def _readonly(mapping: Mapping[str, Position]) -> Mapping[str, Position]:
    return MappingProxyType(dict(sorted(mapping.items())))


@attrs.frozen(kw_only=True)
class Outcome:
    """The result of applying a rule to the positions taken.

    Attributes:
        rule: The rule applied.
        adopted: Whether the proposal is adopted.
        blocked_by: Ids that prevented adoption, sorted: the objectors under consensus, every
            party that did not support under unanimity; always empty under a majority (a
            majority has no veto).
        counted: The position of every entitled party (absent where none was given), by id.
        ignored: The positions of recorded parties (observers), which never count, by id.
        sources: Where the organ's decision rule is stated (empty for a rule given by hand).
        beyond_horizon: True when the decision day lies after the data horizon.
        horizon: The data horizon, when the decision day lies after it.
    """

    rule: Rule
    adopted: bool
    blocked_by: tuple[str, ...] = ()
    counted: Mapping[str, Position] = attrs.field(converter=_readonly, hash=False)
    ignored: Mapping[str, Position] = attrs.field(factory=dict, converter=_readonly, hash=False)
    sources: tuple[str, ...] = ()
    beyond_horizon: bool = False
    horizon: dt.date | None = None

    def count(self, position: Position) -> int:
        """How many entitled parties took ``position``."""
        return sum(1 for p in self.counted.values() if p == position)

    @property
    def present(self) -> int:
        """How many entitled parties were present (support, object or abstain)."""
        return len(self.counted) - self.count(Position.ABSENT)

    def explain(self) -> str:
        """Say, in sentences, which rule was applied to which positions, and the result."""
        counted = ", ".join(f"{i} {p}" for i, p in self.counted.items())
        sentences = [f"Rule: {self.rule.describe()}.", f"Counted: {counted}."]
        if self.ignored:
            ignored = ", ".join(f"{i} {p}" for i, p in self.ignored.items())
            sentences.append(f"Recorded, not counted: {ignored}.")
        sentences.append(f"{'Adopted' if self.adopted else 'Not adopted'}: {self._reason()}.")
        if self.sources:
            sentences.append(f"Rule {cite(self.sources)[0].lower()}{cite(self.sources)[1:]}")
        if self.horizon is not None:
            sentences.append(horizon_note(self.horizon))
        return " ".join(sentences)

    def _reason(self) -> str:
        rule = self.rule
        present = f"{self.present} of {len(self.counted)} present"
        blockers = ", ".join(self.blocked_by)
        if isinstance(rule, Consensus):
            if self.blocked_by:
                return f"{blockers} objected"
            if self.adopted:
                return f"no entitled party objected ({present})"
            return f"no objection, but the quorum of {rule.quorum} was not met ({present})"
        if isinstance(rule, Unanimity):
            if self.adopted:
                return f"every entitled party supported ({present})"
            return f"not every entitled party supported; not supporting: {blockers}"
        supports, base = _majority_counts(rule, self.counted)
        share = "more than" if rule.strict else "at least"
        return f"{supports} of {base} {_BASES[rule.of]} supported; {share} {rule.threshold} needed"


def _majority_counts(rule: Majority, counted: Mapping[str, Position]) -> tuple[int, int]:
    supports = sum(1 for p in counted.values() if p is Position.SUPPORT)
    objections = sum(1 for p in counted.values() if p is Position.OBJECT)
    abstentions = sum(1 for p in counted.values() if p is Position.ABSTAIN)
    base = {
        "voting": supports + objections,
        "present": supports + objections + abstentions,
        "entitled": len(counted),
    }[rule.of]
    return supports, base


def _position(party: str, value: object) -> Position:
    if isinstance(value, Position):
        return value
    if isinstance(value, str):
        try:
            return Position(value.strip().casefold())
        except ValueError:
            pass
    raise InvalidPositionError(party, value)


def _judge(rule: Rule, counted: Mapping[str, Position]) -> tuple[bool, tuple[str, ...]]:
    if isinstance(rule, Consensus):
        objectors = tuple(i for i, p in counted.items() if p is Position.OBJECT)
        present = sum(1 for p in counted.values() if p is not Position.ABSENT)
        quorate = rule.quorum is None or present >= rule.quorum
        return (not objectors and quorate), objectors
    if isinstance(rule, Unanimity):
        others = tuple(i for i, p in counted.items() if p is not Position.SUPPORT)
        return not others, others
    supports, base = _majority_counts(rule, counted)
    if base == 0:
        return False, ()
    share = Fraction(supports, base)
    return (share > rule.threshold if rule.strict else share >= rule.threshold), ()


def decide(
    rule: Rule,
    positions: Mapping[str, Position | str],
    *,
    entitled: Collection[str],
    recorded: Collection[str] = (),
) -> Outcome:
    """Apply a rule to the positions parties took.

    Args:
        rule: The decision rule.
        positions: Each party's position (a :class:`Position` or its value such as
            ``"support"``), by id; ids are kept as given.
        entitled: Ids of the parties whose positions count; one missing from ``positions``
            counts as absent.
        recorded: Ids of further parties (observers) whose positions are recorded but never
            count.

    Returns:
        The outcome, with the counted and the ignored positions.

    Raises:
        UnknownStateError: A position was given for an id that is neither entitled nor
            recorded.
        InvalidPositionError: A position is not one of :class:`Position`.
        PolicyError: No party is entitled, or an id is both entitled and recorded.
    """
    voters = set(entitled)
    observers = set(recorded)
    if not voters:
        raise PolicyError(_DECIDE, "no party is entitled to take a position")
    both = sorted(voters & observers)
    if both:
        raise PolicyError(_DECIDE, f"both entitled and recorded: {', '.join(both)}")
    known = sorted(voters | observers)
    counted = dict.fromkeys(voters, Position.ABSENT)
    ignored: dict[str, Position] = {}
    for party, value in positions.items():
        if party in voters:
            counted[party] = _position(party, value)
        elif party in observers:
            ignored[party] = _position(party, value)
        else:
            raise UnknownStateError(party, _suggest(party, known))
    adopted, blocked_by = _judge(rule, _readonly(counted))
    return Outcome(
        rule=rule, adopted=adopted, blocked_by=blocked_by, counted=counted, ignored=ignored
    )


def _suggest(query: object, known: list[str]) -> list[str]:
    if not isinstance(query, str):
        return []
    same = [i for i in known if i.casefold() == query.casefold()]
    import difflib  # noqa: PLC0415 - only for suggestions (start-up time)

    return same or difflib.get_close_matches(query, known, n=3)


def rule_for(stated: DecisionRule | str) -> Rule:
    """The rule an organ's profile states ("consensus", "unanimity") as a rule object.

    Raises:
        PolicyError: The organ takes no decisions (``"none"``) or the rule is unknown.

    >>> rule_for("consensus").describe()
    'consensus: adopted unless an entitled party objects'
    """
    try:
        wanted = DecisionRule(stated)
    except ValueError:
        choices = ", ".join(r.value for r in DecisionRule)
        raise PolicyError("decision rule", f"unknown rule {stated!r} (one of {choices})") from None
    if wanted is DecisionRule.CONSENSUS:
        return Consensus()
    if wanted is DecisionRule.UNANIMITY:
        return Unanimity()
    raise PolicyError("decision rule", "the organ takes no decisions")
