"""The names page of the documentation: every name in every language, with its sources.

:func:`names_markdown` writes the page from an organization's data (the documentation build
writes ``docs/names.md`` from the embedded data with it, as it writes the provenance page):
which language answers for the organization's name, its organs and its parties, the default
scripts with their reasons, the alphabetical order of each language, the members listed in
each language's order, and every name with its sources, confidence and note.

>>> from turkicorg import load_default
>>> page = names_markdown(load_default())
>>> page.splitlines()[0]
'# Names in the organization’s languages'
>>> "Türk Devletleri Teşkilatı" in page
True
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from turkicorg.errors import MissingNameError
from turkicorg.languages import LANGUAGES, SCRIPT_DEFAULTS, TAGS, sort_key
from turkicorg.localnames import LocalName, NameForm

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from turkicorg.organization import Organization

__all__ = ["Subject", "names_markdown", "subjects"]

_ESCAPE: Final = re.compile(r"([\\`*_\[\]<>|#$])")
_MISSING: Final = "—"


def _text(value: object) -> str:
    """``value`` on one line, with the punctuation Markdown reads escaped."""
    return _ESCAPE.sub(r"\\\1", " ".join(str(value).split()))


def _urls(sources: Iterable[str]) -> str:
    return ", ".join(f"<{url}>" for url in sources) or "none recorded"


class Subject:
    """Something with names: the organization under one name, an organ or a party.

    Attributes:
        title: How the page names it ("Council of Elders (COE)").
        english: Its English names by form (only the forms it has).
        local_names: Its names in other languages.
    """

    __slots__ = ("english", "local_names", "title")

    def __init__(
        self,
        title: str,
        english: dict[NameForm, str],
        local_names: tuple[LocalName, ...],
    ) -> None:
        self.title = title
        self.english = english
        self.local_names = local_names

    def forms_in(self, tag: str) -> list[NameForm]:
        """The forms this subject has a name in, in a language."""
        if tag == "en":
            return list(self.english)
        return [
            form
            for form in NameForm
            if any(n.lang == tag and n.form is form for n in self.local_names)
        ]


def subjects(org: Organization) -> Iterator[Subject]:
    """Everything with names, in the page's order.

    The organization under each name (newest first), its organs, then every party with a name
    in another language, in the order of the data.
    """
    for record in reversed(org.names):
        since = f" from {record.start}" if record.start else ""
        until = f" until {record.end}" if record.end else ""
        period = f",{since}{until}" if since or until else ""
        english = {NameForm.OFFICIAL: record.name}
        if record.short_name:
            english = {NameForm.SHORT: record.short_name, **english}
        yield Subject(
            f"{record.name} ({record.abbreviation}){period}",
            english,
            record.local_names,
        )
    for profile in org.organs:
        yield Subject(
            f"{profile.name} ({profile.organ.value})",
            {NameForm.SHORT: profile.name},
            profile.local_names,
        )
    for party in org.parties:
        if party.local_names:
            yield Subject(
                f"{party.short_name} ({party.id})",
                {NameForm.SHORT: party.short_name, NameForm.OFFICIAL: party.official_name},
                party.local_names,
            )


def _header() -> list[str]:
    return [
        "# Names in the organization’s languages",
        "",
        (
            "The names of the organization, its organs and its parties in the languages of its "
            "member states, of its observers and in Russian, each with its sources. This page is "
            "generated from the data by `turkicorg.names.names_markdown()` at every "
            "documentation build."
        ),
        "",
        "```python",
        'ots.name(on="2024-01-01", lang="tr")  # Türk Devletleri Teşkilatı',
        'ots.state("KZ").name_in("kk", official=True)  # Қазақстан Республикасы',
        'ots.profile("COE").name_in("tr")  # Aksakallar Konseyi',
        'ots.profile("SOC").name_in("ky", fallback="en")  # no Kyrgyz name: English',
        "```",
        "",
        (
            "A name no source gives stays missing: asking for it raises `MissingNameError` "
            "(a `LookupError`), unless the call names a `fallback` language; an unknown tag "
            "raises `UnknownLanguageError`, which lists the known tags. The library never "
            "translates, transliterates or answers in English unasked. Names are current names; "
            "the organization's names follow its own renaming (`ots.name(on=..., lang=...)`)."
        ),
        "",
        (
            "On the command line, `--lang TAG` (on `overview`, `members`, `chair` and "
            "`meetings`) shows these names and sorts listings in the language's alphabet; a "
            "name no source gives is shown in English, marked `[en]` in tables and text and "
            "named by a `name_lang` column in JSON and CSV. `to_ical(..., lang=TAG)` titles "
            "the meetings of an organ with its name in that language."
        ),
        "",
        (
            "Confidence is lower where the sources show the name only inflected (a genitive or "
            "possessive form, from which the nominative was derived) or where only an "
            "encyclopedia attests it; the note of the name says which. A check by a native "
            "speaker is advised before such names are displayed."
        ),
        "",
    ]


def _coverage(found: list[Subject]) -> list[str]:
    lines = [
        "## Coverage",
        "",
        (
            "Which language answers for what: `short` and `official` are the forms the data has; "
            f"{_MISSING} means no source gives the name in that language."
        ),
        "",
        "| | " + " | ".join(f"`{tag}`" for tag in TAGS) + " |",
        "|---" * (len(TAGS) + 1) + "|",
    ]
    for subject in found:
        cells = [", ".join(f.value for f in subject.forms_in(tag)) or _MISSING for tag in TAGS]
        lines.append(f"| {_text(subject.title)} | " + " | ".join(cells) + " |")
    lines.append("")
    return lines


def _scripts() -> list[str]:
    lines = ["## Scripts", ""]
    for default in SCRIPT_DEFAULTS.values():
        lines += [
            (
                f"- **`{default.language}`** is written in {default.default} "
                f"(`{default.language}-{default.other}` is the {default.other} variant). "
                f"{_text(default.reason)} Sources: {_urls(default.sources)}"
            ),
        ]
    lines.append("")
    return lines


def _alphabets() -> list[str]:
    lines = [
        "## Alphabetical order",
        "",
        (
            "Listings shown in a language are sorted in its alphabet "
            "(`turkicorg.languages.sort_key(tag)`); the rotation rules of the organization "
            "always sort the English names, as the sources state them."
        ),
        "",
        "| Tag | Language | Letters in order | Sources | Note |",
        "|---|---|---|---|---|",
    ]
    for tag, lang in LANGUAGES.items():
        letters = " ".join(lang.alphabet.letters.split())
        lines.append(
            f"| `{tag}` | {lang.name} | {_text(letters)} | {_urls(lang.collation_sources)} "
            f"| {_text(lang.collation_note or '')} |"
        )
    lines.append("")
    return lines


def _listing_name(org: Organization, party_id: str, tag: str) -> str | None:
    try:
        return org.state(party_id).name_in(tag)
    except MissingNameError:
        return None


def _members(org: Organization) -> list[str]:
    current = org.members(on=org.data_horizon)
    lines = [
        "## The member states in each language",
        "",
        (
            f"The member states on {org.data_horizon}, by their short name in each language, "
            "in that language's alphabetical order."
        ),
        "",
        "| Tag | Members |",
        "|---|---|",
    ]
    for tag in TAGS:
        names = [_listing_name(org, party.id, tag) for party in current]
        known = sorted((n for n in names if n is not None), key=sort_key(tag))
        missing = len(names) - len(known)
        suffix = f" ({missing} without a sourced name)" if missing else ""
        lines.append(f"| `{tag}` | {_text(', '.join(known))}{suffix} |")
    lines.append("")
    return lines


def _every_name(found: list[Subject]) -> list[str]:
    lines = ["## Every name", ""]
    for subject in found:
        lines += [
            f"### {_text(subject.title)}",
            "",
            "| Tag | Form | Name | Confidence | Sources | Note |",
            "|---|---|---|---|---|---|",
        ]
        lines += [
            f"| `en` | {form.value} | {_text(english)} | | the record's own | |"
            for form, english in subject.english.items()
        ]
        lines += [
            f"| `{n.lang}` | {n.form.value} | {_text(n.name)} | {n.confidence.value} "
            f"| {_urls(n.sources)} | {_text(n.note or '')} |"
            for n in subject.local_names
        ]
        lines.append("")
    return lines


def names_markdown(org: Organization) -> str:
    """The names page of ``org`` as Markdown (one trailing newline)."""
    found = list(subjects(org))
    lines = [
        *_header(),
        *_coverage(found),
        *_scripts(),
        *_alphabets(),
        *_members(org),
        *_every_name(found),
    ]
    return "\n".join(lines).rstrip() + "\n"
