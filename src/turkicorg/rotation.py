"""A general rotation engine: who holds the next turn, and why.

A rotation passes a post (a chairmanship, a presidency, a venue) around a pool of parties.
Two rules are provided: :class:`AlphabeticalRotation` walks the pool in English alphabetical
order of names, :class:`FixedSequenceRotation` walks an explicit cycle of ids. Departures
from the rule are recorded as data (:class:`Override`). Every answer is a :class:`Turn` that
can explain itself.

>>> from turkicorg.parties import State
>>> from turkicorg.rotation import AlphabeticalRotation, NameOrder
>>> pool = [
...     State(id="UZ", short_name="Uzbekistan", official_name="Republic of Uzbekistan"),
...     State(id="TR", short_name="Türkiye", official_name="Republic of Türkiye"),
...     State(id="KG", short_name="Kyrgyzstan", official_name="Kyrgyz Republic"),
... ]
>>> rotation = AlphabeticalRotation(order=NameOrder.OFFICIAL)
>>> turn = rotation.next_after("UZ", pool)
>>> turn.holder.id, turn.order
('KG', ('KG', 'TR', 'UZ'))
>>> print(turn.explain())
Order: official names in English alphabetical order (accents folded): Kyrgyz Republic,
Republic of Türkiye, Republic of Uzbekistan. Previous holder: Republic of Uzbekistan.
Next after Republic of Uzbekistan in that order: Kyrgyz Republic.
>>> [t.holder.id for t in rotation.sequence("UZ", pool, 4)]
['KG', 'TR', 'UZ', 'KG']
"""

from __future__ import annotations

import abc
import bisect
import datetime as dt
import enum
from collections.abc import Callable, Iterable
from typing import Final, TypeAlias

import attrs

from turkicorg.dates import PartialDate
from turkicorg.errors import PolicyError, UnknownStateError
from turkicorg.parties import State
from turkicorg.text import english_key

__all__ = [
    "AlphabeticalRotation",
    "FixedSequenceRotation",
    "KeyFunction",
    "NameOrder",
    "Override",
    "Rotation",
    "Turn",
    "collate",
]

DateLike: TypeAlias = PartialDate | dt.date | str
KeyFunction: TypeAlias = Callable[[State], str]
"""A function giving the name a party is sorted by."""

_ALPHABETICAL: Final = "alphabetical rotation"
_FIXED: Final = "fixed-sequence rotation"
_NOT_IN_POOL: Final = "not in the pool"
_WAIVED: Final = "waived its turn"


class NameOrder(enum.StrEnum):
    """Which names an alphabetical order sorts by."""

    SHORT = "short"
    """Short names (``State.short_name``, or the short name in use on ``on=``)."""
    OFFICIAL = "official"
    """Official names (``State.official_name``, or the official name in use on ``on=``)."""

    def name_of(self, party: State, *, on: DateLike | None = None) -> str:
        """Return the name of ``party`` this order sorts by (current names when ``on`` is None)."""
        if self is NameOrder.SHORT:
            return party.short_name if on is None else party.name(on=on)
        return party.official_name if on is None else party.official_name_on(on=on)


def _key_function(order: NameOrder | KeyFunction, on: DateLike | None) -> KeyFunction:
    if isinstance(order, NameOrder):
        return lambda party: order.name_of(party, on=on)
    if on is not None:
        raise PolicyError(
            _ALPHABETICAL, "on= applies to NameOrder names; a key function picks its own names"
        )
    return order


def _describe_order(order: NameOrder | KeyFunction, on: DateLike | None) -> str:
    if isinstance(order, NameOrder):
        names = f"{order.value} names" + ("" if on is None else f" in use on {on}")
    else:
        names = f"names given by {getattr(order, '__qualname__', repr(order))}"
    return f"{names} in English alphabetical order (accents folded)"


def collate(
    parties: Iterable[State],
    *,
    order: NameOrder | KeyFunction = NameOrder.SHORT,
    on: DateLike | None = None,
) -> tuple[State, ...]:
    """Sort parties in English alphabetical order of their names.

    Names are compared case- and accent-insensitively with a leading "the" ignored
    (:func:`~turkicorg.text.english_key`: "Türkiye" sorts as "Turkiye"); equal names are
    ordered by id, so the order is total and deterministic.

    Args:
        parties: The parties, in any order.
        order: Which names to sort by, or a function giving each party's name.
        on: The day whose names are used (with a :class:`NameOrder`); default current names.

    Raises:
        PolicyError: ``on`` was given with a key function.
    """
    key = _key_function(order, on)
    return tuple(sorted(parties, key=lambda party: (english_key(key(party)), party.id)))


def _ids(value: Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str):
        raise PolicyError("override", f"waived_by takes a collection of ids, not {value!r}")
    return tuple(value)


@attrs.frozen(kw_only=True)
class Override:
    """A recorded departure from a rotation rule for one turn.

    An override applies once, to the first turn that follows ``turn_after``.

    Attributes:
        turn_after: Id of the holder whose turn this one follows; None for a first turn.
        holder: Id of the party the turn was given to otherwise, or None to let the rule
            choose among the parties that did not waive.
        waived_by: Ids of the parties that waived this turn; the rule passes over them.
        reason: Why, in words.
        source: Where the departure is documented.
    """

    turn_after: str | None
    holder: str | None = None
    waived_by: tuple[str, ...] = attrs.field(default=(), converter=_ids)
    reason: str
    source: str | None = None

    def __attrs_post_init__(self) -> None:
        if self.holder is None and not self.waived_by:
            raise PolicyError("override", "name a holder or the parties that waived the turn")
        if self.holder is not None and self.holder in self.waived_by:
            raise PolicyError("override", f"{self.holder!r} cannot both hold and waive the turn")


@attrs.frozen(kw_only=True)
class Turn:
    """One turn of a rotation and why it fell where it did.

    Attributes:
        holder: The party that holds the turn.
        previous: Id of the previous holder, or None for a first turn.
        previous_name: The previous holder's name as the rule used it, or None.
        policy: The rule, in words.
        order: Ids in the order the rule walks (the sorted pool, or the fixed cycle).
        names: The name of each party in :attr:`order` (its id where it is not in the pool).
        skipped: ``(id, reason)`` for each party passed over before the holder.
        rule_holder: Id of the party the rule chose; it differs from the holder when the
            turn was decided otherwise.
        override: The recorded override applied to this turn, if any.
    """

    holder: State
    previous: str | None
    previous_name: str | None
    policy: str
    order: tuple[str, ...]
    names: tuple[str, ...]
    skipped: tuple[tuple[str, str], ...] = ()
    rule_holder: str
    override: Override | None = None

    def explain(self) -> str:
        """Say, in sentences, which order was used and how the holder was reached."""
        label = dict(zip(self.order, self.names, strict=True))
        holder = label.get(self.holder.id, self.holder.short_name)
        sentences = [f"Order: {self.policy}: {', '.join(self.names)}."]
        if self.previous is None:
            sentences.append("No previous holder.")
        elif self.previous in label:
            sentences.append(f"Previous holder: {self.previous_name}.")
        else:
            sentences.append(
                f"Previous holder: {self.previous_name} (not in the pool; the order continues "
                "from its place)."
            )
        if self.skipped:
            passed = "; ".join(f"{label[i]} ({why})" for i, why in self.skipped)
            sentences.append(f"Passed over: {passed}.")
        start = (
            "First in that order"
            if self.previous is None
            else f"Next after {self.previous_name} in that order"
        )
        also = ", passing over those" if self.skipped else ""
        sentences.append(f"{start}{also}: {label[self.rule_holder]}.")
        if self.override is not None:
            source = f" (source: {self.override.source})" if self.override.source else ""
            sentences.append(f"Recorded override: {self.override.reason}{source}.")
            if self.override.holder is not None:
                instead = (
                    ""
                    if self.rule_holder == self.holder.id
                    else f" instead of {label[self.rule_holder]}"
                )
                sentences.append(f"Decided otherwise: {holder} holds the turn{instead}.")
        return " ".join(sentences)


def _pool_by_id(policy: str, pool: Iterable[State]) -> dict[str, State]:
    by_id: dict[str, State] = {}
    for party in pool:
        if not isinstance(party, State):
            raise PolicyError(policy, f"the pool holds parties (State), not {party!r}")
        known = by_id.setdefault(party.id, party)
        if known != party:
            raise PolicyError(policy, f"two different parties share the id {party.id!r}")
    if not by_id:
        raise PolicyError(policy, "the pool is empty")
    return by_id


def _previous_id(previous: State | str | None) -> str | None:
    return previous.id if isinstance(previous, State) else previous


@attrs.frozen
class _Walk:
    """How a rule walks from the previous holder: the order and the candidates in turn."""

    order: tuple[str, ...]
    names: tuple[str, ...]
    previous_name: str | None
    candidates: tuple[str, ...]


class _Rotation(abc.ABC):
    """What every rotation rule shares: overrides, projections and explanations."""

    __slots__ = ()

    @abc.abstractmethod
    def describe(self, *, on: DateLike | None = None) -> str:
        """The rule, in words."""

    @abc.abstractmethod
    def _policy(self) -> str: ...

    @abc.abstractmethod
    def _walk(
        self, previous: State | str | None, pool: dict[str, State], on: DateLike | None
    ) -> _Walk: ...

    def next_after(
        self,
        previous: State | str | None,
        pool: Iterable[State],
        *,
        overrides: Iterable[Override] = (),
        on: DateLike | None = None,
    ) -> Turn:
        """Return the turn after ``previous``, and why.

        Args:
            previous: The last holder (a party, or its id), or None for a first turn.
            pool: The parties eligible for the turn, in any order.
            overrides: Recorded departures from the rule; the first one whose
                ``turn_after`` is the previous holder applies.
            on: The day whose names are used; default current names.

        Raises:
            PolicyError: The pool is empty, every party waived, an override names a holder
                outside the pool, or the rule cannot place the previous holder.
            UnknownStateError: An alphabetical rotation was given the id of a previous holder
                that is not in the pool (give the party itself so its place is known).
        """
        by_id = _pool_by_id(self._policy(), pool)
        return self._turn(previous, by_id, tuple(overrides), on)[0]

    def sequence(
        self,
        previous: State | str | None,
        pool: Iterable[State],
        count: int,
        *,
        overrides: Iterable[Override] = (),
        on: DateLike | None = None,
    ) -> tuple[Turn, ...]:
        """Project ``count`` turns from the last known actual holder.

        Each turn starts from the holder of the turn before it; each override applies once,
        to the first turn that follows its ``turn_after`` holder.

        Args:
            previous: The last known actual holder (a party, or its id), or None.
            pool: The parties eligible for every projected turn, in any order.
            count: How many turns to project (0 or more).
            overrides: Recorded departures from the rule.
            on: The day whose names are used; default current names.

        Raises:
            PolicyError: ``count`` is negative, or a turn cannot be decided (see
                :meth:`next_after`).
        """
        if isinstance(count, bool) or not isinstance(count, int) or count < 0:
            raise PolicyError(self._policy(), f"count must be an int >= 0 (got {count!r})")
        by_id = _pool_by_id(self._policy(), pool)
        remaining = tuple(overrides)
        turns: list[Turn] = []
        for _ in range(count):
            turn, remaining = self._turn(previous, by_id, remaining, on)
            turns.append(turn)
            previous = turn.holder
        return tuple(turns)

    def _turn(
        self,
        previous: State | str | None,
        pool: dict[str, State],
        overrides: tuple[Override, ...],
        on: DateLike | None,
    ) -> tuple[Turn, tuple[Override, ...]]:
        previous_id = _previous_id(previous)
        index = next((i for i, o in enumerate(overrides) if o.turn_after == previous_id), None)
        override = None if index is None else overrides[index]
        remaining = overrides if index is None else overrides[:index] + overrides[index + 1 :]
        waived = () if override is None else override.waived_by
        named = None if override is None else override.holder
        if named is not None and named not in pool:
            raise PolicyError(
                self._policy(), f"the override names {named!r}, which is not in the pool"
            )
        walk = self._walk(previous, pool, on)
        skipped: list[tuple[str, str]] = []
        for candidate in walk.candidates:
            if candidate not in pool:
                skipped.append((candidate, _NOT_IN_POOL))
            elif candidate in waived:
                skipped.append((candidate, _WAIVED))
            else:
                rule_holder = candidate
                break
        else:
            raise PolicyError(self._policy(), "every party in the pool waived the turn")
        holder = rule_holder if named is None else named
        turn = Turn(
            holder=pool[holder],
            previous=previous_id,
            previous_name=walk.previous_name,
            policy=self.describe(on=on),
            order=walk.order,
            names=walk.names,
            skipped=tuple(skipped),
            rule_holder=rule_holder,
            override=override,
        )
        return turn, remaining


@attrs.frozen(kw_only=True)
class AlphabeticalRotation(_Rotation):
    """Turns pass in English alphabetical order of names, wrapping around.

    The next holder is the first party of the pool whose name sorts after the previous
    holder's (see :func:`collate`). The previous holder need not be in the pool any more: the
    order continues from its place (a previous holder still in the pool is placed by the
    pool's record of it). Newcomers take their alphabetical place. A pool holding
    only the previous holder gives it the turn again; with no previous holder the first party
    in the order takes the turn.

    Attributes:
        order: Which names to sort by, or a function giving each party's name.
    """

    order: NameOrder | KeyFunction = NameOrder.SHORT

    def describe(self, *, on: DateLike | None = None) -> str:
        """The rule, in words, such as "short names in English alphabetical order (...)"."""
        return _describe_order(self.order, on)

    def _policy(self) -> str:
        return _ALPHABETICAL

    def _walk(
        self, previous: State | str | None, pool: dict[str, State], on: DateLike | None
    ) -> _Walk:
        key = _key_function(self.order, on)
        ordered = collate(pool.values(), order=key)
        order = tuple(p.id for p in ordered)
        names = tuple(key(p) for p in ordered)
        if previous is None:
            return _Walk(order, names, None, order)
        if isinstance(previous, str):
            if previous not in pool:
                raise UnknownStateError(previous)
            previous = pool[previous]
        party = pool.get(previous.id, previous)
        keys = [(english_key(key(p)), p.id) for p in ordered]
        start = bisect.bisect_right(keys, (english_key(key(party)), party.id))
        return _Walk(order, names, key(party), order[start:] + order[:start])


def _as_cycle(ids: Iterable[str]) -> tuple[str, ...]:
    # A function, not ``tuple`` itself: attrs reads a converter's signature, and a builtin's
    # comes from parsing its text signature (1.3 ms at import).
    return tuple(ids)


def _check_cycle(_instance: object, _attribute: object, value: tuple[str, ...]) -> None:
    if not value:
        raise PolicyError(_FIXED, "the cycle is empty")
    repeated = sorted({i for i in value if value.count(i) > 1})
    if repeated:
        raise PolicyError(_FIXED, f"the cycle repeats {', '.join(repeated)}")


@attrs.frozen
class FixedSequenceRotation(_Rotation):
    """Turns pass along an explicit cycle of ids, wrapping around.

    The next holder is the next id in the cycle that is in the pool; ids not in the pool
    are passed over. Every party of the pool must be in the cycle, and so must the previous
    holder; with no previous holder the cycle starts from its first id.

    Attributes:
        cycle: The ids in the order they take turns.
    """

    cycle: tuple[str, ...] = attrs.field(converter=_as_cycle, validator=_check_cycle)

    def describe(self, *, on: DateLike | None = None) -> str:  # noqa: ARG002 - shared signature
        """The rule, in words."""
        return "a fixed cycle in the order given"

    def _policy(self) -> str:
        return _FIXED

    def _walk(
        self, previous: State | str | None, pool: dict[str, State], on: DateLike | None
    ) -> _Walk:
        outside = sorted(set(pool) - set(self.cycle))
        if outside:
            raise PolicyError(_FIXED, f"not in the cycle: {', '.join(outside)}")
        names = tuple(_short_name(pool.get(i), i, on) for i in self.cycle)
        previous_id = _previous_id(previous)
        if previous_id is None:
            return _Walk(self.cycle, names, None, self.cycle)
        if previous_id not in self.cycle:
            raise PolicyError(_FIXED, f"the previous holder {previous_id!r} is not in the cycle")
        start = self.cycle.index(previous_id) + 1
        candidates = self.cycle[start:] + self.cycle[:start]
        known = pool.get(previous_id, previous if isinstance(previous, State) else None)
        return _Walk(self.cycle, names, _short_name(known, previous_id, on), candidates)


def _short_name(party: State | None, party_id: str, on: DateLike | None) -> str:
    if party is None:
        return party_id
    return NameOrder.SHORT.name_of(party, on=on)


Rotation: TypeAlias = AlphabeticalRotation | FixedSequenceRotation
"""Any rotation rule."""
