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
from typing import TYPE_CHECKING, Any

import attrs

from conflictbrief._base.repr import model_repr
from conflictbrief._base.sealed import sealed
from conflictbrief._validators import Id
from conflictbrief.estimates import Estimate
from conflictbrief.records import Figure, FigureKind

from .collection import kept

if TYPE_CHECKING:
    from conflictbrief.brief import Brief

__all__ = ["Tally", "TallyPart", "make_tally", "tally_of", "troops_of"]


@attrs.frozen(kw_only=True, weakref_slot=False, repr=False)
@sealed
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
@sealed
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


def tally_of(  # noqa: PLR0913 (the filters of Brief.tally, passed on)
    brief: Brief,
    kind: FigureKind | str,
    *,
    side: object = None,
    deployment: object = None,
    event: object = None,
    during: object = None,
) -> Tally | None:
    """Return `Brief.tally` of *brief*: the figures of *kind* that match, tallied."""
    filters: dict[str, Any] = {
        name: value
        for name, value in (
            ("side", side),
            ("deployment", deployment),
            ("event", event),
            ("during", during),
        )
        if value is not None
    }

    def answer() -> Tally | None:
        return make_tally(brief, brief.figures.where(kind=kind, **filters))

    # A question asked by kind and ids is answered once: the brief never
    # changes, and working a tally out again (finding the figures,
    # combining and adding estimates, naming who gave them) costs about
    # a hundred times as much as finding the answer kept.
    asked = (kind, side, deployment, event)
    if during is None and all(v is None or isinstance(v, str) for v in asked):
        question = ("tally", getattr(kind, "value", kind), *asked[1:])
        return kept(brief.figures, question, answer)
    return answer()


def troops_of(
    brief: Brief,
    sender: object,
    host: object,
    active_on: object,
    *,
    strict: bool,
) -> Estimate | None:
    """Return `Brief.troops` of *brief*: the troop tally of the matching deployments."""
    if strict and active_on is None:
        raise TypeError("strict=True applies to active_on, and none was given")
    filters: dict[str, Any] = {}
    if sender is not None:
        filters["sender"] = sender
    if host is not None:
        filters["host"] = host
    if active_on is not None:
        filters["active_on"] = active_on
    deployments = brief.deployments.where(strict=strict, **filters)
    found = tally_of(brief, FigureKind.TROOPS, deployment=deployments)
    return None if found is None else found.estimate


def _given_by(brief: Brief, figure: Figure) -> str:
    """Who gave *figure*: its actors' names, else the titles of its sources."""
    if figure.by:
        return ", ".join(brief.actors[a].name for a in figure.by)
    # Every figure is cited, and every source has a title.
    return ", ".join({brief.sources[c.source].title: None for c in figure.citations})


def make_tally(brief: Brief, figures: Iterable[Figure]) -> Tally | None:
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
