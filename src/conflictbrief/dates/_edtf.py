"""The EDTF grammar of `DateSpan`: text read into days, and the ends written back.

Reading turns EDTF text into the first and last day it names, None for an
open end; writing gives the coarsest exact form of an interval's ends. The
span class itself lives in `conflictbrief._span`, which uses both.
"""

from __future__ import annotations

import re
from datetime import date

from conflictbrief.errors import ValidationError

from ._calendar import SEASON_START, decade_of, month_end, season_span, year_text

__all__ = ["EDTF_PATTERN", "OPEN", "end_form", "read_edtf", "start_form"]

OPEN = ".."
"""How EDTF writes an open interval end; an unknown end is written empty."""

# [0-9], not \d: \d also matches other scripts' digits, which EDTF does not allow.
_YEAR = r"[0-9]{4}|[0-9]{3}X|[0-9]{2}XX"
_PART = r"[0-9]{2}|XX"
_SINGLE = re.compile(
    rf"(?P<year>{_YEAR})(?:-(?P<month>{_PART})(?:-(?P<day>{_PART}))?)?"
)
_ONE = rf"(?:{_YEAR})(?:-(?:{_PART})){{0,2}}"
EDTF_PATTERN = rf"{_ONE}(?:/(?:{_ONE}|\.\.)?)?|(?:\.\.)?/{_ONE}"
"""The shapes of EDTF `DateSpan.parse` reads, as a plain pattern (no groups)
for other tools such as JSON Schema; `parse` also checks the values."""


def _bad(text: str, why: str) -> ValidationError:
    return ValidationError.at("", f"cannot read {text!r} as an EDTF date: {why}")


def _parse_single(text: str, whole: str) -> tuple[date, date]:
    m = _SINGLE.fullmatch(text)
    if m is None:
        raise _bad(
            whole,
            "expected a day (2025-04-28), month (2025-04), season (2024-23), "
            "year (2024), decade (202X) or an interval of these (A/B)",
        )
    year, month, day = m["year"], m["month"], m["day"]
    if "X" in year and (month not in (None, "XX") or day not in (None, "XX")):
        raise _bad(whole, "a month or day cannot follow an unspecified year digit")
    if month == "XX" and day not in (None, "XX"):
        raise _bad(whole, "a day cannot follow an unspecified month")
    low, high = int(year.replace("X", "0")), int(year.replace("X", "9"))
    if low == 0:
        # Python's calendar has no year 0, and 000X or 00XX would include it.
        raise _bad(whole, f"years run 0001-9999, and {year} includes year 0000")
    if month is None or month == "XX":
        return date(low, 1, 1), date(high, 12, 31)
    number = int(month)
    if number in SEASON_START:
        if day is not None:
            raise _bad(whole, "a season cannot have a day")
        if number in (24, 28, 30) and low == 9999:
            raise _bad(whole, "that season ends after 9999")
        return season_span(low, number)
    if not 1 <= number <= 12:
        raise _bad(whole, f"{month} is not a month (01-12) or season (21-32)")
    if day is None or day == "XX":
        return date(low, number, 1), month_end(low, number)
    try:
        one = date(low, number, int(day))
    except ValueError:
        raise _bad(whole, f"day {day} does not exist in {year}-{month}") from None
    return one, one


_SLASHED = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})|(\d{4})/(\d{1,2})/(\d{1,2})")
"""A day written with slashes: day, month and year either way round."""


def _slashed_day(text: str) -> str | None:
    """How to write *text*, a day with slashes, as EDTF; None if it is not one."""
    found = _SLASHED.fullmatch(text)
    if found is None:
        return None
    if found[4]:
        year, first, second = found[4], found[5], found[6]
        readings = [(first, second)]
    else:
        year, first, second = found[3], found[2], found[1]
        readings = [(first, second), (second, first)]
    y = int(year)
    days = [
        date(y, m, d).isoformat()
        for m, d in ((int(a), int(b)) for a, b in readings)
        if y >= 1 and 1 <= m <= 12 and 1 <= d <= month_end(y, m).day
    ]
    if not days:
        return "a day is written YYYY-MM-DD"
    return f"a day is written YYYY-MM-DD: {' or '.join(dict.fromkeys(days))}"


def read_edtf(text: str) -> tuple[date | None, date | None, bool]:
    """Read EDTF *text* into its first and last day, None for a missing end.

    The third value says whether the missing end is unknown (``2024-08/``,
    ``/2025-01-11``: a day exists but is not given) rather than open
    (``2024-08/..``, ``../2025-01-11``: no bound).

    Raises:
        ValidationError: The text is not a form `DateSpan.parse` reads.
    """
    if "[" in text or "{" in text:
        raise _bad(
            text,
            "sets of dates are not supported; use an interval or one record per date",
        )
    for mark in "~?%":
        if mark in text:
            raise _bad(text, f"the qualifier {mark!r} is not supported")
    if text.startswith(("Y", "-")):
        raise _bad(text, "years run 0001-9999, written with four digits")
    if text.count("/") > 1:
        raise _bad(text, _slashed_day(text) or "an interval has exactly one '/'")
    if "/" not in text:
        if text == OPEN:
            raise _bad(text, "'..' is an open interval end (2024-08/..), not a date")
        return (*_parse_single(text, text), False)
    first, _, last = text.partition("/")
    if first in ("", OPEN) and last in ("", OPEN):
        raise _bad(text, "an interval needs at least one end that is a date")
    earliest = None if first in ("", OPEN) else _parse_single(first, text)[0]
    latest = None if last in ("", OPEN) else _parse_single(last, text)[1]
    if earliest is not None and latest is not None and latest < earliest:
        raise _bad(text, "the interval ends before it starts")
    return earliest, latest, "" in (first, last)


def start_form(e: date, l: date | None) -> str:  # noqa: E741
    """The coarsest EDTF unit that starts on *e* and ends by *l* (None: open)."""
    if e.month == 1 and e.day == 1:
        first, last = decade_of(e.year)
        if first == e.year and (l is None or date(last, 12, 31) <= l):
            return year_text(e.year)[:3] + "X"
        if l is None or date(e.year, 12, 31) <= l:
            return year_text(e.year)
    if e.day == 1 and (l is None or month_end(e.year, e.month) <= l):
        return f"{year_text(e.year)}-{e.month:02d}"
    return e.isoformat()


def end_form(e: date | None, l: date) -> str:  # noqa: E741
    """The coarsest EDTF unit that ends on *l* and starts no earlier than *e*."""
    if l.month == 12 and l.day == 31:
        first, last = decade_of(l.year)
        # The decade 000X would include year 0, which no span does.
        if last == l.year and first > 0 and (e is None or date(first, 1, 1) >= e):
            return year_text(l.year)[:3] + "X"
        if e is None or date(l.year, 1, 1) >= e:
            return year_text(l.year)
    if l == month_end(l.year, l.month) and (e is None or date(l.year, l.month, 1) >= e):
        return f"{year_text(l.year)}-{l.month:02d}"
    return l.isoformat()
