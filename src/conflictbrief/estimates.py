"""Counts as low/best/high estimates, the way reports give them."""

import itertools
from collections.abc import Iterable
from typing import Any

import attrs

from ._base.repr import model_repr
from ._base.sealed import sealed
from ._validators import check_count, check_flag
from .errors import ValidationError

__all__ = ["MAX_COUNT", "Estimate"]

MAX_COUNT = 2**63 - 1
"""The largest count a `Figure` may give: 9,223,372,036,854,775,807.

It is the largest whole number every export holds (a signed 64-bit integer in
SQLite, Parquet and pandas). An estimate alone may be larger, as a sum of
figures may; a figure giving more is refused on load with its path.
"""


def _check_figures(
    est: "Estimate", _: "attrs.Attribute[Any]", high: int | None
) -> None:
    if est.best is None and est.low is None and high is None:
        raise ValidationError.at("", "expected at least one of best, low and high")
    order = [(n, v) for n, v in (("low", est.low), ("best", est.best), ("high", high))]
    given = [(n, v) for n, v in order if v is not None]
    for (n1, v1), (n2, v2) in itertools.pairwise(given):
        if v1 > v2:
            raise ValidationError.at(
                n2, f"expected {n2} to be at least {n1} ({v1:,}), got {v2:,}"
            )


@attrs.frozen(kw_only=True, weakref_slot=False, repr=False)
@sealed
class Estimate:
    """A count as a report gives it: a figure, bounds, or both.

    Read as an interval, an estimate runs from *low* (else *best*, else 0) to
    *high* (else *best*, else unbounded): ``Estimate(low=3000)`` is "at least
    3,000". Adding estimates adds their intervals; the sum keeps a *best* only
    when every term has one, and is approximate when any term is. Estimates of
    one quantity are never added: `combine` gives the range they span.

    >>> str(Estimate(best=11_000, approximate=True))
    'about 11,000'

    Attributes:
        best: The figure given, if any.
        low: A lower bound, if one is given.
        high: An upper bound, if one is given.
        approximate: Whether the source hedges the figure ("roughly",
            "about").
    """

    __repr__ = model_repr

    # The maximum is what a figure's count may be: the JSON Schema states
    # it, and `Figure` checks it (`check_counted`).
    best: int | None = attrs.field(
        default=None, validator=check_count, metadata={"maximum": MAX_COUNT}
    )
    low: int | None = attrs.field(
        default=None, validator=check_count, metadata={"maximum": MAX_COUNT}
    )
    high: int | None = attrs.field(
        default=None,
        validator=[check_count, _check_figures],
        metadata={"maximum": MAX_COUNT},
    )
    approximate: bool = attrs.field(default=False, validator=check_flag)

    @property
    def interval(self) -> tuple[int, int | None]:
        """The smallest and largest counts meant; None for no upper bound."""
        low = self.low if self.low is not None else self.best
        high = self.high if self.high is not None else self.best
        return (0 if low is None else low, high)

    def __add__(self, other: "Estimate") -> "Estimate":
        if not isinstance(other, Estimate):
            return NotImplemented
        (a_lo, a_hi), (b_lo, b_hi) = self.interval, other.interval
        high = None if a_hi is None or b_hi is None else a_hi + b_hi
        best = (
            None if self.best is None or other.best is None else self.best + other.best
        )
        return _from_interval(
            best, a_lo + b_lo, high, approximate=self.approximate or other.approximate
        )

    @classmethod
    def combine(cls, estimates: Iterable["Estimate"]) -> "Estimate":
        """Return the range that alternative estimates of one quantity span.

        Alternatives (from different estimators, sources or days) are never
        added: the result runs from the lowest lower bound to the highest
        upper bound. An "at least" figure widens it downward, and leaves it
        unbounded only when no alternative gives an upper figure. *best* is
        kept only when every alternative gives the same one; the result is
        approximate when any alternative is.

        >>> a = Estimate(best=11_000, approximate=True)
        >>> str(Estimate.combine([a, Estimate(best=12_000, approximate=True)]))
        'about 11,000\N{EN DASH}12,000'

        Raises:
            TypeError: An item is not an `Estimate`.
            ValueError: *estimates* is empty.
        """
        given = tuple(estimates)
        for e in given:
            if type(e) is not cls:
                raise TypeError(
                    f"combine() takes estimates, got {e!r} ({type(e).__name__})"
                )
        if not given:
            raise ValueError("combine() takes at least one estimate, got none")
        if len(given) == 1:
            return given[0]
        intervals = [e.interval for e in given]
        highs = [hi for _, hi in intervals if hi is not None]
        bests = {e.best for e in given}
        return _from_interval(
            bests.pop() if len(bests) == 1 else None,
            min(lo for lo, _ in intervals),
            max(highs) if highs else None,
            approximate=any(e.approximate for e in given),
        )

    def __radd__(self, other: int) -> "Estimate":
        # sum() starts from 0; any other left operand is not an estimate.
        if other == 0 and type(other) is int:
            return self
        return NotImplemented

    def __str__(self) -> str:
        # "about" qualifies the figure given: the best one, else the bounds.
        about = "about " if self.approximate else ""
        if self.best is not None:
            bounds = self._bounds("")
            return f"{about}{self.best:,}" + (f" ({bounds})" if bounds else "")
        return self._bounds(about)

    def _bounds(self, about: str) -> str:
        if self.low is not None and self.high is not None:
            return f"{about}{self.low:,}\N{EN DASH}{self.high:,}"
        if self.low is not None:
            return f"at least {about}{self.low:,}"
        if self.high is not None:
            return f"at most {about}{self.high:,}"
        return ""


def _from_interval(
    best: int | None, low: int, high: int | None, *, approximate: bool
) -> Estimate:
    """The estimate of *best* within *low*..*high*, giving only bounds that add.

    A bound equal to *best* says nothing more, and a lower bound of 0 says
    nothing beside an upper one.
    """
    implied_low = 0 if best is None else best
    return Estimate(
        best=best,
        low=low if low != implied_low or (best is None and high is None) else None,
        high=None if high == best else high,
        approximate=approximate,
    )


def check_counted(_: object, a: "attrs.Attribute[Any]", value: Estimate) -> None:
    """Require a figure's *value* to give no count above `MAX_COUNT`."""
    for name in ("low", "best", "high"):
        given = getattr(value, name)
        if given is not None and given > MAX_COUNT:
            raise ValidationError.at(
                f"{a.name}.{name}",
                f"expected a count of at most {MAX_COUNT:,}, the most every "
                f"export holds, got {given:,}",
            )
