"""Who belongs to the organization and who holds its posts.

Members, observers and the holders of the organization's posts on a day. With --lang, the
organization and its parties are named as the sources write them in that language.

Examples:
    turkicorg overview --on 2022-11-15
    turkicorg overview --lang tr
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from turkicorg import dates
from turkicorg.cli.evidence import add_sources, note_horizon, source_lines
from turkicorg.cli.lang import add_lang, organization_name, party_name, sorted_parties
from turkicorg.cli.loading import load
from turkicorg.cli.options import add_command, add_common
from turkicorg.cli.status import EXIT_OK
from turkicorg.errors import PolicyError
from turkicorg.record import Role

if TYPE_CHECKING:
    import argparse
    import datetime as dt
    from collections.abc import Iterable

    from turkicorg.chairmanship import ChairTerm
    from turkicorg.cli.output import Console
    from turkicorg.elders import ElderChairTerm
    from turkicorg.organization import Organization
    from turkicorg.parties import State

__all__ = ["elder_chair_line", "register", "run", "term_line"]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``overview`` command."""
    parser = add_command(sub, "overview", doc=__doc__, handler=run)
    add_common(parser)
    add_lang(parser)
    add_sources(parser)


def run(args: argparse.Namespace, console: Console) -> int:
    """Print who belongs to the organization and who holds its posts on a day."""
    ots = load(args)
    note_horizon(ots, args.on, console)
    day = args.on or dates.today()
    lang = args.lang
    console.line(f"{organization_name(ots, lang, on=day).shown(lang)} on {day}")
    console.line()
    members = _names(ots.members(on=day), lang, day)
    observers = _names(ots.observers(on=day), lang, day)
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
    for line, sources in _post_lines(ots, day, lang):
        console.paragraph(line)
        if args.sources:
            for source in source_lines(sources):
                console.line(source)
    console.line()
    horizon = f", data horizon {ots.data_horizon}" if ots.data_horizon else ""
    console.line(f"Data {ots.data_version}, last verified {ots.last_verified}{horizon}.")
    return EXIT_OK


def _names(parties: Iterable[State], lang: str | None, day: dt.date) -> str:
    """Parties named in ``lang`` (English marked [en] where none is sourced), in its order."""
    shown = [party_name(p, lang, on=day).shown(lang) for p in sorted_parties(parties, lang, on=day)]
    return ", ".join(shown) or "none"


def term_line(term: ChairTerm, *, lang: str | None = None) -> str:
    """A chairmanship term on one line: who, since, until, whether projected, and its basis.

    With ``lang``, the state is named in that language (marked [en] where none is sourced).
    """
    since = f" since {term.start}" if term.start else ""
    until = f" until {term.end}" if term.end else ""
    mark = " (projected)" if term.projected else ""
    day = term.start or dates.today()
    who = party_name(term.state, lang, on=day).shown(lang) if lang else term.state.short_name
    return f"{who}{since}{until}{mark} [{term.basis}]"


def elder_chair_line(chair: ElderChairTerm, lang: str | None) -> str:
    """The Chairman of the Council of Elders on one line, the state named in ``lang``."""
    if lang is None:
        return str(chair)
    day = chair.start or dates.today()
    state = party_name(chair.state, lang, on=day).shown(lang)
    who = f"{chair.person.name} ({state})" if chair.person else state
    since = f" from {chair.start}" if chair.start else ""
    return f"{who}{since}{' (projected)' if chair.projected else ''}"


def _post_lines(
    ots: Organization, day: dt.date, lang: str | None = None
) -> list[tuple[str, tuple[str, ...]]]:
    """Each post's line and the sources behind it."""
    chair = ots.chair(on=day)
    lines = [
        (
            "Chair of the organization: "
            + (term_line(chair, lang=lang) if chair else "not recorded"),
            chair.sources if chair else (),
        )
    ]
    elders = ots.council_of_elders
    elders_chair = elders.chair(on=day)
    lines.append(
        (
            "Chairman of the Council of Elders: "
            + (elder_chair_line(elders_chair, lang) if elders_chair else "not recorded"),
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
                        "Next Council of Elders chair: "
                        f"{party_name(following.state, lang, on=day).shown(lang)} "
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
