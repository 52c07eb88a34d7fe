"""Text folding shared by lookups and alphabetical orders."""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING, Final, TypeVar

from turkicorg.errors import UnknownNameError

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

__all__ = ["choose", "english_key", "fold"]

T = TypeVar("T")

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


def choose(what: str, value: object, names: Mapping[str, T], *, shown: Sequence[str]) -> T:
    """The option a user-given name stands for, in any case and with or without accents.

    Args:
        what: What is chosen, for the error ("organ").
        value: What the user gave.
        names: Every accepted name (codes, English names, other names) and its option.
        shown: The choices the error lists.

    Raises:
        UnknownNameError: Nothing matches; close matches are suggested (a ``ValueError``).

    >>> choose("colour", "RED", {"red": 1, "green": 2}, shown=["red", "green"])
    1
    >>> choose("colour", "gren", {"red": 1, "green": 2}, shown=["red", "green"])
    Traceback (most recent call last):
    ...
    turkicorg.errors.UnknownNameError: unknown colour: 'gren'; did you mean green? (choose ...
    """
    folded = {fold(name): option for name, option in names.items()}
    display = {fold(name): name for name in names}
    if isinstance(value, str) and fold(value) in folded:
        return folded[fold(value)]
    key = fold(value) if isinstance(value, str) else ""
    import difflib  # noqa: PLC0415 - only for suggestions (start-up time)

    close = difflib.get_close_matches(key, list(folded), n=3, cutoff=0.6) if key else []
    if not isinstance(value, str):
        what = f"{what} (expected text, got {type(value).__name__})"
    raise UnknownNameError(what, value, shown, [display[c] for c in close])
