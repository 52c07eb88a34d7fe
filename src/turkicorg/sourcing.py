"""How facts carry their evidence: sources, confidence and alternative reports."""

from __future__ import annotations

import enum

import attrs

__all__ = ["Alternative", "Confidence"]


class Confidence(enum.StrEnum):
    """How well a fact is established.

    ``HIGH``: an official or primary source, or two independent sources agree. ``MEDIUM``: a
    single reliable secondary source, or sources agree on substance but differ on detail.
    ``LOW``: a single weak source, an inference, or conflicting sources; treat as a default.
    """

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


@attrs.frozen(kw_only=True)
class Alternative:
    """A value reported by another source and not used by the library.

    Attributes:
        field: The field the alternative is for ("start").
        value: The value the other source gives, as text ("2019-09-03").
        sources: Where it is reported.
        note: Why the library does not use it.
    """

    field: str
    value: str
    sources: tuple[str, ...] = ()
    note: str | None = None
