"""The calendar the date phrase grammar counts in: its words, spans and seasons.

Shared by the modules behind `dates.resolve`: the names of days, months and
seasons, the result and refusal types, and the spans a phrase can name.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

import attrs
from dateutil.relativedelta import relativedelta

from ._calendar import (
    MONTH_WORDS,
    SEASON_START,
    SEASON_WORDS,
    Direction,
    Hemisphere,
    month_end,
    season_span,
    year_text,
)
from ._span import DateSpan, Precision

DAY_NAMES = (
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"
)  # fmt: skip
MONTHS = {name.lower(): i for i, name in enumerate(MONTH_WORDS, 1)} | {
    name.lower()[:3]: i for i, name in enumerate(MONTH_WORDS, 1)
}
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(DAY_NAMES)} | {
    name.lower()[:3]: i for i, name in enumerate(DAY_NAMES)
}
WEEKDAYS |= {"tues": 1, "thur": 3, "thurs": 3}
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
    "twelve": 12, "twenty-four": 24, "forty-eight": 48, "seventy-two": 72,
}  # fmt: skip
# Index of each season name in the northern year: spring 0 to winter 3.
SEASONS = {"spring": 0, "summer": 1, "fall": 2, "autumn": 2, "winter": 3}
_SEASON_NAMES = tuple(SEASON_WORDS.values())  # spring, summer, autumn, winter

MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
WEEKDAY = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
SEASON = "|".join(SEASONS)
COUNT = "|".join([*NUMBERS, "[1-9][0-9]{0,8}"])
UNIT = "day|week|month|year"


@attrs.frozen
class Options:
    """How to read a phrase: the `resolve` keywords that change a reading."""

    dayfirst: bool
    hemisphere: Hemisphere
    direction: Direction


@attrs.frozen
class Reading:
    """A resolved phrase: its span, how it was reached, and its tense."""

    span: DateSpan
    how: str
    # "before" for phrases that end before the reference, "up to" for those
    # that may include it, "after" for those that start after it, "as of"
    # for the rest.
    relation: str
    # A single period that `resolve` cuts at the reference when it holds it.
    toward: bool = False


class Refusal(Exception):  # noqa: N818
    """Why a phrase cannot be resolved; the caller adds the phrase and forms."""

    def __init__(self, why: str) -> None:
        super().__init__(why)
        self.why = why


def ends(span: DateSpan) -> tuple[date, date]:
    """The first and last day of *span*; a phrase never names an open end."""
    if span.earliest is None or span.latest is None:
        raise Refusal(f"{str(span)!r} has an open end, and a phrase names both")
    return span.earliest, span.latest


def days(first: date, last: date) -> DateSpan:
    """The span from *first* to *last*."""
    return DateSpan(earliest=first, latest=last)


def month_of(day: date) -> DateSpan:
    """The calendar month holding *day*."""
    return days(day.replace(day=1), month_end(day.year, day.month))


def month_name(day: date) -> str:
    """Name the month holding *day*: "April 2025"."""
    return f"{MONTH_WORDS[day.month - 1]} {year_text(day.year)}"


def week_of(day: date) -> DateSpan:
    """The week, Monday to Sunday, holding *day*."""
    monday = day - timedelta(days=day.weekday())
    return days(monday, monday + timedelta(days=6))


def year_of(year: int) -> DateSpan:
    """The calendar year *year*."""
    return days(date(year, 1, 1), date(year, 12, 31))


def plural(count: int, unit: str) -> str:
    """Say *count* *unit* in words: "1 day", "3 days"."""
    return f"{count} {unit}" if count == 1 else f"{count} {unit}s"


def shift(day: date, count: int, unit: str) -> date:
    """The day *count* units after *day* (before if negative), months clamped."""
    if unit == "day":
        return day + timedelta(days=count)
    if unit == "week":
        return day + timedelta(weeks=count)
    if unit == "month":
        return day + relativedelta(months=count)
    return day + relativedelta(years=count)


def count_of(word: str) -> int:
    """The number a count word or digits stand for."""
    return NUMBERS[word] if word in NUMBERS else int(word)


def nearest_month(month: int, ref: date, direction: Direction) -> date:
    """The first day of the latest *month* starting by *ref*, or the next one."""
    if direction == "back":
        year = ref.year if month <= ref.month else ref.year - 1
    else:
        year = ref.year if month >= ref.month else ref.year + 1
    return date(year, month, 1)


def nearest_day(month: int, day: int, ref: date, direction: Direction) -> date:
    """The latest *month*/*day* on or before *ref*, or the first on or after."""
    step = -1 if direction == "back" else 1
    year = ref.year
    if direction == "back" and (month, day) > (ref.month, ref.day):
        year -= 1
    if direction == "forward" and (month, day) < (ref.month, ref.day):
        year += 1
    # 29 February recurs every four years, or eight across a skipped leap year.
    while not calendar.isleap(year) and (month, day) == (2, 29):
        year += step
    return date(year, month, day)


def nearest_weekday(weekday: int, ref: date, direction: Direction) -> date:
    """The latest *weekday* on or before *ref*, or the first on or after it."""
    if direction == "back":
        return ref - timedelta(days=(ref.weekday() - weekday) % 7)
    return ref + timedelta(days=(weekday - ref.weekday()) % 7)


def looked(direction: Direction) -> str:
    """The words `explain` adds to a reading that could look either way."""
    return f"read {direction} from the reference"


def season_code(name: str, hemisphere: Hemisphere) -> int:
    """The EDTF code (21-24) of the days the season *name* covers."""
    index = SEASONS[name]
    if hemisphere == "south":
        index = (index + 2) % 4
    return 21 + index


def _season_reading(
    name: str, year: int, hemisphere: Hemisphere, relation: str
) -> Reading:
    code = season_code(name, hemisphere)
    first, last = season_span(year, code)
    label = year_text(year) + (
        f"-{year_text(year + 1)[2:]}" if SEASON_START[code] == 12 else ""
    )
    place = " in the southern hemisphere" if hemisphere == "south" else ""
    how = f"meteorological {_SEASON_NAMES[SEASONS[name]]} {label}{place}"
    return Reading(days(first, last), how, relation)


def season(name: str, which: str, ref: date, hemisphere: Hemisphere) -> Reading:
    """The season *name* that is "this", "last" or "next" from *ref*.

    "last" is the latest that ended before *ref*; "next" the first that starts
    after it; "this" the one holding *ref*, else that season of its year;
    "back" and "forward" (a bare season) the latest that started by *ref* and
    the first that ends on or after it.
    """
    code = season_code(name, hemisphere)
    year = ref.year - 1 if SEASON_START[code] == 12 and ref.month <= 2 else ref.year
    relation = "as of"
    if which == "last":
        while season_span(year, code)[1] >= ref:
            year -= 1
        relation = "before"
    elif which == "next":
        while season_span(year, code)[0] <= ref:
            year += 1
        relation = "after"
    elif which == "back":
        while season_span(year, code)[0] > ref:
            year -= 1
    elif which == "forward":
        while season_span(year, code)[1] < ref:
            year += 1
    return _season_reading(name, year, hemisphere, relation)


def named_season(name: str, year: int, hemisphere: Hemisphere) -> Reading:
    """The season *name* of *year*: "fall 2024" is September to November 2024."""
    code = season_code(name, hemisphere)
    if SEASON_START[code] == 12:
        # Winter 2024 may be the one that begins or the one that ends in 2024.
        raise Refusal(
            f"{name} {year} spans two years and may end or begin in {year}; "
            f"write the EDTF {year_text(year)}-{code} for December {year} to "
            f"February {year + 1}, or name the months"
        )
    return _season_reading(name, year, hemisphere, "as of")


# Which days of a week each part names, as weekday indices.
_WEEK_PARTS = {"early": (0, 2), "mid": (2, 4), "late": (3, 6)}


def part_of(part: str, inner: Reading, what: str) -> Reading:
    """The early, middle or late part of a week, month, season, year or decade.

    "the start" and "the beginning" are read as "early", "the end" as "late",
    except that they take only the first or last month of a year.
    """
    span = inner.span
    e = ends(span)[0]
    edge = part in ("start", "beginning", "end")
    index = {"early": 0, "start": 0, "beginning": 0, "mid": 1, "middle": 1}.get(part, 2)
    if span.precision is Precision.WEEK:
        first_day, last_day = _WEEK_PARTS[("early", "mid", "late")[index]]
        words = f"{DAY_NAMES[first_day]} to {DAY_NAMES[last_day]} of"
        first, end = e + timedelta(days=first_day), e + timedelta(days=last_day)
    elif span.precision is Precision.MONTH:
        last = month_end(e.year, e.month).day
        first_day, last_day = ((1, 10), (11, 20), (21, last))[index]
        words = f"days {first_day}-{last_day} of"
        first, end = e.replace(day=first_day), e.replace(day=last_day)
    elif span.precision is Precision.YEAR:
        first_month, last_month = ((1, 4), (5, 8), (9, 12))[index]
        if edge:
            first_month = last_month = 1 if index == 0 else 12
        words = f"{MONTH_WORDS[first_month - 1]} of"
        if first_month != last_month:
            words = (
                f"{MONTH_WORDS[first_month - 1]} to {MONTH_WORDS[last_month - 1]} of"
            )
        first = e.replace(month=first_month)
        end = month_end(e.year, last_month)
    elif span.precision is Precision.SEASON:
        # A meteorological season is three whole months: one each.
        first = shift(e, index, "month")
        end = month_end(first.year, first.month)
        words = f"{MONTH_WORDS[first.month - 1]} of"
    elif span.precision is Precision.DECADE:
        first_year, last_year = ((0, 3), (4, 6), (7, 9))[index]
        words = f"years {first_year}-{last_year} of"
        first = e.replace(year=e.year + first_year)
        end = date(e.year + last_year, 12, 31)
    else:
        raise Refusal(
            f"{part!r} applies to a week, a month, a season, a year or a decade, and "
            f"{what!r} is {span} (precision {span.precision.value})",
        )
    relation = "before" if inner.relation == "before" else "as of"
    return Reading(days(first, end), f"{words} {inner.how}", relation)
