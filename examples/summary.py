"""Print what a brief says, from the public API.

    python examples/summary.py              # the bundled report
    python examples/summary.py BRIEF.json   # a brief file of your own

Who is involved; what happened and who said what, in date order, with dates
as precise as the report gives them; how many troops were sent and on whose
estimate; and which claims are disputed, by whom. Every line comes from the
dataset, and every record in it cites the sentence of the report behind it.
"""

from __future__ import annotations

import sys
import textwrap

from conflictbrief import ActorKind, Brief, Deployment, Event, Figure, datasets, load


def name(brief: Brief, actor: str | None) -> str:
    """Return the name of *actor*; None is the report's own voice or no one named."""
    return "unattributed" if actor is None else brief.actors[actor].name


def say(text: str, indent: str = "  ") -> None:
    """Print *text* wrapped to 88 columns, continued lines indented further."""
    lines = textwrap.wrap(
        text,
        88,
        initial_indent=indent,
        subsequent_indent=indent * 3,
        break_on_hyphens=False,
    )
    print("\n".join(lines))


def main(argv: list[str]) -> None:
    """Print the summary of the brief file in *argv*, else of the default dataset."""
    brief = load(argv[0]) if argv else datasets.load()
    print(brief.title)
    for article in brief.sources.where(kind="article"):
        published = article.published.describe() if article.published else "undated"
        print(f"From a report published {published}.")
    print()

    print("Who is involved")
    for kind in ActorKind:
        members = [a.name for a in brief.actors.where(kind=kind)]
        if members:
            say(f"{kind.value.replace('_', ' ')}: {', '.join(members)}")
    print()

    print("What happened and who said what, in date order")
    print("  (an uncertain date is a span: the report's words allow no more)")
    for record in brief.timeline():
        when = record.date.describe()
        if isinstance(record, Event):
            say(f"{when}: {record.summary}")
        elif isinstance(record, Figure):
            say(f"{when}: {record.count} {record.kind.value} ({record.id})")
        elif isinstance(record, Deployment):
            route = f"{name(brief, record.sender)} to {name(brief, record.host)}"
            say(f"{when}: troops arrive, {route} ({record.id})")
        else:
            speaker = name(brief, record.speaker)
            if record.via is not None:
                speaker += f", via {name(brief, record.via)}"
            say(f"{when}: [{record.kind.value}, {speaker}] {record.summary}")
    print()

    print("Troops")
    routes = dict.fromkeys((d.sender, d.host) for d in brief.deployments)
    for sender, host in routes:
        total = brief.troops(sender=sender, host=host) or "no figure"
        say(f"{name(brief, sender)} to {name(brief, host)}: {total}")
    for dep in brief.deployments:
        figures = brief.figures.where(kind="troops", deployment=dep)
        estimate = "no figure of its own" if not figures else ""
        for figure in figures:
            by = ", ".join(name(brief, a) for a in figure.by)
            estimate += str(figure.count) + (f", estimated by {by}" if by else "")
        say(f"{dep.id}: {estimate}", indent="    ")
    print()

    print("Disputed claims")
    for dispute in brief.disputes():
        say(f"{name(brief, dispute.claim.speaker)} claims: {dispute.claim.summary}")
        for rebuttal in dispute.rebuttals:
            say(f"disputed by {name(brief, rebuttal.speaker)}", indent="    ")


if __name__ == "__main__":
    main(sys.argv[1:])
