"""What the rival models of conflictbrief share, and what they leave out.

The pydantic v2 models (`rivals_pydantic`) and the msgspec Structs
(`rivals_msgspec`) mirror the attrs classes field for field, with the same
nesting: the same enums, ids checked against the same slug pattern, text that
must hold something besides whitespace, non-negative counts, an estimate's
figures in order, at least one citation, unknown keys refused, every class
frozen. Dates are read from the same EDTF strings by the same parser that
conflictbrief uses (`DateSpan.parse`, so the grammar and its strictness are
identical) into a small frozen span of two days, and, as in conflictbrief,
each distinct string is parsed once and its span shared (an LRU cache of the
same size). What neither rival does is conflictbrief's cross-record checks
(references resolve, quotes occur in their sources, dates against
publication): they do less work than `conflictbrief.loads`.

Each rival lives in a module of its own, so that a missing library skips only
the rows that need it.
"""

from __future__ import annotations

__all__ = ["SLUG", "TEXT"]

SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
TEXT = r"\S"  # a search: at least one character that is not whitespace
