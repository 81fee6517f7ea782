"""The brief: a checked container of actors, places, sources and records."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any, Generic, TypeVar, overload

import attrs

from ._fields import check_optional_text, check_slug, check_text, fail
from .actors import Actor, ActorKind, Place
from .errors import Problem, UnknownIdError, ValidationError
from .records import Deployment, Event, Statement
from .sources import Source

__all__ = ["Brief", "Records"]

T = TypeVar("T", Actor, Place, Source, Statement, Deployment, Event)
D = TypeVar("D")

_WHITESPACE = re.compile(r"\s+")


class Records(Generic[T]):
    """An immutable collection of one kind of record, looked up by id.

    Iterate over it, take its `len`, or look a record up by id::

        brief.actors["kim-jong-un"]

    A `Records` belongs to the brief that holds it; that link is invisible to
    equality and hashing, which compare the records alone.
    """

    __slots__ = ("_brief", "_by_id", "_items", "_name")

    _items: tuple[T, ...]
    _name: str
    _brief: Brief | None
    _by_id: dict[str, T] | None

    def __init__(self, items: Iterable[T], name: str = "records") -> None:
        setattr_ = object.__setattr__
        setattr_(
            self, "_items", items._items if type(items) is Records else _tuple(items)
        )
        setattr_(self, "_name", name)
        setattr_(self, "_brief", None)
        setattr_(self, "_by_id", None)

    def __setattr__(self, name: str, value: object) -> None:
        raise attrs.exceptions.FrozenInstanceError

    def __delattr__(self, name: str) -> None:
        raise attrs.exceptions.FrozenInstanceError

    def _ids(self) -> dict[str, T]:
        # Built on first use and never changed after: threads that race here
        # build equal dicts, and assigning either one is atomic.
        by_id = self._by_id
        if by_id is None:
            by_id = {}
            for item in self._items:
                by_id.setdefault(item.id, item)
            object.__setattr__(self, "_by_id", by_id)
        return by_id

    def __getitem__(self, key: str) -> T:
        """Return the record with id *key*.

        Raises:
            UnknownIdError: No record has that id; the error suggests the
                closest ids that exist.
        """
        try:
            return self._ids()[key]
        except (KeyError, TypeError):
            raise UnknownIdError(key, self._name, self._ids()) from None

    @overload
    def get(self, key: str) -> T | None: ...
    @overload
    def get(self, key: str, default: D) -> T | D: ...
    def get(self, key: str, default: object = None) -> object:
        """Return the record with id *key*, or *default* if there is none."""
        return self._ids().get(key, default)

    def __contains__(self, key: object) -> bool:
        """Whether *key* is the id of a record here, or a record here."""
        if type(key) is str:
            return key in self._ids()
        found = self._ids().get(getattr(key, "id", None))  # type: ignore[arg-type]
        return found is not None and found == key

    def __iter__(self) -> Iterator[T]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __eq__(self, other: object) -> bool:
        if type(other) is not Records:
            return NotImplemented
        return self._items == other._items

    def __hash__(self) -> int:
        return hash(self._items)

    def __repr__(self) -> str:
        ids = [item.id for item in self._items[:3]]
        more = ", ..." if len(self._items) > 3 else ""
        shown = ", ".join(ids) + more
        return f"<Records {self._name}: {len(self._items)} [{shown}]>"


def _tuple(items: Iterable[Any]) -> tuple[Any, ...]:
    if type(items) is tuple:
        return items
    if isinstance(items, (str, bytes)) or not isinstance(items, Iterable):
        raise ValidationError.at(
            "", f"expected a list or other iterable of records, got {items!r}"
        )
    return tuple(items)


def _actors(value: Iterable[Actor]) -> Records[Actor]:
    return Records(value, "actors")


def _places(value: Iterable[Place]) -> Records[Place]:
    return Records(value, "places")


def _sources(value: Iterable[Source]) -> Records[Source]:
    return Records(value, "sources")


def _statements(value: Iterable[Statement]) -> Records[Statement]:
    return Records(value, "statements")


def _deployments(value: Iterable[Deployment]) -> Records[Deployment]:
    return Records(value, "deployments")


def _events(value: Iterable[Event]) -> Records[Event]:
    return Records(value, "events")


def _check_as_of(_: object, a: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not date:
        raise fail(a.name, value, "a datetime.date")


@attrs.frozen(kw_only=True)
class Brief:
    """A curated, checked set of facts from one or more sources.

    The collections take any iterables. On construction the whole brief is
    checked, and every problem is reported at once in a `ValidationError`:
    ids are unique per collection; every reference resolves (speakers,
    subjects, channels, places, senders, hosts, citations); every record is
    cited; every quote occurs in its source's text where the brief has it; no
    record is dated certainly after every source that reports it; deployment
    senders and hosts are states.

    Attributes:
        id: A slug naming the brief.
        title: A title for people.
        as_of: The day the brief describes the world as of.
        summary: A paragraph on what the brief covers.
        actors: The states, people, bodies, forces and groups involved.
        places: The places named.
        sources: The documents and images cited.
        statements: Who said what about whom, and when.
        deployments: Who sent forces where, how many, and when.
        events: Agreements, meetings, operations and decisions.
    """

    id: str = attrs.field(validator=check_slug)
    title: str = attrs.field(validator=check_text)
    as_of: date = attrs.field(validator=_check_as_of)
    summary: str | None = attrs.field(default=None, validator=check_optional_text)
    actors: Records[Actor] = attrs.field(default=(), converter=_actors)
    places: Records[Place] = attrs.field(default=(), converter=_places)
    sources: Records[Source] = attrs.field(default=(), converter=_sources)
    statements: Records[Statement] = attrs.field(default=(), converter=_statements)
    deployments: Records[Deployment] = attrs.field(default=(), converter=_deployments)
    events: Records[Event] = attrs.field(default=(), converter=_events)

    def __attrs_post_init__(self) -> None:
        for records in self._collections():
            object.__setattr__(records, "_brief", self)
        problems = _Checker(self).run()
        if problems:
            raise ValidationError(problems)

    def _collections(self) -> tuple[Records[Any], ...]:
        return (
            self.actors,
            self.places,
            self.sources,
            self.statements,
            self.deployments,
            self.events,
        )


_KINDS: dict[str, type[Any]] = {
    "actors": Actor,
    "places": Place,
    "sources": Source,
    "statements": Statement,
    "deployments": Deployment,
    "events": Event,
}
_SINGULAR = {
    "actors": "an actor",
    "places": "a place",
    "sources": "a source",
    "statements": "a statement",
    "deployments": "a deployment",
}


def normalise_space(text: str) -> str:
    """Return *text* with every run of whitespace as one space, ends stripped."""
    return _WHITESPACE.sub(" ", text).strip()


class _Checker:
    """Collects every integrity problem of a brief, with JSON paths."""

    def __init__(self, brief: Brief) -> None:
        self.brief = brief
        self.problems: list[Problem] = []
        self.texts: dict[str, str | None] = {}

    def add(self, path: str, message: str) -> None:
        self.problems.append(Problem(path, message))

    def run(self) -> list[Problem]:
        b = self.brief
        if not self._shapes():
            return self.problems
        for i, actor in enumerate(b.actors):
            self.ref(f"$.actors[{i}].part_of", actor.part_of, "actors")
        self._part_of_cycles()
        for i, place in enumerate(b.places):
            self.state(f"$.places[{i}].country", place.country)
        for i, source in enumerate(b.sources):
            self.ref(f"$.sources[{i}].publisher", source.publisher, "actors")
            if source.text is not None:
                self.texts[source.id] = normalise_space(source.text)
        for i, st in enumerate(b.statements):
            path = f"$.statements[{i}]"
            self.ref(f"{path}.speaker", st.speaker, "actors")
            self.refs(f"{path}.about", st.about, "actors")
            self.ref(f"{path}.via", st.via, "actors")
            self.ref(f"{path}.responds_to", st.responds_to, "statements", st.id)
            self.cited(path, st)
            if st.quote is not None:
                self.quoted(f"{path}.quote", st.quote, st.citations)
        for i, dep in enumerate(b.deployments):
            path = f"$.deployments[{i}]"
            self.state(f"{path}.sender", dep.sender, required=True)
            self.state(f"{path}.host", dep.host, required=True)
            self.ref(f"{path}.place", dep.place, "places")
            self.ref(f"{path}.unit", dep.unit, "actors")
            self.ref(f"{path}.reinforces", dep.reinforces, "deployments", dep.id)
            self.refs(f"{path}.estimated_by", dep.estimated_by, "actors")
            self.cited(path, dep)
            if dep.until is not None and dep.until.precedes(dep.date):
                self.add(
                    f"{path}.until",
                    f"expected a departure no earlier than the arrival ({dep.date}), "
                    f"got {dep.until}",
                )
        for i, event in enumerate(b.events):
            path = f"$.events[{i}]"
            self.refs(f"{path}.participants", event.participants, "actors")
            self.ref(f"{path}.place", event.place, "places")
            self.cited(path, event)
        return self.problems

    def _shapes(self) -> bool:
        """Check item types and unique ids; the other checks need the types."""
        ok = True
        for name, cls in _KINDS.items():
            seen: dict[str, int] = {}
            item: Any
            for i, item in enumerate(getattr(self.brief, name)):
                if type(item) is not cls:
                    self.add(f"$.{name}[{i}]", str(fail("", item, f"a {cls.__name__}")))
                    ok = False
                    continue
                first = seen.setdefault(item.id, i)
                if first != i:
                    self.add(
                        f"$.{name}[{i}].id",
                        f"expected a unique id, got {item.id!r} again "
                        f"(first at $.{name}[{first}])",
                    )
        return ok

    def ref(
        self, path: str, key: str | None, name: str, own: str | None = None
    ) -> None:
        if key is None:
            return
        records: Records[Any] = getattr(self.brief, name)
        if key == own:
            self.add(path, f"expected another record's id, got its own id {key!r}")
        elif key not in records._ids():
            close = difflib.get_close_matches(key, list(records._ids()), n=3)
            hint = f"; did you mean {' or '.join(map(repr, close))}?" if close else ""
            expected = f"the id of {_SINGULAR[name]} in this brief"
            self.add(path, f"expected {expected}, got {key!r}{hint}")

    def refs(self, path: str, keys: tuple[str, ...], name: str) -> None:
        for j, key in enumerate(keys):
            self.ref(f"{path}[{j}]", key, name)

    def state(self, path: str, key: str | None, *, required: bool = False) -> None:
        if key is None and not required:
            return
        before = len(self.problems)
        self.ref(path, key, "actors")
        actor = None
        if key is not None and len(self.problems) == before:
            actor = self.brief.actors.get(key)
        if actor is not None and actor.kind is not ActorKind.STATE:
            self.add(
                path,
                f"expected the id of a state, got {key!r}, which is "
                f"{actor.kind.value!r}",
            )

    def _part_of_cycles(self) -> None:
        actors = self.brief.actors
        for i, actor in enumerate(actors):
            seen = {actor.id}
            parent = actor.part_of
            while parent is not None and parent in actors:
                if parent in seen:
                    self.add(
                        f"$.actors[{i}].part_of",
                        f"expected a chain of part_of that ends, got a cycle "
                        f"through {parent!r}",
                    )
                    break
                seen.add(parent)
                parent = actors[parent].part_of

    def cited(self, path: str, record: Statement | Deployment | Event) -> None:
        """Check a record's citations, and its dates against their sources."""
        published = []
        for j, citation in enumerate(record.citations):
            cpath = f"{path}.citations[{j}]"
            self.ref(f"{cpath}.source", citation.source, "sources")
            self.quoted(f"{cpath}.quote", citation.quote, (citation,))
            source = self.brief.sources.get(citation.source)
            published.append(None if source is None else source.published)
        if None in published:
            return
        latest = max(p.latest for p in published)  # type: ignore[union-attr]
        dates = [("date", record.date)]
        if type(record) is Deployment and record.until is not None:
            dates.append(("until", record.until))
        for name, when in dates:
            if when.earliest > latest:
                self.add(
                    f"{path}.{name}",
                    f"expected a date no later than the sources citing it "
                    f"(published by {latest.isoformat()}), got {when}",
                )

    def quoted(self, path: str, quote: str, citations: Iterable[Any]) -> None:
        """Check that *quote* occurs in one of the cited sources' texts."""
        texts = [self.texts.get(c.source) for c in citations]
        known = [t for t in texts if t is not None]
        if not known:
            return
        wanted = normalise_space(quote)
        if any(wanted in t for t in known):
            return
        sources = ", ".join(repr(c.source) for c in citations)
        self.add(path, f"expected words found in the text of {sources}, got {quote!r}")
