"""Merging briefs: which records of two briefs are one, and one record from two.

`merge_collections` joins the collections of two briefs: records with the same
id merge when they agree, `same` and shared external ids make records under
other ids the same, and every reference of the other brief is rewritten to
the ids kept. `matches` lists the pairs worth a look before merging.

Everything here reads the table of collections and the reference fields
declared on the record classes, so a new collection merges with no change
here.
"""

from __future__ import annotations

import enum
from collections.abc import Collection, Mapping
from typing import Any

import attrs

from conflictbrief._base.messages import shown
from conflictbrief._fields import references
from conflictbrief.actors import ActorKind, ExternalIds
from conflictbrief.dates._span import DateSpan
from conflictbrief.errors import Problem, ValidationError

from .registry import COLLECTIONS

__all__ = [
    "identified",
    "identity_keys",
    "merge_collections",
    "renamed",
    "same_ids",
]

Tables = Mapping[str, Collection[Any]]
"""A brief's records by collection name, as the table of collections lists them."""

_UNITED = frozenset({"aliases", "citations"})
"""Fields whose values two sources add to, rather than agree on."""

_LONGEST = 60
"""How many characters of a value's repr a conflict message shows."""


def identity_keys(record: object) -> tuple[tuple[str, str], ...]:
    """The external ids that make *record* one entity whatever its id."""
    ids = getattr(record, "ids", None)
    if not isinstance(ids, ExternalIds):
        return ()
    keys = []
    if ids.wikidata is not None:
        keys.append(("Wikidata id", ids.wikidata))
    if ids.iso3 is not None and getattr(record, "kind", None) is ActorKind.STATE:
        keys.append(("ISO 3166 code", ids.iso3))
    return tuple(keys)


def identified(mine: Tables, theirs: Tables) -> dict[str, dict[str, tuple[str, str]]]:
    """Per collection, their ids that an external id makes one of ours.

    Each maps to our id and the reason. A record whose id this brief holds
    keeps it: the same id already makes it the same record.
    """
    found: dict[str, dict[str, tuple[str, str]]] = {}
    for c in COLLECTIONS:
        index: dict[tuple[str, str], str] = {}
        for record in mine[c.name]:
            for key in identity_keys(record):
                index.setdefault(key, record.id)
        held = {record.id for record in mine[c.name]}
        hits: dict[str, tuple[str, str]] = {}
        for record in theirs[c.name]:
            if record.id in held:
                continue
            for kind, value in identity_keys(record):
                if (kind, value) in index:
                    hits[record.id] = (index[kind, value], f"same {kind} {value!r}")
                    break
        found[c.name] = hits
    return found


def _two_ways(
    mine: Tables,
    theirs: Tables,
    maps: Mapping[str, Mapping[str, str]],
    ours: str,
) -> list[Problem]:
    """Problems for their records that would be one of ours by id, another by kind.

    A record that becomes our ``a`` (by its id or by *same*) while its
    Wikidata id or ISO code names our ``b`` is one entity or two: merge does
    not choose, which keeps merging associative; *same* can say which.
    """
    problems = []
    for c in COLLECTIONS:
        index: dict[tuple[str, str], list[str]] = {}
        for record in mine[c.name]:
            for key in identity_keys(record):
                index.setdefault(key, []).append(record.id)
        for i, record in enumerate(theirs[c.name]):
            becomes = maps[c.name].get(record.id, record.id)
            for kind, value in identity_keys(record):
                holders = index.get((kind, value), [becomes])
                if becomes not in holders:
                    other = holders[0]
                    problems.append(
                        Problem(
                            f"$.{c.name}[{i}].ids",
                            f"expected one record of {ours!r} for {record.id!r}, "
                            f"but it becomes {becomes!r} while its {kind} "
                            f"{value!r} is {other!r}'s; say which with same=",
                        )
                    )
    return problems


def same_ids(
    mine: Tables,
    theirs: Tables,
    same: Mapping[str, str],
    briefs: tuple[str, str],
) -> tuple[dict[str, dict[str, str]], list[Problem]]:
    """Per collection, their ids that *same* maps to ours, and what is wrong."""
    if not isinstance(same, Mapping):
        raise TypeError(f"same takes a mapping of ids to ids, got {shown(same)}")
    ours, other = briefs
    maps: dict[str, dict[str, str]] = {c.name: {} for c in COLLECTIONS}
    problems = []
    for key, target in same.items():
        holders = [
            c.name for c in COLLECTIONS if any(r.id == key for r in theirs[c.name])
        ]
        if not holders:
            problems.append(
                Problem(
                    f"same[{key!r}]",
                    f"expected an id that {other!r} holds, got {key!r}",
                )
            )
        for name in holders:
            if any(r.id == target for r in mine[name]):
                maps[name][key] = target
            else:
                problems.append(
                    Problem(
                        f"same[{key!r}]",
                        f"expected the id of one of {ours!r}'s {name}, "
                        f"as {other!r} holds {key!r} in {name}, got {target!r}",
                    )
                )
    return maps, problems


def renamed(value: Any, maps: Mapping[str, Mapping[str, str]]) -> Any:
    """Return *value* with the ids in its reference fields mapped, at any depth."""
    cls = type(value)
    changes: dict[str, Any] = {}
    for ref in references(cls):
        old = getattr(value, ref.field)
        table = maps[ref.target]
        new: Any
        if ref.several:
            new = tuple(dict.fromkeys(table.get(i, i) for i in old))
        else:
            new = None if old is None else table.get(old, old)
        if new != old:
            changes[ref.field] = new
    for a in attrs.fields(cls):
        old = getattr(value, a.name)
        nested: Any
        if isinstance(old, tuple) and old and attrs.has(type(old[0])):
            nested = tuple(renamed(item, maps) for item in old)
        elif attrs.has(type(old)):
            nested = renamed(old, maps)
        else:
            continue
        if nested != old:
            changes[a.name] = nested
    return attrs.evolve(value, **changes) if changes else value


def _shown(value: object) -> str:
    """*value* as a conflict message shows it: an enum by its value, a span as EDTF."""
    if isinstance(value, enum.Enum):
        return repr(value.value)
    if isinstance(value, DateSpan):
        return repr(str(value))
    text = repr(value)
    return text if len(text) <= _LONGEST else text[: _LONGEST - 3] + "..."


def _united(mine: tuple[Any, ...], yours: tuple[Any, ...]) -> tuple[Any, ...]:
    """The values of both, ours first, each once."""
    return tuple(dict.fromkeys((*mine, *yours)))


class _Merger:
    """Merges one record of the other brief into ours, collecting the problems."""

    def __init__(self, brief: str) -> None:
        self.brief = brief
        self.problems: list[Problem] = []

    def record(self, ours: Any, theirs: Any, path: str) -> Any:
        """Return *ours* and *theirs*, records with the same id, as one."""
        if ours == theirs:
            return ours
        changes = self.fields(ours, theirs, path, ours.id)
        fields = attrs.fields_dict(type(ours))
        if "aliases" in fields and "name" in fields:
            names = _united((ours.name, *ours.aliases), (theirs.name, *theirs.aliases))
            changes["aliases"] = tuple(n for n in names if n != ours.name)
        return attrs.evolve(ours, **changes) if changes else ours

    def fields(self, ours: Any, theirs: Any, path: str, key: str) -> dict[str, Any]:
        """Return the fields of *ours* that change to take in *theirs*."""
        changes: dict[str, Any] = {}
        names = attrs.fields_dict(type(ours))
        for name in names:
            mine, yours = getattr(ours, name), getattr(theirs, name)
            if (
                mine == yours
                or name == "aliases"
                or (name == "name" and "aliases" in names)
            ):
                continue
            where = f"{path}.{name}"
            if mine is None or mine == ():
                changes[name] = yours
            elif yours is None or yours == ():
                pass
            elif name in _UNITED:
                changes[name] = _united(mine, yours)
            elif isinstance(mine, ExternalIds):
                part = self.fields(mine, yours, where, key)
                if part:
                    changes[name] = attrs.evolve(mine, **part)
            elif isinstance(mine, DateSpan):
                if mine.contains(yours):
                    changes[name] = yours
                elif not yours.contains(mine):
                    self.conflict(
                        where, key, mine, yours, "; neither contains the other"
                    )
            else:
                self.conflict(where, key, mine, yours)
        return changes

    def conflict(
        self, where: str, key: str, mine: object, yours: object, why: str = ""
    ) -> None:
        """Note that the field at *where* differs between the briefs."""
        field = where.split(".", 2)[-1]
        self.problems.append(
            Problem(
                where,
                f"expected the same {field} as {self.brief!r} has for {key!r} "
                f"({_shown(mine)}), got {_shown(yours)}{why}",
            )
        )


def merge_collections(
    mine: Tables,
    theirs: Tables,
    *,
    same: Mapping[str, str] | None,
    briefs: tuple[str, str],
) -> dict[str, list[Any]]:
    """Return the records of *mine* and *theirs*, merged, by collection name.

    Their references are first rewritten to the ids *same* and shared
    external ids make them; then each of their records is added, or merged
    into ours with the same id. Ours come first, in their order, then theirs.

    Args:
        mine: This brief's records by collection.
        theirs: The other brief's records by collection.
        same: Their ids mapped to ours, in any collection that holds them.
        briefs: The ids of the two briefs, for messages.

    Raises:
        TypeError: *same* is not a mapping.
        ValidationError: *same* names an id the other brief does not hold,
            or one this brief does not hold; or records that are one differ
            in a way that cannot be merged. Every problem is listed; nothing
            is merged.
    """
    maps, problems = same_ids(mine, theirs, same or {}, briefs)
    for name, hits in identified(mine, theirs).items():
        for key, (target, _) in hits.items():
            maps[name].setdefault(key, target)
    problems += _two_ways(mine, theirs, maps, briefs[0])
    merger = _Merger(briefs[0])
    merged: dict[str, list[Any]] = {}
    for c in COLLECTIONS:
        table = {record.id: record for record in mine[c.name]}
        for i, record in enumerate(theirs[c.name]):
            theirs_now = renamed(record, maps)
            if record.id in maps[c.name]:
                theirs_now = attrs.evolve(theirs_now, id=maps[c.name][record.id])
            held = table.get(theirs_now.id)
            path = f"$.{c.name}[{i}]"
            table[theirs_now.id] = (
                theirs_now if held is None else merger.record(held, theirs_now, path)
            )
        merged[c.name] = list(table.values())
    problems += merger.problems
    if problems:
        raise ValidationError(problems)
    return merged
