"""The phrase forms that each name one span: "last fall", "Monday evening"...

`read` resolves one normalised phrase against one reference day; the
compound forms (ranges, "since", "by") are built over it in `_phrases`.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from conflictbrief.errors import ValidationError

from ._calendar import MONTH_WORDS, year_text
from ._parts import (
    DAY_NAMES,
    MONTH,
    MONTHS,
    SEASON,
    WEEKDAY,
    WEEKDAYS,
    Options,
    Reading,
    Refusal,
    days,
    ends,
    looked,
    month_name,
    month_of,
    named_season,
    nearest_month,
    nearest_weekday,
    part_of,
    season,
    shift,
    week_of,
    year_of,
)
from ._periods import counted, era, hours
from ._span import DateSpan, Precision
from ._written import written

# Words that name no definite span: resolve refuses them rather than guess.
_VAGUE = re.compile(
    r"recently|lately|soon|earlier|later|previously|before|shortly|the other day"
    r"|in the past|for (?:\w+ )?(?:days|weeks|months|years)"
    r"|within (?:hours|days|weeks|months|years)"
    r"|(?:a while|some time|a few \w+|several \w+|a couple of \w+) ago"
    r"|(?:(?:in|over|within) )?(?:the )?(?:recent|coming|past few|last few"
    rf"|past couple of) (?!(?:{WEEKDAY}|weekend)$)\w+"
)
_DAY_PART = "morning|afternoon|evening|night"
_TIME = (
    r"(?:at )?(?P<hour>[0-9]{1,2})(?:[:.](?P<minute>[0-9]{2}))? ?"
    r"(?P<half>[ap]\.?m\.?)?(?: local time)?"
)
# A clock time that qualifies a day: "by noon on Saturday", "Sunday, 6 p.m.".
_CLOCK = (
    r"(?:at )?(?:noon|midday|[0-9]{1,2}(?:[:.][0-9]{2})? ?[ap]\.?m\.?"
    r"|[0-9]{1,2}[:.][0-9]{2}|[0-9]{4} ?(?:gmt|utc|z))(?: (?:gmt|utc))?"
)
# Qualifiers that place a phrase within its span without narrowing it.
_ASIDE = r"(?:as of |back in |back |at |on |in |into |during )"


def _weekday(m: re.Match[str], ref: date, options: Options) -> Reading:
    """A weekday, perhaps qualified: "last Monday", "Monday evening"."""
    which, weekday, part = m["which"], WEEKDAYS[m["day"]], m["part"]
    name = DAY_NAMES[weekday]
    if which == "last":
        day = ref - timedelta(days=(ref.weekday() - weekday - 1) % 7 + 1)
        how, relation = f"the latest {name} before the reference", "before"
    elif which in ("coming", "this coming"):
        day = ref + timedelta(days=(weekday - ref.weekday() - 1) % 7 + 1)
        how, relation = f"the first {name} after the reference", "after"
    elif which in ("this", "next"):
        day = ends(week_of(ref))[0] + timedelta(days=weekday)
        if which == "next":
            day += timedelta(days=7)
        where = "of" if which == "this" else "after that of"
        how, relation = f"the {name} of the week {where} the reference", "as of"
    else:
        day = nearest_weekday(weekday, ref, options.direction)
        back = options.direction == "back"
        how = (
            f"the {'latest' if back else 'first'} {name} on or "
            f"{'before' if back else 'after'} the reference, "
            f"{looked(options.direction)}"
        )
        relation = "up to" if back else "as of"
    if part == "night":
        # A night runs past midnight into the next day.
        return Reading(
            days(day, day + timedelta(days=1)), f"{how}, and the night after", relation
        )
    return Reading(days(day, day), how, relation)


def _calendar_words(text: str, ref: date) -> Reading | None:
    """today, tomorrow, this/last/next week, month or year, and their like."""
    one_day = {"today": 0, "yesterday": -1, "tomorrow": 1, "this morning": 0}
    one_day |= {"this afternoon": 0, "this evening": 0}
    if text in one_day:
        day = ref + timedelta(days=one_day[text])
        named = {0: "the reference day", -1: "the day before the reference"}
        relation = {0: "as of", -1: "before", 1: "after"}[one_day[text]]
        words = named.get(one_day[text], "the day after the reference")
        return Reading(days(day, day), words, relation)
    if text in ("tonight", "last night"):
        first = ref if text == "tonight" else ref - timedelta(days=1)
        how = (
            "the night from the reference" if text == "tonight" else "the night before"
        )
        words = f"{how} into the next day"
        relation = "from" if text == "tonight" else "up to"
        return Reading(days(first, first + timedelta(days=1)), words, relation)
    if text in ("during the night", "at night", "overnight"):
        first = ref - timedelta(days=1)
        how = "the night before, into the reference day"
        return Reading(days(first, ref), how, "up to")
    if re.fullmatch(r"(?:earlier|later) (?:today|in the day)", text):
        return Reading(days(ref, ref), "the reference day", "as of")
    if m := re.fullmatch(r"later (?:this|in the) (week|month|year)", text):
        span = {"week": week_of(ref), "month": month_of(ref)}.get(
            m[1], year_of(ref.year)
        )
        end = ends(span)[1]
        if end == ref:
            raise Refusal(f"the reference is the last day of its {m[1]}")
        how = f"after the reference day, to the end of its {m[1]}"
        return Reading(days(ref + timedelta(days=1), end), how, "after")
    if m := re.fullmatch(r"(this|last|next) (week|month|year)", text):
        step = {"this": 0, "last": -1, "next": 1}[m[1]]
        relation = "before" if m[1] == "last" else "as of"
        if m[2] == "week":
            where = {"this": "of", "last": "before that of", "next": "after that of"}
            span = week_of(ref + timedelta(days=7 * step))
            return Reading(
                span,
                f"the week (Monday to Sunday) {where[m[1]]} the reference",
                relation,
            )
        if m[2] == "month":
            day = shift(ref, step, "month")
            return Reading(
                month_of(day), f"the calendar month {month_name(day)}", relation
            )
        year = ref.year + step
        return Reading(year_of(year), f"the calendar year {year_text(year)}", relation)
    if m := re.fullmatch(r"earlier (?:this|in the) (week|month|year)", text):
        starts = {"week": ends(week_of(ref))[0], "month": ref.replace(day=1)}
        start = starts.get(m[1], date(ref.year, 1, 1))
        what = {
            "week": "the reference's week (Monday to Sunday)",
            "month": month_name(ref),
        }
        unit = what.get(m[1], year_text(ref.year))
        how = f"{unit} up to and including the reference day"
        return Reading(days(start, ref), how, "up to")
    return None


def _weekend(text: str, ref: date, options: Options) -> Reading | None:
    if options.direction == "forward" and re.fullmatch(
        r"(?:(?:over|at|on|during) )?(?:this |the )?(?:coming )?weekend", text
    ):
        # The first Saturday and Sunday that end on or after the reference.
        saturday = ref + timedelta(days=(5 - ref.weekday()) % 7)
        if ref.weekday() == 6:
            saturday = ref - timedelta(days=1)
        how = "the first weekend ending on or after the reference, read forward"
        return Reading(
            days(max(saturday, ref), saturday + timedelta(days=1)), how, "as of"
        )
    if re.fullmatch(
        r"(?:(?:over|at|on|during) )?(?:this |the )?(?:past |previous )?weekend", text
    ):
        weekday = ref.weekday()
        if weekday == 5:
            return Reading(days(ref, ref), "the reference Saturday", "up to")
        if weekday == 6:
            saturday = ref - timedelta(days=1)
            return Reading(
                days(saturday, ref),
                "the Saturday before and the reference Sunday",
                "up to",
            )
        saturday = ref - timedelta(days=weekday + 2)
        how = "the Saturday and Sunday before the reference"
        return Reading(days(saturday, saturday + timedelta(days=1)), how, "up to")
    if m := re.fullmatch(r"(last|next) weekend", text):
        # The Saturday of the reference's week (Monday to Sunday), moved by
        # whole weeks; "last weekend" is the latest one over before the
        # reference, which on a Saturday or Sunday is the weekend before.
        saturday = ref + timedelta(days=5 - ref.weekday())
        how, relation = "", "as of"
        if m[1] == "last":
            saturday -= timedelta(days=7)
            how, relation = (
                "the latest Saturday and Sunday before the reference",
                "before",
            )
        else:
            saturday += timedelta(days=7)
            how = "the Saturday and Sunday of the week after the reference's"
        return Reading(days(saturday, saturday + timedelta(days=1)), how, relation)
    return None


def _month(text: str, ref: date, options: Options) -> Reading | None:
    """A month without its year: "in May", "last August", "in May last year"."""
    if m := re.fullmatch(rf"(?:in )?({MONTH})(?: of)? (this|last|next) year", text):
        year = ref.year + {"this": 0, "last": -1, "next": 1}[m[2]]
        day = date(year, MONTHS[m[1]], 1)
        return Reading(
            month_of(day), f"{month_name(day)}, the calendar year named", "as of"
        )
    if m := re.fullmatch(rf"(last|next|this) ({MONTH})", text):
        month = MONTHS[m[2]]
        day = nearest_month(month, ref, "back" if m[1] == "last" else "forward")
        if m[1] == "last" and ends(month_of(day))[1] >= ref:
            day = day.replace(year=day.year - 1)
        if m[1] == "next" and day <= ref:
            day = day.replace(year=day.year + 1)
        if m[1] == "this":
            day = day.replace(year=ref.year)
        what = {"last": "latest that ended before", "next": "first that starts after"}
        how = f"the {what.get(m[1], 'one in the year of')} the reference"
        relation = {"last": "before", "next": "after"}.get(m[1], "as of")
        return Reading(month_of(day), f"{month_name(day)}, {how}", relation)
    if m := re.fullmatch(rf"earlier in ({MONTH})", text):
        first = nearest_month(MONTHS[m[1]], ref, "back")
        end = min(ends(month_of(first))[1], ref)
        return Reading(
            days(first, end), f"{month_name(first)} up to the reference day", "up to"
        )
    if m := re.fullmatch(rf"(?:in )?({MONTH})", text):
        first = nearest_month(MONTHS[m[1]], ref, options.direction)
        word = "latest" if options.direction == "back" else "first"
        where = "not after" if options.direction == "back" else "not before"
        name = MONTH_WORDS[first.month - 1]
        how = f"the {word} {name} {where} the reference, {looked(options.direction)}"
        return Reading(month_of(first), how, "as of")
    return None


def _check_time(time: re.Match[str]) -> None:
    """Refuse a time of day no clock shows: 25:00, 10:61, 13 pm, 0 am."""
    hour, minute = int(time["hour"]), int(time["minute"] or 0)
    hours = range(1, 13) if time["half"] else range(24)
    if hour not in hours or minute > 59:
        raise Refusal(f"{time[0]!r} is not a time of day")


def read(text: str, ref: date, options: Options, *, nested: bool = False) -> Reading:
    """Resolve the normalised single-span phrase *text* against the day *ref*."""
    if _VAGUE.fullmatch(text):
        raise Refusal("it names no definite span, and resolve never guesses one")
    if re.fullmatch(r"[0-9x/-]+", text):
        try:
            span = DateSpan.parse(text.upper())
        except ValidationError as error:
            if text.startswith("/") or text.endswith("/"):
                # EDTF's unknown interval end: refused, not read as a year.
                raise Refusal(str(error)) from None
            # Otherwise not EDTF, but maybe a written date such as 4/28/25.
        else:
            ends(span)  # an open interval end names no day to resolve
            return Reading(span, f"the EDTF date {span}", "as of")
    if (time := re.fullmatch(_TIME, text)) and re.search(r"[:.]|m$|time$", text):
        _check_time(time)
        return Reading(days(ref, ref), "a time of day on the reference day", "as of")
    if m := re.fullmatch(r"(.+?),? local time", text):
        return read(m[1], ref, options, nested=nested)
    if m := re.fullmatch(
        rf"(?P<time>{_CLOCK}),? (?:on )?(?P<day>.+)", text
    ) or re.fullmatch(rf"(?P<day>.+?),? (?P<time>{_CLOCK})", text):
        if (time := re.fullmatch(_TIME, m["time"])) is not None:
            _check_time(time)
        on = read(m["day"], ref, options, nested=nested)
        if on.span.precision is not Precision.DAY:
            raise Refusal(f"a time of day needs a day, and {m['day']!r} is not one")
        return Reading(on.span, f"{on.how}, at a time of day", on.relation)
    if m := re.fullmatch(r"(?:on )?(.+?),? (?:of )?(this|last|next) year", text):
        year = ref.year + {"this": 0, "last": -1, "next": 1}[m[2]]
        found = written(f"{m[1]} {year}", ref, options)
        if found is not None and found.span.precision is Precision.DAY:
            return Reading(found.span, f"{found.how}, the year named", "as of")
    for form in (_calendar_words, era):
        if found := form(text, ref):
            return found
    for with_options in (_weekend, hours, counted):
        if found := with_options(text, ref, options):
            return found
    if m := re.fullmatch(
        rf"(?:(?:early|late|later|earlier) )?(?:on )?"
        rf"(?:(?P<which>last|this coming|coming|this|next) )?"
        rf"(?P<day>{WEEKDAY})(?: (?P<part>{_DAY_PART}))?",
        text,
    ):
        return _weekday(m, ref, options)
    if m := re.fullmatch(rf"(?:on )?({WEEKDAY})[ ,]+([^ ,].*)", text):
        reading = written(m[2], ref, options)
        if reading is None or reading.span.precision is not Precision.DAY:
            raise Refusal(f"{m[2]!r} is not a written day")
        day, name = ends(reading.span)[0], DAY_NAMES[WEEKDAYS[m[1]]]
        if day.weekday() != WEEKDAYS[m[1]]:
            raise Refusal(f"{day} is a {DAY_NAMES[day.weekday()]}, not a {name}")
        return Reading(reading.span, f"{reading.how}, a {name}", reading.relation)
    if m := re.fullmatch(rf"(this|last|next|this coming) ({SEASON})", text):
        return season(m[2], m[1].split()[-1], ref, options.hemisphere)
    if m := re.fullmatch(rf"(?:in )?(?:the )?({SEASON}),?(?: of)? ([0-9]{{4}})", text):
        return named_season(m[1], int(m[2]), options.hemisphere)
    if m := re.fullmatch(rf"(?:in |during )?(?:the )?({SEASON})", text):
        reading = season(m[1], options.direction, ref, options.hemisphere)
        return Reading(
            reading.span,
            f"{reading.how}, {looked(options.direction)}",
            reading.relation,
        )
    if found := _month(text, ref, options):
        return found
    if m := re.fullmatch(
        r"(?:(?:at|by|until|in|to) )?(?:the )?"
        r"(?:(early|mid|late) |(start|beginning|middle|end) of |(early|mid|late)-?)"
        r"(?:in )?(?:the )?(.+)",
        text,
    ):
        if nested:
            raise Refusal(
                "expected one 'early', 'mid', 'late', 'start' or 'end' at a time"
            )
        part = m[1] or m[2] or m[3]
        inner_text = {"year": "this year", "month": "this month", "week": "this week"}
        inner = read(inner_text.get(m[4], m[4]), ref, options, nested=True)
        found = part_of(part, inner, m[4])
        first, last = ends(found.span)
        # A named period ("late June", "early spring") is the latest part
        # that has begun looking back, the first that has not ended looking
        # forward: in early June, "late June" looking back is last year's.
        if m[4] not in inner_text and not m[4].startswith(("this ", "next ", "last ")):
            inner_first, inner_last = ends(inner.span)
            if options.direction == "back" and first > ref >= inner_first:
                before = inner_first - timedelta(days=1)
                found = part_of(part, read(m[4], before, options, nested=True), m[4])
            elif options.direction == "forward" and last < ref <= inner_last:
                after = inner_last + timedelta(days=1)
                found = part_of(part, read(m[4], after, options, nested=True), m[4])
        return found
    if m := re.fullmatch(_ASIDE + r"(.+)", text):
        return read(m[1], ref, options, nested=nested)
    if m := re.fullmatch(rf"(today|yesterday|tomorrow),? ({WEEKDAY})", text):
        # "today, Thursday": the day, checked against the weekday named.
        found = read(m[1], ref, options, nested=nested)
        day, name = ends(found.span)[0], DAY_NAMES[WEEKDAYS[m[2]]]
        if day.weekday() != WEEKDAYS[m[2]]:
            raise Refusal(f"{m[1]} is a {DAY_NAMES[day.weekday()]}, not a {name}")
        return found
    reading = written(text, ref, options)
    if reading is None:
        raise Refusal("it is none of the accepted forms")
    return reading
