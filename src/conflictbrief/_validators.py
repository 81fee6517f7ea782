"""Strict validators and lenient converters shared by the model classes.

Converters turn the convenient shapes DESIGN promises into canonical values
(an enum's string value into the member, any iterable into a tuple) and hand
anything else through untouched; the validators then refuse it with a
`ValidationError` naming the field, the bad value and what was expected.
Converters are named functions per type so that type checkers see the
``__init__`` parameters they accept.
"""

from __future__ import annotations

import enum
import re
import sys
from collections.abc import Callable, Iterable, Mapping
from typing import Annotated, Any, TypeVar, cast

import attrs

from ._base.messages import article, choices, shown
from .errors import ValidationError

E = TypeVar("E", bound=enum.Enum)

SLUG_PATTERN = r"[a-z0-9]+(?:-[a-z0-9]+)*"
"""What an id looks like: lowercase letters and digits, joined by hyphens."""

PATTERN = "pattern"
"""The field metadata holding a pattern its text must match (see `_fields.matching`)."""


class IdMark:
    """Marks the string fields that hold ids, for the file format's reader."""


Id = Annotated[str, IdMark]
"""A string holding an id. To type checkers it is a `str`; the file format
reads each as a shared string, since ids repeat in every reference to them."""
Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]


def fail(field: str, value: object, expected: str) -> ValidationError:
    """Return the error for *value* in *field*, which should have been *expected*."""
    return ValidationError.at(field, f"expected {expected}, got {shown(value)}")


def is_text(value: object) -> bool:
    r"""Whether *value* is a string with something besides whitespace.

    A string holding a lone surrogate (which a JSON escape such as ``\ud800``
    can make) is not text: it could not be written back as UTF-8.
    """
    return (
        type(value) is str
        and not value.isspace()
        and value != ""
        and (value.isascii() or _encodes(value))
    )


def _encodes(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


_SLUG = re.compile(SLUG_PATTERN)


def is_slug(value: object) -> bool:
    """Whether *value* is an id: lowercase letters and digits joined by '-'."""
    return type(value) is str and _SLUG.fullmatch(value) is not None


def check_text(_: object, a: attrs.Attribute[Any], value: object) -> None:
    """Require a non-empty string, matching the field's pattern if it has one."""
    if not is_text(value):
        raise fail(a.name, value, "a non-empty string")
    if PATTERN in a.metadata:
        _check_pattern(a, value)


def check_optional_text(_: object, a: attrs.Attribute[Any], value: object) -> None:
    """Require a non-empty string or None, as `check_text` does."""
    if value is not None:
        if not is_text(value):
            raise fail(a.name, value, "a non-empty string or None")
        if PATTERN in a.metadata:
            _check_pattern(a, value)


def _check_pattern(a: attrs.Attribute[Any], value: object) -> None:
    pattern = a.metadata[PATTERN]
    if re.fullmatch(pattern, cast("str", value)) is None:
        raise fail(a.name, value, f"text matching {pattern!r}")


def check_slug(_: object, a: attrs.Attribute[Any], value: object) -> None:
    """Require an id; a reference field names what the id is of."""
    if not is_slug(value):
        raise fail(
            a.name, value, f"{_id_of(a)}: lowercase letters and digits joined by '-'"
        )


def check_optional_slug(_: object, a: attrs.Attribute[Any], value: object) -> None:
    """Require an id or None; a reference field names what the id is of."""
    if value is not None and not is_slug(value):
        raise fail(
            a.name, value, f"{_id_of(a)} (lowercase letters, digits, '-') or None"
        )


def _id_of(a: attrs.Attribute[Any]) -> str:
    """Say "an id", or for a reference field "the id of an actor" and the like."""
    target = a.metadata.get("refers_to")
    # A collection's name is its record's in the plural: actors, places, ...
    return "an id" if target is None else f"the id of {article(target[:-1])}"


def check_count(_: object, a: attrs.Attribute[Any], value: object) -> None:
    """Require a whole number of 0 or more, or None; bools are refused."""
    if value is not None and (type(value) is not int or value < 0):
        raise fail(a.name, value, "a whole number of 0 or more")


def check_flag(_: object, a: attrs.Attribute[Any], value: object) -> None:
    """Require True or False; 0, 1 and strings are refused."""
    if type(value) is not bool:
        raise fail(a.name, value, "True or False")


def check_degrees(_: object, a: attrs.Attribute[Any], value: object) -> None:
    """Require a number within the field's ``minimum`` and ``maximum``, or None.

    The bounds live in the field's metadata, where the JSON Schema of the file
    format reads them too.
    """
    if value is None:
        return
    low, high = a.metadata["minimum"], a.metadata["maximum"]
    if type(value) not in (int, float) or not low <= value <= high:
        raise fail(a.name, value, f"a number from {low} to {high}")


def as_tuple(value: object) -> Any:
    """Return an iterable as a tuple; strings, mappings and the rest unchanged."""
    if type(value) is tuple:
        return value
    # A list, as a file gives it, is told apart before the slower checks of
    # abstract base classes.
    if type(value) is list:
        return tuple(value)
    if isinstance(value, (str, bytes, Mapping)):
        return value
    if isinstance(value, Iterable):
        return tuple(value)
    return value


def to_strings(value: Iterable[str]) -> tuple[str, ...]:
    """Convert any iterable of strings to a tuple."""
    return as_tuple(value)  # type: ignore[no-any-return]


# An id recurs in every reference to its record: interned, each distinct id is
# one string object however often a brief repeats it. Anything but a str is
# handed through for the validator to refuse.


def to_id(value: str) -> str:
    """Return an id as the one shared string with its value."""
    return sys.intern(value) if type(value) is str else value


def to_optional_id(value: str | None) -> str | None:
    """Like `to_id`, passing None through."""
    return sys.intern(value) if type(value) is str else value


def to_ids(value: Iterable[str]) -> tuple[str, ...]:
    """Convert any iterable of ids to a tuple of shared strings."""
    items = as_tuple(value)
    if type(items) is not tuple:
        return items  # type: ignore[no-any-return]
    return tuple([sys.intern(v) if type(v) is str else v for v in items])


class IdReader(dict[object, str]):
    """The ids a reader has met, each checked and interned once.

    ``reader[value]`` returns the shared string of the id *value*: a value
    met before is one dictionary look-up, with no call; a new one is checked
    by `is_slug` and interned, and anything that is not an id raises
    `WrongIdError` (an unhashable value, such as a JSON list, raises
    TypeError). What it holds depends on the strings alone, so readers may
    share one; `clear` empties it when a load is over.
    """

    def __missing__(self, value: object) -> str:
        if not is_slug(value):
            raise WrongIdError(value)
        self[value] = found = sys.intern(cast("str", value))
        return found


class WrongIdError(ValueError):
    """A value read where an id belongs that is not one."""

    def __init__(self, value: object) -> None:
        super().__init__(
            f"expected an id: lowercase letters and digits joined by '-', "
            f"got {shown(value)}"
        )


def tuple_of(
    check: Callable[[object], bool] | type, noun: str, *, required: bool = False
) -> Validator:
    """Require a tuple of *noun* items that pass *check*; non-empty if *required*.

    *check* is a test of each item, or the class each item must be an
    instance of, exactly (not a subclass).
    """
    expected = article(noun)
    test = _exactly(check) if isinstance(check, type) else check

    def validate(_: object, a: attrs.Attribute[Any], value: object) -> None:
        if type(value) is not tuple:
            raise fail(a.name, value, f"a list of {noun}s")
        if required and not value:
            raise ValidationError.at(a.name, f"expected at least one {noun}")
        for i, item in enumerate(value):
            if not test(item):
                raise ValidationError.at(
                    f"{a.name}[{i}]", f"expected {expected}, got {shown(item)}"
                )

    if isinstance(check, type):
        validate.item_class = check  # type: ignore[attr-defined]  # read by the reader
    return validate


def _exactly(cls: type) -> Callable[[object], bool]:
    return lambda item: type(item) is cls


check_ids = tuple_of(is_slug, "id")
"""Require a tuple of ids: the validator of every field of several ids."""


def instance_of(cls: type, *, optional: bool = False) -> Validator:
    """Require an instance of *cls* (or None if *optional*)."""
    expected = article(cls.__name__) + (" or None" if optional else "")

    def validate(_: object, a: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, cls) and not (optional and value is None):
            raise fail(a.name, value, expected)

    return validate


def member(enum_cls: type[E], value: object) -> E:
    """Return the member of *enum_cls* that *value* is or names, else *value*."""
    if type(value) is str:
        value = enum_cls._value2member_map_.get(value, value)
    return cast("E", value)


def member_of(enum_cls: type[enum.Enum]) -> Validator:
    """Require a member of *enum_cls*, naming the values it has on failure."""
    values = choices(enum_cls)

    def validate(_: object, a: attrs.Attribute[Any], value: object) -> None:
        if type(value) is not enum_cls:
            raise fail(a.name, value, f"one of {values}")

    validate.members = enum_cls  # type: ignore[attr-defined]  # read by the reader
    return validate
