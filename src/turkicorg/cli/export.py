"""Write the data as JSON, JSON Lines, CSV, iCalendar, Popolo or the JSON Schema.

Write the embedded data (or --data) in a format: json (the whole organization, lossless), jsonl
(one meeting per line), csv and ics (the meetings), popolo (the organization for civic-data
tools) or schema (the JSON Schema of the json format). With -o the file is written atomically: a
reader sees the old file or the new one, never half of one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from turkicorg.cli.loading import load
from turkicorg.cli.meetings import calendar
from turkicorg.cli.options import add_command, add_common, add_output, add_partial
from turkicorg.cli.output import deliver, escape_json, json_text, shown_path
from turkicorg.cli.status import EXIT_OK

if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable

    from turkicorg.cli.output import Console
    from turkicorg.organization import Organization

__all__ = ["EXAMPLES", "FORMATS", "register", "run"]

EXAMPLES: Final = (
    "turkicorg export ics -o ots.ics",
    "turkicorg export json -o ots.json",
    "turkicorg export popolo > ots-popolo.json",
)
"""What ``--help`` shows as examples."""


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``export`` command."""
    parser = add_command(sub, "export", doc=__doc__, examples=EXAMPLES, handler=run)
    parser.add_argument("what", choices=list(FORMATS), help="the format")
    add_output(parser)
    add_partial(parser)
    add_common(parser, on=False)


def run(args: argparse.Namespace, console: Console) -> int:
    """Write the organization, its meetings or the JSON Schema in one of the formats."""
    ots = load(args)
    text = FORMATS[args.what](ots, args.partial, console)
    if deliver(console, text, args.output):
        console.note(f"wrote {shown_path(args.output)}")
    return EXIT_OK


def _json(ots: Organization, _partial: str, _console: Console) -> str:
    from turkicorg import serialize  # noqa: PLC0415 - only when exporting

    return escape_json(serialize.dumps(ots, indent=2)) + "\n"


def _jsonl(ots: Organization, _partial: str, _console: Console) -> str:
    from turkicorg import serialize  # noqa: PLC0415 - only when exporting

    return "".join(escape_json(line) + "\n" for line in serialize.iter_dumps(ots.meetings))


def _csv(ots: Organization, _partial: str, _console: Console) -> str:
    from turkicorg.export import to_csv  # noqa: PLC0415 - only when exporting

    return to_csv(ots.meetings)


def _ics(ots: Organization, partial: str, console: Console) -> str:
    return calendar(ots, ots.meetings, partial, console)


def _popolo(ots: Organization, _partial: str, _console: Console) -> str:
    from turkicorg.export import to_popolo  # noqa: PLC0415 - only when exporting

    return json_text(to_popolo(ots))


def _schema(_ots: Organization, _partial: str, _console: Console) -> str:
    from turkicorg import serialize  # noqa: PLC0415 - only when exporting

    return json_text(serialize.json_schema())


FORMATS: Final[dict[str, Callable[[Organization, str, Console], str]]] = {
    "json": _json,
    "jsonl": _jsonl,
    "csv": _csv,
    "ics": _ics,
    "popolo": _popolo,
    "schema": _schema,
}
"""The formats by name, each a function giving the text to write."""
