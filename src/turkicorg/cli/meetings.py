"""List meetings: summits, ministerial, elders' and other meetings.

List the meetings of the registry that pass every filter given. A meeting known only to the
month or year matches any range that overlaps it; --strict keeps only meetings certainly inside
the range. With --lang, tables and calendars title each meeting of an organ with the organ's name
in that language where a source gives it.

Examples:
    turkicorg meetings --organ CFM --kind extraordinary --year 2022
    turkicorg meetings --organ CFM --kind extraordinary --year 2022 --format ics > cfm-2022.ics
    turkicorg meetings --organ COE --between 2022 2024
    turkicorg meetings --participant OSCE --format json
    turkicorg meetings --text samarkand
    turkicorg meetings --organ CHS --lang tr --format ics > zirveler.ics
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, Final, Literal, TypeAlias

import attrs

from turkicorg.cli.evidence import add_sources, note_horizon, source_lines
from turkicorg.cli.lang import add_lang, organ_name
from turkicorg.cli.loading import load
from turkicorg.cli.options import (
    add_between,
    add_command,
    add_common,
    add_format,
    add_kind,
    add_organ,
    add_partial,
    add_wide,
    between_range,
    choice,
    year,
)
from turkicorg.cli.output import escape_json, table
from turkicorg.cli.status import EXIT_INVALID, EXIT_OK, NoResult, UsageError
from turkicorg.errors import UnknownStateError
from turkicorg.meetings import MeetingStatus
from turkicorg.organs import Mechanism, Organ

if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable

    from turkicorg.cli.output import Console
    from turkicorg.meetings import Meeting
    from turkicorg.organization import Organization
    from turkicorg.registry import MeetingRegistry

__all__ = [
    "FORMATS",
    "Writer",
    "calendar",
    "localized_title",
    "register",
    "run",
    "short_title",
]

_ABBREVIATE_OVER: Final = 20
"""Organ names longer than this are abbreviated in tables ("Council of Foreign Ministers")."""


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``meetings`` command."""
    parser = add_command(sub, "meetings", doc=__doc__, handler=run)
    add_organ(parser, help="the organ that met", option=True)
    bodies = [*(organ.value for organ in Organ), *(mechanism.value for mechanism in Mechanism)]
    parser.add_argument(
        "--body",
        type=choice(bodies),
        choices=bodies,
        metavar="BODY",
        help=f"the body that met: an organ or a mechanism ({', '.join(bodies)})",
    )
    add_kind(parser, help="kind of meeting")
    parser.add_argument("--host", metavar="PARTY", help="the host (id, code or name)")
    parser.add_argument(
        "--participant", metavar="PARTY", help="a party the meeting names (id, code or name)"
    )
    parser.add_argument("--year", type=year, metavar="YYYY", help="meetings of one year")
    add_between(parser)
    statuses = [status.value for status in MeetingStatus]
    parser.add_argument(
        "--status", type=choice(statuses), choices=statuses, help="confirmed, tentative, ..."
    )
    parser.add_argument(
        "--text",
        nargs="+",
        metavar="WORD",
        help="words in the title, theme, topics, place, note or participants (any case)",
    )
    parser.add_argument("--city", metavar="CITY", help="the city met in (any case or accents)")
    parser.add_argument("--country", metavar="PARTY", help="the country met in (id, code or name)")
    parser.add_argument(
        "--strict", action="store_true", help="only meetings certainly inside the range"
    )
    add_format(
        parser, FORMATS, "table (default), json (a turkicorg registry), csv or ics (a calendar)"
    )
    add_partial(parser)
    add_wide(parser)
    add_lang(
        parser,
        help=(
            "table and ics: a meeting of an organ is titled with the organ's name in this "
            "language (a tag such as tr, kk, uz-Cyrl) where a source gives it (calendars keep "
            "the English title in the description); other meetings keep the English title, "
            "marked [en] in front in tables and LANGUAGE=en in calendars; json and csv stay "
            "the registry, whose bodies and parties are ids"
        ),
    )
    add_common(parser, on=False)
    add_sources(parser)


def run(args: argparse.Namespace, console: Console) -> int:
    """List the meetings that pass the filters, in the chosen format."""
    console = attrs.evolve(console, wide=args.wide)
    ots = load(args)
    _note_range(ots, args, console)
    found = _filtered(ots, args)
    console.write(FORMATS[args.format](ots, found, args.partial, console, args.lang))
    if args.sources and args.format == "table":
        for meeting in found:
            console.line(f"{meeting.id}:")
            for line in source_lines(meeting.sources, meeting.alternatives):
                console.line(line)
    return EXIT_OK if len(found) else EXIT_INVALID


def _note_range(ots: Organization, args: argparse.Namespace, console: Console) -> None:
    """The horizon note when the range asked about reaches past the data."""
    if args.between:
        note_horizon(ots, args.between[1].latest, console)
    elif args.year:
        note_horizon(ots, dt.date(args.year, 12, 31), console)


def _filtered(ots: Organization, args: argparse.Namespace) -> MeetingRegistry:
    filters: dict[str, Any] = {
        "organ": args.organ,
        "body": args.body,
        "kind": args.kind,
        "host": _party(ots, "--host", args.host),
        "participant": _party(ots, "--participant", args.participant),
        "year": args.year,
        "between": between_range(args.between),
        "status": args.status,
        "text": " ".join(args.text) if args.text else None,
        "city": args.city,
        "country": _party(ots, "--country", args.country),
        "strict": args.strict,
    }
    try:
        return ots.meetings.filter(**filters)
    except ValueError as error:
        raise UsageError("meetings", str(error)) from None


def _party(ots: Organization, option: str, name: str | None) -> str | None:
    """The id of the party an option names; an unknown name is a usage error naming it."""
    if not name:
        return None
    try:
        return ots.state(name).id
    except UnknownStateError as error:
        raise UsageError(option, str(error)) from None


def short_title(ots: Organization) -> Callable[[str], str]:
    """Shortens titles for tables: no organization name, long organ names abbreviated.

    The names come from the data (the organization's names, its organs' profiles); JSON,
    CSV and calendars keep titles whole.
    """
    names = {f" of the {n.name} ({n.short_name})" for n in ots.names if n.short_name}
    names |= {f" of the {n.name}" for n in ots.names}
    removed = sorted(names, key=len, reverse=True)
    abbreviations = [(p.name, p.organ.value) for p in ots.organs if len(p.name) > _ABBREVIATE_OVER]

    def shorten(title: str) -> str:
        for name in removed:
            title = title.replace(name, "")
        for long, short in abbreviations:
            title = title.replace(long, short)
        return title

    return shorten


def _row(meeting: Meeting, shorten: Callable[[str], str]) -> list[str]:
    place = meeting.place.city if meeting.place and meeting.place.city else ""
    if meeting.format.value == "video":
        place = place or "video"
    return [str(meeting.span), meeting.kind.value, shorten(meeting.title), place]


def localized_title(ots: Organization, lang: str | None) -> Callable[[str], str] | None:
    """None for English; otherwise a function from a body code to the title a table shows.

    The title is the organ's name in ``lang`` where a source gives it, else "" (the table
    then shows the English title, marked [en] in front, where shortening cannot cut it off).
    """
    if lang is None or lang == "en":
        return None
    names = {p.organ.value: organ_name(p, lang) for p in ots.organs}
    known = {body: name.text for body, name in names.items() if name.lang == lang}
    return lambda body: known.get(body, "")


def _table(
    ots: Organization, found: MeetingRegistry, _partial: str, _console: Console, lang: str | None
) -> str:
    if not len(found):
        raise NoResult("no meeting matches")
    shorten = short_title(ots)
    local = localized_title(ots, lang)
    rows = [_row(m, shorten) for m in found]
    if local is not None:
        for row, meeting in zip(rows, found, strict=True):
            row[2] = local(meeting.body.value) or f"[en] {row[2]}"  # kept when shortened
    return table(rows, ["date", "kind", "title", "place"], width=_console.table_width())


def _json(
    _ots: Organization, found: MeetingRegistry, _partial: str, _console: Console, _lang: str | None
) -> str:
    from turkicorg import serialize  # noqa: PLC0415 - only for JSON

    return escape_json(serialize.dumps(found, indent=2)) + "\n"


def _csv(
    _ots: Organization, found: MeetingRegistry, _partial: str, _console: Console, _lang: str | None
) -> str:
    from turkicorg.export import to_csv  # noqa: PLC0415 - only for CSV

    return to_csv(found)


def calendar(
    ots: Organization,
    meetings: MeetingRegistry,
    partial: str,
    console: Console,
    lang: str | None = None,
) -> str:
    """The meetings as iCalendar; say on the error stream what a partial date kept out.

    With ``lang``, meetings of an organ are titled with its name in that language where the
    data gives it (see :func:`turkicorg.export.to_ical`).
    """
    from turkicorg.export import to_ical  # noqa: PLC0415 - only when exporting

    if partial == "skip":
        left_out = sum(1 for m in meetings if not m.span.is_exact)
        if left_out:
            console.note(
                f"{left_out} meeting(s) known only to the month or year left out of the "
                "calendar; --partial span includes them as whole-month or whole-year events"
            )
    mode: Literal["skip", "span"] = "span" if partial == "span" else "skip"
    if lang is None:
        return to_ical(meetings, dtstamp=ots.last_verified, partial=mode)
    named = attrs.evolve(ots, meetings=meetings)  # the organ names of this organization
    return to_ical(named, dtstamp=ots.last_verified, partial=mode, lang=lang)


Writer: TypeAlias = "Callable[[Organization, MeetingRegistry, str, Console, str | None], str]"
"""A format's writer: organization, meetings, --partial, console, --lang."""

FORMATS: Final[dict[str, Writer]] = {
    "table": _table,
    "json": _json,
    "csv": _csv,
    "ics": calendar,
}
"""The output formats by name (the first is the default)."""
