"""Who chairs the organization or the Council of Elders (now, on a day, next).

Who chairs the organization (default) or the Council of Elders on a day, or who chairs next. The
organization's chair follows practice by default: the host of each regular summit from its close
to the next regular summit. The Council of Elders' chair was first held by the state the data
names; it then passes to the other member states in turn, in English alphabetical order; --order
picks short names (default) or official names, which the sources leave open. --lang names the
states in another language; the rotation still sorts the English names, as the rule says.

Examples:
    turkicorg chair
    turkicorg chair organization --on 2023-01-01 --explain
    turkicorg chair elders --next --explain
    turkicorg chair elders --next 4 --order official
    turkicorg chair elders --next 3 --term-years 4   (an assumed term: projected dates)
    turkicorg chair elders --next 3 --lang kk
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from turkicorg import dates
from turkicorg.cli.evidence import add_sources, note_horizon, source_lines
from turkicorg.cli.lang import add_lang, party_name
from turkicorg.cli.loading import load, load_record
from turkicorg.cli.options import add_command, add_common, choice, count
from turkicorg.cli.overview import elder_chair_line, term_line
from turkicorg.cli.status import EXIT_OK, NoResult, UsageError
from turkicorg.elders import CouncilOfElders, ElderChairPolicy
from turkicorg.rotation import NameOrder

if TYPE_CHECKING:
    import argparse
    import datetime as dt
    from collections.abc import Callable

    from turkicorg.chairmanship import ChairPolicy
    from turkicorg.cli.output import Console
    from turkicorg.record import OrganizationRecord
    from turkicorg.sourcing import Alternative

__all__ = ["BODIES", "POLICIES", "register", "run"]


def _practice(*, upcoming: bool) -> ChairPolicy:
    from turkicorg.chairmanship import SummitHandover  # noqa: PLC0415 - asked for the chair only

    return SummitHandover(include_planned=upcoming)


def _rule(*, upcoming: bool) -> ChairPolicy:  # noqa: ARG001 - the written rule sees every year
    from turkicorg.chairmanship import CalendarYearRotation  # noqa: PLC0415 - as above

    return CalendarYearRotation()


POLICIES: Final[dict[str, Callable[..., ChairPolicy]]] = {"practice": _practice, "rule": _rule}
"""The organization's chair policies by name (the first is the default); ``upcoming`` says
whether planned summits count (when asking who chairs next)."""

_ONLY_FOR: Final = {"order": "elders", "term_years": "elders", "policy": "organization"}
"""Options that apply to one chair only."""


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``chair`` command."""
    parser = add_command(sub, "chair", doc=__doc__, handler=run)
    bodies = list(BODIES)
    parser.add_argument(
        "body",
        nargs="?",
        type=choice(bodies),
        choices=bodies,
        default=bodies[0],
        help=f"which chair (default: {bodies[0]})",
    )
    add_common(parser)
    _add_options(parser)
    add_lang(
        parser,
        help=(
            "name the states in this language (a tag such as tr, kk, uz-Cyrl); a name no "
            "source gives is shown in English, marked [en]; the order stays the English one"
        ),
    )
    add_sources(parser)


def _add_options(parser: argparse.ArgumentParser) -> None:
    """``--next``, ``--order``, ``--term-years``, ``--policy`` and ``--explain``."""
    parser.add_argument(
        "--next",
        nargs="?",
        type=count,
        const=1,
        metavar="N",
        help="the next chair (or the next N chairs) instead of the current one",
    )
    orders = [order.value for order in NameOrder]
    parser.add_argument(
        "--order",
        type=choice(orders),
        choices=orders,
        help="elders: which names are sorted (default short; sources leave it open)",
    )
    parser.add_argument(
        "--term-years",
        type=count,
        metavar="N",
        help="elders: assume a chair's term of N years (dates then marked projected)",
    )
    policies = list(POLICIES)
    parser.add_argument(
        "--policy",
        type=choice(policies),
        choices=policies,
        help=f"organization: {policies[0]} (default) or the written calendar-year {policies[1]}",
    )
    parser.add_argument("--explain", action="store_true", help="say why, with the policy")


def run(args: argparse.Namespace, console: Console) -> int:
    """Print who chairs the organization or the Council of Elders, or who chairs next."""
    handler = BODIES[args.body]
    for dest, body in _ONLY_FOR.items():
        if getattr(args, dest) is not None and args.body != body:
            raise UsageError(f"--{dest.replace('_', '-')}", f"applies to 'chair {body}' only")
    return handler(args, console)


def _day(record: OrganizationRecord, args: argparse.Namespace, console: Console) -> dt.date:
    """The day asked (default today), noted when it lies after the data horizon."""
    note_horizon(record, args.on, console)
    day: dt.date = args.on or dates.today()
    return day


def _organization(args: argparse.Namespace, console: Console) -> int:
    ots = load(args)
    day = _day(ots, args, console)
    make = POLICIES[args.policy or next(iter(POLICIES))]
    if args.next is not None:
        upcoming = ots.upcoming_chairs(args.next, after=day, policy=make(upcoming=True))
        if not upcoming:
            raise NoResult(
                "no next chair can be computed: the next host is agreed summit by summit and "
                "no planned regular summit is recorded"
            )
        for term in upcoming:
            line = term_line(term, lang=args.lang)
            _say_term(console, line, term.explain(), explain=args.explain)
            _say_sources(console, term.sources, (), shown=args.sources)
        if len(upcoming) < args.next:
            console.note(
                f"{len(upcoming)} of {args.next} next chairs given: under practice the chair "
                "passes to the host of each regular summit, agreed summit by summit, so only "
                "recorded or planned summits can be answered"
            )
        return EXIT_OK
    current = ots.chair(on=day, policy=make(upcoming=False))
    if current is None:
        raise NoResult(f"no chair is recorded on {day}")
    line = term_line(current, lang=args.lang)
    _say_term(console, line, current.explain(), explain=args.explain)
    _say_sources(console, current.sources, (), shown=args.sources)
    return EXIT_OK


def _say_sources(
    console: Console,
    sources: tuple[str, ...],
    alternatives: tuple[Alternative, ...],
    *,
    shown: bool,
) -> None:
    if shown:
        for line in source_lines(sources, alternatives):
            console.line(line)


def _say_term(console: Console, line: str, why: str, *, explain: bool) -> None:
    if explain:
        console.paragraph(why)
    else:
        console.line(line)


def _elders(args: argparse.Namespace, console: Console) -> int:
    record = load_record(args)  # the posts and memberships: no meeting is read
    day = _day(record, args, console)
    options: dict[str, Any] = {"term_years": args.term_years}
    if args.order is not None:
        options["order"] = NameOrder(args.order)
    policy = ElderChairPolicy(**options)
    council = CouncilOfElders(record, policy=policy)
    if args.next is not None:
        for following in council.upcoming_chairs(args.next, after=day):
            when = f" from {following.start} (projected)" if following.start else ""
            who = party_name(following.state, args.lang, on=following.start or day)
            line = f"{who.shown(args.lang) if args.lang else following.state.short_name}{when}"
            _say_term(console, line, following.explain(), explain=args.explain)
            _say_sources(console, following.sources, (), shown=args.sources)
        return EXIT_OK
    term = council.chair(on=day)
    if term is None:
        raise NoResult(f"no Chairman of the Council of Elders is recorded on {day}")
    console.line(elder_chair_line(term, args.lang))
    if args.explain:
        console.paragraph(term.explain())
        console.paragraph(f"Policy: {policy.describe()}.")
    _say_sources(console, term.sources, term.alternatives, shown=args.sources)
    return EXIT_OK


BODIES: Final[dict[str, Callable[[argparse.Namespace, Console], int]]] = {
    "organization": _organization,
    "elders": _elders,
}
"""The chairs this command answers about, by name (the first is the default)."""
