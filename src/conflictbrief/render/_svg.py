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

__all__ = ["timeline_svg"]

WIDTH = 960
LABEL_WIDTH = 300
"""Room on the left for each row's number, kind and date in words."""
ROW = 20
TOP = 44
"""Room above the rows for the axis and its labels."""
PLOT_START = LABEL_WIDTH + 16
PLOT_END = WIDTH - 24
LABEL_CHARACTERS = 46


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
    """Days (ordinals) to x positions; a day is the width between two ticks."""

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
        return f'<circle class="day" cx="{cx:.1f}" cy="{y:.1f}" r="4.5"/>'
    top = y - 4
    if e is None:
        # A span open at its start has an end: both open names no days.
        x2 = axis.x(cast("date", l).toordinal() + 1)
        return (
            f'<rect class="open-start" x="{PLOT_START}" y="{top:.1f}" '
            f'width="{x2 - PLOT_START:.1f}" height="8" fill="url(#fade-start)"/>'
            f'<path class="arrow" d="M{PLOT_START - 8},{y:.1f} '
            f'l8,-5 v10 z"/>'
        )
    x1 = axis.x(e.toordinal())
    if l is None:
        return (
            f'<rect class="open-end" x="{x1:.1f}" y="{top:.1f}" '
            f'width="{PLOT_END - x1:.1f}" height="8" fill="url(#fade-end)"/>'
            f'<path class="arrow" d="M{PLOT_END + 8},{y:.1f} l-8,-5 v10 z"/>'
        )
    width = max(axis.x(l.toordinal() + 1) - x1, 2.0)
    return (
        f'<rect class="span" x="{x1:.1f}" y="{top:.1f}" '
        f'width="{width:.1f}" height="8" rx="2"/>'
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
    "</defs>"
)


def timeline_svg(records: Sequence[Record], names: Names, as_of: date) -> str:
    """Return the timeline of *records* (at least one) as an ``<svg>`` element.

    Rows come in the order of *records*, numbered from 1 as the list under
    the drawing numbers them.
    """
    start, end = _bounds(records)
    axis = _Axis(start, end)
    height = TOP + ROW * len(records) + 12
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="timeline" '
        f'viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
        f'role="img" aria-labelledby="timeline-title">'
    )
    out = [svg, _TITLE, _DEFS]
    bottom = height - 8
    for day, label in _ticks(start, end):
        x = axis.x(day)
        out.append(
            f'<line class="tick" x1="{x:.1f}" y1="{TOP - 8}" '
            f'x2="{x:.1f}" y2="{bottom}"/>'
            f'<text class="tick-label" x="{x + 3:.1f}" y="{TOP - 14}">{label}</text>'
        )
    if start <= as_of.toordinal() < end:
        x = axis.x(as_of.toordinal() + 1)
        out.append(
            f'<line class="as-of" x1="{x:.1f}" y1="{TOP - 26}" '
            f'x2="{x:.1f}" y2="{bottom}"/>'
            f'<text class="as-of-label" x="{x - 3:.1f}" y="12" '
            'text-anchor="end">as of</text>'
        )
    for i, record in enumerate(records, 1):
        y = TOP + ROW * (i - 1) + ROW / 2
        when, kind, rest = line_parts(record, names)
        label = escape(_shorten(f"{i}. {kind}, {when}"))
        full = escape(f"{when}: {kind}: {rest}")
        out.append(
            f'<g class="row"><title>{full}</title>'
            f'<text class="row-label" x="{LABEL_WIDTH}" y="{y + 4:.1f}" '
            f'text-anchor="end">{label}</text>'
            f"{_mark(record, axis, y)}</g>"
        )
    out.append("</svg>")
    return "".join(out)
