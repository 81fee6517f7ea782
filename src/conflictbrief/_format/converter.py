"""The strict cattrs converter of the file format, and its errors as problems.

`make_converter` registers every hook once, flatly, in the manner of cattrs'
own ``preconf`` converters: strict hooks for the plain JSON types, so that a
value of the wrong type is refused rather than coerced; hooks for dates,
kinds, optional values, tuples and collections; and the hooks for model
classes. The fast converter (the one every valid file is read with) builds
records with `reader.class_reader`; the detailed one uses cattrs' generated
hooks, which collect every problem with its path, and `problems` flattens
their error tree into `Problem` values. Converters are built on first use,
not at import.
"""

from __future__ import annotations

import enum
import functools
import types
from collections.abc import Callable
from datetime import date
from typing import Any, Union, cast, get_args, get_origin

import attrs
import cattrs
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn

from conflictbrief._base.messages import article, child_path, choices
from conflictbrief._collections.collection import Records
from conflictbrief._collections.registry import COLLECTIONS
from conflictbrief._validators import Id
from conflictbrief.dates._convert import read_day
from conflictbrief.dates._span import DateSpan
from conflictbrief.errors import Problem, ValidationError

from .reader import READ_IDS, WrongTypeError, class_reader, is_model

__all__ = ["converter", "is_tuple", "make_converter", "problems"]


def _strict(expected: str, *types: type) -> Callable[[Any, Any], Any]:
    """A hook that passes a value of one of *types* and refuses any other."""

    def structure(value: object, _: object) -> object:
        if type(value) not in types:
            raise WrongTypeError(expected, value)
        return value

    return structure


def _structure_span(value: object, _: object) -> DateSpan:
    # DateSpan.parse refuses a value that is not a string, naming it.
    return DateSpan.parse(value)  # type: ignore[arg-type]


def _structure_day(value: object, _: object) -> date:
    day = read_day(value)
    if day is None:
        raise WrongTypeError("a day as YYYY-MM-DD", value)
    return day


def is_tuple(cl: Any) -> bool:
    """Whether *cl* is a tuple or a `Records`: what a JSON list is read as."""
    return get_origin(cl) in (tuple, Records)


def _is_optional(cl: Any) -> bool:
    args = get_args(cl)
    return (
        get_origin(cl) in (Union, types.UnionType)
        and len(args) == 2
        and type(None) in args
    )


def _is_records(cl: Any) -> bool:
    return cast("Any", get_origin(cl)) is Records


def _kind_hook(cl: type[enum.Enum]) -> Callable[[Any, Any], Any]:
    """A kind read from its string value only."""
    members = cl._value2member_map_
    expected = "one of " + choices(cl)

    def structure(value: object, _: object) -> object:
        found = members.get(value) if type(value) is str else None
        if found is None:
            raise WrongTypeError(expected, value)
        return found

    return structure


def _tuple_hook(cl: Any, c: cattrs.Converter) -> Callable[[Any, Any], Any]:
    """A JSON list read item by item; detailed, every item's error is kept."""
    item_type = get_args(cl)[0]
    item = c.get_structure_hook(item_type)
    if not c.detailed_validation:

        def fast(value: object, _: object) -> tuple[Any, ...]:
            if type(value) is not list:
                if type(value) is Built:
                    return value
                raise WrongTypeError("a list", value)
            return tuple([item(v, item_type) for v in value])

        return fast

    def structure(value: object, _: object) -> tuple[Any, ...]:
        if type(value) is not list:
            raise WrongTypeError("a list", value)
        out, errors = [], []
        for i, v in enumerate(value):
            try:
                out.append(item(v, item_type))
            except Exception as e:  # noqa: BLE001, PERF203 (every item's error is kept)
                note = IterableValidationNote(f"@ index {i}", i, item_type)
                e.__notes__ = [*getattr(e, "__notes__", []), note]
                errors.append(e)
        if errors:
            raise IterableValidationError(f"While structuring {cl!r}", errors, cl)
        return tuple(out)

    return structure


class Built(tuple):  # type: ignore[type-arg]
    """A collection's records, built while its text was read (`stream`).

    JSON decodes to lists, never tuples: the fast converter takes a `Built`
    where a collection's list would be, as it is.
    """

    __slots__ = ()


def _optional_hook(cl: Any, c: cattrs.Converter) -> Callable[[Any, Any], Any]:
    # Found once, rather than by cattrs' own Optional hook on every value.
    (item_type,) = (t for t in get_args(cl) if t is not type(None))
    item = c.get_structure_hook(item_type)

    def structure(value: object, _: object) -> object:
        return None if value is None else item(value, item_type)

    return structure


def _class_hook(cl: type, c: cattrs.Converter) -> Callable[[Any, Any], Any]:
    """A model class: built by the fast reader, or by cattrs with every problem."""
    if not c.detailed_validation:
        return class_reader(c, cl, READ_IDS)
    # No linecache entries: the generated source is not needed for
    # tracebacks of a strict reader, and registering it costs import time.
    hook: Callable[[Any, Any], Any] = make_dict_structure_fn(
        cl, c, _cattrs_use_linecache=False
    )

    def structure(value: object, _: object) -> object:
        if type(value) is not dict:
            raise WrongTypeError(f"an object ({article(cl.__name__)})", value)
        return hook(value, cl)

    return structure


def _records_unstructure_hook(
    cl: Any, c: cattrs.Converter
) -> Callable[[Records[Any]], list[Any]]:
    item = c.get_unstructure_hook(get_args(cl)[0])
    return lambda records: [item(r) for r in records]


def _class_unstructure_hook(
    cl: type, c: cattrs.Converter
) -> Callable[[Any], dict[str, Any]]:
    """A model object as a dict in field order, less the fields at their default."""
    attrs.resolve_types(cl)
    plan = []
    for a in attrs.fields(cl):
        default = a.default
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            default = default.factory()
        # The default as the field holds it: () is an empty Records.
        if default is not attrs.NOTHING and a.converter is not None:
            default = a.converter(default)
        plan.append((a.name, c.get_unstructure_hook(a.type), default))

    def unstructure(obj: Any) -> dict[str, Any]:
        out = {}
        for name, hook, default in plan:
            value = getattr(obj, name)
            if value is not default and value != default:
                out[name] = hook(value)
        return out

    return unstructure


def make_converter(*, detailed: bool) -> cattrs.Converter:
    """Return the strict converter; *detailed* collects every problem's path."""
    c = cattrs.Converter(detailed_validation=detailed, forbid_extra_keys=True)
    c.register_structure_hook(str, _strict("a string", str))
    c.register_structure_hook(int, _strict("a whole number", int))
    c.register_structure_hook(float, _strict("a number", int, float))
    c.register_structure_hook(bool, _strict("true or false", bool))
    # Ids are interned by the fields' converters, or by the fast reader.
    c.register_structure_hook_func(lambda t: t == Id, _strict("a string", str))
    c.register_structure_hook(DateSpan, _structure_span)
    c.register_structure_hook(date, _structure_day)
    # The kinds are str subclasses, and cattrs consults singledispatch, which
    # would find the strict str hook in their bases, before any predicate:
    # each kind is registered by class so that its hook is the one used.
    for kind in _kinds():
        c.register_structure_hook(kind, _kind_hook(kind))
    c.register_structure_hook_factory(is_tuple, _tuple_hook)
    c.register_structure_hook_factory(_is_optional, _optional_hook)
    c.register_structure_hook_factory(is_model, _class_hook)
    c.register_unstructure_hook(DateSpan, str)
    c.register_unstructure_hook(date, date.isoformat)
    c.register_unstructure_hook_factory(_is_records, _records_unstructure_hook)
    c.register_unstructure_hook_factory(is_model, _class_unstructure_hook)
    return c


converter = functools.cache(make_converter)
"""The converter `make_converter` makes, made once for each kind."""


def problems(exc: BaseException, path: str) -> list[Problem]:
    """Flatten a cattrs error tree into problems with JSON paths."""
    if isinstance(exc, IterableValidationError):
        at_index, rest = exc.group_exceptions()
        out = [p for e, n in at_index for p in problems(e, f"{path}[{n.index}]")]
        return out + [p for e in rest for p in problems(e, path)]
    if isinstance(exc, ClassValidationError):
        at_field, rest = exc.group_exceptions()
        out = [p for e, n in at_field for p in problems(e, f"{path}.{n.name}")]
        return out + [p for e in rest for p in problems(e, path)]
    if isinstance(exc, ValidationError):
        return [p.under(path) for p in exc.problems]
    if isinstance(exc, ForbiddenExtraKeysError):
        known = ", ".join(a.name for a in exc.cl.__attrs_attrs__)  # type: ignore[attr-defined]
        return [
            Problem(child_path(path, key), f"unknown key; expected one of {known}")
            for key in sorted(exc.extra_fields)
        ]
    if isinstance(exc, KeyError):
        return [Problem(path, "missing; this key is required")]
    if isinstance(exc, WrongTypeError):
        return [Problem(path, str(exc))]
    return [Problem(path, f"cannot be read: {exc}")]


def _kinds() -> list[type[enum.Enum]]:
    """Every enum a model class of a brief holds in a field."""
    found: dict[type[enum.Enum], None] = {}
    todo: list[type[Any]] = [c.cls for c in COLLECTIONS]
    while todo:
        for a in attrs.fields(todo.pop()):
            t = a.type
            if isinstance(t, type) and issubclass(t, enum.Enum):
                found[t] = None
            elif is_model(t):
                todo.append(t)
    return list(found)
