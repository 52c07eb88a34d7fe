r"""Lists in one CSV cell: items joined with ``;``, with a backslash escape.

The tidy CSV (:mod:`turkicorg.export.csvfmt`) writes a list (topics, source URLs, party ids)
as its items joined with ``;``. Inside an item, a ``;`` is written ``\;`` and a backslash
``\\``; an item that is a missing value (None, in the columns that allow one) is written
``\N``, as in PostgreSQL's ``COPY`` text format. Nothing else follows a backslash.

>>> cell = join_items(["Role of the OTS; Vision 2040", "Trade"])
>>> cell
'Role of the OTS\\; Vision 2040;Trade'
>>> split_items(cell)
['Role of the OTS; Vision 2040', 'Trade']
>>> join_items(["KZ", None, "a\\b"]), split_items("KZ;\\N;a\\\\b")
('KZ;\\N;a\\\\b', ['KZ', None, 'a\\b'])

When no item holds a ``;`` or a backslash (every party id, most topics), a plain split on
``;`` gives the items, in any tool: ``df["topics"].str.split(";")`` in pandas,
``strsplit(x, ";")`` in R; :func:`split_items` reads every cell.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["MISSING_ITEM", "SEPARATOR", "join_items", "split_items"]

SEPARATOR: Final = ";"
"""What separates the items of a list cell."""
MISSING_ITEM: Final = "\\N"
"""How an item that is a missing value (None) is written."""

_TOKEN: Final = re.compile(r"\\(.)|;|[^\\;]+|\\", re.DOTALL)


def _escape(item: str | None) -> str:
    if item is None:
        return MISSING_ITEM
    return item.replace("\\", "\\\\").replace(";", "\\;")


def join_items(items: Iterable[str | None]) -> str:
    r"""The items as one text: each escaped, joined with ``;`` (None as ``\N``)."""
    return SEPARATOR.join(_escape(item) for item in items)


class _Item:
    """The item being read: its pieces, or the mark that it is missing."""

    __slots__ = ("missing", "pieces")

    def __init__(self) -> None:
        self.pieces: list[str] = []
        self.missing = False

    def add(self, piece: str) -> None:
        if self.missing:
            raise ValueError("\\N stands for a whole item, not for a part of one")
        self.pieces.append(piece)

    def mark_missing(self) -> None:
        if self.missing or self.pieces:
            raise ValueError("\\N stands for a whole item, not for a part of one")
        self.missing = True

    def value(self) -> str | None:
        return None if self.missing else "".join(self.pieces)


def split_items(text: str) -> list[str | None]:
    r"""The items of a text written by :func:`join_items` (at least one item).

    Raises:
        ValueError: A backslash followed by anything but ``\``, ``;`` or a whole-item ``N``.
    """
    items: list[str | None] = []
    current = _Item()
    for token in _TOKEN.finditer(text):
        piece = token.group()
        if piece == SEPARATOR:
            items.append(current.value())
            current = _Item()
        elif piece[0] != "\\":
            current.add(piece)
        elif piece == MISSING_ITEM:
            current.mark_missing()
        elif piece in ("\\\\", "\\;"):
            current.add(piece[1])
        else:
            raise ValueError(
                f"a backslash in a list is followed by \\, ; or a whole-item N, not {piece!r}"
            )
    items.append(current.value())
    return items
