"""The calendar facts that dates are read and said with: months, seasons, words.

Shared by `conflictbrief.dates` (EDTF spans) and the phrase resolver; it
imports nothing of the package.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

Hemisphere = Literal["north", "south"]
"""Whose seasons spring to winter name: the southern ones are six months on."""

Direction = Literal["back", "forward"]
"""Which way a phrase that can look either way is read from its reference."""

# EDTF season codes: 21-24 are the level-1 seasons, read as meteorological
# northern seasons; 25-28 are the level-2 northern and 29-32 the southern ones.
# The value is the month the season starts in; winter (and the southern
# summer) runs from December of the year into February of the next.
SEASON_START = {
    21: 3, 22: 6, 23: 9, 24: 12,
    25: 3, 26: 6, 27: 9, 28: 12,
    29: 9, 30: 12, 31: 3, 32: 6,
}  # fmt: skip
NORTHERN_CODE = {3: 21, 6: 22, 9: 23, 12: 24}
"""The level-1 season code of the northern season starting in each month."""

MONTH_WORDS = (
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
)  # fmt: skip
SEASON_WORDS = {3: "spring", 6: "summer", 9: "autumn", 12: "winter"}
"""The name of the northern season starting in each month."""


def month_end(year: int, month: int) -> date:
    """Return the last day of a month.

    Args:
        year: The year, 1 to 9999.
        month: The month, 1 to 12.

    Returns:
        The month's last day, leap years included.
    """
    # The day before the next month's first; the calendar module would cost
    # import time (it imports locale).
    if month == 12:
        return date(year, 12, 31)
    return date.fromordinal(date(year, month + 1, 1).toordinal() - 1)


def season_span(year: int, code: int) -> tuple[date, date]:
    """Return the first and last day of an EDTF season.

    Args:
        year: The year the season starts in.
        code: The EDTF season code, 21 to 32.

    Returns:
        The season's first and last day; a season starting in December ends
        at the end of February of the next year.
    """
    start = SEASON_START[code]
    if start == 12:
        return date(year, 12, 1), month_end(year + 1, 2)
    return date(year, start, 1), month_end(year, start + 2)


def year_text(year: int) -> str:
    """Return *year* as EDTF writes it: four digits."""
    return f"{year:04d}"


def decade_of(year: int) -> tuple[int, int]:
    """Return the first and last year of the decade (``202X``) holding *year*.

    The decade of years 1 to 9 starts at 0, which is no year: EDTF's ``000X``
    would include year 0, so that decade is neither read nor written.
    """
    first = year - year % 10
    return first, first + 9


def day_words(day: date) -> str:
    """Return *day* in words: "28 April 2025"."""
    return f"{day.day} {MONTH_WORDS[day.month - 1]} {day.year}"
