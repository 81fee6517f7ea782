"""What model fields use to take a day or a span: converters and validators.

A field converter turns ``YYYY-MM-DD`` or EDTF text into a `date` or a
`DateSpan` and leaves anything else for its validator, which names the field
and what was expected.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import attrs

from conflictbrief._validators import fail
from conflictbrief.errors import ValidationError

from ._span import DateLike, DateSpan

__all__ = [
    "DAY",
    "check_given_day",
    "check_optional_span",
    "check_span",
    "read_day",
    "span_at",
    "to_day",
    "to_optional_span",
    "to_span",
]

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
