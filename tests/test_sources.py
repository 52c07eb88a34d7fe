"""Sources are absolute http(s) URLs that parse per RFC 3986, everywhere in the data."""

from __future__ import annotations

import re
import urllib.parse
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import turkicorg
from turkicorg.errors import InvalidDataError
from turkicorg.meetings import Meeting, meeting_problems
from turkicorg.sourcing import Alternative, cite, plain_url, sources_ok, url_problem

OTS = turkicorg.load_default()

BAD = [
    "javascript:alert(1)",
    "https://ex.org/%zz",
    "http://[::1",
    "https://ex.org:abc/",
    "ftp://ex.org/file",
    "//ex.org/path",
    "https://",
    "https://ex.org/a b",
    "https://ex.org/ä",
    "",
]
GOOD = [
    "https://turkicstates.org/en/page?id=1#top",
    "http://www.turkkon.org/tr-TR/a%E2%80%99b/3/54",
    "https://[2001:db8::1]:8080/x",
    "HTTPS://EX.ORG/",
    "https://ex.org:443/a;b=c/@x?y=/z#f/g",
]


@pytest.mark.parametrize("url", BAD)
def test_bad_urls_are_refused(url: str) -> None:
    assert url_problem(url) == "a source is an absolute http(s) URL (RFC 3986)"


@pytest.mark.parametrize("url", GOOD)
def test_good_urls_are_accepted(url: str) -> None:
    assert url_problem(url) is None


@given(st.text(alphabet=st.characters(codec="ascii", exclude_categories=["Cc"]), max_size=30))
def test_a_percent_encoded_path_is_always_accepted(path: str) -> None:
    """Anything, percent-encoded as a path, makes a valid source URL."""
    assert url_problem("https://ex.org/" + urllib.parse.quote(path, safe="/")) is None


_UNRESERVED = r"A-Za-z0-9\-._~"
_SUB_DELIMS = r"!$&'()*+,;="
_PCT = r"%[0-9A-Fa-f]{2}"
_PCHAR = rf"(?:[{_UNRESERVED}{_SUB_DELIMS}:@]|{_PCT})"
RFC_3986_HTTP = re.compile(
    rf"(?i:https?)://(?:(?:[{_UNRESERVED}{_SUB_DELIMS}:]|{_PCT})*@)?"
    rf"(?:\[[0-9A-Fa-f:.]+\]|(?:[{_UNRESERVED}{_SUB_DELIMS}]|{_PCT})+)(?::[0-9]*)?"
    rf"(?:/{_PCHAR}*)*(?:\?(?:{_PCHAR}|[/?])*)?(?:#(?:{_PCHAR}|[/?])*)?",
    re.ASCII,
)
"""RFC 3986's grammar for an absolute http(s) URI, written as the RFC does (a percent-escape
is one unit of each part): the reference the faster check must agree with."""

URL_PIECES = st.lists(
    st.sampled_from(
        [
            "http://",
            "https://",
            "HtTp://",
            "ftp://",
            "//",
            "ex.org",
            "a",
            "Z",
            "0",
            "9",
            ":",
            "@",
            "/",
            "?",
            "#",
            "[",
            "]",
            "::1",
            "%",
            "%4",
            "%41",
            "%zz",
            "%%",
            "-._~",
            "!$&'()*+,;=",
            " ",
            "ä",
            "\x00",
            ":80",
            "[2001:db8::1]",
            "%E2%80%99",
            "%4@",
            "%2F/",
        ]
    ),
    max_size=12,
).map("".join)


@given(st.sampled_from(["http://", "https://", ""]), URL_PIECES)
def test_the_check_is_rfc_3986(scheme: str, rest: str) -> None:
    """The check accepts exactly what RFC 3986's grammar accepts (percent-escapes included)."""
    url = scheme + rest
    assert (url_problem(url) is None) == bool(RFC_3986_HTTP.fullmatch(url))


@given(
    st.lists(
        st.sampled_from(["http://", "https://", ""]).flatmap(
            lambda scheme: URL_PIECES.map(lambda rest: scheme + rest)
        ),
        max_size=4,
    )
)
def test_checking_urls_together_is_checking_each(urls: list[str]) -> None:
    """``sources_ok`` (every meeting's quick check) agrees with ``url_problem`` of each URL."""
    assert sources_ok(urls) == all(url_problem(u) is None for u in urls)
    assert sources_ok(tuple(urls)) == sources_ok(urls)


PLAIN_PIECES = st.lists(
    st.sampled_from(["a", "Z", "0", ".", "-", "/", "_~!$&'()*+,;=:@", "%20", "?q", "#f", "\n"]),
    max_size=6,
).map("".join)


@given(
    st.lists(
        st.tuples(st.sampled_from(["http://", "https://", "HTTP://", "http:/"]), PLAIN_PIECES),
        max_size=4,
    ).map(lambda pairs: [scheme + rest for scheme, rest in pairs])
)
def test_the_one_match_of_plain_urls_says_what_each_check_says(urls: list[str]) -> None:
    """URLs near the plainest shape (the quick path's one match of all of them): line feeds
    inside a URL, escapes, queries, fragments, upper-case schemes, empty hosts and paths."""
    assert sources_ok(urls) == all(url_problem(u) is None for u in urls)


@pytest.mark.parametrize(
    ("urls", "ok"),
    [
        (("https://ex.org/a", "https://ex.org/b"), True),
        (("https://ex.org/a\nhttps://ex.org/b",), False),  # a line feed inside one URL
        (("https://ex.org/a\nhttps://ex.org/b", "https://ex.org/c"), False),
        (("https://ex.org/a\n", "https://ex.org/c"), False),
        (("https://a.org\nhttps://b.org\nhttps://c.org",), False),  # two line feeds in one
        (("https://a.org\nhttps://b.org", "https://c.org\nhttps://d.org"), False),
        (("https://ex.org",), True),  # no path
        (("https://ex.org/",), True),
        (("http://ex.org/a:b@c/d",), True),  # ':' and '@' need no escape in a path
        (("https://ex.org:8080/a",), True),  # a port: the full check
        (("https://ex.org/a%20b",), True),  # an escape: the full check
        (("https://ex.org/a%2",), False),
        (("HTTPS://EX.ORG/a",), True),  # an upper-case scheme: the full check
        (("https:///a",), False),  # no host
        (("https://",), False),
        ((), True),
    ],
)
def test_the_quick_check_of_plain_urls(urls: tuple[str, ...], ok: bool) -> None:
    assert sources_ok(urls) is ok
    assert all(url_problem(u) is None for u in urls) is ok


@pytest.mark.parametrize("odd", [None, 1, b"https://ex.org/", ("https://ex.org/",)])
def test_a_source_that_is_not_text_is_not_ok(odd: object) -> None:
    assert not sources_ok(("https://ex.org/a", odd))  # type: ignore[arg-type]
    assert not sources_ok((odd,))  # type: ignore[arg-type]
    assert sources_ok(())


@pytest.mark.parametrize("odd", [None, 1, b"https://ex.org/"])
def test_sources_that_are_not_a_list_of_text_are_not_ok(odd: object) -> None:
    assert not sources_ok(odd)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", ["https://ex.org/%zz", "https://ex.org/%4", "ftp://ex.org/"])
@pytest.mark.parametrize("where", range(3))
def test_every_bad_url_of_a_meeting_is_named(bad: str, where: int) -> None:
    """The quick check of all URLs falls back to naming each bad one, in sources and
    alternatives alike, including after a good URL that has a ``%``."""
    good = "https://ex.org/a%20b"
    sources = [good, good, good]
    sources[where] = bad
    alt = Alternative(field="start", value="2010", sources=(good, bad))
    meeting = next(iter(OTS.meetings))
    broken = object.__new__(Meeting)
    for field in attrs.fields(Meeting):
        object.__setattr__(broken, field.name, getattr(meeting, field.name))
    object.__setattr__(broken, "sources", tuple(sources))
    object.__setattr__(
        broken, "alternatives", (Alternative(field="end", value="2011", sources=(good,)), alt)
    )
    assert [p[0] for p in meeting_problems(broken)] == [
        f"sources[{where}]",
        "alternatives[1].sources[1]",
    ]
    object.__setattr__(broken, "sources", (good,))
    assert [p[0] for p in meeting_problems(broken)] == ["alternatives[1].sources[1]"]
    object.__setattr__(broken, "alternatives", ())
    assert meeting_problems(broken) == []


def test_every_source_of_the_embedded_data_is_a_url() -> None:
    """Loading already checks it; this says so explicitly for the embedded data."""
    assert OTS.meetings
    for meeting in OTS.meetings:
        assert all(url_problem(u) is None for u in meeting.sources)
        assert sources_ok(meeting.sources)  # the quick check agrees on every real meeting
        assert all(sources_ok(alt.sources) for alt in meeting.alternatives)
    assert sum(len(m.sources) for m in OTS.meetings) > len(OTS.meetings)  # several a meeting


def test_a_real_source_damaged_is_caught_by_the_quick_check() -> None:
    """The official page of a real meeting, and the same address with a broken escape."""
    real = next(u for m in OTS.meetings for u in m.sources if "turkicstates.org" in u)
    assert sources_ok((real,))
    assert not sources_ok((real, real + "%4"))
    assert not sources_ok((real.replace("https://", "https//", 1),))


def test_a_bad_meeting_source_is_invalid_data() -> None:
    meeting = next(iter(OTS.meetings))
    with pytest.raises(InvalidDataError, match=r"absolute http\(s\) URL"):
        attrs.evolve(meeting, sources=("javascript:alert(1)",))
    alt = Alternative(field="start", value="2010", sources=("https://ex.org/%zz",))
    with pytest.raises(InvalidDataError, match=r"absolute http\(s\) URL"):
        attrs.evolve(meeting, alternatives=(alt,))


def test_a_bad_source_anywhere_in_the_record_is_invalid_data_with_its_path() -> None:
    party = OTS.parties[0]
    broken = attrs.evolve(party, sources=("http://[::1",))
    with pytest.raises(InvalidDataError) as caught:
        attrs.evolve(OTS, parties=(broken, *OTS.parties[1:]))
    assert [e.path for e in caught.value.errors] == ["$.parties[0].sources[0]"]
    organ = OTS.organs[0]
    bad_rule = attrs.evolve(organ, sources=("https://ex.org:abc/",))
    with pytest.raises(InvalidDataError) as caught:
        attrs.evolve(OTS, organs=(bad_rule, *OTS.organs[1:]))
    assert [e.path for e in caught.value.errors] == ["$.organs[0].sources[0]"]


def test_a_bad_source_in_a_loaded_document_names_its_path() -> None:
    document = turkicorg.dumps(OTS.meetings)
    first = next(iter(OTS.meetings)).sources[0]
    with pytest.raises(InvalidDataError) as caught:
        turkicorg.loads(
            document.replace(first, "javascript:alert(1)", 1), turkicorg.MeetingRegistry
        )
    assert [e.path for e in caught.value.errors] == ["$.meetings[0].sources[0]"]


def _source_lists(value: object, steps: tuple[str | int, ...] = ()) -> list[tuple[Any, ...]]:
    """Where every non-empty ``sources`` list of the record lies (meetings aside), as steps."""
    if isinstance(value, tuple):
        return [found for i, item in enumerate(value) for found in _source_lists(item, (*steps, i))]
    if not attrs.has(type(value)):
        return []
    found: list[tuple[Any, ...]] = []
    for field in attrs.fields(type(value)):  # type: ignore[arg-type]
        if not field.init or field.name == "meetings":
            continue
        inner = getattr(value, field.name)
        if field.name == "sources":
            found.extend([(*steps, field.name)] if inner else [])
        else:
            found.extend(_source_lists(inner, (*steps, field.name)))
    return found


def _replaced(value: Any, steps: tuple[Any, ...], new: object) -> Any:
    if not steps:
        return new
    head, rest = steps[0], steps[1:]
    if isinstance(value, tuple):
        return (*value[:head], _replaced(value[head], rest, new), *value[head + 1 :])
    return attrs.evolve(value, **{head: _replaced(getattr(value, head), rest, new)})


SOURCE_LISTS = _source_lists(OTS)


def test_the_record_has_sources_at_many_depths() -> None:
    """The property below reaches lists nested one, two and three objects deep."""
    assert {len(steps) for steps in SOURCE_LISTS} >= {1, 3, 5}


@given(st.sampled_from(SOURCE_LISTS), st.sampled_from(["javascript:x", "https://ex.org/%zz"]))
def test_a_bad_source_at_any_depth_is_named_by_its_path(steps: tuple[Any, ...], bad: str) -> None:
    """Whatever ``sources`` list of the record holds a bad URL, the error names exactly it."""
    current = OTS
    for step in steps:
        current = current[step] if isinstance(step, int) else getattr(current, step)
    path = "$" + "".join(f"[{s}]" if isinstance(s, int) else f".{s}" for s in steps)
    with pytest.raises(InvalidDataError) as caught:
        _replaced(OTS, steps, (bad, *current[1:]))
    assert [e.path for e in caught.value.errors] == [f"{path}[0]"]


@pytest.mark.parametrize("bad", ["ftp://x", "https://ex.org/%zz"])
def test_sources_given_once_through_are_checked_like_any(bad: str) -> None:
    """Sources given as an iterator are kept as a tuple, so every check sees them."""
    alt = Alternative(field="start", value="2010", sources=(u for u in [bad]))
    assert alt.sources == (bad,)
    assert not sources_ok(u for u in [bad])
    assert sources_ok(u for u in ["https://ex.org/a"])
    meeting = next(iter(OTS.meetings))
    with pytest.raises(InvalidDataError, match=r"alternatives\[0\]\.sources\[0\]"):
        attrs.evolve(meeting, alternatives=(alt,))


def test_good_urls_together_and_one_by_one() -> None:
    """Percent-escapes, IP literals, ports, upper case: good alone and together."""
    assert sources_ok(GOOD)
    assert sources_ok(list(reversed(GOOD)))
    for url in GOOD:
        assert sources_ok((url,))
        assert sources_ok((url, "https://ex.org/"))
    for url in BAD:
        assert not sources_ok((url,))
        assert not sources_ok((*GOOD, url))
        assert not sources_ok((url, *GOOD))


def test_a_citation_lists_each_source_once_in_order() -> None:
    assert cite(["https://a.example/1", "https://b.example/2", "https://a.example/1"]) == (
        "Sources: https://a.example/1; https://b.example/2."
    )
    assert cite(iter(["https://a.example/1"])) == "Sources: https://a.example/1."
    assert cite([]) == "Sources: none recorded."


PLAIN_DEFINED = re.compile(r"https?://[A-Za-z0-9.\-]+(/[A-Za-z0-9\-._~!$&'()*+,;=:@/]*)?")
"""The plainest shape, written plainly (the module's pattern is possessive, for speed)."""


@given(
    st.tuples(st.sampled_from(["http://", "https://", "HTTP://", "http:/", ""]), PLAIN_PIECES).map(
        "".join
    )
)
def test_a_plain_url_is_the_plainest_shape_and_a_source(url: str) -> None:
    assert plain_url(url) == bool(PLAIN_DEFINED.fullmatch(url))
    if plain_url(url):
        assert url_problem(url) is None


@pytest.mark.parametrize(
    ("url", "plain"),
    [
        ("https://turkicstates.org/en/news/summit", True),
        ("http://a", True),
        ("https://a.org\nhttps://b.org", False),  # two plain URLs: not one
        ("https://a.org\n", False),
        ("https://ex.org/a%20b", False),  # a source, not of the plainest shape
        ("https://ex.org/?q", False),
        ("https://ex.org:80/", False),
        ("HTTPS://ex.org/", False),
        (b"https://ex.org/", False),
        (None, False),
    ],
)
def test_plain_url_examples(url: object, plain: bool) -> None:
    assert plain_url(url) is plain
