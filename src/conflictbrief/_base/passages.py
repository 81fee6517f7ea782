"""Passages of a source's text: its sentences, and a fragment found as written.

A quote must be copied from its source exactly, curly quotation marks and
all; these helpers find the exact words from a fragment typed with straight
marks, split a text into sentences, and tell which sentences no citation
covers yet.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator

__all__ = ["SHORT_TEXT", "TextIndex", "find_passage", "sentences", "uncovered"]

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
    """Return the sentences of *text* that no quote of *quotes* touches.

    A quote stands for its first occurrence in *text*, whitespace compared
    as one space. A sentence is cited when that occurrence lies within it,
    or it lies within the occurrence (a quote may span sentences); a later
    sentence that happens to hold the same words is not. Each distinct quote
    is looked for once, through a `TextIndex`, and the sentences it touches
    are found by bisection.
    """
    flat = " ".join(text.split())
    ends = list(_SENTENCE_END.finditer(flat))
    starts = [0, *(m.end() for m in ends)]
    stops = [*(m.start() for m in ends), len(flat)]
    cited = [False] * len(starts)
    index = TextIndex(flat)
    for quote in {" ".join(q.split()) for q in quotes}:
        at = index.find(quote) if quote else -1
        if at < 0:
            continue
        end = at + len(quote)
        i = bisect.bisect_right(starts, at) - 1
        if end <= stops[i]:
            cited[i] = True  # within one sentence
            continue
        i += starts[i] < at  # the first sentence it holds whole
        while i < len(starts) and stops[i] <= end:
            cited[i] = True
            i += 1
    return tuple(
        flat[start:stop]
        for start, stop, done in zip(starts, stops, cited, strict=True)
        if not done and flat[start:stop]
    )


_WORD_START = re.compile(r"(?<!\S)\S")
"""Where a word starts: a character that is not space, after space or nothing."""

_WORD_END = re.compile(r"\S(?!\S)")
"""Where a word ends: a character that is not space, before space or nothing."""

_SPACE = re.compile(r"\s")

_KEY = 4
"""How many characters of a word's start or end file it in a `TextIndex`."""

_SCANS = 16
"""How many fragments a `TextIndex` looks for by scanning before it is built."""

SHORT_TEXT = 4096
"""The longest text a `TextIndex` always scans: a scan of it costs about what
one look through the index does, whatever the number of fragments."""


class TextIndex:
    """One text, for finding many fragments in it without a scan from the start each.

    `find` gives what ``text.find(fragment)`` gives, and ``fragment in index``
    what ``fragment in text`` says. A short text, and the first few
    fragments of a long one, are scanned, which is quickest; then the index is built
    once: every word start of the text filed under its first four
    characters, and every word end under its last four. A fragment is then
    looked for only where one of its anchors could be: an inner word start
    (after whitespace in the fragment, so after whitespace in the text too)
    or the end of its first word (before whitespace), whichever is filed
    least often, each place compared in place, first to last. A fragment
    with no anchor of four characters is scanned for.
    """

    __slots__ = ("asked", "ends", "starts", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.asked = 0
        self.starts: dict[str, list[int]] = {}
        self.ends: dict[str, list[int]] = {}

    def __contains__(self, fragment: str) -> bool:
        return self.find(fragment) >= 0

    def _build(self) -> None:
        text = self.text
        for found in _WORD_START.finditer(text):
            at = found.start()
            self.starts.setdefault(text[at : at + _KEY], []).append(at)
        for found in _WORD_END.finditer(text):
            at = found.end()
            self.ends.setdefault(text[at - _KEY : at], []).append(at)

    def _anchors(self, fragment: str) -> Iterator[tuple[int, list[int]]]:
        """(offset in *fragment*, places in the text) for each of its anchors."""
        first = _SPACE.search(fragment)
        if first is not None and first.start() >= _KEY:
            at = first.start()
            yield at, self.ends.get(fragment[at - _KEY : at], [])
        for found in _WORD_START.finditer(fragment, 1):
            at = found.start()
            if len(fragment) - at < _KEY:
                break
            yield at, self.starts.get(fragment[at : at + _KEY], [])

    def find(self, fragment: str) -> int:
        """Return where *fragment* first occurs in the text, or -1."""
        self.asked += 1
        if self.asked <= _SCANS or len(self.text) <= SHORT_TEXT:
            return self.text.find(fragment)
        if not self.starts:
            self._build()
        best = min(self._anchors(fragment), key=lambda a: len(a[1]), default=None)
        if best is None:
            return self.text.find(fragment)
        offset, places = best
        return next(
            (
                p - offset
                for p in places
                if p >= offset and self.text.startswith(fragment, p - offset)
            ),
            -1,
        )
