"""The indexes behind Records.where, against the plain definitions they answer."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conflictbrief._base.index import OPEN_START, UNBOUNDED, DateIndex, Question

QUESTIONS = ("overlapping", "within", "covering")


def meets(question: str, first: int, last: int, start: int, end: int) -> bool:
    """Whether the interval start..end meets first..last as *question* asks."""
    if start > end:  # an empty window
        return False
    if question == "within":
        return first <= start and end <= last
    if question == "covering":
        return start <= first and last <= end
    return start <= last and end >= first


@st.composite
def intervals(draw: st.DrawFn) -> tuple[int, int]:
    """Day intervals: short, long, empty (end before start), without start or end."""
    start = draw(st.integers(1, 60) | st.just(OPEN_START))
    end = draw(
        st.one_of(
            st.integers(start, start + 5),
            st.integers(start, start + 60),
            st.integers(start + 300, start + 7000),  # past a year, or sixteen
            st.integers(0, start - 1) if start > 1 else st.just(0),
            st.just(UNBOUNDED),
        )
    )
    return start, end


class TestDateIndex:
    @settings(max_examples=300, deadline=None)
    @given(
        st.lists(intervals(), max_size=30),
        st.data(),
        st.sampled_from(QUESTIONS),
        st.integers(1, 70),
        st.one_of(st.integers(0, 30), st.integers(0, 3000)),
    )
    def test_find_and_keep(
        self,
        spans: list[tuple[int, int]],
        data: st.DataObject,
        question: Question,
        first: int,
        length: int,
    ) -> None:
        """find() and keep(), on all records or a subset, match the definition."""
        # Queries with an open start or end, as open date spans ask.
        if data.draw(st.booleans()):
            first = OPEN_START
        last = UNBOUNDED if data.draw(st.booleans()) else first + length
        firsts = [s for s, _ in spans]
        lasts = [e for _, e in spans]
        subset = sorted(
            data.draw(st.sets(st.integers(0, max(len(spans) - 1, 0)), max_size=10))
            if spans
            else ()
        )
        whole = DateIndex(firsts, lasts)
        part = whole.subset(subset)
        everything = list(range(len(spans)))

        def expected(positions: list[int]) -> list[int]:
            return [
                i
                for i in positions
                if meets(question, first, last, firsts[i], lasts[i])
            ]

        assert expected(everything) == whole.find(question, first, last)
        assert expected(subset) == part.find(question, first, last)
        assert expected(subset) == whole.among(question, subset, first, last)
        # The estimate is an upper bound on the answer to every question.
        assert whole.estimate(first, last) >= len(expected(everything))

    def test_unknown_question(self) -> None:
        """A question the index cannot answer is an error, not another answer."""
        index = DateIndex([1, 5], [3, 9])
        with pytest.raises(ValueError, match="no such question: 'overlaping'"):
            index.find("overlaping", 1, 2)  # type: ignore[arg-type]
        with pytest.raises(ValueError, match="no such question: 'overlaping'"):
            index.among("overlaping", [0, 1], 1, 2)  # type: ignore[arg-type]
