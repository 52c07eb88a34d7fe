"""What every part of the interchange shares: the envelope, the size limits, error locations.

Also the pause of the cyclic garbage collector used during bulk work (:data:`gc_paused`), and
the switch of the fast paths (:class:`Switch`).
"""

from __future__ import annotations

import contextlib
import gc
import json
import re
import threading
import typing
from typing import Final

from turkicorg.errors import InvalidDataError

if typing.TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = [
    "DEFAULT_MAX_LINE_SIZE",
    "DEFAULT_MAX_SIZE",
    "ENVELOPE",
    "FORMAT",
    "VERSION",
    "GcPause",
    "Reject",
    "Switch",
    "bad_text",
    "envelope_head",
    "fail",
    "find_surrogate",
    "gc_paused",
    "key_path",
    "type_name",
]


class Reject(Exception):  # noqa: N818 - a control-flow signal, never seen by users
    """A quick or fast path declines the input; the strict path takes over."""


class Switch:
    """Whether a path is used: ``enabled``, and ``disabled()`` for a ``with`` block.

    The fast paths' switches (benchmarks and tests turn them off to measure or pin the path
    behind them).
    """

    __slots__ = ("enabled",)

    def __init__(self, *, enabled: bool = True) -> None:
        self.enabled = enabled

    @contextlib.contextmanager
    def disabled(self) -> Iterator[None]:
        """Switched off inside the ``with`` block, and back as it was after it."""
        before, self.enabled = self.enabled, False
        try:
            yield
        finally:
            self.enabled = before


FORMAT: Final = "turkicorg"
"""The ``format`` value of every turkicorg document."""
VERSION: Final = 1
"""The newest format version this release writes and reads."""
DEFAULT_MAX_SIZE: Final = 128 * 1024 * 1024
"""The largest document :func:`loads` and :func:`load` accept by default: 128 MiB.

About 250,000 meetings. Parsing JSON into Python objects takes several times the size of the
text in memory; pass ``max_size=None`` to lift the limit, or stream large registries as JSON
Lines (:func:`dump_lines`, :func:`iter_load`).
"""
DEFAULT_MAX_LINE_SIZE: Final = 1024 * 1024
"""The longest line :func:`iter_load` and :func:`load_lines` accept by default: 1 MiB."""
ENVELOPE: Final = ("format", "version", "type")
"""The keys of the envelope every document starts with."""

_IDENTIFIER: Final = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
find_surrogate: Final = re.compile("[\ud800-\udfff]").search
"""The first lone surrogate in a text (``re.Match``), or None: text that is not Unicode."""
_TYPE_NAMES: Final[dict[type, str]] = {
    dict: "object",
    list: "array",
    str: "string",
    bool: "boolean",
    int: "integer",
    float: "number",
    type(None): "null",
}


def type_name(value: object) -> str:
    """The JSON name of the type of a parsed value ("object", "array", "string"...)."""
    return _TYPE_NAMES.get(type(value), type(value).__name__)


def fail(message: str, value: object) -> InvalidDataError:
    """An error with one problem at the root (``$``); callers move it where it belongs."""
    return InvalidDataError.single("$", message, value)


def key_path(path: str, key: object) -> str:
    """``$.name`` for identifier keys, ``$["odd key"]`` for any other key."""
    if isinstance(key, str) and _IDENTIFIER.fullmatch(key):
        return f"{path}.{key}"
    return f"{path}[{json.dumps(str(key))}]"


def bad_text(value: object) -> bool:
    """True unless ``value`` is a str holding valid Unicode (no lone surrogate)."""
    if type(value) is not str:
        return True
    return not value.isascii() and find_surrogate(value) is not None


def envelope_head(type_name: str) -> str:
    """The start of a document's text, up to (not including) its fields and closing brace."""
    return f'{{"format":"{FORMAT}","version":{VERSION},"type":"{type_name}"'


class GcPause:
    """Pause the cyclic garbage collector during bulk work (thread-safe, nestable).

    Parsing and building 100,000 meetings allocates millions of objects and no reference
    cycles; with the collector running, most of the time goes into repeated scans of the new
    objects. The collector's previous state is restored when the last pause ends.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._depth = 0
        self._was_enabled = False

    def __enter__(self) -> None:
        with self._lock:
            if self._depth == 0:
                self._was_enabled = gc.isenabled()
                gc.disable()
            self._depth += 1

    def __exit__(self, *_: object) -> None:
        with self._lock:
            self._depth -= 1
            if self._depth == 0 and self._was_enabled:
                gc.enable()


gc_paused: Final = GcPause()
"""The one pause every bulk operation of turkicorg shares (``with gc_paused: ...``)."""
