"""What the timeline shows, before any drawing: its rows of bars, its summits and its window.

Everything here is plain data computed from an organization: no matplotlib. The drawing
(:mod:`turkicorg.timeline.render`) turns a :class:`Layout` into SVG.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Final

import attrs

from turkicorg.dates import PartialDate
from turkicorg.errors import PolicyError
from turkicorg.meetings import Meeting, MeetingKind, MeetingStatus
from turkicorg.organs import Organ
from turkicorg.record import DateLike, Status

if TYPE_CHECKING:
    from collections.abc import Iterable

    from turkicorg.organization import Organization
    from turkicorg.record import Membership

__all__ = [
    "MARKS",
    "MEMBER_COLOUR",
    "OBSERVER_COLOUR",
    "STATE_COLOURS",
    "Bar",
    "DateLike",
    "Layout",
    "Row",
    "lay_out",
    "summit_tooltip",
    "text_colour",
]

MEMBER_COLOUR: Final = "#0072B2"
"""The colour of a member state's bar (Okabe-Ito blue)."""
OBSERVER_COLOUR: Final = "#E69F00"
"""The colour of an observer's bar (Okabe-Ito orange)."""
STATE_COLOURS: Final = (
    "#77AADD",
    "#EE8866",
    "#EEDD88",
    "#FFAABB",
    "#99DDFF",
    "#44BB99",
    "#BBCC33",
    "#AAAA00",
    "#DDDDDD",
)
"""Colours of the chairing states, in order of first chair (Paul Tol's light scheme)."""
MARKS: Final = {
    MeetingKind.REGULAR: ("o", "#222222", 0.0),
    MeetingKind.EXTRAORDINARY: ("D", "#D55E00", 0.22),
    MeetingKind.INFORMAL: ("^", "#009E73", -0.22),
}
"""Marker, colour and vertical offset in the row for each kind of summit."""
_SUMMITS_LABEL: Final = "Summits (Council of Heads of State)"


@attrs.frozen(kw_only=True)
class Bar:
    """One bar of a row: ``start`` included, ``end`` excluded (None: open-ended)."""

    start: dt.date
    end: dt.date | None
    colour: str
    label: str
    gid: str
    tooltip: str
    centred: bool = False


@attrs.frozen(kw_only=True)
class Row:
    """One row of bars, labelled; ``party`` is the party's id in a party's row."""

    label: str
    bars: tuple[Bar, ...]
    party: str | None = None


@attrs.frozen(kw_only=True)
class Layout:
    """Everything the picture shows, from the top: the summits' row, then ``rows``.

    Attributes:
        rows: The chairmanship, the Council of Elders' chair, then one row per party shown.
        summits: The summits marked in the top row.
        window: The drawn days: the first included, the last excluded.
        labels: The label of every row from the top, the summits' row first.
        heading: The picture's title.
        footnote: The note under the picture (policies applied, data version).
    """

    rows: tuple[Row, ...]
    summits: tuple[Meeting, ...]
    window: tuple[dt.date, dt.date]
    labels: tuple[str, ...]
    heading: str
    footnote: str


def text_colour(background: str) -> str:
    """Black or white, whichever reads better on ``background`` (``#RRGGBB``)."""
    red, green, blue = (int(background[i : i + 2], 16) / 255 for i in (1, 3, 5))
    luminance = 0.2126 * red + 0.7152 * green + 0.0722 * blue
    return "#000000" if luminance > 0.45 else "#FFFFFF"


def _period(start: object, end: object) -> str:
    return f"from {start} until {end}" if end is not None else f"from {start}, ongoing"


def _membership_bar(org: Organization, index: int, membership: Membership) -> Bar:
    party = org.state(membership.party)
    status = membership.status.value
    end = membership.end
    label = (
        f"{status} since {membership.start}"
        if end is None
        else f"{status} {membership.start} – {end}"
    )
    details = [f"{party.short_name}: {status} {_period(membership.start, end)}."]
    if membership.basis:
        details.append(f"Basis: {membership.basis}.")
    details.append(f"Confidence: {membership.confidence.value}.")
    details.extend(
        f"Alternative {a.field}: {a.value} ({a.note or 'another source'})."
        for a in membership.alternatives
    )
    details.extend(f"Source: {source}" for source in membership.sources)
    return Bar(
        start=membership.start.earliest,
        end=end.earliest if end is not None else None,
        colour=MEMBER_COLOUR if membership.status is Status.MEMBER else OBSERVER_COLOUR,
        label=label,
        gid=f"membership-{membership.party}-{index}",
        tooltip="\n".join(details),
    )


def _party_rows(org: Organization) -> list[Row]:
    """One row per party with a membership: members first, then observers, by first start."""
    by_party: dict[str, list[tuple[int, Membership]]] = {}
    for index, membership in enumerate(org.memberships):
        by_party.setdefault(membership.party, []).append((index, membership))

    def order(party_id: str) -> tuple[int, dt.date, str]:
        records = by_party[party_id]
        ever_member = any(m.status is Status.MEMBER for _, m in records)
        first = min(m.start.earliest for _, m in records)
        return (0 if ever_member else 1, first, org.state(party_id).short_name)

    return [
        Row(
            label=org.state(party_id).short_name,
            bars=tuple(
                _membership_bar(org, index, membership)
                for index, membership in sorted(
                    by_party[party_id], key=lambda r: r[1].start.earliest
                )
            ),
            party=party_id,
        )
        for party_id in sorted(by_party, key=order)
    ]


def _colour_of(colours: dict[str, str], party_id: str) -> str:
    if party_id not in colours:
        colours[party_id] = STATE_COLOURS[len(colours) % len(STATE_COLOURS)]
    return colours[party_id]


def _chair_row(org: Organization, colours: dict[str, str]) -> Row:
    bars = []
    for index, term in enumerate(org.chairs()):
        if term.start is None:
            continue  # a summit known only to the month or year: no day to draw from
        bars.append(
            Bar(
                start=term.start,
                end=term.end,
                colour=_colour_of(colours, term.state.id),
                label=term.state.id,
                gid=f"chair-{index}",
                tooltip=term.explain(),
                centred=True,
            )
        )
    return Row(label="Chairmanship", bars=tuple(bars))


def _elders_row(org: Organization, colours: dict[str, str]) -> Row:
    bars = []
    for index, term in enumerate(org.council_of_elders.recorded_chairs()):
        if term.start is None:  # pragma: no cover - recorded_chairs() keeps known starts only
            continue
        who = term.person.name if term.person else term.state.short_name
        since = f"since {term.start}" if term.end is None else f"{term.start} – {term.end}"
        tooltip = (
            f"Chairman of the Council of Elders: {who} ({term.state.short_name}) "
            f"{_period(term.start, term.end)}."
        )
        bars.append(
            Bar(
                start=term.start,
                end=term.end,
                colour=_colour_of(colours, term.state.id),
                label=f"{who} ({term.state.id}), {since}",
                gid=f"elders-chair-{index}",
                tooltip="\n".join([tooltip, *(f"Source: {s}" for s in term.sources)]),
            )
        )
    return Row(label="Council of Elders chair", bars=tuple(bars))


def _summits(org: Organization) -> tuple[Meeting, ...]:
    return tuple(
        m
        for m in org.meetings
        if m.body is Organ.HEADS_OF_STATE
        and m.kind in MARKS
        and m.status in {MeetingStatus.CONFIRMED, MeetingStatus.TENTATIVE}
    )


def summit_tooltip(meeting: Meeting) -> str:
    """The tooltip of a summit's mark: what, when, where, who hosted and chaired, sources."""
    lines = [f"{meeting.title} ({meeting.kind.value}, {meeting.status.value}): {meeting.span}"]
    if meeting.place is not None and str(meeting.place):
        lines.append(f"Place: {meeting.place}")
    if meeting.host:
        lines.append(f"Host: {meeting.host}")
    if meeting.chair:
        lines.append(f"Chair: {meeting.chair}")
    lines.extend(f"Source: {source}" for source in meeting.sources)
    return "\n".join(lines)


def _window(
    org: Organization,
    rows: Iterable[Row],
    summits: Iterable[Meeting],
    start: DateLike,
    end: DateLike,
) -> tuple[dt.date, dt.date]:
    """The drawn days: ``start`` included, ``end`` excluded; by default whole years of data."""
    firsts = [bar.start for row in rows for bar in row.bars]
    lasts = [bar.end or bar.start for row in rows for bar in row.bars]
    firsts += [m.earliest for m in summits]
    lasts += [m.latest for m in summits]
    if org.last_verified is not None:
        lasts.append(org.last_verified)
    if start is None:
        first = min(firsts, default=org.last_verified or dt.date(2009, 1, 1))
        window_start = dt.date(first.year, 1, 1)
    else:
        window_start = PartialDate.coerce(start).earliest
    if end is None:
        last = max(lasts, default=window_start)
        window_end = dt.date(max(last.year, window_start.year) + 1, 1, 1)
    else:
        window_end = PartialDate.coerce(end).latest + dt.timedelta(days=1)
    if window_end <= window_start:
        raise PolicyError("timeline", f"the end ({end}) must lie after the start ({start})")
    return window_start, window_end


def lay_out(
    org: Organization, *, start: DateLike = None, end: DateLike = None, title: str | None = None
) -> Layout:
    """What the timeline of ``org`` shows (see :func:`turkicorg.timeline.render_timeline`).

    Raises:
        PolicyError: ``end`` lies before ``start``.
        InvalidDateError: ``start`` or ``end`` is not a date.
    """
    colours: dict[str, str] = {}
    chair_row = _chair_row(org, colours)
    elders_row = _elders_row(org, colours)
    party_rows = _party_rows(org)
    summits = _summits(org)
    window_start, window_end = _window(
        org, [chair_row, elders_row, *party_rows], summits, start, end
    )
    last_day = window_end - dt.timedelta(days=1)
    party_rows = [  # named as on the last day shown ("Turkey" before June 2022)
        attrs.evolve(row, label=org.state(row.party).name(on=last_day) if row.party else row.label)
        for row in party_rows
        if any(b.start < window_end and (b.end is None or b.end > window_start) for b in row.bars)
    ]
    rows = (chair_row, elders_row, *party_rows)
    heading = title or (
        f"{org.name(on=last_day)}: members, observers, chairs and summits, "
        f"{window_start.year}–{last_day.year}"
    )
    footnote = (
        "Chairmanship: practice (handover at each regular summit); Council of Elders: recorded "
        f"Chairmen only; data {org.data_version}, last verified {org.last_verified}"
    )
    return Layout(
        rows=rows,
        summits=summits,
        window=(window_start, window_end),
        labels=(_SUMMITS_LABEL, *(row.label for row in rows)),
        heading=heading,
        footnote=footnote,
    )
