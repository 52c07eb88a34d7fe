"""Text folding shared by lookups and alphabetical orders."""

from __future__ import annotations

import unicodedata
from typing import Final

__all__ = ["english_key", "fold"]

# Letters that Unicode does not decompose into a base letter plus a mark.
_SPECIAL: Final = str.maketrans(
    {"ı": "i", "İ": "I", "ə": "e", "Ə": "E", "ß": "ss", "ø": "o", "Ø": "O", "đ": "d", "ł": "l"}
)


def fold(text: str) -> str:
    """Case- and accent-insensitive form of ``text`` with white space collapsed.

    >>> fold("  Türkiye ")
    'turkiye'
    >>> fold("Azərbaycan İSTANBUL")
    'azerbaycan istanbul'
    """
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.casefold().split())


def english_key(text: str) -> str:
    """The English collation key of a name: folded, with a leading "the" ignored.

    >>> english_key("The Kyrgyz Republic")
    'kyrgyz republic'
    """
    return fold(text).removeprefix("the ")
