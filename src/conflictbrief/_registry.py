"""The table of a brief's collections: each name, record class and what it holds.

One row per collection, in the order a brief (and its file) lists them. The
integrity checks, the query filters, the converter, the JSON Schema and
`Brief.evidence` read this table and the reference fields declared on the
record classes (`conflictbrief._fields`); none of them lists collections of
its own.
"""

from __future__ import annotations

from typing import Any

from ._fields import CollectionName, Reference, references
from ._messages import article
from .actors import Actor, Place
from .records import Deployment, Event, Figure, Statement
from .sources import Source

__all__ = ["BY_CLASS", "BY_NAME", "COLLECTIONS", "Collection"]


class Collection:
    """One of a brief's collections.

    Attributes:
        name: The brief's field holding it, such as ``"actors"``.
        cls: The class of its records.
        dated: Whether its records are dated and cited (statements,
            deployments, events, figures): what `Brief.timeline` lists.
        references: The reference fields of its records.
        singular: One record named for messages: "an actor".
    """

    __slots__ = ("cls", "dated", "name", "references", "singular")

    def __init__(self, name: CollectionName, cls: type[Any], *, dated: bool) -> None:
        self.name: CollectionName = name
        self.cls = cls
        self.dated = dated
        self.references: tuple[Reference, ...] = references(cls)
        self.singular = article(cls.__name__.lower())

    def __repr__(self) -> str:
        return f"Collection({self.name!r}, {self.cls.__name__})"


COLLECTIONS = (
    Collection("actors", Actor, dated=False),
    Collection("places", Place, dated=False),
    Collection("sources", Source, dated=False),
    Collection("statements", Statement, dated=True),
    Collection("deployments", Deployment, dated=True),
    Collection("events", Event, dated=True),
    Collection("figures", Figure, dated=True),
)
"""Every collection of a brief, in the order of the brief's fields."""

BY_NAME: dict[str, Collection] = {c.name: c for c in COLLECTIONS}
BY_CLASS: dict[type[Any], Collection] = {c.cls: c for c in COLLECTIONS}
