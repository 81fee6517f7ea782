"""Counts of people in a sentence: the number, its hedge, its noun, its kind.

A number (digits or words) is a figure only when it counts soldiers or
people: troops for soldiers, troops, forces and fighters unless a casualty
verb goes with them; killed, wounded, captured or missing for people so
counted; casualties for casualties. Counts of anything else (drones, rounds
of talks, days, percentages, money, years) are never figures.
"""

from __future__ import annotations

import re

import attrs

from conflictbrief.estimates import MAX_COUNT, Estimate
from conflictbrief.records import FigureKind

__all__ = ["Counted", "counts_in"]

_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000}
_WORD = "|".join(sorted([*_UNITS, *_SCALES], key=len, reverse=True))
NUMBER = (
    rf"(?:[0-9]{{1,3}}(?:[,\u00a0\u202f][0-9]{{3}})+|[0-9]+(?:\.[0-9]+)?)"
    rf"(?: (?:million|thousand))?"
    rf"|(?:{_WORD})(?:[ -](?:{_WORD}))*"
)
_HEDGES = {
    "about": "best", "roughly": "best", "some": "best", "nearly": "best",
    "around": "best", "approximately": "best", "almost": "best",
    "an estimated": "best", "estimated": "best", "at least": "low",
    "more than": "low", "over": "low", "up to": "high", "no more than": "high",
    "as many as": "high", "fewer than": "high", "less than": "high",
}  # fmt: skip
_HEDGE = "|".join(sorted(map(re.escape, _HEDGES), key=len, reverse=True))
_FIND = re.compile(
    rf"\b(?:between ({NUMBER}) and ({NUMBER})|({NUMBER}) ?(?:-|–|to) ?({NUMBER})"  # noqa: RUF001
    rf"|(?:({_HEDGE}) )?({NUMBER}))(?![\w,])",
    re.IGNORECASE,
)
_TROOPS = (
    "soldiers|troops|forces|fighters|personnel|servicemen|marines|sailors|"
    "reservists|conscripts|militants|combatants|advisers|peacekeepers"
)
_PEOPLE = (
    "people|civilians|children|women|men|residents|villagers|prisoners|"
    "hostages|migrants|refugees|journalists|workers|patients"
)
_CASUALTY = {
    "killed": FigureKind.KILLED, "dead": FigureKind.KILLED, "died": FigureKind.KILLED,
    "lost": FigureKind.KILLED, "deaths": FigureKind.KILLED,
    "wounded": FigureKind.WOUNDED, "injured": FigureKind.WOUNDED,
    "captured": FigureKind.CAPTURED, "taken prisoner": FigureKind.CAPTURED,
    "missing": FigureKind.MISSING, "unaccounted for": FigureKind.MISSING,
    "casualties": FigureKind.CASUALTIES,
}  # fmt: skip
_CASUALTY["killed or wounded"] = FigureKind.CASUALTIES
_CASUALTY["killed and wounded"] = FigureKind.CASUALTIES
_CASUALTY["dead or wounded"] = FigureKind.CASUALTIES
_CASUALTY_WORD = "|".join(sorted(_CASUALTY, key=len, reverse=True))
_NOUN = re.compile(
    rf"^(?:[- ](?:strong)\b|(?: of (?:its|their|the|his|her))?((?: [A-Z][\w'’-]+| "  # noqa: RUF001
    rf"[a-z]+(?=[ -])){{0,3}}?) ?({_TROOPS}|{_PEOPLE}|{_CASUALTY_WORD})\b)"
)
_AFTER = re.compile(
    rf"^[^.;,]{{0,40}}?\b(?:were|was|had been|have been|has been|been|are|is|had)?"
    rf" ?(?:reported |feared |believed )?({_CASUALTY_WORD})\b"
)
_BEFORE = re.compile(
    r"\b(killed|kill|killing|wounded|injured|captured|lost)\s+(?:only |just )?$"
)


_PUT = re.compile(
    rf"\bput the (?:number|toll|figure) of \w+ (\w+(?: for)?) at ({NUMBER})"
)


@attrs.frozen
class Counted:
    """A figure found in a sentence, before it becomes a record."""

    kind: FigureKind
    count: Estimate
    at: int
    words: str
    hedge: str | None


def number(text: str) -> int | None:
    """The whole number *text* writes, in digits or words; None if none."""
    text = re.sub(r"[,\u00a0\u202f]", "", text.lower())
    scale = 1
    for word, factor in (("million", 1_000_000), ("thousand", 1_000)):
        if text.endswith(f" {word}") and text[0].isdigit():
            text, scale = text[: -len(word) - 1], factor
    if re.fullmatch(r"[0-9]+(?:\.[0-9]+)?", text):
        value = float(text) * scale
        return int(value) if value == int(value) and value <= MAX_COUNT else None
    total = current = 0
    for word in re.split(r"[ -]", text):
        if word in _UNITS:
            current += _UNITS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word in _SCALES:
            total += max(current, 1) * _SCALES[word]
            current = 0
    return total + current or None


def _kind(sentence: str, start: int, end: int) -> FigureKind | None:
    """The kind of count at *start*-*end*, from its noun and verbs."""
    tail = sentence[end : end + 200]
    noun = _NOUN.match(tail)
    if noun is None:
        return None
    word = noun[2]
    if word is None:  # "150-strong", "18,000 strong"
        return FigureKind.TROOPS
    if word in _CASUALTY:
        return _CASUALTY[word]
    if (lost := _BEFORE.search(sentence[max(0, start - 40) : start])) is not None:
        return _CASUALTY.get(lost[1], FigureKind.KILLED)
    if (after := _AFTER.match(tail[noun.end() :])) is not None:
        return _CASUALTY[after[1]]
    if re.fullmatch(_TROOPS, word):
        return FigureKind.TROOPS
    return None


def counts_in(sentence: str) -> list[Counted]:
    """The counts of people in *sentence*, with their hedges."""
    found: list[Counted] = []
    if m := _PUT.search(sentence):
        kind = _CASUALTY.get(m[1])
        value = number(m[2])
        if kind is not None and value is not None:
            found.append(Counted(kind, Estimate(best=value), m.start(2), m[0], None))
    for m in _FIND.finditer(sentence):
        if found and any(c.at == m.start(6) for c in found):
            continue
        hedge: str | None
        if m[1] is not None or m[3] is not None:
            low, high = number(m[1] or m[3]), number(m[2] or m[4])
            if low is None or high is None or high < low:
                continue
            count, hedge = Estimate(low=low, high=high), "between"
        else:
            value = number(m[6])
            if value is None or m[6].startswith("0"):
                continue  # "000" of "2 000" read apart, or a code
            hedge = m[5].lower() if m[5] else None
            if re.fullmatch(r"(?:1[89]|20)[0-9]{2}", m[6]) and hedge is None:
                continue  # a year
            where = _HEDGES.get(hedge or "", "best")
            count = Estimate(
                **{where: value}, approximate=where == "best" and hedge is not None
            )
        kind = _kind(sentence, m.start(), m.end())
        if kind is not None:
            found.append(Counted(kind, count, m.start(), m[0], hedge))
    return found
