"""The benchmark's tables: rows of figures, ratios, targets and growth.

A `Row` is one line: a figure of conflictbrief, its rival's, their ratio
(rival / conflictbrief, so that more is better for conflictbrief), the target
and PASS, MISS or SKIP. `growth` turns the figures measured at several sizes
into log-log slopes: 1 is linear growth, 0 a constant.
"""

from __future__ import annotations

import importlib.util
import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass, field

__all__ = [
    "Result",
    "Row",
    "absent",
    "growth",
    "seconds",
    "skipped",
    "table",
    "verdict",
]

INSTALL = 'pip install -e ".[bench]"'


@dataclass
class Row:
    """One line of the table: a figure, its rival, their ratio and target."""

    figure: str
    ours: str
    rival: str
    ratio: float
    target: str
    verdict: str


@dataclass
class Result:
    """The figures measured at one size.

    ``growth`` holds the figures whose growth with the size is reported, by
    name; a name that says "linear" has linear growth as its target.
    """

    n: int
    notes: list[str] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    growth: dict[str, float] = field(default_factory=dict)


def absent(*modules: str) -> list[str]:
    """The *modules* that cannot be imported here."""
    return [m for m in modules if importlib.util.find_spec(m) is None]


def skipped(
    figure: str, missing: Sequence[str], target: str = "", rival: str = ""
) -> Row:
    """A row for a rival that is not installed, saying how to install it."""
    text = f"{', '.join(missing)} missing: {INSTALL}"
    return Row(
        figure, "", f"{rival}: {text}" if rival else text, math.nan, target, "SKIP"
    )


def verdict(ratio: float, target: float, *, at_most: bool = False) -> str:
    """PASS when *ratio* meets *target*."""
    met = ratio <= target if at_most else ratio >= target
    return "PASS" if met else "MISS"


def seconds(t: float) -> str:
    """A duration with a unit that keeps three significant digits."""
    if t >= 1:
        return f"{t:.3g} s"
    if t >= 1e-3:
        return f"{t * 1e3:.3g} ms"
    return f"{t * 1e6:.3g} µs"


def ratio_text(value: float) -> str:
    """A ratio to three significant digits, without exponents."""
    if math.isnan(value):
        return ""
    return f"{value:,.0f}x" if value >= 100 else f"{value:.3g}x"


def table(rows: Sequence[Row]) -> str:
    """The rows as aligned text."""
    head = Row("figure", "conflictbrief", "rival", 0, "target", "")
    cells = [
        [
            r.figure,
            r.ours,
            r.rival,
            "ratio" if r is head else ratio_text(r.ratio),
            r.target,
            r.verdict,
        ]
        for r in [head, *rows]
    ]
    widths = [max(len(c[i]) for c in cells) for i in range(len(cells[0]))]
    return "\n".join(
        "  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip()
        for line in cells
    )


def slope(n0: int, v0: float, n1: int, v1: float) -> float:
    """The log-log slope from (*n0*, *v0*) to (*n1*, *v1*)."""
    return math.log(v1 / v0) / math.log(n1 / n0)


def growth(results: Sequence[Result], limit: float = 1.1) -> tuple[str, int]:
    """How each figure grows with N: slopes between sizes and overall.

    A figure whose target is linear growth (its name says "linear") is judged
    against *limit* on every slope. Returns the table and the targets missed.
    """
    sizes = [r.n for r in results]
    names = list(results[0].growth)
    steps = [f"{a:,} -> {b:,}" for a, b in itertools.pairwise(sizes)]
    head = ["growth exponent", *steps, f"{sizes[0]:,} -> {sizes[-1]:,}", "target"]
    lines = [head]
    misses = 0
    for name in names:
        values = [r.growth.get(name, math.nan) for r in results]
        cells = [
            f"{slope(a, va, b, vb):.2f}"
            for a, va, b, vb in zip(sizes, values, sizes[1:], values[1:], strict=False)
        ]
        overall = slope(sizes[0], values[0], sizes[-1], values[-1])
        target = ""
        if "linear" in name:
            worst = max(float(c) for c in [*cells, f"{overall:.2f}"])
            judged = verdict(worst, limit, at_most=True)
            misses += judged == "MISS"
            target = f"<= {limit}  {judged}"
        lines.append([name, *cells, f"{overall:.2f}", target])
    widths = [max(len(line[i]) for line in lines) for i in range(len(head))]
    text = "\n".join(
        "  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip()
        for line in lines
    )
    return text, misses
