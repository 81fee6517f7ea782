"""Who is who in an article: actors found by name, by role and by reference.

`Cast` holds the actors a draft may name: first those of a known brief (by
name, alias and the demonyms derived from a state's name), then the states of
the built-in table, then those the text introduces: people after a title or
in an appositive, organisations after a state's name, demonym or
possessive, named organisations, and unnamed groups. `Cast.speaker` finds who
a stretch of text before a reporting verb names, resolving "he", "it", "the
ministry" to the last actor that fits.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from attrs import evolve

from conflictbrief.actors import Actor, ActorKind, ExternalIds, Place

from ._phrases import ARMED, NOT_NAMES, ORG_WORDS, TITLES
from ._states import ORGANISATIONS, STATES

__all__ = ["RECENT", "Cast", "Mention", "slug"]

_TRAILING = re.compile(r"(?:'s|\u2019s|\.)$")
_WORD = re.compile(r"[\w][\w.'’-]*")  # noqa: RUF001
_BODY = re.compile(
    r"(?:[Tt]he )?(?:UN|U\.N\.|United Nations|EU|European Union|NATO|African Union)"
    r"(?: [a-z]+){0,3} (?:office|agency|mission|commission|council|envoy|body)\b"
)
_NAME = re.compile(r"[A-Z][\w'’.-]*(?: (?:of |for |the )*[A-Z][\w'’.-]*)*")  # noqa: RUF001


RECENT = 60
"""How many mentions back "he", "it" or "the ministry" may refer."""


def slug(text: str) -> str:
    """An id from *text*: ASCII letters and digits joined by hyphens."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore")
    found = re.sub(r"[^a-z0-9]+", "-", ascii_text.decode().lower()).strip("-")
    return found or "actor"


def demonyms_of(name: str) -> tuple[str, ...]:
    """The demonyms a state's name most likely has: Pellonia, Pellonian."""
    if name.endswith("a"):
        return (f"{name}n",)
    if name.endswith("e"):
        return (f"{name[:-1]}ian",)
    return (f"{name}ian", f"{name}i")


class Mention:
    """An actor named at a place in a sentence."""

    __slots__ = ("end", "id", "start")

    def __init__(self, start: int, end: int, id_: str) -> None:
        self.start, self.end, self.id = start, end, id_


class Cast:
    """The actors of one draft, and how the text names them."""

    def __init__(self, known: Iterable[Actor], places: Iterable[Place] = ()) -> None:
        self.pool: dict[str, Actor] = {}
        self.used: dict[str, Actor] = {}
        self.created: list[str] = []
        self.forms: dict[str, str] = {}
        self.history: list[str] = []
        self.places = {n for p in places for n in (p.name, *p.aliases)}
        self._longest, self._indexed = 1, 0
        for actor in known:
            self._pool(actor)
        for name, alpha3, aliases, demonyms in STATES:
            if name in self.forms or any(a in self.forms for a in aliases):
                continue
            state = Actor(
                id=slug(name), name=name, kind="state", aliases=aliases,
                ids=ExternalIds(cameo=alpha3),
            )  # fmt: skip
            if state.id not in self.pool:
                self._pool(state, demonyms)
        for name, kind, aliases, owner_name in ORGANISATIONS:
            owner = None if owner_name is None else self.forms.get(owner_name)
            if name not in self.forms and slug(name) not in self.pool:
                body = Actor(id=slug(name), name=name, kind=kind, aliases=aliases,
                             part_of=owner)  # fmt: skip
                self._pool(body)
        self._compile()

    # Building -----------------------------------------------------------

    def _pool(self, actor: Actor, demonyms: Iterable[str] = ()) -> None:
        self.pool[actor.id] = actor
        names = [actor.name, *actor.aliases]
        if actor.kind is ActorKind.STATE:
            names += [*demonyms, *(d for n in names for d in demonyms_of(n))]
        if actor.kind is ActorKind.PERSON and " " in actor.name:
            names.append(actor.name.split()[-1])
        for form in names:
            self.forms.setdefault(form, actor.id)
            if form.startswith("the "):
                self.forms.setdefault(f"The {form[4:]}", actor.id)

    def _compile(self) -> None:
        """Note the most words a form has, for `_known` (at most eight)."""
        for form in list(self.forms)[self._indexed :]:
            self._longest = min(max(self._longest, len(_WORD.findall(form))), 8)
        self._indexed = len(self.forms)

    def add(self, actor: Actor) -> str:
        """Add an actor the text introduces; return its id."""
        if actor.id in self.pool:
            return actor.id
        self._pool(actor)
        self.created.append(actor.id)
        self._compile()
        return actor.id

    def use(self, id_: str) -> str:
        """Put *id_* (and what it is part of) in the draft; return it."""
        actor = self.pool[id_]
        if id_ not in self.used:
            self.used[id_] = actor
            if actor.part_of is not None and actor.part_of in self.pool:
                self.use(actor.part_of)
        return id_

    def read(self, ids: Iterable[str]) -> None:
        """Note that the text has named *ids*, in order, for later "it"."""
        self.history.extend(ids)

    # Reading ------------------------------------------------------------

    def mentions(self, text: str) -> list[Mention]:
        """The actors *text* names: bodies, known forms, then new names.

        A body such as "the UN human rights office" wins over the known
        form inside it ("UN").
        """
        found = []
        for m in _BODY.finditer(text):
            name = m[0][4:] if m[0].lower().startswith("the ") else m[0]
            body = Actor(id=slug(name), name=name, kind="international_org")
            found.append(Mention(m.start(), m.end(), self.add(body)))
        bodies = list(found)
        found += [
            k
            for k in self._known(text)
            if not any(b.start < k.end and k.start < b.end for b in bodies)
        ]
        taken = [(m.start, m.end) for m in found]
        for m in _NAME.finditer(text):
            start = max([e + 1 for s, e in taken if s < m.end() and m.start() < e],
                        default=m.start())  # fmt: skip
            if start >= m.end() or any(s < m.end() and start < e for s, e in taken):
                continue
            if (new := self._named(text[start : m.end()])) is not None:
                found.append(Mention(start, m.end(), new))
                if short := re.match(r" \(([A-Z]{2,6})\)", text[m.end() :]):
                    self._alias(new, short[1])
        return sorted(found, key=lambda m: m.start)

    def _known(self, text: str) -> list[Mention]:
        """The known forms in *text*, longest first, each word read once."""
        words = list(_WORD.finditer(text))
        found, i = [], 0
        while i < len(words):
            for n in range(min(self._longest, len(words) - i), 0, -1):
                start, end = words[i].start(), words[i + n - 1].end()
                piece = text[start:end]
                bare = _TRAILING.sub("", piece)
                id_ = self.forms.get(piece) or self.forms.get(bare)
                if id_ is not None:
                    if piece not in self.forms:
                        end -= len(piece) - len(bare)
                    found.append(Mention(start, end, id_))
                    i += n
                    break
            else:
                i += 1
        return found

    def _named(self, words: str) -> str | None:
        """An actor for a capitalised name the cast does not know yet."""
        parts = words.split()
        while parts and (parts[0] in TITLES or parts[0] in NOT_NAMES
                         or parts[0] in ("of", "for", "the")):  # fmt: skip
            parts.pop(0)
        if len(parts) < 2 or parts[-1] in NOT_NAMES:
            return None
        name = " ".join(parts)
        if name in self.places:
            return None
        if any(p in ORG_WORDS for p in parts):
            if m := re.fullmatch(r"Republic of (.+)", name):
                return self.forms.get(m[1])
            kind = "armed_force" if re.search(r"Army|Front|Brigade|Force", name) else (
                "international_org" if re.search(r"Nations|Council|Union|Alliance",
                                                 name) else "group")  # fmt: skip
            return self.add(Actor(id=slug(name), name=name, kind=kind))
        if any(p in TITLES or not p[0].isupper() for p in parts) or len(parts) > 3:
            return None
        return self.add(Actor(id=slug(name), name=name, kind="person"))

    def _alias(self, id_: str, alias: str) -> None:
        actor = self.pool[id_]
        if alias not in actor.aliases and alias not in self.forms:
            self.pool[id_] = evolve(actor, aliases=(*actor.aliases, alias))
            self.forms[alias] = id_
            self._compile()

    def state_of(self, id_: str) -> str | None:
        """The state *id_* is or belongs to, if any."""
        seen = set()
        while id_ not in seen:
            seen.add(id_)
            actor = self.pool[id_]
            if actor.kind is ActorKind.STATE:
                return id_
            if actor.part_of is None or actor.part_of not in self.pool:
                return None
            id_ = actor.part_of
        return None

    def last(
        self,
        kinds: tuple[ActorKind, ...],
        before: list[Mention],
        *,
        stateless: bool = False,
    ) -> str | None:
        """The last actor of *kinds* named before, in the sentence or earlier.

        With *stateless*, only one that is no state's ("the group").
        """

        def fits(id_: str) -> bool:
            return self.pool[id_].kind in kinds and not (
                stateless and self.state_of(id_)
            )

        for m in reversed(before):
            if fits(m.id):
                return m.id
        # Only the recent past: a pronoun refers to what was named lately.
        for id_ in reversed(self.history[-RECENT:]):
            if fits(id_):
                return id_
        return None

    def organisation(self, state: str, noun: str, surface: str) -> str:
        """The body *noun* of *state*: "Corvala's foreign ministry"."""
        owner = self.pool[state].name
        kind = "armed_force" if noun in ARMED else "government_body"
        name = re.sub(r"^(?:the|The) ", "", surface)
        aliases = tuple(dict.fromkeys(
            a for a in (f"{owner}'s {noun}", f"{owner} {noun}",
                        *(f"{d} {noun}" for d in demonyms_of(owner)))
            if a != name
        ))  # fmt: skip
        actor = Actor(id=slug(f"{owner} {noun}"), name=name, kind=kind,
                      aliases=aliases, part_of=state)  # fmt: skip
        return self.add(actor)

    def group(self, words: str) -> str:
        """An unnamed group as the text words it: "officials in Lusk"."""
        name = words[0].lower() + words[1:] if not words[:2].isupper() else words
        return self.add(Actor(id=slug(name), name=name, kind="group"))
