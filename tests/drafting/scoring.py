"""Score drafts against the hand-written gold set in ``tests/data/drafting``.

Statements match by (speaker, kind), figures by (kind, numbers, hedge),
each gold record at most once. A speaker matches when the gold name, without
a leading "the", equals the drafted actor's name or one of its aliases, in
any case. A date is right when it names the same days as the gold date or
one it also accepts (an unknown start and an open one name the same days).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

import attrs

from conflictbrief import Actor, Brief, DateSpan
from conflictbrief.drafting import Draft, draft

GOLD = Path(__file__).parent.parent / "data" / "drafting"
STATES = (
    "Arvand", "Corvala", "Drastavia", "Estrelia", "Hadran", "Kestland", "Marovia",
    "Ostmark", "Pellonia", "Sarnia", "Selvania", "Tarsk", "Tirena", "Velmark",
)  # fmt: skip
"""The invented states of the gold texts: what a user would pass as `known`."""


def world() -> Brief:
    """A brief of the invented states, to draft the gold texts with."""
    actors = [Actor(id=n.lower(), name=n, kind="state") for n in STATES]
    return Brief(id="world", title="States of the gold texts", as_of="2025-12-31",
                 actors=actors)  # fmt: skip


def gold(name: str) -> dict[str, Any]:
    """The gold record of the text *name*."""
    return json.loads((GOLD / f"{name}.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def names() -> list[str]:
    """The gold texts, by name."""
    return sorted(p.stem for p in GOLD.glob("*.json"))


@attrs.frozen
class Score:
    """Found, drafted and gold counts of one kind of record in one text."""

    matched: int
    drafted: int
    expected: int
    right: int = 0
    checked: int = 0

    @property
    def precision(self) -> float:
        return self.matched / self.drafted if self.drafted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 1.0

    def __add__(self, other: Score) -> Score:
        return Score(
            *(
                a + b
                for a, b in zip(attrs.astuple(self), attrs.astuple(other), strict=True)
            )
        )


def _norm(name: str | None) -> str:
    if name is None:
        return ""
    text = name.lower().replace("’", "'")  # noqa: RUF001
    return text.removeprefix("the ")


def _names(brief: Brief, id_: str | None) -> set[str]:
    if id_ is None:
        return {""}
    actor = brief.actors[id_]
    return {_norm(n) for n in (actor.name, *actor.aliases)}


def _same_days(span: DateSpan, texts: Iterable[str]) -> bool:
    for text in texts:
        other = DateSpan.parse(text)
        if (other.earliest, other.latest) == (span.earliest, span.latest):
            return True
    return False


def score_statements(result: Draft, expected: list[dict[str, Any]]) -> Score:
    brief = result.brief
    left = list(expected)
    matched = right = 0
    for s in brief.statements:
        for g in left:
            kinds = {g["kind"], *g.get("kind_alt", [])}
            if s.kind.value in kinds and _norm(g["speaker"]) in _names(
                brief, s.speaker
            ):
                left.remove(g)
                matched += 1
                right += _same_days(s.date, [g["date"], *g.get("date_alt", [])])
                break
    return Score(matched, len(brief.statements), len(expected), right, matched)


def _numbers(g: dict[str, Any]) -> tuple[Any, ...]:
    return (g["kind"], g["best"], g["low"], g["high"])


def score_figures(result: Draft, expected: list[dict[str, Any]]) -> Score:
    brief = result.brief
    left = list(expected)
    matched = right = 0
    for f in brief.figures:
        mine = (f.kind.value, f.count.best, f.count.low, f.count.high)
        for g in left:
            kinds = {g["kind"], *g.get("kind_alt", [])}
            if mine[0] in kinds and mine[1:] == _numbers(g)[1:]:
                left.remove(g)
                matched += 1
                by = _names(brief, f.by[0] if f.by else None)
                side = _names(brief, f.side)
                right += _norm(g["by"]) in by and _norm(g["side"]) in side
                break
    return Score(matched, len(brief.figures), len(expected), right, matched)


def drafted(name: str) -> tuple[Draft, dict[str, Any]]:
    """Draft the gold text *name* with the world's states known."""
    g = gold(name)
    return draft(g["text"], published=date.fromisoformat(g["published"]),
                 known=world(), title=g.get("title")), g  # fmt: skip
