"""Merging briefs: which records of two briefs are one, and one record from two.

`merge_briefs` joins two briefs: records with the same id merge when they
agree, `same` and shared external ids make records under other ids the same,
and every reference of the other brief is rewritten to the ids kept. Fields in
the encoder's own words (`conflictbrief._fields.worded`) keep this brief's
wording, and the other's is reported as a `Reworded`; lists of ids are
united. `matches` lists the pairs worth a look before merging.

Everything here reads the table of collections and the reference fields
declared on the record classes, so a new collection merges with no change
here.
"""

from __future__ import annotations

import enum
from collections.abc import Collection, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from conflictbrief._base.messages import quoted, shown
from conflictbrief._base.repr import model_repr
from conflictbrief._base.sealed import sealed
from conflictbrief._fields import is_worded, references
from conflictbrief.actors import ActorKind, ExternalIds
from conflictbrief.dates._span import DateSpan
from conflictbrief.errors import Problem, ValidationError

from .registry import COLLECTIONS, CollectionName

if TYPE_CHECKING:
    from conflictbrief.brief import Brief

__all__ = [
    "MergeReport",
    "Reworded",
    "identified",
    "identity_keys",
    "merge_briefs",
    "renamed",
    "same_ids",
]

Tables = Mapping[str, Collection[Any]]
"""A brief's records by collection name, as the table of collections lists them."""

_UNITED = frozenset({"aliases", "citations"})
"""Fields whose values two sources add to, rather than agree on.

Fields of several ids (``about``, ``participants``, ``by``) are united too.
"""


@attrs.frozen(kw_only=True, weakref_slot=False, repr=False)
@sealed
class Reworded:
    """A field two briefs word differently for one record: the first's is kept.

    Attributes:
        collection: The collection of the record, such as ``"statements"``;
            None for the brief itself (its title or summary).
        id: The id of the record, as the merged brief has it; for the brief,
            its id.
        field: The field: ``"summary"``, ``"role"``, ``"title"``.
        kept: The wording the merged brief has: the brief merged into's.
        other: The wording of the brief merged in, which it does not have.
    """

    __repr__ = model_repr

    collection: CollectionName | None
    id: str
    field: str
    kept: str
    other: str

    def __str__(self) -> str:
        where = self.collection or "brief"
        return (
            f"{where} {self.id!r} {self.field}: kept {self.kept!r}, not {self.other!r}"
        )


@attrs.frozen(kw_only=True, weakref_slot=False, repr=False)
@sealed
class MergeReport:
    """A merged brief, with the other brief's wordings it does not keep.

    Attributes:
        brief: The merged brief, as `Brief.merge` returns it.
        reworded: Each field worded differently by the two briefs for one
            record: the brief's title and summary first, then the records
            in the order of the other brief.
    """

    __repr__ = model_repr

    brief: Brief
    reworded: tuple[Reworded, ...]

    def __str__(self) -> str:
        lines = [f"{self.brief.id}: {len(self.reworded)} worded differently"]
        lines += (f"  {r}" for r in self.reworded)
        return "\n".join(lines)


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
    return quoted(value)


def _united(mine: tuple[Any, ...], yours: tuple[Any, ...]) -> tuple[Any, ...]:
    """The values of both, ours first, each once."""
    return tuple(dict.fromkeys((*mine, *yours)))


class _Merger:
    """Merges one record of the other brief into ours, collecting the problems."""

    def __init__(self, brief: str) -> None:
        self.brief = brief
        self.problems: list[Problem] = []
        self.reworded: list[Reworded] = []
        self.collection: CollectionName | None = None

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
        united = _UNITED | {r.field for r in references(type(ours)) if r.several}
        for name, a in names.items():
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
            elif name in united:
                changes[name] = _united(mine, yours)
            elif is_worded(a):
                self.reworded.append(
                    Reworded(
                        collection=self.collection,
                        id=key,
                        field=name,
                        kept=mine,
                        other=yours,
                    )
                )
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


def merge_briefs(
    ours: Brief, theirs: Brief, same: Mapping[str, str] | None
) -> MergeReport:
    """Return `Brief.merge_report` of *ours* and *theirs*.

    Their references are first rewritten to the ids *same* and shared
    external ids make them; then each of their records is added, or merged
    into ours with the same id. Ours come first, in their order, then theirs.

    Raises:
        TypeError: *same* is not a mapping.
        ValidationError: *same* names an id the other brief does not hold,
            or one this brief does not hold; or records that are one differ
            in a way that cannot be merged. Every problem is listed; nothing
            is merged.
    """
    mine, yours = ours._tables(), theirs._tables()  # noqa: SLF001
    maps, problems = same_ids(mine, yours, same or {}, (ours.id, theirs.id))
    for name, hits in identified(mine, yours).items():
        for key, (target, _) in hits.items():
            maps[name].setdefault(key, target)
    problems += _two_ways(mine, yours, maps, ours.id)
    merger = _Merger(ours.id)
    merged: dict[str, Any] = {}
    for c in COLLECTIONS:
        merger.collection = c.name
        table = {record.id: record for record in mine[c.name]}
        for i, record in enumerate(yours[c.name]):
            given = renamed(record, maps)
            if record.id in maps[c.name]:
                given = attrs.evolve(given, id=maps[c.name][record.id])
            held = table.get(given.id)
            path = f"$.{c.name}[{i}]"
            table[given.id] = (
                given if held is None else merger.record(held, given, path)
            )
        merged[c.name] = list(table.values())
    problems += merger.problems
    if problems:
        raise ValidationError(problems)
    reworded = [
        Reworded(collection=None, id=ours.id, field=name, kept=kept, other=other)
        for name in ("title", "summary")
        if (kept := getattr(ours, name))
        and (other := getattr(theirs, name))
        and kept != other
    ]
    brief = attrs.evolve(
        ours,
        as_of=max(ours.as_of, theirs.as_of),
        summary=ours.summary or theirs.summary,
        **merged,
    )
    return MergeReport(brief=brief, reworded=(*reworded, *merger.reworded))
