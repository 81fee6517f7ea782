"""Written dates in phrases ("April 28", "4/28/25"), read with python-dateutil."""

from __future__ import annotations

import re
from datetime import date, datetime

import dateutil.parser

from ._calendar import MONTH_WORDS
from ._parts import (
    MONTHS,
    Options,
    Reading,
    Refusal,
    days,
    looked,
    month_name,
    month_of,
    nearest_day,
    year_of,
)

_WORDS_IN_DATES = frozenset({"of", "st", "nd", "rd", "th"})


class _DateInfo(dateutil.parser.parserinfo):
    """English date words, with two-digit years read around the reference."""

    def __init__(self, *, dayfirst: bool, reference_year: int) -> None:
        super().__init__(dayfirst=dayfirst)
        self.reference_year = reference_year

    def convertyear(self, year: int, century_specified: bool = False) -> int:  # noqa: FBT001, FBT002
        """Read a two-digit year as the one within 50 years of the reference."""
        if century_specified or year >= 100:
            return year
        year += self.reference_year - self.reference_year % 100
        if year >= self.reference_year + 50:
            return year - 100
        if year < self.reference_year - 50:
            return year + 100
        return year


# Two defaults that differ in every field: a field of the parsed result that
# is equal under both was written in the phrase.
_DEFAULTS = (datetime(2000, 1, 1), datetime(2004, 2, 2, 1, 1, 1, 1))  # noqa: DTZ001


def written(text: str, ref: date, options: Options) -> Reading | None:
    """Read a written date with dateutil, or None if *text* is not one."""
    words = set(re.findall(r"[a-z]+", text))
    if not words <= _WORDS_IN_DATES | MONTHS.keys() or not re.search("[0-9]", text):
        return None
    dayfirst = options.dayfirst
    info = _DateInfo(dayfirst=dayfirst, reference_year=ref.year)
    try:
        one, two = (
            dateutil.parser.parse(text, info, default=d, ignoretz=True)
            for d in _DEFAULTS
        )
    except (ValueError, OverflowError) as error:
        if "day is out of range" in str(error):
            raise Refusal("it names a day its month does not have") from None
        return None
    time = ("hour", "minute", "second", "microsecond")
    if any(getattr(one, name) == getattr(two, name) for name in time):
        return None
    given = tuple(getattr(one, f) == getattr(two, f) for f in ("year", "month", "day"))
    day = one.date()
    order = ""
    if re.fullmatch(r"[0-9]{1,2}[/.-][0-9]{1,2}(?:[/.-][0-9]{2,4})?", text):
        first, second = (int(n) for n in re.split("[/.-]", text)[:2])
        month, day_of_month = (second, first) if dayfirst else (first, second)
        if (day.month, day.day) != (month, day_of_month):
            # dateutil swaps the two when one cannot be a month; never guess.
            reading = "day first" if dayfirst else "month first"
            other = "dayfirst=False" if dayfirst else "dayfirst=True"
            raise Refusal(f"read {reading}, it has no month {month}; pass {other}")
        order = ", read day first" if dayfirst else ", read month first"
    if given == (True, True, True):
        return Reading(days(day, day), f"the written date{order}", "as of")
    if given == (False, True, True):
        back = options.direction == "back"
        day = nearest_day(day.month, day.day, ref, options.direction)
        how = (
            f"the {'latest' if back else 'first'} {MONTH_WORDS[day.month - 1]} "
            f"{day.day} on or {'before' if back else 'after'} the reference{order}, "
            f"{looked(options.direction)}"
        )
        return Reading(days(day, day), how, "up to" if back else "as of")
    if given == (True, True, False):
        return Reading(month_of(day), f"the written month {month_name(day)}", "as of")
    if given == (True, False, False):
        return Reading(year_of(day.year), f"the written year {day.year}", "as of")
    return None
