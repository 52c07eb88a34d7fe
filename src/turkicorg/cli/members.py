"""The member states (and observers) on a day.

The member states on a day; with --observers also the observers. With --lang, the names as the
sources write them in that language, in its alphabetical order.

Examples:
    turkicorg members
    turkicorg members --on 2019-10-14 --format json
    turkicorg members --observers --lang kk
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

import attrs

from turkicorg import dates
from turkicorg.cli.evidence import add_sources, note_horizon, source_lines
from turkicorg.cli.lang import add_lang, party_name, sorted_parties
from turkicorg.cli.loading import load_record
from turkicorg.cli.options import add_command, add_common, add_format, add_wide
from turkicorg.cli.output import rows_as
from turkicorg.cli.status import EXIT_OK, NoResult

if TYPE_CHECKING:
    import argparse
    import datetime as dt
    from collections.abc import Sequence

    from turkicorg.cli.output import Console
    from turkicorg.parties import State
    from turkicorg.record import OrganizationRecord

__all__ = ["COLUMNS", "FORMATS", "register", "run"]

FORMATS: Final = ("table", "json", "csv")
"""The output formats (the first is the default): the shapes :func:`rows_as` writes."""

COLUMNS: Final = {
    "table": ("id", "name", "status", "since"),
    "json": ("id", "name", "official_name", "kind", "status", "since"),
    "csv": ("id", "name", "official_name", "kind", "status", "since"),
}
"""The columns of each format: the table keeps to what fits a terminal."""

LANG_COLUMNS: Final = {"name": "name_lang", "official_name": "official_name_lang"}
"""With --lang, JSON and CSV say after each name which language it is in."""


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``members`` command."""
    parser = add_command(sub, "members", doc=__doc__, handler=run)
    add_common(parser)
    parser.add_argument("--observers", action="store_true", help="include the observers")
    add_format(parser, FORMATS, "output format")
    add_wide(parser)
    add_lang(parser)
    add_sources(parser)


def run(args: argparse.Namespace, console: Console) -> int:
    """Print the members (and with --observers, the observers) on a day."""
    console = attrs.evolve(console, wide=args.wide)
    ots = load_record(args)  # memberships: no meeting is read
    note_horizon(ots, args.on, console)
    day = args.on or dates.today()
    parties = sorted_parties(ots.members(on=day), args.lang, on=day)
    if args.observers:
        parties += sorted_parties(ots.observers(on=day), args.lang, on=day)
    if not parties:
        raise NoResult(f"no members on {day}")
    rows = _rows(ots, parties, day, args.lang, args.format)
    columns = _columns(args.format, args.lang)
    if args.sources and args.format != "table":
        columns = (*columns, "sources", "alternatives")
        console.write(rows_as(args.format, _with_sources(ots, rows, day, args.format), columns))
        return EXIT_OK
    console.write(rows_as(args.format, rows, columns, width=console.table_width()))
    if args.sources:
        for party in parties:
            membership = ots.membership_of(party, on=day)
            if membership is not None:
                console.line(f"{party.id}:")
                for line in source_lines(membership.sources, membership.alternatives):
                    console.line(line)
    return EXIT_OK


def _with_sources(
    ots: OrganizationRecord, rows: list[dict[str, Any]], day: dt.date, fmt: str
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


def _columns(fmt: str, lang: str | None) -> tuple[str, ...]:
    """The columns of a format; with --lang, JSON and CSV add the language of each name."""
    if lang is None or fmt == "table":
        return COLUMNS[fmt]
    return tuple(c for column in COLUMNS[fmt] for c in (column, LANG_COLUMNS.get(column)) if c)


def _rows(
    ots: OrganizationRecord, parties: Sequence[State], day: dt.date, lang: str | None, fmt: str
) -> list[dict[str, Any]]:
    rows = []
    for party in parties:
        membership = ots.membership_of(party, on=day)
        name = party_name(party, lang, on=day)
        official = party_name(party, lang, on=day, official=True)
        row = {
            "id": party.id,
            "name": name.shown(lang) if fmt == "table" else name.text,
            "name_lang": name.lang,
            "official_name": official.text,
            "official_name_lang": official.lang,
            "kind": party.kind.value,
            "status": membership.status.value if membership else "",
            "since": str(membership.start) if membership else "",
        }
        if lang is None:
            for column in LANG_COLUMNS.values():
                del row[column]
        rows.append(row)
    return rows
