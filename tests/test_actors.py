"""Actors and places, with the identifiers that name them elsewhere."""

from __future__ import annotations

from typing import Any, ClassVar

import attrs
import pytest
from hypothesis import given

from conflictbrief import Actor, ActorKind, ExternalIds, Place, PlaceKind, Problem
from contracts import (
    ACTOR_KINDS,
    SLUG,
    ValueObjectContract,
    actor,
    kinds_of,
    optional_ref_slug,
    place,
    problems_of,
)
from strategies import external_ids


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
                f"expected {optional_ref_slug('an actor')}, got 'North Korea' (str)",
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
                f"expected one of {kinds_of(PlaceKind)}, got 'town' (str)",
            ),
            (
                {"country": "Russia"},
                "country",
                f"expected {optional_ref_slug('an actor')}, got 'Russia' (str)",
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
