"""Uncertain dates as spans of days, read and written as EDTF.

A `DateSpan` is an inclusive range of days. It stands for an uncertain moment
("some day last fall") or for an extent ("an operation that lasted months"):
both use the same set logic. Spans read and write the Extended Date/Time
Format (EDTF, ISO 8601-2)::

    >>> from datetime import date
    >>> DateSpan.parse("2024-23")
    DateSpan.parse('2024-23')
    >>> str(DateSpan(earliest=date(2025, 4, 26), latest=date(2025, 4, 27)))
    '2025-04-26/2025-04-27'

`resolve` turns the phrases news uses ("last fall", "over the weekend") into
spans relative to a publication day, and `explain` says how.
"""

from __future__ import annotations

from ._calendar import Direction, Hemisphere
from ._span import DateLike, DateSpan, Precision

__all__ = ["DateLike", "DateSpan", "Hemisphere", "Precision", "explain", "resolve"]


def resolve(
    phrase: str,
    reference: DateLike,
    *,
    dayfirst: bool = False,
    hemisphere: Hemisphere = "north",
    direction: Direction = "back",
) -> DateSpan:
    """Turn a date phrase from a news report into the span of days it means.

    The phrase is read relative to *reference*, the day the report was
    published. Case and surrounding punctuation do not matter. Every accepted
    form, with its result, is listed in ``docs/dates.md``; in short: written
    dates and EDTF, ``today``, ``yesterday``, ``tomorrow``, ``overnight``,
    weekdays with their parts of day and times, weeks, weekends, months,
    years, ``early/mid/late`` or ``the start/middle/end of`` any of these,
    seasons, decades and centuries, ``N <units> ago``, ``past N <units>``,
    windows of hours, ``since <phrase>``, deadlines (``by``, ``no later
    than``, ``until``, ``before <phrase>``) and ranges such as ``between
    October 8 and 13``. A period that holds the reference is cut at it on
    the side *direction* names. A phrase longer than 200 characters is
    refused unread.

    Args:
        phrase: The phrase, such as ``"last fall"`` or ``"on Monday (4/28/25)"``.
        reference: The day the phrase is relative to. A span (or an EDTF
            string) stands for a reference known only roughly: the result
            then covers every day the phrase could mean from any day in it.
        dayfirst: Read ``5/4/25`` as 5 April rather than May 4.
        hemisphere: Whose seasons ``spring`` to ``winter`` name; the southern
            seasons are the northern ones six months on.
        direction: How to read a phrase that can look either way from the
            reference (``"on Monday"``, ``"in late December"``, ``"by
            Friday"``): ``"back"`` takes the latest such day or span on or
            before the reference, ``"forward"`` the first on or after it.
            Phrases that point one way only (``"last Monday"``) ignore it.
            A deadline looking back is an unknown day up to its end
            (``/2025-04-25``); looking forward, or while still ahead, the
            days from the reference to its end.

    Returns:
        The span of days the phrase names.

    Raises:
        DateResolutionError: The phrase is vague (``"recently"``, ``"soon"``),
            not one of the accepted forms, names a weekday that does not match
            its date, is longer than 200 characters, or falls outside the
            years 1-9999. The message quotes the phrase and lists the
            accepted forms.
        ValidationError: *reference* is not a date, span or EDTF string,
            *hemisphere* is not ``"north"`` or ``"south"``, or *direction*
            is not ``"back"`` or ``"forward"``.
    """
    from ._phrases import resolve_phrase

    span, _ = resolve_phrase(
        phrase, reference, dayfirst=dayfirst, hemisphere=hemisphere, direction=direction
    )
    return span


def explain(
    phrase: str,
    reference: DateLike,
    *,
    dayfirst: bool = False,
    hemisphere: Hemisphere = "north",
    direction: Direction = "back",
) -> str:
    """Say in one sentence how `resolve` turns *phrase* into a span.

    Args:
        phrase: As for `resolve`.
        reference: As for `resolve`.
        dayfirst: As for `resolve`.
        hemisphere: As for `resolve`.
        direction: As for `resolve`; the sentence says which way a phrase
            that can look either way was read.

    Returns:
        A sentence such as ``'last fall' before 2025-04-28: meteorological
        autumn 2024, 2024-09-01 to 2024-11-30``.

    Raises:
        DateResolutionError: As for `resolve`.
        ValidationError: As for `resolve`.
    """
    from ._phrases import resolve_phrase

    _, how = resolve_phrase(
        phrase, reference, dayfirst=dayfirst, hemisphere=hemisphere, direction=direction
    )
    return how
