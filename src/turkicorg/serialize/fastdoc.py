"""The fast path for a registry document in its canonical layout: read meeting by meeting.

:func:`~turkicorg.serialize.dumps` writes a registry as
``{"format":"turkicorg","version":1,"type":"MeetingRegistry","meetings":[...]}`` with no
white space. Text in exactly that layout is read here one meeting at a time: the standard
library's JSON scanner parses one meeting object, the fast path's reader builds the meeting,
and the parsed object is dropped before the next one is parsed. The whole document is never
held as a tree of Python objects (several times the size of the text), which lowers the peak
memory of a large load and keeps the work on each meeting close in memory.

With the compiled reader installed (``turkicorg-speedups``), :func:`fast_registry_data` reads
such a document straight from its UTF-8 bytes (or ASCII text), in C, and declines to this
module's reader whatever it does not expect (see :mod:`~turkicorg.serialize.compiled`).

Anything else declines (None) and goes to the general path, which parses the whole document
and reports every problem: another layout or order of keys, white space, a version to
migrate, malformed JSON, a repeated key, any meeting the reader declines. The scanner is
configured as :func:`~turkicorg.serialize.jsontext.parse` configures the parser (strict
strings, ``NaN`` and ``Infinity`` refused, objects as tuples of pairs), and the reader is the
same, so both paths accept the same documents and build equal registries (a differential
property test checks it).
"""

from __future__ import annotations

import json
from json.scanner import make_scanner
from typing import TYPE_CHECKING, Any, Final

from turkicorg.errors import InvalidDataError
from turkicorg.serialize.common import envelope_head
from turkicorg.serialize.compiled import compiled_reader
from turkicorg.serialize.fastread import FAST_PATH, READ_MEETING, SCAN_DECLINES, build_registry

if TYPE_CHECKING:
    from collections.abc import Callable

    from turkicorg.dates import PartialDate
    from turkicorg.meetings import Meeting, Participant, Place
    from turkicorg.registry import MeetingRegistry

__all__ = ["PREFIX", "fast_registry_data", "fast_registry_text"]

PREFIX: Final = envelope_head("MeetingRegistry") + ',"meetings":['
"""The start of every registry document :func:`~turkicorg.serialize.dumps` writes."""
_END: Final = frozenset(("}", "}\n", "}\r\n"))
_PREFIX_BYTES: Final = PREFIX.encode()
_END_BYTES: Final = frozenset(end.encode() for end in _END)


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


_DECODER: Final[Any] = json.JSONDecoder(object_pairs_hook=tuple, parse_constant=_no_constant)
_scan: Final[Callable[[str, int], tuple[Any, int]]] = make_scanner(_DECODER)


def fast_registry_text(text: str) -> MeetingRegistry | None:
    """The registry of a document in the canonical layout, or None to decline.

    Raises:
        InvalidDataError: Problems between meetings (a duplicate id), as the general path
            raises them.
    """
    read = READ_MEETING
    if read is None or not FAST_PATH.enabled or not text.startswith(PREFIX):
        return None
    dates: dict[str, PartialDate] = {}
    places: dict[Any, Place] = {}
    people: dict[Any, Participant] = {}
    meetings: list[Meeting] = []
    add = meetings.append
    scan = _scan
    index = len(PREFIX)
    try:
        if text[index] == "]":
            index += 1
        else:
            while True:
                item, index = scan(text, index)
                add(read(item, dates, places, people, tuple))
                index += 1
                if text[index - 1] != ",":
                    break
            if text[index - 1] != "]":
                return None
    except SCAN_DECLINES:
        return None
    if text[index:] not in _END:
        return None
    return _registry(meetings)


def fast_registry_data(data: object, max_size: int | None) -> MeetingRegistry | None:
    """The registry of a document in the canonical layout by the compiled reader, or None.

    ``data`` is the document as UTF-8 bytes or ASCII text, within ``max_size``; anything else
    declines, and so does anything the compiled reader declines, or when it is not in use.

    Raises:
        InvalidDataError: Problems between meetings (a duplicate id), as the general path
            raises them.
    """
    read = compiled_reader()
    ends: frozenset[str] | frozenset[bytes]
    if type(data) is bytes:
        head, ends = data.startswith(_PREFIX_BYTES), _END_BYTES
    elif type(data) is str and data.isascii():
        head, ends = data.startswith(PREFIX), _END
    else:
        return None  # the extension reads bytes and ASCII text
    if read is None or not head or (max_size is not None and len(data) > max_size):
        return None
    found = read(data, len(PREFIX))
    if found is None:
        return None
    meetings, index = found
    if data[index:] not in ends:
        return None
    return _registry(meetings)


def _registry(meetings: list[Meeting]) -> MeetingRegistry:
    """The registry of the meetings read; a duplicate id is reported under ``$.meetings``."""
    try:
        return build_registry(tuple(meetings))
    except InvalidDataError as error:
        raise error.prefixed("$.meetings") from None
