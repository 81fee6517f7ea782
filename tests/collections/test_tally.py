"""Tallies: alternatives of one quantity combined, distinct quantities added."""

from __future__ import annotations

import attrs
from hypothesis import given
from hypothesis import strategies as st

from conflictbrief import Brief, Estimate, Tally
from contracts import brief, figure
from strategies import briefs, estimates


def _tally_of(*counts: Estimate, **changes: object) -> Tally | None:
    """The troop tally of a brief with one figure per count, of one quantity."""
    figures = [
        figure(id=f"f{i}", count=c, side="north-korea", **changes)
        for i, c in enumerate(counts)
    ]
    return brief(figures=figures).tally("troops")


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

    def test_distinct_quantities_add(self) -> None:
        """Figures of different sides are different quantities, and add."""
        b = brief(
            figures=[
                figure(id="f1", count=Estimate(best=10), side="north-korea"),
                figure(id="f2", count=Estimate(best=5), side="russia"),
            ]
        )
        tally = b.tally("troops")
        assert tally is not None
        assert (Estimate(best=15), ["north-korea", "russia"]) == (
            tally.estimate,
            [p.side for p in tally.parts],
        )

    def test_filters(self) -> None:
        """side, kind and during choose the figures tallied; None if none."""
        b = brief(figures=[figure(count=Estimate(best=10), side="north-korea")])
        assert b.tally("troops", side="russia") is None
        assert b.tally("killed") is None
        assert b.tally("troops", during="2023") is None
        assert b.tally("troops", side="north-korea", during="2024") is not None

    @given(st.lists(estimates(), min_size=1, max_size=4))
    def test_alternatives_never_added(self, counts: list[Estimate]) -> None:
        """A tally of n alternatives of one quantity is their combined range."""
        tally = _tally_of(*counts)
        assert tally is not None
        assert Estimate.combine(counts) == tally.estimate

    @given(briefs())
    def test_never_above_parts(self, b: Brief) -> None:
        """A tally never exceeds the sum of its parts' upper bounds."""
        for kind in {f.kind for f in b.figures}:
            tally = b.tally(kind)
            assert tally is not None
            highs = [p.estimate.interval[1] for p in tally.parts]
            lo, hi = tally.estimate.interval
            if None not in highs:
                assert hi is not None
                assert hi <= sum(h for h in highs if h is not None)
            assert sum(p.estimate.interval[0] for p in tally.parts) == lo

    def test_frozen(self) -> None:
        """A tally is a value: it cannot be changed in place."""
        tally = _tally_of(Estimate(best=1))
        assert tally is not None
        assert tally == attrs.evolve(tally)
