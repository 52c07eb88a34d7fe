"""Draw memberships, chairs and summits as an SVG picture.

Draw the memberships and observer statuses of every party, the organization's chairmanship, the
Council of Elders' chairs and the summits as an SVG picture. Needs the timeline extra: pip
install "turkicorg[timeline]".

Examples:
    turkicorg timeline -o ots-timeline.svg
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from turkicorg.cli.loading import load
from turkicorg.cli.options import add_command, add_common, add_output
from turkicorg.cli.output import deliver, shown_path
from turkicorg.cli.status import EXIT_OK

if TYPE_CHECKING:
    import argparse

    from turkicorg.cli.output import Console

__all__ = ["register", "run"]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``timeline`` command."""
    parser = add_command(sub, "timeline", doc=__doc__, handler=run)
    add_output(parser, required=True, what="the SVG picture")
    add_common(parser, on=False)


def run(args: argparse.Namespace, console: Console) -> int:
    """Draw memberships, chairs and summits as an SVG timeline."""
    from turkicorg.timeline import render_timeline  # noqa: PLC0415 - an optional extra

    ots = load(args)
    if deliver(console, render_timeline(ots), args.output):
        console.line(f"wrote {shown_path(args.output)}")
    return EXIT_OK
