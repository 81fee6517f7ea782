"""The briefs and helpers the export tests share."""

from __future__ import annotations

import csv
import importlib.util
from pathlib import Path

import pytest

from conflictbrief import (
    Actor,
    Brief,
    Citation,
    Deployment,
    Estimate,
    Event,
    ExternalIds,
    Figure,
    Place,
    Source,
    Statement,
)
from conflictbrief.export._sqlite import has_fts5

HYPERLINK = '=HYPERLINK("https://example.org/x","click")'


def small(brief_id: str = "small", year: int = 2025) -> Brief:
    """A brief with a formula in a summary, open-ended dates and two places."""
    cite = Citation(source="wire", quote="words")
    return Brief(
        id=brief_id,
        title="Small",
        as_of=f"{year}-12-31",
        sources=[
            Source(
                id="wire",
                title="Wire",
                kind="article",
                url="https://example.org/wire",
                license="CC BY 4.0",
                attribution="Wire Agency",
            )
        ],
        actors=[
            Actor(
                id="north-korea",
                name="North Korea",
                kind="state",
                ids=ExternalIds(iso3="PRK"),
            ),
            Actor(id="russia", name="Russia", kind="state"),
            Actor(id="kcna", name="KCNA", kind="media", part_of="north-korea"),
        ],
        places=[
            Place(id="kursk", name="Kursk", kind="region", lat=51.7306, lon=-36.19),
            Place(id="nowhere", name="-Nowhere", kind="site"),
        ],
        statements=[
            Statement(
                id="s1",
                speaker="kcna",
                date=f"{year}-04-28",
                kind="confirm",
                summary=HYPERLINK,
                about=["north-korea", "russia"],
                citations=[cite, Citation(source="wire", quote="more words")],
            ),
            Statement(
                id="s2",
                date=f"../{year}-01",
                kind="report",
                summary="Troops fought near Kursk.",
                citations=[cite],
            ),
        ],
        deployments=[
            Deployment(
                id="d1",
                sender="north-korea",
                host="russia",
                date=f"{year - 1}-23",
                place="kursk",
                citations=[cite],
            )
        ],
        events=[
            Event(
                id="e1",
                kind="clash",
                date=f"{year}-01/..",
                summary="A clash near Kursk.",
                participants=["north-korea"],
                place="kursk",
                citations=[cite],
            ),
            Event(
                id="e2",
                kind="meeting",
                date=f"{year}",
                summary="A meeting.",
                citations=[cite],
            ),
        ],
        figures=[
            Figure(
                id="f1",
                kind="troops",
                count=Estimate(best=11_000, approximate=True),
                date=f"{year - 1}-23",
                side="north-korea",
                deployment="d1",
                by=["russia"],
                citations=[cite],
            )
        ],
    )


EMPTY = Brief(id="empty", title="Empty", as_of="2025-01-01")

needs_fts5 = pytest.mark.skipif(not has_fts5(), reason="SQLite lacks FTS5")


def needs(module: str) -> pytest.MarkDecorator:
    """Skip a test when the optional *module* is not installed."""
    return pytest.mark.skipif(
        importlib.util.find_spec(module) is None,
        reason=f"{module} is not installed (an extra of conflictbrief)",
    )


def read_csv(path: Path) -> list[dict[str, str]]:
    """The rows of a CSV file as dictionaries by header."""
    with path.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))
