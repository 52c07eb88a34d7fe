"""How facts carry their evidence: sources, confidence and alternative reports."""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable

__all__ = ["Alternative", "Confidence", "cite", "horizon_note"]


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


def cite(sources: Iterable[str]) -> str:
    """The sentence that cites ``sources`` in an explanation.

    >>> cite(["https://a.example/1", "https://b.example/2"])
    'Sources: https://a.example/1; https://b.example/2.'
    >>> cite([])
    'Sources: none recorded.'
    """
    listed = "; ".join(dict.fromkeys(sources))
    return f"Sources: {listed}." if listed else "Sources: none recorded."


def horizon_note(horizon: dt.date) -> str:
    """The sentence an explanation adds when the day asked about lies after the data horizon.

    >>> import datetime
    >>> print(horizon_note(datetime.date(2026, 3, 21)))
    Beyond the data: the day asked about lies after the data horizon (2026-03-21); events
    after it are not in the data.
    """
    return (
        f"Beyond the data: the day asked about lies after the data horizon "
        f"({horizon.isoformat()}); events after it are not in the data."
    )
