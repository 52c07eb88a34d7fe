"""The languages the library knows names in: BCP 47 tags, default scripts and alphabetical order.

Names in the data carry a BCP 47 language tag (:data:`TAGS`). Kazakh and Uzbek are written in
two scripts; the tag without a script is the default one, with its sources
(:data:`SCRIPT_DEFAULTS`): ``kk`` is Kazakh in Cyrillic (``kk-Latn`` the Latin alphabet),
``uz`` is Uzbek in Latin (``uz-Cyrl`` the Cyrillic alphabet).

>>> normalize_tag("KK_cyrl"), normalize_tag("uz-latn"), normalize_tag("uz_CYRL")
('kk', 'uz', 'uz-Cyrl')
>>> language("kk").name
'Kazakh (Cyrillic)'

Tags are matched exactly after normalisation (case, ``_`` for ``-``, the default script
spelled out); a region (``tr-TR``) is not dropped, because the script of a language can
depend on it (Kazakh in China is written in the Arabic script). An unknown tag raises
:class:`~turkicorg.UnknownLanguageError`, which lists the known ones.

Alphabetical order
------------------

Python sorts text by code point, which is wrong for every language here except English:
Turkish puts ``ç`` after ``c`` and ``ı`` before ``i``, Kazakh ``ә`` after ``а``, and Python
puts all of them after ``z`` or ``я``. :func:`collation_key` sorts by the alphabet of the
language instead (:class:`Alphabet`): each letter, digraphs included (Hungarian ``cs``,
Uzbek ``sh`` and ``oʻ``), has its place; case is ignored; letters that the alphabet counts as
one (Hungarian ``a`` and ``á``, Russian ``е`` and ``ё``) differ only when everything else is
equal; spaces sort before letters, punctuation is ignored. The alphabets follow the Unicode
CLDR collation rules of each language (the order ICU applies), with their sources in
:attr:`Language.collation_sources`; the library needs no collation package, and a test checks
the order against ICU where PyICU is installed.

>>> sorted(["Çin", "Cezayir", "Ispanya", "İran", "Zambiya"], key=sort_key("tr"))
['Cezayir', 'Çin', 'Ispanya', 'İran', 'Zambiya']
>>> sorted(["Өзбекстан", "Түркия", "Әзірбайжан", "Қырғызстан", "Венгрия"], key=sort_key("kk"))
['Әзірбайжан', 'Венгрия', 'Қырғызстан', 'Өзбекстан', 'Түркия']

English order (``en``) is the library's rule order (:func:`turkicorg.text.english_key`): the
rotation rules of the organization always sort English names, whatever language a listing is
shown in.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import Final, TypeAlias

import attrs

from turkicorg.errors import UnknownLanguageError
from turkicorg.text import english_key

__all__ = [
    "ALIASES",
    "LANGUAGES",
    "SCRIPT_DEFAULTS",
    "TAGS",
    "Alphabet",
    "CollationKey",
    "Language",
    "ScriptDefault",
    "collation_key",
    "language",
    "normalize_tag",
    "sort_key",
    "sorted_texts",
]

CollationKey: TypeAlias = tuple[tuple[int, ...], tuple[int, ...], str]
"""A sort key: the letters' places, then the variants' places, then the text itself."""

_SPACE: Final = 1
_DIGIT: Final = 10
_LETTER: Final = 100
_OTHER: Final = 10_000
_VARIANT: Final = 50
"""The secondary place of a letter with an accent the alphabet does not list."""


@attrs.frozen
class Alphabet:
    """The letters of a language in alphabetical order.

    Written as one text: letters in order, separated by spaces; spellings that the alphabet
    counts as one letter (``a/á`` in Hungarian) joined by ``/``, the plain one first. A
    letter may be written with several characters (``cs``, ``oʻ``).

    >>> hungarian = Alphabet("a/á b c cs d")
    >>> hungarian.place("cs"), hungarian.place("á")
    ((103, 0), (100, 1))
    """

    letters: str
    _places: Mapping[str, tuple[int, int]] = attrs.field(init=False, repr=False, eq=False)
    _longest: int = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        places: dict[str, tuple[int, int]] = {}
        for primary, letter in enumerate(self.letters.split(), start=_LETTER):
            for secondary, spelling in enumerate(letter.split("/")):
                places[unicodedata.normalize("NFC", spelling)] = (primary, secondary)
        object.__setattr__(self, "_places", MappingProxyType(places))
        object.__setattr__(self, "_longest", max(map(len, places)))

    def place(self, spelling: str) -> tuple[int, int] | None:
        """The (letter, variant) place of a lower-case spelling, None when not a letter."""
        return self._places.get(spelling)

    def spellings(self) -> tuple[str, ...]:
        """Every spelling of every letter, in alphabetical order."""
        return tuple(self._places)

    def places(self, text: str) -> list[tuple[int, int]]:
        """The places of the letters of lower-case, NFC ``text``, longest spelling first."""
        found: list[tuple[int, int]] = []
        index = 0
        while index < len(text):
            for size in range(min(self._longest, len(text) - index), 0, -1):
                hit = self._places.get(text[index : index + size])
                if hit is not None:
                    found.append(hit)
                    index += size
                    break
            else:
                other = self._other(text[index])
                if other is not None:
                    found.append(other)
                index += 1
        return found

    def _other(self, char: str) -> tuple[int, int] | None:
        """The place of a character that is no letter of the alphabet (None: ignored)."""
        if char == " ":
            return (_SPACE, 0)
        if char.isdecimal():
            return (_DIGIT + unicodedata.decimal(char), 0)
        if not char.isalpha() or unicodedata.category(char) == "Lm":
            return None  # punctuation, symbols, combining marks, modifier letters
        base = unicodedata.normalize("NFD", char)[0]
        hit = self._places.get(base)
        if base != char and hit is not None:
            return (hit[0], _VARIANT)  # a letter with an accent: after its base's variants
        return (_OTHER + ord(char), 0)


@attrs.frozen(kw_only=True)
class Language:
    """A language (in one script) that the library knows names in.

    Attributes:
        tag: Its BCP 47 tag, as the data writes it ("kk", "kk-Latn").
        name: Its English name, with the script where the language has two.
        script: Its ISO 15924 script code ("Latn", "Cyrl").
        alphabet: Its letters in alphabetical order.
        collation_sources: Where the alphabetical order is stated.
        collation_note: How the order is read from the sources, where there is anything to say.
    """

    tag: str
    name: str
    script: str
    alphabet: Alphabet
    collation_sources: tuple[str, ...] = ()
    collation_note: str | None = None


@attrs.frozen(kw_only=True)
class ScriptDefault:
    """Which script the tag without a script means, for a language written in two.

    Attributes:
        language: The language subtag ("kk").
        default: The script of the plain tag ("Cyrl").
        other: The other script, written as a tag of its own ("Latn" in "kk-Latn").
        reason: Why, in words.
        sources: Where the facts are stated.
    """

    language: str
    default: str
    other: str
    reason: str
    sources: tuple[str, ...]


_CLDR: Final = "https://github.com/unicode-org/cldr/blob/main/common/collation/"

SCRIPT_DEFAULTS: Final[Mapping[str, ScriptDefault]] = MappingProxyType(
    {
        "kk": ScriptDefault(
            language="kk",
            default="Cyrl",
            other="Latn",
            reason=(
                "Kazakh is still written officially in Cyrillic: Decree No. 569 of 26 October "
                "2017 ordered a gradual transition to a Latin-based alphabet until 2025, the "
                "alphabet was amended on 19 February 2018, and in January 2021 the transition "
                "was re-planned for 2023-2031. The state newspaper publishes a Cyrillic main "
                "edition and a Latin mirror; CLDR's locale chain puts kk under kk_Cyrl."
            ),
            sources=(
                "https://en.inform.kz/amp/president-nazarbayev-oks-switchover-to-latin-based-kazakh-script_a3079189/",
                "https://fondeco.ru/en/v-kazahstane-utverdili-okonchatelnyi-variant-alfavita-na",
                "https://mandiner.hu/kulfold/2022/02/latin-betus-irasmod-kazahsztan-2031-cirill-betuk-kaszim-zsomart-tokajev-kulfold",
                "https://lat.egemen.kz/article/403023-turki-tutastyghy-tughyrlanghan-tus",
                "https://www.unicode.org/cldr/cldr-aux/charts/23/summary/kk_Cyrl_KZ.html",
            ),
        ),
        "uz": ScriptDefault(
            language="uz",
            default="Latn",
            other="Cyrl",
            reason=(
                "Uzbekistan's law on the Uzbek alphabet based on the Latin script (2 September "
                "1993, new edition 1995) made Latin the official alphabet, and Cabinet "
                "resolution No. 61 of 10 February 2021 requires Latin in all organizations from "
                "1 January 2023. Cyrillic remains in wide use, so uz-Cyrl is kept as a second "
                "variant. The organization's own Uzbek page is in Latin."
            ),
            sources=(
                "https://corp.uzairways.com/uz/ozbek-tili-bayramiga-1-kun-qoldi",
                "https://uza.uz/oz/posts/lotin-yozuviga-asoslangan-yangi-ozbek-alifbosida-xatosiz-yoza-olasizmi_292196",
                "https://www.trt.net.tr/uzbek/turk-dunyosi/2021/03/17/1234567890-1603194",
                "https://turkicstates.org/uz/organization-of-turkic-states",
            ),
        ),
    }
)
"""The default script of each language written in two, with the reason and the sources."""

_ROOT_NOTE: Final = "CLDR has no rules of its own for this language: its root order applies."


def _lang(
    tag: str,
    name: str,
    script: str,
    letters: str,
    *,
    sources: tuple[str, ...],
    note: str | None = None,
) -> Language:
    return Language(
        tag=tag,
        name=name,
        script=script,
        alphabet=Alphabet(letters),
        collation_sources=sources,
        collation_note=note,
    )


_LANGUAGE_LIST: Final = (
    _lang(
        "en",
        "English",
        "Latn",
        "a b c d e f g h i j k l m n o p q r s t u v w x y z",
        sources=(f"{_CLDR}en.xml",),
        note="The library's English order: accents and case ignored, a leading 'The' ignored.",
    ),
    _lang(
        "az",
        "Azerbaijani",
        "Latn",
        "a b c ç d e ə f g ğ h x ı i j k q l m n o ö p r s ş t u ü v y z w",
        sources=(f"{_CLDR}az.xml",),
    ),
    _lang(
        "kk",
        "Kazakh (Cyrillic)",
        "Cyrl",
        "а ә б в г ғ д е ё ж з и й к қ л м н ң о ө п р с т у ұ ү ф х һ ц ч ш щ ъ ы і ь э ю я",
        sources=(f"{_CLDR}kk.xml",),
    ),
    _lang(
        "kk-Latn",
        "Kazakh (Latin)",
        "Latn",
        "a á/ä b c d e f g ǵ/ğ h i ı j k l m n ń/ñ o ó/ö p q r s t u/ū ú/ü v w x y ý z sh/ş ch",
        sources=(
            "https://fondeco.ru/en/v-kazahstane-utverdili-okonchatelnyi-variant-alfavita-na",
            "https://lat.egemen.kz/article/403023-turki-tutastyghy-tughyrlanghan-tus",
        ),
        note=(
            "No CLDR rules exist for Kazakh in Latin. The library's reading of the 2018 alphabet "
            "(the spelling of the Latin edition of the state newspaper, which the data's names "
            "use): each letter with an acute accent right after its base letter, i before ı, "
            "the digraphs sh and ch after z; the 2021 draft's letters (ä, ğ, ñ, ö, ş, ū, ü) "
            "count as the 2018 letter for the same sound."
        ),
    ),
    _lang(
        "ky",
        "Kyrgyz",
        "Cyrl",
        "а б в г д е ё ж з и й к л м н ң о ө п р с т у ү ф х ц ч ш щ ъ ы ь э ю я",
        sources=(f"{_CLDR}ky.xml", f"{_CLDR}root.xml"),
        note="CLDR's root order of Cyrillic, with ё as a letter of its own after е (as ICU sorts).",
    ),
    _lang(
        "tr",
        "Turkish",
        "Latn",
        "a/â b c ç d e f g ğ h ı i/î j k l m n o ö p q r s ş t u/û ü v w x y z",
        sources=(f"{_CLDR}tr.xml",),
    ),
    _lang(
        "uz",
        "Uzbek (Latin)",
        "Latn",
        "a b c d e f g h i j k l m n o p q r s t u v w x y z oʻ/o‘/o’/o'/o` gʻ/g‘/g’/g'/g` sh ch",
        sources=(f"{_CLDR}uz.xml",),
        note="oʻ and gʻ are letters after z whichever apostrophe writes them (ʻ, ‘, ’, ' or `).",
    ),
    _lang(
        "uz-Cyrl",
        "Uzbek (Cyrillic)",
        "Cyrl",
        "а б в г д е ё ж з и й к л м н о п р с т у ф х ц ч ш ъ ь э ю я ў қ ғ ҳ",
        sources=(
            "https://uz.wikipedia.org./wiki/O%CA%BBzbek_kirill_alifbosi",
            "https://uzsmart.uz/ensiklopediya/ensiklopediya/q.html",
            "http://libgulistan.uz/uz/uz-milliy-ensiklopediyasi/",
        ),
        note=(
            "The 1940 alphabet in its own order, ў қ ғ ҳ after я (Ў is the 32nd letter, Қ the "
            "33rd, Ҳ the 35th); CLDR has no rules for Uzbek in Cyrillic."
        ),
    ),
    _lang(
        "tk",
        "Turkmen",
        "Latn",
        "a b c ç d e ä f g h i j ž k l m n ň o ö p q r s ş t u ü v w x y ý z",
        sources=(f"{_CLDR}tk.xml",),
    ),
    _lang(
        "hu",
        "Hungarian",
        "Latn",
        "a/á b c cs d dz dzs e/é f g gy h i/í j k l ly m n ny o/ó ö/ő p q r s sz t ty u/ú ü/ű "
        "v w x y z zs",
        sources=(f"{_CLDR}hu.xml",),
        note="Doubled digraphs (ccs for cs cs) are read letter by letter: simpler than CLDR.",
    ),
    _lang(
        "ru",
        "Russian",
        "Cyrl",
        "а б в г д е/ё ж з и й к л м н о п р с т у ф х ц ч ш щ ъ ы ь э ю я",
        sources=(f"{_CLDR}ru.xml", f"{_CLDR}root.xml"),
        note=_ROOT_NOTE + " ё counts as е.",
    ),
)

LANGUAGES: Final[Mapping[str, Language]] = MappingProxyType({x.tag: x for x in _LANGUAGE_LIST})
"""Every language the library knows, by tag, in the order of :data:`TAGS`."""

TAGS: Final = tuple(LANGUAGES)
"""The tags the library knows, English first, then the organization's languages and others."""

ALIASES: Final[Mapping[str, str]] = MappingProxyType({"kk-Cyrl": "kk", "uz-Latn": "uz"})
"""Tags that spell out the default script, and the tag the library uses for them."""


def _subtag(index: int, part: str) -> str:
    if index == 0:
        return part.lower()
    if len(part) == 4 and part.isalpha():
        return part.title()
    if len(part) == 2 and part.isalpha():
        return part.upper()
    return part.lower()


def normalize_tag(tag: str) -> str:
    """The library's spelling of a language tag.

    Case and ``_`` do not matter, and the default script may be spelled out.

    >>> normalize_tag(" TR "), normalize_tag("kk_latn"), normalize_tag("kk-Cyrl")
    ('tr', 'kk-Latn', 'kk')

    Raises:
        UnknownLanguageError: The library does not know the tag (the error lists those it
            knows).
    """
    if not isinstance(tag, str):
        raise UnknownLanguageError(tag, TAGS)
    parts = tag.strip().replace("_", "-").split("-")
    spelled = "-".join(_subtag(index, part) for index, part in enumerate(parts))
    spelled = ALIASES.get(spelled, spelled)
    if spelled not in LANGUAGES:
        raise UnknownLanguageError(tag, TAGS)
    return spelled


def language(tag: str) -> Language:
    """The language of a tag (any spelling :func:`normalize_tag` accepts).

    Raises:
        UnknownLanguageError: The library does not know the tag.
    """
    return LANGUAGES[normalize_tag(tag)]


_CASE: Final[Mapping[str, Mapping[int, str]]] = MappingProxyType(
    {
        "tr": str.maketrans({"I": "ı", "İ": "i"}),
        "az": str.maketrans({"I": "ı", "İ": "i"}),
    }
)
"""Lower-casing that differs from Unicode's default: Turkish and Azerbaijani dotted and
dotless i."""


def collation_key(text: str, lang: str) -> CollationKey:
    """The sort key of ``text`` in the alphabetical order of a language.

    >>> collation_key("Ab", "hu") < collation_key("Áb", "hu") < collation_key("Ac", "hu")
    True
    >>> sorted(["Macaristan", "Kırgızistan", "Kazakistan"], key=sort_key("tr"))
    ['Kazakistan', 'Kırgızistan', 'Macaristan']

    Raises:
        UnknownLanguageError: The library does not know the tag.
    """
    tag = normalize_tag(lang)
    if tag == "en":
        return (tuple(map(ord, english_key(text))), (), text)
    lowered = text.translate(_CASE[tag]) if tag in _CASE else text
    folded = unicodedata.normalize("NFC", " ".join(lowered.lower().split()))
    places = LANGUAGES[tag].alphabet.places(folded)
    return (tuple(p for p, _ in places), tuple(s for _, s in places), text)


def sort_key(lang: str) -> Callable[[str], CollationKey]:
    """A ``key=`` function that sorts texts in the alphabetical order of a language.

    Raises:
        UnknownLanguageError: The library does not know the tag (raised at once).
    """
    tag = normalize_tag(lang)

    def key(text: str) -> CollationKey:
        return collation_key(text, tag)

    return key


def sorted_texts(texts: Iterable[str], lang: str) -> list[str]:
    """The texts in the alphabetical order of a language.

    >>> sorted_texts(["Ўзбекистон", "Қозоғистон", "Туркия", "Озарбайжон"], "uz-Cyrl")
    ['Озарбайжон', 'Туркия', 'Ўзбекистон', 'Қозоғистон']
    """
    return sorted(texts, key=sort_key(lang))
