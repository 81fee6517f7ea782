"""Periods counted from the reference, and long ones: "past 24 hours", "the 1990s".

Forms of the phrase grammar that `_forms.read` tries in turn; each returns
None for a phrase that is not its own.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from ._parts import (
    COUNT,
    UNIT,
    Options,
    Reading,
    Refusal,
    count_of,
    days,
    month_of,
    plural,
    shift,
    week_of,
    year_of,
)
from ._span import DateSpan

__all__ = ["counted", "era", "hours"]

_ORDINALS = {"nineteenth": 19, "twentieth": 20, "twenty-first": 21}


def era(text: str, _: date) -> Reading | None:
    """Decades and centuries: "the 1990s", "the 20th century"."""
    if m := re.fullmatch(r"(?:the )?([0-9]{3})0'?s", text):
        first = int(m[1]) * 10
        span = days(date(first, 1, 1), date(first + 9, 12, 31))
        return Reading(span, f"the decade {first}-{first + 9}", "as of")
    if m := re.fullmatch(
        r"(?:the )?(?:([0-9]{1,2})(?:st|nd|rd|th)|([a-z-]+)) century", text
    ):
        number = int(m[1]) if m[1] else _ORDINALS.get(m[2], 0)
        if not 1 <= number <= 100:
            raise Refusal(f"expected a century 1st to 100th, got {m[0]!r}")
        # As EDTF's 19XX: the years 1900-1999 are the twentieth century.
        first = (number - 1) * 100
        span = days(date(max(first, 1), 1, 1), date(first + 99, 12, 31))
        return Reading(span, f"the century {first}-{first + 99}", "as of")
    return None


def hours(text: str, ref: date, options: Options) -> Reading | None:
    """Windows of hours, rounded out to whole days: "in the past 24 hours"."""
    m = re.fullmatch(
        rf"(?:(?:in|over|during|within|for) )?(?:the )?"
        rf"(?:(past|last|previous|next|coming) )?({COUNT})[ -]hours?(?: period)?",
        text,
    )
    if m is None:
        return None
    hours = count_of(m[2])
    whole = -(-hours // 24)  # whole days, rounded out
    ahead = m[1] in ("next", "coming") or (
        m[1] is None and options.direction == "forward"
    )
    if ahead:
        how = f"{hours} hours from the reference day, rounded out to whole days"
        return Reading(days(ref, ref + timedelta(days=whole)), how, "from")
    how = f"{hours} hours up to the reference day, rounded out to whole days"
    return Reading(days(ref - timedelta(days=whole), ref), how, "up to")


def counted(text: str, ref: date, options: Options) -> Reading | None:
    """Counted spans: "3 days ago", "past two weeks", "over the next year"."""
    if m := re.fullmatch(rf"(?:more than|over) ({COUNT}) ({UNIT})s? ago", text):
        count, unit = count_of(m[1]), m[2]
        end = shift(ref, -count, unit)
        how = f"an unknown day more than {plural(count, unit)} before the reference"
        return Reading(DateSpan(earliest=None, latest=end, unknown=True), how, "before")
    if m := re.fullmatch(rf"(within|in) (?:the )?(?:({COUNT}) )?({UNIT})(s?)", text):
        count = 1 if m[2] is None else count_of(m[2])
        if m[2] is None and (m[1] == "in" or m[4]):
            return None  # "within days" counts nothing
        if m[1] == "in" or options.direction == "forward":
            how = f"from the reference day to {plural(count, m[3])} after it"
            return Reading(days(ref, shift(ref, count, m[3])), how, "from")
        how = f"from {plural(count, m[3])} before the reference to the reference day"
        return Reading(days(shift(ref, -count, m[3]), ref), how, "up to")
    if m := re.fullmatch(rf"({COUNT}) ({UNIT})s? ago", text):
        count, unit = count_of(m[1]), m[2]
        ago = f"{plural(count, unit)} before the reference"
        day = shift(ref, -count, unit)
        span = {"day": days(day, day), "week": week_of(day), "month": month_of(day)}
        what = {
            "day": "the day",
            "week": "the week (Monday to Sunday)",
            "month": "the calendar month",
        }
        return Reading(
            span.get(unit, year_of(day.year)),
            f"{what.get(unit, 'the calendar year')} {ago}",
            "before",
        )
    if m := re.fullmatch(
        rf"(?:(?:in|over|during|within) )?(?:the )?(past|last|previous|next|coming) "
        rf"(?:({COUNT}) )?({UNIT})s?",
        text,
    ):
        if m[2] is None and m[1] == "last":
            raise Refusal("expected 'last week', 'last month' or 'last year'")
        count = 1 if m[2] is None else count_of(m[2])
        if m[1] in ("next", "coming"):
            end = shift(ref, count, m[3])
            how = f"from the reference day to {plural(count, m[3])} after it"
            return Reading(days(ref, end), how, "from")
        start = shift(ref, -count, m[3])
        how = f"from {plural(count, m[3])} before the reference to the reference day"
        return Reading(days(start, ref), how, "up to")
    return None
