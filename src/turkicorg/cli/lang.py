"""``--lang``: names in another language on the command line.

With ``--lang TAG`` the commands show the names of the organization, its organs and its
parties as the sources write them in that language (:mod:`turkicorg.localnames`), and list
parties in that language's alphabetical order (:mod:`turkicorg.languages`). A name no source
gives in that language is shown in English: marked ``[en]`` in tables and text, and named in
JSON and CSV by a ``*_lang`` column that says which language each name is in (a short name
first falls back on the official name in the same language). Explanations stay in English.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

import attrs

from turkicorg.errors import MissingNameError, UnknownLanguageError
from turkicorg.languages import TAGS, collation_key, normalize_tag

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable

    from turkicorg.organization import Organization
    from turkicorg.organs import OrganProfile
    from turkicorg.parties import State

__all__ = [
    "LANG_HELP",
    "Named",
    "add_lang",
    "language_tag",
    "organ_name",
    "organization_name",
    "party_name",
    "sorted_parties",
]

LANG_HELP = (
    f"show names in this language ({', '.join(TAGS)}; kk is Cyrillic, uz Latin); a name no "
    "source gives in it is shown in English, marked [en]"
)
"""The help of ``--lang``."""


def language_tag(text: str) -> str:
    """An argparse type: a known language tag, in the library's spelling."""
    try:
        return normalize_tag(text)
    except UnknownLanguageError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def add_lang(parser: argparse.ArgumentParser, *, help: str = LANG_HELP) -> None:  # noqa: A002
    """``--lang TAG``: the language names are shown in (``args.lang``, None for English)."""
    parser.add_argument("--lang", type=language_tag, metavar="TAG", help=help)


@attrs.frozen
class Named:
    """A name and the language it is in (the language asked for, or ``en`` instead)."""

    text: str
    lang: str

    def shown(self, wanted: str | None) -> str:
        """The name for a table or a line: marked ``[en]`` when not in the language asked."""
        return self.text if wanted is None or self.lang == wanted else f"{self.text} [{self.lang}]"


def party_name(party: State, lang: str | None, *, on: dt.date, official: bool = False) -> Named:
    """A party's name in ``lang``; English, as it was on the day, when none is sourced.

    A short name falls back on the official name in the same language before English (the
    data may source only "Shimoliy Kipr Turk Respublikasi").
    """
    english = party.official_name_on(on=on) if official else party.name(on=on)
    if lang is None or lang == "en":
        return Named(english, "en")
    for form in (True,) if official else (False, True):
        try:
            return Named(party.name_in(lang, official=form), lang)
        except MissingNameError:
            continue
    return Named(english, "en")


def organization_name(ots: Organization, lang: str | None, *, on: dt.date) -> Named:
    """The organization's full name on a day in ``lang`` (English when none is sourced)."""
    if lang is None or lang == "en":
        return Named(ots.name(on=on), "en")
    try:
        return Named(ots.name(on=on, lang=lang), lang)
    except MissingNameError:
        return Named(ots.name(on=on), "en")


def organ_name(profile: OrganProfile, lang: str | None) -> Named:
    """An organ's name in ``lang`` (English when none is sourced)."""
    if lang is None or lang == "en":
        return Named(profile.name, "en")
    try:
        return Named(profile.name_in(lang), lang)
    except MissingNameError:
        return Named(profile.name, "en")


def sorted_parties(parties: Iterable[State], lang: str | None, *, on: dt.date) -> list[State]:
    """Parties in the alphabetical order of ``lang`` by their names in it (as given for None).

    A party shown in English sorts by its English name among the others.
    """
    found = list(parties)
    if lang is None:
        return found
    return sorted(found, key=lambda p: collation_key(party_name(p, lang, on=on).text, lang))
