"""Parties: states, entities and international organizations, with names over time.

Every party has the same shape, :class:`State`, whatever its :class:`PartyKind`, so users
can build parties that are not in the dataset:

>>> from turkicorg import State
>>> oz = State(id="XO", short_name="Oz", official_name="Kingdom of Oz")
>>> oz.kind
<PartyKind.STATE: 'state'>
"""

from __future__ import annotations

import enum
import re
from typing import TYPE_CHECKING, Final, TypeAlias

import attrs

from turkicorg.dates import PartialDate, as_date
from turkicorg.errors import UnknownStateError
from turkicorg.localnames import LocalName, NameForm, check_local_names, name_in, sorted_local_names
from turkicorg.text import fold

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable, Iterable, Iterator

__all__ = ["FormerName", "Party", "PartyIndex", "PartyKind", "State"]

_ID: Final = re.compile(r"[A-Z][A-Z0-9_]{1,31}")


class PartyKind(enum.StrEnum):
    """What kind of party a :class:`State` is."""

    STATE = "state"
    ENTITY = "entity"
    ORGANIZATION = "organization"


def _check_id(_instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str) or not _ID.fullmatch(value):
        raise ValueError(
            f"{attribute.name} must be 2-32 upper-case letters, digits or '_' (got {value!r})"
        )


def _check_code(length: int) -> Callable[[object, attrs.Attribute[str | None], str | None], None]:
    def check(_instance: object, attribute: attrs.Attribute[str | None], value: str | None) -> None:
        if value is not None and not re.fullmatch(rf"[A-Z]{{{length}}}", value):
            raise ValueError(
                f"{attribute.name} must be {length} upper-case letters (got {value!r})"
            )

    return check


def _nonempty(_instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{attribute.name} must be a non-empty string (got {value!r})")


def _check_cow_code(
    _instance: object, attribute: attrs.Attribute[int | None], value: int | None
) -> None:
    if value is not None and (type(value) is not int or not 1 <= value <= 999):
        raise ValueError(f"{attribute.name} must be a whole number from 1 to 999 (got {value!r})")


@attrs.frozen
class FormerName:
    """A name a party used until a date.

    Attributes:
        short_name: The short name used before ``until``.
        official_name: The official name used before ``until``.
        until: The first day of the next name (so the name covers every day before it).
        sources: Where the change is documented.
    """

    short_name: str = attrs.field(validator=_nonempty)
    official_name: str = attrs.field(validator=_nonempty)
    until: PartialDate
    sources: tuple[str, ...] = ()


def _sorted_names(names: Iterable[FormerName]) -> tuple[FormerName, ...]:
    return tuple(sorted(names, key=lambda n: n.until))


@attrs.frozen(kw_only=True)
class State:
    """A state, an entity (such as Northern Cyprus) or an international organization.

    Attributes:
        id: Stable identifier: the ISO 3166-1 alpha-2 code where one exists ("TR"), otherwise
            a short upper-case code ("TRNC", "ECO").
        short_name: The current short English name ("Türkiye").
        official_name: The current official English name ("Republic of Türkiye").
        kind: State, entity or organization.
        iso2: ISO 3166-1 alpha-2 code, if the party has one.
        iso3: ISO 3166-1 alpha-3 code, if the party has one.
        cow_code: The Correlates of War (COW) state number ("ccode": Türkiye 640), if the
            party is a state of the COW State System Membership List; None for entities and
            organizations (Northern Cyprus, ECO have none). The source of the number is in
            :attr:`sources` (the COW IGO codebook v3, Appendix B, and the COW state list).
            Note that COW's letter codes (KZK, KYR) differ from ISO's (KAZ, KGZ).
        other_names: Further names and abbreviations that find the party ("TRNC").
        former_names: Earlier names, oldest first, each with the day it stopped being used.
        local_names: The current names in other languages, each with its sources
            (:class:`~turkicorg.localnames.LocalName`; see :meth:`name_in`).
        sources: Where the names and codes are documented.
    """

    id: str = attrs.field(validator=_check_id)
    short_name: str = attrs.field(validator=_nonempty)
    official_name: str = attrs.field(validator=_nonempty)
    kind: PartyKind = PartyKind.STATE
    iso2: str | None = attrs.field(default=None, validator=_check_code(2))
    iso3: str | None = attrs.field(default=None, validator=_check_code(3))
    cow_code: int | None = attrs.field(default=None, validator=_check_cow_code)
    other_names: tuple[str, ...] = ()
    former_names: tuple[FormerName, ...] = attrs.field(default=(), converter=_sorted_names)
    local_names: tuple[LocalName, ...] = attrs.field(
        default=(), converter=sorted_local_names, validator=check_local_names
    )
    sources: tuple[str, ...] = ()

    def _name_record(self, on: dt.date) -> FormerName | None:
        for former in self.former_names:
            if on < former.until.earliest:
                return former
        return None

    def name(self, *, on: PartialDate | dt.date | str | None = None) -> str:
        """The short name in use on a day (default today).

        >>> from turkicorg import load_default
        >>> tr = load_default().state("TR")
        >>> tr.name(on="2022-05-31"), tr.name(on="2022-06-01")
        ('Turkey', 'Türkiye')
        """
        record = self._name_record(as_date(on))
        return record.short_name if record else self.short_name

    def official_name_on(self, *, on: PartialDate | dt.date | str | None = None) -> str:
        """The official name in use on a day (default today)."""
        record = self._name_record(as_date(on))
        return record.official_name if record else self.official_name

    def name_in(self, lang: str, *, official: bool = False, fallback: str | None = None) -> str:
        """The current short (or official) name in a language, as its sources write it.

        ``"en"`` gives :attr:`short_name` (or :attr:`official_name`); any other language
        answers only from :attr:`local_names`.

        >>> from turkicorg import load_default
        >>> kz = load_default().state("KZ")
        >>> kz.name_in("kk"), kz.name_in("uz-Cyrl", official=True)
        ('Қазақстан', 'Қозоғистон Республикаси')

        Args:
            lang: A language tag (:data:`turkicorg.languages.TAGS`; any case, ``_`` or ``-``).
            official: The official name instead of the short one.
            fallback: A tag to answer in when ``lang`` has no sourced name (``"en"``: the
                English name). Without it a missing name is an error, never a silent answer.

        Raises:
            UnknownLanguageError: The tag is not known (the error lists the known tags).
            MissingNameError: No sourced name in ``lang`` (nor in ``fallback``).
        """
        form = NameForm.OFFICIAL if official else NameForm.SHORT
        return name_in(
            self.local_names,
            lang,
            english=self.official_name if official else self.short_name,
            subject=f"{self.short_name} ({self.id})",
            forms=(form,),
            fallback=fallback,
        )

    def all_names(self) -> tuple[str, ...]:
        """Every name and code that identifies this party."""
        names = [self.id, self.short_name, self.official_name, *self.other_names]
        names += [n for f in self.former_names for n in (f.short_name, f.official_name)]
        names += [c for c in (self.iso2, self.iso3) if c]
        return tuple(dict.fromkeys(names))

    def __str__(self) -> str:
        return self.short_name


Party: TypeAlias = State
"""Any party: a state, an entity or an organization (they share the :class:`State` shape)."""


@attrs.frozen
class _Key:
    party: State
    weight: int


class PartyIndex:
    """Case- and accent-insensitive lookup of parties by id, ISO code or name.

    Lookup follows pycountry: :meth:`get` returns None, :meth:`lookup` raises
    :class:`~turkicorg.UnknownStateError`, :meth:`search` returns a ranked list.
    """

    __slots__ = ("_by_id", "_exact", "_parties")

    def __init__(self, parties: Iterable[State]) -> None:
        self._parties = tuple(parties)
        self._by_id = {p.id: p for p in self._parties}
        exact: dict[str, State] = {}
        for party in self._parties:
            for name in party.all_names():
                exact.setdefault(fold(name), party)
        self._exact = exact

    def __iter__(self) -> Iterator[State]:
        return iter(self._parties)

    def __len__(self) -> int:
        return len(self._parties)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, (str, State)) and self.get(key) is not None

    def get(self, key: str | State, default: State | None = None) -> State | None:
        """Return the party with this id, ISO code or name, or ``default``."""
        if isinstance(key, State):
            return self._by_id.get(key.id, default)
        if not isinstance(key, str):
            return default  # type: ignore[unreachable]  # callers without type checking
        found = self._by_id.get(key)
        if found is not None:
            return found
        return self._exact.get(fold(key), default)

    def lookup(self, key: str | State) -> State:
        """Return the party with this id, ISO code or name.

        Raises:
            UnknownStateError: Nothing matches; close matches are suggested.
        """
        found = self.get(key)
        if found is None:
            suggestions = [p.id for p in self.search(key, limit=3)] if isinstance(key, str) else []
            raise UnknownStateError(key, suggestions)
        return found

    def search(self, query: str, *, limit: int | None = None) -> list[State]:
        """Return the parties that match ``query``, best match first.

        Exact names and codes come first, then names that start with the query, then names
        that contain it, then close spellings.
        """
        import difflib  # noqa: PLC0415 - only when searching (start-up time)

        needle = fold(query) if isinstance(query, str) else ""
        if not needle:
            return []
        scores: dict[str, tuple[float, State]] = {}
        for party in self._parties:
            best = 0.0
            for name in party.all_names():
                candidate = fold(name)
                if candidate == needle:
                    score = 4.0
                elif candidate.startswith(needle):
                    score = 3.0 + len(needle) / len(candidate)
                elif any(word.startswith(needle) for word in candidate.split()):
                    score = 2.5
                elif needle in candidate:
                    score = 2.0
                else:
                    ratio = difflib.SequenceMatcher(None, needle, candidate).ratio()
                    score = ratio if ratio >= 0.75 else 0.0
                best = max(best, score)
            if best:
                scores[party.id] = (best, party)
        ranked = sorted(scores.values(), key=lambda item: (-item[0], item[1].id))
        result = [party for _, party in ranked]
        return result if limit is None else result[:limit]
