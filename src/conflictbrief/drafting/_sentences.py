"""Sentences of an article, each with where it lies in the text.

A sentence ends at ``.``, ``!`` or ``?`` (after any closing quotes) before
white space and a capital letter, a digit or an opening quote, and at every
paragraph break; never after a title or a short abbreviation ("Gen.",
"U.S.", "Aug.").
"""

from __future__ import annotations

import re

import attrs

__all__ = ["Sentence", "sentences"]

_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "maj",
        "adm",
        "st",
        "no",
        "vs",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "gov",
        "sen",
        "rep",
        "prof",
        "rev",
        "corp",
        "inc",
        "ltd",
        "co",
    ]
)
# An end mark, closing quotes, then white space and what can start a sentence.
_END = re.compile(r"[.!?][\"”’')\]]*(?=\s+[\"“‘(\[]?[A-Z0-9])|\n\s*\n")  # noqa: RUF001


@attrs.frozen
class Sentence:
    """One sentence: its text, verbatim, and where it starts in the article."""

    text: str
    start: int


def _abbreviation(text: str, end: int) -> bool:
    """Whether the period at *end* closes an abbreviation or an initial."""
    word = re.search(r"([A-Za-z.]+)\.$", text[max(0, end - 12) : end + 1])
    if word is None:
        return False
    token = word[1].lower()
    return token in _ABBREVIATIONS or len(token.replace(".", "")) == 1 or "." in token


def sentences(text: str) -> list[Sentence]:
    """Split *text* into sentences, in one pass over it."""
    found: list[Sentence] = []
    start = 0
    for mark in _END.finditer(text):
        if text[mark.start()] == "." and _abbreviation(text, mark.start()):
            continue
        _add(found, text, start, mark.end())
        start = mark.end()
    _add(found, text, start, len(text))
    return found


def _add(found: list[Sentence], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if stripped:
        found.append(Sentence(stripped, start + piece.index(stripped)))
