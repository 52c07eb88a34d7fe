"""The ``turkicorg`` command: answers about the Organization of Turkic States in a terminal.

Exit statuses: 0 success, 1 invalid data or no result, 2 usage error.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

import turkicorg
from turkicorg.dates import PartialDate, as_date, today
from turkicorg.errors import InvalidDataError, InvalidDateError, TurkicOrgError

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable, Sequence

    from turkicorg.organization import Organization
    from turkicorg.parties import State

__all__ = ["main"]

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2


class UsageError(Exception):
    """A command line that cannot be carried out as written."""


def parse_day(text: str) -> dt.date:
    """Parse ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or ``today`` (a partial date: its first day)."""
    if text == "today":
        return today()
    try:
        return PartialDate.parse(text).earliest
    except InvalidDateError as error:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date (use YYYY, YYYY-MM, YYYY-MM-DD or 'today'): {error.reason}"
        ) from None


def _load(args: argparse.Namespace) -> Organization:
    path = getattr(args, "data", None)
    ots = turkicorg.load_default()
    if path is None:
        return ots
    from turkicorg import serialize  # noqa: PLC0415 - only when a file is given

    try:
        with open(path, encoding="utf-8") as handle:  # noqa: PTH123 - plain text file
            text = handle.read()
    except OSError as error:
        raise InvalidDataError.single("$", f"cannot read {path}: {error.strerror}", path) from None
    document = serialize.loads(text, turkicorg.MeetingRegistry)
    return ots.with_meetings(document)


def _table(rows: Sequence[Sequence[str]], headers: Sequence[str], out: TextIO) -> None:
    """Print a plain table that fits 80 columns (long cells are shortened)."""
    widths = [len(h) for h in headers]
    for row in rows:
        widths = [max(w, len(cell)) for w, cell in zip(widths, row, strict=True)]
    budget = 80 - 2 * (len(headers) - 1)
    while sum(widths) > budget:
        widest = widths.index(max(widths))
        widths[widest] -= 1

    def fit(cell: str, width: int) -> str:
        return cell if len(cell) <= width else cell[: max(width - 1, 0)] + "…"

    lines = [headers, ["-" * w for w in widths], *rows]
    for line in lines:
        cells = [fit(cell, w).ljust(w) for cell, w in zip(line, widths, strict=True)]
        out.write("  ".join(cells).rstrip() + "\n")


def _emit(
    rows: list[dict[str, Any]], headers: Sequence[str], fmt: str, out: TextIO
) -> None:
    if fmt == "json":
        out.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    elif fmt == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=list(headers), lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: row.get(k, "") for k in headers})
        out.write(buffer.getvalue())
    else:
        _table([[str(row.get(h, "") or "") for h in headers] for row in rows], headers, out)


def _party_rows(ots: Organization, parties: Sequence[State], day: dt.date) -> list[dict[str, Any]]:
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


def cmd_members(args: argparse.Namespace, out: TextIO) -> int:
    """Print the members (and with --observers, the observers) on a day."""
    ots = _load(args)
    day = args.on or today()
    parties = list(ots.members(on=day))
    if args.observers:
        parties += list(ots.observers(on=day))
    if not parties:
        sys.stderr.write(f"turkicorg: no members on {day}\n")
        return EXIT_INVALID
    headers = ["id", "name", "status", "since"]
    if args.format != "table":
        headers = ["id", "name", "official_name", "kind", "status", "since"]
    _emit(_party_rows(ots, parties, day), headers, args.format, out)
    return EXIT_OK


def cmd_overview(args: argparse.Namespace, out: TextIO) -> int:
    """Print who belongs to the organization and who holds its posts on a day."""
    ots = _load(args)
    day = args.on or today()
    out.write(f"{ots.name(on=day)} on {day}\n\n")
    members = ", ".join(p.name(on=day) for p in ots.members(on=day)) or "none"
    observers = ", ".join(p.name(on=day) for p in ots.observers(on=day)) or "none"
    out.write(f"Members:    {members}\nObservers:  {observers}\n")
    for line in _post_lines(ots, day):
        out.write(line + "\n")
    out.write(f"\nData {ots.data_version}, last verified {ots.last_verified}.\n")
    return EXIT_OK


POST_LINES: list[Callable[[Organization, dt.date], str | None]] = []
"""Functions that each give one line of ``turkicorg overview`` (rules register theirs)."""


def _post_lines(ots: Organization, day: dt.date) -> list[str]:
    sg = ots.secretary_general(on=day)
    lines = [f"Secretary General: {sg.name if sg else 'not recorded'}"]
    lines += [line for line in (f(ots, day) for f in POST_LINES) if line]
    return lines


def cmd_info(args: argparse.Namespace, out: TextIO) -> int:
    """Print the data version, the last-verified day, counts and where the facts come from."""
    ots = _load(args)
    out.write(f"turkicorg {turkicorg.__version__}\n")
    out.write(f"data version:   {ots.data_version}\n")
    out.write(f"last verified:  {ots.last_verified}\n")
    out.write(f"parties:        {len(ots.parties)}\n")
    out.write(f"memberships:    {len(ots.memberships)}\n")
    out.write(f"appointments:   {len(ots.appointments)}\n")
    out.write(f"meetings:       {len(ots.meetings)}\n")
    sources = {s for m in ots.memberships for s in m.sources}
    sources |= {s for a in ots.appointments for s in a.sources}
    sources |= {s for m in ots.meetings for s in m.sources}
    out.write(f"distinct sources: {len(sources)}\n")
    out.write("Every fact carries its source URLs; see the data-provenance page of the docs.\n")
    return EXIT_OK


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def _add_common(parser: argparse.ArgumentParser, *, on: bool = True) -> None:
    if on:
        parser.add_argument(
            "--on",
            type=parse_day,
            metavar="DATE",
            help="the day to ask about: YYYY, YYYY-MM, YYYY-MM-DD or 'today' (default today)",
        )
    parser.add_argument(
        "--data",
        metavar="FILE",
        help="a meeting registry (turkicorg JSON) to use instead of the embedded meetings",
    )


def build_parser() -> argparse.ArgumentParser:
    """The command-line parser (also used to generate the command-line reference)."""
    parser = _Parser(
        prog="turkicorg",
        description="Answers about the Organization of Turkic States, from sourced data.",
        epilog=(
            "examples:\n"
            "  turkicorg overview\n"
            "  turkicorg members --on 2019-10-15 --observers\n"
            "  turkicorg info\n\n"
            "exit status: 0 ok, 1 invalid data or no result, 2 usage error"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"turkicorg {turkicorg.__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    overview = sub.add_parser(
        "overview",
        help="who belongs to the organization and who holds its posts",
        description="Members, observers and the holders of the organization's posts on a day.",
        epilog="example:\n  turkicorg overview --on 2022-11-15",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_common(overview)
    overview.set_defaults(handler=cmd_overview)

    members = sub.add_parser(
        "members",
        help="the member states (and observers) on a day",
        description="The member states on a day; with --observers also the observers.",
        epilog="examples:\n  turkicorg members\n  turkicorg members --on 2019-10-14 --format json",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_common(members)
    members.add_argument("--observers", action="store_true", help="include the observers")
    members.add_argument(
        "--format", choices=("table", "json", "csv"), default="table", help="output format"
    )
    members.set_defaults(handler=cmd_members)

    info = sub.add_parser(
        "info",
        help="data version, last verified, counts, where facts come from",
        description="The version of the embedded data, when it was last verified, and counts.",
    )
    _add_common(info, on=False)
    info.set_defaults(handler=cmd_info)
    return parser


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    stream = out or sys.stdout
    try:
        handler: Callable[[argparse.Namespace, TextIO], int] = args.handler
        return handler(args, stream)
    except InvalidDataError as error:
        first = error.errors[0] if error.errors else None
        more = f" (and {len(error.errors) - 1} more)" if len(error.errors) > 1 else ""
        sys.stderr.write(f"turkicorg: invalid data: {first}{more}\n")
        return EXIT_INVALID
    except UsageError as error:
        sys.stderr.write(f"turkicorg: error: {error}\n")
        return EXIT_USAGE
    except TurkicOrgError as error:
        sys.stderr.write(f"turkicorg: {error}\n")
        return EXIT_INVALID
    except BrokenPipeError:  # pragma: no cover - depends on the terminal
        return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
