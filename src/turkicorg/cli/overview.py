"""Who belongs to the organization and who holds its posts.

Members, observers and the holders of the organization's posts on a day.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from turkicorg.cli.evidence import add_sources, note_horizon, source_lines
from turkicorg.cli.loading import load
from turkicorg.cli.options import add_command, add_common
from turkicorg.cli.status import EXIT_OK
from turkicorg.dates import today
from turkicorg.errors import PolicyError
from turkicorg.record import Role

if TYPE_CHECKING:
    import argparse
    import datetime as dt

    from turkicorg.chairmanship import ChairTerm
    from turkicorg.cli.output import Console
    from turkicorg.organization import Organization

__all__ = ["EXAMPLES", "register", "run", "term_line"]

EXAMPLES: Final = ("turkicorg overview --on 2022-11-15",)
"""What ``--help`` shows as examples."""


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``overview`` command."""
    parser = add_command(sub, "overview", doc=__doc__, examples=EXAMPLES, handler=run)
    add_common(parser)
    add_sources(parser)


def run(args: argparse.Namespace, console: Console) -> int:
    """Print who belongs to the organization and who holds its posts on a day."""
    ots = load(args)
    note_horizon(ots, args.on, console)
    day = args.on or today()
    console.line(f"{ots.name(on=day)} on {day}")
    console.line()
    members = ", ".join(p.name(on=day) for p in ots.members(on=day)) or "none"
    observers = ", ".join(p.name(on=day) for p in ots.observers(on=day)) or "none"
    console.line(f"Members:    {members}")
    console.line(f"Observers:  {observers}")
    if args.sources:
        for party in (*ots.members(on=day), *ots.observers(on=day)):
            membership = ots.membership_of(party, on=day)
            if membership is not None:
                console.line(f"  {party.short_name}:")
                for line in source_lines(membership.sources, membership.alternatives):
                    console.line(line)
    console.line()
    for line, sources in _post_lines(ots, day):
        console.paragraph(line)
        if args.sources:
            for source in source_lines(sources):
                console.line(source)
    console.line()
    horizon = f", data horizon {ots.data_horizon}" if ots.data_horizon else ""
    console.line(f"Data {ots.data_version}, last verified {ots.last_verified}{horizon}.")
    return EXIT_OK


def term_line(term: ChairTerm) -> str:
    """A chairmanship term on one line: who, since, until, whether projected, and its basis."""
    since = f" since {term.start}" if term.start else ""
    until = f" until {term.end}" if term.end else ""
    mark = " (projected)" if term.projected else ""
    return f"{term.state.short_name}{since}{until}{mark} [{term.basis}]"


def _post_lines(ots: Organization, day: dt.date) -> list[tuple[str, tuple[str, ...]]]:
    """Each post's line and the sources behind it."""
    chair = ots.chair(on=day)
    lines = [
        (
            f"Chair of the organization: {term_line(chair) if chair else 'not recorded'}",
            chair.sources if chair else (),
        )
    ]
    elders = ots.council_of_elders
    elders_chair = elders.chair(on=day)
    lines.append(
        (
            f"Chairman of the Council of Elders: {elders_chair or 'not recorded'}",
            elders_chair.sources if elders_chair else (),
        )
    )
    if elders_chair is not None:
        try:
            following = elders.next_chair(after=day)
        except PolicyError:
            following = None
        if following is not None:
            lines.append(
                (
                    (
                        f"Next Council of Elders chair: {following.state.short_name} "
                        f"({elders.policy.order.value}-name order; "
                        "why: turkicorg chair elders --next --explain)"
                    ),
                    following.sources,
                )
            )
    sg = ots.secretary_general(on=day)
    held = ots.holders(Role.SECRETARY_GENERAL, on=day)
    lines.append(
        (
            f"Secretary General: {sg.name if sg else 'not recorded'}",
            held[0].sources if held else (),
        )
    )
    return lines
