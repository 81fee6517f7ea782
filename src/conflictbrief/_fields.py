"""What a model field declares about itself: its target, its filter, its pattern.

A field says once, in its metadata, what the rest of the package needs to
know about it:

- `refers_to` (or `id_of`, for one optional id): the field holds ids of
  records in another collection::

      speaker: Id | None = id_of("actors")

- `filtered`: `Records.where` filters the collection by the field's value
  (a reference field is filtered by its ids without saying so);
- `matching`: a text field's values match a pattern;
- `worded`: a text field is in the encoder's own words (a summary, a role),
  so two briefs may word one record differently without disagreeing.

The integrity checks, the query filters, the JSON Schema, the validators,
merging and the exports all read these declarations through `references`,
`is_filtered`, `is_worded` and `pattern_of`; nothing else lists which field refers to
which collection, which fields filter or what a field's text looks like.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

from ._validators import PATTERN, check_optional_slug, to_optional_id

if TYPE_CHECKING:
    from ._collections.registry import CollectionName

__all__ = [
    "Reference",
    "filtered",
    "id_of",
    "is_filtered",
    "is_reference",
    "is_worded",
    "matching",
    "references",
    "refers_to",
    "worded",
]

_TARGET = "refers_to"
_SEVERAL = "several"
_STATE = "state"
_FILTERED = "filtered"
_WORDED = "worded"


class Reference:
    """A field that holds ids of records in the collection *target*.

    *several* is True for a tuple of ids, False for one id (or None); *state*
    is True when the id must name a state actor.
    """

    __slots__ = ("field", "several", "state", "target")

    def __init__(
        self,
        field: str,
        target: CollectionName,
        *,
        several: bool = False,
        state: bool = False,
    ) -> None:
        self.field = field
        self.target: CollectionName = target
        self.several = several
        self.state = state

    def __repr__(self) -> str:
        more = ", state=True" if self.state else ""
        return (
            f"Reference({self.field!r}, {self.target!r}, several={self.several}{more})"
        )


def refers_to(
    target: CollectionName, *, several: bool = False, state: bool = False
) -> dict[str, Any]:
    """Return the field metadata declaring that a field holds ids of *target*.

    Args:
        target: The collection the ids belong to.
        several: Whether the field holds a tuple of ids rather than one.
        state: Whether the id must name a state (an actor of kind
            ``state``): the brief checks it.
    """
    found: dict[str, Any] = {_TARGET: target, _SEVERAL: several}
    if state:
        found[_STATE] = True
    return found


def filtered() -> dict[str, Any]:
    """Return the field metadata declaring that `Records.where` filters by it.

    The filter is named after the field and takes a value or an iterable of
    values, each checked as the field checks it: a kind's name or member, a
    string, a flag.
    """
    return {_FILTERED: True}


def matching(pattern: str) -> dict[str, Any]:
    """Return the field metadata declaring that a text field matches *pattern*.

    The pattern is a regular expression the whole text must match; the
    field's validator checks it and the JSON Schema states it, anchored.
    """
    return {PATTERN: pattern}


def references(cls: type) -> tuple[Reference, ...]:
    """Return the reference fields of the model class *cls*, in field order."""
    return tuple(
        Reference(
            a.name,
            a.metadata[_TARGET],
            several=a.metadata[_SEVERAL],
            state=a.metadata.get(_STATE, False),
        )
        for a in attrs.fields(cls)
        if _TARGET in a.metadata
    )


def is_reference(a: attrs.Attribute[Any]) -> bool:
    """Whether the field *a* declares the collection its ids belong to."""
    return _TARGET in a.metadata


def worded() -> dict[str, Any]:
    """Return the field metadata declaring that a text field is in one's own words.

    A summary or a role says a record in the words of whoever encoded it,
    not the source's (those are its citations' quotes). `Brief.merge` keeps
    this brief's wording of one record and `Brief.merge_report` reports the
    other's, rather than calling two wordings a conflict.
    """
    return {_WORDED: True}


def is_worded(a: attrs.Attribute[Any]) -> bool:
    """Whether the field *a* declares that it is in the encoder's own words."""
    return bool(a.metadata.get(_WORDED))


def is_filtered(a: attrs.Attribute[Any]) -> bool:
    """Whether the field *a* declares that `Records.where` filters by its value."""
    return bool(a.metadata.get(_FILTERED))


def id_of(target: CollectionName, *, state: bool = False) -> Any:
    """Return a field holding the id of one record of *target*, None by default.

    The field reads an id as every id field does (a shared string, refused
    if not an id) and declares its target with `refers_to`, which *state*
    is passed to.
    """
    return attrs.field(
        default=None,
        converter=to_optional_id,
        validator=check_optional_slug,
        metadata=refers_to(target, state=state),
    )
