"""A brief's timeline drawn as inline SVG, its uncertainty in plain sight.

A record dated to one day is a dot; a record known only to lie within a
span (a month, a season, "2024 to 28 April 2025") is a bar from its earliest
to its latest day, so that a reader sees how vague a date is, not only where
it is. An open end ("by 11 January 2025", "from August 2024") is a bar that
fades out towards the edge of the axis, with an arrow there: the source
gives no day on that side.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import cast

from conflictbrief._base.text import Names, escape
from conflictbrief.dates._calendar import MONTH_WORDS, month_end
from conflictbrief.records import Record

from ._document import line_parts

__all__ = ["TIMELINE_ROWS", "timeline_svg"]

TIMELINE_ROWS = 40
"""The rows the drawing shows at most; a last line counts the rest."""
PLOT_START = 3.0
PLOT_END = 97.0
"""Where the axis runs, in percent of the drawing's width: room for arrows."""
ROW = 32
"""A row's height in pixels: its label, and its mark under it."""
TOP = 44
"""Room above the rows for the axis and its labels."""
LABEL_CHARACTERS = 46
"""What a row label holds, to fit the narrowest screen at 12 px."""


def _shorten(text: str) -> str:
    if len(text) <= LABEL_CHARACTERS:
        return text
    # Cut at a space, so that no word (or year) is left half-written.
    kept = text[: LABEL_CHARACTERS - 1].rsplit(" ", 1)[0]
    return kept + "\N{HORIZONTAL ELLIPSIS}"


def _bounds(records: Sequence[Record]) -> tuple[int, int]:
    """The first and the last day (ordinals) of the axis: whole months."""
    days = [
        d for r in records for d in (r.date.earliest, r.date.latest) if d is not None
    ]
    first, last = min(days), max(days)
    start = date(first.year, first.month, 1)
    end = month_end(last.year, last.month)
    return start.toordinal(), end.toordinal() + 1


def _ticks(start: int, end: int) -> list[tuple[int, str]]:
    """The axis ticks between *start* and *end*: months, quarters or years."""
    first, last = date.fromordinal(start), date.fromordinal(end - 1)
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    if months > 36:
        step = max(1, (last.year - first.year + 1) // 10)
        return [
            (date(y, 1, 1).toordinal(), str(y))
            for y in range(first.year + (first.month > 1), last.year + 1, step)
        ]
    ticks = []
    every = 1 if months <= 9 else 3
    for n in range(months):
        year, month = divmod(first.month - 1 + n, 12)
        day = date(first.year + year, month + 1, 1)
        if (day.month - 1) % every == 0 or n == 0:
            word = MONTH_WORDS[day.month - 1][:3]
            label = f"{word} {day.year}" if day.month == 1 or n == 0 else word
            ticks.append((day.toordinal(), label))
    return ticks


class _Axis:
    """Days (ordinals) to x positions, in percent of the drawing's width."""

    def __init__(self, start: int, end: int) -> None:
        self.start = start
        self.scale = (PLOT_END - PLOT_START) / (end - start)

    def x(self, day: int) -> float:
        return PLOT_START + (day - self.start) * self.scale


def _mark(record: Record, axis: _Axis, y: float) -> str:
    """The dot, bar or open-ended bar of one record, at height *y*."""
    e, l = record.date.earliest, record.date.latest  # noqa: E741
    if e is not None and e == l:
        cx = axis.x(e.toordinal()) + axis.scale / 2
        return f'<circle class="day" cx="{cx:.2f}%" cy="{y:.1f}" r="4.5"/>'
    top = y - 4
    if e is None:
        # A span open at its start has an end: both open names no days.
        x2 = axis.x(cast("date", l).toordinal() + 1)
        return (
            f'<rect class="open-start" x="{PLOT_START}%" y="{top:.1f}" '
            f'width="{x2 - PLOT_START:.2f}%" height="8" fill="url(#fade-start)"/>'
            f'<use class="arrow" href="#arrow-start" x="{PLOT_START}%" y="{y:.1f}"/>'
        )
    x1 = axis.x(e.toordinal())
    if l is None:
        return (
            f'<rect class="open-end" x="{x1:.2f}%" y="{top:.1f}" '
            f'width="{PLOT_END - x1:.2f}%" height="8" fill="url(#fade-end)"/>'
            f'<use class="arrow" href="#arrow-end" x="{PLOT_END}%" y="{y:.1f}"/>'
        )
    width = axis.x(l.toordinal() + 1) - x1
    return (
        f'<rect class="span" x="{x1:.2f}%" y="{top:.1f}" '
        f'width="{width:.2f}%" height="8" rx="2"/>'
    )


_TITLE = (
    '<title id="timeline-title">The records in date order: dots are days, '
    "bars the span a date may fall in, faded bars an open end</title>"
)

_DEFS = (
    "<defs>"
    '<linearGradient id="fade-start" x1="0" x2="1" y1="0" y2="0">'
    '<stop offset="0" stop-color="#b4522d" stop-opacity="0.05"/>'
    '<stop offset="1" stop-color="#b4522d" stop-opacity="0.85"/>'
    "</linearGradient>"
    '<linearGradient id="fade-end" x1="0" x2="1" y1="0" y2="0">'
    '<stop offset="0" stop-color="#b4522d" stop-opacity="0.85"/>'
    '<stop offset="1" stop-color="#b4522d" stop-opacity="0.05"/>'
    "</linearGradient>"
    # Drawn about the origin, and placed where the axis ends by <use x="..%">:
    # a path's own points cannot be in percent.
    '<path id="arrow-start" d="M-8,0 l8,-5 v10 z"/>'
    '<path id="arrow-end" d="M8,0 l-8,-5 v10 z"/>'
    "</defs>"
)


def timeline_svg(records: Sequence[Record], names: Names, as_of: date) -> str:
    """Return the timeline of *records* (at least one) as an ``<svg>`` element.

    Rows come in the order of *records*, numbered from 1 as the list under
    the drawing numbers them; the first `TIMELINE_ROWS` are drawn, and a
    last line counts the rest. The drawing is as wide as the page and is
    never scaled: positions on the axis are in percent of its width, and
    each row's label sits above its mark, so that text keeps its size on a
    phone as on a desktop.
    """
    shown = records[:TIMELINE_ROWS]
    start, end = _bounds(shown)
    axis = _Axis(start, end)
    rows_end = TOP + ROW * len(shown)
    more = len(records) - len(shown)
    height = rows_end + (28 if more else 8)
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="timeline" '
        f'width="100%" height="{height}" '
        f'role="img" aria-labelledby="timeline-title">'
    )
    out = [svg, _TITLE, _DEFS]
    for day, label in _ticks(start, end):
        x = axis.x(day)
        out.append(
            f'<line class="tick" x1="{x:.2f}%" y1="{TOP - 8}" '
            f'x2="{x:.2f}%" y2="{rows_end}"/>'
            f'<text class="tick-label" x="{x:.2f}%" dx="3" y="{TOP - 14}">'
            f"{label}</text>"
        )
    if start <= as_of.toordinal() < end:
        x = axis.x(as_of.toordinal() + 1)
        out.append(
            f'<line class="as-of" x1="{x:.2f}%" y1="{TOP - 26}" '
            f'x2="{x:.2f}%" y2="{rows_end}"/>'
            f'<text class="as-of-label" x="{x:.2f}%" dx="-3" y="12" '
            'text-anchor="end">as of</text>'
        )
    for i, record in enumerate(shown, 1):
        y = TOP + ROW * (i - 1)
        when, kind, rest = line_parts(record, names)
        label = escape(_shorten(f"{i}. {kind}, {when}"))
        full = escape(f"{when}: {kind}: {rest}")
        out.append(
            f'<g class="row"><title>{full}</title>'
            f'<text class="row-label" x="0" y="{y + 12}">{label}</text>'
            f"{_mark(record, axis, y + 22)}</g>"
        )
    if more:
        out.append(
            f'<text class="more" x="0" y="{rows_end + 18}">'
            f"and {more:,} more, in the list below</text>"
        )
    out.append("</svg>")
    return "".join(out)
