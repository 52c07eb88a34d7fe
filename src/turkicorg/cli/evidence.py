"""How current an answer is and what it rests on: the data-horizon note and ``--sources``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from turkicorg import dates

if TYPE_CHECKING:
    import argparse
    import datetime as dt
    from collections.abc import Iterable

    from turkicorg.cli.output import Console
    from turkicorg.record import OrganizationRecord
    from turkicorg.sourcing import Alternative

__all__ = ["add_sources", "note_horizon", "source_lines"]


def add_sources(parser: argparse.ArgumentParser) -> None:
    """``--sources``: print the URLs behind each line, with alternatives and their sources."""
    parser.add_argument(
        "--sources",
        action="store_true",
        help="print the sources behind each line (with other sources' values and theirs)",
    )


def note_horizon(ots: OrganizationRecord, day: dt.date | None, console: Console) -> None:
    """One note on the error stream when ``day`` (default today) lies after the data horizon.

    Nothing is written for days inside the data.
    """
    horizon = ots.data_horizon
    asked = day or dates.today()
    if horizon is not None and asked > horizon:
        console.note(
            f"note: {asked.isoformat()} lies after the data horizon ({horizon.isoformat()}): "
            "the sources were searched up to that day; later events are not in the data"
        )


def source_lines(
    sources: Iterable[str], alternatives: Iterable[Alternative] = (), *, indent: str = "    "
) -> list[str]:
    """The lines that cite ``sources``, then each alternative with its own sources."""
    lines = [f"{indent}source: {url}" for url in sources]
    for alt in alternatives:
        note = f" ({alt.note})" if alt.note else ""
        lines.append(f"{indent}other sources give {alt.field} {alt.value}{note}:")
        lines.extend(f"{indent}  source: {url}" for url in alt.sources)
    return lines
