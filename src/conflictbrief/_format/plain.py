"""Readers of a file's plain values, and what the types a brief holds are.

The JSON types are read strictly, so that a value of the wrong type is
refused rather than converted; ids, days, spans and kinds are read from
their strings. The fast reader (`conflictbrief._format.reader`) and the
cattrs converter that names a bad file's problems
(`conflictbrief._format.converter`) both read plain values with these.
"""

from __future__ import annotations

import enum
import types
from collections.abc import Callable
from datetime import date
from typing import Any, Union, get_args, get_origin

import attrs

from conflictbrief._base.messages import choices, shown
from conflictbrief._collections.collection import Records
from conflictbrief._validators import Id
from conflictbrief.dates._convert import read_day
from conflictbrief.dates._span import DateSpan

__all__ = [
    "PLAIN",
    "Reader",
    "WrongTypeError",
    "holds_model",
    "is_model",
    "is_optional",
    "is_tuple",
    "kind_reader",
    "read_date",
    "read_span",
    "strict",
]

Reader = Callable[[Any, Any], Any]
"""A reader of one type: called with the JSON value and the type, as a cattrs
structure hook is, so that the detailed converter can use the same ones."""


class WrongTypeError(TypeError):
    """A JSON value of the wrong type; the path is added by the walker."""

    def __init__(self, expected: str, value: object) -> None:
        super().__init__(f"expected {expected}, got {shown(value)}")


def is_model(t: Any) -> bool:
    """Whether *t* is a model class (an attrs class)."""
    return isinstance(t, type) and attrs.has(t)


def holds_model(t: Any) -> bool:
    """Whether *t* is a model class or a type built from one."""
    return is_model(t) or any(holds_model(arg) for arg in get_args(t))


def is_tuple(cl: Any) -> bool:
    """Whether *cl* is a tuple or a `Records`: what a JSON list is read as."""
    return get_origin(cl) in (tuple, Records)


def is_optional(cl: Any) -> bool:
    """Whether *cl* is a type or None."""
    args = get_args(cl)
    return (
        get_origin(cl) in (Union, types.UnionType)
        and len(args) == 2
        and type(None) in args
    )


def strict(expected: str, *types: type) -> Reader:
    """A reader that passes a value of one of *types* and refuses any other."""

    def structure(value: object, _: object) -> object:
        if type(value) not in types:
            raise WrongTypeError(expected, value)
        return value

    return structure


def read_span(value: object, _: object) -> DateSpan:
    """A span read from its EDTF text."""
    # DateSpan.parse refuses a value that is not a string, naming it.
    return DateSpan.parse(value)  # type: ignore[arg-type]


def read_date(value: object, _: object) -> date:
    """A day read from its ISO text."""
    day = read_day(value)
    if day is None:
        raise WrongTypeError("a day as YYYY-MM-DD", value)
    return day


def kind_reader(cl: type[enum.Enum]) -> Reader:
    """A kind read from its string value only."""
    members = cl._value2member_map_
    expected = "one of " + choices(cl)

    def structure(value: object, _: object) -> object:
        found = members.get(value) if type(value) is str else None
        if found is None:
            raise WrongTypeError(expected, value)
        return found

    return structure


PLAIN: dict[object, Reader] = {
    str: strict("a string", str),
    int: strict("a whole number", int),
    float: strict("a number", int, float),
    bool: strict("true or false", bool),
    # Ids are interned by the fields' converters, or by the class readers.
    Id: strict("a string", str),
    DateSpan: read_span,
    date: read_date,
}
"""The reader of each plain type, by the type."""
