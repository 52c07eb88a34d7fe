"""Writing the timeline picture to a file, through the one atomic writer."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from turkicorg.fileio import write_atomic
from turkicorg.timeline.render import render_timeline

if TYPE_CHECKING:
    import os

    from turkicorg.organization import Organization
    from turkicorg.timeline.layout import DateLike

__all__ = ["write_timeline"]


def write_timeline(
    org: Organization,
    path: str | os.PathLike[str],
    *,
    start: DateLike = None,
    end: DateLike = None,
    title: str | None = None,
) -> Path:
    """Render the timeline (see :func:`render_timeline`) and write it to ``path`` atomically.

    The picture is written with :func:`turkicorg.fileio.write_atomic`: to a new file in the
    same folder, moved over ``path`` in one step, so readers see the old file or the new one,
    never half of one. A symbolic link is written through: the file it points to is replaced
    and the link stays, as for every other file turkicorg writes.

    Returns:
        The path written.

    Raises:
        MissingExtraError: matplotlib is not installed.
        DataFileError: The file cannot be written; ``path`` is left as it was (an OSError).
    """
    target = Path(path)
    write_atomic(target, render_timeline(org, start=start, end=end, title=title).encode("utf-8"))
    return target
