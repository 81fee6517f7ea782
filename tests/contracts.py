"""What every model class promises, and the small valid records tests build on."""

from __future__ import annotations

import enum
import re
from collections.abc import Callable
from datetime import date
from typing import Any, ClassVar

import attrs
import pytest
from hypothesis import settings

from conflictbrief import (
    Actor,
    ActorKind,
    Brief,
    Citation,
    ConflictBriefError,
    Deployment,
    Estimate,
    Event,
    EventKind,
    Figure,
    Place,
    Problem,
    Source,
    Statement,
    StatementKind,
    ValidationError,
)


def kinds_of(kinds: type[enum.Enum]) -> str:
    """The values of *kinds*, quoted, as a message lists what it expected."""
    return ", ".join(repr(k.value) for k in kinds)


ACTOR_KINDS = kinds_of(ActorKind)
STATEMENT_KINDS = kinds_of(StatementKind)
EVENT_KINDS = kinds_of(EventKind)


SLUG = "an id: lowercase letters and digits joined by '-'"


OPTIONAL_SLUG = "an id (lowercase letters, digits, '-') or None"


def ref_slug(record: str) -> str:
    """What a reference field to *record* ("an actor") expects."""
    return f"the id of {record}: lowercase letters and digits joined by '-'"


def optional_ref_slug(record: str) -> str:
    """What an optional reference field to *record* ("an actor") expects."""
    return f"the id of {record} (lowercase letters, digits, '-') or None"


TEXT = "The  troops\nwere sent to Kursk, “officially”, last fall."


CITE = Citation(source="kcna", quote="troops were sent")


# Drawing whole briefs is slow: fewer examples, and no deadline, keep the
# suite quick and steady on a small machine.
briefly = settings(max_examples=40, deadline=None)


def cut(text: str) -> str:
    """What a message shows of a repr longer than 60 characters."""
    return f"{text[:57]}... ({len(text) - 57:,} characters cut)"


def problems_of(make: Callable[[], object]) -> tuple[Problem, ...]:
    """Return the problems of the `ValidationError` that *make* raises."""
    with pytest.raises(ValidationError) as info:
        make()
    return info.value.problems


def actor(**changes: Any) -> Actor:
    fields: dict[str, Any] = {"id": "kim", "name": "Kim", "kind": "person"}
    return Actor(**{**fields, **changes})


def place(**changes: Any) -> Place:
    fields: dict[str, Any] = {"id": "kursk", "name": "Kursk", "kind": "region"}
    return Place(**{**fields, **changes})


def source(**changes: Any) -> Source:
    fields: dict[str, Any] = {"id": "kcna", "title": "KCNA", "kind": "article"}
    return Source(**{**fields, **changes})


def statement(**changes: Any) -> Statement:
    fields: dict[str, Any] = {
        "id": "s1",
        "date": "2025-04",
        "kind": "claim",
        "summary": "Troops were sent.",
        "citations": [CITE],
    }
    return Statement(**{**fields, **changes})


def deployment(**changes: Any) -> Deployment:
    fields: dict[str, Any] = {
        "id": "d1",
        "sender": "north-korea",
        "host": "russia",
        "date": "2024-10",
        "citations": [CITE],
    }
    return Deployment(**{**fields, **changes})


def figure(**changes: Any) -> Figure:
    fields: dict[str, Any] = {
        "id": "f1",
        "kind": "troops",
        "count": Estimate(best=11_000, approximate=True),
        "date": "2024-10",
        "citations": [CITE],
    }
    return Figure(**{**fields, **changes})


def event(**changes: Any) -> Event:
    fields: dict[str, Any] = {
        "id": "e1",
        "kind": "meeting",
        "date": "2025-04-26",
        "summary": "They met.",
        "citations": [CITE],
    }
    return Event(**{**fields, **changes})


ACTORS = (
    Actor(id="north-korea", name="North Korea", kind="state"),
    Actor(id="russia", name="Russia", kind="state"),
    Actor(id="kim", name="Kim Jong Un", kind="person", part_of="north-korea"),
)


def brief(**changes: Any) -> Brief:
    """Return a small valid brief, with *changes* to its fields."""
    fields: dict[str, Any] = {
        "id": "b",
        "title": "A brief",
        "as_of": date(2025, 4, 28),
        "actors": ACTORS,
        "places": [place(country="russia")],
        "sources": [source(published="2025-04-28", text=TEXT)],
        "statements": [statement(speaker="kim")],
        "deployments": [deployment()],
        "events": [event(participants=["kim"])],
    }
    return Brief(**{**fields, **changes})


def other(**changes: Any) -> Brief:
    """A second brief, of `brief`'s actors, sources and no records, and *changes*.

    For the tests of what two briefs do together (merge, matches).
    """
    fields: dict[str, Any] = {
        "id": "other",
        "places": [],
        "statements": [],
        "deployments": [],
        "events": [],
    }
    return brief(**{**fields, **changes})


class ValueObjectContract:
    """What every model class promises: frozen, keyword-only, hashable, strict."""

    cls: ClassVar[type]
    make: ClassVar[Callable[..., Any]]
    bad: ClassVar[dict[str, Any]]
    problem: ClassVar[Problem]

    def test_assignment_raises(self) -> None:
        """Assigning to a field raises FrozenInstanceError."""
        obj = self.make()
        name = attrs.fields(self.cls)[0].name
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            setattr(obj, name, getattr(obj, name))

    def test_no_new_attributes(self) -> None:
        """The class has slots: no attribute can be added."""
        with pytest.raises((AttributeError, TypeError)):
            self.make().extra = 1

    def test_keyword_only(self) -> None:
        """Fields are given by keyword; positional arguments are refused."""
        obj = self.make()
        with pytest.raises(TypeError):
            self.cls(*attrs.astuple(obj, recurse=False))

    def test_evolve_revalidates(self) -> None:
        """`attrs.evolve` checks the new values as the constructor does."""
        assert (self.problem,) == problems_of(
            lambda: attrs.evolve(self.make(), **self.bad)
        )

    def test_hash_follows_equality(self) -> None:
        """Equal values hash equal and collapse in a set."""
        assert self.make() == self.make()
        assert hash(self.make()) == hash(self.make())
        assert 1 == len({self.make(), self.make()})

    def test_validation_error_is_value_error(self) -> None:
        """Bad values raise an error that is a ValueError and a ConflictBriefError."""
        with pytest.raises(ValueError, match=re.escape(str(self.problem))) as info:
            self.make(**self.bad)
        assert isinstance(info.value, ConflictBriefError)
