"""The optional compiled writer of meetings (the ``turkicorg-speedups`` distribution).

``python -m pip install ./speedups`` (from a checkout; a C compiler is needed) installs the
extension module ``_turkicorg_speedups``. It writes the same bytes as
:mod:`~turkicorg.serialize.fastwrite`'s generated writer, from the objects' slots, in C. It
knows nothing of the model: the writer is made here from the one field table
(:data:`~.fields.MEETING_FIELDS`), and a value it does not expect makes a call return None,
so the pure writer then writes. The output is therefore the pure writer's or nothing (a
differential test holds the two to the same bytes).

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
from turkicorg.meetings import Meeting, Participant, Place
from turkicorg.serialize.common import Switch
from turkicorg.serialize.fastread import FAST_PATH
from turkicorg.serialize.fastwrite import FAILS, escape
from turkicorg.serialize.fields import MEETING_FIELDS, FieldSpec, Kind, field_specs
from turkicorg.sourcing import Alternative

if typing.TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from typing import TypeAlias

    Writer: TypeAlias = Callable[[Iterable[Meeting]], bytes | None]
    """A compiled writer: the meetings' JSON joined with commas, as UTF-8, or None (declined)."""

__all__ = [
    "API",
    "COMPILED",
    "KIND_CODES",
    "MODULE",
    "PURE_ENV",
    "compiled_json",
    "layout",
    "make_writer",
    "speedups_in_use",
]

MODULE: Final = "_turkicorg_speedups"
"""The extension module's name."""
API: Final = 1
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


COMPILED: Final = Switch()
"""The switch of the compiled writer (``COMPILED.enabled``; ``COMPILED.disabled()`` writes with
the pure writer alone inside a ``with`` block: benchmarks, tests)."""


@functools.cache
def _writer() -> Writer | None:
    """The extension's writer, found and made on first use (None: not installed or not used)."""
    if os.environ.get(PURE_ENV) or not FAST_PATH.applies:
        return None
    try:
        module = importlib.import_module(MODULE)
    except ImportError:
        return None
    if getattr(module, "API", None) != API:
        return None  # another version's interface: the pure writer writes
    try:
        return make_writer(module.Writer)
    except (KeyError, TypeError, ValueError, AttributeError):
        return None  # a model the extension cannot write


def speedups_in_use() -> bool:
    """Whether the compiled writer (``turkicorg-speedups``) is installed and used.

    >>> from turkicorg import serialize
    >>> isinstance(serialize.speedups_in_use(), bool)
    True
    """
    return COMPILED.enabled and FAST_PATH.enabled and _writer() is not None


def compiled_json(meetings: Iterable[Meeting]) -> bytes | None:
    """The meetings' JSON joined with commas, as UTF-8, by the compiled writer.

    None when the writer is not used or declines (a value it does not expect); the pure
    writer then writes the same bytes.
    """
    if not (COMPILED.enabled and FAST_PATH.enabled):
        return None
    write = _writer()
    return None if write is None else write(meetings)
