"""Events: "X attacked/struck/captured/withdrew from Y", found in one sentence.

Only an event whose doer the text names right before the verb is drafted:
an actor of the cast (a state, a force, a group), then the verb, with
"has" or "had" between at most. Its participants are that actor and the
first actor named after the verb; its place a known place the sentence
names; its date the phrase of the sentence, else an unknown day up to
publication. A verb in quotation marks, or after "not" ("has not
attacked"), is no event.
"""

from __future__ import annotations

import re
from datetime import date

import attrs

from conflictbrief.actors import ActorKind, Place
from conflictbrief.dates import DateSpan
from conflictbrief.records import EventKind

from ._cast import Cast, Mention
from ._phrases import date_of, quotes, undated

__all__ = ["Happened", "events_in"]

_VERBS = {
    "attacked": EventKind.ATTACK, "struck": EventKind.STRIKE,
    "shelled": EventKind.STRIKE, "bombed": EventKind.STRIKE,
    "clashed": EventKind.CLASH, "captured": EventKind.CAPTURE,
    "seized": EventKind.CAPTURE, "overran": EventKind.CAPTURE,
    "retook": EventKind.CAPTURE, "advanced": EventKind.ADVANCE,
    "withdrew": EventKind.WITHDRAWAL, "met": EventKind.MEETING,
}  # fmt: skip
_VERB = re.compile(
    r"(?:\s+\([^)]{1,40}\))?\s+(?:(?:has|have|had)\s+)?(?:also\s+)?("
    + "|".join(_VERBS)
    + r")\b"
)
_DOERS = (ActorKind.STATE, ActorKind.ARMED_FORCE, ActorKind.GROUP, ActorKind.PERSON,
          ActorKind.GOVERNMENT_BODY)  # fmt: skip


@attrs.frozen
class Happened:
    """An event found in a sentence, before it becomes a record."""

    kind: EventKind
    participants: tuple[str, ...]
    place: str | None
    date: DateSpan
    summary: str


def events_in(
    sentence: str,
    cast: Cast,
    published: date,
    places: tuple[Place, ...],
    mentions: list[Mention],
) -> list[Happened]:
    """The events *sentence* reports, each with its doer named before the verb.

    *mentions* are the actors the sentence names.
    """
    found: list[Happened] = []
    marks = quotes(sentence)
    for doer in mentions:
        verb = _VERB.match(sentence, doer.end)
        if verb is None or cast.pool[doer.id].kind not in _DOERS:
            continue
        if any(s < verb.start(1) < e for s, e, _ in marks):
            continue
        # The object, right after the verb; "X and Y met": both doers.
        objects = [
            m.id
            for m in mentions
            if verb.end() <= m.start <= verb.end() + 25
            and not re.search(r"\b(?:in|at|on)\s+$", sentence[verb.end() : m.start])
        ]
        also = [
            m.id
            for m in mentions
            if m.end <= doer.start
            and re.fullmatch(r"\s+and\s+", sentence[m.end : doer.start])
        ]
        ids = dict.fromkeys([*also, doer.id, *objects[:1]])
        participants = tuple(cast.use(i) for i in ids)
        place = next((p.id for p in places if p.name in sentence), None)
        end = re.search(r"[,;]|$", sentence[verb.end() :])
        clause = sentence[verb.end() : verb.end() + (end.start() if end else 0)]
        summary = f"{cast.pool[doer.id].name} {verb[1]}{clause}".strip(" ,.") + "."
        found.append(Happened(_VERBS[verb[1]], participants, place,
                              date_of(sentence, published) or undated(published),
                              summary))  # fmt: skip
    return found
