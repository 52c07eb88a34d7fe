"""The rules between the meetings of a registry: unique ids, unique ordinals, known parties."""

from __future__ import annotations

from bisect import bisect_left
from operator import attrgetter
from typing import TYPE_CHECKING, Final

from turkicorg.errors import ErrorDetail
from turkicorg.meetings import Meeting, meeting_problems

if TYPE_CHECKING:
    from collections.abc import Collection, Iterable, Sequence

    from turkicorg.registry.index import SeriesIndex

__all__ = ["fast_check", "registry_problems", "taken"]

_ID: Final = attrgetter("id")
_SERIES_ORDINAL: Final = attrgetter("series_key", "ordinal")


def taken(series: SeriesIndex, meeting: Meeting) -> bool:
    """True when the series of ``meeting`` already has its ordinal."""
    if meeting.ordinal is None or meeting.series_key not in series:
        return False
    ordinals = series[meeting.series_key][0]
    index = bisect_left(ordinals, meeting.ordinal)
    return index < len(ordinals) and ordinals[index] == meeting.ordinal


def fast_check(ordered: Sequence[Meeting]) -> bool:
    """True when ids and (series, ordinal) pairs are unique (cheap: two set builds)."""
    if len(set(map(_ID, ordered))) != len(ordered):
        return False
    numbered = [m for m in ordered if m.ordinal is not None]
    return len(set(map(_SERIES_ORDINAL, numbered))) == len(numbered)


def registry_problems(
    meetings: Iterable[Meeting],
    prefix: str = "$.meetings",
    *,
    parties: Collection[str] | None = None,
) -> list[ErrorDetail]:
    """Every problem of a list of meetings, each located by its position in the list.

    Reports the problems of each meeting on its own (end before start, no source, ...),
    duplicate ids, ordinals repeated within a series and, when ``parties`` is given, party
    ids that are not in it.
    """
    problems: list[ErrorDetail] = []
    seen_ids: dict[str, int] = {}
    seen_ordinals: dict[tuple[str, int], str] = {}
    known = None if parties is None else frozenset(parties)
    for index, meeting in enumerate(meetings):
        path = f"{prefix}[{index}]"
        problems.extend(
            ErrorDetail(f"{path}.{field}", message, value)
            for field, message, value in meeting_problems(meeting)
        )
        if meeting.id in seen_ids:
            problems.append(
                ErrorDetail(
                    f"{path}.id",
                    f"duplicate meeting id (also at index {seen_ids[meeting.id]})",
                    meeting.id,
                )
            )
        else:
            seen_ids[meeting.id] = index
        if meeting.ordinal is not None:
            key = (meeting.series_key, meeting.ordinal)
            if key in seen_ordinals:
                problems.append(
                    ErrorDetail(
                        f"{path}.ordinal",
                        f"ordinal {meeting.ordinal} of series {meeting.series_key!r} is also "
                        f"used by {seen_ordinals[key]!r}",
                        meeting.ordinal,
                    )
                )
            else:
                seen_ordinals[key] = meeting.id
        if known is not None:
            problems.extend(_party_problems(meeting, path, known))
    return problems


def _party_problems(meeting: Meeting, path: str, known: frozenset[str]) -> list[ErrorDetail]:
    references = [
        ("host", meeting.host),
        ("chair", meeting.chair),
        ("initiator", meeting.initiator),
        ("place.country", meeting.place.country if meeting.place else None),
    ]
    references += [
        (f"participants[{j}].party", p.party) for j, p in enumerate(meeting.participants)
    ]
    return [
        ErrorDetail(f"{path}.{field}", f"unknown party id {value!r}", value)
        for field, value in references
        if value is not None and value not in known
    ]
