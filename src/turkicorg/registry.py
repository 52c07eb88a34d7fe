"""The meeting registry: an immutable, sorted collection of meetings with indexes."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from turkicorg.errors import ErrorDetail, InvalidDataError, UnknownMeetingError
from turkicorg.meetings import Meeting

__all__ = ["MeetingRegistry"]


class MeetingRegistry:
    """An immutable collection of meetings sorted by earliest start, then id.

    Args:
        meetings: The meetings, in any order.

    Raises:
        InvalidDataError: Two meetings share an id, or one series repeats an ordinal.
    """

    __slots__ = ("_by_id", "_meetings")

    def __init__(self, meetings: Iterable[Meeting] = ()) -> None:
        ordered = tuple(sorted(meetings, key=lambda m: (m.earliest, m.id)))
        problems = registry_problems(ordered)
        if problems:
            raise InvalidDataError(problems)
        self._meetings = ordered
        self._by_id = {m.id: m for m in ordered}

    def __iter__(self) -> Iterator[Meeting]:
        return iter(self._meetings)

    def __len__(self) -> int:
        return len(self._meetings)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, MeetingRegistry):
            return NotImplemented
        return self._meetings == other._meetings

    def __hash__(self) -> int:
        return hash(self._meetings)

    def __repr__(self) -> str:
        return f"<MeetingRegistry of {len(self)} meetings>"

    @property
    def meetings(self) -> tuple[Meeting, ...]:
        """The meetings, sorted by earliest start, then id."""
        return self._meetings

    def get(self, meeting_id: str) -> Meeting:
        """Return the meeting with this id.

        Raises:
            UnknownMeetingError: No meeting has that id.
        """
        try:
            return self._by_id[meeting_id]
        except KeyError:
            raise UnknownMeetingError(meeting_id) from None


def registry_problems(meetings: Iterable[Meeting], prefix: str = "$.meetings") -> list[ErrorDetail]:
    """Every problem between meetings (duplicate ids, repeated ordinals in a series)."""
    problems: list[ErrorDetail] = []
    seen_ids: dict[str, int] = {}
    seen_ordinals: dict[tuple[str, int], str] = {}
    for index, meeting in enumerate(meetings):
        if meeting.id in seen_ids:
            problems.append(
                ErrorDetail(
                    f"{prefix}[{index}].id",
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
                        f"{prefix}[{index}].ordinal",
                        f"ordinal {meeting.ordinal} of series {meeting.series_key!r} is also "
                        f"used by {seen_ordinals[key]!r}",
                        meeting.ordinal,
                    )
                )
            else:
                seen_ordinals[key] = meeting.id
    return problems
