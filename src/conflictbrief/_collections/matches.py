"""Which records of two briefs may be one: `Brief.matches`.

Each collection has a rule: the keys under which its records are indexed, and
what must also hold for two records found under one key to be worth a look.
Actors and places share a name or alias; statements a speaker and kind;
deployments a sender and host; events a kind and a participant or place; all
of these also dates that overlap. Figures share a kind and what they measure
(a deployment or event, else the side at the top of their chain) and have
sides that overlap. Dated records are indexed by month, so a record is only
compared with records of the months its date covers (and with the few whose
dates cover more than two years): the work grows with the two briefs, never
with their product. At most *most* pairs are given per record of the other
brief.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from conflictbrief._base.repr import model_repr
from conflictbrief._base.sealed import sealed
from conflictbrief.actors import Actor, Place
from conflictbrief.dates._span import DateSpan, day_numbers
from conflictbrief.errors import ValidationError
from conflictbrief.records import Deployment, Event, Figure, Statement

from .merge import identified, renamed, same_ids
from .registry import COLLECTIONS, CollectionName
from .tally import Distinct, topmost

if TYPE_CHECKING:
    from conflictbrief.brief import Brief

__all__ = ["MOST", "Match", "likely_matches"]

MOST = 10
"""How many pairs `Brief.matches` gives per record of the other brief, by default."""

_WIDEST = 24
"""How many months a date may cover and still be indexed month by month."""


@attrs.frozen(kw_only=True, weakref_slot=False, repr=False)
@sealed
class Match:
    """Two records, one in each brief, that may be the same entity.

    Attributes:
        collection: The collection both are in, such as ``"actors"``.
        ours: The id of the record in the brief asked.
        theirs: The id of the record in the other brief.
        reason: Why they may be one: ``"same name 'Zelensky'"``, the
            external id that makes `Brief.merge` unify them, or what two
            records of an event, statement, deployment or figure share.
        merged: Whether `Brief.merge` makes them one by itself, as it does
            records with an external id in common; else they stay apart
            unless ``same=`` joins them.
    """

    __repr__ = model_repr

    collection: CollectionName
    ours: str
    theirs: str
    reason: str
    merged: bool = False

    def __str__(self) -> str:
        return (
            f"{self.collection}: their {self.theirs!r} and our {self.ours!r}"
            f" ({self.reason})"
        )


class _Both:
    """The records of two briefs by id, ours first: what `Distinct` reads."""

    def __init__(self, ours: Brief, theirs: Mapping[CollectionName, list[Any]]) -> None:
        self.actors = _Either(ours.actors, theirs["actors"])
        self.places = _Either(ours.places, theirs["places"])
        self.deployments = _Either(ours.deployments, theirs["deployments"])


class _Either:
    """Records by id from ours, else from theirs."""

    def __init__(self, ours: Any, theirs: list[Any]) -> None:
        self.ours = ours
        self.theirs = {r.id: r for r in theirs}

    def __getitem__(self, key: str) -> Any:
        found = self.ours.get(key)
        return self.theirs[key] if found is None else found


Key = tuple[Any, ...] | str
"""A key of an index: a name, or a tuple of what two records share."""

Keys = Callable[[Any, Distinct], Iterable[Key]]
"""The keys a record is indexed and looked up under."""

Why = Callable[[Any, Any, Any, Distinct], "str | None"]
"""Why two records found under one key may be one; None if they may not."""


def _names(record: Actor | Place, _: Distinct) -> Iterator[str]:
    return (n.casefold() for n in (record.name, *record.aliases))


def _same_name(
    _ours: Actor | Place, theirs: Actor | Place, key: Key, _: Distinct
) -> str:
    spelled = next(n for n in (theirs.name, *theirs.aliases) if n.casefold() == key)
    return f"same name {spelled!r}"


def _voices(record: Statement, _: Distinct) -> tuple[Key, ...]:
    # A statement in a source's own voice has no speaker to share.
    return () if record.speaker is None else ((record.speaker, record.kind),)


def _same_voice(ours: Statement, _theirs: Statement, _: Key, __: Distinct) -> str:
    return (
        f"same speaker {ours.speaker!r} and kind {ours.kind.value!r}, "
        "dates that overlap"
    )


def _routes(record: Deployment, _: Distinct) -> tuple[Key, ...]:
    return ((record.sender, record.host),)


def _same_route(
    ours: Deployment, theirs: Deployment, _: Key, rule: Distinct
) -> str | None:
    if rule.deployments_apart(ours, theirs) is not None:
        return None
    return (
        f"same sender {ours.sender!r} and host {ours.host!r}, "
        "arrival dates that overlap"
    )


def _scenes(record: Event, _: Distinct) -> Iterator[Key]:
    yield from ((record.kind, "participant", p) for p in record.participants)
    if record.place is not None:
        yield (record.kind, "place", record.place)


def _same_scene(
    _ours: Event, _theirs: Event, key: tuple[Any, Any, Any], _: Distinct
) -> str:
    kind, field, value = key
    return f"same kind {kind.value!r}, dates that overlap, the same {field} {value!r}"


def _measures(record: Figure, rule: Distinct) -> Iterator[Key]:
    if record.deployment is not None:
        yield (record.kind, "deployment", record.deployment)
    if record.event is not None:
        yield (record.kind, "event", record.event)
    if record.side is not None:
        yield (record.kind, "side", topmost(rule.brief, record.side))


def _same_measure(
    ours: Figure, theirs: Figure, key: tuple[Any, Any, Any], rule: Distinct
) -> str | None:
    kind, field, value = key
    if rule.separate(ours.side, theirs.side):
        return None
    if field == "side":
        # Figures measuring different records are told apart by them.
        for a, b in ((ours.deployment, theirs.deployment), (ours.event, theirs.event)):
            if a is not None and b is not None and a != b:
                return None
        return f"same kind {kind.value!r}, sides that overlap under {value!r}"
    return f"same kind {kind.value!r} of the same {field} {value!r}, sides that overlap"


_RULES: dict[str, tuple[Keys, Why, str | None]] = {
    "actors": (_names, _same_name, None),
    "places": (_names, _same_name, None),
    "statements": (_voices, _same_voice, "date"),
    "deployments": (_routes, _same_route, "date"),
    "events": (_scenes, _same_scene, "date"),
    "figures": (_measures, _same_measure, None),
}
"""Per collection: its keys, its test, and the date field that must overlap."""


def _months(span: DateSpan) -> Iterator[Key]:
    """The months *span* covers, as (year, month); one ``"wide"`` if many."""
    first, last = span.earliest, span.latest
    if first is None or last is None:
        yield "wide"
        return
    start, end = first.year * 12 + first.month - 1, last.year * 12 + last.month - 1
    if end - start >= _WIDEST:
        yield "wide"
        return
    for month in range(start, end + 1):
        yield divmod(month, 12)


class _Index:
    """Our records of one collection under their keys, and by month if dated.

    Attributes:
        collection: The collection's name.
        keys: The keys of a record, as its rule gives them.
        why: The rule's test of two records found under one key.
        dated: The date field two records' dates must overlap in, if any.
    """

    def __init__(
        self, collection: CollectionName, records: Iterable[Any], rule: Distinct
    ) -> None:
        self.collection = collection
        self.keys, self.why, self.dated = _RULES[collection]
        self.rule = rule
        self.buckets: dict[Key, dict[str, Any]] = {}
        self.every: dict[Key, dict[str, Any]] = {}
        for record in records:
            for key in self.keys(record, rule):
                if self.dated is None:
                    self.buckets.setdefault(key, {})[record.id] = record
                    continue
                self.every.setdefault(key, {})[record.id] = record
                for month in _months(getattr(record, self.dated)):
                    self.buckets.setdefault((key, month), {})[record.id] = record

    def near(self, key: Key, record: Any) -> Iterator[Any]:
        """Our records under *key* that *record* may be, by date if dated."""
        if self.dated is None:
            yield from self.buckets.get(key, {}).values()
            return
        span: DateSpan = getattr(record, self.dated)
        first, last = day_numbers(span)
        months = list(_months(span))
        if months == ["wide"]:
            pools: Iterable[dict[str, Any]] = [self.every.get(key, {})]
        else:
            pools = [self.buckets.get((key, m), {}) for m in [*months, "wide"]]
        for pool in pools:
            for ours in pool.values():
                o_first, o_last = day_numbers(getattr(ours, self.dated))
                if o_first <= last and first <= o_last:
                    yield ours

    def matches(self, record: Any, their_id: str, most: int | None) -> list[Match]:
        """The matches of their *record*, at most *most*."""
        found: dict[str, Match] = {}
        for key in self.keys(record, self.rule):
            for ours in self.near(key, record):
                if ours.id in found:
                    continue
                reason = self.why(ours, record, key, self.rule)
                if reason is None:
                    continue
                found[ours.id] = Match(
                    collection=self.collection,
                    ours=ours.id,
                    theirs=their_id,
                    reason=reason,
                )
                if most is not None and len(found) >= most:
                    return list(found.values())
        return list(found.values())


def likely_matches(
    mine: Brief,
    theirs: Brief,
    *,
    same: Mapping[str, str],
    most: int | None,
) -> tuple[Match, ...]:
    """Return the pairs of records of *mine* and *theirs* that may be one.

    Records of *theirs* that *mine* holds under the same id, or that *same*
    maps to one of ours, are already one and are left out. Records that
    share an external id come first in their collection, as `merge` unifies
    them; then the pairs each collection's rule finds, at most *most* per
    record of *theirs* (all if None). Pairs come in the order of *theirs*.
    """
    ours_tables, their_tables = mine._tables(), theirs._tables()  # noqa: SLF001
    maps, problems = same_ids(ours_tables, their_tables, same, (mine.id, theirs.id))
    if problems:
        raise ValidationError(problems)
    hits = identified(ours_tables, their_tables)
    for name, found in hits.items():
        for key, (target, _) in found.items():
            maps[name].setdefault(key, target)
    given = {
        c.name: [renamed(r, maps) for r in their_tables[c.name]] for c in COLLECTIONS
    }
    rule = Distinct(_Both(mine, given))
    matches: list[Match] = []
    for c in COLLECTIONS:
        matches += (
            Match(
                collection=c.name,
                ours=ours,
                theirs=their_id,
                reason=reason,
                merged=True,
            )
            for their_id, (ours, reason) in hits[c.name].items()
        )
        if c.name not in _RULES:
            continue
        index = _Index(c.name, ours_tables[c.name], rule)
        apart = {r.id for r in ours_tables[c.name]} | maps[c.name].keys()
        for record, original in zip(given[c.name], their_tables[c.name], strict=True):
            if original.id not in apart:
                matches += index.matches(record, original.id, most)
    return tuple(matches)
