"""Tallies: what may count the same people is combined, only the distinct added."""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from conflictbrief import Actor, Brief, Estimate, Figure, Place, Tally, ValidationError
from contracts import ACTORS, brief, briefly, deployment, event, figure, place
from strategies import briefs, estimates

FORCES = Actor(id="nk-forces", name="North Korean forces", kind="armed_force")
"""A force that is part of North Korea."""

UKRAINE = Actor(id="ukraine", name="Ukraine", kind="state")


def _tally_of(*counts: Estimate, **changes: object) -> Tally | None:
    """The troop tally of a brief with one figure per count, of one quantity."""
    figures = [
        figure(id=f"f{i}", count=c, side="north-korea", **changes)
        for i, c in enumerate(counts)
    ]
    return brief(figures=figures).tally("troops")


def _two(first: dict[str, Any], second: dict[str, Any], **fields: Any) -> Tally:
    """The troop tally of 10 troops as *first* says and 5 as *second* says."""
    b = brief(
        actors=[*ACTORS, FORCES, UKRAINE],
        figures=[
            figure(id="f1", count=Estimate(best=10), **first),
            figure(id="f2", count=Estimate(best=5), **second),
        ],
        **fields,
    )
    tally = b.tally("troops")
    assert tally is not None
    return tally


def _high(e: Estimate) -> int | None:
    return e.interval[1]


class TestTally:
    def test_alternatives_combined(self) -> None:
        """Two sources' estimates of one force give their range, not their sum."""
        tally = _tally_of(
            Estimate(best=11_000, approximate=True),
            Estimate(best=12_000, approximate=True),
        )
        assert tally is not None
        assert "about 11,000\N{EN DASH}12,000" == str(tally.estimate)
        assert 1 == len(tally.parts)

    def test_names_who_gave_each(self) -> None:
        """str names every estimate with its actors, else its source's title."""
        b = brief(
            figures=[
                figure(id="f1", count=Estimate(best=10), by=["kim"]),
                figure(id="f2", count=Estimate(best=12)),
            ]
        )
        expected = "10\N{EN DASH}12 (10: Kim Jong Un; 12: KCNA)"
        assert expected == str(b.tally("troops"))

    def test_filters(self) -> None:
        """side, kind and during choose the figures tallied; None if none."""
        b = brief(figures=[figure(count=Estimate(best=10), side="north-korea")])
        assert b.tally("troops", side="russia") is None
        assert b.tally("killed") is None
        assert b.tally("troops", during="2023") is None
        assert b.tally("troops", side="north-korea", during="2024") is not None

    def test_side_counts_its_members(self) -> None:
        """A side's tally counts the figures of the actors part of it."""
        b = brief(
            actors=[*ACTORS, attrs.evolve(FORCES, part_of="north-korea")],
            figures=[
                figure(id="f1", count=Estimate(best=10), side="north-korea"),
                figure(id="f2", count=Estimate(best=5), side="nk-forces"),
            ],
        )
        asked = b.tally("troops", side="north-korea")
        assert asked is not None
        assert (2, "5\N{EN DASH}10") == (len(asked.figures), str(asked.estimate))
        forces = b.tally("troops", side="nk-forces")
        assert forces is not None
        assert ["f2"] == [f.id for f in forces.figures]


class TestDistinct:
    """Each way the brief shows two figures count different people."""

    @pytest.mark.parametrize(
        ("first", "second", "reason"),
        [
            (
                {"side": "north-korea"},
                {"side": "russia"},
                "sides 'north-korea' and 'russia' are separate",
            ),
            (
                {"side": "north-korea", "event": "e1"},
                {"side": "north-korea", "event": "e2"},
                "events 'e1' and 'e2' are different events",
            ),
        ],
    )
    def test_sides_and_events(
        self, first: dict[str, Any], second: dict[str, Any], reason: str
    ) -> None:
        """Separate sides, or different events, add; the part says why."""
        tally = _two(first, second, events=[event(), event(id="e2")])
        assert (Estimate(best=15), ["", reason]) == (
            tally.estimate,
            [p.reason for p in tally.parts],
        )

    @pytest.mark.parametrize(
        ("second", "places", "reason"),
        [
            ({"reinforces": "d1", "date": "2025-01"}, [], "'d2' reinforces 'd1'"),
            ({"sender": "russia", "host": "north-korea"}, [], "separate senders"),
            ({"date": "2025-02"}, [], "arrived at different times"),
            (
                {"place": "pyongyang"},
                [place(id="pyongyang", name="Pyongyang", country="north-korea")],
                "are in different places",
            ),
            (
                {"place": "moscow"},
                [
                    place(id="moscow", name="Moscow", kind="city", country="russia"),
                    place(id="kursk", name="Kursk", kind="city", country="russia"),
                ],
                "are in different places",
            ),
            ({"unit": "ukraine"}, [], "are of separate units"),
        ],
    )
    def test_deployments_known_apart(
        self, second: dict[str, Any], places: list[Place], reason: str
    ) -> None:
        """Deployments known to be different add their figures: two cities or
        two countries are apart, a region and a city of its country may not be.
        """
        held = {p.id: p for p in [place(country="russia"), *places]}
        d1 = deployment(place="kursk", unit="nk-forces")
        d2 = deployment(id="d2", **{"place": "kursk", "unit": "nk-forces", **second})
        b = brief(
            actors=[*ACTORS, FORCES, UKRAINE],
            places=list(held.values()),
            deployments=[d1, d2],
            figures=[
                figure(id="f1", count=Estimate(best=10), deployment="d1"),
                figure(id="f2", count=Estimate(best=5), deployment="d2"),
            ],
        )
        tally = b.tally("troops")
        assert tally is not None
        assert Estimate(best=15) == tally.estimate
        assert reason in tally.parts[1].reason

    @pytest.mark.parametrize(
        "second",
        [
            {},  # the same deployment, told again
            {"date": "2024"},  # a vaguer date that may be the same arrival
            {"place": "russia-country"},  # the country holding Kursk
            {"unit": "north-korea"},  # the state, of which the unit is part
        ],
    )
    def test_deployments_that_may_be_one(self, second: dict[str, Any]) -> None:
        """Two deployment ids that may send the same troops are combined."""
        d1 = deployment(place="kursk", unit="nk-forces")
        d2 = deployment(id="d2", **{"place": "kursk", "unit": "nk-forces", **second})
        country = place(id="russia-country", name="Russia", kind="country")
        b = brief(
            actors=[*ACTORS, attrs.evolve(FORCES, part_of="north-korea")],
            places=[place(country="russia"), attrs.evolve(country, country="russia")],
            deployments=[d1, d2],
            figures=[
                figure(id="f1", count=Estimate(best=10), deployment="d1"),
                figure(id="f2", count=Estimate(best=5), deployment="d2"),
            ],
        )
        tally = b.tally("troops")
        assert tally is not None
        assert ("5\N{EN DASH}10", 1) == (str(tally.estimate), len(tally.parts))

    @pytest.mark.parametrize(
        "second",
        [
            {"side": "north-korea"},  # no deployment: may be the deployment's
            {"side": "nk-forces", "deployment": "d1"},  # a part of the side
            {},  # no side at all
        ],
    )
    def test_may_be_the_same(self, second: dict[str, Any]) -> None:
        """Figures that the brief does not show apart are combined."""
        b = brief(
            actors=[*ACTORS, attrs.evolve(FORCES, part_of="north-korea")],
            figures=[
                figure(
                    id="f1",
                    count=Estimate(best=10),
                    side="north-korea",
                    deployment="d1",
                ),
                figure(id="f2", count=Estimate(best=5), **second),
            ],
        )
        tally = b.tally("troops")
        assert tally is not None
        assert ("5\N{EN DASH}10", ("", "")) == (
            str(tally.estimate),
            tuple(p.reason for p in tally.parts) + ("",) * (2 - len(tally.parts)),
        )

    def test_a_vague_figure_joins_what_it_may_cover(self) -> None:
        """A figure with no deployment joins every deployment's of its side."""
        b = brief(
            deployments=[deployment(), deployment(id="d2", reinforces="d1")],
            figures=[
                figure(id="f1", count=Estimate(best=10), deployment="d1"),
                figure(id="f2", count=Estimate(best=4), deployment="d2"),
                figure(id="f3", count=Estimate(best=12), side="north-korea"),
            ],
        )
        tally = b.tally("troops")
        assert tally is not None
        assert ("4\N{EN DASH}12", ["f1", "f2", "f3"]) == (
            str(tally.estimate),
            [f.id for f in tally.figures],
        )


class TestTroops:
    def test_same_as_the_tally_of_the_deployments(self) -> None:
        """troops() is the troop tally of the matching deployments' figures."""
        b = brief(
            deployments=[deployment(), deployment(id="d2", date="2024")],
            figures=[
                figure(id="f1", count=Estimate(best=10), deployment="d1"),
                figure(id="f2", count=Estimate(best=18), deployment="d2"),
            ],
        )
        tally = b.tally("troops", deployment=b.deployments.where(host="russia"))
        assert tally is not None
        troops = b.troops(sender="north-korea", host="russia")
        assert (Estimate(low=10, high=18), troops) == (tally.estimate, troops)


def _figures(b: Brief) -> list[tuple[Figure, int]]:
    """Each figure of *b*, with the index of the tally part holding it."""
    out = []
    for kind in dict.fromkeys(f.kind for f in b.figures):
        tally = b.tally(kind)
        assert tally is not None
        out += [(f, i) for i, p in enumerate(tally.parts) for f in p.figures]
    return out


class TestProperties:
    @given(st.lists(estimates(), min_size=1, max_size=4))
    def test_alternatives_never_added(self, counts: list[Estimate]) -> None:
        """A tally of n alternatives of one quantity is their combined range."""
        tally = _tally_of(*counts)
        assert tally is not None
        assert Estimate.combine(counts) == tally.estimate

    @briefly
    @given(briefs())
    def test_parts_add_to_the_total(self, b: Brief) -> None:
        """A tally's bounds are the sums of its parts' bounds."""
        for kind in {f.kind for f in b.figures}:
            tally = b.tally(kind)
            assert tally is not None
            lows, highs = zip(*(p.estimate.interval for p in tally.parts), strict=True)
            lo, hi = tally.estimate.interval
            assert sum(lows) == lo
            assert hi == (None if None in highs else sum(highs))

    @briefly
    @given(briefs())
    def test_only_what_differs_is_added(self, b: Brief) -> None:
        """Figures in different parts differ in side, event or deployment."""
        held = _figures(b)
        for f, i in held:
            for g, j in held:
                if i != j and f.kind is g.kind:
                    assert any(
                        x is not None and y is not None and x != y
                        for x, y in (
                            (f.side, g.side),
                            (f.event, g.event),
                            (f.deployment, g.deployment),
                        )
                    )

    @briefly
    @given(briefs(least={"figures": 1}), estimates(), st.booleans())
    def test_a_possible_duplicate_never_adds(
        self, b: Brief, count: Estimate, vague: bool
    ) -> None:
        """A figure that may be one already held raises the upper bound by no
        more than it exceeds that figure."""
        held = b.figures.first()
        assert held is not None
        twin = attrs.evolve(held, id="twin-figure", count=count)
        if vague:
            twin = attrs.evolve(twin, deployment=None, event=None, side=None)
        before = b.tally(held.kind)
        after = b.extend(figures=[twin]).tally(held.kind)
        assert before is not None
        assert after is not None
        old, new = _high(before.estimate), _high(after.estimate)
        mine, theirs = _high(held.count), _high(count)
        if None not in (old, new, mine, theirs):
            assert new <= old + max(0, theirs - mine)  # type: ignore[operator]

    @briefly
    @given(briefs(least={"figures": 1}))
    def test_a_second_copy_counts_nothing(self, b: Brief) -> None:
        """Every figure given again under a new id, as a second report would,
        leaves every tally as it was: nothing is counted twice."""
        copies = [attrs.evolve(f, id=f"copy-{f.id}") for f in b.figures]
        twice = b.merge(attrs.evolve(b, id="second", figures=copies))
        for kind in {f.kind for f in b.figures}:
            once, again = b.tally(kind), twice.tally(kind)
            assert once is not None
            assert again is not None
            assert once.estimate.interval == again.estimate.interval

    @briefly
    @given(briefs(max_records=3), briefs(max_records=3))
    def test_merge_adds_at_most_both(self, a: Brief, b: Brief) -> None:
        """A tally of a merge never exceeds the two briefs' tallies added."""
        try:
            merged = a.merge(b)
        except ValidationError:
            assume(False)
            raise
        for kind in {f.kind for f in merged.figures}:
            tally = merged.tally(kind)
            assert tally is not None
            highs = [
                t.estimate.interval[1] for t in (a.tally(kind), b.tally(kind)) if t
            ]
            if None not in highs and tally.estimate.interval[1] is not None:
                assert tally.estimate.interval[1] <= sum(highs)  # type: ignore[arg-type]

    @briefly
    @given(briefs())
    def test_troops_is_the_troop_tally(self, b: Brief) -> None:
        """troops() equals the tally of the same deployments' troop figures."""
        for d in b.deployments:
            chosen = b.deployments.where(sender=d.sender, host=d.host)
            tally = b.tally("troops", deployment=chosen)
            expected = None if tally is None else tally.estimate
            assert expected == b.troops(sender=d.sender, host=d.host)

    def test_frozen(self) -> None:
        """A tally is a value: it cannot be changed in place."""
        tally = _tally_of(Estimate(best=1))
        assert tally is not None
        assert tally == attrs.evolve(tally)
