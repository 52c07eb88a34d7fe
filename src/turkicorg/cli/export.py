"""Write the data as JSON, JSON Lines, CSV, iCalendar, Popolo, a panel, SQLite or the schema.

Write the embedded data (or --data) in a format: json (the whole organization, lossless), jsonl
(one meeting per line), csv (the meetings, one value per cell) and ics (the meetings), popolo
(the organization for civic-data tools), panel (each party's status in each year, coded as the
Correlates of War IGO data; --format long or wide), sqlite (the whole organization as an SQLite
database; needs -o FILE) or schema (the JSON Schema of the json format). With -o the file is
written atomically: a reader sees the old file or the new one, never half of one.

Examples:
    turkicorg export ics -o ots.ics
    turkicorg export json -o ots.json
    turkicorg export popolo > ots-popolo.json
    turkicorg export panel --format wide -o ots-panel.csv
    turkicorg export sqlite -o ots.db
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from turkicorg.cli.loading import load
from turkicorg.cli.meetings import calendar
from turkicorg.cli.options import add_command, add_common, add_output, add_partial, choice
from turkicorg.cli.output import deliver, escape_json, json_text, shown_path
from turkicorg.cli.status import EXIT_OK, UsageError

if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable

    from turkicorg.cli.output import Console
    from turkicorg.organization import Organization

__all__ = ["FORMATS", "PANEL_SHAPES", "SQLITE", "register", "run"]

SQLITE: Final = "sqlite"
"""The binary format: written only to a file (-o)."""
PANEL_SHAPES: Final = ("long", "wide")
"""The shapes of the panel (``--format``), the default first."""


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``export`` command."""
    parser = add_command(sub, "export", doc=__doc__, handler=run)
    parser.add_argument("what", choices=[*FORMATS, SQLITE], help="the format")
    add_output(parser)
    add_partial(parser)
    parser.add_argument(
        "--format",
        type=choice(PANEL_SHAPES),
        choices=PANEL_SHAPES,
        default=None,
        help=(
            "panel only: long (one row per party and year; the default) or wide (one row per "
            "year, one column per party)"
        ),
    )
    add_common(parser, on=False)


def _check_options(args: argparse.Namespace) -> None:
    if args.format is not None and args.what != "panel":
        raise UsageError("--format", f"only the panel has a --format, not {args.what}")
    if args.what == SQLITE and args.output in (None, "-"):
        raise UsageError("-o", "sqlite writes a binary database file: name it with -o FILE.db")


def run(args: argparse.Namespace, console: Console) -> int:
    """Write the organization, its meetings or the JSON Schema in one of the formats."""
    _check_options(args)
    ots = load(args)
    if args.what == SQLITE:
        from turkicorg.export import write_sqlite  # noqa: PLC0415 - only when exporting

        write_sqlite(ots, args.output)
        console.note(f"wrote {shown_path(args.output)}")
        return EXIT_OK
    text = FORMATS[args.what](ots, args, console)
    if deliver(console, text, args.output):
        console.note(f"wrote {shown_path(args.output)}")
    return EXIT_OK


def _json(ots: Organization, _args: argparse.Namespace, _console: Console) -> str:
    from turkicorg import serialize  # noqa: PLC0415 - only when exporting

    return escape_json(serialize.dumps(ots, indent=2)) + "\n"


def _jsonl(ots: Organization, _args: argparse.Namespace, _console: Console) -> str:
    from turkicorg import serialize  # noqa: PLC0415 - only when exporting

    return "".join(escape_json(line) + "\n" for line in serialize.iter_dumps(ots.meetings))


def _csv(ots: Organization, _args: argparse.Namespace, _console: Console) -> str:
    from turkicorg.export import to_csv  # noqa: PLC0415 - only when exporting

    return to_csv(ots.meetings)


def _ics(ots: Organization, args: argparse.Namespace, console: Console) -> str:
    return calendar(ots, ots.meetings, args.partial, console)


def _popolo(ots: Organization, _args: argparse.Namespace, _console: Console) -> str:
    from turkicorg.export import to_popolo  # noqa: PLC0415 - only when exporting

    return json_text(to_popolo(ots))


def _panel(ots: Organization, args: argparse.Namespace, _console: Console) -> str:
    from turkicorg.export import panel  # noqa: PLC0415 - only when exporting

    return panel(ots, args.format or PANEL_SHAPES[0]).to_csv()


def _schema(_ots: Organization, _args: argparse.Namespace, _console: Console) -> str:
    from turkicorg import serialize  # noqa: PLC0415 - only when exporting

    return json_text(serialize.json_schema())


FORMATS: Final[dict[str, Callable[[Organization, argparse.Namespace, Console], str]]] = {
    "json": _json,
    "jsonl": _jsonl,
    "csv": _csv,
    "ics": _ics,
    "popolo": _popolo,
    "panel": _panel,
    "schema": _schema,
}
"""The text formats by name, each a function giving the text to write."""
