"""A brief in words for people: what it is, who, what happened, troops, disputes.

As text (`Brief.__str__`) and as a notebook's HTML (`Brief._repr_html_`).

`Brief.__str__` prints it. It reads the brief's timeline, tallies and
disputes, so it sits just below `conflictbrief.brief` and names the `Brief`
it reads for type checkers only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._base.text import SEP, Names, escape, html_table, name_of
from .actors import ActorKind
from .dates._calendar import day_words

if TYPE_CHECKING:
    from .brief import Brief

__all__ = ["notebook_html", "overview"]


def overview(brief: Brief, names: Names) -> str:
    """Return a brief for people: what it is, who, what happened, troops, disputes."""
    out = [brief.title]
    if brief.summary:
        out.append(brief.summary)
    out.append(f"As of {day_words(brief.as_of)}.")
    out += [f"Source: {source.describe(names)}" for source in brief.sources]
    kinds: dict[ActorKind, list[str]] = {}
    for actor in brief.actors:
        kinds.setdefault(actor.kind, []).append(actor.name)
    if kinds:
        out += ["", "Who is involved"]
        # In the order the kinds are declared: states first, groups last.
        for kind in (k for k in ActorKind if k in kinds):
            label = kind.value.replace("_", " ")
            out.append(f"  {label}: {', '.join(kinds[kind])}")
    timeline = brief.timeline()
    if timeline:
        out += ["", "What happened and who said what, in date order"]
        out += [f"  {r.describe(names)}" for r in timeline]
    pairs = dict.fromkeys((d.sender, d.host) for d in brief.deployments)
    if pairs:
        out += ["", "Troops"]
        for sender, host in pairs:
            sent = brief.deployments.where(sender=sender, host=host)
            troops = brief.tally("troops", deployment=sent)
            figure = "no figure given" if troops is None else str(troops)
            route = f"{name_of(names, sender)} to {name_of(names, host)}"
            out.append(f"  {route}: {figure}")
    disputes = brief.disputes()
    if disputes:
        out += ["", "Disputed claims"]
        out += ["  " + d.describe(names).replace("\n", "\n  ") for d in disputes]
    return "\n".join(out)


def notebook_html(brief: Brief, names: Names) -> str:
    """Return a brief as Jupyter shows it: its title, summary and timeline.

    The timeline is a `html_table` of its first rows, in date order, each
    giving its date once (``print(brief)`` gives them all).
    """
    timeline = brief.timeline()
    out = [f"<h3>{escape(brief.title)}</h3>"]
    if brief.summary:
        out.append(f"<p>{escape(brief.summary)}</p>")
    if timeline:
        rows = (r.describe(names).split(SEP, 1) for r in timeline)
        out.append(html_table(("when", "what"), rows, len(timeline)))
    return "".join(out)
