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
from cattrs.gen import make_dict_structure_fn

from ._collection import Records
from ._messages import article, child_path, choices, shown
from ._registry import COLLECTIONS
from ._span import DateSpan, read_day
from ._validators import (
    Id,
    IdReader,
    check_ids,
    check_optional_slug,
    check_slug,
    to_id,
    to_ids,
    to_optional_id,
)
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


READ_IDS = IdReader()
"""The ids the fast reader has met: each distinct id of a file is checked and
interned once, however often the file repeats it. `loads` empties it when it
is done (see `IdReader`)."""

# The id fields, by their converter and validator; the fast reader reads them
# through READ_IDS, which checks what the validator would.
_ID_FIELDS: dict[tuple[object, object], str] = {
    (to_id, check_slug): "one",
    (to_optional_id, check_optional_slug): "optional",
    (to_ids, check_ids): "several",
}


def _read_id_field(kind: str, ids: IdReader) -> Callable[[Any], Any]:
    if kind == "one":
        return ids.__getitem__
    if kind == "optional":
        return lambda value: None if value is None else ids[value]

    def several(value: Any) -> tuple[str, ...]:
        if type(value) is not list:
            raise WrongTypeError("a list", value)
        return tuple([ids[v] for v in value])

    return several


def _read_field(c: cattrs.Converter, a: attrs.Attribute[Any]) -> Callable[[Any], Any]:
    """Return what turns the JSON value of *a* into the value attrs would set.

    As ``__init__`` would: the field's hook where its JSON value needs one (a
    field without a converter, or one that holds records), then the field's
    converter, which reads ids, kinds, dates and lists strictly and hands
    what it cannot read on for the validator to refuse.
    """
    hook = None
    if a.converter is None or _holds_model(a.type):
        hook = c.get_structure_hook(a.type)
    convert = cast("Callable[[Any], Any] | None", a.converter)
    t = a.type
    if hook is None:
        return cast("Callable[[Any], Any]", convert)
    if convert is None:
        return lambda value: hook(value, t)
    return lambda value: convert(hook(value, t))


def _fast_class_hook(
    c: cattrs.Converter, cl: type, ids: IdReader
) -> Callable[[Any, Any], Any]:
    """Return the fast reader's hook for the model class *cl*.

    The hook builds the object as its ``__init__`` would, without calling
    it: each field's JSON value is read by `_read_field`, or by *ids* for an
    id field, whose check then need not run again; the value is set in the
    field's slot, and once every slot is set the other fields' validators
    run, as attrs runs them. The object is equal to the one ``__init__``
    builds from the same values, and what ``__init__`` would refuse, the hook
    refuses (with errors of its own: the detailed reader names problems).
    A class that does more on construction (a `Brief` checks itself) is
    built by calling it.

    Measured with `bench/run.py` on a 200,000-statement file, this, the ids
    read once and `_limits._longest` together cut a load (as shipped) from
    4.07 s to 3.35 s, and `import conflictbrief; datasets.load()` from
    393.6 to 392.7 million instructions, as nothing is generated any more.
    """
    attrs.resolve_types(cl)
    fields = attrs.fields(cl)
    keys = frozenset(a.name for a in fields)
    slots: list[Any] = [cl.__dict__.get(a.name) for a in fields]
    if hasattr(cl, "__attrs_post_init__") or not all(type(s) is _SLOT for s in slots):
        return _calling_class_hook(c, cl, keys)
    plan: list[tuple[str, Any, Callable[[Any], Any], Any, Any]] = []
    checks = []
    for a, slot in zip(fields, slots, strict=True):
        kind = _ID_FIELDS.get((a.converter, a.validator))
        if kind is None:
            read = _read_field(c, a)
            if a.validator is not None:
                checks.append((a.validator, a, slot.__get__))
        else:
            read = _read_id_field(kind, ids)
        plan.append((a.name, slot.__set__, read, *_default_of(a)))
    new = object.__new__

    def structure(value: Any, _: object) -> object:
        # Only an object has keys(): anything else is refused here.
        if not keys.issuperset(value.keys()):
            raise ForbiddenExtraKeysError("", cl, value.keys() - keys)
        obj: Any = new(cl)
        for key, put, read, default, make in plan:
            if key in value:
                put(obj, read(value[key]))
            elif default is attrs.NOTHING:
                raise KeyError(key)
            else:
                put(obj, default if make is None else make())
        for check, a, get in checks:
            check(obj, a, get(obj, cl))
        return obj

    return structure


def _calling_class_hook(
    c: cattrs.Converter, cl: type, keys: frozenset[str]
) -> Callable[[Any, Any], Any]:
    """Return a fast hook for *cl* that builds objects by calling the class.

    A field's JSON value goes to the field's converter as it is, unless it
    needs a hook (a field without a converter, or one that holds records).
    """
    plan = []
    for a in attrs.fields(cl):
        hook = None
        if a.converter is None or _holds_model(a.type):
            hook = c.get_structure_hook(a.type)
        plan.append((a.name, a.alias, a.type, hook))

    def structure(value: Any, _: object) -> object:
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


_SLOT = type(DateSpan.__dict__["earliest"])


def _default_of(a: attrs.Attribute[Any]) -> tuple[Any, Callable[[], Any] | None]:
    """Return what *a* takes when its key is missing: a value, or a factory.

    The value is the field's default as its converter gives it, or NOTHING
    for a required field; a factory (one that makes a valid value) is
    called for each object, as ``__init__`` calls it.
    """
    default = a.default
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        return None, default.factory  # type: ignore[union-attr]
    if default is attrs.NOTHING or a.converter is None:
        return default, None
    return a.converter(default), None  # type: ignore[operator]


def make_converter(*, detailed: bool, ids: IdReader = READ_IDS) -> cattrs.Converter:
    """Return the strict converter; *detailed* collects every problem's path.

    The fast converter (not *detailed*) builds records without calling
    their ``__init__`` (see `_fast_class_hook`), reading ids through *ids*.
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
            return _fast_class_hook(c, cl, ids)
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
