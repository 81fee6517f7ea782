"""The integrity checks of a brief: every rule that relates records to each other.

Ids are unique per collection; every reference resolves; every dated record
is cited, its quotes occur in its sources' texts and it is not dated after
every source that reports it (`citing`); deployment senders and hosts and place
countries are states; ``part_of`` chains end. `Checker` collects every
problem with its JSON path; a brief runs it on construction, and a file that
does not load runs it on the records that could be read.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from itertools import chain
from operator import attrgetter, eq
from typing import Any

from conflictbrief._base.messages import (
    NameSuggester,
    Suggester,
    article,
    merged_suggestions,
    quoted,
)
from conflictbrief._base.text import name_pairs
from conflictbrief._validators import fail
from conflictbrief.actors import ActorKind
from conflictbrief.errors import Problem

from .citing import check_citations
from .registry import BY_NAME, COLLECTIONS

__all__ = ["SUGGESTED", "Checker", "document_order"]

_PLACE = re.compile(r"\$\.(\w+)(?:\[(\d+)\])?")


def document_order(keys: Iterable[str]) -> Callable[[Problem], tuple[int, int]]:
    """Return a sort key placing a problem where it stands in the document.

    Problems come in the order of *keys* (a brief's fields), those at unknown
    keys last; problems of records in their order within their collection.
    """
    rank = {key: i for i, key in enumerate(keys)}
    unknown = len(rank)

    def order(problem: Problem) -> tuple[int, int]:
        m = _PLACE.match(problem.path)
        if m is None:
            return (-1, 0)
        index = m[2] or "0"
        # Digits too many to be a position come from an unknown key.
        return (rank.get(m[1], unknown), int(index) if len(index) < 19 else 0)

    return order


_IN_DOCUMENT = document_order(c.name for c in COLLECTIONS)

_ID = attrgetter("id")


def _by_id(records: Sequence[Any], cls: type[Any]) -> dict[str, Any]:
    """The records of *records* that are *cls*, by id; the first with an id wins."""
    if set(map(type, records)) <= {cls}:
        backwards = records[::-1]
        return dict(zip(map(_ID, backwards), backwards, strict=True))
    return {r.id: r for r in reversed(records) if type(r) is cls}


SUGGESTED = 100
"""How many unknown ids of one brief get suggestions of close ids."""


class Checker:
    """Collects every integrity problem of a brief, with JSON paths.

    The checks run on every load, so the common case (nothing wrong) is kept
    to dictionary look-ups; paths and messages are built only for problems.
    """

    def __init__(
        self,
        records: Mapping[str, Sequence[Any]],
        positions: Mapping[str, Sequence[int]] | None = None,
        incomplete: Collection[str] = (),
    ) -> None:
        """Prepare to check *records*, each collection's records by name.

        A file that does not load may still have its integrity checked: the
        records that could be read come with their *positions* in the file,
        and references into an *incomplete* collection, one with records that
        could not be read, are not checked, as they may name those records.
        """
        self.records = records
        self.positions = positions or {}
        self.incomplete = incomplete
        self.problems: list[Problem] = []
        # Suggestions for unknown ids, from an index of each collection's ids
        # made once; only the first SUGGESTED unknown ids get them, so that a
        # file of unknown ids is refused in time linear in its size.
        self.suggesters: dict[str, Suggester] = {}
        self.named: dict[str, NameSuggester] = {}
        self.suggested = 0
        # Built here rather than with Records._ids(), which would keep a dict
        # per collection alive for as long as the brief (about 40 bytes a
        # record); lookups by id build theirs on first use.
        # The first record with an id wins, as in Records lookups.
        self.ids: dict[str, dict[str, Any]] = {
            c.name: _by_id(records[c.name], c.cls) for c in COLLECTIONS
        }

    def numbered(self, name: str) -> Iterable[tuple[int, Any]]:
        """The records of *name* with their positions in the document."""
        positions = self.positions.get(name)
        records = self.records[name]
        if positions is None:
            return enumerate(records)
        return zip(positions, records, strict=True)

    def add(self, path: str, message: str) -> None:
        self.problems.append(Problem(path, message))

    def run(self) -> list[Problem]:
        if not self._shapes():
            return self.problems
        for collection in COLLECTIONS:
            self._references(collection.name)
        self._part_of_cycles()
        for collection in COLLECTIONS:
            for ref in collection.references:
                if ref.state:
                    name, field = collection.name, ref.field
                    for i, record in self.numbered(name):
                        self.state(f"$.{name}[{i}].{field}", getattr(record, field))
        for i, dep in self.numbered("deployments"):
            if dep.until is not None and dep.until.precedes(dep.date):
                self.add(
                    f"$.deployments[{i}].until",
                    f"expected a departure no earlier than the arrival ({dep.date}), "
                    f"got {dep.until}",
                )
        check_citations(self)
        return sorted(self.problems, key=_IN_DOCUMENT)

    def _shapes(self) -> bool:
        """Check item types and unique ids; the other checks need the types."""
        ok = True
        for collection in COLLECTIONS:
            name, cls = collection.name, collection.cls
            records = self.records[name]
            # The ids hold each record of the class once by id: as many as
            # there are records, every record is of the class, its id unique.
            if len(self.ids[name]) == len(records):
                continue
            seen: dict[str, int] = {}
            item: Any
            for i, item in self.numbered(name):
                if type(item) is not cls:
                    self.add(
                        f"$.{name}[{i}]", str(fail("", item, article(cls.__name__)))
                    )
                    ok = False
                    continue
                first = seen.setdefault(item.id, i)
                if first != i:
                    self.add(
                        f"$.{name}[{i}].id",
                        f"expected a unique id, got {quoted(item.id)} again "
                        f"(first at $.{name}[{first}])",
                    )
        return ok

    def _references(self, name: str) -> None:
        """Check that every id a record of *name* refers to exists."""
        for ref in BY_NAME[name].references:
            field, target, several = ref.field, ref.target, ref.several
            if target in self.incomplete:
                continue
            known = self.ids[target]
            # An actor that is part of itself is reported as a part_of cycle.
            own = target == name and field != "part_of"
            records = self.records[name]
            values: Iterable[str | None] = map(attrgetter(field), records)
            if several:
                values = chain.from_iterable(values)  # type: ignore[arg-type]
            # filter(None, ...) drops the None of an empty optional field
            # (an id is never empty).
            if all(map(known.__contains__, filter(None, values))) and not (
                own and any(map(eq, map(attrgetter(field), records), map(_ID, records)))
            ):
                continue  # the common case, in C: every id resolves
            for i, record in self.numbered(name):
                value = getattr(record, field)
                if several:
                    for j, key in enumerate(value):
                        if key not in known:
                            self.unknown(f"$.{name}[{i}].{field}[{j}]", key, target)
                elif value is not None and (value not in known or own):
                    path = f"$.{name}[{i}].{field}"
                    if value not in known:
                        self.unknown(path, value, target)
                    elif value == record.id:
                        self.add(
                            path,
                            "expected another record's id, got its own id "
                            + quoted(value),
                        )

    def unknown(self, path: str, key: str, target: str) -> None:
        close: tuple[str, ...] = ()
        if self.suggested < SUGGESTED:
            self.suggested += 1
            suggester = self.suggesters.get(target)
            if suggester is None:
                suggester = self.suggesters[target] = Suggester(self.ids[target])
            close = suggester.close(key)
            if target in ("actors", "places"):
                named = self.named.get(target)
                if named is None:
                    pairs = name_pairs(self.ids[target].values())
                    named = self.named[target] = NameSuggester(pairs)
                close = merged_suggestions(close, named.close(key))
        hint = f"; did you mean {' or '.join(map(quoted, close))}?" if close else ""
        expected = f"the id of {BY_NAME[target].singular} in this brief"
        self.add(path, f"expected {expected}, got {quoted(key)}{hint}")

    def state(self, path: str, key: str | None) -> None:
        """Check that *key*, if it names an actor, names a state."""
        actor = self.ids["actors"].get(key) if key is not None else None
        if actor is not None and actor.kind is not ActorKind.STATE:
            self.add(
                path,
                f"expected the id of a state, got {quoted(key)}, which is "
                f"{actor.kind.value!r}",
            )

    def _part_of_cycles(self) -> None:
        """Report the actors on a cycle of ``part_of``, not those leading to one.

        One walk over the chains: each actor is visited once, marked with the
        walk that first reached it, so that a long chain costs its length
        rather than its length squared.
        """
        actors = self.ids["actors"]
        walk_of: dict[str, int] = {}
        on_cycle: set[str] = set()
        for walk, start in enumerate(actors):
            path = []
            node: str | None = start
            while node in actors and node not in walk_of:
                walk_of[node] = walk
                path.append(node)
                node = actors[node].part_of
            if node in actors and walk_of[node] == walk:  # back on this walk
                on_cycle.update(path[path.index(node) :])
        for i, actor in self.numbered("actors"):
            if actor.id in on_cycle or actor.part_of == actor.id:
                self.add(
                    f"$.actors[{i}].part_of",
                    f"expected a chain of part_of that ends, got a cycle "
                    f"through {quoted(actor.id)}",
                )
