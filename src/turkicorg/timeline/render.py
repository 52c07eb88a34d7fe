"""Drawing the timeline's :class:`~turkicorg.timeline.layout.Layout` with matplotlib, as SVG.

matplotlib (the extra ``timeline``) is imported on first use, without pyplot and without
touching its global settings: every setting the picture needs is applied in a context.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import TYPE_CHECKING, Any, Final
from xml.sax.saxutils import escape

import attrs

from turkicorg.errors import MissingExtraError
from turkicorg.meetings import MeetingKind, MeetingStatus
from turkicorg.timeline.layout import (
    MARKS,
    MEMBER_COLOUR,
    OBSERVER_COLOUR,
    DateLike,
    lay_out,
    summit_tooltip,
    text_colour,
)

if TYPE_CHECKING:
    from collections.abc import Iterable

    from turkicorg.meetings import Meeting
    from turkicorg.organization import Organization
    from turkicorg.timeline.layout import Layout, Row

__all__ = ["render_timeline"]

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


def _draw_bars(canvas: _Canvas, row: Row, y: int, window_end: dt.date) -> None:
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
            color=text_colour(bar.colour),
            annotation_clip=False,
            clip_on=True,
        )
        text.set_gid(f"{bar.gid}-label")
        if not bar.centred:
            canvas.labels.append((text, first, last))


def _draw_summits(canvas: _Canvas, summits: Iterable[Meeting], y: int) -> None:
    axes = canvas.axes
    for meeting in summits:
        marker, colour, offset = MARKS[meeting.kind]
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
        canvas.tooltips[gid] = summit_tooltip(meeting)
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
        *(mark(f"{k.value} summit", m, c) for k, (m, c, _) in MARKS.items()),
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
    layout = lay_out(org, start=start, end=end, title=title)
    with lib.rc_context(_RC):
        figure = lib.figure(figsize=(_WIDTH_INCHES, 1.3 + _ROW_HEIGHT_INCHES * len(layout.labels)))
        lib.canvas(figure)
        window_start, window_end = layout.window
        canvas = _Canvas(
            figure, figure.add_subplot(), window_start.toordinal(), window_end.toordinal()
        )
        _draw(canvas, lib, layout)
        figure.tight_layout()
        _fit_labels(canvas)
        buffer = io.StringIO()
        figure.savefig(buffer, format="svg", metadata={"Date": None})
    return _annotate(buffer.getvalue(), layout.heading, canvas.tooltips)


def _draw(canvas: _Canvas, lib: _Mpl, layout: Layout) -> None:
    """From the top: summits, chairmanship, the elders' chair, then the parties."""
    top = len(layout.labels) - 1
    _draw_summits(canvas, layout.summits, top)
    for index, row in enumerate(layout.rows, start=1):
        _draw_bars(canvas, row, top - index, layout.window[1])
    _draw_axes(canvas, list(layout.labels), layout.window, layout.heading)
    _draw_legend(canvas, lib, layout.footnote)


def _annotate(svg: str, heading: str, tooltips: dict[str, str]) -> str:
    """Add a document title and a ``<title>`` (tooltip) to every bar and mark."""
    opening = svg.index("<svg")
    close = svg.index(">", opening) + 1
    svg = f"{svg[:close]}\n <title>{escape(heading)}</title>{svg[close:]}"
    for gid, tooltip in tooltips.items():
        tag = f'<g id="{gid}">'
        svg = svg.replace(tag, f"{tag}\n    <title>{escape(tooltip)}</title>", 1)
    return svg
