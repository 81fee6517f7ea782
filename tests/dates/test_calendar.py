"""Calendar arithmetic: month ends and season spans."""

from __future__ import annotations

from datetime import date

import pytest

from conflictbrief.dates._calendar import month_end, season_span


class TestMonthEnd:
    @pytest.mark.parametrize(
        ("year", "month", "expected"),
        [
            (2024, 2, date(2024, 2, 29)),
            (2025, 2, date(2025, 2, 28)),
            (2000, 2, date(2000, 2, 29)),
            (2025, 1, date(2025, 1, 31)),
            (1900, 2, date(1900, 2, 28)),
            (2025, 4, date(2025, 4, 30)),
            (9999, 12, date(9999, 12, 31)),
        ],
    )
    def test_last_day(self, year: int, month: int, expected: date) -> None:
        """The last day of a month follows the leap-year rules."""
        assert expected == month_end(year, month)


class TestSeasonSpan:
    @pytest.mark.parametrize(
        ("code", "expected"),
        [
            (21, (date(2024, 3, 1), date(2024, 5, 31))),
            (22, (date(2024, 6, 1), date(2024, 8, 31))),
            (23, (date(2024, 9, 1), date(2024, 11, 30))),
            (24, (date(2024, 12, 1), date(2025, 2, 28))),
            (25, (date(2024, 3, 1), date(2024, 5, 31))),
            (28, (date(2024, 12, 1), date(2025, 2, 28))),
            (29, (date(2024, 9, 1), date(2024, 11, 30))),
            (30, (date(2024, 12, 1), date(2025, 2, 28))),
            (31, (date(2024, 3, 1), date(2024, 5, 31))),
            (32, (date(2024, 6, 1), date(2024, 8, 31))),
        ],
    )
    def test_meteorological(self, code: int, expected: tuple[date, date]) -> None:
        """Seasons are meteorological; southern ones are northern ones moved."""
        assert expected == season_span(2024, code)

    def test_winter_reaches_leap_day(self) -> None:
        """A winter ending in a leap year ends on 29 February."""
        assert date(2024, 2, 29) == season_span(2023, 24)[1]
