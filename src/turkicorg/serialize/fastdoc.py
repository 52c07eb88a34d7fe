"""The fast path for a registry document in its canonical layout: read meeting by meeting.

:func:`~turkicorg.serialize.dumps` writes a registry as
``{"format":"turkicorg","version":1,"type":"MeetingRegistry","meetings":[...]}`` with no
white space. Text in exactly that layout is read here one meeting at a time: the standard
library's JSON scanner parses one meeting object, the fast path's reader builds the meeting,
and the parsed object is dropped before the next one is parsed. The whole document is never
held as a tree of Python objects (several times the size of the text), which lowers the peak
memory of a large load and keeps the work on each meeting close in memory.

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
from turkicorg.serialize.fastread import DECLINES, FAST_PATH, READ_MEETING, build_registry

if TYPE_CHECKING:
    from collections.abc import Callable

    from turkicorg.dates import PartialDate
    from turkicorg.meetings import Meeting, Participant, Place
    from turkicorg.registry import MeetingRegistry

__all__ = ["PREFIX", "fast_registry_text"]

PREFIX: Final = envelope_head("MeetingRegistry") + ',"meetings":['
"""The start of every registry document :func:`~turkicorg.serialize.dumps` writes."""
_END: Final = frozenset(("}", "}\n", "}\r\n"))


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


_DECODER: Final[Any] = json.JSONDecoder(object_pairs_hook=tuple, parse_constant=_no_constant)
_scan: Final[Callable[[str, int], tuple[Any, int]]] = make_scanner(_DECODER)
_STOPS: Final = (StopIteration, RecursionError, MemoryError, IndexError, *DECLINES)


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
    except _STOPS:
        return None
    if text[index:] not in _END:
        return None
    try:
        return build_registry(tuple(meetings))
    except InvalidDataError as error:
        raise error.prefixed("$.meetings") from None
