"""Names in the organization's own languages: sourced examples, missing names, tags, sorting.

Every stored name is checked by property: it round-trips through JSON, CSV and iCalendar,
and the ``name_in`` methods answer with it and with nothing else.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from typing import TYPE_CHECKING

import attrs
import icalendar
import pytest
from hypothesis import given
from hypothesis import strategies as st

import turkicorg
from turkicorg import Meeting, MeetingRegistry, State, serialize
from turkicorg.cli import main
from turkicorg.errors import (
    InvalidDataError,
    MissingNameError,
    TurkicOrgError,
    UnknownLanguageError,
)
from turkicorg.export import from_csv, to_csv, to_ical
from turkicorg.languages import (
    LANGUAGES,
    SCRIPT_DEFAULTS,
    TAGS,
    Alphabet,
    collation_key,
    language,
    normalize_tag,
    sort_key,
    sorted_texts,
)
from turkicorg.localnames import LocalName, NameForm, find_name, sorted_local_names
from turkicorg.names import names_markdown, subjects
from turkicorg.organs import OrganProfile
from turkicorg.record import OrganizationName
from turkicorg.sourcing import Confidence

if TYPE_CHECKING:
    from collections.abc import Iterator

OTS = turkicorg.load_default()
Named = State | OrganProfile | OrganizationName
"""Everything that has ``local_names``."""


def named() -> Iterator[Named]:
    """Every record of the data that has names in other languages."""
    yield from OTS.names
    yield from OTS.organs
    yield from (party for party in OTS.parties if party.local_names)


STORED: list[tuple[Named, LocalName]] = [(item, n) for item in named() for n in item.local_names]


def ask(item: Named, tag: str, form: NameForm, fallback: str | None = None) -> str:
    """The name the record's own method gives for a language and form."""
    if isinstance(item, State):
        return item.name_in(tag, official=form is NameForm.OFFICIAL, fallback=fallback)
    if isinstance(item, OrganizationName):
        return item.name_in(tag, short=form is NameForm.SHORT, fallback=fallback)
    return item.name_in(tag, fallback=fallback)


# Sourced examples ---------------------------------------------------------------------------


def test_issue_examples() -> None:
    """The examples of the issue, each from a source in that language."""
    assert OTS.name(on="2024-01-01", lang="tr") == "Türk Devletleri Teşkilatı"
    assert OTS.name(on="2015-01-01", lang="tr") == "Türk Dili Konuşan Ülkeler İşbirliği Konseyi"
    assert OTS.name_record(on="2015-01-01").name_in("tr", short=True) == "Türk Konseyi"
    assert OTS.state("KZ").name_in("kk") == "Қазақстан"
    assert OTS.state("KZ").name_in("kk", official=True) == "Қазақстан Республикасы"
    assert OTS.profile("COE").name_in("tr") == "Aksakallar Konseyi"


@pytest.mark.parametrize(
    ("tag", "name"),
    [
        ("az", "Türk Dövlətləri Təşkilatı"),
        ("kk", "Түркі мемлекеттері ұйымы"),
        ("kk-Latn", "Túrki memleketteri uıymy"),
        ("ky", "Түрк мамлекеттер уюму"),
        ("tr", "Türk Devletleri Teşkilatı"),
        ("uz", "Turkiy davlatlar tashkiloti"),
        ("uz-Cyrl", "Туркий давлатлар ташкилоти"),
        ("tk", "Türki döwletleriň guramasy"),
        ("hu", "Türk Államok Szervezete"),
        ("ru", "Организация тюркских государств"),
        ("en", "Organization of Turkic States"),
    ],
)
def test_current_name_in_every_language(tag: str, name: str) -> None:
    """Every language answers for the organization's current name."""
    assert OTS.name(on="2024-01-01", lang=tag) == name
    assert OTS.state("OTS").name_in(tag, official=True) == name


def test_name_without_lang_is_english() -> None:
    """Without ``lang`` the answer is today's behaviour: the English name."""
    assert OTS.name(on="2015-01-01") == "Cooperation Council of Turkic Speaking States"
    assert OTS.name(on="2015-01-01", lang=None, fallback="tr") == OTS.name(on="2015-01-01")


def test_the_organization_party_has_the_names_of_the_current_name() -> None:
    """The OTS as a party carries the same sourced full names as its current name record."""
    assert OTS.state("OTS").local_names == OTS.names[-1].local_names


def test_default_scripts() -> None:
    """``kk`` is Cyrillic and ``uz`` Latin, each with its reason and sources."""
    assert OTS.state("UZ").name_in("uz") == "O‘zbekiston"
    assert OTS.state("UZ").name_in("uz-Latn") == "O‘zbekiston"
    assert OTS.state("UZ").name_in("uz-Cyrl") == "Ўзбекистон"
    assert OTS.state("KZ").name_in("kk-Cyrl") == "Қазақстан"
    assert OTS.state("KZ").name_in("kk-Latn") == "Qazaqstan"
    assert (language("kk").script, language("uz").script) == ("Cyrl", "Latn")
    assert SCRIPT_DEFAULTS["kk"].default == "Cyrl"
    assert SCRIPT_DEFAULTS["uz"].default == "Latn"
    assert all(d.sources and d.reason for d in SCRIPT_DEFAULTS.values())


# Coverage: which language answers, or why not -----------------------------------------------

MISSING_ORGANS = {
    "CHS": {"kk-Latn", "uz"},
    "CFM": {"kk-Latn", "uz"},
    "SOC": {"az", "kk", "kk-Latn", "ky", "uz", "uz-Cyrl", "tk", "hu", "ru"},
    "COE": {"kk-Latn", "ky", "uz", "uz-Cyrl", "hu"},
    "SEC": {"kk-Latn", "hu"},
}
"""The organ names no source gives (the research tried and found none)."""
MISSING_MEMBERS = {("TR", "kk-Latn"), ("UZ", "kk-Latn")}
"""The member states' short names no source gives."""


def test_coverage_of_organs() -> None:
    """Each organ answers in exactly the languages the sources give; the rest are missing."""
    for profile in OTS.organs:
        missing = set()
        for tag in TAGS:
            try:
                profile.name_in(tag)
            except MissingNameError:
                missing.add(tag)
        assert missing == MISSING_ORGANS[profile.organ.value], profile.organ


def test_coverage_of_member_states() -> None:
    """Every member state has a short name in every language, but two in Latin Kazakh."""
    missing = set()
    for state in OTS.members(on=OTS.data_horizon):
        for tag in TAGS:
            try:
                state.name_in(tag)
            except MissingNameError:
                missing.add((state.id, tag))
    assert missing == MISSING_MEMBERS


def test_issue_languages_answer_for_the_organization_organs_and_members() -> None:
    """az, kk, ky, tr and uz: the current name, and most organs and members (or say why not)."""
    for tag in ("az", "kk", "ky", "tr", "uz"):
        assert OTS.name(lang=tag, on="2024-01-01")
        assert OTS.profile("CHS").name_in(tag, fallback="uz-Cyrl")
        assert all(s.name_in(tag) for s in OTS.members(on="2024-01-01"))


# Missing names and unknown tags --------------------------------------------------------------


def test_missing_name_is_an_error_not_english() -> None:
    """A known language without a sourced name raises, naming what is missing."""
    with pytest.raises(MissingNameError) as caught:
        OTS.profile("SOC").name_in("ky")
    error = caught.value
    assert isinstance(error, TurkicOrgError)
    assert isinstance(error, LookupError)
    assert (error.lang, error.form, error.fallback) == ("ky", "", None)
    assert error.available == ("en", "tr")
    assert "Senior Officials Committee (SOC)" in str(error)
    assert "fallback='en'" in str(error)


def test_missing_official_form_names_the_form() -> None:
    """The short form may be sourced where the official one is not."""
    assert OTS.state("TR").name_in("az") == "Türkiyə"
    with pytest.raises(MissingNameError, match=r"official name of Türkiye \(TR\) in 'az'"):
        OTS.state("TR").name_in("az", official=True)


def test_explicit_fallback() -> None:
    """A fallback is explicit: English, or any other known tag."""
    assert OTS.profile("SOC").name_in("ky", fallback="en") == "Senior Officials Committee"
    assert OTS.profile("CHS").name_in("uz", fallback="uz-Cyrl") == "Давлат раҳбарлари кенгаши"
    assert OTS.profile("CHS").name_in("kk", fallback="en") == "Мемлекет басшылары кеңесі"
    assert OTS.state("HU").name_in("hu", official=True, fallback="en") == "Hungary"
    with pytest.raises(MissingNameError, match=r"in 'hu' or 'kk-Latn'") as caught:
        OTS.profile("SEC").name_in("hu", fallback="kk-Latn")
    assert caught.value.fallback == "kk-Latn"
    assert "pass fallback" not in str(caught.value)


def test_english_short_name_of_the_organization_may_be_missing() -> None:
    """The OTS has no informal short English name: asking for one is an error too."""
    with pytest.raises(MissingNameError):
        OTS.names[-1].name_in("en", short=True)
    assert OTS.names[0].name_in("en", short=True) == "Turkic Council"


@pytest.mark.parametrize("tag", ["xx", "tr-TR", "kk-Arab", "", "en-", "uz-Cyrl-UZ"])
def test_unknown_tag_lists_the_known_ones(tag: str) -> None:
    """An unknown tag is a TurkicOrgError and a LookupError listing the available tags."""
    with pytest.raises(UnknownLanguageError) as caught:
        OTS.state("KZ").name_in(tag)
    assert isinstance(caught.value, TurkicOrgError)
    assert isinstance(caught.value, LookupError)
    assert caught.value.tag == tag
    assert caught.value.available == TAGS
    assert "kk-Latn" in str(caught.value)
    with pytest.raises(UnknownLanguageError):
        OTS.name(lang=tag)
    with pytest.raises(UnknownLanguageError):
        OTS.profile("CHS").name_in("tr", fallback=tag)


def test_tag_normalisation() -> None:
    """Case, ``_`` and the default script spelled out do not matter."""
    assert normalize_tag("TR") == "tr"
    assert normalize_tag(" kk_latn ") == "kk-Latn"
    assert normalize_tag("KK-CYRL") == "kk"
    assert normalize_tag("uz_latn") == "uz"
    assert normalize_tag("UZ-cyrl") == "uz-Cyrl"
    assert TAGS[0] == "en"
    assert set(TAGS) == {"en", "az", "kk", "kk-Latn", "ky", "tr", "uz", "uz-Cyrl", "tk", "hu", "ru"}
    with pytest.raises(UnknownLanguageError):
        normalize_tag(5)  # type: ignore[arg-type]


# Every stored name ---------------------------------------------------------------------------


def test_every_name_has_a_source_and_keeps_its_caveat() -> None:
    """A name without a source is not kept; derived and weak names say so and rank lower."""
    assert len(STORED) == 167  # 157 researched names, the OTS's 10 also on its party record
    for _item, name in STORED:
        assert name.sources, name
        note = name.note or ""
        if "inflected form" in note:
            assert "derived" in note
            assert name.confidence is not Confidence.HIGH, name
        if "Wikipedia" in note or "descriptive" in note:
            assert name.confidence is Confidence.LOW, name
    low = [n.name for _, n in STORED if n.confidence is Confidence.LOW]
    assert sorted(low) == ["Kotibiyat", "külügyminiszteri tanács", "Катчылык"]


@given(st.sampled_from(STORED))
def test_every_stored_name_answers(pair: tuple[Named, LocalName]) -> None:
    """``name_in`` answers with the stored name, in any spelling of its tag."""
    item, name = pair
    assert ask(item, name.lang, name.form) == name.name
    assert ask(item, name.lang.upper().replace("-", "_"), name.form) == name.name


@given(st.sampled_from(list(named())), st.sampled_from(TAGS), st.sampled_from(list(NameForm)))
def test_never_a_silent_answer(item: Named, tag: str, form: NameForm) -> None:
    """Without a fallback the answer is the sourced name of that language, or an error."""
    if tag == "en":
        return
    forms = (NameForm.SHORT, NameForm.OFFICIAL) if isinstance(item, OrganProfile) else (form,)
    stored = find_name(item.local_names, tag, forms)
    if stored is None:
        with pytest.raises(MissingNameError) as caught:
            ask(item, tag, form)
        assert caught.value.lang == tag
    else:
        assert ask(item, tag, form) == stored.name


@given(st.sampled_from(STORED))
def test_every_stored_name_round_trips_through_json(pair: tuple[Named, LocalName]) -> None:
    """The name alone, and the record that holds it, come back equal from JSON."""
    item, name = pair
    assert serialize.loads(serialize.dumps(name), LocalName) == name
    assert serialize.loads(serialize.dumps(item, indent=2), type(item)) == item


def test_the_organization_round_trips_with_its_names() -> None:
    """The whole organization, every local name included, comes back equal from JSON."""
    back = serialize.loads(serialize.dumps(OTS), type(OTS))
    assert back == OTS
    assert [n for _, n in STORED] == [n for item in _named_of(back) for n in item.local_names]


def _named_of(org: turkicorg.Organization) -> Iterator[Named]:
    yield from org.names
    yield from org.organs
    yield from (party for party in org.parties if party.local_names)


def _meeting(title: str) -> Meeting:
    return Meeting(
        id="chs-names",
        body="CHS",
        kind="regular",
        title=title,
        start="2024-11-06",
        host="KZ",
        sources=("https://turkicstates.org/",),
    )


@given(st.sampled_from(STORED))
def test_every_stored_name_round_trips_through_csv_and_ical(
    pair: tuple[Named, LocalName],
) -> None:
    """A meeting titled with a stored name keeps it through CSV and iCalendar."""
    _item, name = pair
    registry = MeetingRegistry([_meeting(name.name)])
    assert from_csv(to_csv(registry)) == registry
    stamp = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    (event,) = icalendar.Calendar.from_ical(to_ical(registry, dtstamp=stamp)).walk("VEVENT")
    assert str(event["SUMMARY"]) == name.name


# The model's rules for local names -----------------------------------------------------------

SOURCE = ("https://example.org/source",)


def test_local_name_record() -> None:
    """A LocalName normalises its tag and rejects empty names and unknown tags."""
    name = LocalName(lang="KK_cyrl", name="Қазақстан", sources=SOURCE)
    assert (name.lang, name.form, name.confidence, str(name)) == (
        "kk",
        NameForm.SHORT,
        Confidence.HIGH,
        "Қазақстан",
    )
    assert LocalName(lang="tr", name="X", form="official").form is NameForm.OFFICIAL
    with pytest.raises(ValueError, match="unknown language tag"):
        LocalName(lang="xx", name="X")
    with pytest.raises(ValueError, match="non-empty"):
        LocalName(lang="tr", name=" ")


def test_local_names_are_sorted_and_unique() -> None:
    """Names are kept in tag order; two of one language and form, or an English one, are
    refused."""
    tr = LocalName(lang="tr", name="Türkiye")
    az = LocalName(lang="az", name="Türkiyə")
    state = State(id="XT", short_name="T", official_name="T", local_names=(tr, az))
    assert state.local_names == (az, tr)
    assert sorted_local_names([tr, az]) == (az, tr)
    with pytest.raises(ValueError, match="two short names in 'tr'"):
        State(id="XT", short_name="T", official_name="T", local_names=(tr, tr))
    with pytest.raises(ValueError, match="English names are the record's own"):
        State(
            id="XT",
            short_name="T",
            official_name="T",
            local_names=(LocalName(lang="en", name="T"),),
        )
    with pytest.raises(TypeError, match="LocalName records"):
        State(id="XT", short_name="T", official_name="T", local_names=("Türkiye",))  # type: ignore[arg-type]


def test_bad_local_names_in_data_are_located() -> None:
    """Bad names in a document are InvalidDataError with the path of the problem."""
    document = serialize.to_document(OTS.state("KZ"))
    document["local_names"][0]["lang"] = "xx"
    with pytest.raises(InvalidDataError, match=r"local_names"):
        serialize.from_document(document, State)
    document = serialize.to_document(OTS.state("KZ"))
    document["local_names"][1] = dict(document["local_names"][0])
    with pytest.raises(InvalidDataError, match="two short names"):
        serialize.from_document(document, State)
    document = serialize.to_document(OTS)
    kz = next(i for i, p in enumerate(document["parties"]) if p["id"] == "KZ")
    document["parties"][kz]["local_names"][0]["sources"] = ["not a url"]
    with pytest.raises(InvalidDataError) as caught:
        serialize.from_document(document, type(OTS))
    assert [e.path for e in caught.value.errors] == [f"$.parties[{kz}].local_names[0].sources[0]"]


def test_find_name_prefers_the_first_form() -> None:
    """``find_name`` returns the record of the first form found, or None."""
    kz = OTS.state("KZ")
    found = find_name(kz.local_names, "kk", ["official", "short"])
    assert found is not None
    assert found.name == "Қазақстан Республикасы"
    assert find_name(kz.local_names, "ky", [NameForm.OFFICIAL]) is None


# Alphabetical order --------------------------------------------------------------------------

MEMBERS_SORTED = {
    "en": ["Azerbaijan", "Kazakhstan", "Kyrgyzstan", "Türkiye", "Uzbekistan"],
    "az": ["Azərbaycan", "Qazaxıstan", "Qırğızıstan", "Özbəkistan", "Türkiyə"],
    "kk": ["Әзірбайжан", "Қазақстан", "Қырғызстан", "Өзбекстан", "Түркия"],
    "ky": ["Азербайжан", "Казакстан", "Кыргызстан", "Өзбекстан", "Түркия"],
    "tr": ["Azerbaycan", "Kazakistan", "Kırgızistan", "Özbekistan", "Türkiye"],
    "uz": ["Ozarbayjon", "Qirg‘iziston", "Qozog‘iston", "Turkiya", "O‘zbekiston"],
    "uz-Cyrl": ["Озарбайжон", "Туркия", "Ўзбекистон", "Қирғизистон", "Қозоғистон"],
    "tk": ["Azerbaýjan", "Gazagystan", "Gyrgyzystan", "Özbegistan", "Türkiýe"],
    "hu": ["Azerbajdzsán", "Kazahsztán", "Kirgizisztán", "Törökország", "Üzbegisztán"],
    "ru": ["Азербайджан", "Казахстан", "Кыргызстан", "Турция", "Узбекистан"],
}


@pytest.mark.parametrize(("tag", "expected"), list(MEMBERS_SORTED.items()))
def test_members_sorted_in_each_alphabet(tag: str, expected: list[str]) -> None:
    """The member states, listed in a language, follow that language's alphabet."""
    names = [s.name_in(tag) for s in OTS.members(on="2024-01-01")]
    assert sorted_texts(reversed(names), tag) == expected


def test_python_order_is_wrong_where_the_alphabets_differ() -> None:
    """Code-point order would misplace these; the alphabets do not."""
    assert sorted(["Çin", "Dubai"]) == ["Dubai", "Çin"]
    assert sorted_texts(["Dubai", "Çin"], "tr") == ["Çin", "Dubai"]
    assert sorted_texts(["İran", "Irak", "Hindistan"], "tr") == ["Hindistan", "Irak", "İran"]
    assert sorted_texts(["Xankəndi", "Ilisu", "Həsənli"], "az") == ["Həsənli", "Xankəndi", "Ilisu"]
    assert sorted_texts(["ёж", "ель", "жук"], "ru") == ["ёж", "ель", "жук"]
    assert sorted_texts(["ёж", "ель", "жук"], "ky") == ["ель", "ёж", "жук"]
    assert sorted_texts(["csók", "cukor", "dzsem", "dob"], "hu") == [
        "cukor",
        "csók",
        "dob",
        "dzsem",
    ]
    assert sorted_texts(["ýol", "yl", "zaman"], "tk") == ["yl", "ýol", "zaman"]
    assert sorted_texts(["shahar", "sabr", "zamon"], "uz") == ["sabr", "zamon", "shahar"]
    assert sorted_texts(["Túrki", "Tus", "Ulken"], "kk-Latn") == ["Tus", "Túrki", "Ulken"]


def test_sorting_details() -> None:
    """Case is ignored, spaces come first, accents not in the alphabet follow their letter."""
    assert collation_key("türk", "tr")[:2] == collation_key("TÜRK", "tr")[:2]
    assert sorted_texts(["Türkiye", "Türk Konseyi"], "tr") == ["Türk Konseyi", "Türkiye"]
    assert sorted_texts(["éb", "ea", "ec"], "tr") == ["ea", "éb", "ec"]
    assert sorted_texts(["a1", "a-b", "a2"], "tk") == ["a1", "a2", "a-b"]
    assert sorted_texts(["The Zeta", "Alpha"], "en") == ["Alpha", "The Zeta"]
    assert sorted_texts(["ж", "ا", "z"], "kk")[-1] == "ا"
    assert Alphabet("a b").spellings() == ("a", "b")
    with pytest.raises(UnknownLanguageError):
        sort_key("xx")


@given(st.lists(st.text(max_size=8), max_size=8), st.sampled_from(TAGS))
def test_sorting_is_a_total_order(texts: list[str], tag: str) -> None:
    """Any texts sort the same way whatever order they come in."""
    assert sorted_texts(texts, tag) == sorted_texts(reversed(texts), tag)


ICU_TAGS = ["az", "kk", "ky", "tr", "uz", "tk", "hu", "ru"]
"""The languages for which ICU has the same rules as the library (not uz-Cyrl, not kk-Latn)."""


def _icu_collator(tag: str):  # type: ignore[no-untyped-def]
    icu = pytest.importorskip("icu", reason="PyICU checks the alphabets where it is installed")
    collator = icu.Collator.createInstance(icu.Locale(tag))
    collator.setStrength(icu.Collator.SECONDARY)
    return collator


@pytest.mark.parametrize("tag", ICU_TAGS)
def test_stored_names_sort_as_icu_sorts_them(tag: str) -> None:
    """Every stored name of a language sorts as ICU's CLDR rules sort it."""
    collator = _icu_collator(tag)
    names = [n.name for _, n in STORED if n.lang == tag]
    assert sorted(names, key=sort_key(tag)) == sorted(names, key=collator.getSortKey)


@given(st.data())
@pytest.mark.parametrize("tag", ICU_TAGS)
def test_random_words_sort_as_icu_sorts_them(tag: str, data: st.DataObject) -> None:
    """Words made of the alphabet's letters compare as ICU compares them."""
    collator = _icu_collator(tag)
    letters = [s for s in LANGUAGES[tag].alphabet.spellings() if not re.search("[’`]", s)]
    word = st.lists(st.sampled_from([*letters, " "]), min_size=1, max_size=6).map(
        lambda parts: " ".join("".join(parts).split()) or letters[0]
    )
    a, b = data.draw(word), data.draw(word)
    if tag == "hu" and re.search(r"(cc|dd|gg|ll|nn|ss|tt|zz)", a + " " + b):
        return  # doubled digraphs: a documented simplification
    ours = collation_key(a, tag)[:2], collation_key(b, tag)[:2]
    theirs = collator.compare(a, b)
    if ours[0] != ours[1] and theirs:
        assert (ours[0] < ours[1]) == (theirs < 0), (a, b)


# The documentation page ----------------------------------------------------------------------


def test_names_page_has_every_name_and_source() -> None:
    """The generated page shows every name with its sources, and every language's order."""
    page = names_markdown(OTS)
    assert page == names_markdown(OTS)
    assert page.endswith("\n")
    assert not page.endswith("\n\n")
    for _, name in STORED:
        assert name.name.replace("`", "\\`") in page
        for source in name.sources:
            assert f"<{source}>" in page
    for tag, lang in LANGUAGES.items():
        assert f"| `{tag}` | {lang.name} |" in page
    for default in SCRIPT_DEFAULTS.values():
        assert all(f"<{source}>" in page for source in default.sources)
    assert "| Senior Officials Committee (SOC) | short | — | — |" in page
    assert "| `kk-Latn` | Ázerbaıjan, Qazaqstan, Qyrǵyzstan (2 without a sourced name) |" in page


def test_names_page_escapes_markdown() -> None:
    """Text from the data cannot break the page's tables."""
    odd = LocalName(lang="tr", name="A|B *C*", sources=SOURCE, note="x_y")
    party = attrs.evolve(OTS.state("ECO"), local_names=(odd,))
    parties = tuple(party if p.id == "ECO" else p for p in OTS.parties)
    page = names_markdown(attrs.evolve(OTS, parties=parties))
    assert r"A\|B \*C\*" in page
    assert r"x\_y" in page
    titles = [s.title for s in subjects(OTS)]
    assert titles[:2] == [
        "Organization of Turkic States (OTS), from 2021-11-12",
        "Cooperation Council of Turkic Speaking States (CCTS), from 2009-10-03 until 2021-11-12",
    ]
    assert "Council of Elders (COE)" in titles
    undated = attrs.evolve(OTS.names[0], start=None, end=None)
    titles = [s.title for s in subjects(attrs.evolve(OTS, names=(undated,)))]
    assert titles[0] == "Cooperation Council of Turkic Speaking States (CCTS)"


# The command line and the calendar -----------------------------------------------------------


def run_cli(*args: str) -> tuple[int, str, str]:
    """Run the command line in this process: status, standard output, standard error."""
    out, err = io.StringIO(), io.StringIO()
    status = main(list(args), out=out, err=err)
    return status, out.getvalue(), err.getvalue()


def test_cli_members_in_a_language() -> None:
    """Names in the language, its alphabetical order, English marked [en] where missing."""
    status, out, _ = run_cli("members", "--on", "2024-01-01", "--observers", "--lang", "kk_latn")
    assert status == 0
    names = [re.split(r"\s{2,}", line)[1] for line in out.splitlines()[2:]]
    assert names[:5] == ["Ázerbaıjan", "Qazaqstan", "Qyrǵyzstan", "Türkiye [en]", "Uzbekistan [en]"]
    assert "Túrikmenstan" in names


def test_cli_members_json_and_csv_say_the_language_of_each_name() -> None:
    """JSON and CSV give each name unmarked, with a column saying its language."""
    status, out, _ = run_cli("members", "--on", "2024-01-01", "--lang", "tr", "--format", "json")
    assert status == 0
    rows = json.loads(out)
    assert [r["name"] for r in rows] == MEMBERS_SORTED["tr"]
    assert {r["name_lang"] for r in rows} == {"tr"}
    assert {r["official_name_lang"] for r in rows} == {"tr", "en"}
    kg = next(r for r in rows if r["id"] == "KG")
    assert (kg["official_name"], kg["official_name_lang"]) == ("Kırgızistan Cumhuriyeti", "tr")
    status, out, _ = run_cli(
        "members", "--on", "2024-01-01", "--lang", "uz-Cyrl", "--format", "csv"
    )
    assert status == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["name"] for r in rows] == MEMBERS_SORTED["uz-Cyrl"]
    assert list(rows[0]) == [
        "id",
        "name",
        "name_lang",
        "official_name",
        "official_name_lang",
        "kind",
        "status",
        "since",
    ]


def test_cli_without_lang_is_unchanged() -> None:
    """Without --lang, no language column and the English order."""
    status, out, _ = run_cli("members", "--on", "2024-01-01", "--format", "json")
    assert status == 0
    rows = json.loads(out)
    assert "name_lang" not in rows[0]
    assert [r["name"] for r in rows] == MEMBERS_SORTED["en"]


def test_cli_overview_and_chair_in_a_language() -> None:
    """The organization and the states named in the language; English where none is sourced."""
    status, out, _ = run_cli("overview", "--on", "2024-01-01", "--lang", "uz")
    assert status == 0
    assert out.startswith("Turkiy davlatlar tashkiloti on 2024-01-01")
    assert "Members:    Ozarbayjon, Qirg‘iziston, Qozog‘iston, Turkiya, O‘zbekiston" in out
    assert "ECO [en]" not in out  # the official Uzbek name stands in for the short one
    assert "Iqtisodiy Hamkorlik Tashkiloti" in out
    assert "Binali Yıldırım (Turkiya)" in out
    status, out, _ = run_cli("overview", "--on", "2015-06-01", "--lang", "hu")
    assert out.startswith("Török Nyelvű Államok Együttműködési Tanácsa on 2015-06-01")
    status, out, _ = run_cli("chair", "--on", "2024-01-01", "--lang", "ru")
    assert status == 0
    assert out.startswith("Казахстан since")
    status, out, _ = run_cli("chair", "elders", "--on", "2024-01-01", "--next", "2", "--lang", "kk")
    assert status == 0
    english = run_cli("chair", "elders", "--on", "2024-01-01", "--next", "2")[1].split()
    assert out.split() == [OTS.state(n).name_in("kk") for n in english]


def test_cli_overview_marks_english_names() -> None:
    """A party without a sourced name in the language is shown in English, marked [en]."""
    status, out, _ = run_cli("overview", "--on", "2024-01-01", "--lang", "hu")
    assert status == 0
    assert "Északi" not in out
    assert "Northern Cyprus [en]" in out
    assert "ECO [en]" in out


def test_cli_meetings_in_a_language() -> None:
    """Tables title organ meetings in the language; calendars too, marking the others."""
    status, out, _ = run_cli("meetings", "--year", "2022", "--lang", "tr")
    assert status == 0
    assert "Dışişleri Bakanları Konseyi" in out
    assert "[en] 1st Policy Planning" in out
    status, out, _ = run_cli(
        "meetings", "--organ", "CFM", "--year", "2022", "--lang", "kk", "--format", "ics"
    )
    assert status == 0
    (event, *_rest) = icalendar.Calendar.from_ical(out).walk("VEVENT")
    assert str(event["SUMMARY"]) == "Сыртқы істер министрлері кеңесі"
    assert event["SUMMARY"].params["LANGUAGE"] == "kk"
    assert str(event["DESCRIPTION"]).startswith("Title: Extraordinary Meeting")
    json_plain = run_cli("meetings", "--year", "2022", "--format", "json")[1]
    assert (
        run_cli("meetings", "--year", "2022", "--format", "json", "--lang", "tr")[1] == json_plain
    )


def test_cli_unknown_lang_is_a_usage_error() -> None:
    """An unknown tag is a usage error listing the known tags."""
    status, _, err = run_cli("members", "--lang", "tr-TR")
    assert status == 2
    assert "unknown language tag 'tr-TR'" in err
    assert "uz-Cyrl" in err


def test_ical_titles_in_a_language() -> None:
    """``to_ical(lang=)`` titles organ meetings with the sourced name, others stay English."""
    stamp = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    registry = OTS.meetings.filter(year=2022)
    events = icalendar.Calendar.from_ical(to_ical(registry, dtstamp=stamp, lang="az")).walk(
        "VEVENT"
    )
    by_body = {}
    for meeting, event in zip((m for m in registry if m.span.is_exact), events, strict=True):
        by_body.setdefault(meeting.body.value, []).append(event)
    assert {str(e["SUMMARY"]) for e in by_body["CFM"]} == {"Xarici İşlər Nazirləri Şurası"}
    assert all(e["SUMMARY"].params["LANGUAGE"] == "en" for e in by_body["policy_planning"])
    assert to_ical(registry, dtstamp=stamp, lang="en") == to_ical(registry, dtstamp=stamp)
    partial = [m for m in OTS.meetings if m.body.value == "COE" and not m.span.is_exact][:1]
    text = to_ical(partial, dtstamp=stamp, partial="span", lang="tr")
    (event,) = icalendar.Calendar.from_ical(text).walk("VEVENT")
    assert str(event["SUMMARY"]) == f"Aksakallar Konseyi ({partial[0].span})"
    with pytest.raises(UnknownLanguageError):
        to_ical(registry, lang="xx")
