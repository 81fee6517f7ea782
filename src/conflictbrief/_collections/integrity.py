"""The integrity checks of a brief: every rule that relates records to each other.

Ids are unique per collection; every reference resolves; every dated record
is cited, its quotes occur in its sources' texts and it is not dated after
every source that reports it; deployment senders and hosts and place
countries are states; ``part_of`` chains end. `Checker` collects every
problem with its JSON path; a brief runs it on construction, and a file that
does not load runs it on the records that could be read.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from conflictbrief._base.messages import (
    NameSuggester,
    Suggester,
    article,
    merged_suggestions,
    quoted,
)
from conflictbrief._base.passages import SHORT_TEXT, TextIndex
from conflictbrief._base.text import name_pairs
from conflictbrief._validators import fail
from conflictbrief.actors import ActorKind
from conflictbrief.dates import DateSpan
from conflictbrief.errors import Problem
from conflictbrief.records import Deployment, Record

from .registry import BY_NAME, COLLECTIONS

__all__ = [
    "SUGGESTED",
    "Checker",
    "document_order",
    "normalise_space",
    "plain_marks",
]

_WHITESPACE = re.compile(r"\s+")
_DATED = tuple(c.name for c in COLLECTIONS if c.dated)


_PLACE = re.compile(r"\$\.(\w+)(?:\[(\d+)\])?")


def normalise_space(text: str) -> str:
    """Return *text* with every run of whitespace as one space, ends stripped."""
    return _WHITESPACE.sub(" ", text).strip()


_PLAIN_MARKS = str.maketrans("\u2018\u2019\u201c\u201d", "''\"\"")


def plain_marks(text: str) -> str:
    """Return *text* with its space normalised and its quotation marks plain."""
    return normalise_space(text).translate(_PLAIN_MARKS)


def _marks_hint(quote: str, plain_text: TextIndex) -> str:
    """A hint for a quote that differs from a text only in its quotation marks.

    *plain_text* indexes the source's text as `plain_marks` gives it.
    """
    if plain_marks(quote) in plain_text:
        return (
            "; the words are there, with other quotation marks or apostrophes "
            "(\u2019 \u201c \u201d and ' \" differ): copy them from the source"
        )
    return ""


def document_order(keys: Iterable[str]) -> Callable[[Problem], tuple[int, int]]:
    """Return a sort key placing a problem where it stands in the document.

    Problems come in the order of *keys* (a brief's fields), those at unknown
    keys last; problems of records in their order within their collection.
    """
    rank = {key: i for i, key in enumerate(keys)}
    unknown = len(rank)

    def order(problem: Problem) -> tuple[int, int]:
        m = _PLACE.match(problem.path)
        if m is None:
            return (-1, 0)
        index = m[2] or "0"
        # Digits too many to be a position come from an unknown key.
        return (rank.get(m[1], unknown), int(index) if len(index) < 19 else 0)

    return order


_IN_DOCUMENT = document_order(c.name for c in COLLECTIONS)

SUGGESTED = 100
"""How many unknown ids of one brief get suggestions of close ids."""


class Checker:
    """Collects every integrity problem of a brief, with JSON paths.

    The checks run on every load, so the common case (nothing wrong) is kept
    to dictionary look-ups; paths and messages are built only for problems.
    """

    def __init__(
        self,
        records: Mapping[str, Sequence[Any]],
        positions: Mapping[str, Sequence[int]] | None = None,
        incomplete: Collection[str] = (),
    ) -> None:
        """Prepare to check *records*, each collection's records by name.

        A file that does not load may still have its integrity checked: the
        records that could be read come with their *positions* in the file,
        and references into an *incomplete* collection, one with records that
        could not be read, are not checked, as they may name those records.
        """
        self.records = records
        self.positions = positions or {}
        self.incomplete = incomplete
        self.problems: list[Problem] = []
        # Suggestions for unknown ids, from an index of each collection's ids
        # made once; only the first SUGGESTED unknown ids get them, so that a
        # file of unknown ids is refused in time linear in its size.
        self.suggesters: dict[str, Suggester] = {}
        self.named: dict[str, NameSuggester] = {}
        self.suggested = 0
        # Built here rather than with Records._ids(), which would keep a dict
        # per collection alive for as long as the brief (about 40 bytes a
        # record); lookups by id build theirs on first use.
        # The first record with an id wins, as in Records lookups.
        self.ids: dict[str, dict[str, Any]] = {
            name: {r.id: r for r in reversed(records[name]) if type(r) is cls}
            for name, cls in ((c.name, c.cls) for c in COLLECTIONS)
        }

    def numbered(self, name: str) -> Iterable[tuple[int, Any]]:
        """The records of *name* with their positions in the document."""
        positions = self.positions.get(name)
        records = self.records[name]
        if positions is None:
            return enumerate(records)
        return zip(positions, records, strict=True)

    def add(self, path: str, message: str) -> None:
        self.problems.append(Problem(path, message))

    def run(self) -> list[Problem]:
        if not self._shapes():
            return self.problems
        for collection in COLLECTIONS:
            self._references(collection.name)
        self._part_of_cycles()
        for collection in COLLECTIONS:
            for ref in collection.references:
                if ref.state:
                    name, field = collection.name, ref.field
                    for i, record in self.numbered(name):
                        self.state(f"$.{name}[{i}].{field}", getattr(record, field))
        for i, dep in self.numbered("deployments"):
            if dep.until is not None and dep.until.precedes(dep.date):
                self.add(
                    f"$.deployments[{i}].until",
                    f"expected a departure no earlier than the arrival ({dep.date}), "
                    f"got {dep.until}",
                )
        self._citations()
        return sorted(self.problems, key=_IN_DOCUMENT)

    def _shapes(self) -> bool:
        """Check item types and unique ids; the other checks need the types."""
        ok = True
        for collection in COLLECTIONS:
            name, cls = collection.name, collection.cls
            records = self.records[name]
            if len(self.ids[name]) == len(records) and all(
                type(item) is cls for item in records
            ):
                continue
            seen: dict[str, int] = {}
            item: Any
            for i, item in self.numbered(name):
                if type(item) is not cls:
                    self.add(
                        f"$.{name}[{i}]", str(fail("", item, article(cls.__name__)))
                    )
                    ok = False
                    continue
                first = seen.setdefault(item.id, i)
                if first != i:
                    self.add(
                        f"$.{name}[{i}].id",
                        f"expected a unique id, got {quoted(item.id)} again "
                        f"(first at $.{name}[{first}])",
                    )
        return ok

    def _references(self, name: str) -> None:
        """Check that every id a record of *name* refers to exists."""
        for ref in BY_NAME[name].references:
            field, target, several = ref.field, ref.target, ref.several
            if target in self.incomplete:
                continue
            known = self.ids[target]
            # An actor that is part of itself is reported as a part_of cycle.
            own = target == name and field != "part_of"
            for i, record in self.numbered(name):
                value = getattr(record, field)
                if several:
                    for j, key in enumerate(value):
                        if key not in known:
                            self.unknown(f"$.{name}[{i}].{field}[{j}]", key, target)
                elif value is not None and (value not in known or own):
                    path = f"$.{name}[{i}].{field}"
                    if value not in known:
                        self.unknown(path, value, target)
                    elif value == record.id:
                        self.add(
                            path,
                            "expected another record's id, got its own id "
                            + quoted(value),
                        )

    def unknown(self, path: str, key: str, target: str) -> None:
        close: tuple[str, ...] = ()
        if self.suggested < SUGGESTED:
            self.suggested += 1
            suggester = self.suggesters.get(target)
            if suggester is None:
                suggester = self.suggesters[target] = Suggester(self.ids[target])
            close = suggester.close(key)
            if target in ("actors", "places"):
                named = self.named.get(target)
                if named is None:
                    pairs = name_pairs(self.ids[target].values())
                    named = self.named[target] = NameSuggester(pairs)
                close = merged_suggestions(close, named.close(key))
        hint = f"; did you mean {' or '.join(map(quoted, close))}?" if close else ""
        expected = f"the id of {BY_NAME[target].singular} in this brief"
        self.add(path, f"expected {expected}, got {quoted(key)}{hint}")

    def state(self, path: str, key: str | None) -> None:
        """Check that *key*, if it names an actor, names a state."""
        actor = self.ids["actors"].get(key) if key is not None else None
        if actor is not None and actor.kind is not ActorKind.STATE:
            self.add(
                path,
                f"expected the id of a state, got {quoted(key)}, which is "
                f"{actor.kind.value!r}",
            )

    def _part_of_cycles(self) -> None:
        """Report the actors on a cycle of ``part_of``, not those leading to one.

        One walk over the chains: each actor is visited once, marked with the
        walk that first reached it, so that a long chain costs its length
        rather than its length squared.
        """
        actors = self.ids["actors"]
        walk_of: dict[str, int] = {}
        on_cycle: set[str] = set()
        for walk, start in enumerate(actors):
            path = []
            node: str | None = start
            while node in actors and node not in walk_of:
                walk_of[node] = walk
                path.append(node)
                node = actors[node].part_of
            if node in actors and walk_of[node] == walk:  # back on this walk
                on_cycle.update(path[path.index(node) :])
        for i, actor in self.numbered("actors"):
            if actor.id in on_cycle or actor.part_of == actor.id:
                self.add(
                    f"$.actors[{i}].part_of",
                    f"expected a chain of part_of that ends, got a cycle "
                    f"through {quoted(actor.id)}",
                )

    def _citations(self) -> None:
        """Check citations: sources exist, quotes are in them, dates fit."""
        sources = self.ids["sources"]
        unchecked = "sources" in self.incomplete
        texts = {s.id: s.text for s in self.records["sources"] if s.text is not None}
        # Each source's text is indexed once (as written, with its space
        # normalised, with plain marks), and each distinct quote of a source
        # is looked for once, however many citations give it.
        indexes: dict[tuple[str, str], TextIndex] = {}
        answers: dict[tuple[str, str], bool] = {}
        published = {
            s.id: s.published.latest
            for s in self.records["sources"]
            if s.published is not None
        }

        def index(source: str, form: str) -> TextIndex:
            found = indexes.get((source, form))
            if found is None:
                text = texts[source]
                if form == "spaced":
                    text = normalise_space(text)
                elif form == "plain":
                    text = plain_marks(text)
                found = indexes[source, form] = TextIndex(text)
            return found

        def found(quote: str, source: str) -> bool:
            if source not in texts:
                return True
            answer = answers.get((source, quote))
            if answer is None:
                answer = answers[source, quote] = quote in index(
                    source, "as written"
                ) or normalise_space(quote) in index(source, "spaced")
            return answer

        # Every citation of a large brief passes through here: the common
        # case, a quote found as it is, is tested inline.
        for name in _DATED:
            for i, record in self.numbered(name):
                latest: date | None = date.min
                for j, c in enumerate(record.citations):
                    source, quote = c.source, c.quote
                    text = texts.get(source)
                    if text is not None and len(text) <= SHORT_TEXT and quote in text:
                        # The common case, inline: a quote as written in a
                        # text short enough that a scan costs a lookup.
                        pass
                    elif source not in sources and not unchecked:
                        self.unknown(
                            f"$.{name}[{i}].citations[{j}].source", source, "sources"
                        )
                    elif not found(quote, source):
                        hint = _marks_hint(quote, index(source, "plain"))
                        self.add(
                            f"$.{name}[{i}].citations[{j}].quote",
                            f"expected words found in the text of {quoted(source)}, "
                            f"got {quoted(quote)}{hint}",
                        )
                    if latest is not None:
                        day = published.get(source)
                        if day is None:
                            latest = None
                        elif day > latest:
                            latest = day
                quote = getattr(record, "quote", None)
                if quote is not None and not any(
                    found(quote, c.source) for c in record.citations
                ):
                    cited = ", ".join(quoted(c.source) for c in record.citations)
                    self.add(
                        f"$.{name}[{i}].quote",
                        f"expected words found in the text of {cited}, "
                        f"got {quoted(quote)}",
                    )
                if latest is not None and (
                    _dated_after(record.date, latest) or type(record) is Deployment
                ):
                    self._not_after(f"$.{name}[{i}]", record, latest)

    def _not_after(self, path: str, record: Record, latest: date) -> None:
        """Check that *record* is not dated certainly after *latest*."""
        dates = [("date", record.date)]
        if type(record) is Deployment and record.until is not None:
            dates.append(("until", record.until))
        for name, when in dates:
            if _dated_after(when, latest):
                self.add(
                    f"{path}.{name}",
                    f"expected a date no later than the sources citing it "
                    f"(published by {latest.isoformat()}), got {when}",
                )


def _dated_after(span: DateSpan, day: date) -> bool:
    """Whether *span* dates a record after *day*, the last its sources know.

    A bounded start after *day* is certainly after it. An open start with an
    end after *day* claims a day no source had seen ("by 10 May", cited to an
    article of 28 April), so it counts as after too; an open end never does.
    """
    if span.earliest is None:
        return span.latest is not None and span.latest > day
    return span.earliest > day
