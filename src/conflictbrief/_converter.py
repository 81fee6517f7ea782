"""The strict cattrs converter of the file format, and its errors as problems.

One converter factory (`make_converter`) registers every hook once: strict
hooks for plain JSON types, so that a value of the wrong type is refused
rather than coerced; hooks for dates, kinds and collections; and the fast
class hook that reads records through their fields' attrs converters.
`problems` flattens a cattrs error tree into `Problem` values with JSON
paths. Converters are built on first use, not at import.
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
from cattrs.gen import make_dict_structure_fn, override

from ._collection import Records
from ._messages import article, child_path, choices, shown
from ._registry import COLLECTIONS
from ._span import DateSpan, read_day
from ._validators import Id
from .errors import Problem, ValidationError

__all__ = [
    "WrongTypeError",
    "converter",
    "is_model",
    "is_tuple",
    "make_converter",
    "problems",
]


class WrongTypeError(TypeError):
    """A JSON value of the wrong type; the path is added by the walker."""

    def __init__(self, expected: str, value: object) -> None:
        super().__init__(f"expected {expected}, got {shown(value)}")


def _strict(expected: str, *types: type) -> Callable[[Any, Any], Any]:
    def structure(value: object, _: object) -> object:
        if type(value) not in types:
            raise WrongTypeError(expected, value)
        return value

    return structure


def _structure_span(value: object, _: object) -> DateSpan:
    # DateSpan.parse refuses a value that is not a string, naming it.
    return DateSpan.parse(value)  # type: ignore[arg-type]


def _structure_date(value: object, _: object) -> date:
    day = read_day(value)
    if day is None:
        raise WrongTypeError("a day as YYYY-MM-DD", value)
    return day


def is_tuple(cl: Any) -> bool:
    return get_origin(cl) in (tuple, Records)


def _is_optional(cl: Any) -> bool:
    args = get_args(cl)
    return (
        get_origin(cl) in (Union, types.UnionType)
        and len(args) == 2
        and type(None) in args
    )


def is_model(t: Any) -> bool:
    return isinstance(t, type) and attrs.has(t)


def _holds_model(t: Any) -> bool:
    """Whether *t* is a model class or a type built from one."""
    return is_model(t) or any(_holds_model(arg) for arg in get_args(t))


GENERATE_AFTER = 100
"""How many records of one class the fast reader reads before it has cattrs
generate a function for the class (see `_fast_class_hook`).

Counted with callgrind, the delay cuts `datasets.load()` of the bundled
dataset from 41 to 23 million instructions (3.5% of the import and load
together), and costs nothing measurable on large files: a 20,000-statement
load took 3,403 million instructions with it and 3,413 million without."""


def _fast_class_hook(
    c: cattrs.Converter, cl: type, generate_after: int
) -> Callable[[Any, Any], Any]:
    """Return the fast reader's hook for the model class *cl*.

    A field's JSON value goes straight to the field's attrs converter, which
    reads ids, kinds, dates and lists of ids as strictly as a hook would
    (what it cannot read, it hands on for the validator to refuse): each
    value is read once. Converters do not read objects, so fields that hold
    records keep their hooks.

    A function that cattrs generates for the class reads records fastest,
    but generating and compiling it costs as much as reading a hundred
    records: the first records of a class are read by a loop over its
    fields, with the same hooks, and the function is generated once the
    process has read *generate_after* of them (the count lives in the
    converter, which is made once). So a small file, such as the bundled
    dataset, compiles nothing. The two read and refuse the same documents;
    what is wrong with one is found by the detailed reader.
    """
    attrs.resolve_types(cl)
    plan = []
    overrides: dict[str, Any] = {}
    for a in attrs.fields(cl):
        hook = None
        if a.converter is None or _holds_model(a.type):
            hook = c.get_structure_hook(a.type)
            if a.converter is not None:
                overrides[a.name] = override(struct_hook=hook)
        plan.append((a.name, a.alias, a.type, hook))
    keys = frozenset(a.name for a in attrs.fields(cl))
    generated: Callable[[Any, Any], Any] | None = None
    count = 0

    def structure(value: Any, _: object) -> object:
        nonlocal generated, count
        if generated is not None:
            return generated(value, cl)
        count += 1
        if count > generate_after:
            # Threads that get here together each generate an equal function.
            generated = make_dict_structure_fn(
                cl,
                c,
                _cattrs_use_linecache=False,
                _cattrs_prefer_attrib_converters=True,
                **overrides,
            )
            return generated(value, cl)
        # Only an object has keys(): anything else is refused here.
        extra = value.keys() - keys
        if extra:
            raise ForbiddenExtraKeysError("", cl, extra)
        fields = {}
        for key, alias, t, hook in plan:
            if key in value:
                item = value[key]
                fields[alias] = item if hook is None else hook(item, t)
        return cl(**fields)  # which refuses a missing field

    return structure


def make_converter(
    *, detailed: bool, generate_after: int = GENERATE_AFTER
) -> cattrs.Converter:
    """Return the strict converter; *detailed* collects every problem's path.

    The fast converter (not *detailed*) reads the first *generate_after*
    records of each class without generated code (see `_fast_class_hook`).
    """
    c = cattrs.Converter(detailed_validation=detailed, forbid_extra_keys=True)
    c.register_structure_hook(str, _strict("a string", str))
    c.register_structure_hook(int, _strict("a whole number", int))
    c.register_structure_hook(float, _strict("a number", int, float))
    c.register_structure_hook(bool, _strict("true or false", bool))
    # Ids are interned by the fields' converters.
    c.register_structure_hook_func(lambda t: t == Id, _strict("a string", str))
    c.register_structure_hook(DateSpan, _structure_span)
    c.register_structure_hook(date, _structure_date)
    c.register_unstructure_hook(DateSpan, str)
    c.register_unstructure_hook(date, date.isoformat)

    def records_hook(cl: Any) -> Callable[[Records[Any]], list[Any]]:
        item = c.get_unstructure_hook(get_args(cl)[0])
        return lambda records: [item(r) for r in records]

    c.register_unstructure_hook_factory(
        lambda t: cast("Any", get_origin(t)) is Records, records_hook
    )

    def enum_hook(cl: type[enum.Enum]) -> Callable[[Any, Any], Any]:
        members = cl._value2member_map_
        expected = "one of " + choices(cl)

        def structure(value: object, _: object) -> object:
            found = members.get(value) if type(value) is str else None
            if found is None:
                raise WrongTypeError(expected, value)
            return found

        return structure

    # The kinds are str subclasses, and cattrs consults singledispatch, which
    # would find the strict str hook in their bases, before any predicate:
    # each kind is registered by class so that its hook is the one used.
    for kind in _kinds():
        c.register_structure_hook(kind, enum_hook(kind))

    def tuple_hook(cl: Any) -> Callable[[Any, Any], Any]:
        item_type = get_args(cl)[0]
        item = c.get_structure_hook(item_type)
        if not detailed:

            def fast(value: object, _: object) -> tuple[Any, ...]:
                if type(value) is not list:
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

    c.register_structure_hook_factory(is_tuple, tuple_hook)

    def optional_hook(cl: Any) -> Callable[[Any, Any], Any]:
        # Found once, rather than by cattrs' own Optional hook on every value.
        (item_type,) = (t for t in get_args(cl) if t is not type(None))
        item = c.get_structure_hook(item_type)

        def structure(value: object, _: object) -> object:
            return None if value is None else item(value, item_type)

        return structure

    c.register_structure_hook_factory(_is_optional, optional_hook)

    def class_hook(cl: type) -> Callable[[Any, Any], Any]:
        if not detailed:
            return _fast_class_hook(c, cl, generate_after)
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

    def class_unstructure_hook(cl: type) -> Callable[[Any], dict[str, Any]]:
        # Keys follow the class's field order; a field equal to its default
        # (as the field holds it: () is an empty Records) is left out.
        attrs.resolve_types(cl)
        plan = []
        for a in attrs.fields(cl):
            default = a.default
            if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
                default = default.factory()
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

    c.register_structure_hook_factory(is_model, class_hook)
    c.register_unstructure_hook_factory(is_model, class_unstructure_hook)
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
