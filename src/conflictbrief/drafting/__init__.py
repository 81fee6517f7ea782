"""Draft a brief from an article's text, offline and by rules, for review.

`draft` reads a news article and returns a `Draft`: a checked `Brief` whose
one source is the text, every record citing the sentence it came from, and
the `Note`s a person must still decide. It never states more than the text:
dates no finer than their phrase (an unknown day up to the publication day
where the text gives none), counts with their hedge, and only what a rule
found. The rules, and what they leave to a person, are in
``docs/drafting.md``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from datetime import date

import attrs

from conflictbrief._base.messages import quoted, shown
from conflictbrief._base.sealed import sealed
from conflictbrief.actors import ActorKind, Place
from conflictbrief.brief import Brief
from conflictbrief.dates import DateSpan
from conflictbrief.dates._convert import read_day
from conflictbrief.errors import ValidationError
from conflictbrief.records import Deployment, Event, Figure, FigureKind, Statement
from conflictbrief.sources import Citation, Source

from ._cast import RECENT, Cast, slug
from ._deployments import Sent, deployments_in
from ._events import Happened, events_in
from ._figures import Counted, counts_in
from ._sentences import sentences
from ._statements import Said, statements_in

__all__ = ["MAX_SENTENCE", "MAX_TEXT", "Draft", "Note", "draft"]

MAX_TEXT = 1_000_000
"""The most characters `draft` reads; a longer text is refused unread."""

MAX_SENTENCE = 1_000
"""The longest sentence `draft` reads; a longer one is left out with a note."""


@attrs.frozen(weakref_slot=False)
@sealed
class Note:
    """Something a person must still decide, and the sentence it is about.

    Attributes:
        sentence: The sentence, verbatim.
        message: What to check or decide.
    """

    sentence: str
    message: str

    def __str__(self) -> str:
        return f"{self.message}: {quoted(self.sentence)}"


@attrs.frozen(weakref_slot=False)
@sealed
class Draft:
    """A drafted brief and what a person must still decide about it.

    Attributes:
        brief: The checked brief; its one source is the text.
        notes: What to check, each with its sentence, in text order.
    """

    brief: Brief
    notes: tuple[Note, ...]


def _day(value: object) -> date:
    if type(value) is date:
        return value
    day = read_day(value)
    if day is None:
        raise ValidationError.at(
            "published",
            f"expected a day: a datetime.date or 'YYYY-MM-DD', got {shown(value)}",
        )
    return day


def _check(text: object, known: object, title: object, url: object) -> None:
    if type(text) is not str:
        raise ValidationError.at(
            "text", f"expected the article as a string, got {shown(text)}"
        )
    if len(text) > MAX_TEXT:
        raise ValidationError.at(
            "text", f"expected at most {MAX_TEXT:,} characters, got {len(text):,}"
        )
    if control := re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", text):
        raise ValidationError.at(
            "text", f"expected text without control characters, got {control[0]!r} "
            f"at character {control.start():,}"
        )  # fmt: skip
    if not text.strip():
        raise ValidationError.at("text", "expected an article, got an empty text")
    if known is not None and not isinstance(known, Brief):
        raise ValidationError.at(
            "known", f"expected a Brief or None, got {shown(known)}"
        )
    for name, value in (("title", title), ("url", url)):
        if value is not None and (type(value) is not str or not value.strip()):
            raise ValidationError.at(
                name, f"expected a non-empty string or None, got {shown(value)}"
            )


def draft(
    text: str,
    *,
    published: date | str,
    known: Brief | None = None,
    title: str | None = None,
    url: str | None = None,
) -> Draft:
    """Draft a brief from the article *text*, for a person to review.

    Args:
        text: The article, as plain text.
        published: The day it was published: what its date phrases are read
            against, and the day the brief is as of.
        known: A brief whose actors are matched first, by name, alias and
            the demonyms derived from a state's name; the draft refers to
            them by their ids, so that ``known.merge(draft.brief)`` joins.
        title: The article's title; the first sentence, cut, if None.
        url: Where it was published.

    Returns:
        The `Draft`: its brief and its notes.

    Raises:
        ValidationError: *text* is not a string, is empty, longer than
            `MAX_TEXT` characters or holds control characters; *published*
            is not a day; *known* is not a brief.
    """
    _check(text, known, title, url)
    day = _day(published)
    places = tuple(known.places) if known is not None else ()
    cast = Cast(known.actors if known is not None else (), places)
    heading = title if title is not None else _cut(sentences(text[:2000])[0].text)
    source = Source(
        id=_short(slug(heading)), title=heading, kind="article",
        published=DateSpan(earliest=day, latest=day), url=url, text=text,
    )  # fmt: skip
    notes: list[Note] = []
    first_seen: dict[str, str] = {}
    records = _Records(source.id)
    for sentence in sentences(text):

        def note(message: str, s: str = sentence.text) -> None:
            notes.append(Note(s, message))

        if len(sentence.text) > MAX_SENTENCE:
            note(f"a sentence of {len(sentence.text):,} characters, over "
                 f"{MAX_SENTENCE:,}, was not read")  # fmt: skip
            continue
        said = statements_in(sentence.text, cast, day, note)
        # Named once the statements have added the bodies they found.
        mentions = cast.mentions(sentence.text)
        sent = deployments_in(sentence.text, cast, day, mentions)
        counted = counts_in(sentence.text)
        happened = events_in(sentence.text, cast, day, places, mentions)
        records.add(sentence.text, (said, sent, counted, happened), cast, day)
        cast.read([m.id for m in mentions])
        cast.read(s.speaker for s in said)
        for id_ in cast.created[len(first_seen) :]:
            first_seen[id_] = sentence.text
    for id_, where in first_seen.items():
        if id_ in cast.used:
            actor = cast.used[id_]
            notes.append(Note(where, f"{actor.kind.value} {actor.name!r} taken "
                              "from the text; check its name and kind"))  # fmt: skip
    named_places = _places(records.events, places, cast)
    brief = Brief(
        id=source.id, title=heading, as_of=day, actors=cast.used.values(),
        sources=[source], statements=records.statements,
        deployments=records.deployments, figures=records.figures,
        events=records.events, places=named_places,
    )  # fmt: skip
    return Draft(brief, tuple(notes))


def _places(events: list[Event], places: tuple[Place, ...], cast: Cast) -> list[Place]:
    """The known places the events name, with the states they lie in."""
    named = {e.place for e in events if e.place is not None}
    found = [p for p in places if p.id in named]
    for place in found:
        if place.country is not None:
            cast.use(place.country)
    return found


def _short(id_: str) -> str:
    """*id_* cut to at most 48 characters, at a hyphen."""
    return id_ if len(id_) <= 48 else id_[:49].rsplit("-", 1)[0]


def _cut(text: str) -> str:
    return text if len(text) <= 80 else text[:77].rstrip() + "..."


_Found = tuple[list[Said], list[Sent], list[Counted], list[Happened]]


class _Records:
    """The records of a draft, with ids unique among their collection."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.statements: list[Statement] = []
        self.deployments: list[Deployment] = []
        self.figures: list[Figure] = []
        self.events: list[Event] = []
        self.places: dict[str, Place] = {}
        self._ids: Counter[str] = Counter()

    def _id(self, stem: str) -> str:
        self._ids[stem] += 1
        n = self._ids[stem]
        return stem if n == 1 else f"{stem}-{n}"

    def add(self, sentence: str, found: _Found, cast: Cast, day: date) -> None:
        """Add the records *found* in *sentence*, citing it."""
        said, sent, counted, happened = found
        cite = (Citation(source=self.source, quote=sentence),)
        for s in said:
            self.statements.append(Statement(
                id=self._id(f"{s.speaker}-{s.kind.value}"), speaker=s.speaker,
                date=s.date, kind=s.kind, summary=s.summary, about=s.about,
                quote=s.quote, citations=cite,
            ))  # fmt: skip
        for e in happened:
            self.events.append(Event(
                id=self._id(f"{e.kind.value}-{e.participants[0]}"), kind=e.kind,
                date=e.date, summary=e.summary, participants=e.participants,
                place=e.place, citations=cite,
            ))  # fmt: skip
        deployment = None
        for d in sent:
            deployment = self._id(f"{d.sender}-to-{d.host}")
            self.deployments.append(Deployment(
                id=deployment, sender=d.sender, host=d.host, date=d.date,
                citations=cite,
            ))  # fmt: skip
        for c in counted:
            speaker = _by(said, c.at)
            side = _side(sentence, c, cast, speaker.speaker if speaker else None, sent)
            when = (
                speaker.date
                if speaker
                else DateSpan(earliest=None, latest=day, unknown=True)
            )
            self.figures.append(Figure(
                id=self._id(f"{c.kind.value}-{side or 'figure'}"), kind=c.kind,
                count=c.count, date=when, side=side,
                deployment=deployment if c.kind is FigureKind.TROOPS else None,
                by=(speaker.speaker,) if speaker else (), citations=cite,
            ))  # fmt: skip


def _by(said: Iterable[Said], at: int) -> Said | None:
    """The statement whose verb comes last before *at*, else the first."""
    ordered = sorted(said, key=lambda s: s.at)
    before = [s for s in ordered if s.at <= at]
    if before:
        return before[-1]
    return ordered[0] if ordered else None


def _irregular(cast: Cast, id_: str) -> bool:
    """Whether *id_* is an armed force of no state: a rebel group."""
    actor = cast.pool[id_]
    return actor.kind is ActorKind.ARMED_FORCE and cast.state_of(id_) is None


def _side(
    sentence: str, counted: Counted, cast: Cast, speaker: str | None, sent: list[Sent]
) -> str | None:
    """The state or force whose people *counted* counts, where the text says.

    A demonym or state in the noun phrase ("11,000 Corvalan soldiers");
    else for "its" or "of their", the state the sentence names first; else
    troops belong to the force or state named last before them (past any
    "which ..." clause, or "it": the last state named), and casualties to
    the state the sentence names first, or the speaker's.
    """
    end = counted.at + len(counted.words)
    noun = re.match(r"[^,.;]{0,40}?\b(?:soldiers|troops|forces|fighters|personnel|"
                    r"civilians|people|strong|unit)\b", sentence[end:])  # fmt: skip
    if noun is not None:
        for m in cast.mentions(noun[0]):
            if (state := cast.state_of(m.id)) is not None:
                return cast.use(state)
            if _irregular(cast, m.id):
                return cast.use(m.id)
    head = sentence[: counted.at]
    if counted.kind is not FigureKind.TROOPS and re.match(
        r"\s*(?:militants|rebels|insurgents|fighters)\b", sentence[end:]
    ):
        # Irregular fighters belong to the armed group named last, if any.
        groups = [m for m in cast.mentions(sentence) if _irregular(cast, m.id)]
        recent = [i for i in cast.history[-RECENT:] if _irregular(cast, i)]
        found = groups[-1].id if groups else (recent[-1] if recent else None)
        if found is not None:
            return cast.use(found)
    states = [s for m in cast.mentions(head) if (s := cast.state_of(m.id)) is not None]
    owned = re.match(r"\s+of (?:its|their)\b", sentence[end:]) or re.search(
        r"\b(?:its|their)\s+(?:own\s+)?$", head
    )
    if (owned or re.search(r"\bcountry's\b", head)) and states:
        return cast.use(states[0])
    if re.match(r"[^.;]*\b(?:on|from) (?:both|each|either) sides?\b", sentence[end:]):
        return None
    if counted.kind is FigureKind.TROOPS:
        plain = re.sub(r",\s*which [^,]*,", "", head)
        forces = (ActorKind.STATE, ActorKind.ARMED_FORCE)
        named = [m.id for m in cast.mentions(plain) if cast.pool[m.id].kind in forces]
        if named:
            return cast.use(named[-1])
        if sent:
            return sent[0].sender
        if re.search(r"\b[Ii]t\b", plain):
            return cast.last((ActorKind.STATE,), [])
        return None
    if states:
        return cast.use(states[0])
    if speaker is not None and (state := cast.state_of(speaker)) is not None:
        return state
    return cast.last((ActorKind.STATE,), [])
