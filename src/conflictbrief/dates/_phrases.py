"""Reading the date phrases of news reports: the machinery behind `dates.resolve`.

Kept apart from `conflictbrief.dates` and imported on first use, because it
needs python-dateutil's parser, which is slow to import, and many patterns.
This module bounds and normalises a phrase, reads the compound forms (ranges,
"since", "by") over the single forms of `_forms`, and words the result.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

import attrs

from conflictbrief._base.messages import shown
from conflictbrief.errors import DateResolutionError, ValidationError

from ._calendar import Direction, Hemisphere
from ._convert import span_at
from ._forms import read
from ._parts import MONTH, Options, Reading, Refusal, days, ends
from ._span import DateLike, DateSpan

MAX_PHRASE_LENGTH = 200
"""The longest phrase `resolve` reads; a longer one is refused unread."""

# Stripped from both ends: punctuation around a phrase quoted from prose.
# Not ~ ? %: those are EDTF qualifiers, refused rather than dropped.
_STRIP = " \t\n.,;:!\"'`“”‘’«»"  # noqa: RUF001
_DAY_NUMBER = r"[0-9]{1,2}(?:st|nd|rd|th)?"

_FORMS = (
    (
        "a written date: '4/28/25', 'April 28, 2025', '28 April 2025', "
        "'2025-04-28', 'April 28', 'April 2025', '2024', or any EDTF date"
    ),
    (
        "'today', 'yesterday', 'tomorrow', 'tonight', 'overnight', 'last night', "
        "'this morning', a time of day such as '8:00 AM'"
    ),
    (
        "a weekday: 'Monday', 'on Monday', 'last Monday', 'next Monday', "
        "'Monday evening', 'late Monday', 'Monday (4/28/25)'"
    ),
    "'this week', 'last week', 'next week', 'earlier this week'",
    "'weekend', 'over the weekend', 'this weekend', 'last weekend', 'next weekend'",
    "'this month', 'last month', 'next month', 'earlier this month'",
    "'this year', 'last year', 'next year', 'earlier this year'",
    (
        "'early', 'mid', 'late', 'the start of' or 'the end of' a week, month, "
        "year or decade: 'late 2024', 'mid-April', 'early this week'"
    ),
    "'in <month>', 'last August', 'in August last year', 'earlier in June'",
    "a season: 'in the spring', 'this', 'last' or 'next' winter, 'fall 2024'",
    "a decade or century: 'the 1990s', 'the 20th century'",
    (
        "'<N> days ago', 'more than <N> days ago', 'past <N> days', 'next <N> "
        "days', 'within <N> days', 'in <N> days', also weeks, months, years; "
        "'in the past 24 hours', 'within 72 hours'"
    ),
    "'since <phrase>': 'since 2014', 'since Saturday evening'",
    (
        "a deadline: 'by Friday', 'no later than March', 'until July', "
        "'before the end of the year', 'by year end', 'by noon on Saturday'"
    ),
    (
        "a range: 'between October 8 and 13', 'from March to May', 'October "
        "8-13', 'May and June', 'overnight Monday to Tuesday'"
    ),
)


def _is_control(char: str) -> bool:
    """Whether *char* is a control character other than tab, newline or return."""
    return char not in "\t\n\r" and (char < " " or "\x7f" <= char <= "\x9f")


def _refusal(phrase: str, why: str) -> DateResolutionError:
    forms = "\n".join(f"  - {form}" for form in _FORMS)
    return DateResolutionError(
        f"cannot resolve {phrase!r} to a span of days: {why}. "
        f"Accepted forms (any case, surrounding punctuation ignored):\n{forms}"
    )


def _complete(left: str, right: str) -> tuple[str, str]:
    """Give a bare day number the month and year of the other end of a range."""
    if re.fullmatch(_DAY_NUMBER, right) and (
        m := re.fullmatch(rf"({MONTH}) {_DAY_NUMBER}(,? [0-9]{{4}})?", left)
    ):
        return left, f"{m[1]} {right}{m[2] or ''}"
    if re.fullmatch(_DAY_NUMBER, left) and (
        m := re.fullmatch(rf"{_DAY_NUMBER} ({MONTH})(,? [0-9]{{4}})?", right)
    ):
        return f"{left} {m[1]}{m[2] or ''}", right
    return left, right


def _range(left: str, right: str, ref: date, options: Options) -> Reading:
    """From the start of *left* to the end of the first *right* after it."""
    left, right = _complete(left, right)
    first = read(left, ref, options)
    # The end is read forward from the start: "Saturday to Sunday morning".
    ahead = attrs.evolve(options, direction="forward")
    start = ends(first.span)[0]
    last = read(right, start, ahead)
    if ends(last.span)[1] < start:
        raise Refusal(f"{right!r} ends before {left!r} starts")
    how = f"from {first.how} to {last.how}"
    return Reading(days(start, ends(last.span)[1]), how, first.relation)


_DEADLINE = re.compile(
    r"(by|no later than|not later than|until|till|up until|before) (.+)"
)
_YEAR_END = re.compile(r"(?:the )?year[- ]?end|(?:the )?end of (?:the )?year")


def _deadline(word: str, what: str, ref: date, options: Options) -> Reading:
    """The days an event "by *what*" can fall on, looking *options.direction*.

    Forward, or whenever the deadline ends after the reference, from the
    reference to the end of the deadline; back, an unknown day up to it.
    "before X" ends the day before X starts, unless X is itself an end
    ("before the end of the year").
    """
    # "an August 31 deadline", "close of Tuesday": the deadline itself.
    what = re.sub(r"^(?:an? |the )(.+) deadline$", r"\1", what)
    what = re.sub(r"^(?:the )?close of ", "", what)
    if _YEAR_END.fullmatch(what):
        what = "the end of the year"
    deadline = read(what, ref, options)
    first, last = ends(deadline.span)
    named = f"the end of the deadline, {deadline.how}"
    if word == "before" and not re.match(r"(?:the )?end of ", what):
        last = first - timedelta(days=1)
        named = f"the day before the deadline, {deadline.how}"
    if options.direction == "back" and last <= ref:
        span = DateSpan(earliest=None, latest=last, unknown=True)
        return Reading(span, f"an unknown day up to {named}", "up to")
    # A deadline still ahead, even read back ("by the end of 2024" early in
    # 2024), is looked forward to.
    if last < ref:
        raise Refusal(f"the deadline {what!r} has passed by the reference day")
    return Reading(days(ref, last), f"from the reference day to {named}", "as of")


def _compound(text: str, ref: date, options: Options) -> Reading:
    """Read "since", "by", ranges and "overnight into", else a single form."""
    if m := re.fullmatch(r"(?:ever )?since (.+)|(?:starting|beginning) (.+)", text):
        # "since" always looks back: it counts up to the reference.
        what = m[1] or m[2]
        start = read(what, ref, attrs.evolve(options, direction="back"))
        first = ends(start.span)[0]
        if first > ref:
            raise Refusal(f"{what!r} starts after the reference")
        how = f"from the start of {start.how} to the reference day"
        return Reading(days(first, ref), how, "up to")
    if m := _DEADLINE.fullmatch(text):
        return _deadline(m[1], m[2], ref, options)
    if m := re.fullmatch(r"overnight (?:from )?(.+?) (?:to|into) (.+)", text):
        before, after = read(m[1], ref, options), read(m[2], ref, options)
        if ends(after.span)[0] - ends(before.span)[1] != timedelta(days=1):
            raise Refusal(f"{m[2]!r} is not the day after {m[1]!r}")
        how = f"the night from {before.how} into the next day"
        return Reading(days(ends(before.span)[0], ends(after.span)[1]), how, "as of")
    if m := re.fullmatch(r"overnight (?:into|on) (.+)", text):
        morning = read(m[1], ref, options)
        dawn, end = ends(morning.span)
        evening = dawn - timedelta(days=1)
        how = f"the night into {morning.how}"
        return Reading(days(evening, end), how, morning.relation)
    if m := re.fullmatch(
        r"between (.+?) and (.+)|from (.+?) (?:to|until|till|through) (.+)", text
    ):
        return _range(m[1] or m[3], m[2] or m[4], ref, options)
    if m := re.fullmatch(r"(?:on |in |at )?(.+?) (?:and|or) (.+)", text):
        # "May and June", "the end of July or the beginning of August": one
        # or both, so the span of both, cut at the reference as a period is.
        return attrs.evolve(_range(m[1], m[2], ref, options), toward=True)
    if re.search("[a-z]", text) and (
        m := re.fullmatch(r"(?:(?:from|between|on|in) )?([^-–]+?) ?[-–] ?(.+)", text)  # noqa: RUF001
    ):
        try:
            return _range(m[1], m[2], ref, options)
        except Refusal:
            pass  # not a range after all: "mid-April", "Monday 4-28-25"
    single = read(text, ref, options)
    # An EDTF date is taken as written; any other period may be cut.
    toward = single.relation == "as of" and not re.fullmatch(r"[0-9x/-]+", text)
    return attrs.evolve(single, toward=toward)


def _toward(span: DateSpan, ref: date, direction: str) -> tuple[DateSpan, str]:
    """Cut *span* where it holds *ref*, on the side *direction* names.

    "this year" looking back is what has passed of it, and looking forward
    what is left; so for "in May" in May, or "this weekend" on a Sunday.
    """
    first, last = ends(span)
    if direction == "back" and first <= ref < last:
        return days(first, ref), ", up to the reference"
    if direction == "forward" and first < ref <= last:
        return days(ref, last), ", from the reference"
    return span, ""


def _normalise(phrase: str) -> str:
    # Parentheses become spaces so that "Monday (4/28/25)" reads as written.
    text = re.sub(r"[()\[\]]", " ", phrase.lower())
    text = " ".join(text.split()).strip(_STRIP)
    # A possessive names the same day: "Friday's strike", "next week's talks".
    return re.sub(r"(?<=[a-z])['’]s(?: [a-z -]+)?$", "", text)  # noqa: RUF001


def resolve_phrase(
    phrase: str,
    reference: DateLike,
    *,
    dayfirst: bool,
    hemisphere: Hemisphere,
    direction: Direction = "back",
) -> tuple[DateSpan, str]:
    """Resolve *phrase*, returning the span and the sentence that explains it."""
    if type(phrase) is not str:
        raise DateResolutionError(f"expected a phrase as a string, got {shown(phrase)}")
    if len(phrase) > MAX_PHRASE_LENGTH:
        # Refused unread: a bound on the work any phrase can cost.
        raise DateResolutionError(
            f"cannot resolve {phrase[:40]!r}... ({len(phrase)} characters): "
            f"expected a phrase of at most {MAX_PHRASE_LENGTH} characters"
        )
    control = next((c for c in phrase if _is_control(c)), None)
    if control is not None:
        # A NUL or an escape sequence is no part of a date, and dropping it
        # could join what it separated ("2025\x00-04-28").
        raise _refusal(phrase, f"it holds the control character {control!r}")
    if hemisphere not in ("north", "south"):
        raise ValidationError.at(
            "hemisphere", f"expected 'north' or 'south', got {shown(hemisphere)}"
        )
    if direction not in ("back", "forward"):
        raise ValidationError.at(
            "direction", f"expected 'back' or 'forward', got {shown(direction)}"
        )
    ref = span_at("reference", reference)
    if ref.earliest is None or ref.latest is None:
        raise ValidationError.at(
            "reference", f"expected a span with both ends, got {str(ref)!r}"
        )
    if re.search("[0-9]", phrase) and re.search(r"[~?%]|\.\.", phrase):
        # Checked before punctuation is stripped, so that none is dropped.
        why = "the EDTF qualifiers ~ ? % and open ends .. are not supported"
        raise _refusal(phrase, why)
    text = re.sub(r"\b(early|mid|late)-", r"\1 ", _normalise(phrase))
    options = Options(dayfirst=dayfirst, hemisphere=hemisphere, direction=direction)
    try:
        first = _compound(text, ref.earliest, options)
        last = first
        if ref.latest != ref.earliest:
            last = _compound(text, ref.latest, options)
    except Refusal as refusal:
        raise _refusal(phrase, refusal.why) from None
    except (ValueError, OverflowError):
        raise _refusal(phrase, "it falls outside the years 0001-9999") from None
    cut = ""
    if first.toward:
        # Each end's reading is cut at its own day; the two together still
        # cover the reading of every day between.
        one, cut = _toward(first.span, ref.earliest, direction)
        two, _ = _toward(last.span, ref.latest, direction)
        span = days(min(ends(one)[0], ends(two)[0]), max(ends(one)[1], ends(two)[1]))
    else:
        span = attrs.evolve(first.span, latest=last.span.latest)
    how = first.how
    if first.span != last.span:
        # Every form moves forward with the reference, so the spans resolved
        # from the reference's first and last days bound all the others.
        how = (
            f"{first.how} for {ref.earliest}, through {last.how} for {ref.latest}"
            if first.how != last.how
            else f"{how}, for any reference day from {ref.earliest} to {ref.latest}"
        )
    span_words = (
        f"an unknown day to {span.latest}"
        if span.earliest is None
        else str(span.earliest)
        if span.earliest == span.latest
        else f"{span.earliest} to {span.latest}"
    )
    relation = "up to" if cut == ", up to the reference" else first.relation
    return span, f"{phrase!r} {relation} {ref}: {how}{cut}, {span_words}"
