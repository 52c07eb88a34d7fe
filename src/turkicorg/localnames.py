"""Names in the organization's own languages: one sourced record per name, language and form.

The organization, its organs and its parties carry ``local_names``: a :class:`LocalName` for
each language (a BCP 47 tag, :mod:`turkicorg.languages`) in which a source gives the name.
Their ``name_in`` methods answer in a language, and a name nobody sources stays missing:

>>> from turkicorg import load_default
>>> ots = load_default()
>>> ots.name(on="2024-01-01", lang="tr")
'Türk Devletleri Teşkilatı'
>>> ots.state("KZ").name_in("kk"), ots.state("KZ").name_in("kk", official=True)
('Қазақстан', 'Қазақстан Республикасы')
>>> ots.profile("SOC").name_in("ky")
Traceback (most recent call last):
...
turkicorg.errors.MissingNameError: no sourced name of Senior Officials Committee (SOC) in 'ky' ...
>>> ots.profile("SOC").name_in("ky", fallback="en")
'Senior Officials Committee'

English (``en``) answers from the English names of the model (``short_name``,
``official_name``, ``name``); every other language answers only from ``local_names``. The
fallback is always explicit, and may be any known tag (``fallback="uz-Cyrl"`` for a name
sourced only in Cyrillic Uzbek).
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, Final

import attrs

from turkicorg.errors import MissingNameError, UnknownLanguageError
from turkicorg.languages import TAGS, normalize_tag
from turkicorg.sourcing import Confidence

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

__all__ = [
    "LocalName",
    "NameForm",
    "check_local_names",
    "find_name",
    "name_in",
    "sorted_local_names",
]


class NameForm(enum.StrEnum):
    """Which name a :class:`LocalName` is: the short one or the official (full) one."""

    SHORT = "short"
    """The name in everyday use ("Қазақстан"); for an organ, its name."""
    OFFICIAL = "official"
    """The official or full name ("Қазақстан Республикасы"); for the organization and other
    organizations, their full name ("Türk Devletleri Teşkilatı")."""


def _tag(value: str) -> str:
    try:
        return normalize_tag(value)
    except UnknownLanguageError as error:
        raise ValueError(str(error)) from None


def _nonempty(_instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{attribute.name} must be a non-empty string (got {value!r})")


@attrs.frozen(kw_only=True)
class LocalName:
    """A name in one language, with its sources.

    Attributes:
        lang: The BCP 47 tag of the language (and script), normalised ("kk", "uz-Cyrl").
        name: The name as the sources write it (a nominative derived from an inflected form
            says so in ``note``).
        form: Short (everyday) or official (full) name.
        sources: Where the name is written: the organization's own pages in that language,
            official state sites, national news agencies.
        confidence: How well the name is established: lower where the sources show only an
            inflected form or only an encyclopedia attests it.
        note: What a reader should know: variants, derived forms, weak sources.
    """

    lang: str = attrs.field(converter=_tag)
    name: str = attrs.field(validator=_nonempty)
    form: NameForm = attrs.field(default=NameForm.SHORT, converter=NameForm)
    sources: tuple[str, ...] = ()
    confidence: Confidence = Confidence.HIGH
    note: str | None = None

    def __str__(self) -> str:
        return self.name


_FORM_ORDER: Final = {NameForm.SHORT: 0, NameForm.OFFICIAL: 1}


def sorted_local_names(names: Iterable[LocalName]) -> tuple[LocalName, ...]:
    """The names in the library's order: by language, short before official.

    Languages come in the order of :data:`~turkicorg.languages.TAGS`. An attrs converter:
    anything that is not a :class:`LocalName` is left for the validator to refuse.
    """
    names = tuple(names)
    if not all(isinstance(n, LocalName) for n in names):
        return names
    return tuple(sorted(names, key=lambda n: (TAGS.index(n.lang), _FORM_ORDER[n.form])))


def check_local_names(
    _instance: object, attribute: attrs.Attribute[tuple[LocalName, ...]], value: object
) -> None:
    """An attrs validator: at most one name per language and form, and none in English.

    English names are the model's own fields (``short_name``, ``official_name``, ``name``).
    """
    seen: set[tuple[str, NameForm]] = set()
    for item in value if isinstance(value, tuple) else ():
        if not isinstance(item, LocalName):
            raise TypeError(f"{attribute.name} holds LocalName records (got {item!r})")
        if item.lang == "en":
            raise ValueError(
                f"{attribute.name}: English names are the record's own fields, not local names"
            )
        if (item.lang, item.form) in seen:
            raise ValueError(f"{attribute.name}: two {item.form} names in {item.lang!r}")
        seen.add((item.lang, item.form))


def find_name(
    names: Iterable[LocalName], lang: str, forms: Sequence[NameForm | str] = (NameForm.SHORT,)
) -> LocalName | None:
    """The record of the first of ``forms`` that ``names`` has in a language, or None.

    >>> names = [LocalName(lang="tr", name="Türkiye", sources=("https://example.org",))]
    >>> find_name(names, "TR").name, find_name(names, "tr", ["official"])
    ('Türkiye', None)

    Raises:
        UnknownLanguageError: The library does not know the tag.
    """
    tag = normalize_tag(lang)
    wanted = [NameForm(form) for form in forms]
    by_form = {n.form: n for n in names if n.lang == tag and n.form in wanted}
    return next((by_form[form] for form in wanted if form in by_form), None)


def name_in(
    names: Iterable[LocalName],
    lang: str,
    *,
    english: str | None,
    subject: str,
    forms: Sequence[NameForm] = (NameForm.SHORT,),
    fallback: str | None = None,
    form_label: str | None = None,
) -> str:
    """The name in a language: the ``name_in`` methods of the model call this.

    Args:
        names: The local names of the thing.
        lang: The language tag asked for.
        english: The English name of the asked form (None when the thing has none).
        subject: The thing, in words, for the error message ("Kazakhstan (KZ)").
        forms: The forms that answer, preferred first.
        fallback: A tag to answer in when ``lang`` has no sourced name ("en" for English).
        form_label: The form in the error message (default: the first of ``forms``; "" for
            things with one name only).

    Raises:
        UnknownLanguageError: ``lang`` or ``fallback`` is not a known tag.
        MissingNameError: Neither ``lang`` nor ``fallback`` has a sourced name.
    """
    names = tuple(names)
    tag = normalize_tag(lang)
    other = None if fallback is None else normalize_tag(fallback)
    for candidate in (tag, other):
        if candidate == "en" and english is not None:
            return english
        found = None if candidate is None else find_name(names, candidate, forms)
        if found is not None:
            return found.name
    available = [t for t in TAGS if (t == "en" and english) or find_name(names, t, forms)]
    label = forms[0].value if form_label is None else form_label
    raise MissingNameError(subject, tag, label, fallback=other, available=available)
