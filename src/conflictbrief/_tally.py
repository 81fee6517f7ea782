"""Tallies of figures: alternatives of one quantity combined, distinct ones added.

Figures with the same kind, side, deployment and event are alternative
estimates of one quantity (from different estimators, sources or days): a
tally combines them into the range they span (`Estimate.combine`) and adds
only distinct quantities. `Brief.tally` and `Brief.troops` answer from here.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Iterable
from typing import Any

import attrs

from ._repr import model_repr
from ._validators import Id
from .estimates import Estimate
from .records import Figure, FigureKind

__all__ = ["Tally", "TallyPart", "make_tally"]


@attrs.frozen(kw_only=True, weakref_slot=False, repr=False)
class TallyPart:
    """One quantity of a tally: what was counted, and its alternative figures.

    Attributes:
        kind: What was counted.
        side: The id of the actor whose people were counted, if given.
        deployment: The id of the deployment counted, if given.
        event: The id of the event counted, if given.
        estimate: The range of the figures' counts (`Estimate.combine`).
        figures: The alternative figures of this quantity, in the brief's
            order.
        given_by: Who gave each figure, by name: the actors' names, else the
            title of the source that states it.
    """

    __repr__ = model_repr

    kind: FigureKind
    side: Id | None
    deployment: Id | None
    event: Id | None
    estimate: Estimate
    figures: tuple[Figure, ...]
    given_by: tuple[str, ...] = attrs.field(repr=False)

    def __str__(self) -> str:
        return "; ".join(
            f"{f.count}: {who}"
            for f, who in zip(self.figures, self.given_by, strict=True)
        )


@attrs.frozen(kw_only=True, weakref_slot=False, repr=False)
class Tally:
    """How many, over every quantity counted, and on whose word.

    ``str`` gives the total and every figure behind it with who gave it::

        about 11,000-12,000 (about 11,000: Military analysts; about 12,000:
        South Korean intelligence)

    Attributes:
        estimate: The sum of the parts' estimates.
        parts: Each distinct quantity counted, in the order of its first
            figure in the brief.
    """

    __repr__ = model_repr

    estimate: Estimate
    parts: tuple[TallyPart, ...]

    def __str__(self) -> str:
        return f"{self.estimate} ({'; '.join(map(str, self.parts))})"


def _given_by(brief: Any, figure: Figure) -> str:
    """Who gave *figure*: its actors' names, else the titles of its sources."""
    if figure.by:
        return ", ".join(brief.actors[a].name for a in figure.by)
    # Every figure is cited, and every source has a title.
    return ", ".join({brief.sources[c.source].title: None for c in figure.citations})


def make_tally(brief: Any, figures: Iterable[Figure]) -> Tally | None:
    """Return the tally of *figures* of *brief*, or None if there are none.

    *brief* names the actors and sources the figures refer to.
    """
    quantities: dict[tuple[FigureKind, Id | None, Id | None, Id | None], list[Figure]]
    quantities = {}
    for f in figures:
        quantities.setdefault((f.kind, f.side, f.deployment, f.event), []).append(f)
    if not quantities:
        return None
    parts = tuple(
        TallyPart(
            kind=kind,
            side=side,
            deployment=deployment,
            event=event,
            estimate=Estimate.combine(f.count for f in found),
            figures=tuple(found),
            given_by=tuple(_given_by(brief, f) for f in found),
        )
        for (kind, side, deployment, event), found in quantities.items()
    )
    total = functools.reduce(operator.add, (p.estimate for p in parts))
    return Tally(estimate=total, parts=parts)
