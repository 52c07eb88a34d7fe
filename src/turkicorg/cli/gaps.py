"""Periods in which an organ's expected meeting is not recorded.

The expected rhythm of an organ (from its sourced profile), the periods without a recorded
meeting longer than that rhythm, and when the next one is due.

Examples:
    turkicorg gaps COE
    turkicorg gaps CHS --between 2011 2025
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from turkicorg import dates
from turkicorg.cli.evidence import note_horizon
from turkicorg.cli.loading import load
from turkicorg.cli.options import (
    add_between,
    add_command,
    add_common,
    add_kind,
    add_organ,
    between_range,
)
from turkicorg.cli.status import EXIT_OK, NoResult, UsageError
from turkicorg.errors import PolicyError

if TYPE_CHECKING:
    import argparse

    from turkicorg.cli.output import Console

__all__ = ["register", "run"]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``gaps`` command."""
    parser = add_command(sub, "gaps", doc=__doc__, handler=run)
    add_organ(parser, help="the organ (one whose profile states a rhythm)")
    add_between(parser)
    add_kind(parser, help="which rhythm (one the organ's profile states)")
    add_common(parser)


def run(args: argparse.Namespace, console: Console) -> int:
    """List the periods in which an organ's expected meeting is not recorded."""
    ots = load(args)
    note_horizon(ots, args.on, console)
    between = between_range(args.between)
    if between:
        first, last = between[0].earliest, between[1].latest
    elif len(ots.meetings):
        first, last = ots.meetings.meetings[0].earliest, dates.today()
    else:
        raise NoResult("no meeting is recorded: give --between to ask about a range")
    kind = args.kind
    try:
        gaps = ots.gaps(args.organ, between=(first, last), kind=kind)
        due = ots.due(args.organ, on=args.on or dates.today(), kind=kind)
    except PolicyError as error:
        raise UsageError(args.organ, str(error)) from None
    profile = ots.profile(args.organ)
    console.line(f"{profile.name}: expected rhythm")
    for cadence in profile.cadences:
        if kind is None or cadence.kind == kind:
            console.paragraph(f"  {cadence.kind}: {cadence.description}")
    console.line(f"Gaps between {first} and {last}:")
    for gap in gaps:
        console.paragraph(f"  {gap}")
    if not gaps:
        console.line("  none")
    console.paragraph(str(due))
    return EXIT_OK
