"""`DateSpan`: an inclusive span of days, read and written as EDTF.

The span class, the EDTF grammar it reads and writes, its wording in plain
English, and the converters and validators that let model fields take a
span, a `date` or EDTF text. `conflictbrief.dates` is its public home.
"""

from __future__ import annotations

import enum
import functools
import re
from datetime import date
from typing import Any, Union

import attrs

from ._calendar import (
    MONTH_WORDS,
    NORTHERN_CODE,
    SEASON_START,
    SEASON_WORDS,
    day_words,
    decade_of,
    month_end,
    season_span,
    year_text,
)
from ._messages import shown
from ._sealed import sealed
from ._validators import fail
from .errors import ValidationError

__all__ = ["DateLike", "DateSpan", "Precision"]

DateLike = Union["DateSpan", date, str]
"""What every date argument accepts: a span, one day, or an EDTF string."""


class Precision(str, enum.Enum):
    """How finely a span pins its dates, from one day to an arbitrary span."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    SEASON = "season"
    YEAR = "year"
    DECADE = "decade"
    SPAN = "span"


# [0-9], not \d: \d also matches other scripts' digits, which EDTF does not allow.
_YEAR = r"[0-9]{4}|[0-9]{3}X|[0-9]{2}XX"
_PART = r"[0-9]{2}|XX"
_SINGLE = re.compile(
    rf"(?P<year>{_YEAR})(?:-(?P<month>{_PART})(?:-(?P<day>{_PART}))?)?"
)
EDTF_PATTERN = (
    rf"(?:{_YEAR})(?:-(?:{_PART})){{0,2}}(?:/(?:{_YEAR})(?:-(?:{_PART})){{0,2}})?"
)
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
    width = year.count("X")
    low, high = int(year.replace("X", "0")), int(year.replace("X", "9"))
    if low == 0 and width == 0:
        raise _bad(whole, "year 0000 is outside the supported years 0001-9999")
    low = max(low, 1)
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


@functools.lru_cache(maxsize=8192)
def _parse(text: str) -> DateSpan:
    for mark in "~?%":
        if mark in text:
            raise _bad(text, f"the qualifier {mark!r} is not supported")
    if ".." in text:
        raise _bad(text, "open interval ends ('..') are not supported")
    if text.count("/") > 1:
        raise _bad(text, "an interval has exactly one '/'")
    if "/" in text:
        first, _, last = text.partition("/")
        if not first or not last:
            raise _bad(text, "unknown interval ends are not supported")
        earliest, _ = _parse_single(first, text)
        _, latest = _parse_single(last, text)
        if latest < earliest:
            raise _bad(text, "the interval ends before it starts")
        return DateSpan(earliest=earliest, latest=latest)
    earliest, latest = _parse_single(text, text)
    return DateSpan(earliest=earliest, latest=latest)


def _check_order(span: DateSpan, a: attrs.Attribute[Any], latest: date) -> None:
    if type(latest) is not date:
        raise fail(a.name, latest, "a datetime.date")
    if latest < span.earliest:
        raise ValidationError.at(
            a.name,
            f"expected a day on or after earliest ({span.earliest.isoformat()}), "
            f"got {latest.isoformat()}",
        )


def check_day(_: object, a: attrs.Attribute[Any], value: object) -> None:
    """Require one day: a `datetime.date`, not a `datetime`."""
    if type(value) is not date:
        raise fail(a.name, value, "a datetime.date")


DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
"""What one day looks like as text: ``YYYY-MM-DD``, EDTF's day."""


def read_day(value: object) -> date | None:
    """Return the day the text *value* names as ``YYYY-MM-DD``, else None."""
    # date.fromisoformat also reads week dates ("2025-W17-1") from 3.11 on.
    if type(value) is not str or DAY.fullmatch(value) is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def to_day(value: date | str) -> date:
    """Convert a day given as ``YYYY-MM-DD``; leave anything else for the validator."""
    day = read_day(value)
    return value if day is None else day  # type: ignore[return-value]


def check_given_day(_: object, a: attrs.Attribute[Any], value: object) -> None:
    """Require one day, given as a `datetime.date` or as ``YYYY-MM-DD``."""
    if type(value) is not date:
        raise fail(a.name, value, "a day: a datetime.date or 'YYYY-MM-DD'")


@attrs.frozen(kw_only=True, repr=False, weakref_slot=False)
@sealed
class DateSpan:
    """An inclusive span of days, from *earliest* to *latest*.

    Construct one from its ends, or with `parse` from EDTF, or with `of` from
    anything a date argument accepts. `str` writes the shortest exact EDTF
    form: a day, a month, a season, a year, a decade, else an interval of the
    coarsest exact ends.

    Uncertain spans are compared as sets of days: `overlaps` means "possibly
    the same time", `contains` "certainly within", `precedes` and `follows`
    "certainly before" and "certainly after".

    Attributes:
        earliest: The first day the span includes.
        latest: The last day the span includes; never before *earliest*.
    """

    earliest: date = attrs.field(validator=check_day)
    latest: date = attrs.field(validator=_check_order)

    @classmethod
    def parse(cls, text: str) -> DateSpan:
        """Read an EDTF date or interval.

        Accepts a day (``2025-04-28``), a month (``2025-04``), a season
        (``2024-21`` to ``2024-32``), a year (``2024``), unspecified digits
        (``2024-XX``, ``202X``) and intervals of these (``2024-09/2025-02``).
        Seasons ``25``-``32`` are read, but a span is only its days, so every
        season is written back with the northern code (``21``-``24``) that
        covers the same days.

        Args:
            text: The EDTF text.

        Returns:
            The span of days the text names.

        Raises:
            ValidationError: The text is not one of those forms, or uses a
                qualifier (``~ ? %``) or an open end (``..``), which are not
                supported.
        """
        if type(text) is not str:
            raise ValidationError.at(
                "", f"expected an EDTF string such as '2025-04', got {shown(text)}"
            )
        return _parse(text)

    @classmethod
    def of(cls, value: DateLike) -> DateSpan:
        """Return *value* as a span: a `date` is one day, a string is EDTF.

        Args:
            value: A span, a `datetime.date` or an EDTF string.

        Returns:
            The span; *value* itself if it is one.

        Raises:
            ValidationError: *value* is none of those, or a malformed string.
        """
        if type(value) is DateSpan:
            return value
        if type(value) is str:
            return _parse(value)
        if type(value) is date:
            return _day(value)
        raise ValidationError.at(
            "",
            "expected a DateSpan, a datetime.date or an EDTF string, "
            f"got {shown(value)}",
        )

    @property
    def precision(self) -> Precision:
        """The coarsest calendar unit the span is exactly, or ``SPAN``."""
        e, l = self.earliest, self.latest  # noqa: E741
        if e == l:
            return Precision.DAY
        if (l - e).days == 6 and e.weekday() == 0:
            return Precision.WEEK
        if e.day == 1 and l == month_end(e.year, e.month):
            return Precision.MONTH
        if self._season() is not None:
            return Precision.SEASON
        if (e.month, e.day, l.month, l.day) == (1, 1, 12, 31):
            if e.year == l.year:
                return Precision.YEAR
            if (e.year, l.year) == decade_of(e.year):
                return Precision.DECADE
        return Precision.SPAN

    @property
    def sort_key(self) -> tuple[date, date]:
        """A total order for timelines: by earliest day, then latest."""
        return (self.earliest, self.latest)

    def _season(self) -> int | None:
        e, l = self.earliest, self.latest  # noqa: E741
        code = NORTHERN_CODE.get(e.month) if e.day == 1 else None
        if code is None:
            return None
        # Compared field by field: the end of winter 9999 is not a `date`.
        last = (e.year + (e.month == 12), (e.month + 1) % 12 + 1)
        if (l.year, l.month) == last and l == month_end(l.year, l.month):
            return code
        return None

    def contains(self, other: DateLike) -> bool:
        """Whether every day of *other* lies within this span."""
        o = DateSpan.of(other)
        return self.earliest <= o.earliest and o.latest <= self.latest

    def overlaps(self, other: DateLike) -> bool:
        """Whether this span and *other* share at least one day."""
        o = DateSpan.of(other)
        return self.earliest <= o.latest and o.earliest <= self.latest

    def precedes(self, other: DateLike) -> bool:
        """Whether this span ends before *other* starts: certainly earlier."""
        return self.latest < DateSpan.of(other).earliest

    def follows(self, other: DateLike) -> bool:
        """Whether this span starts after *other* ends: certainly later."""
        return self.earliest > DateSpan.of(other).latest

    def __contains__(self, other: DateLike) -> bool:
        return self.contains(other)

    def __str__(self) -> str:
        e, l = self.earliest, self.latest  # noqa: E741
        precision = self.precision
        if precision is Precision.DAY:
            return e.isoformat()
        if precision is Precision.MONTH:
            return f"{year_text(e.year)}-{e.month:02d}"
        if precision is Precision.SEASON:
            return f"{year_text(e.year)}-{self._season()}"
        if precision is Precision.YEAR:
            return year_text(e.year)
        if precision is Precision.DECADE:
            return year_text(e.year)[:3] + "X"
        return f"{_start_form(e, l)}/{_end_form(e, l)}"

    def __repr__(self) -> str:
        return f"DateSpan.parse({str(self)!r})"

    def describe(self) -> str:
        """Say the span in words, as a reader would: "autumn 2024".

        >>> DateSpan.parse("2024-09/2025-04-28").describe()
        'September 2024 to 28 April 2025'
        >>> DateSpan.parse("2025-04-26/2025-04-27").describe()
        '26\u201327 April 2025'
        """
        e, l = self.earliest, self.latest  # noqa: E741
        precision = self.precision
        if precision is Precision.DAY:
            return day_words(e)
        if precision is Precision.WEEK:
            return f"the week of {day_words(e)}"
        if precision is Precision.MONTH:
            return f"{MONTH_WORDS[e.month - 1]} {e.year}"
        if precision is Precision.SEASON:
            name = SEASON_WORDS[e.month]
            return f"{name} {e.year}" + (
                f"\N{EN DASH}{l.year % 100:02d}" if e.month == 12 else ""
            )
        if precision is Precision.YEAR:
            return str(e.year)
        if precision is Precision.DECADE:
            return f"the {e.year - e.year % 10}s"
        start, end = _start_form(e, l), _end_form(e, l)
        # Say a shared month and year once: 26-27 April 2025, March-May 2024.
        if len(start) == len(end) == 10 and e.year == l.year:
            if e.month == l.month:
                return f"{e.day}\N{EN DASH}{day_words(l)}"
            first = f"{e.day} {MONTH_WORDS[e.month - 1]}"
            return f"{first} \N{EN DASH} {day_words(l)}"
        if len(start) == len(end) == 7 and e.year == l.year:
            months = f"{MONTH_WORDS[e.month - 1]}\N{EN DASH}{MONTH_WORDS[l.month - 1]}"
            return f"{months} {e.year}"
        return f"{_form_words(start)} to {_form_words(end)}"


def _form_words(form: str) -> str:
    """An interval end as written by `_start_form` or `_end_form`, in words."""
    if form.endswith("X"):
        return f"the {int(form[:3]) * 10}s"
    parts = [int(p) for p in form.split("-")]
    if len(parts) == 1:
        return str(parts[0])
    if len(parts) == 2:
        return f"{MONTH_WORDS[parts[1] - 1]} {parts[0]}"
    return day_words(date(*parts))


def _start_form(e: date, l: date) -> str:  # noqa: E741
    """The coarsest EDTF unit that starts on *e* and ends by *l*."""
    if e.month == 1 and e.day == 1:
        first, last = decade_of(e.year)
        if first == e.year and date(last, 12, 31) <= l:
            return year_text(e.year)[:3] + "X"
        if date(e.year, 12, 31) <= l:
            return year_text(e.year)
    if e.day == 1 and month_end(e.year, e.month) <= l:
        return f"{year_text(e.year)}-{e.month:02d}"
    return e.isoformat()


def _end_form(e: date, l: date) -> str:  # noqa: E741
    """The coarsest EDTF unit that ends on *l* and starts no earlier than *e*."""
    if l.month == 12 and l.day == 31:
        first, last = decade_of(l.year)
        if last == l.year and date(first, 1, 1) >= e:
            return year_text(l.year)[:3] + "X"
        if date(l.year, 1, 1) >= e:
            return year_text(l.year)
    if l == month_end(l.year, l.month) and date(l.year, l.month, 1) >= e:
        return f"{year_text(l.year)}-{l.month:02d}"
    return l.isoformat()


@functools.lru_cache(maxsize=8192)
def _day(day: date) -> DateSpan:
    return DateSpan(earliest=day, latest=day)


def to_span(value: DateLike) -> DateSpan:
    """Convert what `DateSpan.of` takes; leave anything else for the validator."""
    try:
        return DateSpan.of(value)
    except ValidationError:
        return value  # type: ignore[return-value]


def to_optional_span(value: DateLike | None) -> DateSpan | None:
    """Like `to_span`, passing None through."""
    return None if value is None else to_span(value)


def span_at(name: str, value: object) -> DateSpan:
    """Return `DateSpan.of` *value*, its problems placed under the field *name*."""
    try:
        return DateSpan.of(value)  # type: ignore[arg-type]
    except ValidationError as error:
        raise ValidationError(p.under(name) for p in error.problems) from None


def check_span(_: object, a: attrs.Attribute[Any], value: object) -> None:
    """Require a `DateSpan`, naming the field and what went wrong."""
    if type(value) is not DateSpan:
        span_at(a.name, value)


def check_optional_span(inst: object, a: attrs.Attribute[Any], value: object) -> None:
    """Require a `DateSpan` or None."""
    if value is not None:
        check_span(inst, a, value)
