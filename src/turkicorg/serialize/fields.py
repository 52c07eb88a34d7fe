"""The one table of a meeting's fields, read from ``attrs.fields(Meeting)``.

The converter, the fast path (reading and writing), the CSV columns and the JSON Schema all
read the fields of :class:`~turkicorg.Meeting` from here, so a field added to the class is
added everywhere at once. Each field is classified by its type into a :class:`Kind`, which
says how its value is written in JSON:

>>> [f.name for f in MEETING_FIELDS][:5]
['id', 'body', 'kind', 'title', 'start']
>>> MEETING_FIELDS[0].kind, MEETING_FIELDS[4].kind
(<Kind.TEXT: 'text'>, <Kind.DATE: 'date'>)
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import Any, Final

import attrs

from turkicorg.dates import PartialDate
from turkicorg.meetings import Meeting, Participant, Place
from turkicorg.serialize.scalars import choices_of, enums_of
from turkicorg.sourcing import Alternative

__all__ = [
    "MEETING_FIELDS",
    "MEETING_FIELD_NAMES",
    "NESTED_KINDS",
    "FieldSpec",
    "Kind",
    "field_specs",
    "kind_of",
]


class Kind(enum.Enum):
    """How a field's value is written in JSON (and in a CSV cell)."""

    TEXT = "text"
    """A string."""
    OPTIONAL_TEXT = "optional text"
    """A string or null."""
    OPTIONAL_INT = "optional int"
    """An integer or null."""
    CHOICE = "choice"
    """The value of an enumeration member (or of a union of enumerations)."""
    DATE = "date"
    """A partial date: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""
    OPTIONAL_DATE = "optional date"
    """A partial date or null."""
    OPTIONAL_PLACE = "optional place"
    """A :class:`~turkicorg.Place` object or null."""
    PARTICIPANTS = "participants"
    """An array of :class:`~turkicorg.Participant` objects."""
    TEXTS = "texts"
    """An array of strings."""
    ALTERNATIVES = "alternatives"
    """An array of :class:`~turkicorg.Alternative` objects."""
    OTHER = "other"
    """A type none of the above describes (the fast path then stands aside)."""


NESTED_KINDS: Final = frozenset(
    (Kind.OPTIONAL_PLACE, Kind.PARTICIPANTS, Kind.TEXTS, Kind.ALTERNATIVES, Kind.OTHER)
)
"""Kinds whose values are JSON arrays or objects (compact JSON in a CSV cell)."""

_NONE: Final = type(None)
_SIMPLE: Final[dict[Any, Kind]] = {
    str: Kind.TEXT,
    str | None: Kind.OPTIONAL_TEXT,
    int | None: Kind.OPTIONAL_INT,
    PartialDate: Kind.DATE,
    PartialDate | None: Kind.OPTIONAL_DATE,
    Place | None: Kind.OPTIONAL_PLACE,
    tuple[Participant, ...]: Kind.PARTICIPANTS,
    tuple[str, ...]: Kind.TEXTS,
    tuple[Alternative, ...]: Kind.ALTERNATIVES,
}


def kind_of(tp: Any) -> Kind:
    """The kind of a field of type ``tp`` (:attr:`Kind.OTHER` for a type not listed)."""
    try:
        found = _SIMPLE.get(tp)
    except TypeError:  # an unhashable annotation
        found = None
    if found is not None:
        return found
    return Kind.CHOICE if enums_of(tp) else Kind.OTHER


@attrs.frozen
class FieldSpec:
    """One field of a class as the interchange formats see it.

    Attributes:
        name: The field's name, which is also its JSON key and CSV column.
        kind: How its value is written.
        default: Its default value; ``attrs.NOTHING`` for a required field, an
            ``attrs.Factory`` for a default made by a function.
        choices: For :attr:`Kind.CHOICE`, the members by value; empty otherwise.
    """

    name: str
    kind: Kind
    default: object
    choices: Mapping[str, Any] = attrs.field(factory=dict, eq=False)

    @property
    def required(self) -> bool:
        """True when the field has no default (its key must be present)."""
        return self.default is attrs.NOTHING


def field_specs(cls: type) -> tuple[FieldSpec, ...]:
    """The fields of an attrs class that its constructor takes, in declaration order."""
    attrs.resolve_types(cls)
    return tuple(
        FieldSpec(field.name, kind_of(field.type), field.default, choices_of(field.type))
        for field in attrs.fields(cls)
        if field.init
    )


MEETING_FIELDS: Final = field_specs(Meeting)
"""The fields of a :class:`~turkicorg.Meeting`, in order: the one table the formats read."""
MEETING_FIELD_NAMES: Final = tuple(spec.name for spec in MEETING_FIELDS)
"""The names of :data:`MEETING_FIELDS`: JSON keys, CSV columns."""
