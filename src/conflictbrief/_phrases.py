"""Reading the date phrases of news reports: the machinery behind `dates.resolve`.

Kept apart from `conflictbrief.dates` and imported on first use, because it
needs python-dateutil's parser, which is slow to import, and many patterns.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta

import attrs
import dateutil.parser
from dateutil.relativedelta import relativedelta

from ._calendar import (
    MONTH_WORDS,
    SEASON_START,
    SEASON_WORDS,
    Hemisphere,
    month_end,
    season_span,
    year_text,
)
from ._messages import shown
from ._span import DateLike, DateSpan, Precision, span_at
from .errors import DateResolutionError, ValidationError

_DAY_NAMES = (
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"
)  # fmt: skip
_MONTHS = {name.lower(): i for i, name in enumerate(MONTH_WORDS, 1)} | {
    name.lower()[:3]: i for i, name in enumerate(MONTH_WORDS, 1)
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
_SEASON_NAMES = tuple(SEASON_WORDS.values())  # spring, summer, autumn, winter

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
    "'this week', 'last week', 'next week', 'earlier this week'",
    "'weekend', 'over the weekend', 'this weekend', 'last weekend', 'next weekend'",
    "'this month', 'last month', 'next month', 'earlier this month'",
    "'this year', 'last year', 'next year', 'earlier this year'",
    "'early', 'mid' or 'late' before a month or year: 'late 2024', 'mid-April'",
    "'this' or 'last' before spring, summer, fall, autumn or winter",
    (
        "a season and a year: 'fall 2024', 'summer of 2024' (winter spans two "
        "years: write EDTF such as '2024-24')"
    ),
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
    return f"{MONTH_WORDS[day.month - 1]} {year_text(day.year)}"


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


def _season_code(name: str, hemisphere: Hemisphere) -> int:
    """The EDTF code (21-24) of the days the season *name* covers."""
    index = _SEASONS[name]
    if hemisphere == "south":
        index = (index + 2) % 4
    return 21 + index


def _season_words(name: str, label: str, hemisphere: Hemisphere) -> str:
    """How a season was read: "meteorological autumn 2024 in the south..."."""
    place = " in the southern hemisphere" if hemisphere == "south" else ""
    return f"meteorological {_SEASON_NAMES[_SEASONS[name]]} {label}{place}"


def _season(name: str, which: str, ref: date, hemisphere: Hemisphere) -> _Reading:
    code = _season_code(name, hemisphere)
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
    label = year_text(year) + (
        f"-{year_text(year + 1)[2:]}" if starts_in_december else ""
    )
    return _Reading(
        _days(first, last), _season_words(name, label, hemisphere), relation
    )


def _named_season(name: str, year: int, hemisphere: Hemisphere) -> _Reading:
    """The season *name* of *year*: "fall 2024" is September to November 2024."""
    code = _season_code(name, hemisphere)
    if SEASON_START[code] == 12:
        # Winter 2024 may be the one that begins or the one that ends in 2024.
        raise _Refusal(
            f"{name} {year} spans two years and may end or begin in {year}; "
            f"write the EDTF {year_text(year)}-{code} for December {year} to "
            f"February {year + 1}, or name the months"
        )
    first, last = season_span(year, code)
    how = _season_words(name, year_text(year), hemisphere)
    return _Reading(_days(first, last), how, "as of")


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
        what = f"{MONTH_WORDS[first_month - 1]} to {MONTH_WORDS[first_month + 2]} of"
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
    except (ValueError, OverflowError) as error:
        if "day is out of range" in str(error):
            raise _Refusal("it names a day its month does not have") from None
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
            raise _Refusal(f"read {reading}, it has no month {month}; pass {other}")
        order = ", read day first" if dayfirst else ", read month first"
    if given == (True, True, True):
        return _Reading(_days(day, day), f"the written date{order}", "as of")
    if given == (False, True, True):
        day = _latest_day(day.month, day.day, ref)
        how = (
            f"the latest {MONTH_WORDS[day.month - 1]} {day.day}"
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
    if m := re.fullmatch(r"(this|last|next) month", text):
        day = ref + relativedelta(months={"this": 0, "last": -1, "next": 1}[m[1]])
        relation = "before" if m[1] == "last" else "as of"
        return _Reading(_month(day), f"the calendar month {_month_name(day)}", relation)
    if text == "earlier this week":
        monday = ref - timedelta(days=ref.weekday())
        how = "the reference's week (Monday to Sunday) up to and including the day"
        return _Reading(_days(monday, ref), how, "up to")
    if text == "earlier this month":
        how = f"{_month_name(ref)} up to and including the reference day"
        return _Reading(_days(ref.replace(day=1), ref), how, "up to")
    if m := re.fullmatch(r"(this|last|next) year", text):
        year = ref.year + {"this": 0, "last": -1, "next": 1}[m[1]]
        relation = "before" if m[1] == "last" else "as of"
        return _Reading(
            _calendar_year(year), f"the calendar year {year_text(year)}", relation
        )
    if text == "earlier this year":
        how = f"{year_text(ref.year)} up to and including the reference day"
        return _Reading(_days(date(ref.year, 1, 1), ref), how, "up to")
    if m := re.fullmatch(r"(this|last) (spring|summer|fall|autumn|winter)", text):
        return _season(m[2], m[1], ref, hemisphere)
    if m := re.fullmatch(
        r"(?:in )?(spring|summer|fall|autumn|winter),?(?: of)? ([0-9]{4})", text
    ):
        return _named_season(m[1], int(m[2]), hemisphere)
    if m := re.fullmatch(r"(?:in )?(early|mid|late)[- ](?:in )?(.+)", text):
        inner = _read(m[2], ref, dayfirst=dayfirst, hemisphere=hemisphere)
        return _parts(m[1], inner, text)
    if m := re.fullmatch(rf"(?:in )?({_MONTH})", text):
        first = _latest_month(_MONTHS[m[1]], ref)
        how = f"the latest {MONTH_WORDS[first.month - 1]} not after the reference"
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


def resolve_phrase(
    phrase: str, reference: DateLike, *, dayfirst: bool, hemisphere: Hemisphere
) -> tuple[DateSpan, str]:
    """Resolve *phrase*, returning the span and the sentence that explains it."""
    if type(phrase) is not str:
        raise DateResolutionError(f"expected a phrase as a string, got {shown(phrase)}")
    if hemisphere not in ("north", "south"):
        raise ValidationError.at(
            "hemisphere", f"expected 'north' or 'south', got {shown(hemisphere)}"
        )
    ref = span_at("reference", reference)
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
