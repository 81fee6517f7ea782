"""The public API's types, checked by mypy and executed by test_typing.py."""

from __future__ import annotations

import io
import sys
from datetime import date
from pathlib import Path
from typing import Any

import conflictbrief as cb

if sys.version_info >= (3, 11):
    from typing import assert_type
else:
    from typing_extensions import assert_type


def build() -> cb.Brief:
    """Build a brief from the convenient shapes the constructors accept."""
    cite = cb.Citation(source="kcna", quote="troops")
    actor = cb.Actor(
        id="kim", name="Kim", kind="person", aliases=(a for a in ["Kim Jong Un"])
    )
    assert_type(actor.kind, cb.ActorKind)
    assert_type(actor.aliases, tuple[str, ...])
    state = cb.Actor(id="north-korea", name="North Korea", kind=cb.ActorKind.STATE)
    russia = cb.Actor(id="russia", name="Russia", kind="state")
    place = cb.Place(id="kursk", name="Kursk", kind="region", lat=51.7)
    assert_type(place.kind, cb.PlaceKind)
    assert_type(place.lat, float | None)
    source = cb.Source(
        id="kcna", title="KCNA", kind="article", published=date(2025, 4, 28)
    )
    assert_type(source.published, cb.DateSpan | None)
    statement = cb.Statement(
        id="s1",
        speaker="kim",
        date="2025-04",
        kind="claim",
        summary="Troops were sent.",
        about=["north-korea"],
        citations=[cite],
    )
    assert_type(statement.date, cb.DateSpan)
    assert_type(statement.kind, cb.StatementKind)
    assert_type(statement.citations, tuple[cb.Citation, ...])
    deployment = cb.Deployment(
        id="d1",
        sender="north-korea",
        host="russia",
        date=cb.DateSpan.parse("2024-10"),
        until="2025-04",
        citations=(c for c in [cite]),
    )
    assert_type(deployment.until, cb.DateSpan | None)
    figure = cb.Figure(
        id="f1",
        kind="troops",
        count=cb.Estimate(best=11_000, approximate=True),
        date="2024-10",
        deployment="d1",
        citations=[cite],
    )
    assert_type(figure.count, cb.Estimate)
    assert_type(figure.kind, cb.FigureKind)
    event = cb.Event(
        id="e1", kind="meeting", date=date(2025, 4, 26), summary="m", citations=[cite]
    )
    assert_type(event.kind, cb.EventKind)
    return cb.Brief(
        id="b",
        title="T",
        as_of=date(2025, 4, 28),
        actors=[actor, state, russia],
        places=(p for p in [place]),
        sources=[source],
        statements=[statement],
        deployments=[deployment],
        events=[event],
    )


def look_up(brief: cb.Brief) -> None:
    """Look records up by id; the element type comes back."""
    assert_type(brief.actors, cb.Records[cb.Actor])
    assert_type(brief.actors["kim"], cb.Actor)
    assert_type(brief.places["kursk"], cb.Place)
    assert_type(brief.sources["kcna"], cb.Source)
    assert_type(brief.statements["s1"], cb.Statement)
    assert_type(brief.deployments["d1"], cb.Deployment)
    assert_type(brief.events["e1"], cb.Event)
    assert_type(brief.actors.get("kim"), cb.Actor | None)
    assert_type(brief.actors.get("nobody", "none"), cb.Actor | str)
    assert_type(brief.events.get("e2", None), cb.Event | None)
    assert_type(list(brief.statements), list[cb.Statement])
    assert_type(len(brief.deployments), int)
    assert_type("kim" in brief.actors, bool)


def ask(brief: cb.Brief) -> None:
    """Queries keep the element type; the brief's questions return typed values."""
    found = brief.statements.where(speaker="kim", during="2025")
    assert_type(found, cb.Records[cb.Statement])
    assert_type(found.first(), cb.Statement | None)
    assert_type(brief.actors.named("Kim"), cb.Actor)
    assert_type(brief.actors.members("north-korea"), cb.Records[cb.Actor])
    assert_type(brief.timeline(during=date(2025, 4, 1)), tuple[cb.Record, ...])
    assert_type(brief.disputes(), tuple[cb.Dispute, ...])
    assert_type(brief.troops(sender="north-korea"), cb.Estimate | None)
    evidence = brief.evidence(brief.statements["s1"])
    assert_type(evidence, tuple[tuple[cb.Source, str], ...])
    assert_type(brief.merge(brief), cb.Brief)


def resolve() -> None:
    """Relative phrases resolve to spans, and explain in words."""
    span = cb.dates.resolve("last fall", date(2025, 4, 28))
    assert_type(span, cb.DateSpan)
    assert_type(cb.dates.explain("last fall", "2025-04-28"), str)
    assert_type(span.precision, cb.Precision)
    assert_type(span.overlaps("2024"), bool)


def add() -> None:
    """Estimates add up to an estimate; a plain number is refused by mypy."""
    total = cb.Estimate(best=11_000) + cb.Estimate(low=3_000)
    assert_type(total, cb.Estimate)
    assert_type(total.interval, tuple[int, int | None])


def read_and_write(brief: cb.Brief, folder: Path) -> None:
    """Briefs are read back as `Brief`, from text, bytes, paths and files."""
    text = cb.dumps(brief)
    assert_type(text, str)
    assert_type(cb.loads(text), cb.Brief)
    assert_type(cb.loads(text.encode()), cb.Brief)
    path = folder / "brief.json"
    assert_type(cb.dump(brief, path), None)
    assert_type(cb.load(path), cb.Brief)
    assert_type(cb.load(str(path)), cb.Brief)
    assert_type(cb.load(io.StringIO(text)), cb.Brief)
    assert_type(cb.load(io.BytesIO(text.encode())), cb.Brief)
    with path.open("rb") as f:
        assert_type(cb.load(f), cb.Brief)


def fail() -> None:
    """Errors carry typed problems."""
    try:
        cb.loads("{")
    except cb.ValidationError as e:
        assert_type(e.problems, tuple[cb.Problem, ...])
        assert_type(e.problems[0].path, str)


def exported(brief: cb.Brief, folder: Path) -> None:
    """The exports' types: paths written, GeoJSON as a dict; checked, not run."""
    from conflictbrief import export

    assert_type(export.to_csv(brief, folder, raw=True), list[Path])
    assert_type(export.to_sqlite(brief, folder / "brief.db"), Path)
    assert_type(export.to_geojson(brief, precision=3)["type"], Any)


def run(folder: Path) -> None:
    """Run every example, so that the typed code is also known to work."""
    brief = build()
    look_up(brief)
    ask(brief)
    resolve()
    add()
    read_and_write(brief, folder)
    fail()


def refused(brief: cb.Brief) -> None:
    """Misuse that mypy refuses; never run.

    Each line needs its ignore: mypy --strict reports an ignore that is not
    needed, so this fails the type check if any of these were accepted.
    """
    brief.statements.members("kim")  # type: ignore[misc]
    brief.events.named("Kim")  # type: ignore[misc]
    brief.troops(sender=3)  # type: ignore[arg-type]
    brief.troops(host=cb.Estimate(best=1))  # type: ignore[arg-type]
