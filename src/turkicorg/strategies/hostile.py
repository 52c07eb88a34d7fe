"""Hostile text: strings that break naive CSV, iCalendar and JSON writers, and values made of it.

The interchange tests draw every free text from here, so that every writer meets quotes,
separators, control characters, line breaks, formula prefixes and non-BMP characters.
"""

from __future__ import annotations

import urllib.parse

from hypothesis import strategies as st

from turkicorg.sourcing import Alternative

__all__ = [
    "HOSTILE_TEXTS",
    "alternatives",
    "nonblank_texts",
    "source_lists",
    "source_urls",
    "texts",
]

HOSTILE_TEXTS: tuple[str, ...] = (
    "",
    " ",
    "'",
    "''quoted",
    "=1+2",
    '=HYPERLINK("http://x")',
    "+33 1 23",
    "-5",
    "@SUM(A1)",
    "\tlead tab",
    "\rlead return",
    "line one\nline two",
    "crlf\r\nend",
    "a;b,c\\d",
    '"quoted", with comma',
    "BEGIN:VEVENT",
    "END:VCALENDAR\r\nBEGIN:VEVENT",
    "nul\x00byte",
    "bell\x07 and \x1f unit",
    "line\u2028separator",
    "next\x85line",
    "Türkiye İstanbul Şuşa Azərbaycan Қазақстан Кыргызстан",
    "😀 emoji 👩‍👩‍👧",
    "e\u0301 combining",
    "ş" * 120,
    "Ə,;\\" * 30,
    "\ufeffbom",
    "trailing space ",
)
"""Strings that break naive CSV, iCalendar and JSON writers (and spreadsheets)."""


def texts(*, max_size: int = 40) -> st.SearchStrategy[str]:
    """Any text (no lone surrogates), biased towards :data:`HOSTILE_TEXTS`."""
    pieces = st.sampled_from(HOSTILE_TEXTS) | st.text(max_size=8)
    return st.one_of(
        st.sampled_from(HOSTILE_TEXTS),
        st.text(max_size=max_size),
        st.lists(pieces, max_size=4).map("".join),
    )


def nonblank_texts() -> st.SearchStrategy[str]:
    """Hostile text with at least one character that is not white space (titles, names)."""
    return texts().filter(lambda text: bool(text.strip()))


def source_urls() -> st.SearchStrategy[str]:
    """Valid sources that writers must still escape.

    Every source is an absolute http(s) URL as RFC 3986 writes it (the model refuses
    anything else), so the hostility is in the characters a URL may hold: commas,
    semicolons, quotes, ``=``, ``+``, ``@``, percent-escapes of :func:`texts`, an IPv6 host,
    an upper-case scheme.
    """
    samples = st.sampled_from(
        (
            "https://turkicstates.org/en/news/1",
            "https://example.org/a%20b?q=%C5%9F&x=1#frag",
            "http://hozir.org/nakhchivan-agreement.html",
            "https://ex.org:443/a;b=c/@x?y=/z#f/g",
            "HTTPS://EX.ORG/=1+2,'quoted';(x)!*$",
            "https://[2001:db8::1]:8080/x",
        )
    )
    quoted = texts().map(lambda text: "https://example.org/" + urllib.parse.quote(text, safe="/"))
    return samples | quoted


def source_lists(*, min_size: int = 0) -> st.SearchStrategy[tuple[str, ...]]:
    """Sources: up to three :func:`source_urls` (valid URLs that writers must still escape)."""
    return st.lists(source_urls(), min_size=min_size, max_size=3).map(tuple)


def alternatives() -> st.SearchStrategy[Alternative]:
    """Alternative reports with hostile text, each with at least one source of its own.

    A value no source reports is not kept (an alternative without sources is invalid data).
    """
    return st.builds(
        Alternative,
        field=texts(),
        value=texts(),
        sources=source_lists(min_size=1),
        note=st.none() | texts(),
    )
