"""Records: a brief's collections, looked up by id or name, iterated and compared."""

from __future__ import annotations

import copy
import pickle
from datetime import date

import attrs
import pytest
from hypothesis import given

from conflictbrief import (
    Actor,
    Brief,
    ConflictBriefError,
    Records,
    UnknownIdError,
    ValidationError,
)
from contracts import ACTORS, actor, brief, briefly, source
from query_brief import BRIEF, ids
from strategies import briefs


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
            assert other.actors._root.brief is other
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


class TestNamed:
    def test_name_any_case(self) -> None:
        """named() finds an actor by name, in any case."""
        assert BRIEF.actors["kim"] == BRIEF.actors.named("kim JONG un")

    def test_alias(self) -> None:
        """named() finds an actor by alias."""
        assert BRIEF.actors["north-korea"] == BRIEF.actors.named("dprk")

    def test_places(self) -> None:
        """named() works on places too."""
        assert BRIEF.places["vatican"] == BRIEF.places.named("Vatican City")

    def test_unknown_name(self) -> None:
        """An unknown name raises, suggesting close names."""
        with pytest.raises(
            UnknownIdError, match=r"name 'Kim Jung Un'; did you mean 'Kim Jong Un'"
        ):
            BRIEF.actors.named("Kim Jung Un")

    def test_ambiguous(self) -> None:
        """A name shared by two actors is refused, naming both."""
        twins = attrs.evolve(
            BRIEF,
            actors=[
                *BRIEF.actors,
                Actor(id="kim-2", name="Kim Jong Un", kind="person"),
            ],
        )
        with pytest.raises(ValidationError, match=r"names 2 actors \('kim', 'kim-2'\)"):
            twins.actors.named("Kim Jong Un")

    def test_only_actors_and_places(self) -> None:
        """named() is refused on collections without names."""
        with pytest.raises(TypeError, match="not statements"):
            BRIEF.statements.named("x")  # type: ignore[misc]


class TestMembers:
    def test_transitive(self) -> None:
        """members() includes the actor and all parts of it at any depth."""
        assert ["ukraine", "ukr-military", "sof"] == ids(
            BRIEF.actors.members("ukraine")
        )

    def test_record(self) -> None:
        """members() takes the actor object too."""
        russia = BRIEF.actors["russia"]
        assert ["russia", "putin"] == ids(BRIEF.actors.members(russia))

    def test_unknown(self) -> None:
        """An unknown actor raises UnknownIdError."""
        with pytest.raises(UnknownIdError, match="'ukrain'"):
            BRIEF.actors.members("ukrain")

    def test_only_actors(self) -> None:
        """members() is refused on other collections."""
        with pytest.raises(TypeError, match="not places"):
            BRIEF.places.members("kursk")  # type: ignore[misc]


class TestViews:
    def test_named_within_view(self) -> None:
        """named() on a filtered collection finds only its own records."""
        people = BRIEF.actors.where(kind="person")
        assert BRIEF.actors["kim"] == people.named("Kim Jong Un")
        with pytest.raises(UnknownIdError, match="name 'KCNA'"):
            people.named("KCNA")

    def test_members_within_view(self) -> None:
        """members() on a filtered collection keeps only its own records."""
        forces = BRIEF.actors.where(kind="armed_force")
        assert ["ukr-military", "sof"] == ids(forces.members("ukraine"))

    def test_chain_from_large_view(self) -> None:
        """A view filtered again by a selective index keeps only its own records."""
        view = BRIEF.statements.where(during="2025")
        assert ["praise"] == ids(view.where(speaker="kim"))
        assert [] == ids(view.where(speaker=None))
        assert ["estimate"] == ids(BRIEF.statements.where(speaker=None))

    def test_list_field_none_with_another_filter(self) -> None:
        """None on a list field also matches when another filter leads."""
        found = BRIEF.statements.where(speaker=["sof", "kim"], about=None)
        assert ["raid"] == ids(found)
        found = BRIEF.statements.where(
            speaker=["sof", "kim"], about=[None, "north-korea"]
        )
        assert ["praise", "raid"] == ids(found)
