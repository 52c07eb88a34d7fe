"""The document types: every attrs class an Organization or a MeetingRegistry can hold.

Found by walking the fields' types from :class:`~turkicorg.Organization` and
:class:`~turkicorg.MeetingRegistry`, so a class added to the model is a document type at once.
The strict converter (:mod:`~turkicorg.serialize.conversion`) registers its hooks for them and
the quick path (:mod:`~turkicorg.serialize.quickread`) reads only them; neither imports the
other, and this module imports no cattrs, so documents are named and checked without it
(the converter is imported only when a document needs it).
"""

from __future__ import annotations

import enum
import typing
from typing import Any, Final

import attrs

from turkicorg.dates import PartialDate
from turkicorg.errors import UnsupportedTypeError
from turkicorg.meetings import Meeting
from turkicorg.organization import Organization
from turkicorg.registry import MeetingRegistry

if typing.TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["DOCUMENT_TYPES", "check_type", "model_types"]


def model_types() -> tuple[list[type], list[type[enum.Enum]]]:
    """The attrs classes (MeetingRegistry included) and the enumerations of the model.

    Everything an Organization or a MeetingRegistry can hold, each sorted by name.
    """
    classes: dict[str, type] = {}
    enums: dict[str, type[enum.Enum]] = {}
    pending: list[Any] = [Organization, MeetingRegistry]
    while pending:
        tp = pending.pop()
        if tp is MeetingRegistry:
            classes["MeetingRegistry"] = MeetingRegistry
            pending.append(Meeting)
        elif isinstance(tp, type) and issubclass(tp, enum.Enum):
            enums[tp.__name__] = tp
        elif isinstance(tp, type) and attrs.has(tp) and tp is not PartialDate:
            if tp.__name__ not in classes:
                classes[tp.__name__] = tp
                attrs.resolve_types(tp)
                pending.extend(f.type for f in attrs.fields(tp) if f.init)
        else:
            pending.extend(typing.get_args(tp))
    return [classes[k] for k in sorted(classes)], [enums[k] for k in sorted(enums)]


DOCUMENT_TYPES: Final[Mapping[str, type]] = {cls.__name__: cls for cls in model_types()[0]}
"""The classes a document can hold, by the name written in its ``type``."""


def check_type(cls: object) -> None:
    """Refuse a class that is not a document type.

    Raises:
        UnsupportedTypeError: ``cls`` is not one of :data:`DOCUMENT_TYPES`.
    """
    if not isinstance(cls, type) or DOCUMENT_TYPES.get(cls.__name__) is not cls:
        raise UnsupportedTypeError(cls, DOCUMENT_TYPES)
