"""The query planner behind `Records.where`: filters read, planned and run.

Which filters a collection takes is derived from its record class and the
table of collections: one filter per reference field and per field declared
`filtered` (`conflictbrief._fields`), each named after its field; ``during``
for dated records; ``active_on`` for records with an extent (a ``until``
field). Each filter is answered from an index of the collection, built on
first use and kept in the collection's `Root` (see `plans`).
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping

import attrs

from conflictbrief._base.messages import close_matches
from conflictbrief._fields import is_filtered
from conflictbrief.dates._convert import span_at
from conflictbrief.dates._span import day_numbers
from conflictbrief.errors import ValidationError

from .plans import BY_COUNT, DatePlan, Filter, FilterKind, ValuePlan
from .registry import COLLECTIONS, CollectionInfo
from .root import Root

__all__ = ["FILTERS", "find", "one_and_dates"]


def _filters_of(collection: CollectionInfo) -> dict[str, Filter]:
    """The filters of *collection*, derived from its record class's fields."""
    out: dict[str, Filter] = {}
    for a in attrs.fields(collection.cls):
        ref = next((r for r in collection.references if r.field == a.name), None)
        if ref is not None:
            kind: FilterKind = "refs" if ref.several else "ref"
            out[a.name] = Filter(a.name, kind, ref.target, a)
        elif is_filtered(a):
            is_kind = isinstance(a.type, type) and issubclass(a.type, enum.Enum)
            out[a.name] = Filter(a.name, "enum" if is_kind else "value", "", a)
    if collection.dated:
        out["during"] = Filter("date", "date")
    if "until" in attrs.fields_dict(collection.cls):
        out["active_on"] = Filter("date", "active")
    return out


FILTERS: dict[str, dict[str, Filter]] = {c.name: _filters_of(c) for c in COLLECTIONS}
"""The filters `Records.where` takes, by collection name."""


def find(  # noqa: PLR0913 (a view's positions come as a list and a set made on demand)
    root: Root,
    filters: Mapping[str, object],
    own: list[int] | None = None,
    own_set: Callable[[], frozenset[int]] | None = None,
    *,
    strict: bool = False,
    members: bool = False,
) -> list[int] | None:
    """The positions in *root* matching every filter; None if there are none.

    *own* are the positions of the view asked (None for the whole
    collection), *own_set* makes the same as a set, on demand.

    Raises:
        TypeError: A filter name the collection does not have, or
            ``strict=True`` without a date filter.
        UnknownIdError: An id that is not in the brief.
        ValidationError: A kind or date that cannot be read.
    """
    collection = root.collection
    specs = None if collection is None else FILTERS[collection.name]
    if specs is None:
        raise TypeError(
            "where() filters the collections of a brief; this one holds records"
        )
    name = collection.name  # type: ignore[union-attr]
    values: list[ValuePlan] = []
    dates: list[DatePlan] = []
    try:
        for key, value in filters.items():
            spec = specs.get(key)
            if spec is None:
                raise _unknown_filter(name, key)
            if spec.dated:
                dates.append(spec.dates(root, key, value, strict=strict))
            else:
                values.append(spec.values(root, key, value, members=members))
    except (TypeError, LookupError, ValueError):
        # A misused where() is named before any value it was given.
        _check_use(name, filters, strict=strict)
        raise
    if strict and not dates:
        _check_use(name, filters, strict=strict)  # raises: no dates
    if not filters:
        return None
    # The candidates come from the view's own records, if fewer than any
    # filter would give; else from the most selective value filter, answered
    # together with a date filter where there is one; else from the first
    # date filter. Every other filter narrows them.
    rest: list[ValuePlan | DatePlan] = [*values, *dates]
    if own is not None and _fewest(own, values, dates):
        found = list(own)
    else:
        if values:
            best = min(values, key=BY_COUNT) if len(values) > 1 else values[0]
            if dates:
                found = best.dated(dates[0])
                rest.remove(dates[0])
            else:
                found = best.positions()
            rest.remove(best)
        else:
            when = min(dates, key=DatePlan.estimate) if len(dates) > 1 else dates[0]
            found = when.positions()
            rest.remove(when)
        if own is not None:
            mine = own_set()  # type: ignore[misc]
            found = [p for p in found if p in mine]
    for plan in rest:
        found = plan.narrow(found)
    return found


def one_and_dates(root: Root, filters: Mapping[str, object]) -> list[int] | None:
    """Answer one value and a date window, both strings, if that was asked before.

    ``where(speaker="kim-jong-un", during="2025")``, the commonest query
    after one id alone, asks the date index of the id's own records, which
    the planner built the first time it was asked of the id (so the id is
    known to be in the brief) and which this finds by filter and value.
    None if the query is another, or not yet asked of this value: the
    planner then reads it, and names what is wrong.
    """
    (key, value), (other, when) = filters.items()
    if other != "during":
        key, value, when = other, when, value
    if type(value) is not str:
        return None
    index = root.indexes.get(("during", key, value))
    if index is None:
        return None
    try:
        low, high = _WINDOWS[when]  # type: ignore[index]
    except (KeyError, TypeError):  # not asked before, or not a string
        if type(when) is not str:
            return None
        try:
            low, high = _window(when)
        except ValidationError:
            return None
    return index.overlapping(low, high)  # type: ignore[no-any-return]


_WINDOWS: dict[str, tuple[int, int]] = {}
"""The day numbers of the latest date strings `one_and_dates` was given."""


def _window(text: str) -> tuple[int, int]:
    """The first and last day numbers of the EDTF date *text*, kept."""
    found = day_numbers(span_at("during", text))
    if len(_WINDOWS) >= 256:  # a few hundred windows are kept
        _WINDOWS.clear()
    _WINDOWS[text] = found
    return found


def _fewest(own: list[int], values: list[ValuePlan], dates: list[DatePlan]) -> bool:
    """Whether a view's *own* positions are fewer than any filter would give.

    A date filter counts only if its index is already sorted: sorting a
    whole collection to narrow a small view would cost more than it saves.
    """
    n = len(own)
    return all(p.count > n for p in values) and all(
        not p.index.ready() or p.estimate() > n for p in dates
    )


def _check_use(collection: str, filters: Mapping[str, object], *, strict: bool) -> None:
    """Raise TypeError for a filter *collection* lacks, or *strict* without dates."""
    specs = FILTERS[collection]
    for name in filters:
        if name not in specs:
            raise _unknown_filter(collection, name)
    if strict and not any(specs[name].dated for name in filters):
        raise TypeError(
            "strict=True applies to a date filter (during, active_on), "
            "and none was given"
        )


def _unknown_filter(collection: str, name: str) -> TypeError:
    valid = sorted(FILTERS[collection])
    close = close_matches(name, valid, n=1)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    return TypeError(
        f"{collection} have no filter {name!r}; the filters are "
        f"{', '.join(valid)}{hint}"
    )
