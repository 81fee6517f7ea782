"""Estimates: their figures, intervals, sums and wording."""

from __future__ import annotations

from typing import Any, ClassVar

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from conflictbrief import Estimate, Problem
from contracts import ValueObjectContract, problems_of
from strategies import estimates


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


class TestEstimateSum:
    def test_sum(self) -> None:
        """sum() adds estimates as + does."""
        figures = [Estimate(best=1), Estimate(low=2, high=3)]
        assert Estimate(low=3, high=4) == sum(figures)

    def test_other_left_operand(self) -> None:
        """Only sum()'s starting 0 may stand on the left of an estimate."""
        with pytest.raises(TypeError):
            _ = 1 + Estimate(best=1)


class TestEstimateCombine:
    @pytest.mark.parametrize(
        ("alternatives", "text"),
        [
            (
                [
                    Estimate(best=11_000, approximate=True),
                    Estimate(best=12_000, approximate=True),
                ],
                "about 11,000\N{EN DASH}12,000",
            ),
            ([Estimate(best=11_000), Estimate(best=11_000)], "11,000"),
            ([Estimate(low=3_000), Estimate(best=5_000)], "3,000\N{EN DASH}5,000"),
            ([Estimate(low=3_000), Estimate(low=5_000)], "at least 3,000"),
            ([Estimate(high=300), Estimate(best=200)], "at most 300"),
            (
                [Estimate(best=100), Estimate(best=100, approximate=True)],
                "about 100",
            ),
            (
                [Estimate(best=100, low=90, high=120), Estimate(best=100)],
                "100 (90\N{EN DASH}120)",
            ),
        ],
    )
    def test_range_of_alternatives(
        self, alternatives: list[Estimate], text: str
    ) -> None:
        """Alternatives combine into the range they span, never their sum."""
        assert text == str(Estimate.combine(alternatives))

    def test_one_estimate_is_itself(self) -> None:
        """The range of one estimate is that estimate, as given."""
        e = Estimate(best=5, low=5)
        assert e is Estimate.combine(iter([e]))

    def test_nothing_to_combine(self) -> None:
        """Combining no estimates is an error, not an empty count."""
        with pytest.raises(ValueError, match="at least one estimate, got none"):
            Estimate.combine([])

    def test_not_an_estimate(self) -> None:
        """An item that is not an estimate is named in the error."""
        with pytest.raises(TypeError, match=r"got 5 \(int\)"):
            Estimate.combine([Estimate(best=1), 5])  # type: ignore[list-item]

    @given(st.lists(estimates(), min_size=1, max_size=5))
    def test_range_covers_every_alternative(self, alternatives: list[Estimate]) -> None:
        """The range runs from the lowest to the highest of the alternatives."""
        lo, hi = Estimate.combine(alternatives).interval
        highs = [e.interval[1] for e in alternatives]
        expected_hi = (
            max(h for h in highs if h is not None)
            if any(h is not None for h in highs)
            else None
        )
        assert (min(e.interval[0] for e in alternatives), expected_hi) == (lo, hi)

    @given(estimates(), st.integers(2, 5))
    def test_copies_are_not_added(self, e: Estimate, n: int) -> None:
        """n copies of one estimate combine into its interval, not n times it."""
        assert e.interval == Estimate.combine([e] * n).interval
