"""The optional compiled writer and reader of meetings (the ``turkicorg-speedups`` distribution).

``python -m pip install ./speedups`` (from a checkout; a C compiler is needed) installs the
extension module ``_turkicorg_speedups``. Its writer writes the same bytes as
:mod:`~turkicorg.serialize.fastwrite`'s generated writer, from the objects' slots, in C. Its
reader builds the same meetings as :mod:`~turkicorg.serialize.fastread`'s generated reader,
from a registry document in the canonical layout, given as UTF-8 bytes or ASCII text: it
checks each value as that reader checks it, sets the slots, and leaves dates, places,
participants and alternatives it does not make itself to that reader's functions. It then
asks :func:`~turkicorg.meetings.plain_meeting`, in C, of the meeting (:data:`PLAIN_CHECK`): a
meeting of that plainest shape is one of which the model's check finds nothing; any other is
checked by the model's own ``__attrs_post_init__``. Both know nothing of the model: they are
made here from the one field table (:data:`~.fields.MEETING_FIELDS`), and anything they do not
expect makes a call return None, so the pure writer writes, or the pure reader reads (and reports
what is wrong). The results are therefore the pure code's or nothing (differential tests hold
the two to the same bytes and the same meetings).

It is used when it is installed with the interface this module was written for
(:data:`API`), the environment variable ``TURKICORG_PURE_PYTHON`` is unset or empty, and the
fast path is enabled; :func:`speedups_in_use` says whether it is. The extension is looked for,
and the environment variable read, once: when a writer first needs it.
"""

from __future__ import annotations

import functools
import importlib
import os
import typing
from typing import Any, Final

from turkicorg.dates import PartialDate
from turkicorg.meetings import Format, Meeting, MeetingKind, Participant, Place
from turkicorg.serialize.common import Switch
from turkicorg.serialize.fastread import FAST_PATH, SCAN_DECLINES
from turkicorg.serialize.fastvalues import PARTICIPANT, PLACE, read_alternatives, read_date
from turkicorg.serialize.fastwrite import FAILS, escape
from turkicorg.serialize.fields import MEETING_FIELDS, FieldSpec, Kind, field_specs
from turkicorg.sourcing import Alternative

if typing.TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from typing import TypeAlias

    Writer: TypeAlias = Callable[[Iterable[Meeting], bytes, bytes], bytes | None]
    """A compiled writer: ``(meetings, head, tail)`` to head, the meetings' JSON joined with
    commas, and tail, as UTF-8; or None (declined)."""
    Reader: TypeAlias = Callable[[bytes | str, int], tuple[list[Meeting], int] | None]
    """A compiled reader: the meetings of the array starting at an index of the text (just
    after its ``[``) and the index after its ``]``, or None (declined)."""

__all__ = [
    "API",
    "COMPILED",
    "KIND_CODES",
    "MODULE",
    "PLAIN_CHECK",
    "PURE_ENV",
    "compiled_json",
    "compiled_reader",
    "layout",
    "make_reader",
    "make_writer",
    "reader_layout",
    "speedups_in_use",
]

MODULE: Final = "_turkicorg_speedups"
"""The extension module's name."""
API: Final = 4
"""The version of the extension's interface this module uses (the module's ``API``)."""
PURE_ENV: Final = "TURKICORG_PURE_PYTHON"
"""The environment variable that, set to anything but the empty string, ignores the extension."""

KIND_CODES: Final[dict[Kind, int]] = {
    Kind.TEXT: 0,
    Kind.OPTIONAL_TEXT: 1,
    Kind.OPTIONAL_INT: 2,
    Kind.CHOICE: 3,
    Kind.DATE: 4,
    Kind.OPTIONAL_DATE: 5,
    Kind.OPTIONAL_PLACE: 6,
    Kind.PARTICIPANTS: 7,
    Kind.TEXTS: 8,
    Kind.ALTERNATIVES: 9,
}
"""The extension's number for each kind of field it writes (the ``K_`` constants in C)."""

PLAIN_CHECK: Final = (
    (
        "id",
        "title",
        "start",
        "end",
        "ordinal",
        "format",
        "place",
        "kind",
        "participants",
        "sources",
        "alternatives",
    ),
    Format.VIDEO,
    MeetingKind.BILATERAL,
)
"""What the reader's quick check (:func:`~turkicorg.meetings.plain_meeting` in C) asks about:
the fields, in the order the C code names them (``P_ID`` to ``P_ALTERNATIVES``), the format
of a video conference and the kind of a bilateral meeting."""


def layout(cls: type, specs: tuple[FieldSpec, ...]) -> tuple[type, tuple[tuple[Any, ...], ...]]:
    """A class's fields as the extension takes them.

    ``(cls, ((name, '"name":', kind code, required, default, choices or None), ...))``, the
    choices mapping each enumeration member to its JSON text (as the pure writer's).

    Raises:
        KeyError: A field has a kind the extension does not write.
    """
    return (
        cls,
        tuple(
            (
                spec.name,
                escape(spec.name) + ":",
                KIND_CODES[spec.kind],
                spec.required,
                None if spec.required else spec.default,
                {member: escape(value) for value, member in spec.choices.items()}
                if spec.kind is Kind.CHOICE
                else None,
            )
            for spec in specs
        ),
    )


def make_writer(factory: Callable[..., Any]) -> Writer:
    """The extension's writer (``factory`` is its ``Writer`` class) made for the model.

    Raises:
        KeyError: A field has a kind the extension does not write.
        TypeError, ValueError, AttributeError: The extension refuses the layout (a field that
            is not a slot, or not an attribute of its class; a kind it does not write there).
    """
    writer: Writer = factory(
        meeting=layout(Meeting, MEETING_FIELDS),
        place=layout(Place, field_specs(Place)),
        participant=layout(Participant, field_specs(Participant)),
        alternative=layout(Alternative, field_specs(Alternative)),
        date=PartialDate,
        fails=FAILS,
    )
    return writer


def reader_layout(
    cls: type, specs: tuple[FieldSpec, ...]
) -> tuple[type, tuple[tuple[Any, ...], ...]]:
    """A class's fields as the extension's reader takes them.

    ``(cls, ((name, kind code, required, default, choices or None), ...))``, the choices
    mapping each JSON value to its enumeration member (as the pure reader's). A field whose
    key is absent takes its default (None where absent means None).

    Raises:
        KeyError: A field has a kind the extension does not read.
    """
    return (
        cls,
        tuple(
            (
                spec.name,
                KIND_CODES[spec.kind],
                spec.required,
                None if spec.required else spec.default,
                dict(spec.choices) if spec.kind is Kind.CHOICE else None,
            )
            for spec in specs
        ),
    )


def make_reader(factory: Callable[..., Any]) -> Reader:
    """The extension's reader (``factory`` is its ``Reader`` class) made for the model.

    It is handed the model's ``__attrs_post_init__`` and the pure reader's functions as they
    are when it is made (the pure reader is made from them when its module is imported), and
    :data:`PLAIN_CHECK`: it calls ``__attrs_post_init__`` on every meeting that is not of
    the plainest shape.

    Raises:
        KeyError: A field has a kind the extension does not read.
        TypeError, ValueError, AttributeError: The extension refuses the layout.
    """
    reader: Reader = factory(
        meeting=reader_layout(Meeting, MEETING_FIELDS),
        post_init=getattr(Meeting, "__attrs_post_init__", None),
        date=PartialDate,
        read_date=read_date,
        place=PLACE.shared,
        participant=PARTICIPANT.shared,
        alternatives=read_alternatives,
        declines=SCAN_DECLINES,
        plain=PLAIN_CHECK,
    )
    return reader


COMPILED: Final = Switch()
"""The switch of the compiled writer and reader (``COMPILED.enabled``; ``COMPILED.disabled()``
writes and reads with the pure code alone inside a ``with`` block: benchmarks, tests)."""


@functools.cache
def _module() -> Any:
    """The extension module, found on first use (None: not installed or not used)."""
    if os.environ.get(PURE_ENV) or not FAST_PATH.applies:
        return None
    try:
        module = importlib.import_module(MODULE)
    except ImportError:
        return None
    if getattr(module, "API", None) != API:
        return None  # another version's interface: the pure code reads and writes
    return module


def _made(make: Callable[[Callable[..., Any]], Any], name: str) -> Any:
    """``make`` given the extension's class ``name``, or None.

    None when the extension is not installed or not used, or refuses the model.
    """
    module = _module()
    if module is None:
        return None
    try:
        return make(getattr(module, name))
    except (KeyError, TypeError, ValueError, AttributeError):
        return None  # a model the extension cannot read or write


@functools.cache
def _writer() -> Writer | None:
    """The extension's writer, made on first use (None: not installed or not used)."""
    writer: Writer | None = _made(make_writer, "Writer")
    return writer


@functools.cache
def _reader() -> Reader | None:
    """The extension's reader, made on first use (None: not installed or not used)."""
    reader: Reader | None = _made(make_reader, "Reader")
    return reader


def compiled_reader() -> Reader | None:
    """The compiled reader, when it is installed, switched on and able to read the model."""
    if not (COMPILED.enabled and FAST_PATH.enabled):
        return None
    return _reader()


def speedups_in_use() -> bool:
    """Whether the compiled writer (``turkicorg-speedups``) is installed and used.

    >>> from turkicorg import serialize
    >>> isinstance(serialize.speedups_in_use(), bool)
    True
    """
    return COMPILED.enabled and FAST_PATH.enabled and _writer() is not None


def compiled_json(
    meetings: Iterable[Meeting], head: bytes = b"", tail: bytes = b""
) -> bytes | None:
    """The meetings' JSON joined with commas, as UTF-8, by the compiled writer.

    ``head`` and ``tail`` (a document's envelope) are written before and after it, in the
    same buffer, so the document is never copied. None when the writer is not used or
    declines (a value it does not expect); the pure writer then writes the same bytes.
    """
    if not (COMPILED.enabled and FAST_PATH.enabled):
        return None
    write = _writer()
    return None if write is None else write(meetings, head, tail)
