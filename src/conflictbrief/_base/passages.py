"""Passages of a source's text: its sentences, and a fragment found as written.

A quote must be copied from its source exactly, curly quotation marks and
all; these helpers find the exact words from a fragment typed with straight
marks, split a text into sentences, and tell which sentences no citation
covers yet.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["find_passage", "sentences", "uncovered"]

# A sentence ends at '.', '!' or '?' followed by space and a capital, a digit
# or an opening quotation mark: "U.S. officials" stays one sentence.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'\u201c\u2018])")
_PLAIN = str.maketrans("\u2018\u2019\u201c\u201d\u00a0", "''\"\" ")


def _plain_with_positions(text: str) -> tuple[str, list[int]]:
    """Return *text* with plain marks and single spaces, and each character's origin."""
    out: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text.translate(_PLAIN)):
        if ch.isspace():
            if not out or out[-1] == " ":
                continue
            ch = " "  # noqa: PLW2901 (every run of whitespace reads as one space)
        out.append(ch)
        origin.append(i)
    return "".join(out), origin


def find_passage(text: str, fragment: str) -> str | None:
    """Return the words of *text* that *fragment* stands for, or None.

    Quotation marks and apostrophes compare plain (curly and straight alike)
    and runs of whitespace as one space; the passage returned is the text's
    own, marks and line breaks included.
    """
    plain, origin = _plain_with_positions(text)
    wanted, _ = _plain_with_positions(fragment.strip())
    if not wanted:
        return None
    start = plain.find(wanted)
    if start < 0:
        return None
    return text[origin[start] : origin[start + len(wanted) - 1] + 1]


def sentences(text: str) -> tuple[str, ...]:
    """Split *text* into its sentences, each with its whitespace as one space."""
    return tuple(
        " ".join(s.split()) for s in _SENTENCE_END.split(text.strip()) if s.strip()
    )


def uncovered(text: str, quotes: Iterable[str]) -> tuple[str, ...]:
    """Return the sentences of *text* that share no words with any of *quotes*.

    A sentence counts as cited when a quote lies within it or it lies within
    a quote (a quote may span sentences).
    """
    cited = [" ".join(q.split()) for q in quotes]
    return tuple(s for s in sentences(text) if not any(q in s or s in q for q in cited))
