"""The member states (and observers) on a day.

The member states on a day; with --observers also the observers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from turkicorg.cli.evidence import add_sources, note_horizon, source_lines
from turkicorg.cli.loading import load
from turkicorg.cli.options import add_command, add_common, add_format
from turkicorg.cli.output import rows_as
from turkicorg.cli.status import EXIT_OK, NoResult
from turkicorg.dates import today

if TYPE_CHECKING:
    import argparse
    import datetime as dt
    from collections.abc import Sequence

    from turkicorg.cli.output import Console
    from turkicorg.organization import Organization
    from turkicorg.parties import State

__all__ = ["COLUMNS", "EXAMPLES", "FORMATS", "register", "run"]

EXAMPLES: Final = (
    "turkicorg members",
    "turkicorg members --on 2019-10-14 --format json",
)
"""What ``--help`` shows as examples."""

FORMATS: Final = ("table", "json", "csv")
"""The output formats (the first is the default): the shapes :func:`rows_as` writes."""

COLUMNS: Final = {
    "table": ("id", "name", "status", "since"),
    "json": ("id", "name", "official_name", "kind", "status", "since"),
    "csv": ("id", "name", "official_name", "kind", "status", "since"),
}
"""The columns of each format: the table keeps to what fits a terminal."""


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``members`` command."""
    parser = add_command(sub, "members", doc=__doc__, examples=EXAMPLES, handler=run)
    add_common(parser)
    parser.add_argument("--observers", action="store_true", help="include the observers")
    add_format(parser, FORMATS, "output format")
    add_sources(parser)


def run(args: argparse.Namespace, console: Console) -> int:
    """Print the members (and with --observers, the observers) on a day."""
    ots = load(args)
    note_horizon(ots, args.on, console)
    day = args.on or today()
    parties = list(ots.members(on=day))
    if args.observers:
        parties += list(ots.observers(on=day))
    if not parties:
        raise NoResult(f"no members on {day}")
    rows = _rows(ots, parties, day)
    if args.sources and args.format != "table":
        columns: tuple[str, ...] = (*COLUMNS[args.format], "sources", "alternatives")
        console.write(rows_as(args.format, _with_sources(ots, rows, day, args.format), columns))
        return EXIT_OK
    console.write(rows_as(args.format, rows, COLUMNS[args.format]))
    if args.sources:
        for party in parties:
            membership = ots.membership_of(party, on=day)
            if membership is not None:
                console.line(f"{party.id}:")
                for line in source_lines(membership.sources, membership.alternatives):
                    console.line(line)
    return EXIT_OK


def _with_sources(
    ots: Organization, rows: list[dict[str, Any]], day: dt.date, fmt: str
) -> list[dict[str, Any]]:
    """The rows with their membership's sources and alternatives (JSON lists, CSV text)."""
    for row in rows:
        membership = ots.membership_of(row["id"], on=day)
        sources = list(membership.sources) if membership else []
        alternatives = [
            {"field": a.field, "value": a.value, "sources": list(a.sources), "note": a.note}
            for a in (membership.alternatives if membership else ())
        ]
        if fmt == "csv":
            row["sources"] = " ".join(sources)
            row["alternatives"] = "; ".join(
                f"{a.field}={a.value} ({' '.join(a.sources)})"
                for a in (membership.alternatives if membership else ())
            )
        else:
            row["sources"] = sources
            row["alternatives"] = alternatives
    return rows


def _rows(ots: Organization, parties: Sequence[State], day: dt.date) -> list[dict[str, Any]]:
    rows = []
    for party in parties:
        membership = ots.membership_of(party, on=day)
        rows.append(
            {
                "id": party.id,
                "name": party.name(on=day),
                "official_name": party.official_name_on(on=day),
                "kind": party.kind.value,
                "status": membership.status.value if membership else "",
                "since": str(membership.start) if membership else "",
            }
        )
    return rows
