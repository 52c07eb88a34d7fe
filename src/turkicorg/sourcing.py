"""How facts carry their evidence: sources, confidence and alternative reports."""

from __future__ import annotations

import enum
import re
from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable

__all__ = [
    "Alternative",
    "Confidence",
    "cite",
    "horizon_note",
    "plain_url",
    "sources_ok",
    "url_problem",
]


_UNRESERVED = r"A-Za-z0-9\-._~"
_SUB_DELIMS = r"!$&'()*+,;="
_SOURCE_URL = re.compile(
    rf"(?i:https?)://(?:[{_UNRESERVED}{_SUB_DELIMS}:%]*@)?"
    rf"(?:\[[0-9A-Fa-f:.]+\]|[{_UNRESERVED}{_SUB_DELIMS}%]+)(?::[0-9]*)?"
    rf"(?:/[{_UNRESERVED}{_SUB_DELIMS}:@%/]*)?"
    rf"(?:\?[{_UNRESERVED}{_SUB_DELIMS}:@/?%]*)?(?:#[{_UNRESERVED}{_SUB_DELIMS}:@/?%]*)?",
    re.ASCII,
)
"""The shape of an absolute http(s) URI as RFC 3986 writes it (ASCII), ``%`` allowed wherever
a percent-escape may stand: scheme, ``//``, user information, host (or an IP literal), port,
path, query, fragment. The path is RFC 3986's ``*( "/" segment )`` written as one run: empty,
or a ``/`` and then segment characters and ``/`` (the same strings; a quarter faster, since
the matcher then does not enter a group for every segment)."""
_BAD_ESCAPE = re.compile(r"%(?![0-9A-Fa-f]{2})")
"""A ``%`` that does not start a percent-escape. With the shape above, "every ``%`` starts an
escape" is RFC 3986's rule: the two hex digits after a ``%`` can only belong to its own part,
since every part ends at a delimiter (``@ : / ? #``), never at a hex digit. Runs of one
character class are several times faster than alternatives tried at each character."""


_PLAIN_URL = rf"https?://[A-Za-z0-9.\-]++(?:/[{_UNRESERVED}{_SUB_DELIMS}:@/]*+)?"
_PLAIN_URLS = re.compile(rf"{_PLAIN_URL}(?:\n{_PLAIN_URL})*+", re.ASCII)
"""URLs of the plainest shape, joined by line feeds: a lower-case scheme, a host of letters,
digits, dots and hyphens, and a path of characters that need no escape (no user information,
port, query, fragment or ``%``). Each is also a match of :data:`_SOURCE_URL` with no ``%``,
so a document's usual sources are all accepted by one match of their joined text; no URL of
this shape holds a line feed, so the joined text's line feeds are its separators."""


def plain_url(url: object) -> bool:
    """True when ``url`` is a URL of the plainest shape (:data:`_PLAIN_URLS`' items).

    Such a URL is a source address (:func:`url_problem` finds nothing). The compiled
    reader's quick check of a meeting (``turkicorg-speedups``) asks the same of each source.
    (One URL without a line feed that matches :data:`_PLAIN_URLS` is one of its items: no
    pattern of its own is compiled when the module is imported.)

    >>> plain_url("https://turkicstates.org/en/news/summit"), plain_url("https://ex.org/?q=1")
    (True, False)
    """
    return type(url) is str and "\n" not in url and _PLAIN_URLS.fullmatch(url) is not None


def url_problem(url: object) -> str | None:
    """Why ``url`` is not a source address, or None when it is one.

    A source is an absolute ``http`` or ``https`` URI that parses per RFC 3986: ASCII only
    (write other letters percent-encoded), valid percent-escapes, a host, a numeric port.

    >>> url_problem("https://turkicstates.org/en/page?id=1#top") is None
    True
    >>> url_problem("javascript:alert(1)")
    'a source is an absolute http(s) URL (RFC 3986)'
    >>> url_problem("https://ex.org/%zz")
    'a source is an absolute http(s) URL (RFC 3986)'
    """
    if (
        isinstance(url, str)
        and _SOURCE_URL.fullmatch(url)
        and ("%" not in url or _BAD_ESCAPE.search(url) is None)
    ):
        return None
    return "a source is an absolute http(s) URL (RFC 3986)"


def sources_ok(urls: Iterable[str]) -> bool:
    """True when :func:`url_problem` finds nothing wrong with any of ``urls`` (none: True).

    The check of every meeting read, without a call a URL in Python: one match of them all
    when each has the plainest shape (:data:`_PLAIN_URLS`), else the URL pattern mapped over
    them and the escape check only when a ``%`` occurs.

    >>> sources_ok(("https://turkicstates.org/en/a", "http://example.org/b%20c"))
    True
    >>> sources_ok(("https://turkicstates.org/en/a", "https://ex.org/%zz"))
    False
    """
    try:
        texts = tuple(urls)
        joined = "\n".join(texts)
    except TypeError:  # not an iterable, or an item that is not a str
        return False
    if _PLAIN_URLS.fullmatch(joined) and joined.count("\n") == len(texts) - 1:
        return True  # every one of the plainest shape (one match of them all)
    return all(map(_SOURCE_URL.fullmatch, texts)) and (
        "%" not in joined or not any(map(_BAD_ESCAPE.search, texts))
    )


class Confidence(enum.StrEnum):
    """How well a fact is established.

    ``HIGH``: an official or primary source, or two independent sources agree. ``MEDIUM``: a
    single reliable secondary source, or sources agree on substance but differ on detail.
    ``LOW``: a single weak source, an inference, or conflicting sources; treat as a default.
    """

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


def _texts(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


@attrs.frozen(kw_only=True)
class Alternative:
    """A value reported by another source and not used by the library.

    Attributes:
        field: The field the alternative is for ("start").
        value: The value the other source gives, as text ("2019-09-03").
        sources: Where it is reported.
        note: Why the library does not use it.
    """

    field: str
    value: str
    sources: tuple[str, ...] = attrs.field(default=(), converter=_texts)
    note: str | None = None


def cite(sources: Iterable[str]) -> str:
    """The sentence that cites ``sources`` in an explanation.

    >>> cite(["https://a.example/1", "https://b.example/2"])
    'Sources: https://a.example/1; https://b.example/2.'
    >>> cite([])
    'Sources: none recorded.'
    """
    listed = "; ".join(dict.fromkeys(sources))
    return f"Sources: {listed}." if listed else "Sources: none recorded."


def horizon_note(horizon: dt.date) -> str:
    """The sentence an explanation adds when the day asked about lies after the data horizon.

    >>> import datetime
    >>> print(horizon_note(datetime.date(2026, 3, 21)))
    Beyond the data: the day asked about lies after the data horizon (2026-03-21); events
    after it are not in the data.
    """
    return (
        f"Beyond the data: the day asked about lies after the data horizon "
        f"({horizon.isoformat()}); events after it are not in the data."
    )
