"""`DateSpan`: an inclusive span of days, read and written as EDTF.

The span class, its wording in plain English, and the converters and
validators that let model fields take a span, a `date` or EDTF text; the EDTF
grammar is `conflictbrief._edtf`. `conflictbrief.dates` is its public home.
"""

from __future__ import annotations

import enum
import functools
from datetime import date
from typing import Any, Union

import attrs

from conflictbrief._base.index import OPEN_START, UNBOUNDED
from conflictbrief._base.messages import shown
from conflictbrief._base.sealed import sealed
from conflictbrief._validators import fail
from conflictbrief.errors import ValidationError

from ._calendar import (
    MONTH_WORDS,
    NORTHERN_CODE,
    SEASON_WORDS,
    day_words,
    decade_of,
    month_end,
    year_text,
)
from ._edtf import OPEN, end_form, read_edtf, start_form

__all__ = ["DateLike", "DateSpan", "Precision", "day_numbers"]

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


@functools.lru_cache(maxsize=8192)
def _parse(text: str) -> DateSpan:
    earliest, latest, unknown = read_edtf(text)
    return DateSpan(earliest=earliest, latest=latest, unknown=unknown)


def _check_end(_: object, a: attrs.Attribute[Any], value: object) -> None:
    if value is not None and type(value) is not date:
        raise fail(a.name, value, "a datetime.date or None (open)")


def _check_order(span: DateSpan, a: attrs.Attribute[Any], latest: date | None) -> None:
    _check_end(span, a, latest)
    if latest is None and span.earliest is None:
        raise ValidationError.at(
            a.name,
            "expected a day, or None with a day as earliest: "
            "a span open at both ends names no days, got None",
        )
    if latest is not None and span.earliest is not None and latest < span.earliest:
        raise ValidationError.at(
            a.name,
            f"expected a day on or after earliest ({span.earliest.isoformat()}), "
            f"got {latest.isoformat()}",
        )


def _check_unknown(span: DateSpan, a: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not bool:
        raise fail(a.name, value, "True or False")
    if value and None not in (span.earliest, span.latest):
        raise ValidationError.at(
            a.name,
            "expected False for a span with both ends: unknown=True says the end "
            "given as None is unknown rather than open",
        )


def day_numbers(span: DateSpan) -> tuple[int, int]:
    """The first and last day of *span* as ordinals (`date.toordinal`).

    A missing start, open or unknown, is `OPEN_START`, before every day, and
    a missing end `UNBOUNDED`, after every day: the numbers the date indexes
    use.
    """
    e, l = span.earliest, span.latest  # noqa: E741
    return (
        OPEN_START if e is None else e.toordinal(),
        UNBOUNDED if l is None else l.toordinal(),
    )


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

    One end may be missing (None), where the source gives none. EDTF tells
    two kinds apart, and so does a span. An open end has no bound: "any time
    up to July" is ``DateSpan(earliest=None, latest=date(2025, 7, 31))``,
    written ``../2025-07``. An unknown end has one that the source does not
    give: "had retaken the village by August 27", looking back, is
    ``DateSpan(earliest=None, latest=date(2025, 8, 27), unknown=True)``,
    written ``/2025-08-27``. None rather than a sentinel day such as
    `date.min`, so that no day is invented.

    For set logic both kinds mean the same: the span may reach any day
    beyond its known end, since nothing says which day an unknown end is.
    A missing end compares as lying beyond every day: a missing start
    precedes nothing and is contained only by another missing start. They
    differ in what they say, and so in equality, EDTF and `describe`. Both
    ends missing names no days and is refused. Comparisons go through
    `day_numbers`, where a missing end is a number beyond every day's.

    Attributes:
        earliest: The first day the span includes; None if it has no start
            or its start is unknown.
        latest: The last day the span includes, never before *earliest*;
            None if it has no end or its end is unknown.
        unknown: True if the missing end is unknown (EDTF ``/2025-01-11``)
            rather than open (``../2025-01-11``); False for a span with both
            ends.
    """

    earliest: date | None = attrs.field(validator=_check_end)
    latest: date | None = attrs.field(validator=_check_order)
    unknown: bool = attrs.field(default=False, validator=_check_unknown)

    @classmethod
    def parse(cls, text: str) -> DateSpan:
        """Read an EDTF date or interval.

        Accepts a day (``2025-04-28``), a month (``2025-04``), a season
        (``2024-21`` to ``2024-32``), a year (``2024``), unspecified digits
        (``2024-XX``, ``202X``), intervals of these (``2024-09/2025-02``) and
        intervals with one open end (``../2025-01-11``, ``2024-08/..``) or
        one unknown end (``/2025-01-11``, ``2024-08/``), each written back
        as read. Seasons ``25``-``32`` are read,
        but a span is only its days, so every season is written back with the
        northern code (``21``-``24``) that covers the same days.

        Args:
            text: The EDTF text.

        Returns:
            The span of days the text names.

        Raises:
            ValidationError: The text is not one of those forms, uses a
                qualifier (``~ ? %``) or a set (``[1667, 1668]``), which are
                not supported, opens both ends, or names year 0 (``0000``,
                ``000X``, ``00XX``): years run 0001-9999.
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
        """The coarsest calendar unit the span is exactly, or ``SPAN``.

        A span with an open end is ``SPAN``.
        """
        e, l = self.earliest, self.latest  # noqa: E741
        if e is None or l is None:
            return Precision.SPAN
        if e == l:
            return Precision.DAY
        if (l - e).days == 6 and e.weekday() == 0:
            return Precision.WEEK
        if e.day == 1 and l == month_end(e.year, e.month):
            return Precision.MONTH
        if _season(e, l) is not None:
            return Precision.SEASON
        if (e.month, e.day, l.month, l.day) == (1, 1, 12, 31):
            if e.year == l.year:
                return Precision.YEAR
            if (e.year, l.year) == decade_of(e.year):
                return Precision.DECADE
        return Precision.SPAN

    @property
    def sort_key(self) -> tuple[int, int, bool]:
        """A total order for timelines: by earliest day, then latest.

        The days are ordinals (`date.toordinal`); a missing start sorts before
        every day and a missing end after every day, an open one before an
        unknown one, so that equal keys mean equal spans.
        """
        return (*day_numbers(self), self.unknown)

    def contains(self, other: DateLike) -> bool:
        """Whether every day of *other* lies within this span."""
        first, last = day_numbers(self)
        o_first, o_last = day_numbers(DateSpan.of(other))
        return first <= o_first and o_last <= last

    def overlaps(self, other: DateLike) -> bool:
        """Whether this span and *other* share at least one day."""
        first, last = day_numbers(self)
        o_first, o_last = day_numbers(DateSpan.of(other))
        return first <= o_last and o_first <= last

    def precedes(self, other: DateLike) -> bool:
        """Whether this span ends before *other* starts: certainly earlier."""
        return day_numbers(self)[1] < day_numbers(DateSpan.of(other))[0]

    def follows(self, other: DateLike) -> bool:
        """Whether this span starts after *other* ends: certainly later."""
        return day_numbers(self)[0] > day_numbers(DateSpan.of(other))[1]

    def __contains__(self, other: DateLike) -> bool:
        return self.contains(other)

    def __str__(self) -> str:
        e, l = self.earliest, self.latest  # noqa: E741
        missing = "" if self.unknown else OPEN
        if e is None:
            return f"{missing}/{end_form(None, l)}"  # type: ignore[arg-type]
        if l is None:
            return f"{start_form(e, None)}/{missing}"
        precision = self.precision
        if precision is Precision.DAY:
            return e.isoformat()
        if precision is Precision.MONTH:
            return f"{year_text(e.year)}-{e.month:02d}"
        if precision is Precision.SEASON:
            return f"{year_text(e.year)}-{_season(e, l)}"
        if precision is Precision.YEAR:
            return year_text(e.year)
        if precision is Precision.DECADE:
            return year_text(e.year)[:3] + "X"
        return f"{start_form(e, l)}/{end_form(e, l)}"

    def __repr__(self) -> str:
        return f"DateSpan.parse({str(self)!r})"

    def describe(self) -> str:
        """Say the span in words, as a reader would: "autumn 2024".

        >>> DateSpan.parse("2024-09/2025-04-28").describe()
        'September 2024 to 28 April 2025'
        >>> DateSpan.parse("2025-04-26/2025-04-27").describe()
        '26\u201327 April 2025'
        >>> DateSpan.parse("../2025-01-11").describe()
        'on or before 11 January 2025'
        >>> DateSpan.parse("/2025-04").describe()
        'from an unknown day to April 2025'
        >>> DateSpan.parse("2024-08/..").describe()
        'in or after August 2024'
        """
        e, l = self.earliest, self.latest  # noqa: E741
        if e is None:
            end = end_form(None, l)  # type: ignore[arg-type]
            if self.unknown:
                return f"from an unknown day to {_form_words(end)}"
            return f"{'on' if len(end) == 10 else 'in'} or before {_form_words(end)}"
        if l is None:
            start = start_form(e, None)
            if self.unknown:
                return f"from {_form_words(start)} to an unknown day"
            return f"{'on' if len(start) == 10 else 'in'} or after {_form_words(start)}"
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
        start, end = start_form(e, l), end_form(e, l)
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


def _season(e: date, l: date) -> int | None:  # noqa: E741
    """The northern season code of the span *e* to *l*, if it is one."""
    code = NORTHERN_CODE.get(e.month) if e.day == 1 else None
    if code is None:
        return None
    # Compared field by field: the end of winter 9999 is not a `date`.
    last = (e.year + (e.month == 12), (e.month + 1) % 12 + 1)
    if (l.year, l.month) == last and l == month_end(l.year, l.month):
        return code
    return None


def _form_words(form: str) -> str:
    """An interval end as written by `start_form` or `end_form`, in words."""
    if form.endswith("X"):
        return f"the {int(form[:3]) * 10}s"
    parts = [int(p) for p in form.split("-")]
    if len(parts) == 1:
        return str(parts[0])
    if len(parts) == 2:
        return f"{MONTH_WORDS[parts[1] - 1]} {parts[0]}"
    return day_words(date(*parts))


@functools.lru_cache(maxsize=8192)
def _day(day: date) -> DateSpan:
    return DateSpan(earliest=day, latest=day)
