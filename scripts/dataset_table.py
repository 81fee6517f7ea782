"""Write the tables of docs/dataset.md from the bundled dataset.

The actors and the records (statements, deployments, events, figures) of the default
dataset are written as Markdown tables between marker comments in
docs/dataset.md, so that the documentation shows exactly what ships.

    python scripts/dataset_table.py           # rewrite the tables
    python scripts/dataset_table.py --check   # exit 1 if they are out of date
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from conflictbrief import (
    Actor,
    Brief,
    Citation,
    Deployment,
    Event,
    Figure,
    Statement,
    datasets,
)

DOC = Path(__file__).resolve().parent.parent / "docs" / "dataset.md"
UNATTRIBUTED = "(unattributed)"


def row(cells: Iterable[str]) -> str:
    """Return one Markdown table row, with pipes in the cells escaped."""
    return "| " + " | ".join(c.replace("|", r"\|") for c in cells) + " |"


def table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    """Return a Markdown table as lines."""
    return [row(header), row("---" for _ in header), *(row(r) for r in rows)]


def names(brief: Brief, ids: Iterable[str]) -> str:
    """Return the names of the actors *ids*, joined by commas."""
    return ", ".join(brief.actors[i].name for i in ids)


def quotes(citations: Iterable[Citation]) -> str:
    """Return the quoted words of *citations*, each in quotation marks."""
    return " \N{HORIZONTAL ELLIPSIS} ".join(f'"{c.quote}"' for c in citations)


def actor_row(brief: Brief, actor: Actor) -> list[str]:
    """Return the table row for *actor*."""
    ids = actor.ids
    known = [
        f"{label} {value}"
        for label, value in (
            ("ISO", ids.iso3),
            ("Wikidata", ids.wikidata),
            ("CAMEO", ids.cameo),
        )
        if value is not None
    ]
    return [
        f"`{actor.id}`",
        actor.name,
        actor.kind.value,
        "" if actor.part_of is None else brief.actors[actor.part_of].name,
        ", ".join(actor.aliases),
        ", ".join(known),
    ]


def statement_row(brief: Brief, st: Statement) -> list[str]:
    """Return the table row for statement *st*."""
    who = UNATTRIBUTED if st.speaker is None else brief.actors[st.speaker].name
    if st.via is not None:
        who += f" via {brief.actors[st.via].name}"
    what = st.summary
    if st.responds_to is not None:
        what += f" (responds to `{st.responds_to}`)"
    return [
        f"`{st.id}`",
        f"statement: {st.kind.value}",
        who,
        str(st.date),
        what,
        quotes(st.citations),
    ]


def deployment_row(brief: Brief, dep: Deployment) -> list[str]:
    """Return the table row for deployment *dep*."""
    who = f"{brief.actors[dep.sender].name} \N{RIGHTWARDS ARROW} "
    who += brief.actors[dep.host].name
    troops = brief.tally("troops", deployment=dep.id)
    what = "no figure of its own" if troops is None else f"troops: {troops}"
    if dep.place is not None:
        what += f", {brief.places[dep.place].name}"
    if dep.reinforces is not None:
        what += f"; reinforces `{dep.reinforces}`"
    if dep.role is not None:
        what += f". {dep.role}"
    return [
        f"`{dep.id}`",
        "deployment",
        who,
        str(dep.date),
        what,
        quotes(dep.citations),
    ]


def event_row(brief: Brief, event: Event) -> list[str]:
    """Return the table row for *event*."""
    what = event.summary
    if event.place is not None:
        what += f" ({brief.places[event.place].name})"
    return [
        f"`{event.id}`",
        f"event: {event.kind.value}",
        names(brief, event.participants),
        str(event.date),
        what,
        quotes(event.citations),
    ]


def figure_row(brief: Brief, figure: Figure) -> list[str]:
    """Return the table row for *figure*."""
    what = f"{figure.count} {figure.kind.value}"
    if figure.side is not None:
        what += f" of {brief.actors[figure.side].name}"
    for field in ("deployment", "event"):
        if (value := getattr(figure, field)) is not None:
            what += f"; {field} `{value}`"
    return [
        f"`{figure.id}`",
        f"figure: {figure.kind.value}",
        names(brief, figure.by) if figure.by else UNATTRIBUTED,
        str(figure.date),
        what,
        quotes(figure.citations),
    ]


def tables(brief: Brief) -> dict[str, list[str]]:
    """Return the lines of each generated table, by marker name."""
    actors = table(
        ["id", "name", "kind", "part of", "aliases", "identifiers"],
        (actor_row(brief, a) for a in brief.actors),
    )
    records = table(
        ["id", "kind", "who", "when", "what", "quote"],
        [
            *(statement_row(brief, s) for s in brief.statements),
            *(deployment_row(brief, d) for d in brief.deployments),
            *(event_row(brief, e) for e in brief.events),
            *(figure_row(brief, f) for f in brief.figures),
        ],
    )
    return {"actors": actors, "records": records}


def render(doc: str, brief: Brief) -> str:
    """Return *doc* with each table replaced between its marker comments."""
    for name, lines in tables(brief).items():
        start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
        pattern = re.compile(re.escape(start) + ".*?" + re.escape(end), re.DOTALL)
        match = pattern.search(doc)
        if match is None:
            raise SystemExit(f"{DOC}: the markers {start} and {end} are missing")
        body = "\n".join([start, *lines, end])
        doc = doc[: match.start()] + body + doc[match.end() :]
    return doc


def main(argv: list[str] | None = None) -> int:
    """Rewrite the tables, or with ``--check`` report whether they are current."""
    parser = argparse.ArgumentParser(
        description="Write the tables of docs/dataset.md from the bundled dataset."
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="exit 1 if docs/dataset.md differs from what this script writes",
    )
    args = parser.parse_args(argv)
    doc = DOC.read_text(encoding="utf-8")
    new = render(doc, datasets.load())
    if args.check:
        if new != doc:
            print(f"{DOC} is out of date; run {Path(__file__).name}", file=sys.stderr)
            return 1
        return 0
    DOC.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
