"""Reference fields: which collection an id field points to, declared on the field.

A model field that holds the id of another record says so once, in its
metadata, with `refers_to`::

    speaker: Id | None = attrs.field(..., metadata=refers_to("actors"))

The integrity checks, the query filters, the JSON Schema and merging all read
that declaration through `references`; nothing else lists which field refers
to which collection.
"""

from __future__ import annotations

from typing import Any, Literal

import attrs

from ._validators import check_optional_slug, to_optional_id

CollectionName = Literal[
    "actors", "places", "sources", "statements", "deployments", "events", "figures"
]
"""The name of one of a brief's collections of records."""

_TARGET = "refers_to"
_SEVERAL = "several"


class Reference:
    """A field that holds ids of records in the collection *target*.

    *several* is True for a tuple of ids, False for one id (or None).
    """

    __slots__ = ("field", "several", "target")

    def __init__(self, field: str, target: CollectionName, *, several: bool) -> None:
        self.field = field
        self.target: CollectionName = target
        self.several = several

    def __repr__(self) -> str:
        return f"Reference({self.field!r}, {self.target!r}, several={self.several})"


def refers_to(target: CollectionName, *, several: bool = False) -> dict[str, Any]:
    """Return the field metadata declaring that a field holds ids of *target*.

    Args:
        target: The collection the ids belong to.
        several: Whether the field holds a tuple of ids rather than one.
    """
    return {_TARGET: target, _SEVERAL: several}


def references(cls: type) -> tuple[Reference, ...]:
    """Return the reference fields of the model class *cls*, in field order."""
    return tuple(
        Reference(a.name, a.metadata[_TARGET], several=a.metadata[_SEVERAL])
        for a in attrs.fields(cls)
        if _TARGET in a.metadata
    )


def is_reference(a: attrs.Attribute[Any]) -> bool:
    """Whether the field *a* declares the collection its ids belong to."""
    return _TARGET in a.metadata


def id_of(target: CollectionName) -> Any:
    """Return a field holding the id of one record of *target*, None by default.

    The field reads an id as every id field does (a shared string, refused
    if not an id) and declares its target with `refers_to`.
    """
    return attrs.field(
        default=None,
        converter=to_optional_id,
        validator=check_optional_slug,
        metadata=refers_to(target),
    )
