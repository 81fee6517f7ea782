"""Uncertain dates as spans of days, read and written as EDTF.

A `DateSpan` is an inclusive range of days. It stands for an uncertain moment
("some day last fall") or for an extent ("an operation that lasted months"):
both use the same set logic. Spans read and write the Extended Date/Time
Format (EDTF, ISO 8601-2)::

    >>> DateSpan.parse("2024-23")
    DateSpan.parse('2024-23')
    >>> str(DateSpan(earliest=date(2025, 4, 26), latest=date(2025, 4, 27)))
    '2025-04-26/2025-04-27'

`resolve` turns the phrases news uses ("last fall", "over the weekend") into
spans relative to a publication day, and `explain` says how.
"""

from __future__ import annotations

import calendar
import enum
import functools
import re
from datetime import date, datetime, timedelta
from typing import Any, Literal, Union

import attrs
import dateutil.parser
from dateutil.relativedelta import relativedelta

from ._fields import describe, fail
from .errors import DateResolutionError, ValidationError

__all__ = ["DateLike", "DateSpan", "Hemisphere", "Precision", "explain", "resolve"]

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


# EDTF season codes: 21-24 are the level-1 seasons, read as meteorological
# northern seasons; 25-28 are the level-2 northern and 29-32 the southern ones.
# The value is the month the season starts in; winter (and the southern
# summer) runs from December of the year into February of the next.
SEASON_START = {
    21: 3, 22: 6, 23: 9, 24: 12,
    25: 3, 26: 6, 27: 9, 28: 12,
    29: 9, 30: 12, 31: 3, 32: 6,
}  # fmt: skip
_NORTHERN_CODE = {3: 21, 6: 22, 9: 23, 12: 24}

# [0-9], not \d: \d also matches other scripts' digits, which EDTF does not allow.
_SINGLE = re.compile(
    r"(?P<year>[0-9]{4}|[0-9]{3}X|[0-9]{2}XX)"
    r"(?:-(?P<month>[0-9]{2}|XX)(?:-(?P<day>[0-9]{2}|XX))?)?"
)


def month_end(year: int, month: int) -> date:
    """Return the last day of a month.

    Args:
        year: The year, 1 to 9999.
        month: The month, 1 to 12.

    Returns:
        The month's last day, leap years included.
    """
    return date(year, month, calendar.monthrange(year, month)[1])


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


def _check_day(_: object, a: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not date:
        raise fail(a.name, value, "a datetime.date")


def _year(y: int) -> str:
    return f"{y:04d}"


def _decade(year: int) -> tuple[int, int]:
    """The first and last year of the decade (``202X``) holding *year*."""
    # There is no year 0: the decade 000X runs from year 1 to year 9.
    first = year - year % 10
    return max(first, 1), first + 9


@attrs.frozen(kw_only=True, repr=False)
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

    earliest: date = attrs.field(validator=_check_day)
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
                "", f"expected an EDTF string such as '2025-04', got {describe(text)}"
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
            f"got {describe(value)}",
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
            if (e.year, l.year) == _decade(e.year):
                return Precision.DECADE
        return Precision.SPAN

    @property
    def sort_key(self) -> tuple[date, date]:
        """A total order for timelines: by earliest day, then latest."""
        return (self.earliest, self.latest)

    def _season(self) -> int | None:
        e, l = self.earliest, self.latest  # noqa: E741
        code = _NORTHERN_CODE.get(e.month) if e.day == 1 else None
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
            return f"{_year(e.year)}-{e.month:02d}"
        if precision is Precision.SEASON:
            return f"{_year(e.year)}-{self._season()}"
        if precision is Precision.YEAR:
            return _year(e.year)
        if precision is Precision.DECADE:
            return _year(e.year)[:3] + "X"
        return f"{_start_form(e, l)}/{_end_form(e, l)}"

    def __repr__(self) -> str:
        return f"DateSpan.parse({str(self)!r})"


def _start_form(e: date, l: date) -> str:  # noqa: E741
    """The coarsest EDTF unit that starts on *e* and ends by *l*."""
    if e.month == 1 and e.day == 1:
        first, last = _decade(e.year)
        if first == e.year and date(last, 12, 31) <= l:
            return _year(e.year)[:3] + "X"
        if date(e.year, 12, 31) <= l:
            return _year(e.year)
    if e.day == 1 and month_end(e.year, e.month) <= l:
        return f"{_year(e.year)}-{e.month:02d}"
    return e.isoformat()


def _end_form(e: date, l: date) -> str:  # noqa: E741
    """The coarsest EDTF unit that ends on *l* and starts no earlier than *e*."""
    if l.month == 12 and l.day == 31:
        first, last = _decade(l.year)
        if last == l.year and date(first, 1, 1) >= e:
            return _year(l.year)[:3] + "X"
        if date(l.year, 1, 1) >= e:
            return _year(l.year)
    if l == month_end(l.year, l.month) and date(l.year, l.month, 1) >= e:
        return f"{_year(l.year)}-{l.month:02d}"
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


def check_span(_: object, a: attrs.Attribute[Any], value: object) -> None:
    """Require a `DateSpan`, naming the field and what went wrong."""
    if type(value) is DateSpan:
        return
    try:
        DateSpan.of(value)  # type: ignore[arg-type]
    except ValidationError as error:
        raise ValidationError(p.under(a.name) for p in error.problems) from None


def check_optional_span(inst: object, a: attrs.Attribute[Any], value: object) -> None:
    """Require a `DateSpan` or None."""
    if value is not None:
        check_span(inst, a, value)


# Relative phrases ------------------------------------------------------------

Hemisphere = Literal["north", "south"]

_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
)  # fmt: skip
_DAY_NAMES = (
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"
)  # fmt: skip
_MONTHS = {name.lower(): i for i, name in enumerate(_MONTH_NAMES, 1)} | {
    name.lower()[:3]: i for i, name in enumerate(_MONTH_NAMES, 1)
}
_MONTHS["sept"] = 9
_WEEKDAYS = {name.lower(): i for i, name in enumerate(_DAY_NAMES)} | {
    name.lower()[:3]: i for i, name in enumerate(_DAY_NAMES)
}
_WEEKDAYS |= {"tues": 1, "thur": 3, "thurs": 3}
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
    "twelve": 12,
}  # fmt: skip
# Index of each season name in the northern year: spring 0 to winter 3.
_SEASONS = {"spring": 0, "summer": 1, "fall": 2, "autumn": 2, "winter": 3}
_SEASON_NAMES = ("spring", "summer", "autumn", "winter")

_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_WEEKDAY = "|".join(sorted(_WEEKDAYS, key=len, reverse=True))
_COUNT = "|".join([*_NUMBERS, "[1-9][0-9]{0,8}"])
_UNIT = "day|week|month|year"

# Words that name no definite span: resolve refuses them rather than guess.
_VAGUE = re.compile(
    r"recently|lately|soon|earlier|later|previously|before|shortly|the other day"
    r"|(?:a while|some time|a few \w+|several \w+|a couple of \w+) ago"
    r"|(?:in |over )?(?:the )?(?:recent|coming|past few|last few) \w+"
)
# Stripped from both ends: punctuation around a phrase quoted from prose.
# Not ~ ? %: those are EDTF qualifiers, refused rather than dropped.
_STRIP = " \t\n.,;:!\"'`“”‘’«»"  # noqa: RUF001
_WORDS_IN_DATES = frozenset({"of", "st", "nd", "rd", "th"})

_FORMS = (
    (
        "a written date: '4/28/25', 'April 28, 2025', '28 April 2025', "
        "'2025-04-28', 'April 28', 'April 2025', '2024', or any EDTF date"
    ),
    "'today', 'yesterday'",
    "a weekday: 'Monday', 'on Monday', 'last Monday', 'Monday (4/28/25)'",
    "'this week', 'last week', 'next week'",
    "'weekend', 'over the weekend', 'this weekend', 'last weekend', 'next weekend'",
    "'this month', 'last month', 'earlier this month'",
    "'this year', 'last year', 'earlier this year'",
    "'early', 'mid' or 'late' before a month or year: 'late 2024', 'mid-April'",
    "'this' or 'last' before spring, summer, fall, autumn or winter",
    "'in <month>': 'in December'",
    "'<N> days ago', also weeks, months, years: '3 days ago', 'two weeks ago'",
    "'past <N> days' or 'last <N> days', also weeks, months, years",
)


@attrs.frozen
class _Reading:
    """A resolved phrase: its span, how it was reached, and its tense."""

    span: DateSpan
    how: str
    # "before" for phrases that end before the reference, "up to" for those
    # that may include it, "as of" for the rest.
    relation: str


class _Refusal(Exception):  # noqa: N818
    """Why a phrase cannot be resolved; `_resolve` adds the phrase and forms."""

    def __init__(self, why: str) -> None:
        super().__init__(why)
        self.why = why


def _refusal(phrase: str, why: str) -> DateResolutionError:
    forms = "\n".join(f"  - {form}" for form in _FORMS)
    return DateResolutionError(
        f"cannot resolve {phrase!r} to a span of days: {why}. "
        f"Accepted forms (any case, surrounding punctuation ignored):\n{forms}"
    )


def _days(first: date, last: date) -> DateSpan:
    return DateSpan(earliest=first, latest=last)


def _month(day: date) -> DateSpan:
    return _days(day.replace(day=1), month_end(day.year, day.month))


def _month_name(day: date) -> str:
    return f"{_MONTH_NAMES[day.month - 1]} {_year(day.year)}"


def _week(day: date) -> DateSpan:
    monday = day - timedelta(days=day.weekday())
    return _days(monday, monday + timedelta(days=6))


def _calendar_year(year: int) -> DateSpan:
    return _days(date(year, 1, 1), date(year, 12, 31))


def _plural(count: int, unit: str) -> str:
    return f"{count} {unit}" if count == 1 else f"{count} {unit}s"


def _back(day: date, count: int, unit: str) -> date:
    """The day *count* units before *day*; a month back from 31 March is 28/29 Feb."""
    if unit == "day":
        return day - timedelta(days=count)
    if unit == "week":
        return day - timedelta(weeks=count)
    if unit == "month":
        return day + relativedelta(months=-count)
    return day + relativedelta(years=-count)


def _count(word: str) -> int:
    return _NUMBERS[word] if word in _NUMBERS else int(word)


def _latest_month(month: int, ref: date) -> date:
    """The first day of the latest *month* that starts on or before *ref*."""
    year = ref.year if month <= ref.month else ref.year - 1
    return date(year, month, 1)


def _latest_day(month: int, day: int, ref: date) -> date:
    """The latest *month*/*day* on or before *ref*, leap days included."""
    year = ref.year if (month, day) <= (ref.month, ref.day) else ref.year - 1
    # 29 February recurs every four years, or eight across a skipped leap year.
    while not calendar.isleap(year) and (month, day) == (2, 29):
        year -= 1
    return date(year, month, day)


def _season(name: str, which: str, ref: date, hemisphere: Hemisphere) -> _Reading:
    index = _SEASONS[name]
    if hemisphere == "south":
        index = (index + 2) % 4
    code = 21 + index
    starts_in_december = SEASON_START[code] == 12
    if which == "this":
        # The season holding the reference, else that season of its year.
        year = ref.year - 1 if starts_in_december and ref.month <= 2 else ref.year
        relation = "as of"
    else:
        year = ref.year
        while season_span(year, code)[1] >= ref:
            year -= 1
        relation = "before"
    first, last = season_span(year, code)
    label = _year(year) + (f"-{_year(year + 1)[2:]}" if starts_in_december else "")
    place = " in the southern hemisphere" if hemisphere == "south" else ""
    canonical = _SEASON_NAMES[_SEASONS[name]]
    how = f"meteorological {canonical} {label}{place}"
    return _Reading(_days(first, last), how, relation)


def _parts(part: str, inner: _Reading, text: str) -> _Reading:
    """The early, middle or late third of a month or year."""
    span = inner.span
    e = span.earliest
    index = ("early", "mid", "late").index(part)
    if span.precision is Precision.MONTH:
        last = month_end(e.year, e.month).day
        first_day, last_day = ((1, 10), (11, 20), (21, last))[index]
        what = f"days {first_day}-{last_day} of"
        first, end = e.replace(day=first_day), e.replace(day=last_day)
    elif span.precision is Precision.YEAR:
        first_month = 1 + 4 * index
        what = f"{_MONTH_NAMES[first_month - 1]} to {_MONTH_NAMES[first_month + 2]} of"
        first = e.replace(month=first_month)
        end = month_end(e.year, first_month + 3)
    else:
        raise _Refusal(
            f"'{part}' applies to a month or a year, and {text[len(part) + 1 :]!r} "
            f"is {span} (precision {span.precision.value})",
        )
    relation = "before" if inner.relation == "before" else "as of"
    return _Reading(_days(first, end), f"{what} {inner.how}", relation)


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


def _written(text: str, ref: date, *, dayfirst: bool) -> _Reading | None:
    """Read a written date with dateutil, or None if *text* is not one."""
    words = set(re.findall(r"[a-z]+", text))
    if not words <= _WORDS_IN_DATES | _MONTHS.keys() or not re.search("[0-9]", text):
        return None
    info = _DateInfo(dayfirst=dayfirst, reference_year=ref.year)
    try:
        one, two = (
            dateutil.parser.parse(text, info, default=d, ignoretz=True)
            for d in _DEFAULTS
        )
    except (ValueError, OverflowError):
        return None
    time = ("hour", "minute", "second", "microsecond")
    if any(getattr(one, name) == getattr(two, name) for name in time):
        return None
    given = tuple(getattr(one, f) == getattr(two, f) for f in ("year", "month", "day"))
    day = one.date()
    order = ""
    if re.fullmatch(r"[0-9]{1,2}[/.-][0-9]{1,2}(?:[/.-][0-9]{2,4})?", text):
        order = ", read day first" if dayfirst else ", read month first"
    if given == (True, True, True):
        return _Reading(_days(day, day), f"the written date{order}", "as of")
    if given == (False, True, True):
        day = _latest_day(day.month, day.day, ref)
        how = (
            f"the latest {_MONTH_NAMES[day.month - 1]} {day.day}"
            f" on or before the reference{order}"
        )
        return _Reading(_days(day, day), how, "up to")
    if given == (True, True, False):
        return _Reading(_month(day), f"the written month {_month_name(day)}", "as of")
    if given == (True, False, False):
        return _Reading(
            _calendar_year(day.year), f"the written year {day.year}", "as of"
        )
    return None


def _read(text: str, ref: date, *, dayfirst: bool, hemisphere: Hemisphere) -> _Reading:
    """Resolve the normalised phrase *text* against the day *ref*."""
    if _VAGUE.fullmatch(text):
        raise _Refusal("it names no definite span, and resolve never guesses one")
    if re.fullmatch(r"[0-9x/-]+", text):
        try:
            span = DateSpan.parse(text.upper())
        except ValidationError as error:
            if text.startswith("/") or text.endswith("/"):
                # EDTF's unknown interval end: refused, not read as a year.
                raise _Refusal(str(error)) from None
            # Otherwise not EDTF, but maybe a written date such as 4/28/25.
        else:
            return _Reading(span, f"the EDTF date {span}", "as of")
    if text == "today":
        return _Reading(_days(ref, ref), "the reference day", "as of")
    if text == "yesterday":
        day = ref - timedelta(days=1)
        return _Reading(_days(day, day), "the day before the reference", "before")
    if m := re.fullmatch(rf"(on |last )?({_WEEKDAY})", text):
        weekday = _WEEKDAYS[m[2]]
        name = _DAY_NAMES[weekday]
        if m[1] == "last ":
            back = (ref.weekday() - weekday - 1) % 7 + 1
            how, relation = f"the latest {name} before the reference", "before"
        else:
            back = (ref.weekday() - weekday) % 7
            how, relation = f"the latest {name} on or before the reference", "up to"
        day = ref - timedelta(days=back)
        return _Reading(_days(day, day), how, relation)
    if m := re.fullmatch(rf"(?:on )?({_WEEKDAY})[ ,]+(.*[0-9].*)", text):
        reading = _written(m[2], ref, dayfirst=dayfirst)
        if reading is None or reading.span.precision is not Precision.DAY:
            raise _Refusal(f"{m[2]!r} is not a written day")
        day, name = reading.span.earliest, _DAY_NAMES[_WEEKDAYS[m[1]]]
        if day.weekday() != _WEEKDAYS[m[1]]:
            raise _Refusal(f"{day} is a {_DAY_NAMES[day.weekday()]}, not a {name}")
        return _Reading(reading.span, f"{reading.how}, a {name}", reading.relation)
    if m := re.fullmatch(r"(this|last|next) week", text):
        shift = {"this": 0, "last": -7, "next": 7}[m[1]]
        where = {"this": "of", "last": "before that of", "next": "after that of"}[m[1]]
        span = _week(ref + timedelta(days=shift))
        relation = "before" if m[1] == "last" else "as of"
        return _Reading(
            span, f"the week (Monday to Sunday) {where} the reference", relation
        )
    if re.fullmatch(r"(?:(?:over|at|on) )?(?:the )?weekend", text):
        weekday = ref.weekday()
        if weekday == 5:
            return _Reading(_days(ref, ref), "the reference Saturday", "up to")
        if weekday == 6:
            saturday = ref - timedelta(days=1)
            how = "the Saturday before and the reference Sunday"
            return _Reading(_days(saturday, ref), how, "up to")
        saturday = ref - timedelta(days=weekday + 2)
        how = "the Saturday and Sunday before the reference"
        return _Reading(_days(saturday, saturday + timedelta(days=1)), how, "up to")
    if m := re.fullmatch(r"(this|last|next) weekend", text):
        # The Saturday of the reference's week (Monday to Sunday), moved by
        # whole weeks; "last weekend" is the latest one over before the
        # reference, which on a Saturday or Sunday is the weekend before.
        saturday = ref + timedelta(days=5 - ref.weekday())
        if m[1] == "last":
            saturday -= timedelta(days=7)
            how, relation = (
                "the latest Saturday and Sunday before the reference",
                "before",
            )
        elif m[1] == "next":
            saturday += timedelta(days=7)
            how, relation = (
                "the Saturday and Sunday of the week after the reference's",
                "as of",
            )
        else:
            how, relation = "the Saturday and Sunday of the reference's week", "as of"
        return _Reading(_days(saturday, saturday + timedelta(days=1)), how, relation)
    if m := re.fullmatch(r"(this|last) month", text):
        day = ref + relativedelta(months=-1) if m[1] == "last" else ref
        relation = "before" if m[1] == "last" else "as of"
        return _Reading(_month(day), f"the calendar month {_month_name(day)}", relation)
    if text == "earlier this month":
        how = f"{_month_name(ref)} up to and including the reference day"
        return _Reading(_days(ref.replace(day=1), ref), how, "up to")
    if m := re.fullmatch(r"(this|last) year", text):
        year = ref.year - 1 if m[1] == "last" else ref.year
        relation = "before" if m[1] == "last" else "as of"
        return _Reading(
            _calendar_year(year), f"the calendar year {_year(year)}", relation
        )
    if text == "earlier this year":
        how = f"{_year(ref.year)} up to and including the reference day"
        return _Reading(_days(date(ref.year, 1, 1), ref), how, "up to")
    if m := re.fullmatch(r"(this|last) (spring|summer|fall|autumn|winter)", text):
        return _season(m[2], m[1], ref, hemisphere)
    if m := re.fullmatch(r"(early|mid|late)[- ](?:in )?(.+)", text):
        inner = _read(m[2], ref, dayfirst=dayfirst, hemisphere=hemisphere)
        return _parts(m[1], inner, text)
    if m := re.fullmatch(rf"(?:in )?({_MONTH})", text):
        first = _latest_month(_MONTHS[m[1]], ref)
        how = f"the latest {_MONTH_NAMES[first.month - 1]} not after the reference"
        return _Reading(_month(first), how, "as of")
    if m := re.fullmatch(rf"({_COUNT}) ({_UNIT})s? ago", text):
        count, unit = _count(m[1]), m[2]
        ago = f"{_plural(count, unit)} before the reference"
        day = _back(ref, count, unit)
        if unit == "day":
            return _Reading(_days(day, day), f"the day {ago}", "before")
        if unit == "week":
            return _Reading(_week(day), f"the week (Monday to Sunday) {ago}", "before")
        if unit == "month":
            return _Reading(_month(day), f"the calendar month {ago}", "before")
        return _Reading(_calendar_year(day.year), f"the calendar year {ago}", "before")
    if m := re.fullmatch(
        rf"(?:(?:in|over|during|within) )?(?:the )?(past|last) (?:({_COUNT}) )?"
        rf"({_UNIT})s?",
        text,
    ):
        if m[2] is None and m[1] == "last":
            raise _Refusal("expected 'last week', 'last month' or 'last year'")
        count = 1 if m[2] is None else _count(m[2])
        start = _back(ref, count, m[3])
        how = f"from {_plural(count, m[3])} before the reference to the reference day"
        return _Reading(_days(start, ref), how, "up to")
    rest = re.sub(r"^(?:on|in) ", "", text)
    reading = _written(rest, ref, dayfirst=dayfirst)
    if reading is None:
        raise _Refusal("it is none of the accepted forms")
    return reading


def _normalise(phrase: str) -> str:
    # Parentheses become spaces so that "Monday (4/28/25)" reads as written.
    text = re.sub(r"[()\[\]]", " ", phrase.lower())
    return " ".join(text.split()).strip(_STRIP)


def _resolve(
    phrase: str, reference: DateLike, *, dayfirst: bool, hemisphere: Hemisphere
) -> tuple[DateSpan, str]:
    """Resolve *phrase*, returning the span and the sentence that explains it."""
    if type(phrase) is not str:
        raise DateResolutionError(
            f"expected a phrase as a string, got {describe(phrase)}"
        )
    if hemisphere not in ("north", "south"):
        raise ValidationError.at(
            "hemisphere", f"expected 'north' or 'south', got {describe(hemisphere)}"
        )
    try:
        ref = DateSpan.of(reference)
    except ValidationError as error:
        raise ValidationError(p.under("reference") for p in error.problems) from None
    if re.search("[0-9]", phrase) and re.search(r"[~?%]|\.\.", phrase):
        # Checked before punctuation is stripped, so that none is dropped.
        why = "the EDTF qualifiers ~ ? % and open ends .. are not supported"
        raise _refusal(phrase, why)
    text = _normalise(phrase)
    try:
        first = _read(text, ref.earliest, dayfirst=dayfirst, hemisphere=hemisphere)
        last = first
        if ref.latest != ref.earliest:
            last = _read(text, ref.latest, dayfirst=dayfirst, hemisphere=hemisphere)
    except _Refusal as refusal:
        raise _refusal(phrase, refusal.why) from None
    except (ValueError, OverflowError):
        raise _refusal(phrase, "it falls outside the years 0001-9999") from None
    span = _days(first.span.earliest, last.span.latest)
    how = first.how
    if first.span != last.span:
        # Every form moves forward with the reference, so the spans resolved
        # from the reference's first and last days bound all the others.
        how = (
            f"{first.how} for {ref.earliest}, through {last.how} for {ref.latest}"
            if first.how != last.how
            else f"{how}, for any reference day from {ref.earliest} to {ref.latest}"
        )
    days = (
        str(span.earliest)
        if span.earliest == span.latest
        else f"{span.earliest} to {span.latest}"
    )
    return span, f"{phrase!r} {first.relation} {ref}: {how}, {days}"


def resolve(
    phrase: str,
    reference: DateLike,
    *,
    dayfirst: bool = False,
    hemisphere: Hemisphere = "north",
) -> DateSpan:
    """Turn a date phrase from a news report into the span of days it means.

    The phrase is read relative to *reference*, the day the report was
    published. Case and surrounding punctuation do not matter. Every accepted
    form, with its result, is listed in ``docs/dates.md``; in short: written
    dates and EDTF, ``today``, ``yesterday``, weekdays, ``this/last/next week``,
    ``over the weekend``, ``this/last month``, ``earlier this month``,
    ``this/last year``, ``earlier this year``, ``early/mid/late`` a month or
    year, ``this/last`` a season, ``in <month>``, ``N <units> ago`` and
    ``past N <units>``.

    Args:
        phrase: The phrase, such as ``"last fall"`` or ``"on Monday (4/28/25)"``.
        reference: The day the phrase is relative to. A span (or an EDTF
            string) stands for a reference known only roughly: the result
            then covers every day the phrase could mean from any day in it.
        dayfirst: Read ``5/4/25`` as 5 April rather than May 4.
        hemisphere: Whose seasons ``spring`` to ``winter`` name; the southern
            seasons are the northern ones six months on.

    Returns:
        The span of days the phrase names.

    Raises:
        DateResolutionError: The phrase is vague (``"recently"``, ``"soon"``),
            not one of the accepted forms, names a weekday that does not match
            its date, or falls outside the years 1-9999. The message quotes
            the phrase and lists the accepted forms.
        ValidationError: *reference* is not a date, span or EDTF string, or
            *hemisphere* is not ``"north"`` or ``"south"``.
    """
    return _resolve(phrase, reference, dayfirst=dayfirst, hemisphere=hemisphere)[0]


def explain(
    phrase: str,
    reference: DateLike,
    *,
    dayfirst: bool = False,
    hemisphere: Hemisphere = "north",
) -> str:
    """Say in one sentence how `resolve` turns *phrase* into a span.

    Args:
        phrase: As for `resolve`.
        reference: As for `resolve`.
        dayfirst: As for `resolve`.
        hemisphere: As for `resolve`.

    Returns:
        A sentence such as ``'last fall' before 2025-04-28: meteorological
        autumn 2024, 2024-09-01 to 2024-11-30``.

    Raises:
        DateResolutionError: As for `resolve`.
        ValidationError: As for `resolve`.
    """
    return _resolve(phrase, reference, dayfirst=dayfirst, hemisphere=hemisphere)[1]
