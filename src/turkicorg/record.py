"""The organization's record: names over time, treaties, parties, memberships and posts.

This is the model floor: pure data and its invariants, no rule and no meeting registry. The
organization users work with, :class:`turkicorg.Organization`, adds its meetings and the rules
on top of this record.

All questions that depend on time take ``on=`` (a ``datetime.date``, a
:class:`~turkicorg.PartialDate` or text such as ``"2022-11-15"``; default today):

>>> from turkicorg import load_default
>>> record = load_default()
>>> isinstance(record, OrganizationRecord), record.status_of("Hungary", on="2018-09-03").value
(True, 'observer')
"""

from __future__ import annotations

import datetime as dt
import enum
import warnings

import attrs

from turkicorg.dates import PartialDate, as_date
from turkicorg.errors import ErrorDetail, InvalidDataError
from turkicorg.invariants import organization_problems
from turkicorg.localnames import LocalName, NameForm, check_local_names, name_in, sorted_local_names
from turkicorg.organs import Organ, OrganProfile, resolve_organ
from turkicorg.parties import PartyIndex, State
from turkicorg.sourcing import Alternative, Confidence, cite
from turkicorg.text import english_key

__all__ = [
    "Appointment",
    "Article",
    "DateLike",
    "Membership",
    "OrganizationName",
    "OrganizationRecord",
    "Person",
    "Role",
    "Status",
    "Treaty",
    "by_short_name",
    "covers",
    "organization_problems",
]

DateLike = PartialDate | dt.date | str | None
"""What ``on=`` accepts: a day, a partial date, ISO text, or None for today."""


class Status(enum.StrEnum):
    """A party's standing in the organization."""

    MEMBER = "member"
    OBSERVER = "observer"


class Role(enum.StrEnum):
    """Posts people hold in the organization."""

    SECRETARY_GENERAL = "secretary_general"
    DEPUTY_SECRETARY_GENERAL = "deputy_secretary_general"
    ELDER = "elder"
    """A member of the Council of Elders, appointed by a member or observer state."""
    ELDERS_CHAIR = "elders_chair"
    """The Chairman of the Council of Elders."""
    HONORARY_CHAIR = "honorary_chair"


def covers(start: PartialDate | None, end: PartialDate | None, day: dt.date) -> bool:
    """Half-open cover ``start <= day < end``, a partial bound counting from its first day."""
    if start is not None and day < start.earliest:
        return False
    return end is None or day < end.earliest


@attrs.frozen(kw_only=True)
class Membership:
    """A party's status over a period: ``start`` included, ``end`` excluded.

    Attributes:
        party: The party id.
        status: Member or observer.
        start: The first day of the status.
        end: The first day without it (None while it lasts).
        founding: True for the signatories of the founding treaty.
        basis: The legal basis, in words ("2022 Protocol, Art. 10: entities").
        confidence: How well the dates are established.
        sources: Where the status is documented.
        alternatives: Dates other sources give and the library does not use.
        note: Anything a reader should know.
    """

    party: str
    status: Status
    start: PartialDate
    end: PartialDate | None = None
    founding: bool = False
    basis: str | None = None
    confidence: Confidence = Confidence.HIGH
    sources: tuple[str, ...] = ()
    alternatives: tuple[Alternative, ...] = ()
    note: str | None = None

    def active(self, on: dt.date) -> bool:
        """True when the status holds on ``on``."""
        return covers(self.start, self.end, on)

    def explain(self) -> str:
        """Say the status, its period, its basis and the sources, with any alternative.

        >>> from turkicorg import load_default
        >>> print(load_default().membership_of("HU", on="2024-01-01").explain())
        HU: observer from 2018-09-03. Basis: ... Other sources give start 2019-09-03 ...
        """
        until = f" until {self.end}" if self.end else ""
        founding = " (founding member)" if self.founding else ""
        sentences = [f"{self.party}: {self.status.value} from {self.start}{until}{founding}."]
        if self.basis:
            sentences.append(f"Basis: {self.basis}.")
        sentences.append(cite(self.sources))
        sentences.extend(
            f"Other sources give {alt.field} {alt.value} ({'; '.join(alt.sources)})"
            + (f": {alt.note}" if alt.note else ".")
            for alt in self.alternatives
        )
        return " ".join(sentences)


@attrs.frozen(kw_only=True)
class Person:
    """A person named in the data.

    Attributes:
        id: Stable identifier ("binali-yildirim").
        name: The name as the sources spell it in English.
        other_names: Other spellings found in sources.
        sources: Where the person is documented.
    """

    id: str
    name: str
    other_names: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()

    def __str__(self) -> str:
        return self.name


@attrs.frozen(kw_only=True)
class Appointment:
    """A person holding a post over a period: ``start`` included, ``end`` excluded.

    Attributes:
        role: The post.
        person: The person id.
        state: The party id that appointed the person or whose national they are.
        start: The first day in office (None when not known).
        end: The first day out of office (None while in office or when not known).
        appointed: The day of the appointing decision, when it differs from ``start``.
        confidence: How well the dates are established.
        sources: Where it is documented.
        alternatives: Values other sources give.
        note: Anything a reader should know.
    """

    role: Role
    person: str
    state: str | None = None
    start: PartialDate | None = None
    end: PartialDate | None = None
    appointed: PartialDate | None = None
    confidence: Confidence = Confidence.HIGH
    sources: tuple[str, ...] = ()
    alternatives: tuple[Alternative, ...] = ()
    note: str | None = None

    def active(self, on: dt.date) -> bool:
        """True when the person holds the post on ``on`` (unknown starts never count)."""
        return self.start is not None and covers(self.start, self.end, on)


@attrs.frozen(kw_only=True)
class OrganizationName:
    """A name of the organization over a period: ``start`` included, ``end`` excluded.

    Attributes:
        name: The full English name.
        abbreviation: The usual abbreviation ("OTS", "CCTS").
        short_name: An informal short name ("Turkic Council"), where one was used.
        start: The first day of the name (None: from the founding).
        end: The first day of the next name (None: current).
        local_names: The name in other languages, each with its sources: the full name is
            the ``official`` form, the informal short name ("Türk Konseyi") the ``short`` one.
        sources: Where it is documented.
    """

    name: str
    abbreviation: str
    short_name: str | None = None
    start: PartialDate | None = None
    end: PartialDate | None = None
    local_names: tuple[LocalName, ...] = attrs.field(
        default=(), converter=sorted_local_names, validator=check_local_names
    )
    sources: tuple[str, ...] = ()

    def name_in(self, lang: str, *, short: bool = False, fallback: str | None = None) -> str:
        """The full name (or the informal short name) in a language, as its sources write it.

        ``"en"`` gives :attr:`name` (or :attr:`short_name`); any other language answers only
        from :attr:`local_names`.

        >>> from turkicorg import load_default
        >>> council = load_default().name_record(on="2015-01-01")
        >>> council.name_in("tr"), council.name_in("tr", short=True)
        ('Türk Dili Konuşan Ülkeler İşbirliği Konseyi', 'Türk Konseyi')

        Raises:
            UnknownLanguageError, MissingNameError: As :func:`turkicorg.localnames.name_in`.
        """
        return name_in(
            self.local_names,
            lang,
            english=self.short_name if short else self.name,
            subject=f"{self.name} ({self.abbreviation})",
            forms=(NameForm.SHORT if short else NameForm.OFFICIAL,),
            fallback=fallback,
        )


@attrs.frozen(kw_only=True)
class Article:
    """An article of a treaty whose number is confirmed by a source."""

    number: str
    subject: str


@attrs.frozen(kw_only=True)
class Treaty:
    """A founding treaty or an amending protocol.

    Attributes:
        id: Stable identifier ("nakhchivan-agreement").
        name: Its English name.
        signed: The day it was signed.
        place: Where it was signed.
        parties: The signatories' party ids.
        in_force: When it entered into force, None when not known.
        depositary: The depositary, in words.
        entry_into_force_rule: The rule, in words.
        articles: The articles whose numbers sources confirm.
        sources: Where it is documented.
        note: Anything a reader should know (open questions).
    """

    id: str
    name: str
    signed: PartialDate
    place: str | None = None
    parties: tuple[str, ...] = ()
    in_force: PartialDate | None = None
    depositary: str | None = None
    entry_into_force_rule: str | None = None
    articles: tuple[Article, ...] = ()
    sources: tuple[str, ...] = ()
    note: str | None = None


@attrs.frozen(kw_only=True)
class OrganizationRecord:
    """The organization's record: its parties over time, its organs and its posts.

    Users work with its subclass :class:`turkicorg.Organization`, which adds the meetings and
    the rules. Constructing a record checks every invariant (no overlapping memberships of one
    party, end after start, every reference resolves) and reports every violation at once as
    an :class:`~turkicorg.InvalidDataError`.

    Attributes:
        id: Stable identifier ("OTS").
        names: The names over time, oldest first.
        headquarters: The seat of the Secretariat.
        secretariat_since: When the Secretariat began work.
        working_languages: Language codes (ISO 639-1).
        treaties: The founding treaty and its protocols.
        parties: Every state, entity and organization the data refers to.
        memberships: Statuses over time.
        organs: A profile for each organ.
        people: Every person the appointments refer to.
        appointments: Posts over time.
        data_version: The version of the data.
        last_verified: The day the data was last checked against its sources (never after
            ``data_horizon``: a check cannot confirm more than the sources show).
        data_horizon: The last day through which the sources were searched (not the newest
            event). Answers about later days are flagged ``beyond_horizon``.
        sources: Sources about the organization as a whole.
    """

    id: str
    names: tuple[OrganizationName, ...]
    headquarters: str
    secretariat_since: PartialDate | None = None
    working_languages: tuple[str, ...] = ()
    treaties: tuple[Treaty, ...] = ()
    parties: tuple[State, ...] = ()
    memberships: tuple[Membership, ...] = ()
    organs: tuple[OrganProfile, ...] = ()
    people: tuple[Person, ...] = ()
    appointments: tuple[Appointment, ...] = ()
    data_version: str = "0"
    last_verified: dt.date | None = None
    data_horizon: dt.date | None = None
    sources: tuple[str, ...] = ()
    _index: PartyIndex = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        problems = self.problems()
        if problems:
            raise InvalidDataError(problems)
        object.__setattr__(self, "_index", PartyIndex(self.parties))

    def beyond_horizon(self, on: DateLike = None) -> bool:
        """True when a day (default today) lies after the data horizon.

        >>> from turkicorg import load_default
        >>> ots = load_default()
        >>> ots.beyond_horizon("2020-01-01"), ots.beyond_horizon("2099-01-01")
        (False, True)
        """
        return self.data_horizon is not None and as_date(on) > self.data_horizon

    def problems(self) -> list[ErrorDetail]:
        """Every invariant the record breaks, each with its JSON path (empty when valid)."""
        return organization_problems(self)

    # Parties -----------------------------------------------------------------------------

    def get(self, key: str | State, default: State | None = None) -> State | None:
        """Return the party with this id, ISO code or name (any case, any accents), or None.

        >>> from turkicorg import load_default
        >>> load_default().get("turkiye").id
        'TR'
        """
        return self._index.get(key, default)

    def state(self, key: str | State) -> State:
        """Return the party with this id, ISO code or name.

        Raises:
            UnknownStateError: Nothing matches (close matches are suggested).
        """
        return self._index.lookup(key)

    lookup = state

    def search(self, query: str, *, limit: int | None = None) -> list[State]:
        """Return the parties that match ``query``, best first."""
        return self._index.search(query, limit=limit)

    # Memberships -------------------------------------------------------------------------

    def status_of(self, party: str | State, *, on: DateLike = None) -> Status | None:
        """The party's status on a day (default today), None when it has none.

        Raises:
            UnknownStateError: The party is not known.
        """
        party_id = self.state(party).id
        day = as_date(on)
        for membership in self.memberships:
            if membership.party == party_id and membership.active(day):
                return membership.status
        return None

    def membership_of(self, party: str | State, *, on: DateLike = None) -> Membership | None:
        """The membership record in force for the party on a day, or None."""
        party_id = self.state(party).id
        day = as_date(on)
        return next(
            (m for m in self.memberships if m.party == party_id and m.active(day)),
            None,
        )

    def _with_status(self, status: Status, on: DateLike) -> tuple[State, ...]:
        day = as_date(on)
        ids = {m.party for m in self.memberships if m.status is status and m.active(day)}
        return tuple(sorted((self.state(i) for i in ids), key=by_short_name))

    def members(self, *, on: DateLike = None) -> tuple[State, ...]:
        """The member states on a day (default today), sorted by short name."""
        return self._with_status(Status.MEMBER, on)

    def observers(self, *, on: DateLike = None) -> tuple[State, ...]:
        """The observers (states, entities, organizations) on a day, sorted by short name."""
        return self._with_status(Status.OBSERVER, on)

    # Names and organs --------------------------------------------------------------------

    def name_record(self, *, on: DateLike = None) -> OrganizationName:
        """The name record in use on a day (before the founding: the first name)."""
        day = as_date(on)
        for record in self.names:
            if covers(record.start, record.end, day):
                return record
        return self.names[0]

    def name(
        self, *, on: DateLike = None, lang: str | None = None, fallback: str | None = None
    ) -> str:
        """The organization's full name on a day (default today), in English or in ``lang``.

        >>> from turkicorg import load_default
        >>> ots = load_default()
        >>> ots.name(on="2024-01-01", lang="tr"), ots.name(on="2015-01-01", lang="kk")
        ('Türk Devletleri Teşkilatı', 'Түркітілдес мемлекеттер ынтымақтастығы кеңесі')

        Args:
            on: The day.
            lang: A language tag (:data:`turkicorg.languages.TAGS`); None for English.
            fallback: A tag to answer in when ``lang`` has no sourced name (``"en"``: the
                English name), see :meth:`OrganizationName.name_in`.

        Raises:
            UnknownLanguageError: The tag is not known.
            MissingNameError: No sourced name in ``lang`` (nor in ``fallback``).
        """
        record = self.name_record(on=on)
        if lang is None:
            return record.name
        return record.name_in(lang, fallback=fallback)

    def profile(self, organ: Organ | str) -> OrganProfile:
        """The profile of an organ, named as :func:`~turkicorg.organs.resolve_organ` takes it.

        Raises:
            UnknownNameError: No organ has that name (a ``ValueError``, close names suggested).
            KeyError: The organization's data has no profile for that organ.

        >>> from turkicorg import load_default
        >>> load_default().profile("aksakals").name
        'Council of Elders'
        """
        wanted = resolve_organ(organ)
        for profile in self.organs:
            if profile.organ is wanted:
                return profile
        raise KeyError(wanted)

    # People ------------------------------------------------------------------------------

    def person(self, person_id: str) -> Person:
        """The person with this id.

        Raises:
            KeyError: No such person.
        """
        for person in self.people:
            if person.id == person_id:
                return person
        raise KeyError(person_id)

    def holders(self, role: Role, *, on: DateLike = None) -> tuple[Appointment, ...]:
        """The appointments of a role in force on a day."""
        day = as_date(on)
        return tuple(a for a in self.appointments if a.role is role and a.active(day))

    def secretary_general(self, *, on: DateLike = None) -> Person | None:
        """The Secretary General on a day, None when no one is recorded in office.

        >>> from turkicorg import load_default
        >>> load_default().secretary_general(on="2022-11-15").name
        'Kubanychbek Omuraliev'
        """
        found = self.holders(Role.SECRETARY_GENERAL, on=on)
        return self.person(found[0].person) if found else None

    def elders(self, *, on: DateLike = None) -> tuple[Appointment, ...]:
        """Deprecated: use ``council_of_elders.elders(on=...)``.

        .. deprecated:: 0.2
           One way leads to the Council of Elders: ``Organization.council_of_elders``
           (``CouncilOfElders(record)`` for a record without meetings).
        """
        warnings.warn(
            "Organization.elders(on=...) is deprecated: use "
            "organization.council_of_elders.elders(on=...)",
            DeprecationWarning,
            stacklevel=2,
        )
        return tuple(sorted(self.holders(Role.ELDER, on=on), key=lambda a: a.state or ""))


def by_short_name(party: State) -> tuple[str, str]:
    """Sort key: the English collation of a party's short name, then its id."""
    return (english_key(party.short_name), party.id)
