"""matches(): which records of two briefs may be one, from indexes, capped."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from conflictbrief import (
    Actor,
    Brief,
    DateSpan,
    ExternalIds,
    Match,
    ValidationError,
)
from contracts import (
    ACTORS,
    actor,
    brief,
    deployment,
    event,
    figure,
    other,
    place,
    statement,
)

KIM = ACTORS[2]


def ours(**changes: Any) -> Brief:
    """Our brief, with no records but actors and a place, and *changes*."""
    return other(id="b", places=[place(country="russia")], **changes)


def reasons(mine: Brief, theirs: Brief, **asked: Any) -> list[tuple[str, str, str]]:
    """Each match as (collection, our id, their id)."""
    return [(m.collection, m.ours, m.theirs) for m in mine.matches(theirs, **asked)]


class TestNames:
    def test_names(self) -> None:
        """Equal names or aliases, any case, under different ids are listed."""
        theirs = other(
            actors=[*ACTORS[:2], actor(id="kj", name="Kim", aliases=["KIM JONG UN"])],
            places=[place(id="kursk-oblast", name="kursk")],
        )
        expected = (
            Match(
                collection="actors",
                ours="kim",
                theirs="kj",
                reason="same name 'KIM JONG UN'",
            ),
            Match(
                collection="places",
                ours="kursk",
                theirs="kursk-oblast",
                reason="same name 'kursk'",
            ),
        )
        assert expected == brief().matches(theirs)

    def test_identity(self) -> None:
        """Pairs merge unifies by an external id are listed too, as merged."""
        mine = brief(
            actors=[*ACTORS[:2], attrs.evolve(KIM, ids=ExternalIds(wikidata="Q1"))]
        )
        theirs = other(
            actors=[actor(id="kj", name="K", ids=ExternalIds(wikidata="Q1"))]
        )
        expected = (
            Match(
                collection="actors",
                ours="kim",
                theirs="kj",
                reason="same Wikidata id 'Q1'",
                merged=True,
            ),
        )
        assert expected == mine.matches(theirs)

    def test_each_pair_once(self) -> None:
        """A pair with several names in common is listed once, for the first."""
        mine = brief(
            actors=[*ACTORS[:2], attrs.evolve(KIM, aliases=["Kim", "KIM JONG UN"])]
        )
        theirs = other(actors=[actor(id="kj", name="Kim", aliases=["Kim Jong Un"])])
        expected = (
            Match(
                collection="actors", ours="kim", theirs="kj", reason="same name 'Kim'"
            ),
        )
        assert expected == mine.matches(theirs)

    def test_same_id(self) -> None:
        """Records with the same id are not listed: merge joins them already."""
        assert () == brief().matches(brief())

    def test_str(self) -> None:
        """A match reads as both ids and the reason."""
        match = Match(
            collection="actors", ours="kim", theirs="kj", reason="same name 'Kim'"
        )
        assert "actors: their 'kj' and our 'kim' (same name 'Kim')" == str(match)


class TestStatements:
    def test_same_speaker_kind_and_time(self) -> None:
        """The same speaker and kind at overlapping dates: listed, with why."""
        theirs = other(statements=[statement(id="t", speaker="kim", date="2025-04-03")])
        (match,) = ours(statements=[statement(speaker="kim")]).matches(theirs)
        assert "same speaker 'kim' and kind 'claim', dates that overlap" == (
            match.reason
        )
        assert ("s1", "t") == (match.ours, match.theirs)

    @pytest.mark.parametrize(
        "changes",
        [
            {"kind": "deny"},
            {"date": "2025-03"},
            {"speaker": "russia"},
            {"speaker": None},
        ],
    )
    def test_apart(self, changes: dict[str, Any]) -> None:
        """Another kind, time or speaker, or no speaker: not listed."""
        theirs = other(statements=[statement(id="t", **{"speaker": "kim", **changes})])
        assert () == ours(statements=[statement(speaker="kim")]).matches(theirs)

    def test_after_same(self) -> None:
        """References are compared as merge would rewrite them with same=."""
        theirs = other(
            actors=[*ACTORS[:2], actor(id="kj", name="Kim")],
            statements=[statement(id="t", speaker="kj")],
        )
        mine = ours(statements=[statement(speaker="kim")])
        assert [("actors", "kim", "kj")] != reasons(mine, theirs)
        assert [("statements", "s1", "t")] == reasons(mine, theirs, same={"kj": "kim"})


class TestDeployments:
    def test_same_route_and_time(self) -> None:
        """The same sender and host, arriving at overlapping times: listed."""
        theirs = other(deployments=[deployment(id="d2", date="2024-23")])
        (match,) = ours(deployments=[deployment()]).matches(theirs)
        assert (
            "same sender 'north-korea' and host 'russia', arrival dates that overlap"
        ) == match.reason

    @pytest.mark.parametrize(
        "changes",
        [{"date": "2025-03"}, {"host": "north-korea", "sender": "russia"}],
    )
    def test_apart(self, changes: dict[str, Any]) -> None:
        """Another time or route: not listed."""
        theirs = other(deployments=[deployment(id="d2", **changes)])
        assert () == ours(deployments=[deployment()]).matches(theirs)

    def test_reinforcing(self) -> None:
        """Their reinforcements of our deployment are not listed as it."""
        theirs = other(deployments=[deployment(), deployment(id="d2", reinforces="d1")])
        mine = ours(deployments=[deployment(), deployment(id="d0", date="2024-10-05")])
        assert [("deployments", "d0", "d2")] == reasons(mine, theirs)

    def test_places_apart(self) -> None:
        """Deployments to places in two countries are not listed."""
        kyiv = place(id="kyiv", name="Kyiv", kind="city", country="ukraine")
        theirs = other(
            actors=[*ACTORS, Actor(id="ukraine", name="Ukraine", kind="state")],
            places=[kyiv],
            deployments=[deployment(id="d2", place="kyiv")],
        )
        assert () == ours(deployments=[deployment(place="kursk")]).matches(theirs)
        near = attrs.evolve(
            theirs,
            places=[place(id="kursk-city", name="Kursk city", kind="city")],
            deployments=[deployment(id="d2", place="kursk-city")],
        )
        assert [("deployments", "d1", "d2")] == reasons(
            ours(deployments=[deployment(place="kursk")]), near
        )


class TestEvents:
    def test_shared_participant(self) -> None:
        """The same kind at overlapping dates with a participant in common."""
        theirs = other(events=[event(id="e2", participants=["russia", "kim"])])
        (match,) = ours(events=[event(participants=["kim"])]).matches(theirs)
        assert (
            "same kind 'meeting', dates that overlap, the same participant 'kim'"
        ) == match.reason

    def test_shared_place(self) -> None:
        """Or a place in common."""
        theirs = other(places=[place()], events=[event(id="e2", place="kursk")])
        (match,) = ours(events=[event(place="kursk")]).matches(theirs)
        assert match.reason.endswith("the same place 'kursk'")

    @pytest.mark.parametrize(
        "changes",
        [
            {"participants": ["russia"]},
            {"kind": "attack"},
            {"date": "2025-04-27"},
        ],
    )
    def test_apart(self, changes: dict[str, Any]) -> None:
        """Nobody in common, another kind or another day: not listed."""
        theirs = other(events=[event(id="e2", **{"participants": ["kim"], **changes})])
        assert () == ours(events=[event(participants=["kim"])]).matches(theirs)


class TestFigures:
    def test_same_deployment(self) -> None:
        """The same kind of the same deployment, sides that overlap: listed."""
        given = {"deployment": "d1", "side": "north-korea"}
        theirs = other(deployments=[deployment()], figures=[figure(id="f2", **given)])
        mine = ours(deployments=[deployment()], figures=[figure(**given)])
        (match,) = mine.matches(theirs)
        assert (
            "same kind 'troops' of the same deployment 'd1', sides that overlap"
        ) == match.reason

    def test_no_deployment(self) -> None:
        """A figure naming no deployment is listed with those of its side's chain."""
        theirs = other(figures=[figure(id="f2", side="kim")])
        mine = ours(
            deployments=[deployment()],
            figures=[figure(side="north-korea", deployment="d1")],
        )
        (match,) = mine.matches(theirs)
        assert (
            "same kind 'troops', sides that overlap under 'north-korea'"
        ) == match.reason

    @pytest.mark.parametrize(
        "changes",
        [{"side": "russia"}, {"kind": "killed"}, {"deployment": "d2"}],
    )
    def test_apart(self, changes: dict[str, Any]) -> None:
        """Separate sides, another kind or another deployment: not listed."""
        given = {"deployment": "d1", "side": "north-korea"}
        theirs = other(
            deployments=[deployment(), deployment(id="d2", date="2025-03")],
            figures=[figure(id="f2", **{**given, **changes})],
        )
        mine = ours(deployments=[deployment()], figures=[figure(**given)])
        assert [] == [m for m in mine.matches(theirs) if m.collection == "figures"]


def crowd(n: int, prefix: str) -> list[Actor]:
    """*n* actors who all go by one alias."""
    return [
        Actor(id=f"{prefix}-{i}", name=f"{prefix} {i}", kind="person", aliases=["X"])
        for i in range(n)
    ]


class TestBounded:
    def test_most_per_record(self) -> None:
        """At most `most` pairs per record of theirs; None gives them all."""
        mine = ours(actors=[*ACTORS, *crowd(30, "a")])
        theirs = other(actors=crowd(20, "b"))
        assert 20 * 10 == len(mine.matches(theirs))
        assert 20 * 3 == len(mine.matches(theirs, most=3))
        assert 20 * 30 == len(mine.matches(theirs, most=None))

    def test_many_sharing_an_alias(self) -> None:
        """10,000 actors on each side sharing an alias give 10 pairs each."""
        mine = ours(actors=[*ACTORS, *crowd(10_000, "a")])
        theirs = other(actors=crowd(10_000, "b"))
        found = mine.matches(theirs)
        assert 100_000 == len(found)
        assert {"same name 'X'"} == {m.reason for m in found}

    @pytest.mark.parametrize("most", [0, -1, 2.5, True, "3"])
    def test_most_refused(self, most: object) -> None:
        """most takes a positive int or None."""
        with pytest.raises(TypeError, match="most takes a positive int or None"):
            brief().matches(brief(), most=most)  # type: ignore[arg-type]

    def test_same_checked(self) -> None:
        """same= names ids of both briefs, as merge checks them."""
        with pytest.raises(ValidationError, match="expected an id that 'other'"):
            brief().matches(other(), same={"nobody": "kim"})

    def test_not_a_brief(self) -> None:
        """matches() refuses anything but a brief."""
        with pytest.raises(TypeError, match="matches\\(\\) takes a Brief, got 1"):
            brief().matches(1)  # type: ignore[arg-type]


START, END = date(2022, 1, 1), date(2025, 4, 28)


@st.composite
def near_spans(draw: st.DrawFn) -> DateSpan:
    """Spans of the three years before the source: days to years, open starts."""
    first = START + timedelta(days=draw(st.integers(0, (END - START).days)))
    length = draw(st.sampled_from([0, 0, 3, 30, 400, 900]))
    last = min(first + timedelta(days=length), END)
    open_start = draw(st.sampled_from([False, False, False, True]))
    return DateSpan(earliest=None if open_start else first, latest=last)


class TestProperties:
    @given(st.lists(near_spans(), max_size=12), st.lists(near_spans(), max_size=12))
    def test_indexes_miss_nothing(
        self, mine: list[DateSpan], theirs: list[DateSpan]
    ) -> None:
        """With no cap, the pairs are exactly those whose dates overlap."""

        def said(spans: list[DateSpan], prefix: str) -> list[Any]:
            return [
                statement(id=f"{prefix}{i}", speaker="kim", date=s)
                for i, s in enumerate(spans)
            ]

        a = ours(statements=said(mine, "a"))
        b = other(statements=said(theirs, "b"))
        expected = [
            (f"a{i}", f"b{j}")
            for j, t in enumerate(theirs)
            for i, s in enumerate(mine)
            if s.overlaps(t)
        ]
        found = [(m.ours, m.theirs) for m in a.matches(b, most=None)]
        assert sorted(expected) == sorted(found)
        assert len(found) == len(set(found))
