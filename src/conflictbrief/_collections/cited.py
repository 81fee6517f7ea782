"""What a brief's records cite: the quotes of each source, and what none covers.

`Brief.evidence` gives the sources and quotes behind a record; `Brief.uncited`
lists the sentences of the sources' texts that no citation covers yet, to show
what is left to encode.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from conflictbrief._base.messages import shown
from conflictbrief._base.passages import uncovered
from conflictbrief.errors import UnknownIdError
from conflictbrief.sources import Source

from .registry import BY_CLASS, COLLECTIONS

if TYPE_CHECKING:
    from conflictbrief.brief import Brief

    from .collection import Records

__all__ = ["evidence_of", "uncited_sentences"]

_CITED = tuple(c.name for c in COLLECTIONS if c.dated)
"""The collections whose records cite sources."""

_RECORDS = "a " + ", ".join(c.cls.__name__ for c in COLLECTIONS if c.dated)
"""The dated record classes, named for messages: "a Statement, Deployment, ..."."""


def evidence_of(brief: Brief, record: object) -> tuple[tuple[Source, str], ...]:
    """Return `Brief.evidence` of *brief*: the source and quote of each citation."""
    collection = BY_CLASS.get(type(record))
    if collection is None or not collection.dated:
        raise TypeError(f"evidence() takes {_RECORDS}, got {shown(record)}")
    records: Records[Any] = getattr(brief, collection.name)
    found: Any = record
    if records.get(found.id) != record:
        raise UnknownIdError(found.id, collection.name, [r.id for r in records])
    return tuple((brief.sources[c.source], c.quote) for c in found.citations)


def uncited_sentences(
    brief: Brief, source: str | Source | None
) -> tuple[tuple[str, str], ...]:
    """Return `Brief.uncited` of *brief*: (source id, sentence) pairs."""
    if source is None:
        chosen = [s for s in brief.sources if s.text is not None]
    else:
        chosen = [brief.sources[source.id if isinstance(source, Source) else source]]
    quotes: dict[str, list[str]] = {}
    for name in _CITED:
        records: Records[Any] = getattr(brief, name)
        for record in records:
            for c in record.citations:
                quotes.setdefault(c.source, []).append(c.quote)
    return tuple(
        (s.id, sentence)
        for s in chosen
        if s.text is not None
        for sentence in uncovered(s.text, quotes.get(s.id, ()))
    )
