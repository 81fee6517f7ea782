"""Time `dates.resolve` on the phrase corpus, against dateparser on the same phrases.

Every row of the four files in ``tests/data`` is read against its own
publication day and direction; dateparser gets the same phrase with that day
as its ``RELATIVE_BASE``. Each library runs through the whole corpus several
times, alternating, and the best round counts.
"""

from __future__ import annotations

import contextlib
import csv
import time
from datetime import date, datetime
from pathlib import Path

from report import Row, absent, seconds, skipped

from conflictbrief import DateResolutionError
from conflictbrief.dates import resolve

DATA = Path(__file__).parent.parent / "tests" / "data"
TARGET = 1e-3
"""The most one phrase may take on average, in seconds."""


def corpus() -> list[tuple[str, date, str]]:
    """Every phrase of the corpus with its publication day and direction."""
    rows = []
    for path in sorted(DATA.glob("date_phrases*.csv")):
        with path.open(encoding="utf-8", newline="") as file:
            for row in csv.DictReader(file):
                published = date.fromisoformat(row["published"])
                rows.append((row["phrase"], published, row["direction"] or "back"))
    return rows


def _ours(phrases: list[tuple[str, date, str]]) -> float:
    start = time.perf_counter()
    for phrase, published, direction in phrases:
        with contextlib.suppress(DateResolutionError):
            resolve(phrase, published, direction=direction)  # type: ignore[arg-type]
    return time.perf_counter() - start


def measure_phrases(rounds: int) -> Row:
    """A row: resolve's mean time per phrase, against dateparser's."""
    phrases = corpus()
    figure = f"dates.resolve per phrase ({len(phrases)} corpus phrases)"
    target = f"< {seconds(TARGET)}"
    if missing := absent("dateparser"):
        best = min(_ours(phrases) for _ in range(rounds)) / len(phrases)
        row = skipped(figure, missing, target, "dateparser")
        return Row(figure, seconds(best), row.rival, row.ratio, target, row.verdict)
    import dateparser

    def theirs() -> float:
        start = time.perf_counter()
        for phrase, published, direction in phrases:
            # A naive midnight, as dateparser reads RELATIVE_BASE.
            base = datetime(published.year, published.month, published.day)  # noqa: DTZ001
            settings = {
                "RELATIVE_BASE": base,
                "PREFER_DATES_FROM": "future" if direction == "forward" else "past",
            }
            dateparser.parse(phrase, settings=settings)  # type: ignore[arg-type]
        return time.perf_counter() - start

    theirs()  # dateparser loads its language data on first use, untimed
    ours_best, theirs_best = float("inf"), float("inf")
    for _ in range(rounds):
        ours_best = min(ours_best, _ours(phrases))
        theirs_best = min(theirs_best, theirs())
    mine, rival = ours_best / len(phrases), theirs_best / len(phrases)
    return Row(
        figure,
        seconds(mine),
        f"dateparser {seconds(rival)}",
        rival / mine,
        target,
        "PASS" if mine < TARGET else "MISS",
    )
