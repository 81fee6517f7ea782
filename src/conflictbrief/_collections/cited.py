"""What a brief's records cite: the quotes of each source, and what none covers.

`Brief.uncited` lists the sentences of the sources' texts that no citation
covers yet, to show what is left to encode.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from conflictbrief._base.passages import uncovered
from conflictbrief.sources import Source

from .registry import COLLECTIONS

if TYPE_CHECKING:
    from conflictbrief.brief import Brief

    from .collection import Records

__all__ = ["uncited_sentences"]

_CITED = tuple(c.name for c in COLLECTIONS if c.dated)
"""The collections whose records cite sources."""


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
