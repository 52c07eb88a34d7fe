"""Apply an organ's decision rule to the positions taken.

Apply an organ's decision rule (as the data states it: sourced, or a documented default) to the
positions the parties took. Member states on the day are entitled; a member not named is absent;
observers' positions are recorded but never count. Exit status 0 when adopted, 1 when not.

Examples:
    turkicorg decide CFM --support AZ,KZ,KG,UZ --object TR --on 2024-01-01
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from turkicorg import dates
from turkicorg.cli.evidence import note_horizon
from turkicorg.cli.loading import load
from turkicorg.cli.options import add_command, add_common, add_organ
from turkicorg.cli.status import EXIT_INVALID, EXIT_OK, UsageError
from turkicorg.decisions import Position
from turkicorg.errors import PolicyError, UnknownStateError

if TYPE_CHECKING:
    import argparse

    from turkicorg.cli.output import Console

__all__ = ["positions", "register", "run"]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``decide`` command."""
    parser = add_command(sub, "decide", doc=__doc__, handler=run)
    add_organ(parser, help="the deciding organ")
    for position in Position:
        parser.add_argument(
            f"--{position.value}",
            metavar="A,B",
            help=f"comma-separated parties (ids, codes or names) whose position is {position}",
        )
    add_common(parser)


def positions(args: argparse.Namespace) -> dict[str, str]:
    """Party to position, from the ``--support``, ``--object``, ... options.

    Raises:
        UsageError: A party is given two positions.
    """
    found: dict[str, str] = {}
    for position in Position:
        option = f"--{position.value}"
        for name in (getattr(args, position.value) or "").split(","):
            party = name.strip()
            if not party:
                continue
            if party in found:
                raise UsageError(option, f"{party} is given two positions")
            found[party] = position.value
    return found


def run(args: argparse.Namespace, console: Console) -> int:
    """Apply an organ's decision rule to the positions given."""
    given = positions(args)
    if not given:
        options = ", ".join(f"--{position.value}" for position in Position)
        raise UsageError("decide", f"give at least one position ({options})")
    ots = load(args)
    note_horizon(ots, args.on, console)
    try:
        outcome = ots.decide(args.organ, given, on=args.on or dates.today())
    except UnknownStateError as error:
        position = given.get(error.query) if isinstance(error.query, str) else None
        raise UsageError(f"--{position}" if position else "decide", str(error)) from None
    except PolicyError as error:
        raise UsageError(args.organ, str(error)) from None
    console.line("adopted" if outcome.adopted else "not adopted")
    console.paragraph(outcome.explain())
    return EXIT_OK if outcome.adopted else EXIT_INVALID
