"""Sources are absolute http(s) URLs that parse per RFC 3986, everywhere in the data."""

from __future__ import annotations

import re
import urllib.parse

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import turkicorg
from turkicorg.errors import InvalidDataError
from turkicorg.sourcing import Alternative, url_problem

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


def test_every_source_of_the_embedded_data_is_a_url() -> None:
    """Loading already checks it; this says so explicitly for the embedded data."""
    assert OTS.meetings
    for meeting in OTS.meetings:
        assert all(url_problem(u) is None for u in meeting.sources)


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
