"""The ``turkicorg`` command: answers about the Organization of Turkic States in a terminal.

Exit statuses: 0 success, 1 invalid data or no result, 2 usage error.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
import textwrap
from typing import TYPE_CHECKING, Any, Literal, NoReturn, TextIO

import turkicorg
from turkicorg.chairmanship import CalendarYearRotation, SummitHandover
from turkicorg.dates import PartialDate, today
from turkicorg.elders import ElderChairPolicy
from turkicorg.errors import InvalidDataError, InvalidDateError, TurkicOrgError, UnknownStateError
from turkicorg.meetings import MeetingKind, MeetingStatus
from turkicorg.organs import Organ
from turkicorg.rotation import NameOrder
from turkicorg.serialize import _atomic_write as write_atomically

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable, Sequence

    from turkicorg.chairmanship import ChairPolicy, ChairTerm
    from turkicorg.meetings import Meeting
    from turkicorg.organization import Organization
    from turkicorg.parties import State
    from turkicorg.registry import MeetingRegistry

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


def parse_partial(text: str) -> PartialDate:
    """Parse a range bound: ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or ``today``.

    A partial first bound counts from its first day, a partial last bound to its last day.
    """
    if text == "today":
        return PartialDate.from_date(today())
    try:
        return PartialDate.parse(text)
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
    if _document_type(text) is turkicorg.Organization:
        return serialize.loads(text, turkicorg.Organization)
    return ots.with_meetings(serialize.loads(text, turkicorg.MeetingRegistry))


def _prose(text: str) -> str:
    """Wrap an explanation to fit an 80-column terminal."""
    return textwrap.fill(text, width=79, break_long_words=False, break_on_hyphens=False)


def _table(rows: Sequence[Sequence[str]], headers: Sequence[str], out: TextIO) -> None:
    """Print a plain table that fits 80 columns (long titles, names and places are shortened)."""
    widths = [len(h) for h in headers]
    for row in rows:
        widths = [max(w, len(cell)) for w, cell in zip(widths, row, strict=True)]
    shrinkable = [i for i, h in enumerate(headers) if h in _SHRINKABLE] or list(range(len(headers)))
    budget = 80 - 2 * (len(headers) - 1)
    while sum(widths) > budget and max(widths[i] for i in shrinkable) > 8:
        widest = max(shrinkable, key=lambda i: widths[i])
        widths[widest] -= 1

    def fit(cell: str, width: int) -> str:
        return cell if len(cell) <= width else cell[: max(width - 1, 0)] + "…"

    lines = [headers, ["-" * w for w in widths], *rows]
    for line in lines:
        cells = [fit(cell, w).ljust(w) for cell, w in zip(line, widths, strict=True)]
        out.write("  ".join(cells).rstrip() + "\n")


_SHRINKABLE = frozenset({"title", "place", "name", "official_name"})


def _emit(rows: list[dict[str, Any]], headers: Sequence[str], fmt: str, out: TextIO) -> None:
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
    out.writelines(_prose(line) + "\n" for line in _post_lines(ots, day))
    out.write(f"\nData {ots.data_version}, last verified {ots.last_verified}.\n")
    return EXIT_OK


def _post_lines(ots: Organization, day: dt.date) -> list[str]:
    chair = ots.chair(on=day)
    lines = ["", f"Chair of the organization: {_term_line(chair) if chair else 'not recorded'}"]
    elders = ots.council_of_elders
    elders_chair = elders.chair(on=day)
    lines.append(f"Chairman of the Council of Elders: {elders_chair or 'not recorded'}")
    if elders_chair is not None:
        following = elders.next_chair(after=day)
        lines.append(
            f"Next Council of Elders chair: {following.state.short_name} (short-name order; "
            "why: turkicorg chair elders --next --explain)"
        )
    sg = ots.secretary_general(on=day)
    lines.append(f"Secretary General: {sg.name if sg else 'not recorded'}")
    return lines


def _order(value: str | None) -> NameOrder | None:
    return None if value is None else NameOrder(value)


def cmd_chair(args: argparse.Namespace, out: TextIO) -> int:
    """Print who chairs the organization or the Council of Elders, or who chairs next."""
    ots = _load(args)
    day = args.on or today()
    if args.body == "elders":
        return _elders_chair(ots, args, day, out)
    if args.order is not None:
        raise UsageError("--order applies to 'chair elders' only")
    policy: ChairPolicy = (
        CalendarYearRotation()
        if args.policy == "rule"
        else SummitHandover(include_planned=args.next is not None)
    )
    if args.next is not None:
        upcoming = [
            t
            for t in ots.chairs(policy=policy, until=f"{day.year + args.next + 1}")
            if t.start is None or t.start > day
        ][: args.next]
        if not upcoming:
            sys.stderr.write(
                "turkicorg: no next chair can be computed: the next host is agreed summit by "
                "summit and no planned regular summit is recorded\n"
            )
            return EXIT_INVALID
        out.writelines(_term_text(term, explain=args.explain) for term in upcoming)
        return EXIT_OK
    current = ots.chair(on=day, policy=policy)
    if current is None:
        sys.stderr.write(f"turkicorg: no chair is recorded on {day}\n")
        return EXIT_INVALID
    out.write(_term_text(current, explain=args.explain))
    return EXIT_OK


def _term_text(term: ChairTerm, *, explain: bool) -> str:
    return (_prose(term.explain()) if explain else _term_line(term)) + "\n"


def _term_line(term: ChairTerm) -> str:
    since = f" since {term.start}" if term.start else ""
    until = f" until {term.end}" if term.end else ""
    mark = " (projected)" if term.projected else ""
    return f"{term.state.short_name}{since}{until}{mark} [{term.basis}]"


def _elders_chair(ots: Organization, args: argparse.Namespace, day: dt.date, out: TextIO) -> int:
    if args.policy != "practice":
        raise UsageError("--policy applies to 'chair organization' only")
    policy = ElderChairPolicy(
        order=_order(args.order) or NameOrder.SHORT, term_years=args.term_years
    )
    council = ots.elders_council(policy=policy)
    if args.next is not None:
        for following in council.upcoming_chairs(args.next, after=day):
            if args.explain:
                out.write(_prose(following.explain()) + "\n")
            else:
                when = f" from {following.start} (projected)" if following.start else ""
                out.write(f"{following.state.short_name}{when}\n")
        return EXIT_OK
    term = council.chair(on=day)
    if term is None:
        sys.stderr.write(f"turkicorg: no Chairman of the Council of Elders is recorded on {day}\n")
        return EXIT_INVALID
    out.write(str(term) + "\n")
    if args.explain:
        out.write(_prose(f"Policy: {policy.describe()}.") + "\n")
    return EXIT_OK


def _positions(args: argparse.Namespace) -> dict[str, str]:
    positions: dict[str, str] = {}
    for position in ("support", "object", "abstain", "absent"):
        for party in (getattr(args, position) or "").split(","):
            if party.strip():
                if party.strip() in positions:
                    raise UsageError(f"{party.strip()} is given two positions")
                positions[party.strip()] = position
    return positions


def cmd_decide(args: argparse.Namespace, out: TextIO) -> int:
    """Apply an organ's decision rule to the positions given."""
    ots = _load(args)
    positions = _positions(args)
    if not positions:
        raise UsageError("give at least one position (--support, --object, --abstain, --absent)")
    try:
        outcome = ots.decide(args.organ, positions, on=args.on or today())
    except UnknownStateError as error:
        raise UsageError(str(error)) from None
    out.write(("adopted" if outcome.adopted else "not adopted") + "\n")
    out.write(_prose(outcome.explain()) + "\n")
    return EXIT_OK if outcome.adopted else EXIT_INVALID


def cmd_validate(args: argparse.Namespace, out: TextIO) -> int:
    """Check turkicorg JSON files; print every problem with its path."""
    from turkicorg import serialize  # noqa: PLC0415 - only when validating

    status = EXIT_OK
    for path in args.files:
        try:
            with open(path, encoding="utf-8") as handle:  # noqa: PTH123 - plain text file
                text = handle.read()
        except (OSError, UnicodeDecodeError) as error:
            out.write(f"{path}: cannot read: {error}\n")
            status = EXIT_INVALID
            continue
        try:
            kind = _document_type(text)
            loaded = serialize.loads(text, kind)
            if isinstance(loaded, turkicorg.MeetingRegistry):
                # A registry on its own must still name known parties (as --data requires).
                loaded.validate(parties={p.id for p in turkicorg.load_default().parties})
        except InvalidDataError as error:
            status = EXIT_INVALID
            count = len(error.errors)
            out.write(f"{path}: invalid ({count} problem{'s' if count != 1 else ''})\n")
            out.writelines(f"  {problem}\n" for problem in error.errors)
        else:
            out.write(f"{path}: valid {kind.__name__}\n")
    return status


def _document_type(text: str) -> type[Any]:
    """The class a turkicorg document declares in its envelope (``type``)."""
    try:
        declared = json.loads(text).get("type")
    except (ValueError, AttributeError, RecursionError):
        declared = None
    types: dict[str, type[Any]] = {
        "Organization": turkicorg.Organization,
        "MeetingRegistry": turkicorg.MeetingRegistry,
        "Meeting": turkicorg.Meeting,
        "State": turkicorg.State,
    }
    return types.get(str(declared), turkicorg.MeetingRegistry)


def _filtered(ots: Organization, args: argparse.Namespace) -> MeetingRegistry:
    between = (args.between[0], args.between[1]) if args.between else None
    try:
        return ots.meetings.filter(
            organ=args.organ,
            body=args.body,
            kind=args.kind,
            host=ots.state(args.host).id if args.host else None,
            participant=ots.state(args.participant).id if args.participant else None,
            year=args.year,
            between=between,
            status=args.status,
            text=" ".join(args.text) if args.text else None,
            strict=args.strict,
        )
    except InvalidDateError:
        raise
    except ValueError as error:
        raise UsageError(str(error)) from None


_LONG_NAMES = (
    " of the Organization of Turkic States",
    " of the Cooperation Council of Turkic Speaking States (Turkic Council)",
    " of the Cooperation Council of Turkic Speaking States",
)


_ABBREVIATIONS = (
    ("Council of Foreign Ministers", "CFM"),
    ("Council of Heads of State", "CHS"),
)


def _short_title(title: str) -> str:
    """A title without the organization's name, for tables (the JSON keeps it whole)."""
    for name in _LONG_NAMES:
        title = title.replace(name, "")
    for long, short in _ABBREVIATIONS:
        title = title.replace(long, short)
    return title


def _meeting_row(meeting: Meeting) -> dict[str, Any]:
    place = meeting.place.city if meeting.place and meeting.place.city else ""
    if meeting.format.value == "video":
        place = place or "video"
    return {
        "id": meeting.id,
        "date": str(meeting.span),
        "body": meeting.body.value,
        "kind": meeting.kind.value,
        "title": _short_title(meeting.title),
        "place": place,
        "host": meeting.host or "",
        "status": meeting.status.value,
    }


def cmd_meetings(args: argparse.Namespace, out: TextIO) -> int:
    """List the meetings that pass the filters, in the chosen format."""
    ots = _load(args)
    found = _filtered(ots, args)
    if args.format == "json":
        from turkicorg import serialize  # noqa: PLC0415

        out.write(serialize.dumps(found, indent=2) + "\n")
    elif args.format == "ics":
        out.write(_calendar(ots, found, args.partial))
    elif args.format == "csv":
        from turkicorg.export import to_csv  # noqa: PLC0415

        out.write(to_csv(found))
    else:
        if not len(found):
            sys.stderr.write("turkicorg: no meeting matches\n")
            return EXIT_INVALID
        rows = [_meeting_row(m) for m in found]
        _emit(rows, ["date", "kind", "title", "place"], "table", out)
    return EXIT_OK if len(found) else EXIT_INVALID


def cmd_gaps(args: argparse.Namespace, out: TextIO) -> int:
    """List the periods in which an organ's expected meeting is not recorded."""
    ots = _load(args)
    if args.between:
        first, last = args.between[0].earliest, args.between[1].latest
    else:
        first, last = ots.meetings.meetings[0].earliest, today()
    kind = args.kind
    gaps = ots.meetings.gaps(args.organ, between=(first, last), kind=kind)
    profile = ots.profile(args.organ)
    due = ots.meetings.due(args.organ, on=args.on or today(), kind=kind)
    out.write(f"{profile.name}: expected rhythm\n")
    for cadence in profile.cadences:
        if kind is None or cadence.kind == kind:
            out.write(_prose(f"  {cadence.kind}: {cadence.description}") + "\n")
    out.write(f"Gaps between {first} and {last}:\n")
    out.writelines(_prose(f"  {gap}") + "\n" for gap in gaps)
    if not gaps:
        out.write("  none\n")
    out.write(_prose(str(due)) + "\n")
    return EXIT_OK


def _calendar(ots: Organization, meetings: MeetingRegistry, partial: str) -> str:
    """The meetings as iCalendar; say on stderr what a partial date kept out."""
    from turkicorg.export import to_ical  # noqa: PLC0415 - only when exporting

    if partial == "skip":
        left_out = sum(1 for m in meetings if not m.span.is_exact)
        if left_out:
            sys.stderr.write(
                f"turkicorg: {left_out} meeting(s) known only to the month or year left out of "
                "the calendar; --partial span includes them as whole-month or whole-year "
                "events\n"
            )
    mode: Literal["skip", "span"] = "span" if partial == "span" else "skip"
    return to_ical(meetings, dtstamp=ots.last_verified, partial=mode)


def _export_text(ots: Organization, what: str, partial: str = "skip") -> str:
    from turkicorg import export, serialize  # noqa: PLC0415 - only when exporting

    if what == "json":
        return serialize.dumps(ots, indent=2) + "\n"
    if what == "jsonl":
        return "".join(line + "\n" for line in serialize.iter_dumps(ots.meetings))
    if what == "csv":
        return export.to_csv(ots.meetings)
    if what == "ics":
        return _calendar(ots, ots.meetings, partial)
    if what == "popolo":
        return json.dumps(export.to_popolo(ots), ensure_ascii=False, indent=2) + "\n"
    return json.dumps(serialize.json_schema(), ensure_ascii=False, indent=2) + "\n"


def cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    """Write the organization, its meetings or the JSON Schema in one of the formats."""
    ots = _load(args)
    text = _export_text(ots, args.what, args.partial)
    if args.output is None:
        out.write(text)
        return EXIT_OK
    write_atomically(args.output, [text.encode("utf-8")])
    sys.stderr.write(f"turkicorg: wrote {args.output}\n")
    return EXIT_OK


def cmd_timeline(args: argparse.Namespace, out: TextIO) -> int:
    """Draw memberships, chairs and summits as an SVG timeline."""
    from turkicorg.timeline import write_timeline  # noqa: PLC0415 - optional extra

    ots = _load(args)
    path = write_timeline(ots, args.output)
    out.write(f"wrote {path}\n")
    return EXIT_OK


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


class _Formatter(argparse.RawDescriptionHelpFormatter):
    """Wrap one-paragraph descriptions; keep multi-line texts (examples) as written."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if "\n" in text:
            return super()._fill_text(text, width, indent)
        return textwrap.fill(text, min(width, 79), initial_indent=indent, subsequent_indent=indent)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} must be at least 1")
    return value


def _year(text: str) -> int:
    if not (len(text) == 4 and text.isdigit()):
        raise argparse.ArgumentTypeError(f"{text!r} is not a year (YYYY)")
    return int(text)


def _add_common(parser: argparse.ArgumentParser, *, on: bool = True) -> None:
    if on:
        parser.add_argument(
            "--on",
            type=parse_day,
            metavar="DATE",
            help=(
                "the day to ask about: YYYY-MM-DD, or YYYY-MM / YYYY for its first day, or "
                "'today' (the default)"
            ),
        )
    parser.add_argument(
        "--data",
        metavar="FILE",
        help=(
            "your own data instead of the embedded data: a turkicorg JSON organization "
            "(replaces everything) or meeting registry (replaces the meetings)"
        ),
    )


def _add_overview(sub: Any) -> None:
    overview = sub.add_parser(
        "overview",
        help="who belongs to the organization and who holds its posts",
        description="Members, observers and the holders of the organization's posts on a day.",
        epilog="example:\n  turkicorg overview --on 2022-11-15",
        formatter_class=_Formatter,
    )
    _add_common(overview)
    overview.set_defaults(handler=cmd_overview)


def _add_members(sub: Any) -> None:
    members = sub.add_parser(
        "members",
        help="the member states (and observers) on a day",
        description="The member states on a day; with --observers also the observers.",
        epilog="examples:\n  turkicorg members\n  turkicorg members --on 2019-10-14 --format json",
        formatter_class=_Formatter,
    )
    _add_common(members)
    members.add_argument("--observers", action="store_true", help="include the observers")
    members.add_argument(
        "--format", choices=("table", "json", "csv"), default="table", help="output format"
    )
    members.set_defaults(handler=cmd_members)


def _add_chair(sub: Any) -> None:
    chair = sub.add_parser(
        "chair",
        help="who chairs the organization or the Council of Elders (now, on a day, next)",
        description=(
            "Who chairs the organization (default) or the Council of Elders on a day, or who "
            "chairs next. The organization's chair follows practice by default: the host of "
            "each regular summit from its close to the next regular summit. The Council of "
            "Elders' chair was first held by Türkiye's elder; it then passes to the other "
            "member states in turn, in English alphabetical order; --order picks short names "
            "(default) or official names, which the sources leave open."
        ),
        epilog=(
            "examples:\n"
            "  turkicorg chair\n"
            "  turkicorg chair organization --on 2023-01-01 --explain\n"
            "  turkicorg chair elders --next --explain\n"
            "  turkicorg chair elders --next 4 --order official\n"
            "  turkicorg chair elders --next 3 --term-years 4   (an assumed term: projected dates)"
        ),
        formatter_class=_Formatter,
    )
    chair.add_argument(
        "body",
        nargs="?",
        choices=("organization", "elders"),
        default="organization",
        help="which chair (default: organization)",
    )
    _add_common(chair)
    chair.add_argument(
        "--next",
        nargs="?",
        type=_count,
        const=1,
        metavar="N",
        help="the next chair (or the next N chairs) instead of the current one",
    )
    chair.add_argument(
        "--order",
        choices=("short", "official"),
        help="elders: which names are sorted (default short; sources leave it open)",
    )
    chair.add_argument(
        "--term-years",
        type=_count,
        metavar="N",
        help="elders: assume a chair's term of N years (dates then marked projected)",
    )
    chair.add_argument(
        "--policy",
        choices=("practice", "rule"),
        default="practice",
        help="organization: practice (default) or the written calendar-year rule",
    )
    chair.add_argument("--explain", action="store_true", help="say why, with the policy")
    chair.set_defaults(handler=cmd_chair)


def _add_decide(sub: Any) -> None:
    decide = sub.add_parser(
        "decide",
        help="apply an organ's decision rule to the positions taken",
        description=(
            "Apply an organ's decision rule (consensus: sourced for the Council of Elders, the "
            "documented default for the other councils) to the positions the parties took. "
            "Member states on the day are entitled; a member not named is absent; observers' "
            "positions are recorded but never count. Exit status 0 when adopted, 1 when not."
        ),
        epilog="example:\n  turkicorg decide CFM --support AZ,KZ,KG,UZ --object TR --on 2024-01-01",
        formatter_class=_Formatter,
    )
    decide.add_argument("organ", choices=("CHS", "CFM", "SOC", "COE"), help="the deciding organ")
    for position in ("support", "object", "abstain", "absent"):
        decide.add_argument(
            f"--{position}",
            metavar="A,B",
            help=f"comma-separated parties (ids, codes or names) whose position is {position}",
        )
    _add_common(decide)
    decide.set_defaults(handler=cmd_decide)


def _add_meetings(sub: Any) -> None:
    meetings = sub.add_parser(
        "meetings",
        help="list meetings: summits, ministerial, elders' and other meetings",
        description=(
            "List the meetings of the registry that pass every filter given. A meeting known "
            "only to the month or year matches any range that overlaps it; --strict keeps "
            "only meetings certainly inside the range."
        ),
        epilog=(
            "examples:\n"
            "  turkicorg meetings --organ CFM --kind extraordinary --year 2022\n"
            "  turkicorg meetings --organ CFM --kind extraordinary --year 2022 --format ics"
            " > cfm-2022.ics\n"
            "  turkicorg meetings --organ COE --between 2022 2024\n"
            "  turkicorg meetings --participant OSCE --format json\n"
            "  turkicorg meetings --text samarkand"
        ),
        formatter_class=_Formatter,
    )
    meetings.add_argument("--organ", choices=[o.value for o in Organ], help="the organ that met")
    meetings.add_argument(
        "--body",
        metavar="BODY",
        help="the body that met: an organ or a mechanism (bilateral, research_centers, ...)",
    )
    meetings.add_argument("--kind", choices=[k.value for k in MeetingKind], help="kind of meeting")
    meetings.add_argument("--host", metavar="PARTY", help="the host (id, code or name)")
    meetings.add_argument(
        "--participant", metavar="PARTY", help="a party the meeting names (id, code or name)"
    )
    meetings.add_argument("--year", type=_year, metavar="YYYY", help="meetings of one year")
    meetings.add_argument(
        "--between",
        nargs=2,
        type=parse_partial,
        metavar=("FIRST", "LAST"),
        help="a range of days, both included (2022 2024 means 2022-01-01 to 2024-12-31)",
    )
    meetings.add_argument(
        "--status", choices=[s.value for s in MeetingStatus], help="confirmed, tentative, ..."
    )
    meetings.add_argument("--text", nargs="+", metavar="WORD", help="words in the record")
    meetings.add_argument(
        "--strict", action="store_true", help="only meetings certainly inside the range"
    )
    meetings.add_argument(
        "--format",
        choices=("table", "json", "csv", "ics"),
        default="table",
        help="table (default), json (a turkicorg registry), csv or ics (a calendar)",
    )
    meetings.add_argument(
        "--partial",
        choices=("skip", "span"),
        default="skip",
        help=(
            "ics: meetings known only to the month or year are left out (skip, the default) "
            "or exported as whole-month or whole-year events (span)"
        ),
    )
    _add_common(meetings, on=False)
    meetings.set_defaults(handler=cmd_meetings)


def _add_gaps(sub: Any) -> None:
    gaps = sub.add_parser(
        "gaps",
        help="periods in which an organ's expected meeting is not recorded",
        description=(
            "The expected rhythm of an organ (from its sourced profile), the periods without "
            "a recorded meeting longer than that rhythm, and when the next one is due."
        ),
        epilog="examples:\n  turkicorg gaps COE\n  turkicorg gaps CHS --between 2011 2025",
        formatter_class=_Formatter,
    )
    gaps.add_argument("organ", choices=("CHS", "CFM", "COE"), help="the organ")
    gaps.add_argument(
        "--between",
        nargs=2,
        type=parse_partial,
        metavar=("FIRST", "LAST"),
        help="a range of days, both included (2022 2024 means 2022-01-01 to 2024-12-31)",
    )
    gaps.add_argument("--kind", choices=("regular", "informal"), help="which rhythm")
    _add_common(gaps)
    gaps.set_defaults(handler=cmd_gaps)


def _add_export(sub: Any) -> None:
    export = sub.add_parser(
        "export",
        help="write the data as JSON, JSON Lines, CSV, iCalendar, Popolo or the JSON Schema",
        description=(
            "Write the embedded data (or --data) in a format: json (the whole organization, "
            "lossless), jsonl (one meeting per line), csv and ics (the meetings), popolo (the "
            "organization for civic-data tools) or schema (the JSON Schema of the json "
            "format). With -o the file is written atomically: a reader sees the old file or "
            "the new one, never half of one."
        ),
        epilog=(
            "examples:\n"
            "  turkicorg export ics -o ots.ics\n"
            "  turkicorg export json -o ots.json\n"
            "  turkicorg export popolo > ots-popolo.json"
        ),
        formatter_class=_Formatter,
    )
    export.add_argument(
        "what", choices=("json", "jsonl", "csv", "ics", "popolo", "schema"), help="the format"
    )
    export.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default stdout)")
    export.add_argument(
        "--partial",
        choices=("skip", "span"),
        default="skip",
        help=(
            "ics: meetings known only to the month or year are left out (skip, the default) "
            "or exported as whole-month or whole-year events (span)"
        ),
    )
    _add_common(export, on=False)
    export.set_defaults(handler=cmd_export)


def _add_timeline(sub: Any) -> None:
    timeline = sub.add_parser(
        "timeline",
        help="draw memberships, chairs and summits as an SVG picture",
        description=(
            "Draw the memberships and observer statuses of every party, the organization's "
            "chairmanship, the Council of Elders' chairs and the summits as an SVG picture. "
            'Needs the timeline extra: pip install "turkicorg[timeline]".'
        ),
        epilog="example:\n  turkicorg timeline -o ots-timeline.svg",
        formatter_class=_Formatter,
    )
    timeline.add_argument(
        "-o", "--output", metavar="FILE", required=True, help="the SVG file to write"
    )
    _add_common(timeline, on=False)
    timeline.set_defaults(handler=cmd_timeline)


def _add_validate(sub: Any) -> None:
    validate = sub.add_parser(
        "validate",
        help="check turkicorg JSON files and list every problem with its path",
        description=(
            "Check turkicorg JSON documents (a meeting registry, an organization, ...): every "
            "problem is printed with its path. Exit status 1 when any file is invalid."
        ),
        epilog="example:\n  turkicorg validate my-meetings.json",
        formatter_class=_Formatter,
    )
    validate.add_argument("files", nargs="+", metavar="FILE", help="files to check")
    validate.set_defaults(handler=cmd_validate)


def _add_info(sub: Any) -> None:
    info = sub.add_parser(
        "info",
        help="data version, last verified, counts, where facts come from",
        description="The version of the embedded data, when it was last verified, and counts.",
    )
    _add_common(info, on=False)
    info.set_defaults(handler=cmd_info)


def build_parser() -> argparse.ArgumentParser:
    """The command-line parser (also used to generate the command-line reference)."""
    parser = _Parser(
        prog="turkicorg",
        description="Answers about the Organization of Turkic States, from sourced data.",
        epilog=(
            "examples:\n"
            "  turkicorg overview\n"
            "  turkicorg members --on 2019-10-15 --observers\n"
            "  turkicorg chair elders --next --explain\n"
            "  turkicorg info\n\n"
            "exit status: 0 ok, 1 invalid data or no result, 2 usage error"
        ),
        formatter_class=_Formatter,
    )
    parser.add_argument("--version", action="version", version=f"turkicorg {turkicorg.__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    _add_overview(sub)
    _add_members(sub)
    _add_chair(sub)
    _add_decide(sub)
    _add_meetings(sub)
    _add_gaps(sub)
    _add_export(sub)
    _add_timeline(sub)
    _add_validate(sub)
    _add_info(sub)
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
