from __future__ import annotations

import copy
import pickle
import re
from collections.abc import Callable, Iterator
from datetime import date, datetime
from typing import Any, ClassVar

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conflictbrief import (
    Actor,
    ActorKind,
    Brief,
    Citation,
    ConflictBriefError,
    DateSpan,
    Deployment,
    Estimate,
    Event,
    EventKind,
    ExternalIds,
    Place,
    PlaceKind,
    Problem,
    Records,
    Source,
    SourceKind,
    Statement,
    StatementKind,
    UnknownIdError,
    ValidationError,
    _validators,
)
from strategies import briefs, estimates, external_ids

ACTOR_KINDS = (
    "'state', 'person', 'government_body', 'armed_force', 'media', "
    "'international_org', 'group'"
)
SLUG = "an id: lowercase letters and digits joined by '-'"
OPTIONAL_SLUG = "an id (lowercase letters, digits, '-') or None"

TEXT = "The  troops\nwere sent to Kursk, “officially”, last fall."
CITE = Citation(source="kcna", quote="troops were sent")

# Drawing whole briefs is slow: fewer examples, and no deadline, keep the
# suite quick and steady on a small machine.
briefly = settings(max_examples=40, deadline=None)


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


class TestActor(ValueObjectContract):
    cls = Actor
    make = staticmethod(actor)
    bad: ClassVar[dict[str, Any]] = {"id": "Kim Jong Un"}
    problem = Problem("id", f"expected {SLUG}, got 'Kim Jong Un' (str)")

    def test_kind_from_string(self) -> None:
        """A kind's string value is converted to the enum member."""
        assert ActorKind.STATE is actor(kind="state").kind

    def test_kind_from_member(self) -> None:
        """A kind given as the enum member is kept."""
        assert ActorKind.GROUP is actor(kind=ActorKind.GROUP).kind

    def test_aliases_from_any_iterable(self) -> None:
        """Aliases may come from a generator and are stored as a tuple."""
        assert ("Kim", "KJU") == actor(aliases=(a for a in ["Kim", "KJU"])).aliases

    def test_defaults(self) -> None:
        """Optional fields default to empty or None."""
        a = actor()
        assert ((), None, ExternalIds()) == (a.aliases, a.part_of, a.ids)

    @pytest.mark.parametrize(
        ("changes", "path", "message"),
        [
            ({"id": "kim_jong"}, "id", f"expected {SLUG}, got 'kim_jong' (str)"),
            ({"id": "-kim"}, "id", f"expected {SLUG}, got '-kim' (str)"),
            ({"id": 7}, "id", f"expected {SLUG}, got 7 (int)"),
            ({"name": 3}, "name", "expected a non-empty string, got 3 (int)"),
            ({"name": ""}, "name", "expected a non-empty string, got '' (str)"),
            ({"name": " \n"}, "name", "expected a non-empty string, got ' \\n' (str)"),
            (
                {"kind": "State"},
                "kind",
                f"expected one of {ACTOR_KINDS}, got 'State' (str)",
            ),
            (
                {"kind": PlaceKind.COUNTRY},
                "kind",
                f"expected one of {ACTOR_KINDS}, got <PlaceKind.COUNTRY: 'country'>",
            ),
            ({"kind": 1}, "kind", f"expected one of {ACTOR_KINDS}, got 1 (int)"),
            (
                {"aliases": "Kim"},
                "aliases",
                "expected a list of names, got 'Kim' (str)",
            ),
            (
                {"aliases": {"Kim": 1}},
                "aliases",
                "expected a list of names, got {'Kim': 1}",
            ),
            ({"aliases": 5}, "aliases", "expected a list of names, got 5 (int)"),
            (
                {"aliases": ["Kim", 3]},
                "aliases[1]",
                "expected a name, got 3 (int)",
            ),
            (
                {"part_of": "North Korea"},
                "part_of",
                f"expected {OPTIONAL_SLUG}, got 'North Korea' (str)",
            ),
            ({"ids": {}}, "ids", "expected an ExternalIds, got {}"),
        ],
    )
    def test_refuses(self, changes: dict[str, Any], path: str, message: str) -> None:
        """A bad value is refused with the field's name, the value and the need."""
        assert (Problem(path, message),) == problems_of(lambda: actor(**changes))


class TestExternalIds(ValueObjectContract):
    cls = ExternalIds
    make = staticmethod(lambda **kw: ExternalIds(**{"iso3": "PRK", **kw}))
    bad: ClassVar[dict[str, Any]] = {"iso3": 408}
    problem = Problem("iso3", "expected a non-empty string or None, got 408 (int)")

    def test_all_optional(self) -> None:
        """Every identifier defaults to None."""
        assert (None, None, None) == attrs.astuple(ExternalIds())

    @pytest.mark.parametrize("field", ["iso3", "wikidata", "cameo"])
    def test_refuses_empty(self, field: str) -> None:
        """An empty identifier is refused: omit it instead."""
        message = "expected a non-empty string or None, got '' (str)"
        assert (Problem(field, message),) == problems_of(
            lambda: ExternalIds(**{field: ""})
        )

    @given(external_ids)
    def test_equal_copies_hash_equal(self, ids: ExternalIds) -> None:
        """Any identifiers equal and hash as their copy does."""
        copy = attrs.evolve(ids)
        assert (ids, hash(ids)) == (copy, hash(copy))


class TestPlace(ValueObjectContract):
    cls = Place
    make = staticmethod(place)
    bad: ClassVar[dict[str, Any]] = {"lat": 90.5}
    problem = Problem("lat", "expected a number from -90 to 90, got 90.5 (float)")

    def test_kind_from_string(self) -> None:
        """A kind's string value is converted to the enum member."""
        assert PlaceKind.CITY is place(kind="city").kind

    def test_coordinates(self) -> None:
        """Latitude and longitude take ints and floats within range."""
        p = place(lat=-90, lon=180.0)
        assert (-90, 180.0) == (p.lat, p.lon)

    @pytest.mark.parametrize(
        ("changes", "path", "message"),
        [
            ({"lat": True}, "lat", "expected a number from -90 to 90, got True (bool)"),
            ({"lat": "51"}, "lat", "expected a number from -90 to 90, got '51' (str)"),
            (
                {"lat": float("nan")},
                "lat",
                "expected a number from -90 to 90, got nan (float)",
            ),
            (
                {"lon": -180.5},
                "lon",
                "expected a number from -180 to 180, got -180.5 (float)",
            ),
            (
                {"lon": float("inf")},
                "lon",
                "expected a number from -180 to 180, got inf (float)",
            ),
            (
                {"kind": "town"},
                "kind",
                "expected one of 'country', 'region', 'city', 'site', got 'town' (str)",
            ),
            (
                {"country": "Russia"},
                "country",
                f"expected {OPTIONAL_SLUG}, got 'Russia' (str)",
            ),
            (
                {"aliases": "Kursk"},
                "aliases",
                "expected a list of names, got 'Kursk' (str)",
            ),
            ({"ids": None}, "ids", "expected an ExternalIds, got None"),
        ],
    )
    def test_refuses(self, changes: dict[str, Any], path: str, message: str) -> None:
        """A bad value is refused with the field's name, the value and the need."""
        assert (Problem(path, message),) == problems_of(lambda: place(**changes))


class TestSource(ValueObjectContract):
    cls = Source
    make = staticmethod(source)
    bad: ClassVar[dict[str, Any]] = {"kind": "book"}
    problem = Problem(
        "kind",
        "expected one of 'article', 'statement', 'report', 'image', 'dataset', "
        "got 'book' (str)",
    )

    @pytest.mark.parametrize(
        "published",
        ["2025-04-28", date(2025, 4, 28), DateSpan.parse("2025-04-28")],
    )
    def test_published_takes_date_likes(self, published: Any) -> None:
        """`published` takes an EDTF string, a date or a span."""
        assert DateSpan.parse("2025-04-28") == source(published=published).published

    def test_published_may_be_missing(self) -> None:
        """`published` is None when the source gives no date."""
        assert source().published is None

    def test_kind_from_string(self) -> None:
        """A kind's string value is converted to the enum member."""
        assert SourceKind.IMAGE is source(kind="image").kind

    def test_text_is_not_in_repr(self) -> None:
        """The full text is too long for a repr and is left out of it."""
        assert "troops" not in repr(source(text=TEXT))

    def test_repr(self) -> None:
        """The repr lists the fields as a constructor call, as attrs writes it."""
        expected = (
            "Source(id='kcna', title='KCNA', kind=<SourceKind.IMAGE: 'image'>, "
            "published=None, publisher=None, url=None, license='CC BY 4.0', "
            "attribution=None)"
        )
        assert expected == repr(
            Source(id="kcna", title="KCNA", kind="image", license="CC BY 4.0")
        )

    @pytest.mark.parametrize(
        ("changes", "path", "message"),
        [
            (
                {"published": "2025-13"},
                "published",
                (
                    "cannot read '2025-13' as an EDTF date: "
                    "13 is not a month (01-12) or season (21-32)"
                ),
            ),
            (
                {"published": 2025},
                "published",
                (
                    "expected a DateSpan, a datetime.date or an EDTF string, "
                    "got 2025 (int)"
                ),
            ),
            (
                {"published": datetime(2025, 4, 28, 12)},  # noqa: DTZ001
                "published",
                (
                    "expected a DateSpan, a datetime.date or an EDTF string, "
                    "got datetime.datetime(2025, 4, 28, 12, 0)"
                ),
            ),
            ({"title": b"KCNA"}, "title", "expected a non-empty string, got b'KCNA'"),
            (
                {"publisher": "KCNA"},
                "publisher",
                f"expected {OPTIONAL_SLUG}, got 'KCNA' (str)",
            ),
            ({"url": 1}, "url", "expected a non-empty string or None, got 1 (int)"),
            ({"text": ""}, "text", "expected a non-empty string or None, got '' (str)"),
        ],
    )
    def test_refuses(self, changes: dict[str, Any], path: str, message: str) -> None:
        """A bad value is refused with the field's name, the value and the need."""
        assert (Problem(path, message),) == problems_of(lambda: source(**changes))


class TestCitation(ValueObjectContract):
    cls = Citation
    make = staticmethod(lambda **kw: Citation(**{"source": "kcna", "quote": "q", **kw}))
    bad: ClassVar[dict[str, Any]] = {"quote": 1.5}
    problem = Problem("quote", "expected a non-empty string, got 1.5 (float)")

    @pytest.mark.parametrize(
        ("changes", "path", "message"),
        [
            ({"source": "KCNA"}, "source", f"expected {SLUG}, got 'KCNA' (str)"),
            ({"source": None}, "source", f"expected {SLUG}, got None"),
            ({"quote": "\t"}, "quote", "expected a non-empty string, got '\\t' (str)"),
            ({"quote": None}, "quote", "expected a non-empty string, got None"),
        ],
    )
    def test_refuses(self, changes: dict[str, Any], path: str, message: str) -> None:
        """A bad value is refused with the field's name, the value and the need."""
        fields = {"source": "kcna", "quote": "q", **changes}
        assert (Problem(path, message),) == problems_of(lambda: Citation(**fields))


class TestStatement(ValueObjectContract):
    cls = Statement
    make = staticmethod(statement)
    bad: ClassVar[dict[str, Any]] = {"citations": ()}
    problem = Problem("citations", "expected at least one Citation")

    @pytest.mark.parametrize(
        "when", ["2025-04", DateSpan.parse("2025-04"), "2025-04-01/2025-04-30"]
    )
    def test_date_takes_date_likes(self, when: Any) -> None:
        """`date` takes an EDTF string or a span, and keeps it exact."""
        assert DateSpan.parse("2025-04") == statement(date=when).date

    def test_date_takes_a_day(self) -> None:
        """A `date` is read as a span of one day."""
        day = date(2025, 4, 28)
        assert DateSpan(earliest=day, latest=day) == statement(date=day).date

    def test_speaker_may_be_none(self) -> None:
        """A statement without a speaker is an unattributed assertion."""
        assert statement().speaker is None

    def test_tuples_from_any_iterable(self) -> None:
        """`about` and `citations` take generators and store tuples."""
        s = statement(
            about=(a for a in ["kim", "russia"]), citations=iter([CITE, CITE])
        )
        assert (("kim", "russia"), (CITE, CITE)) == (s.about, s.citations)

    def test_kind_from_string(self) -> None:
        """A kind's string value is converted to the enum member."""
        assert StatementKind.DISPUTE is statement(kind="dispute").kind

    @pytest.mark.parametrize(
        ("changes", "path", "message"),
        [
            (
                {"citations": CITE},
                "citations",
                f"expected a list of Citations, got {CITE!r}",
            ),
            (
                {"citations": [CITE, "kcna"]},
                "citations[1]",
                "expected a Citation, got 'kcna' (str)",
            ),
            ({"about": "kim"}, "about", "expected a list of ids, got 'kim' (str)"),
            ({"about": ["Kim"]}, "about[0]", "expected an id, got 'Kim' (str)"),
            (
                {"date": "last fall"},
                "date",
                (
                    "cannot read 'last fall' as an EDTF date: expected a day "
                    "(2025-04-28), month (2025-04), season (2024-23), year (2024), "
                    "decade (202X) or an interval of these (A/B)"
                ),
            ),
            (
                {"date": None},
                "date",
                "expected a DateSpan, a datetime.date or an EDTF string, got None",
            ),
            (
                {"kind": "rebut"},
                "kind",
                (
                    "expected one of 'confirm', 'claim', 'dispute', 'assess', "
                    "'report', 'praise', 'thank', 'condemn', 'demand', 'urge', 'warn', "
                    "got 'rebut' (str)"
                ),
            ),
            (
                {"kind": EventKind.OTHER},
                "kind",
                (
                    "expected one of 'confirm', 'claim', 'dispute', 'assess', "
                    "'report', 'praise', 'thank', 'condemn', 'demand', 'urge', 'warn', "
                    "got <EventKind.OTHER: 'other'>"
                ),
            ),
            ({"summary": 42}, "summary", "expected a non-empty string, got 42 (int)"),
            (
                {"quote": ""},
                "quote",
                "expected a non-empty string or None, got '' (str)",
            ),
            (
                {"responds_to": "S1"},
                "responds_to",
                f"expected {OPTIONAL_SLUG}, got 'S1' (str)",
            ),
        ],
    )
    def test_refuses(self, changes: dict[str, Any], path: str, message: str) -> None:
        """A bad value is refused with the field's name, the value and the need."""
        assert (Problem(path, message),) == problems_of(lambda: statement(**changes))


class TestDeployment(ValueObjectContract):
    cls = Deployment
    make = staticmethod(deployment)
    bad: ClassVar[dict[str, Any]] = {"role": ""}
    problem = Problem("role", "expected a non-empty string or None, got '' (str)")

    def test_optional_fields(self) -> None:
        """Troops, place, until, unit, role and reinforces default to None."""
        d = deployment()
        assert (None,) * 6 + ((),) == (
            d.troops,
            d.place,
            d.until,
            d.unit,
            d.role,
            d.reinforces,
            d.estimated_by,
        )

    def test_until_takes_date_likes(self) -> None:
        """`until` takes an EDTF string, a date or a span like `date` does."""
        d = deployment(until=date(2025, 1, 15), estimated_by=iter(["kim"]))
        assert (DateSpan.parse("2025-01-15"), ("kim",)) == (d.until, d.estimated_by)

    @pytest.mark.parametrize(
        ("changes", "path", "message"),
        [
            ({"sender": None}, "sender", f"expected {SLUG}, got None"),
            ({"host": "Russia"}, "host", f"expected {SLUG}, got 'Russia' (str)"),
            (
                {"troops": {"best": 11_000}},
                "troops",
                "expected an Estimate or None, got {'best': 11000}",
            ),
            (
                {"until": "2025-02-30"},
                "until",
                (
                    "cannot read '2025-02-30' as an EDTF date: "
                    "day 30 does not exist in 2025-02"
                ),
            ),
            ({"role": 1}, "role", "expected a non-empty string or None, got 1 (int)"),
            (
                {"estimated_by": "kim"},
                "estimated_by",
                "expected a list of ids, got 'kim' (str)",
            ),
            ({"citations": []}, "citations", "expected at least one Citation"),
        ],
    )
    def test_refuses(self, changes: dict[str, Any], path: str, message: str) -> None:
        """A bad value is refused with the field's name, the value and the need."""
        assert (Problem(path, message),) == problems_of(lambda: deployment(**changes))


class TestEvent(ValueObjectContract):
    cls = Event
    make = staticmethod(event)
    bad: ClassVar[dict[str, Any]] = {"participants": "kim"}
    problem = Problem("participants", "expected a list of ids, got 'kim' (str)")

    def test_fields_from_convenient_shapes(self) -> None:
        """Kind, date and participants take a string, EDTF and a generator."""
        e = event(kind="operation", date="2024-23", participants=(p for p in ["kim"]))
        expected = (EventKind.OPERATION, DateSpan.parse("2024-23"), ("kim",))
        assert expected == (e.kind, e.date, e.participants)

    @pytest.mark.parametrize(
        ("changes", "path", "message"),
        [
            (
                {"kind": "battle"},
                "kind",
                (
                    "expected one of 'agreement', 'meeting', 'operation', 'decision', "
                    "'other', got 'battle' (str)"
                ),
            ),
            ({"place": ""}, "place", f"expected {OPTIONAL_SLUG}, got '' (str)"),
            (
                {"participants": [None]},
                "participants[0]",
                "expected an id, got None",
            ),
            (
                {"citations": None},
                "citations",
                "expected a list of Citations, got None",
            ),
        ],
    )
    def test_refuses(self, changes: dict[str, Any], path: str, message: str) -> None:
        """A bad value is refused with the field's name, the value and the need."""
        assert (Problem(path, message),) == problems_of(lambda: event(**changes))


class TestEstimate(ValueObjectContract):
    cls = Estimate
    make = staticmethod(lambda **kw: Estimate(**{"best": 11_000, **kw}))
    bad: ClassVar[dict[str, Any]] = {"high": 10_000}
    problem = Problem("high", "expected high to be at least best (11,000), got 10,000")

    @pytest.mark.parametrize(
        ("changes", "problem"),
        [
            ({}, Problem("", "expected at least one of best, low and high")),
            (
                {"approximate": True},
                Problem("", "expected at least one of best, low and high"),
            ),
            (
                {"best": 1.0},
                Problem(
                    "best", "expected a whole number of 0 or more, got 1.0 (float)"
                ),
            ),
            (
                {"low": True},
                Problem("low", "expected a whole number of 0 or more, got True (bool)"),
            ),
            (
                {"high": "5"},
                Problem("high", "expected a whole number of 0 or more, got '5' (str)"),
            ),
            (
                {"best": -1},
                Problem("best", "expected a whole number of 0 or more, got -1 (int)"),
            ),
            (
                {"low": 5, "best": 3},
                Problem("best", "expected best to be at least low (5), got 3"),
            ),
            (
                {"low": 5_000, "high": 3_000},
                Problem("high", "expected high to be at least low (5,000), got 3,000"),
            ),
            (
                {"best": 2, "approximate": 1},
                Problem("approximate", "expected True or False, got 1 (int)"),
            ),
        ],
    )
    def test_refuses(self, changes: dict[str, Any], problem: Problem) -> None:
        """Counts are non-negative ints, at least one given, low <= best <= high."""
        assert (problem,) == problems_of(lambda: Estimate(**changes))

    @pytest.mark.parametrize(
        ("estimate", "interval"),
        [
            (Estimate(best=11_000), (11_000, 11_000)),
            (Estimate(low=10_000, high=12_000), (10_000, 12_000)),
            (Estimate(low=3_000), (3_000, None)),
            (Estimate(high=500), (0, 500)),
            (Estimate(best=5, low=4), (4, 5)),
            (Estimate(best=5, high=9), (5, 9)),
            (Estimate(best=0), (0, 0)),
        ],
    )
    def test_interval(
        self, estimate: Estimate, interval: tuple[int, int | None]
    ) -> None:
        """The interval runs from low, else best, else 0, to high, else best."""
        assert interval == estimate.interval

    @pytest.mark.parametrize(
        ("a", "b", "total"),
        [
            (Estimate(best=5), Estimate(best=3), Estimate(best=8)),
            (Estimate(best=5), Estimate(low=3), Estimate(low=8)),
            (Estimate(best=5), Estimate(high=3), Estimate(low=5, high=8)),
            (Estimate(high=5), Estimate(high=3), Estimate(high=8)),
            (Estimate(low=0), Estimate(low=0), Estimate(low=0)),
            (
                Estimate(best=6, low=5),
                Estimate(best=3, high=4),
                Estimate(best=9, low=8, high=10),
            ),
            (
                Estimate(best=5, approximate=True),
                Estimate(best=3),
                Estimate(best=8, approximate=True),
            ),
            (
                Estimate(best=5),
                Estimate(low=1, high=2, approximate=True),
                Estimate(low=6, high=7, approximate=True),
            ),
            (
                Estimate(low=10, high=20),
                Estimate(low=1),
                Estimate(low=11),
            ),
        ],
    )
    def test_add(self, a: Estimate, b: Estimate, total: Estimate) -> None:
        """Sums add intervals, keep best only if all have one, hedge if any does."""
        assert total == a + b

    def test_add_refuses_other_types(self) -> None:
        """Adding a plain number is a TypeError, not a guess at its meaning."""
        with pytest.raises(TypeError, match="unsupported operand"):
            Estimate(best=1) + 1  # type: ignore[operator]

    @pytest.mark.parametrize(
        ("estimate", "text"),
        [
            (Estimate(best=11_000, approximate=True), "about 11,000"),
            (Estimate(best=11_000), "11,000"),
            (Estimate(low=10_000, high=12_000), "10,000\N{EN DASH}12,000"),
            (Estimate(low=3_000), "at least 3,000"),
            (Estimate(high=500), "at most 500"),
            (
                Estimate(best=11_000, low=10_000, high=12_000),
                "11,000 (10,000\N{EN DASH}12,000)",
            ),
            (Estimate(best=12, low=10, approximate=True), "about 12 (at least 10)"),
            (Estimate(high=200, approximate=True), "at most about 200"),
            (Estimate(low=5, approximate=True), "at least about 5"),
            (Estimate(low=1, high=2, approximate=True), "about 1\N{EN DASH}2"),
            (
                Estimate(low=10_000, high=12_000, approximate=True),
                "about 10,000\N{EN DASH}12,000",
            ),
        ],
    )
    def test_str(self, estimate: Estimate, text: str) -> None:
        """`str` reads as a person would write the figure."""
        assert text == str(estimate)

    @given(estimates())
    def test_figures_are_ordered(self, e: Estimate) -> None:
        """Every estimate's given figures run low <= best <= high."""
        given_ = [v for v in (e.low, e.best, e.high) if v is not None]
        assert sorted(given_) == given_

    @given(estimates(), estimates())
    def test_sum_is_valid_and_adds_intervals(self, a: Estimate, b: Estimate) -> None:
        """A sum is a valid estimate whose interval is the sum of the intervals."""
        (a_lo, a_hi), (b_lo, b_hi) = a.interval, b.interval
        high = None if a_hi is None or b_hi is None else a_hi + b_hi
        total = a + b
        assert (a_lo + b_lo, high) == total.interval
        assert total == attrs.evolve(total)

    @given(estimates(), estimates())
    def test_sum_best_and_hedge(self, a: Estimate, b: Estimate) -> None:
        """A sum has a best only when both terms do, and hedges if either does."""
        best = None if a.best is None or b.best is None else a.best + b.best
        total = a + b
        assert (best, a.approximate or b.approximate) == (
            total.best,
            total.approximate,
        )

    @given(estimates(), estimates(), estimates())
    def test_sum_is_associative(self, a: Estimate, b: Estimate, c: Estimate) -> None:
        """Grouping does not change a sum."""
        assert (a + b) + c == a + (b + c)


class TestBrief(ValueObjectContract):
    cls = Brief
    make = staticmethod(brief)
    bad: ClassVar[dict[str, Any]] = {"as_of": "2025-04-28"}
    problem = Problem("as_of", "expected a datetime.date, got '2025-04-28' (str)")

    def test_collections_from_any_iterable(self) -> None:
        """Collections take generators and become `Records` in the given order."""
        b = brief(actors=(a for a in ACTORS))
        assert isinstance(b.actors, Records)
        assert list(ACTORS) == list(b.actors)

    @pytest.mark.parametrize("value", ["kim", 5])
    def test_collection_refuses_non_iterables(self, value: object) -> None:
        """A bare string or a number where a collection belongs is refused."""
        message = (
            f"expected a list or other iterable of records, got {value!r} "
            f"({type(value).__name__})"
        )
        assert (Problem("statements", message),) == problems_of(
            lambda: brief(statements=value)
        )

    def test_defaults_to_empty(self) -> None:
        """A brief needs only an id, a title and a date."""
        b = Brief(id="b", title="T", as_of=date(2025, 1, 1))
        assert (None, 0) == (
            b.summary,
            sum(
                len(r)
                for r in (
                    b.actors,
                    b.places,
                    b.sources,
                    b.statements,
                    b.deployments,
                    b.events,
                )
            ),
        )

    def test_as_of_refuses_datetime(self) -> None:
        """`as_of` is a day: a datetime is refused, not truncated."""
        moment = datetime(2025, 4, 28, 12)  # noqa: DTZ001
        message = f"expected a datetime.date, got {moment!r}"
        assert (Problem("as_of", message),) == problems_of(lambda: brief(as_of=moment))

    @briefly
    @given(briefs())
    def test_generated_briefs_rebuild_equal(self, b: Brief) -> None:
        """Any valid brief rebuilds from its own fields into an equal brief."""
        copy = attrs.evolve(b)
        assert (b, hash(b)) == (copy, hash(copy))


def _cited(quote: str, **changes: Any) -> Brief:
    """A brief whose only statement cites *quote* from the source text."""
    return brief(
        statements=[statement(citations=[Citation(source="kcna", quote=quote)])],
        **changes,
    )


class TestBriefIntegrity:
    @pytest.mark.parametrize(
        ("changes", "path", "message"),
        [
            (
                {"actors": [*ACTORS, ACTORS[1]]},
                "$.actors[3].id",
                "expected a unique id, got 'russia' again (first at $.actors[1])",
            ),
            (
                {"places": [place(), place()]},
                "$.places[1].id",
                "expected a unique id, got 'kursk' again (first at $.places[0])",
            ),
            (
                {"statements": [statement(), statement(speaker="kim")]},
                "$.statements[1].id",
                "expected a unique id, got 's1' again (first at $.statements[0])",
            ),
            (
                {"events": [event(), event()]},
                "$.events[1].id",
                "expected a unique id, got 'e1' again (first at $.events[0])",
            ),
        ],
    )
    def test_unique_ids(self, changes: dict[str, Any], path: str, message: str) -> None:
        """Ids are unique within each collection."""
        assert (Problem(path, message),) == problems_of(lambda: brief(**changes))

    def test_same_id_in_different_collections(self) -> None:
        """Ids need only be unique within their own collection."""
        b = brief(events=[event(id="kim")])
        assert "kim" in b.events
        assert "kim" in b.actors

    @pytest.mark.parametrize(
        ("changes", "path", "message"),
        [
            (
                {"actors": [*ACTORS, actor(id="kcna", part_of="n-korea")]},
                "$.actors[3].part_of",
                (
                    "expected the id of an actor in this brief, got 'n-korea'; "
                    "did you mean 'north-korea'?"
                ),
            ),
            (
                {"places": [place(country="rusia")]},
                "$.places[0].country",
                (
                    "expected the id of an actor in this brief, got 'rusia'; "
                    "did you mean 'russia'?"
                ),
            ),
            (
                {"sources": [source(publisher="kcna")]},
                "$.sources[0].publisher",
                "expected the id of an actor in this brief, got 'kcna'",
            ),
            (
                {"statements": [statement(speaker="kim-jong-un")]},
                "$.statements[0].speaker",
                "expected the id of an actor in this brief, got 'kim-jong-un'",
            ),
            (
                {"statements": [statement(about=["kim", "ukraine"])]},
                "$.statements[0].about[1]",
                "expected the id of an actor in this brief, got 'ukraine'",
            ),
            (
                {"statements": [statement(via="kcna")]},
                "$.statements[0].via",
                "expected the id of an actor in this brief, got 'kcna'",
            ),
            (
                {"statements": [statement(responds_to="s11")]},
                "$.statements[0].responds_to",
                (
                    "expected the id of a statement in this brief, got 's11'; "
                    "did you mean 's1'?"
                ),
            ),
            (
                {"deployments": [deployment(sender="south-korea")]},
                "$.deployments[0].sender",
                (
                    "expected the id of an actor in this brief, got 'south-korea'; "
                    "did you mean 'north-korea'?"
                ),
            ),
            (
                {"deployments": [deployment(host="ukraine")]},
                "$.deployments[0].host",
                "expected the id of an actor in this brief, got 'ukraine'",
            ),
            (
                {"deployments": [deployment(place="kurks")]},
                "$.deployments[0].place",
                (
                    "expected the id of a place in this brief, got 'kurks'; "
                    "did you mean 'kursk'?"
                ),
            ),
            (
                {"deployments": [deployment(unit="kpa")]},
                "$.deployments[0].unit",
                "expected the id of an actor in this brief, got 'kpa'",
            ),
            (
                {"deployments": [deployment(reinforces="d0")]},
                "$.deployments[0].reinforces",
                "expected the id of a deployment in this brief, got 'd0'",
            ),
            (
                {"deployments": [deployment(estimated_by=["nis"])]},
                "$.deployments[0].estimated_by[0]",
                "expected the id of an actor in this brief, got 'nis'",
            ),
            (
                {"events": [event(participants=["putin"])]},
                "$.events[0].participants[0]",
                "expected the id of an actor in this brief, got 'putin'",
            ),
            (
                {"events": [event(place="moscow")]},
                "$.events[0].place",
                "expected the id of a place in this brief, got 'moscow'",
            ),
            (
                {"events": [event(citations=[Citation(source="yonhap", quote="q")])]},
                "$.events[0].citations[0].source",
                "expected the id of a source in this brief, got 'yonhap'",
            ),
        ],
    )
    def test_references_resolve(
        self, changes: dict[str, Any], path: str, message: str
    ) -> None:
        """Every reference names a record of the right collection in the brief."""
        assert (Problem(path, message),) == problems_of(lambda: brief(**changes))

    def test_part_of_cycle(self) -> None:
        """An actor cannot be, through part_of, a part of itself."""
        actors = [actor(id="a", part_of="b"), actor(id="b", part_of="a"), actor()]
        cycle = "expected a chain of part_of that ends, got a cycle through "
        expected = (
            Problem("$.actors[0].part_of", cycle + "'a'"),
            Problem("$.actors[1].part_of", cycle + "'b'"),
        )
        assert expected == problems_of(
            lambda: Brief(id="b", title="T", as_of=date(2025, 1, 1), actors=actors)
        )

    def test_part_of_leading_into_cycle(self) -> None:
        """Only the actors on a cycle are reported, not one whose chain enters it."""
        actors = [
            actor(id="a", part_of="b"),
            actor(id="b", part_of="a"),
            actor(id="c", part_of="a"),
        ]
        paths = [
            p.path
            for p in problems_of(
                lambda: Brief(id="b", title="T", as_of=date(2025, 1, 1), actors=actors)
            )
        ]
        assert ["$.actors[0].part_of", "$.actors[1].part_of"] == paths

    def test_part_of_itself(self) -> None:
        """An actor that is part of itself is the shortest cycle."""
        actors = [actor(id="a", part_of="a")]
        expected = Problem(
            "$.actors[0].part_of",
            "expected a chain of part_of that ends, got a cycle through 'a'",
        )
        assert (expected,) == problems_of(
            lambda: Brief(id="b", title="T", as_of=date(2025, 1, 1), actors=actors)
        )

    @pytest.mark.parametrize(
        ("changes", "path", "message"),
        [
            (
                {"statements": [statement(responds_to="s1")]},
                "$.statements[0].responds_to",
                "expected another record's id, got its own id 's1'",
            ),
            (
                {"deployments": [deployment(reinforces="d1")]},
                "$.deployments[0].reinforces",
                "expected another record's id, got its own id 'd1'",
            ),
        ],
    )
    def test_no_self_reference(
        self, changes: dict[str, Any], path: str, message: str
    ) -> None:
        """A statement cannot answer itself, nor a contingent reinforce itself."""
        assert (Problem(path, message),) == problems_of(lambda: brief(**changes))

    def test_uncited_record(self) -> None:
        """A record without citations cannot be built, so no brief holds one."""
        expected = (Problem("citations", "expected at least one Citation"),)
        assert expected == problems_of(lambda: event(citations=[]))

    def test_quote_not_in_source(self) -> None:
        """A quote must occur in its source's text when the brief has the text."""
        expected = Problem(
            "$.statements[0].citations[0].quote",
            "expected words found in the text of 'kcna', got 'troops were flown'",
        )
        assert (expected,) == problems_of(lambda: _cited("troops were flown"))

    def test_speaker_quote_not_in_source(self) -> None:
        """A speaker's own words must occur in one of the cited texts."""
        expected = Problem(
            "$.statements[0].quote",
            "expected words found in the text of 'kcna', got 'we sent no one'",
        )
        assert (expected,) == problems_of(
            lambda: brief(statements=[statement(quote="we sent no one")])
        )

    @pytest.mark.parametrize(
        "quote",
        [
            "troops were sent",
            "The troops were sent",
            "The \t troops   were\n\nsent",
            "  Kursk, “officially”, last fall.  ",
            "sent to Kursk",
        ],
    )
    def test_whitespace_runs_compare_equal(self, quote: str) -> None:
        """Runs of whitespace in quote and text compare as one space."""
        assert quote == _cited(quote).statements["s1"].citations[0].quote

    @pytest.mark.parametrize(
        "quote",
        [
            "Troops were sent",
            "the troops were sent",
            "Kursk, “Officially”",
            'Kursk, "officially"',
            "Kursk “officially”",
            "Kursk, 'officially'",
            "sent to Kursk.",
            "troopswere sent",
        ],
    )
    def test_nothing_else_is_normalised(self, quote: str) -> None:
        """Case, punctuation and curly quotes must match the text exactly."""
        (problem,) = problems_of(lambda: _cited(quote))
        assert "$.statements[0].citations[0].quote" == problem.path
        assert problem.message.startswith(
            f"expected words found in the text of 'kcna', got {quote!r}"
        )

    def test_quotation_marks_hint(self) -> None:
        """A quote that differs only in its quotation marks says so."""
        quote = 'Kursk, "officially"'
        expected = Problem(
            "$.statements[0].citations[0].quote",
            f"expected words found in the text of 'kcna', got {quote!r}; the "
            "words are there, with other quotation marks or apostrophes "
            "(\u2019 \u201c \u201d and ' \" differ): copy them from the source",
        )
        assert (expected,) == problems_of(lambda: _cited(quote))

    def test_no_hint_for_other_words(self) -> None:
        """A quote whose words are not in the text gets no hint about marks."""
        (problem,) = problems_of(lambda: _cited("Kursk, 'officially'"))
        assert "quotation marks" not in problem.message

    def test_quote_unchecked_without_text(self) -> None:
        """A source without text cannot refute a quote."""
        b = _cited("anything at all", sources=[source(published="2025-04-28")])
        assert "anything at all" == b.statements["s1"].citations[0].quote

    def test_quote_found_in_any_cited_text(self) -> None:
        """A quote may come from any one of the cited sources' texts."""
        other = source(id="nis", text="The NIS said 11,000.")
        cites = [
            Citation(source="kcna", quote="troops were sent"),
            Citation(source="nis", quote="said 11,000"),
        ]
        b = brief(
            sources=[source(published="2025-04-28", text=TEXT), other],
            statements=[statement(citations=cites, quote="said 11,000")],
        )
        assert "said 11,000" == b.statements["s1"].quote

    @pytest.mark.parametrize(
        ("changes", "path", "message"),
        [
            (
                {"statements": [statement(date="2025-05")]},
                "$.statements[0].date",
                (
                    "expected a date no later than the sources citing it "
                    "(published by 2025-04-28), got 2025-05"
                ),
            ),
            (
                {"deployments": [deployment(date="2025-04-29")]},
                "$.deployments[0].date",
                (
                    "expected a date no later than the sources citing it "
                    "(published by 2025-04-28), got 2025-04-29"
                ),
            ),
            (
                {"deployments": [deployment(until="2025-06")]},
                "$.deployments[0].until",
                (
                    "expected a date no later than the sources citing it "
                    "(published by 2025-04-28), got 2025-06"
                ),
            ),
            (
                {"events": [event(date="2026")]},
                "$.events[0].date",
                (
                    "expected a date no later than the sources citing it "
                    "(published by 2025-04-28), got 2026"
                ),
            ),
        ],
    )
    def test_not_dated_after_sources(
        self, changes: dict[str, Any], path: str, message: str
    ) -> None:
        """No record is dated certainly after every source that cites it."""
        assert (Problem(path, message),) == problems_of(lambda: brief(**changes))

    @pytest.mark.parametrize(
        "changes",
        [
            {"statements": [statement(date="2025-04-28/2025-05-02")]},
            {"statements": [statement(date="2025")]},
            {
                "sources": [source(text=TEXT)],
                "statements": [statement(date="2030")],
            },
        ],
    )
    def test_possibly_before_sources(self, changes: dict[str, Any]) -> None:
        """A date that may precede the source, or an undated source, is accepted."""
        assert 1 == len(brief(**changes).statements)

    def test_dated_before_latest_of_several_sources(self) -> None:
        """A record is checked against the latest of the sources citing it."""
        later = source(id="nis", published="2025-06", text="The NIS said so.")
        cites = [CITE, Citation(source="nis", quote="said so")]
        b = brief(
            sources=[source(published="2025-04-28", text=TEXT), later],
            statements=[statement(date="2025-05-10", citations=cites)],
        )
        assert "2025-05-10" == str(b.statements["s1"].date)

    @pytest.mark.parametrize(
        ("changes", "path", "message"),
        [
            (
                {"deployments": [deployment(sender="kim")]},
                "$.deployments[0].sender",
                "expected the id of a state, got 'kim', which is 'person'",
            ),
            (
                {"deployments": [deployment(host="kim")]},
                "$.deployments[0].host",
                "expected the id of a state, got 'kim', which is 'person'",
            ),
            (
                {"places": [place(country="kim")]},
                "$.places[0].country",
                "expected the id of a state, got 'kim', which is 'person'",
            ),
        ],
    )
    def test_states(self, changes: dict[str, Any], path: str, message: str) -> None:
        """Deployment senders and hosts, and place countries, are states."""
        assert (Problem(path, message),) == problems_of(lambda: brief(**changes))

    def test_until_before_date(self) -> None:
        """A force cannot leave certainly before it arrived."""
        expected = Problem(
            "$.deployments[0].until",
            "expected a departure no earlier than the arrival (2024-10), got 2024-09",
        )
        assert (expected,) == problems_of(
            lambda: brief(deployments=[deployment(until="2024-09")])
        )

    def test_until_overlapping_date(self) -> None:
        """A departure that may fall after the arrival is accepted."""
        b = brief(deployments=[deployment(until="2024-10-20")])
        assert "2024-10-20" == str(b.deployments["d1"].until)

    def test_item_of_wrong_type(self) -> None:
        """A collection holds only its own record type."""
        wrong = event(id="s2")
        shown = repr(wrong)[:57] + "..."
        expected = Problem("$.statements[1]", f"expected a Statement, got {shown}")
        assert (expected,) == problems_of(
            lambda: brief(statements=[statement(), wrong])
        )

    def test_item_of_wrong_type_article(self) -> None:
        """The message reads "an Event", not "a Event"."""
        wrong = statement(id="e2")
        shown = repr(wrong)[:57] + "..."
        expected = Problem("$.events[0]", f"expected an Event, got {shown}")
        assert (expected,) == problems_of(lambda: brief(events=[wrong]))

    def test_all_problems_at_once(self) -> None:
        """Every problem is reported, in document order, in one error."""
        expected = (
            Problem(
                "$.statements[0].speaker",
                "expected the id of an actor in this brief, got 'putin'",
            ),
            Problem(
                "$.statements[0].citations[0].quote",
                "expected words found in the text of 'kcna', got 'Troops'",
            ),
            Problem(
                "$.deployments[0].sender",
                "expected the id of a state, got 'kim', which is 'person'",
            ),
            Problem(
                "$.deployments[0].until",
                "expected a departure no earlier than the arrival (2024-10), "
                "got 2024-09",
            ),
            Problem(
                "$.events[0].date",
                "expected a date no later than the sources citing it "
                "(published by 2025-04-28), got 2026",
            ),
        )
        problems = problems_of(
            lambda: brief(
                statements=[
                    statement(
                        speaker="putin",
                        citations=[Citation(source="kcna", quote="Troops")],
                    )
                ],
                deployments=[deployment(sender="kim", until="2024-09")],
                events=[event(date="2026")],
            )
        )
        assert expected == problems

    def test_message_lists_every_problem(self) -> None:
        """The error's text counts the problems and lists one per line."""
        with pytest.raises(ValidationError) as info:
            brief(events=[event(place="x"), event(id="e2", place="y")])
        assert (
            "2 problems:\n"
            "  $.events[0].place: expected the id of a place in this brief, got 'x'\n"
            "  $.events[1].place: expected the id of a place in this brief, got 'y'"
        ) == str(info.value)


class TestRecords:
    def test_iteration_and_len(self) -> None:
        """A collection iterates in the given order and has a length."""
        actors = brief().actors
        assert (["north-korea", "russia", "kim"], 3) == (
            [a.id for a in actors],
            len(actors),
        )

    def test_lookup_by_id(self) -> None:
        """Indexing with an id returns the record."""
        assert ACTORS[2] is brief().actors["kim"]

    def test_unknown_id(self) -> None:
        """An unknown id raises UnknownIdError, suggesting close ids."""
        with pytest.raises(UnknownIdError, match=r"'kimm'.*did you mean 'kim'\?"):
            brief().actors["kimm"]

    def test_unknown_id_is_a_key_error(self) -> None:
        """UnknownIdError is a KeyError and a ConflictBriefError."""
        with pytest.raises(KeyError) as info:
            brief().places["kyiv"]
        assert isinstance(info.value, ConflictBriefError)
        assert ("kyiv", "places", ()) == (
            info.value.id,  # type: ignore[attr-defined]
            info.value.collection,  # type: ignore[attr-defined]
            info.value.suggestions,  # type: ignore[attr-defined]
        )

    def test_unknown_id_without_suggestion(self) -> None:
        """No suggestion is made when nothing is close."""
        with pytest.raises(UnknownIdError) as info:
            brief().actors["ukraine"]
        assert "did you mean" not in str(info.value)

    def test_lookup_of_non_string(self) -> None:
        """A key that is not a string is refused with what lookups take."""
        actors = brief().actors
        with pytest.raises(TypeError, match=r"looked up by id \(a str\), got 3.5"):
            actors[3.5]  # type: ignore[index]
        with pytest.raises(TypeError, match=r"got Actor\(id='north-korea'"):
            actors[actors["north-korea"]]  # type: ignore[index]

    def test_named_needs_text(self) -> None:
        """named() refuses a key that is not a string."""
        with pytest.raises(TypeError, match=r"named\(\) takes a name \(a str\), got 5"):
            brief().actors.named(5)  # type: ignore[arg-type]

    def test_name_inferred(self) -> None:
        """A collection built by hand is named after its records, and filters."""
        records = Records(ACTORS)
        assert "<Records actors: 3 [north-korea, russia, kim]>" == repr(records)
        assert ["north-korea", "russia"] == [a.id for a in records.where(kind="state")]

    def test_mixed_records_do_not_filter(self) -> None:
        """A collection of mixed records has no filters, and says so."""
        mixed = Records([ACTORS[0], source()])  # type: ignore[type-var]
        with pytest.raises(TypeError, match="filters the collections of a brief"):
            mixed.where(kind="state")

    def test_pickle_and_copy(self) -> None:
        """A brief survives pickling and copying, collections linked and usable."""
        b = brief()
        assert b is copy.copy(b)
        assert b.actors is copy.copy(b.actors)
        for other in (pickle.loads(pickle.dumps(b)), copy.deepcopy(b)):
            assert b == other
            assert other is other.actors._root.brief
            assert ["kim"] == [a.id for a in other.actors.where(part_of="north-korea")]
        view = b.actors.where(kind="state")
        assert view == pickle.loads(pickle.dumps(view))
        again = pickle.loads(pickle.dumps(view))
        assert view == again.where(kind="state")  # an unpickled view filters

    @pytest.mark.parametrize("key", [0, slice(0, 2)])
    def test_lookup_by_position(self, key: object) -> None:
        """A position or a slice is refused with a pointer to what to use."""
        with pytest.raises(TypeError, match=r"for positions, use list\(actors\)"):
            brief().actors[key]  # type: ignore[index]

    def test_get(self) -> None:
        """`get` returns the record, else None or the default given."""
        actors = brief().actors
        assert (ACTORS[0], None, "none") == (
            actors.get("north-korea"),
            actors.get("south-korea"),
            actors.get("south-korea", "none"),
        )

    def test_get_unhashable(self) -> None:
        """`get` with a key that cannot be an id returns the default."""
        assert "none" == brief().actors.get([1], "none")  # type: ignore[call-overload]

    def test_contains(self) -> None:
        """`in` takes an id or a record, and compares records by value."""
        actors = brief().actors
        assert (True, True, False, False, False) == (
            "kim" in actors,
            ACTORS[2] in actors,
            attrs.evolve(ACTORS[2], name="Kim Jong-un") in actors,
            "kcna" in actors,
            3 in actors,
        )

    def test_equality_ignores_brief(self) -> None:
        """Collections with the same records are equal and hash equal."""
        a, b = brief().actors, brief(title="Another").actors
        assert (a, hash(a)) == (b, hash(b))
        assert a == Records(ACTORS, "actors")

    def test_not_equal_to_tuple(self) -> None:
        """A collection is not equal to a tuple of the same records."""
        assert ACTORS != brief().actors

    def test_immutable(self) -> None:
        """Attributes cannot be set or deleted."""
        actors = brief().actors
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            actors._items = ()
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            del actors._items

    def test_knows_its_brief(self) -> None:
        """Each collection of a brief links back to it."""
        b = brief()
        assert all(
            r._root.brief is b
            for r in (
                b.actors,
                b.places,
                b.sources,
                b.statements,
                b.deployments,
                b.events,
            )
        )

    def test_evolve_relinks(self) -> None:
        """`attrs.evolve` gives collections linked to the new brief."""
        old = brief()
        new = attrs.evolve(old, title="New")
        assert all(
            r._root.brief is new
            for r in (
                new.actors,
                new.places,
                new.sources,
                new.statements,
                new.deployments,
                new.events,
            )
        )
        assert all(
            r._root.brief is old
            for r in (
                old.actors,
                old.places,
                old.sources,
                old.statements,
                old.deployments,
                old.events,
            )
        )

    def test_repr_is_short(self) -> None:
        """The repr names the collection, counts it and shows a few ids."""
        actors = [actor(id=f"a{i}") for i in range(50)]
        b = Brief(id="b", title="T", as_of=date(2025, 1, 1), actors=actors)
        assert "<Records actors: 50 [a0, a1, a2, ...]>" == repr(b.actors)

    def test_repr_of_few(self) -> None:
        """A small collection shows every id."""
        assert "<Records places: 1 [kursk]>" == repr(brief().places)

    @briefly
    @given(briefs())
    def test_lookup_finds_every_record(self, b: Brief) -> None:
        """Every record of a valid brief is found by its id."""
        for records in (
            b.actors,
            b.places,
            b.sources,
            b.statements,
            b.deployments,
            b.events,
        ):
            assert list(records) == [records[r.id] for r in records]


class TestText:
    def test_lone_surrogate_refused(self) -> None:
        """Text that could not be written as UTF-8 is refused where it is given."""
        with pytest.raises(ValidationError, match=r"name: expected a non-empty"):
            Actor(id="a", name="\ud800", kind="state")

    def test_other_text_accepted(self) -> None:
        """Any text UTF-8 can hold is accepted, a surrogate pair's character too."""
        assert (
            "Ки\u00efm \U0001f600"
            == Actor(id="a", name="Ки\u00efm \U0001f600", kind="state").name
        )


class TestEstimateSum:
    def test_sum(self) -> None:
        """sum() adds estimates as + does."""
        figures = [Estimate(best=1), Estimate(low=2, high=3)]
        assert Estimate(low=3, high=4) == sum(figures)

    def test_other_left_operand(self) -> None:
        """Only sum()'s starting 0 may stand on the left of an estimate."""
        with pytest.raises(TypeError):
            _ = 1 + Estimate(best=1)


class TestDocumentOrder:
    def test_order(self) -> None:
        """Problems sort as their places stand in a file: the whole, keys, records."""
        from conflictbrief._integrity import document_order

        paths = ["$.colour", "$.actors[2].id", "$", "$.actors[0]", "$.title"]
        ordered = sorted(
            (Problem(p, "m") for p in paths),
            key=document_order(attrs.fields_dict(Brief)),
        )
        assert ["$", "$.title", "$.actors[0]", "$.actors[2].id", "$.colour"] == [
            p.path for p in ordered
        ]


class TestErrorsPickle:
    def test_validation_error(self) -> None:
        """A ValidationError keeps its problems, file and message when pickled."""
        error = ValidationError([Problem("$.x", "bad"), Problem("$.y", "worse")])
        error = ValidationError(error.problems, file="a.json")
        again = pickle.loads(pickle.dumps(error))
        assert (error.problems, error.file, str(error)) == (
            again.problems,
            again.file,
            str(again),
        )

    def test_unknown_id_error(self) -> None:
        """An UnknownIdError keeps its id, collection and suggestions."""
        with pytest.raises(UnknownIdError) as info:
            brief().actors["kim-jon"]
        again = pickle.loads(pickle.dumps(info.value))
        assert (str(info.value), info.value.suggestions) == (
            str(again),
            again.suggestions,
        )


class TestNoWeakrefSlot:
    @pytest.mark.parametrize(
        "cls", [Actor, Place, Source, Citation, Statement, Deployment, Event]
    )
    def test_records_cannot_be_weakly_referenced(self, cls: type) -> None:
        """Model classes carry no __weakref__ slot: eight bytes less a record."""
        assert "__weakref__" not in dir(cls)


class TestUnknownIdSuggestions:
    def test_found_when_asked(self) -> None:
        """A failed lookup caught as a KeyError costs no search for close ids."""
        asked: list[str] = []

        class Known:
            def __iter__(self) -> Iterator[str]:
                asked.append("iterated")
                return iter(["kim-jong-un", "putin"])

        error = UnknownIdError("kim-jong", "actors", Known())
        assert [] == asked
        assert ("kim-jong-un",) == error.suggestions
        assert "did you mean 'kim-jong-un'?" in str(error)
        assert ["iterated"] == asked  # once, however often asked


class TestProblem:
    @pytest.mark.parametrize(
        ("path", "expected"),
        [
            ("", "$.actors[0]"),
            ("$", "$.actors[0]"),
            ("$.kind", "$.actors[0].kind"),
            ("[2]", "$.actors[0][2]"),
            ("aliases[1]", "$.actors[0].aliases[1]"),
        ],
    )
    def test_under(self, path: str, expected: str) -> None:
        """A problem's path is placed under a prefix, keeping its message."""
        assert Problem(expected, "m") == Problem(path, "m").under("$.actors[0]")

    @pytest.mark.parametrize(
        ("problem", "text"),
        [
            (Problem("$.id", "expected an id"), "$.id: expected an id"),
            (Problem("", "expected an id"), "expected an id"),
        ],
    )
    def test_str(self, problem: Problem, text: str) -> None:
        """A problem reads as its path, a colon and its message."""
        assert text == str(problem)


class TestSlugShape:
    @settings(max_examples=300, deadline=None)
    @given(st.text(alphabet="ab09-_A \u00e9", max_size=8))
    def test_is_slug_matches_pattern(self, text: str) -> None:
        """The fast id test agrees with the pattern DESIGN gives for ids."""
        pattern = re.compile(_validators.SLUG_PATTERN + r"\Z")
        assert bool(pattern.match(text)) == _validators.is_slug(text)
