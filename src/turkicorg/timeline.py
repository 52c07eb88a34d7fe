"""A timeline picture of the organization, as SVG.

One picture shows, on a common time axis:

- the **summits** of the Council of Heads of State as marks (a filled circle for a regular
  summit, a diamond for an extraordinary one, a triangle for an informal one; a planned
  summit is hollow; a line spans every day a summit known only to the month or the year may
  fall on);
- the organization's **chairmanship**, one bar per term of
  :meth:`Organization.chairs <turkicorg.Organization.chairs>`, coloured per state;
- the **Chairman of the Council of Elders**, one bar per recorded Chairman;
- one row per **party**: its memberships and observer statuses as bars, coloured by status
  and labelled with their dates.

Every bar and mark carries an SVG ``<title>`` (a tooltip in browsers) and a stable ``id``
(``membership-UZ-4``, ``chair-7``, ``elders-chair-0``, ``summit-chs-2019-10-15``), and text
is kept as text, so the picture can be searched and tested. The same data always gives the
same bytes.

The picture needs the optional extra ``timeline`` (matplotlib)::

    pip install "turkicorg[timeline]"

>>> import turkicorg
>>> from turkicorg.timeline import render_timeline
>>> svg = render_timeline(turkicorg.load_default())
>>> "Uzbekistan" in svg and "since 2019-10-15" in svg
True
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final
from xml.sax.saxutils import escape

import attrs

from turkicorg.dates import PartialDate
from turkicorg.errors import MissingExtraError, PolicyError
from turkicorg.meetings import MeetingKind, MeetingStatus
from turkicorg.organization import Status
from turkicorg.organs import Organ

if TYPE_CHECKING:
    from collections.abc import Iterable

    from turkicorg.meetings import Meeting
    from turkicorg.organization import Membership, Organization

__all__ = [
    "MEMBER_COLOUR",
    "OBSERVER_COLOUR",
    "MissingExtraError",
    "render_timeline",
    "write_timeline",
]

DateLike = PartialDate | dt.date | str | None

MEMBER_COLOUR: Final = "#0072B2"
"""The colour of a member state's bar (Okabe-Ito blue)."""
OBSERVER_COLOUR: Final = "#E69F00"
"""The colour of an observer's bar (Okabe-Ito orange)."""
_STATE_COLOURS: Final = (
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
_MARKS: Final = {
    MeetingKind.REGULAR: ("o", "#222222", 0.0),
    MeetingKind.EXTRAORDINARY: ("D", "#D55E00", 0.22),
    MeetingKind.INFORMAL: ("^", "#009E73", -0.22),
}
"""Marker, colour and vertical offset in the row for each kind of summit."""
_FONT_SIZE: Final = 7.0
_ROW_HEIGHT_INCHES: Final = 0.34
_WIDTH_INCHES: Final = 10.0
_BAR_HEIGHT: Final = 0.62
_MARKER_SIZE: Final = 5.5
_PAD_POINTS: Final = 3.0
_RC: Final = {
    "svg.hashsalt": "turkicorg-timeline",  # stable ids: the same data gives the same bytes
    "svg.fonttype": "none",  # text stays text: searchable, testable
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans", "Arial", "Helvetica"],
    "font.size": _FONT_SIZE + 1,
    "axes.titlesize": _FONT_SIZE + 3,
}


@attrs.frozen(kw_only=True)
class _Bar:
    """One bar of a row: ``start`` included, ``end`` excluded (None: open-ended)."""

    start: dt.date
    end: dt.date | None
    colour: str
    label: str
    gid: str
    tooltip: str
    centred: bool = False


@attrs.frozen(kw_only=True)
class _Row:
    label: str
    bars: tuple[_Bar, ...]
    party: str | None = None


def _text_colour(background: str) -> str:
    """Black or white, whichever reads better on ``background`` (``#RRGGBB``)."""
    red, green, blue = (int(background[i : i + 2], 16) / 255 for i in (1, 3, 5))
    luminance = 0.2126 * red + 0.7152 * green + 0.0722 * blue
    return "#000000" if luminance > 0.45 else "#FFFFFF"


def _period(start: object, end: object) -> str:
    return f"from {start} until {end}" if end is not None else f"from {start}, ongoing"


def _party_rows(org: Organization) -> list[_Row]:
    """One row per party with a membership: members first, then observers, by first start."""
    by_party: dict[str, list[tuple[int, Membership]]] = {}
    for index, membership in enumerate(org.memberships):
        by_party.setdefault(membership.party, []).append((index, membership))

    def order(party_id: str) -> tuple[int, dt.date, str]:
        records = by_party[party_id]
        ever_member = any(m.status is Status.MEMBER for _, m in records)
        first = min(m.start.earliest for _, m in records)
        return (0 if ever_member else 1, first, org.state(party_id).short_name)

    rows = []
    for party_id in sorted(by_party, key=order):
        party = org.state(party_id)
        bars = []
        for index, membership in sorted(by_party[party_id], key=lambda r: r[1].start.earliest):
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
            bars.append(
                _Bar(
                    start=membership.start.earliest,
                    end=end.earliest if end is not None else None,
                    colour=MEMBER_COLOUR if membership.status is Status.MEMBER else OBSERVER_COLOUR,
                    label=label,
                    gid=f"membership-{party_id}-{index}",
                    tooltip="\n".join(details),
                )
            )
        rows.append(_Row(label=party.short_name, bars=tuple(bars), party=party_id))
    return rows


def _colour_of(colours: dict[str, str], party_id: str) -> str:
    if party_id not in colours:
        colours[party_id] = _STATE_COLOURS[len(colours) % len(_STATE_COLOURS)]
    return colours[party_id]


def _chair_row(org: Organization, colours: dict[str, str]) -> _Row:
    bars = []
    for index, term in enumerate(org.chairs()):
        if term.start is None:
            continue  # a summit known only to the month or year: no day to draw from
        bars.append(
            _Bar(
                start=term.start,
                end=term.end,
                colour=_colour_of(colours, term.state.id),
                label=term.state.id,
                gid=f"chair-{index}",
                tooltip=term.explain(),
                centred=True,
            )
        )
    return _Row(label="Chairmanship", bars=tuple(bars))


def _elders_row(org: Organization, colours: dict[str, str]) -> _Row:
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
            _Bar(
                start=term.start,
                end=term.end,
                colour=_colour_of(colours, term.state.id),
                label=f"{who} ({term.state.id}), {since}",
                gid=f"elders-chair-{index}",
                tooltip="\n".join([tooltip, *(f"Source: {s}" for s in term.sources)]),
            )
        )
    return _Row(label="Council of Elders chair", bars=tuple(bars))


def _summits(org: Organization) -> tuple[Meeting, ...]:
    return tuple(
        m
        for m in org.meetings
        if m.body is Organ.HEADS_OF_STATE
        and m.kind in _MARKS
        and m.status in {MeetingStatus.CONFIRMED, MeetingStatus.TENTATIVE}
    )


def _summit_tooltip(meeting: Meeting) -> str:
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
    rows: Iterable[_Row],
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


@attrs.frozen
class _Mpl:
    """The parts of matplotlib the picture uses, imported on first use."""

    rc_context: Any
    canvas: Any
    figure: Any
    line: Any
    patch: Any


def _load_matplotlib() -> _Mpl:
    """Import matplotlib lazily (the extra ``timeline``): Agg, no pyplot, no global state."""
    try:
        import matplotlib as mpl  # noqa: PLC0415 - optional dependency
        from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: PLC0415
        from matplotlib.figure import Figure  # noqa: PLC0415
        from matplotlib.lines import Line2D  # noqa: PLC0415
        from matplotlib.patches import Patch  # noqa: PLC0415
    except ImportError as error:
        raise MissingExtraError("timeline", "matplotlib", "The timeline picture") from error
    return _Mpl(mpl.rc_context, FigureCanvasAgg, Figure, Line2D, Patch)


@attrs.define
class _Canvas:
    """The figure being drawn and what is collected for the SVG."""

    figure: Any
    axes: Any
    left: int
    right: int
    tooltips: dict[str, str] = attrs.Factory(dict)
    labels: list[tuple[Any, int, int]] = attrs.Factory(list)


def _draw_bars(canvas: _Canvas, row: _Row, y: int, window_end: dt.date) -> None:
    axes = canvas.axes
    for bar in row.bars:
        first = max(bar.start.toordinal(), canvas.left)
        last = min((bar.end or window_end).toordinal(), canvas.right)
        if last <= first:
            continue
        patch = axes.barh(
            y,
            last - first,
            left=first,
            height=_BAR_HEIGHT,
            color=bar.colour,
            edgecolor="#FFFFFF",
            linewidth=0.6,
        )[0]
        patch.set_gid(bar.gid)
        canvas.tooltips[bar.gid] = bar.tooltip
        text = axes.annotate(
            bar.label,
            xy=((first + last) / 2 if bar.centred else first, y),
            xytext=(0 if bar.centred else _PAD_POINTS, 0),
            textcoords="offset points",
            ha="center" if bar.centred else "left",
            va="center",
            fontsize=_FONT_SIZE,
            color=_text_colour(bar.colour),
            annotation_clip=False,
            clip_on=True,
        )
        text.set_gid(f"{bar.gid}-label")
        if not bar.centred:
            canvas.labels.append((text, first, last))


def _draw_summits(canvas: _Canvas, summits: Iterable[Meeting], y: int) -> None:
    axes = canvas.axes
    for meeting in summits:
        marker, colour, offset = _MARKS[meeting.kind]
        earliest, latest = meeting.earliest.toordinal(), meeting.latest.toordinal()
        if latest < canvas.left or earliest >= canvas.right:
            continue
        middle = (earliest + latest) / 2
        gid = f"summit-{meeting.id}"
        if not meeting.span.is_exact:  # known only to the month or year: every day it may be
            axes.plot(
                [earliest, latest + 1],
                [y + offset] * 2,
                color=colour,
                linewidth=1.0,
                alpha=0.5,
                solid_capstyle="butt",
            )
        planned = meeting.status is MeetingStatus.TENTATIVE
        (line,) = axes.plot(
            [middle],
            [y + offset],
            marker=marker,
            markersize=_MARKER_SIZE,
            linestyle="none",
            markeredgecolor=colour,
            markerfacecolor="none" if planned else colour,
            markeredgewidth=1.0,
        )
        line.set_gid(gid)
        canvas.tooltips[gid] = _summit_tooltip(meeting)
        if meeting.kind is MeetingKind.REGULAR and meeting.series_key == "CHS:regular":
            number = axes.text(
                middle,
                y + 0.2,
                str(meeting.ordinal or ""),
                ha="center",
                va="bottom",
                fontsize=_FONT_SIZE - 1,
                color=colour,
            )
            number.set_gid(f"{gid}-label")


def _draw_axes(
    canvas: _Canvas, labels: list[str], window: tuple[dt.date, dt.date], heading: str
) -> None:
    axes = canvas.axes
    window_start, window_end = window
    count = len(labels)
    years = range(
        window_start.year + (window_start.month > 1 or window_start.day > 1),
        window_end.year + 1,
    )
    step = max(1, -(-len(years) // 25))
    axes.set_xticks(
        [dt.date(year, 1, 1).toordinal() for year in years],
        [str(year) if i % step == 0 else "" for i, year in enumerate(years)],
        fontsize=_FONT_SIZE,
    )
    axes.grid(axis="x", color="#DDDDDD", linewidth=0.5)
    axes.set_axisbelow(True)
    axes.set_xlim(canvas.left, canvas.right)
    axes.set_ylim(-0.6, count - 0.4)
    axes.set_yticks(range(count - 1, -1, -1), labels, fontsize=_FONT_SIZE + 1)
    axes.axhline(count - 3 - 0.5, color="#888888", linewidth=0.6)
    axes.tick_params(axis="y", length=0)
    for side in ("top", "right", "left"):
        axes.spines[side].set_visible(False)
    axes.set_title(heading, loc="left")


def _draw_legend(canvas: _Canvas, lib: _Mpl, footnote: str) -> None:
    def mark(label: str, marker: str, colour: str, face: str | None = None) -> Any:
        return lib.line(
            [],
            [],
            marker=marker,
            linestyle="none",
            color=colour,
            markerfacecolor=face or colour,
            markersize=_MARKER_SIZE,
            label=label,
        )

    handles = [
        lib.patch(facecolor=MEMBER_COLOUR, label="member"),
        lib.patch(facecolor=OBSERVER_COLOUR, label="observer"),
        *(mark(f"{k.value} summit", m, c) for k, (m, c, _) in _MARKS.items()),
        mark("planned summit", "o", "#222222", "none"),
    ]
    canvas.axes.legend(
        handles=handles,
        loc="upper center",
        bbox_to_anchor=(0.5, -0.07),
        ncol=len(handles),
        frameon=False,
        fontsize=_FONT_SIZE,
    )
    canvas.figure.text(
        0.99, 0.005, footnote, ha="right", va="bottom", fontsize=_FONT_SIZE - 1, color="#555555"
    )


def _fit_labels(canvas: _Canvas) -> None:
    """Move a label that does not fit in its bar beside it, where there is room."""
    renderer = canvas.figure.canvas.get_renderer()
    to_pixels = canvas.axes.transData.transform
    pad = _PAD_POINTS * canvas.figure.dpi / 72
    edge_left = to_pixels((canvas.left, 0))[0]
    edge_right = to_pixels((canvas.right, 0))[0]
    for text, first, last in canvas.labels:
        width = text.get_window_extent(renderer).width
        x0, x1 = to_pixels((first, 0))[0], to_pixels((last, 0))[0]
        if width + 2 * pad <= x1 - x0:
            continue
        if x0 - edge_left >= width + 2 * pad:
            text.set_color("#000000")
            text.set_position((-_PAD_POINTS, 0))
            text.set_horizontalalignment("right")
        elif edge_right - x1 >= width + 2 * pad:
            text.set_color("#000000")
            text.xy = (last, text.xy[1])
        # else: it stays in the bar, clipped at the edge of the plot


def render_timeline(
    org: Organization,
    *,
    start: DateLike = None,
    end: DateLike = None,
    title: str | None = None,
) -> str:
    """Draw the organization's timeline and return it as SVG text.

    Args:
        org: The organization (for example :func:`turkicorg.load_default`).
        start: The first day drawn (a partial date counts from its first day); default
            1 January of the year of the earliest fact drawn.
        end: The last day drawn (a partial date counts to its last day); default 31 December
            of the year of the latest fact drawn or of ``org.last_verified``. Open-ended
            periods run to the edge. Parties with no status in the window get no row.
        title: The picture's title; default the organization's name and the years shown.

    Returns:
        The SVG document. The same organization and options give the same text.

    Raises:
        MissingExtraError: matplotlib is not installed (``pip install "turkicorg[timeline]"``).
        PolicyError: ``end`` lies before ``start``.
        InvalidDateError: ``start`` or ``end`` is not a date.
    """
    lib = _load_matplotlib()
    colours: dict[str, str] = {}
    chair_row = _chair_row(org, colours)
    elders_row = _elders_row(org, colours)
    party_rows = _party_rows(org)
    summits = _summits(org)
    window = _window(org, [chair_row, elders_row, *party_rows], summits, start, end)
    window_start, window_end = window
    last_day = window_end - dt.timedelta(days=1)
    party_rows = [  # named as on the last day shown ("Turkey" before June 2022)
        attrs.evolve(row, label=org.state(row.party).name(on=last_day) if row.party else row.label)
        for row in party_rows
        if any(b.start < window_end and (b.end is None or b.end > window_start) for b in row.bars)
    ]
    rows = [chair_row, elders_row, *party_rows]
    labels = ["Summits (Council of Heads of State)", *(row.label for row in rows)]
    heading = title or (
        f"{org.name(on=last_day)}: members, observers, chairs and summits, "
        f"{window_start.year}–{last_day.year}"
    )
    footnote = (
        "Chairmanship: practice (handover at each regular summit); Council of Elders: recorded "
        f"Chairmen only; data {org.data_version}, last verified {org.last_verified}"
    )
    with lib.rc_context(_RC):
        figure = lib.figure(figsize=(_WIDTH_INCHES, 1.3 + _ROW_HEIGHT_INCHES * len(labels)))
        lib.canvas(figure)
        canvas = _Canvas(
            figure, figure.add_subplot(), window_start.toordinal(), window_end.toordinal()
        )
        # From the top: summits, chairmanship, the elders' chair, then the parties.
        top = len(labels) - 1
        _draw_summits(canvas, summits, top)
        for index, row in enumerate(rows, start=1):
            _draw_bars(canvas, row, top - index, window_end)
        _draw_axes(canvas, labels, window, heading)
        _draw_legend(canvas, lib, footnote)
        figure.tight_layout()
        _fit_labels(canvas)
        buffer = io.StringIO()
        figure.savefig(buffer, format="svg", metadata={"Date": None})
    return _annotate(buffer.getvalue(), heading, canvas.tooltips)


def _annotate(svg: str, heading: str, tooltips: dict[str, str]) -> str:
    """Add a document title and a ``<title>`` (tooltip) to every bar and mark."""
    opening = svg.index("<svg")
    close = svg.index(">", opening) + 1
    svg = f"{svg[:close]}\n <title>{escape(heading)}</title>{svg[close:]}"
    for gid, tooltip in tooltips.items():
        tag = f'<g id="{gid}">'
        svg = svg.replace(tag, f"{tag}\n    <title>{escape(tooltip)}</title>", 1)
    return svg


def write_timeline(
    org: Organization,
    path: str | os.PathLike[str],
    *,
    start: DateLike = None,
    end: DateLike = None,
    title: str | None = None,
) -> Path:
    """Render the timeline (see :func:`render_timeline`) and write it to ``path`` atomically.

    The picture is written to a temporary file in the same folder and moved over ``path``
    in one step, so readers see the old file or the new one, never half of one.

    Returns:
        The path written.

    Raises:
        MissingExtraError: matplotlib is not installed.
        OSError: The file cannot be written (``path`` is left as it was).
    """
    target = Path(path)
    data = render_timeline(org, start=start, end=end, title=title).encode("utf-8")
    handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed before the move
        dir=target.parent, prefix=f".{target.name}.", suffix=".tmp", delete=False
    )
    try:
        with handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        Path(handle.name).chmod(target.stat().st_mode & 0o777 if target.exists() else 0o644)
        Path(handle.name).replace(target)  # os.replace: atomic on one file system
    except BaseException:
        with contextlib.suppress(OSError):
            Path(handle.name).unlink()
        raise
    return target
