"""The strict cattrs converter of the file format, and its errors as problems.

Valid files are read by the fast reader (`conflictbrief._format.reader`),
without cattrs. This converter reads a file the fast reader refused, to name
every problem with its path, and writes files; it is imported and built on
first use. `make_converter` registers every hook once, flatly, in the manner
of cattrs' own ``preconf`` converters: the strict readers of plain values
that the fast reader uses too (`plain`), so that a value of the wrong type
is refused rather than coerced; hooks for optional values, tuples and
collections that keep every item's error; and cattrs' generated hooks for
model classes. `problems` flattens their error tree into `Problem` values.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Callable
from datetime import date
from typing import Any, cast, get_args, get_origin

import attrs
import cattrs
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn

from conflictbrief._base.messages import article, child_path
from conflictbrief._collections.collection import Records
from conflictbrief._collections.registry import COLLECTIONS
from conflictbrief._validators import Id
from conflictbrief.dates._span import DateSpan
from conflictbrief.errors import Problem, ValidationError

from .plain import (
    PLAIN,
    WrongTypeError,
    is_model,
    is_optional,
    is_tuple,
    kind_reader,
)

__all__ = ["converter", "make_converter", "problems"]


def _tuple_hook(cl: Any, c: cattrs.Converter) -> Callable[[Any, Any], Any]:
    """A JSON list read item by item, every item's error kept."""
    item_type = get_args(cl)[0]
    item = c.get_structure_hook(item_type)

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


def _optional_hook(cl: Any, c: cattrs.Converter) -> Callable[[Any, Any], Any]:
    # Found once, rather than by cattrs' own Optional hook on every value.
    (item_type,) = (t for t in get_args(cl) if t is not type(None))
    item = c.get_structure_hook(item_type)

    def structure(value: object, _: object) -> object:
        return None if value is None else item(value, item_type)

    return structure


def _class_hook(cl: type, c: cattrs.Converter) -> Callable[[Any, Any], Any]:
    """A model class, built by cattrs with every problem."""
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


def _is_records(cl: Any) -> bool:
    return cast("Any", get_origin(cl)) is Records


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


def make_converter() -> cattrs.Converter:
    """Return the strict converter that names every problem, and writes files."""
    c = cattrs.Converter(detailed_validation=True, forbid_extra_keys=True)
    for t, read in PLAIN.items():
        if t is not Id:
            c.register_structure_hook(t, read)
    c.register_structure_hook_func(lambda t: t == Id, PLAIN[Id])
    # The kinds are str subclasses, and cattrs consults singledispatch, which
    # would find the strict str hook in their bases, before any predicate:
    # each kind is registered by class so that its hook is the one used.
    for kind in _kinds():
        c.register_structure_hook(kind, kind_reader(kind))
    c.register_structure_hook_factory(is_tuple, _tuple_hook)
    c.register_structure_hook_factory(is_optional, _optional_hook)
    c.register_structure_hook_factory(is_model, _class_hook)
    c.register_unstructure_hook(DateSpan, str)
    c.register_unstructure_hook(date, date.isoformat)
    c.register_unstructure_hook_factory(_is_records, _records_unstructure_hook)
    c.register_unstructure_hook_factory(is_model, _class_unstructure_hook)
    return c


converter = functools.cache(make_converter)
"""The converter `make_converter` makes, made once, on first use."""


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
