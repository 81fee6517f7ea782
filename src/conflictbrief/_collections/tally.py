"""Tallies of figures: what may count the same people is combined, never added.

`Brief.tally` states the rule: two figures of one kind are alternatives of one
quantity unless the brief shows that they count different people. `Distinct`
applies it; figures joined by it, at any remove, form one part of the tally,
and the parts add. `Brief.tally` and `Brief.troops` answer from here.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

import attrs

from conflictbrief._base.repr import model_repr
from conflictbrief._base.sealed import sealed
from conflictbrief._validators import Id
from conflictbrief.actors import Actor, Place, PlaceKind
from conflictbrief.estimates import Estimate
from conflictbrief.records import Deployment, Figure, FigureKind

from .collection import kept

if TYPE_CHECKING:
    from conflictbrief.brief import Brief

__all__ = [
    "Distinct",
    "Holdings",
    "Tally",
    "TallyPart",
    "make_tally",
    "tally_of",
    "topmost",
    "troops_of",
]

R_co = TypeVar("R_co", covariant=True)


class _Table(Protocol[R_co]):
    def __getitem__(self, key: str, /) -> R_co: ...


class Holdings(Protocol):
    """What the rule reads: the actors, places and deployments, by id.

    A `Brief` is one; `Brief.matches` gives the records of two briefs.
    """

    @property
    def actors(self) -> _Table[Actor]: ...
    @property
    def places(self) -> _Table[Place]: ...
    @property
    def deployments(self) -> _Table[Deployment]: ...


Quantity = tuple[FigureKind, Id | None, Id | None, Id | None]
"""What a figure counts, as it says it: its kind, side, deployment and event."""


@attrs.frozen(kw_only=True, weakref_slot=False, repr=False)
@sealed
class TallyPart:
    """One quantity of a tally: figures that may count the same people.

    Attributes:
        kind: What was counted.
        sides: The ids of the actors whose people the figures count, in
            the order first given; empty if none gives one.
        deployments: The ids of the deployments they count, likewise.
        events: The ids of the events they count, likewise.
        estimate: The range of the figures' counts (`Estimate.combine`).
        figures: The alternative figures of this quantity, in the brief's
            order.
        given_by: Who gave each figure, by name: the actors' names, else the
            title of the source that states it.
        reason: Why this part counts people that the parts before it do
            not, and is added to them: ``"sides 'north-korea' and 'russia'
            are separate"``; empty for the first part.
    """

    __repr__ = model_repr

    kind: FigureKind
    sides: tuple[Id, ...]
    deployments: tuple[Id, ...]
    events: tuple[Id, ...]
    estimate: Estimate
    figures: tuple[Figure, ...]
    given_by: tuple[str, ...] = attrs.field(repr=False)
    reason: str = ""

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

    @property
    def figures(self) -> tuple[Figure, ...]:
        """Every figure behind the tally, part by part."""
        return tuple(f for p in self.parts for f in p.figures)


def tally_of(  # noqa: PLR0913 (the filters of Brief.tally, passed on)
    brief: Brief,
    kind: FigureKind | str,
    *,
    side: object = None,
    deployment: object = None,
    event: object = None,
    during: object = None,
) -> Tally | None:
    """Return `Brief.tally` of *brief*: the figures of *kind* that match, tallied.

    A *side* counts its members too: the figures of any actor part of it.
    """
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
        figures = brief.figures.where(kind=kind, members=side is not None, **filters)
        return make_tally(brief, figures)

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
    """Return the tally of *figures* of one kind of *brief*, or None if none.

    *brief* holds the actors, places, deployments and sources the figures
    refer to.
    """
    given = [(f, (f.kind, f.side, f.deployment, f.event)) for f in figures]
    if not given:
        return None
    rule = Distinct(brief)
    groups = rule.groups(list(dict.fromkeys(q for _, q in given)))
    group_of = {q: i for i, group in enumerate(groups) for q in group}
    held: list[list[Figure]] = [[] for _ in groups]
    for f, q in given:
        held[group_of[q]].append(f)
    parts = []
    for i, (group, found) in enumerate(zip(groups, held, strict=True)):
        reasons = dict.fromkeys(
            reason
            for earlier in groups[:i]
            if (reason := rule.why(earlier[0], group[0])) is not None
        )
        parts.append(
            TallyPart(
                kind=group[0][0],
                sides=_given(q[1] for q in group),
                deployments=_given(q[2] for q in group),
                events=_given(q[3] for q in group),
                estimate=Estimate.combine(f.count for f in found),
                figures=tuple(found),
                given_by=tuple(_given_by(brief, f) for f in found),
                reason="; ".join(reasons),
            )
        )
    total = functools.reduce(operator.add, (p.estimate for p in parts))
    return Tally(estimate=total, parts=tuple(parts))


def chain(brief: Holdings, actor: Id) -> list[Id]:
    """*actor* and every actor of *brief* it is part of, upwards."""
    found = [actor]
    # A brief's part_of chains have no cycles.
    while (up := brief.actors[found[-1]].part_of) is not None:
        found.append(up)
    return found


def topmost(brief: Holdings, actor: Id) -> Id:
    """The actor of *brief* that *actor* is part of, at the top of its chain."""
    return chain(brief, actor)[-1]


def _given(ids: Iterable[Id | None]) -> tuple[Id, ...]:
    """The ids given, each once, in order."""
    return tuple(dict.fromkeys(i for i in ids if i is not None))


class Distinct:
    """The rule that says when two figures count different people, for one brief."""

    def __init__(self, brief: Holdings) -> None:
        self.brief = brief

    @functools.cache  # noqa: B019 (one rule per tally, dropped with it)
    def above(self, actor: Id) -> frozenset[Id]:
        """*actor* and every actor it is part of, at any depth."""
        return frozenset(chain(self.brief, actor))

    def separate(self, a: Id | None, b: Id | None) -> bool:
        """Whether actors *a* and *b* are apart: neither is, or is in, the other."""
        if a is None or b is None:
            return False
        return a not in self.above(b) and b not in self.above(a)

    def reinforced(self, d: Deployment) -> list[Id]:
        """The deployments *d* reinforces, directly or through others."""
        found = []
        up = d.reinforces
        while up is not None and up not in found:
            found.append(up)
            up = self.brief.deployments[up].reinforces
        return found

    def places_apart(self, a: Id | None, b: Id | None) -> bool:
        """Whether places *a* and *b* are known not to overlap."""
        if a is None or b is None or a == b:
            return False
        p, q = self.brief.places[a], self.brief.places[b]
        if self.separate(p.country, q.country):
            return True
        return p.kind is q.kind and p.kind in _NESTLESS

    def deployments_apart(self, d: Deployment, e: Deployment) -> str | None:
        """Why deployments *d* and *e* send different troops, or None."""
        a, b = d.id, e.id
        for x, y in ((d, e), (e, d)):
            if y.id in self.reinforced(x):
                return f"deployment {x.id!r} reinforces {y.id!r}"
        facts = (
            (self.separate(d.sender, e.sender), "have separate senders"),
            (self.separate(d.host, e.host), "have separate hosts"),
            (not d.date.overlaps(e.date), "arrived at different times"),
            (self.places_apart(d.place, e.place), "are in different places"),
            (self.separate(d.unit, e.unit), "are of separate units"),
        )
        for known, why in facts:
            if known:
                return f"deployments {a!r} and {b!r} {why}"
        return None

    def why(self, q: Quantity, r: Quantity) -> str | None:
        """Why quantities *q* and *r* of one kind count different people, or None."""
        if self.separate(q[1], r[1]):
            return f"sides {q[1]!r} and {r[1]!r} are separate"
        if q[3] is not None and r[3] is not None and q[3] != r[3]:
            return f"events {q[3]!r} and {r[3]!r} are different events"
        if q[2] is not None and r[2] is not None and q[2] != r[2]:
            deployments = self.brief.deployments
            return self.deployments_apart(deployments[q[2]], deployments[r[2]])
        return None

    def groups(self, quantities: list[Quantity]) -> list[list[Quantity]]:
        """*quantities* joined where they may be the same, at any remove.

        Groups come in the order of their first quantity. Only quantities
        whose sides share a topmost actor, or that give no side, are
        compared: any others have separate sides.
        """
        parent = list(range(len(quantities)))

        def root(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        by_top: dict[Id | None, list[int]] = {}
        for i, q in enumerate(quantities):
            top = None if q[1] is None else topmost(self.brief, q[1])
            by_top.setdefault(top, []).append(i)
        sideless = by_top.get(None, [])
        for top, members in by_top.items():
            pool = members if top is None else [*members, *sideless]
            for n, i in enumerate(pool):
                for j in pool[:n]:
                    a, b = root(i), root(j)
                    if a != b and self.why(quantities[i], quantities[j]) is None:
                        parent[max(a, b)] = min(a, b)
        grouped: dict[int, list[Quantity]] = {}
        for i, q in enumerate(quantities):
            grouped.setdefault(root(i), []).append(q)
        return list(grouped.values())


_NESTLESS = frozenset({PlaceKind.COUNTRY, PlaceKind.CITY, PlaceKind.SITE})
"""Kinds of place of which two different ones never overlap.

Two regions may (a province and the front line across it); a city may lie in
a region, a site in a city; two cities, two sites or two countries do not.
"""
