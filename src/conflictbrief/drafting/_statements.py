"""Statements: who said what, of which kind, and when, in one sentence.

Each reporting verb outside quotation marks gives a statement when the text
names who spoke: before the verb ("X said", "X, the ROLE, said"), after it
("“…,” said X"), shared with the verb before it ("condemned … and
demanded"), or after "according to". Its date is the phrase next to the
verb, resolved against the publication day; with none, an unknown day up to
that day.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

import attrs

from conflictbrief.actors import ActorKind
from conflictbrief.dates import DateSpan
from conflictbrief.records import StatementKind

from ._cast import Cast, Mention
from ._phrases import (
    GROUP_NOUN,
    NEUTRAL,
    ORG_NOUN,
    TITLES,
    VERB,
    VERBS,
    date_of,
    quotes,
    undated,
)

__all__ = ["Said", "statements_in"]

Note = Callable[[str], None]
_PEOPLE = (ActorKind.PERSON,)
_BODIES = (ActorKind.STATE, ActorKind.GOVERNMENT_BODY, ActorKind.ARMED_FORCE,
           ActorKind.INTERNATIONAL_ORG, ActorKind.GROUP)  # fmt: skip
_GROUP = re.compile(
    rf"(?:\b(?:[A-Z][a-z]+|local|senior|western|unnamed|government|some|two|"
    rf"three|several|other|aid|independent|military|security) )*"
    rf"\b(?i:{GROUP_NOUN}|agencies)\b"
    r"(?: (?:in|from) (?:[A-Z][a-z]+|both countries|both sides))?"
)
_REFERS: dict[str, tuple[ActorKind, ...]] = {
    "he": _PEOPLE, "she": _PEOPLE, "the ministry": (ActorKind.GOVERNMENT_BODY,),
    "the office": (ActorKind.GOVERNMENT_BODY, ActorKind.INTERNATIONAL_ORG),
    "the government": (ActorKind.GOVERNMENT_BODY, ActorKind.STATE),
    "the army": (ActorKind.ARMED_FORCE,),
    "the group": (ActorKind.GROUP, ActorKind.ARMED_FORCE),
    "the rebel group": (ActorKind.ARMED_FORCE, ActorKind.GROUP),
    "the rebels": (ActorKind.ARMED_FORCE, ActorKind.GROUP),
}  # fmt: skip
"""What each reference may refer to; "it" and "they" to any body."""
_NOT_SPEECH = re.compile(r"(?:\b(?:was|were|been|be|an|is being)\s+|\bwhat \w+ )$")


@attrs.frozen
class Said:
    """A statement found in a sentence, before it becomes a record."""

    speaker: str
    kind: StatementKind
    verb: str
    at: int
    date: DateSpan
    quote: str | None
    summary: str
    about: tuple[str, ...]


def _org(cast: Cast, text: str, before: list[Mention]) -> tuple[int, str] | None:
    """The last state body *text* names: "Corvala's foreign ministry".

    Its state is the one named just before it; for "its", "the country's"
    or "the", the state the text names first. "the ministry" alone is the
    last body of that sort, if there is one.
    """
    found = None
    pattern = rf"\b(?:the |The |its |Its |their |the country's )?({ORG_NOUN})\b"
    for m in re.finditer(pattern, text):
        noun, head = m[1].lower(), text[: m.start(1)]
        earlier = [x for x in before if x.end <= m.start()]
        named = [x for x in earlier if x.end >= m.start(1) - 4]
        owner = cast.state_of(named[-1].id) if named else None
        if (
            owner is None
            and m[0][:4] in ("the ", "The ")
            and not head.endswith("country's ")
        ):
            body = cast.last(
                (ActorKind.GOVERNMENT_BODY, ActorKind.ARMED_FORCE), earlier
            )
            if body is not None and noun.split()[-1] in cast.pool[body].name.lower():
                found = (m.end(), body)
                continue
        if owner is None and (m[0] != m[1] or head.endswith(("its ", "Its "))):
            states = [s for x in earlier if (s := cast.state_of(x.id)) is not None]
            owner = states[0] if states else cast.last((ActorKind.STATE,), [])
        if owner is not None:
            start = named[-1].start if named else m.start()
            end = m.end()
            if city := re.match(r" in [A-Z][a-z]+", text[end:]):
                end += city.end()
            found = (end, cast.organisation(owner, noun, text[start:end]))
    return found


def _speaker(cast: Cast, text: str, before: list[Mention]) -> str | None:
    """Who the stretch *text*, ending at a reporting verb, names as speaker."""
    people = [m for m in before if cast.pool[m.id].kind is ActorKind.PERSON]
    if m := re.search(r"([^,]+),\s*([^,]+),\s*$", text):
        # "A, B,": B when B is just a name ("the minister, Nikos Varr,"),
        # else the person A names ("Kim Yo Jong, the sister of ...,").
        named = [p for p in people if m.start(2) <= p.start < m.end(2)]
        lead = text[m.start(2) : named[0].start].split() if named else ["-"]
        if (
            named
            and not text[named[0].end : m.end(2)].strip()
            and all(w in TITLES or w in ("the", "The") for w in lead)
        ):
            return named[0].id
        for part in (1, 2):
            inside = [p for p in people if m.start(part) <= p.start < m.end(part)]
            if inside:
                return inside[-1].id
    candidates: list[tuple[int, str]] = [(m.end, m.id) for m in before]
    if (org := _org(cast, text, before)) is not None:
        candidates.append(org)
    candidates += [(m.end(), cast.group(m[0])) for m in _GROUP.finditer(text)]
    pronoun = re.search(r"\b(he|she|it|they|the group|the rebel group|the rebels|"
                        r"the office|the ministry|the army|the government)\s*$",
                        text, re.IGNORECASE)  # fmt: skip
    if pronoun:
        word = pronoun[1].lower()
        kinds = _REFERS.get(word, _BODIES)
        stateless = word in ("the group", "the rebel group", "the rebels")
        if (found := cast.last(kinds, before, stateless=stateless)) is not None:
            candidates.append((len(text) + 1, found))
    if not candidates:
        return None
    return max(candidates)[1]


def statements_in(
    sentence: str, cast: Cast, published: date, note: Callable[[str], None]
) -> list[Said]:
    """The statements *sentence* reports."""
    marks = quotes(sentence)
    mentions = cast.mentions(sentence)
    found: list[Said] = []
    hits = [m for m in VERB.finditer(sentence)
            if not any(s < m.start() < e for s, e, _ in marks)]  # fmt: skip
    for i, verb in enumerate(hits):
        head = sentence[: verb.start()]
        if _NOT_SPEECH.search(head):
            continue
        before = [m for m in mentions if m.end <= verb.start()]
        speaker = None
        inverted_at = False
        if re.search(r"\b(?:and|but)\s*$", head):
            # A verb shares the subject of the verb before it, if that had one.
            if found and found[-1].at == (hits[i - 1].start() if i else -1):
                speaker = found[-1].speaker
            else:
                note(f"no speaker found for {verb[0]!r}; add the statement by hand")
                continue
        elif re.search(r"[”\"],?\s*$|,[”\"]\s*$", head):
            tail = sentence[verb.end() :]
            stop = re.search(r"[,.;]", tail)
            after = tail[: stop.start() if stop else len(tail)]
            inverted = [
                m
                for m in mentions
                if verb.end() <= m.start < verb.end() + len(after) + 1
            ]
            speaker = inverted[0].id if inverted else _speaker(cast, head, before)
            inverted_at = bool(inverted)
        if speaker is None:
            start = max(head.rfind("”"), head.rfind(";"), head.rfind('"'))
            segment = head[start + 1 :] if start >= 0 else head
            shift = len(head) - len(segment)
            local = [
                Mention(m.start - shift, m.end - shift, m.id)
                for m in before
                if m.start >= shift
            ]
            speaker = _speaker(cast, segment, local)
            if speaker is None and local == [] and before:
                speaker = None
        if speaker is None:
            note(f"no speaker found for {verb[0]!r}; add the statement by hand")
            continue
        cast.use(speaker)
        end = hits[i + 1].start() if i + 1 < len(hits) else len(sentence)
        clause = sentence[verb.end() : end]
        when = date_of(head[-40:] + " " + clause[:45], published) or undated(published)
        kind = VERBS[verb[0]]
        if verb[0] in NEUTRAL:
            note(f"{kind.value!r} chosen for the neutral verb {verb[0]!r}; check it")
        near = [
            q
            for q in marks
            if verb.end() <= q[0] < end or (q[1] <= verb.start() and not found)
        ]
        quote = near[0][2] if near else None
        content = re.sub(r"\s+", " ", clause).strip(" ,.;")
        content = re.sub(r"\s+(?:and|but)$", "", content)
        if inverted_at and quote:
            content = f"“{quote}”"
        if i + 1 < len(hits) and "," in content and len(content.rsplit(",", 1)[1]) < 60:
            # "X denied ..., the agency reported": the next verb's attribution.
            content = content.rsplit(",", 1)[0]
        if len(content) < 3 and not quote and "," in head:
            # "..., the agency reported.": what is reported comes first.
            content = "that " + re.sub(r"\s+", " ", head.rsplit(",", 1)[0]).strip(
                " ,.;"
            )
        if not content or content.startswith(("”", '"')) or len(content) < 3:
            content = f"“{quote}”" if quote else "(see the sentence)"
        summary = f"{cast.pool[speaker].name} {verb[0]} {content}"
        if len(summary) > 240:
            summary = summary[:237].rstrip() + "…"
        about = tuple(dict.fromkeys(
            m.id for m in mentions
            if m.start >= verb.end() and m.id != speaker
            and cast.pool[m.id].kind is ActorKind.STATE
        ))  # fmt: skip
        for a in about:
            cast.use(a)
        found.append(
            Said(
                speaker, kind, verb[0], verb.start(), when, quote, summary + ".", about
            )
        )
    found += _according(sentence, cast, published, mentions, note)
    return found


def _according(
    sentence: str, cast: Cast, published: date, mentions: list[Mention], note: Note
) -> list[Said]:
    m = re.search(r"\baccording to ([^,.;]+)", sentence)
    if m is None:
        return []
    inside = [x for x in mentions if m.start(1) <= x.start < m.end(1)]
    speaker = inside[0].id if inside else None
    if speaker is None and (g := _GROUP.search(m[1])):
        speaker = cast.group(g[0])
    if speaker is None:
        note(f"no speaker found in 'according to {m[1]}'; add it by hand if it is one")
        return []
    cast.use(speaker)
    party = cast.state_of(speaker) is not None
    kind = StatementKind.CLAIM if party else StatementKind.REPORT
    when = date_of(m[1], published) or undated(published)
    text = sentence[: m.start()].strip(" ,")
    summary = f"According to {cast.pool[speaker].name}, {text[:1].lower()}{text[1:]}"
    if len(summary) > 240:
        summary = summary[:237].rstrip() + "…"
    return [
        Said(
            speaker,
            kind,
            "according to",
            m.start(),
            when,
            None,
            summary.rstrip(".") + ".",
            (),
        )
    ]
