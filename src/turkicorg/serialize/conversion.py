"""The one converter for every turkicorg type, and plain data in and out.

Strict: a wrong type is an error, never a silent conversion; unknown keys are errors;
defaults are omitted when writing. Every attrs class an
:class:`~turkicorg.Organization` or a :class:`~turkicorg.MeetingRegistry` can hold is a
document type (:data:`DOCUMENT_TYPES`).
"""

from __future__ import annotations

import datetime as dt
import enum
import typing
from typing import Any, Final, TypeVar

import attrs
import cattrs

from turkicorg.dates import PartialDate
from turkicorg.errors import ErrorDetail, InvalidDataError, TurkicOrgError
from turkicorg.meetings import Body, Meeting
from turkicorg.registry import MeetingRegistry
from turkicorg.serialize.common import gc_paused
from turkicorg.serialize.doctypes import DOCUMENT_TYPES, check_type, model_types
from turkicorg.serialize.fastread import build_registry, fast_meetings
from turkicorg.serialize.hooks import (
    attrs_hook_factory,
    is_homogeneous_tuple,
    locate,
    tuple_hook_factory,
    tuple_unstructure,
    unstructure_attrs_factory,
)
from turkicorg.serialize.scalars import SCALAR_HOOKS, enum_hook, enum_value

__all__ = [
    "DOCUMENT_TYPES",
    "check_type",
    "converter",
    "make_converter",
    "strict_meetings",
    "structure",
    "unstructure",
]

T = TypeVar("T")


def _is_enum(tp: object) -> bool:
    return isinstance(tp, type) and issubclass(tp, enum.Enum)


def _register_scalars(conv: cattrs.Converter) -> None:
    # cattrs' own hooks for str and int call str() and int(): they convert, not validate.
    # These replace them; each enumeration of the model gets its own hook below, which
    # wins over the one for str for StrEnum fields.
    for scalar, hook in SCALAR_HOOKS.items():
        conv.register_structure_hook(scalar, hook)
    conv.register_unstructure_hook(dt.date, dt.date.isoformat)
    conv.register_unstructure_hook(PartialDate, str)
    conv.register_structure_hook_factory(_is_enum, enum_hook)
    for enum_type in model_types()[1]:
        # Per class: cattrs would otherwise send a StrEnum to its hooks for str (lenient when
        # reading; the member itself, not its value, when writing).
        conv.register_structure_hook(enum_type, enum_hook(enum_type))
        conv.register_unstructure_hook(enum_type, enum_value)
    conv.register_unstructure_hook_factory(_is_enum, lambda _t: enum_value)
    conv.register_unstructure_hook(Body, enum_value)


def make_converter() -> cattrs.Converter:
    """Build the converter used for every turkicorg type.

    Strict: a wrong type is an error, never a silent conversion (``5`` is not a string,
    ``"AZE"`` is not a list); unknown keys are errors; defaults are omitted when writing.
    A :class:`~turkicorg.MeetingRegistry` is structured from an array of meetings by a fast
    path that falls back on this strict converter to locate problems.
    """
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    _register_scalars(conv)
    conv.register_structure_hook_factory(is_homogeneous_tuple, tuple_hook_factory(conv))
    conv.register_unstructure_hook_factory(
        is_homogeneous_tuple,
        lambda t: tuple_unstructure(conv, typing.get_args(t)[0]),
    )

    def structure_registry(value: object, _: type) -> MeetingRegistry:
        meetings = fast_meetings(value)
        if meetings is None:
            meetings = conv.structure(value, tuple[Meeting, ...])
        return build_registry(meetings)

    conv.register_structure_hook(MeetingRegistry, structure_registry)
    conv.register_unstructure_hook(
        MeetingRegistry, lambda reg: [conv.unstructure(m, Meeting) for m in reg]
    )
    conv.register_structure_hook_factory(attrs.has, attrs_hook_factory(conv))
    conv.register_unstructure_hook_factory(attrs.has, unstructure_attrs_factory(conv))
    return conv


converter: Final = make_converter()
"""The one converter for every turkicorg type."""


def strict_meetings(value: object) -> tuple[Meeting, ...]:
    """The meetings of an array by the strict converter alone (every problem located)."""
    return converter.structure(value, tuple[Meeting, ...])


def structure(data: object, cls: type[T]) -> T:
    """Turn plain data (dicts, lists, strings) into ``cls``.

    Raises:
        InvalidDataError: Every problem, with its path.
    """
    try:
        with gc_paused:
            return converter.structure(data, cls)
    except InvalidDataError:
        raise
    except RecursionError:
        raise InvalidDataError.single("$", "data nested too deeply", None) from None
    except MemoryError:
        raise InvalidDataError.single("$", "data too large for memory", None) from None
    except Exception as error:  # noqa: BLE001 - no input may crash the library
        problems: list[ErrorDetail] = []
        locate(error, "$", problems)
        raise InvalidDataError(problems) from None


def unstructure(obj: object) -> Any:
    """Turn a turkicorg object into plain data, defaults omitted.

    Raises:
        InvalidDataError: ``obj`` holds a value its field's type cannot have (an object built
            in Python with a wrong type, such as a participant given as a place).
    """
    try:
        return converter.unstructure(obj)
    except TurkicOrgError:
        raise
    except (AttributeError, TypeError, ValueError) as error:
        raise InvalidDataError.single("$", f"cannot be written: {error}", None) from None
