"""The conflictbrief JSON file format: load, loads, dump and dumps.

A file is one JSON object, ``{"format": "conflictbrief/1", "id": ..., ...}``,
with snake_case keys, enums as their lowercase values, dates as canonical EDTF
and empty or default fields left out. Loading is strict: a value of the wrong
JSON type is refused, never converted, unknown keys are errors, and every
problem in a file is reported at once with its JSON path.
"""

from __future__ import annotations

import enum
import functools
import gc
import io
import json
import os
import re
import types
from collections.abc import Callable
from datetime import date
from typing import IO, Any, Union, cast, get_args, get_origin

import attrs
import cattrs
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, override

from ._fields import SLUG_PATTERN, Id, article, choices, describe
from .actors import ActorKind, PlaceKind
from .brief import _KINDS, Brief, Records, _Checker, _document_order
from .dates import EDTF_PATTERN, DateSpan
from .errors import Problem, ValidationError
from .records import EventKind, StatementKind
from .sources import SourceKind

__all__ = ["FORMAT", "dump", "dumps", "json_schema", "load", "loads"]

FORMAT = "conflictbrief/1"
"""The format string every file carries, and the only one this version reads."""

_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

PathOrFile = Union[str, "os.PathLike[str]", IO[str], IO[bytes]]


class _WrongTypeError(TypeError):
    """A JSON value of the wrong type; the path is added by the walker."""

    def __init__(self, expected: str, value: object) -> None:
        super().__init__(f"expected {expected}, got {describe(value)}")


def _strict(expected: str, *types: type) -> Callable[[Any, Any], Any]:
    def structure(value: object, _: object) -> object:
        if type(value) not in types:
            raise _WrongTypeError(expected, value)
        return value

    return structure


def _structure_span(value: object, _: object) -> DateSpan:
    # DateSpan.parse refuses a value that is not a string, naming it.
    return DateSpan.parse(value)  # type: ignore[arg-type]


def _structure_date(value: object, _: object) -> date:
    # date.fromisoformat also reads week dates ("2025-W17-1") from 3.11 on.
    if type(value) is not str or _DAY.fullmatch(value) is None:
        raise _WrongTypeError("a day as YYYY-MM-DD", value)
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise _WrongTypeError("a day as YYYY-MM-DD", value) from None


def _is_tuple(cl: Any) -> bool:
    return get_origin(cl) in (tuple, Records)


def _is_optional(cl: Any) -> bool:
    args = get_args(cl)
    return (
        get_origin(cl) in (Union, types.UnionType)
        and len(args) == 2
        and type(None) in args
    )


def _is_model(t: Any) -> bool:
    return isinstance(t, type) and attrs.has(t)


def _holds_model(t: Any) -> bool:
    """Whether *t* is a model class or a type built from one."""
    return _is_model(t) or any(_holds_model(arg) for arg in get_args(t))


_GENERATE_AFTER = 100
"""How many records of one class the fast reader reads before it has cattrs
generate a function for the class (see `_fast_class_hook`)."""


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


def _make_converter(
    *, detailed: bool, generate_after: int = _GENERATE_AFTER
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
                raise _WrongTypeError(expected, value)
            return found

        return structure

    # The kinds are str subclasses, and cattrs consults singledispatch, which
    # would find the strict str hook in their bases, before any predicate:
    # each kind is registered by class so that its hook is the one used.
    for kind in (ActorKind, PlaceKind, SourceKind, StatementKind, EventKind):
        c.register_structure_hook(kind, enum_hook(kind))

    def tuple_hook(cl: Any) -> Callable[[Any, Any], Any]:
        item_type = get_args(cl)[0]
        item = c.get_structure_hook(item_type)
        if not detailed:

            def fast(value: object, _: object) -> tuple[Any, ...]:
                if type(value) is not list:
                    raise _WrongTypeError("a list", value)
                return tuple([item(v, item_type) for v in value])

            return fast

        def structure(value: object, _: object) -> tuple[Any, ...]:
            if type(value) is not list:
                raise _WrongTypeError("a list", value)
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

    c.register_structure_hook_factory(_is_tuple, tuple_hook)

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
                raise _WrongTypeError(f"an object ({article(cl.__name__)})", value)
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

    c.register_structure_hook_factory(_is_model, class_hook)
    c.register_unstructure_hook_factory(_is_model, class_unstructure_hook)
    return c


_converter = functools.cache(_make_converter)


def _problems(exc: BaseException, path: str) -> list[Problem]:
    """Flatten a cattrs error tree into problems with JSON paths."""
    if isinstance(exc, IterableValidationError):
        at_index, rest = exc.group_exceptions()
        out = [p for e, n in at_index for p in _problems(e, f"{path}[{n.index}]")]
        return out + [p for e in rest for p in _problems(e, path)]
    if isinstance(exc, ClassValidationError):
        at_field, rest = exc.group_exceptions()
        out = [p for e, n in at_field for p in _problems(e, f"{path}.{n.name}")]
        return out + [p for e in rest for p in _problems(e, path)]
    if isinstance(exc, ValidationError):
        return [p.under(path) for p in exc.problems]
    if isinstance(exc, ForbiddenExtraKeysError):
        known = ", ".join(a.name for a in exc.cl.__attrs_attrs__)  # type: ignore[attr-defined]
        return [
            Problem(f"{path}.{key}", f"unknown key; expected one of {known}")
            for key in sorted(exc.extra_fields)
        ]
    if isinstance(exc, KeyError):
        return [Problem(path, "missing; this key is required")]
    if isinstance(exc, _WrongTypeError):
        return [Problem(path, str(exc))]
    return [Problem(path, f"cannot be read: {exc}")]


class _Twice(dict[str, Any]):
    """A JSON object in which *key* appears more than once."""

    def __init__(self, items: dict[str, Any], key: str) -> None:
        super().__init__(items)
        self.key = key


def _repeated_keys(node: object, path: str) -> list[Problem]:
    """Return a problem for each object under *node* that repeats a key."""
    out = []
    if type(node) is _Twice:
        out.append(Problem(path, f"the key {node.key!r} appears twice in one object"))
    if isinstance(node, dict):
        for key, value in node.items():
            out += _repeated_keys(value, f"{path}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            out += _repeated_keys(value, f"{path}[{i}]")
    return out


def _decode(data: str | bytes) -> Any:
    # The decoder cannot tell the hook where an object is; objects that
    # repeat a key are marked, and found with their paths afterwards.
    repeated = False

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        nonlocal repeated
        result = dict(items)
        if len(result) != len(items):
            seen: set[str] = set()
            twice = next(k for k, _ in items if k in seen or seen.add(k))  # type: ignore[func-returns-value]
            repeated = True
            return _Twice(result, twice)
        return result

    def whole(text: str) -> int:
        # Python refuses to read an int of more than a few thousand digits
        # (sys.set_int_max_str_digits) with a plain ValueError.
        try:
            return int(text)
        except ValueError:
            raise ValidationError.at(
                "$", f"not readable: a number has too many digits ({len(text):,})"
            ) from None

    if not isinstance(data, (str, bytes, bytearray)):
        raise ValidationError.at(
            "$", f"expected JSON text as str or bytes, got {describe(data)}"
        )
    try:
        if not isinstance(data, str):
            # json.loads would guess UTF-16 or UTF-32 from the first bytes;
            # files are UTF-8, with a byte order mark tolerated.
            data = data.decode("utf-8-sig")
        doc = json.loads(data, object_pairs_hook=pairs, parse_int=whole)
        if repeated:
            raise ValidationError(_repeated_keys(doc, "$"))
    except json.JSONDecodeError as e:
        hint = ""
        if (
            isinstance(data, str)
            and "\n" not in data
            and data.strip().endswith(".json")
        ):
            hint = "; that looks like a file name: load() reads a file"
        raise ValidationError.at(
            "$", f"not valid JSON: {e.msg} at line {e.lineno}, column {e.colno}{hint}"
        ) from None
    except UnicodeDecodeError as e:
        raise ValidationError.at(
            "$", f"not UTF-8 text: {e.reason} at byte {e.start}"
        ) from None
    except RecursionError:
        raise ValidationError.at("$", "not readable: nested too deeply") from None
    return doc


def loads(data: str | bytes) -> Brief:
    """Read a brief from JSON text.

    The cyclic garbage collector is paused while the brief is built and
    turned back on after; as `gc.disable` is, the pause is process-wide, and
    another thread's own `gc.disable` during a load is undone when it ends.

    Raises:
        ValidationError: The text is not valid JSON, not this format, or
            breaks the model's rules; `ValidationError.problems` lists every
            problem found, each with its JSON path.
    """
    # The cyclic garbage collector is paused while a load allocates: a large
    # file makes millions of objects that form no garbage cycles, and the
    # collector's passes over them take about as long as the load itself. The
    # pause is process-wide, as gc.disable is, and ends with the load.
    if not gc.isenabled():
        return _loads(data)
    gc.disable()
    try:
        return _loads(data)
    finally:
        gc.enable()


def _loads(data: str | bytes) -> Brief:
    doc = _decode(data)
    if type(doc) is not dict:
        raise ValidationError.at("$", f"expected a JSON object, got {describe(doc)}")
    if "format" not in doc:
        raise ValidationError.at("$.format", f"missing; expected {FORMAT!r}")
    fmt = doc.pop("format")
    if fmt != FORMAT:
        raise ValidationError.at(
            "$.format", f"expected the format {FORMAT!r}, got {fmt!r}"
        )
    try:
        return _converter(detailed=False).structure(doc, Brief)
    except ValidationError as error:
        if all(p.path.startswith("$") for p in error.problems):
            # Only the brief's own checks give whole paths: every record was
            # read, and the checks found every problem there is.
            raise ValidationError(error.problems) from None
    except Exception:  # noqa: BLE001, S110
        pass
    # The fast path stops at the first problem; run again to find them all.
    try:
        return _converter(detailed=True).structure(doc, Brief)
    except Exception as e:  # noqa: BLE001
        problems = _problems(e, "$") + _integrity(doc)
    raise ValidationError(sorted(problems, key=_document_order)) from None


def _integrity(doc: dict[str, Any]) -> list[Problem]:
    """Check the integrity of the records of *doc* that can be read.

    So that a file's problems are all reported at once: what ails one record
    does not hide a broken reference or a misquote in another.
    """
    structure = _converter(detailed=False).structure
    records: dict[str, list[Any]] = {}
    positions: dict[str, list[int]] = {}
    incomplete = set()
    for name, cls in _KINDS.items():
        records[name], positions[name] = [], []
        items = doc.get(name, [])
        if type(items) is not list:
            incomplete.add(name)
            continue
        for i, item in enumerate(items):
            try:
                records[name].append(structure(item, cls))
                positions[name].append(i)
            except Exception:  # noqa: BLE001, PERF203 (a record that cannot be read)
                incomplete.add(name)
    return _Checker(records, positions, incomplete).run()


def load(file: PathOrFile) -> Brief:
    """Read a brief from a path or an open file (text or binary).

    Raises:
        ValidationError: See `loads`; the error also names the file.
    """
    data: str | bytes
    name: object
    if isinstance(file, (str, os.PathLike)):
        with open(file, "rb") as f:  # noqa: PTH123
            data = f.read()
        name = os.fspath(file)
    else:
        data = file.read()
        name = getattr(file, "name", None)
    try:
        return loads(data)
    except ValidationError as error:
        raise ValidationError(
            error.problems, file=name if isinstance(name, str) else None
        ) from None


def unstructure(brief: Brief) -> dict[str, Any]:
    """Return *brief* as the JSON-ready dict `dumps` writes."""
    return {"format": FORMAT, **_converter(detailed=False).unstructure(brief)}


def dumps(brief: Brief) -> str:
    """Return *brief* as canonical JSON text: stable key order, EDTF dates."""
    return json.dumps(unstructure(brief), ensure_ascii=False, indent=2) + "\n"


def dump(brief: Brief, file: PathOrFile) -> None:
    """Write *brief* to a path or an open file (text or binary) as `dumps` does."""
    text = dumps(brief)
    data = text.encode("utf-8")  # before a file is opened, and so emptied
    if isinstance(file, (str, os.PathLike)):
        with open(file, "wb") as f:  # noqa: PTH123
            f.write(data)
    elif isinstance(file, (io.RawIOBase, io.BufferedIOBase)) or "b" in getattr(
        file, "mode", ""
    ):
        cast("IO[bytes]", file).write(data)
    else:
        cast("IO[str]", file).write(text)


def json_schema() -> dict[str, Any]:
    """Return a JSON Schema (draft 2020-12) of the file format.

    The schema is generated from the model classes: their fields, types,
    defaults and field metadata. It checks what a schema can (the keys, the
    JSON types, ids, kinds, the shape of dates); the rules that relate values
    (references resolve, quotes occur in their sources, ``low <= best <=
    high``) are checked by `loads` alone.

    >>> json_schema()["properties"]["format"]
    {'const': 'conflictbrief/1'}
    """
    definitions: dict[str, Any] = {}
    brief = _class_schema(Brief, definitions)
    brief["properties"] = {"format": {"const": FORMAT}, **brief["properties"]}
    brief["required"] = ["format", *brief["required"]]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "conflictbrief/1",
        **brief,
        "$defs": dict(sorted(definitions.items())),
    }


def _class_schema(cl: type, definitions: dict[str, Any]) -> dict[str, Any]:
    attrs.resolve_types(cl)
    properties, required = {}, []
    for a in attrs.fields(cl):
        properties[a.name] = _type_schema(a.type, definitions) | dict(a.metadata)
        if a.default is attrs.NOTHING:
            required.append(a.name)
    summary = (cl.__doc__ or "").strip().partition("\n")[0]
    return {
        "description": summary,
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }


def _type_schema(t: Any, definitions: dict[str, Any]) -> dict[str, Any]:
    """The schema of a field of type *t*, with classes and kinds as $defs."""
    args = get_args(t)
    if t == Id:
        return {"type": "string", "pattern": f"^{SLUG_PATTERN}$"}
    if t is DateSpan:
        return {
            "type": "string",
            "description": "an EDTF date or interval: 2025-04-28, 2025-04, "
            "2024-23 (a season), 2024, 202X, 2025-04-26/2025-04-27",
            "pattern": f"^{EDTF_PATTERN}$",
        }
    if _is_model(t):
        if t.__name__ not in definitions:
            definitions[t.__name__] = {}  # a placeholder while it is built
            definitions[t.__name__] = _class_schema(t, definitions)
        return {"$ref": f"#/$defs/{t.__name__}"}
    if isinstance(t, type) and issubclass(t, enum.Enum):
        if t.__name__ not in definitions:
            definitions[t.__name__] = {"enum": [m.value for m in t]}
        return {"$ref": f"#/$defs/{t.__name__}"}
    if _is_tuple(t):
        return {"type": "array", "items": _type_schema(args[0], definitions)}
    if args and type(None) in args:
        (inner,) = (a for a in args if a is not type(None))
        schema = _type_schema(inner, definitions)
        if "type" in schema:
            # Keywords such as "pattern" and "minimum" ignore a null.
            return schema | {"type": [schema["type"], "null"]}
        return {"anyOf": [schema, {"type": "null"}]}
    return dict(_PLAIN[t])


_PLAIN: dict[Any, dict[str, Any]] = {
    str: {"type": "string", "pattern": "\\S"},
    int: {"type": "integer", "minimum": 0},
    float: {"type": "number"},
    bool: {"type": "boolean"},
    date: {
        "type": "string",
        "format": "date",
        "pattern": f"^{_DAY.pattern}$",
    },
}
"""The schemas of plain field types: texts are not blank, counts not negative."""
