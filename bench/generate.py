"""A synthetic, valid brief of any size, for the benchmarks.

The brief has N statements and, in proportion, actors (about N/200, at least
20: states, the bodies, forces, outlets and people that are part of them,
unnamed groups and organisations), sources (about N/100, each with a short
text that every quote citing it is cut from), deployments between states with
troop estimates (about N/100) and events (about N/100). Speakers follow a
Zipf-like law, as in real reporting, where a few voices say most of what is
reported; dates spread over five years at mixed precision (days, month,
seasons, years and short intervals). The same seed gives the same brief.

Run as a script to write the brief as a file::

    python bench/generate.py 10000 brief-10k.json
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import random
import re
import sys
from datetime import date, timedelta

import conflictbrief
from conflictbrief import (
    Actor,
    ActorKind,
    Brief,
    Citation,
    DateSpan,
    Deployment,
    Estimate,
    Event,
    EventKind,
    ExternalIds,
    Figure,
    FigureKind,
    Place,
    PlaceKind,
    Source,
    SourceKind,
    Statement,
    StatementKind,
)

__all__ = ["generate", "halves"]

FIRST_DAY = date(2021, 1, 1)
LAST_DAY = date(2025, 12, 31)
AS_OF = LAST_DAY

# fmt: off
_SYLLABLES = (
    "ka", "ro", "va", "len", "mi", "tor", "sa", "du", "bel", "an", "ri", "os", "ne",
    "ta", "gar", "vo", "lu", "mer", "shi", "zan", "pa", "ki", "del", "ro", "nu",
    "ha", "bor", "ti", "el", "ma",
)
_WORDS = (
    "troops", "forces", "border", "ministry", "officials", "said", "reported",
    "confirmed", "denied", "the", "of", "and", "in", "to", "on", "a", "that",
    "with", "for", "from", "by", "at", "as", "near", "after", "before", "talks",
    "agreement", "deployment", "soldiers", "units", "regional", "capital", "front",
    "line", "statement", "spokesman", "minister", "defence", "foreign", "president",
    "army", "navy", "operation", "support", "military", "assistance", "aid",
    "exercises", "contingent", "brigade", "artillery", "drones", "supplies",
    "claims", "sources", "analysts", "according", "week", "month", "earlier",
    "later", "last", "this", "weekend", "meeting", "summit", "envoy", "council",
    "security", "ceasefire", "offensive", "withdrawal", "reinforcements",
    "casualties", "estimates", "satellite", "images", "intelligence", "agency",
    "news", "state", "media", "broadcast",
)
# fmt: on
_VERBS = {
    StatementKind.CONFIRM: "confirmed",
    StatementKind.CLAIM: "claimed",
    StatementKind.DISPUTE: "disputed",
    StatementKind.ASSESS: "assessed",
    StatementKind.REPORT: "reported",
    StatementKind.PRAISE: "praised",
    StatementKind.THANK: "thanked",
    StatementKind.CONDEMN: "condemned",
    StatementKind.DEMAND: "demanded",
    StatementKind.URGE: "urged",
    StatementKind.WARN: "warned",
    StatementKind.ACCUSE: "accused",
    StatementKind.DENY: "denied",
    StatementKind.ANNOUNCE: "announced",
    StatementKind.THREATEN: "threatened",
}
# Reporting is mostly claims, reports and assessments; the rest is rarer, and
# a kind not named here (a new one) is drawn as rarely as the rarest.
_KIND_WEIGHTS = {
    StatementKind.CONFIRM: 8,
    StatementKind.CLAIM: 20,
    StatementKind.DISPUTE: 6,
    StatementKind.ASSESS: 12,
    StatementKind.REPORT: 25,
    StatementKind.PRAISE: 3,
    StatementKind.THANK: 2,
    StatementKind.CONDEMN: 6,
    StatementKind.DEMAND: 4,
    StatementKind.URGE: 5,
    StatementKind.WARN: 9,
    StatementKind.ACCUSE: 6,
    StatementKind.DENY: 4,
    StatementKind.ANNOUNCE: 5,
    StatementKind.THREATEN: 3,
}
_RARE = 2
_GROUPS = (
    "military analysts",
    "western officials",
    "independent observers",
    "local residents",
    "aid workers",
    "opposition figures",
)
_DRAWS = 16  # tries at one length before a name grows a syllable
_ROLES = ("combat", "training", "logistics", "air defence", "engineering")
_FIGHTING = frozenset(
    {
        EventKind.ATTACK,
        EventKind.CLASH,
        EventKind.STRIKE,
        EventKind.OPERATION,
        EventKind.ADVANCE,
    }
)
"""Events whose losses are counted."""


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


class _Ids:
    """Unique slugs for names that may repeat."""

    def __init__(self) -> None:
        self.seen: set[str] = set()

    def __call__(self, name: str) -> str:
        base = _slug(name)
        slug = base
        for n in itertools.count(2):
            if slug not in self.seen:
                break
            slug = f"{base}-{n}"
        self.seen.add(slug)
        return slug


class _Generator:
    def __init__(self, n: int, seed: int) -> None:
        self.n = n
        self.seed = seed
        self.rng = random.Random(seed)
        self.spans: dict[str, DateSpan] = {}
        self.days = (LAST_DAY - FIRST_DAY).days + 1
        self.names: set[str] = set()

    # Names and dates ------------------------------------------------------

    def word(self, syllables: int) -> str:
        return "".join(self.rng.choices(_SYLLABLES, k=syllables)).capitalize()

    def name(self, syllables: int = 3) -> str:
        # Only 29 distinct syllables: 841 two-syllable words, 24,389 of three.
        # A large brief uses them up, so after a few draws that are all taken
        # the name grows a syllable; while names of the asked length are
        # plentiful (every size up to 200,000 statements) nothing changes.
        for length in itertools.count(syllables):
            for _ in range(_DRAWS):
                name = self.word(length)
                if name not in self.names:
                    self.names.add(name)
                    return name
        raise AssertionError  # unreachable: itertools.count never ends

    def span(self, text: str) -> DateSpan:
        found = self.spans.get(text)
        if found is None:
            found = self.spans[text] = DateSpan.parse(text)
        return found

    def day(self, first: date = FIRST_DAY, last: date = LAST_DAY) -> date:
        return first + timedelta(days=self.rng.randrange((last - first).days + 1))

    def vague(self, day: date) -> DateSpan:
        """The span a source might give for *day*, at a random precision."""
        r = self.rng.random()
        if r < 0.55:
            return self.span(day.isoformat())
        if r < 0.75:
            return self.span(f"{day.year:04d}-{day.month:02d}")
        if r < 0.85:
            year, month = day.year, day.month
            if month in (1, 2) and year > FIRST_DAY.year:
                return self.span(f"{year - 1:04d}-24")
            if month in (1, 2):
                return self.span(f"{year:04d}-{month:02d}")
            code = {3: 21, 6: 22, 9: 23, 12: 24}[month - (month % 3)]
            return self.span(f"{year:04d}-{code}")
        if r < 0.90:
            return self.span(f"{day.year:04d}")
        end = min(day + timedelta(days=self.rng.randint(1, 6)), LAST_DAY)
        if end == day:
            return self.span(day.isoformat())
        return self.span(f"{day.isoformat()}/{end.isoformat()}")

    # Collections ----------------------------------------------------------

    def actors(self) -> list[Actor]:
        total = max(20, self.n // 200)
        n_states = max(4, total // 25)
        ids = self.ids = _Ids()
        actors: list[Actor] = []
        self.states: list[str] = []
        self.media: list[str] = []
        self.forces: dict[str, list[str]] = {}
        self.state_names: dict[str, str] = {}
        for _ in range(n_states):
            name = self.name(3)
            sid = ids(name)
            actors.append(
                Actor(
                    id=sid,
                    name=name,
                    kind=ActorKind.STATE,
                    ids=ExternalIds(
                        iso3=name[:3].upper(), wikidata=f"Q{len(ids.seen)}"
                    ),
                )
            )
            self.states.append(sid)
            self.state_names[sid] = name
            self.forces[sid] = []
        bodies: list[tuple[str, str]] = []
        kinds = (
            ActorKind.GOVERNMENT_BODY,
            ActorKind.ARMED_FORCE,
            ActorKind.MEDIA,
            ActorKind.PERSON,
            ActorKind.PERSON,
            ActorKind.PERSON,
            ActorKind.GROUP,
            ActorKind.INTERNATIONAL_ORG,
        )
        rng = self.rng
        while len(actors) < total:
            kind = kinds[len(actors) % len(kinds)]
            state = rng.choice(self.states)
            where = self.state_names[state]
            part_of: str | None = state
            aliases: tuple[str, ...] = ()
            if kind is ActorKind.GOVERNMENT_BODY:
                office = rng.choice(
                    ("Ministry of Defence", "Foreign Ministry", "Council")
                )
                name = f"{office} of {where} {self.name(2)}"
            elif kind is ActorKind.ARMED_FORCE:
                name = f"{self.name(2)} Brigade of {where}"
            elif kind is ActorKind.MEDIA:
                name = f"{self.name(2)} News Agency"
                aliases = ("".join(w[0] for w in name.split()).upper(),)
            elif kind is ActorKind.PERSON:
                name = f"{self.name(2)} {self.name(3)}"
                # People belong to a body of their state where there is one.
                mine = [b for b, s in bodies if s == state]
                part_of = rng.choice(mine) if mine and rng.random() < 0.6 else state
            elif kind is ActorKind.GROUP:
                name = f"{rng.choice(_GROUPS)} in {where}"
                if name in self.names:
                    name = f"{name} {self.name(2)}"
                self.names.add(name)
                part_of = None
            else:
                name = f"{self.name(3)} Organisation"
                part_of = None
            aid = ids(name)
            actors.append(
                Actor(id=aid, name=name, kind=kind, aliases=aliases, part_of=part_of)
            )
            if kind is ActorKind.GOVERNMENT_BODY:
                bodies.append((aid, state))
            elif kind is ActorKind.ARMED_FORCE:
                self.forces[state].append(aid)
            elif kind is ActorKind.MEDIA:
                self.media.append(aid)
        self.actor_ids = [a.id for a in actors]
        return actors

    def places(self) -> list[Place]:
        places = []
        rng = self.rng
        self.place_ids: list[str] = []
        for state in self.states:
            for kind in (PlaceKind.REGION, PlaceKind.CITY, PlaceKind.CITY):
                name = self.name(3)
                pid = self.ids(name)
                places.append(
                    Place(
                        id=pid,
                        name=name,
                        kind=kind,
                        country=state,
                        lat=round(rng.uniform(-60, 70), 4),
                        lon=round(rng.uniform(-170, 170), 4),
                    )
                )
                self.place_ids.append(pid)
        return places

    def sources(self) -> list[Source]:
        rng = self.rng
        count = max(10, self.n // 100)
        published = sorted(self.day() for _ in range(count - 1))
        published.append(AS_OF)  # every date has a source published after it
        sources = []
        self.sentences: list[list[str]] = []
        self.published: list[int] = []
        for i, day in enumerate(published):
            sentences = [
                " ".join(rng.choices(_WORDS, k=rng.randint(8, 16))).capitalize() + "."
                for _ in range(rng.randint(6, 12))
            ]
            kind = rng.choices(
                (SourceKind.ARTICLE, SourceKind.STATEMENT, SourceKind.REPORT),
                (8, 1, 1),
            )[0]
            sources.append(
                Source(
                    id=f"src-{i:06d}",
                    title=f"{sentences[0][:60].rstrip()} ({day.isoformat()})",
                    kind=kind,
                    published=self.span(day.isoformat()),
                    publisher=rng.choice(self.media) if self.media else None,
                    url=f"https://news.example/{day.isoformat()}/{i}",
                    text=" ".join(sentences),
                )
            )
            self.sentences.append(sentences)
            self.published.append(day.toordinal())
        self.source_ids = [s.id for s in sources]
        return sources

    def quote(self, source: int) -> str:
        """Words cut from the text of *source*: a sentence, or part of one."""
        sentence = self.rng.choice(self.sentences[source])
        if self.rng.random() < 0.5:
            return sentence
        words = sentence.split()
        start = self.rng.randrange(len(words) - 3)
        return " ".join(words[start : start + self.rng.randint(3, len(words) - start)])

    def citations(self, when: DateSpan, extra: float = 0.2) -> list[Citation]:
        """Citations of sources that report *when*: published on or after it."""
        rng = self.rng
        start = when.earliest.toordinal()
        lo = bisect.bisect_left(self.published, start)
        hi = bisect.bisect_right(self.published, start + 60, lo=lo)
        first = rng.randrange(lo, hi) if hi > lo else lo
        chosen = [first]
        if rng.random() < extra:
            other = rng.randrange(len(self.source_ids))
            if other != first:
                chosen.append(other)
        return [
            Citation(source=self.source_ids[i], quote=self.quote(i)) for i in chosen
        ]

    def statements(self, n: int) -> list[Statement]:
        rng = self.rng
        speakers = self.actor_ids[:]
        rng.shuffle(speakers)
        # Zipf-like: the k-th most quoted speaker says about 1/k as much.
        cum = list(itertools.accumulate(1 / (k + 1) for k in range(len(speakers))))
        kinds = list(StatementKind)
        kind_cum = list(
            itertools.accumulate(_KIND_WEIGHTS.get(k, _RARE) for k in kinds)
        )
        names = dict(zip(self.actor_ids, self.actor_names, strict=True))
        claims: list[str] = []
        out = []
        for i in range(n):
            sid = f"{self.prefix}st-{i:07d}"
            speaker = (
                None
                if rng.random() < 0.05
                else rng.choices(speakers, cum_weights=cum)[0]
            )
            kind = rng.choices(kinds, cum_weights=kind_cum)[0]
            about = tuple(
                dict.fromkeys(
                    rng.choices(
                        speakers, cum_weights=cum, k=rng.choice((0, 1, 1, 2, 3))
                    )
                )
            )
            when = self.vague(self.day())
            citations = self.citations(when)
            responds_to = None
            if kind is StatementKind.DISPUTE and claims:
                responds_to = claims[rng.randrange(len(claims))]
            elif kind is StatementKind.CLAIM:
                claims.append(sid)
            who = "The source" if speaker is None else names[speaker]
            subject = names[about[0]] if about else "the situation"
            summary = (
                f"{who} {_VERBS.get(kind, 'said')} {subject}: "
                f"{' '.join(rng.choices(_WORDS, k=rng.randint(5, 10)))}."
            )
            out.append(
                Statement(
                    id=sid,
                    speaker=speaker,
                    date=when,
                    kind=kind,
                    summary=summary,
                    about=about,
                    via=rng.choice(self.media)
                    if self.media and rng.random() < 0.1
                    else None,
                    quote=citations[0].quote if rng.random() < 0.2 else None,
                    responds_to=responds_to,
                    citations=citations,
                )
            )
        return out

    def deployments(self, n: int) -> list[Deployment]:
        rng = self.rng
        out: list[Deployment] = []
        earlier: dict[tuple[str, str], list[str]] = {}
        self.troops: list[tuple[str, str, DateSpan, Estimate, list[str]]] = []
        for i in range(max(5, n // 100)):
            sender, host = rng.sample(self.states, 2)
            arrival = self.day(FIRST_DAY, LAST_DAY - timedelta(days=30))
            when = self.span(
                arrival.isoformat()
                if rng.random() < 0.6
                else f"{arrival.year:04d}-{arrival.month:02d}"
            )
            until = None
            # A stay given as December 2025 ends on the last day there is.
            if rng.random() < 0.3 and when.latest < LAST_DAY:
                leave = self.day(when.latest + timedelta(days=1), LAST_DAY)
                until = self.span(f"{leave.year:04d}-{leave.month:02d}")
                if until.precedes(when):
                    until = None
            troops = self.estimate()
            did = f"{self.prefix}dep-{i:06d}"
            if troops is not None:
                by = rng.choices(self.actor_ids, k=rng.randint(0, 2))
                self.troops.append((did, sender, when, troops, by))
            pair = (sender, host)
            reinforces = rng.choice(earlier[pair]) if pair in earlier else None
            earlier.setdefault(pair, []).append(did)
            forces = self.forces[sender]
            out.append(
                Deployment(
                    id=did,
                    sender=sender,
                    host=host,
                    date=when,
                    place=rng.choice(self.place_ids) if rng.random() < 0.5 else None,
                    until=until,
                    unit=rng.choice(forces) if forces and rng.random() < 0.5 else None,
                    role=rng.choice(_ROLES) if rng.random() < 0.5 else None,
                    reinforces=reinforces,
                    citations=self.citations(
                        max(when, until or when, key=lambda s: s.earliest)
                    ),
                )
            )
        return out

    def estimate(self) -> Estimate | None:
        rng = self.rng
        r = rng.random()
        best = rng.randrange(100, 20_000, 100)
        if r < 0.15:
            return None
        if r < 0.55:
            return Estimate(best=best, approximate=rng.random() < 0.6)
        if r < 0.85:
            return Estimate(low=best, high=best + rng.randrange(500, 5000, 500))
        return Estimate(low=best)

    def events(self, n: int) -> list[Event]:
        rng = self.rng
        out = []
        kinds = list(EventKind)
        self.fought: list[tuple[str, DateSpan, tuple[str, ...]]] = []
        for i in range(max(5, n // 100)):
            kind = rng.choice(kinds)
            start = self.day()
            if kind is EventKind.OPERATION:
                end = min(start + timedelta(days=rng.randint(3, 200)), LAST_DAY)
                when = self.span(f"{start.isoformat()}/{end.isoformat()}")
            else:
                when = self.vague(start)
            participants = tuple(
                dict.fromkeys(rng.choices(self.actor_ids, k=rng.randint(1, 4)))
            )
            eid = f"{self.prefix}ev-{i:06d}"
            if kind in _FIGHTING:
                self.fought.append((eid, when, participants))
            out.append(
                Event(
                    id=eid,
                    kind=kind,
                    date=when,
                    summary=f"A {kind.value} of {len(participants)} parties: "
                    f"{' '.join(rng.choices(_WORDS, k=6))}.",
                    participants=participants,
                    place=rng.choice(self.place_ids) if rng.random() < 0.5 else None,
                    citations=self.citations(when),
                )
            )
        return out

    def alternative(self, given: Estimate, least: int) -> Estimate:
        """Another estimator's figure for the quantity *given* estimates."""
        rng = self.rng
        low, high = given.interval
        centre = low if high is None else (low + high) // 2
        # Estimators rarely agree; most land within a third of each other.
        best = max(least, round(centre * rng.uniform(0.7, 1.4) / least) * least)
        if rng.random() < 0.25:
            return Estimate(low=best, high=best + best // rng.randint(3, 6))
        return Estimate(best=best, approximate=rng.random() < 0.7)

    def figure(
        self,
        kind: FigureKind,
        count: Estimate,
        when: DateSpan,
        by: list[str],
        **measured: str,
    ) -> Figure:
        self.figure_count += 1
        return Figure(
            id=f"{self.prefix}fig-{self.figure_count:07d}",
            kind=kind,
            count=count,
            date=when,
            by=tuple(dict.fromkeys(by)),
            citations=self.citations(when),
            **measured,
        )

    def figures(self) -> list[Figure]:
        """Troop figures of deployments, and the losses of some fighting.

        A third of the deployments with a troop figure get one or two more
        estimates by other estimators (alternatives of one quantity). Half
        the fighting events count one side's killed, then its wounded (about
        three for each killed, as in most modern wars), and sometimes those
        captured (a small share); some killed counts have a second estimate.
        """
        rng = self.rng
        self.figure_count = 0
        out: list[Figure] = []
        troops = FigureKind.TROOPS
        for did, sender, when, count, by in self.troops:
            side = {"side": sender, "deployment": did}
            out.append(self.figure(troops, count, when, by, **side))
            if rng.random() < 1 / 3:
                for _ in range(rng.randint(1, 2)):
                    other = self.alternative(count, 100)
                    out.append(
                        self.figure(
                            troops, other, when, [rng.choice(self.actor_ids)], **side
                        )
                    )
        for eid, when, participants in self.fought:
            if rng.random() < 0.5:
                continue
            side = {"side": rng.choice(participants), "event": eid}
            dead = 1 + int(rng.lognormvariate(3.5, 1.3))  # median about 33
            killed = Estimate(best=dead, approximate=rng.random() < 0.5)
            by = rng.choices(self.actor_ids, k=rng.randint(0, 1))
            out.append(self.figure(FigureKind.KILLED, killed, when, by, **side))
            if rng.random() < 0.3:
                other = self.alternative(killed, 1)
                who = [rng.choice(self.actor_ids)]
                out.append(self.figure(FigureKind.KILLED, other, when, who, **side))
            wounded = Estimate(
                best=max(1, round(dead * rng.uniform(2, 4))),
                approximate=True,
            )
            out.append(self.figure(FigureKind.WOUNDED, wounded, when, by, **side))
            if rng.random() < 0.3:
                taken = max(1, round(dead * rng.uniform(0.02, 0.2)))
                captured = Estimate(best=taken)
                out.append(self.figure(FigureKind.CAPTURED, captured, when, by, **side))
        return out

    def shared(self) -> None:
        """Draw the actors, places and sources every part of the brief shares."""
        self.prefix = ""
        self.common = {
            "actors": self.actors(),
            "places": self.places(),
            "sources": self.sources(),
        }
        self.actor_names = [a.name for a in self.common["actors"]]

    def part(self, n: int, prefix: str = "") -> Brief:
        """A brief of *n* statements, with records whose ids start with *prefix*."""
        self.prefix = prefix
        return Brief(
            # Each seed its own id: exports of two seeds' briefs side by side
            # (Parquet) must not take one for the other.
            id=f"synthetic-{prefix}{self.n}-seed-{self.seed}",
            title=f"A synthetic brief of {n:,} statements",
            as_of=AS_OF,
            summary="Generated for the benchmarks; every quote is in its source.",
            **self.common,
            statements=self.statements(n),
            deployments=self.deployments(n),
            events=self.events(n),
            figures=self.figures(),
        )


def generate(n_statements: int, seed: int = 0) -> Brief:
    """Return a valid synthetic brief of *n_statements* statements.

    Args:
        n_statements: How many statements; the other collections follow.
        seed: The random seed; the same seed gives an equal brief.
    """
    if n_statements < 1:
        raise ValueError(f"expected at least one statement, got {n_statements!r}")
    made = _Generator(n_statements, seed)
    made.shared()
    return made.part(n_statements)


def halves(n_statements: int, seed: int = 0) -> tuple[Brief, Brief]:
    """Return two briefs of about *n_statements* / 2 statements each, to merge.

    Both hold the same actors, places and sources (those of a brief of
    *n_statements*), as two teams encoding the same reports would; their
    statements, deployments, events and figures have distinct ids (``a-...``
    and ``b-...``).

    Args:
        n_statements: How many statements the two hold together; at least 2.
        seed: The random seed; the same seed gives equal briefs.
    """
    if n_statements < 2:
        raise ValueError(f"expected at least two statements, got {n_statements!r}")
    made = _Generator(n_statements, seed)
    made.shared()
    first = n_statements // 2
    return made.part(first, "a-"), made.part(n_statements - first, "b-")


def main(argv: list[str] | None = None) -> int:
    """Write a synthetic brief of N statements to a file."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="the number of statements")
    parser.add_argument("out", help="the file to write")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    conflictbrief.dump(generate(args.n, args.seed), args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
