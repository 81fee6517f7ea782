"""The fast reader of the file format: records built as ``__init__`` builds them.

Every valid file is read here, without cattrs, which is imported only to
name a bad file's problems or to write a file. `hook` finds each type's
reader once: the strict readers of plain values (`plain`), readers of
optional values and lists, and for each model class, a reader from
`class_reader` that builds the object in its slots, as attrs'
``__init__`` would, without calling it: each field's JSON value goes to the
field's attrs converter (through another reader where the value needs one),
an id goes to `READ_IDS`, which checks and interns each distinct id once per
load, and the validators then run as attrs runs them. What ``__init__``
would refuse, the reader refuses; the detailed converter
(`conflictbrief._format.converter`) then reads the file again to name every
problem.

Measured side by side on a 50,000-statement file, this reader loads in 0.78 s
against 0.93 s for cattrs' own generated hooks calling ``__init__`` (1.19x).
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Callable
from typing import Any, cast, get_args

import attrs

from conflictbrief._validators import (
    PATTERN,
    IdReader,
    check_ids,
    check_optional_slug,
    check_optional_text,
    check_slug,
    check_text,
    to_id,
    to_ids,
    to_optional_id,
)
from conflictbrief.dates._convert import check_span, to_span
from conflictbrief.dates._span import DateSpan, _parse

from .plain import (
    PLAIN,
    Reader,
    WrongTypeError,
    holds_model,
    is_model,
    is_optional,
    is_tuple,
    kind_reader,
    read_span,
)

__all__ = [
    "READ_IDS",
    "Built",
    "UnknownKeysError",
    "class_reader",
    "generates",
    "hook",
    "structure",
]


class UnknownKeysError(ValueError):
    """An object with keys its class has no field for."""

    def __init__(self, cl: type, keys: set[str]) -> None:
        super().__init__(f"unknown keys for {cl.__name__}: {sorted(keys)}")


class Built(tuple):  # type: ignore[type-arg]
    """A collection's records, built while its text was read (`stream`).

    JSON decodes to lists, never tuples: a list's reader takes a `Built`
    where a collection's list would be, as it is.
    """

    __slots__ = ()


def _tuple_reader(cl: Any, *, generated: bool) -> Reader:
    item_type = get_args(cl)[0]
    item = hook(item_type, generated=generated)

    def structure(value: object, _: object) -> tuple[Any, ...]:
        if type(value) is not list:
            if type(value) is Built:
                return value
            raise WrongTypeError("a list", value)
        return tuple([item(v, item_type) for v in value])

    return structure


def _optional_reader(cl: Any, *, generated: bool) -> Reader:
    (item_type,) = (t for t in get_args(cl) if t is not type(None))
    item = hook(item_type, generated=generated)

    def structure(value: object, _: object) -> object:
        return None if value is None else item(value, item_type)

    return structure


GENERATE_FROM = 500_000
"""The length of text, in characters, from which model classes are read by
generated code. Generating the readers of a brief's classes takes about 5 ms;
each record is then built about 3.5 µs sooner than by calling its class, so
it pays from about 1,500 records. A smaller file's records are built by
calling their classes, and a short program (the command line, a script
reading a small brief) does not pay for generating them."""


def generates(size: int) -> bool:
    """Whether a text of *size* characters is read by generated code."""
    return size >= GENERATE_FROM


@functools.cache
def hook(t: Any, *, generated: bool = True) -> Reader:
    """Return the fast reader of the type *t*, made once for each type.

    A model class is read by code generated for it (`class_reader`), or,
    if not *generated*, by calling it: both build equal objects, and
    refuse the same values.

    Raises:
        TypeError: *t* is no type a brief holds.
    """
    plain = PLAIN.get(t)
    if plain is not None:
        return plain
    if isinstance(t, type) and issubclass(t, enum.Enum):
        return kind_reader(t)
    if is_tuple(t):
        return _tuple_reader(t, generated=generated)
    if is_optional(t):
        return _optional_reader(t, generated=generated)
    if is_model(t) and generated:
        return class_reader(t, READ_IDS)
    if is_model(t):
        return _calling_class_reader(t, generated=False)
    raise TypeError(f"no reader for {t!r}")


def structure(value: Any, t: Any, *, generated: bool = True) -> Any:
    """Read the JSON value *value* as *t* with the fast reader (see `hook`)."""
    return hook(t, generated=generated)(value, t)


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


def _read_field(a: attrs.Attribute[Any], i: int, names: dict[str, Any]) -> str:
    """Return the code that turns the JSON value ``v`` of *a* into its value.

    As ``__init__`` would: the field's hook where its JSON value needs one (a
    field without a converter, or one that holds records), then the field's
    converter, which reads ids, kinds, dates and lists strictly and hands
    what it cannot read on for the validator to refuse. What the code
    calls is put in *names*, under names numbered *i*.
    """
    if cast("object", a.converter) is to_span and a.type is DateSpan:
        # As the hook and the converter read it: a string is parsed, once per
        # distinct string; anything else goes to the hook, which refuses it.
        names["parse"], names[f"hook{i}"] = _parse, read_span
        return f"parse(v) if type(v) is str else hook{i}(v, DateSpan)"
    t = cast("Any", a.type)
    if a.converter is not None:
        names[f"convert{i}"] = a.converter
    if a.converter is not None and _reads_members(a.converter, t):
        # A member's value, as the converter reads it, with no call.
        names[f"members{i}"] = t._value2member_map_
        return f"members{i}[v] if type(v) is str and v in members{i} else convert{i}(v)"
    if a.converter is not None and not holds_model(t):
        return f"convert{i}(v)"
    names[f"hook{i}"], names[f"type{i}"] = hook(t), t
    read = f"hook{i}(v, type{i})"
    if is_tuple(t) and is_model(get_args(t)[0]):
        # A list of records, read as the list's reader reads it, inline.
        names[f"item{i}"], names[f"itype{i}"] = hook(get_args(t)[0]), get_args(t)[0]
        read = (
            f"tuple([item{i}(w, itype{i}) for w in v]) if type(v) is list else {read}"
        )
    if a.converter is not None:
        return f"convert{i}({read})"
    if t is str:  # the commonest field: a string needs no hook
        return f"v if type(v) is str else {read}"
    if t == str | None:
        return f"v if v is None or type(v) is str else {read}"
    return read


def _reads_members(convert: Any, t: Any) -> bool:
    """Whether *convert* reads each member's value of the kind *t* as the member."""
    if not (isinstance(t, type) and issubclass(t, enum.Enum)):
        return False
    return all(convert(m.value) is m for m in t)


def class_reader(cl: type, ids: IdReader) -> Reader:
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

    The hook is generated for each class as one straight run of code, as
    attrs generates ``__init__``: no loop over the fields, no closure per
    field.
    """
    attrs.resolve_types(cl)
    fields = attrs.fields(cl)
    keys = frozenset(a.name for a in fields)
    slots: list[Any] = [cl.__dict__.get(a.name) for a in fields]
    if hasattr(cl, "__attrs_post_init__") or not all(type(s) is _SLOT for s in slots):
        return _calling_class_reader(cl, generated=True)
    names: dict[str, Any] = {
        "DateSpan": DateSpan,
        "cl": cl,
        "keys": keys,
        "new": object.__new__,
        "Extra": UnknownKeysError,
        "ids": ids.__getitem__,
    }
    lines = [
        "def structure(value, _):",
        # Only an object has keys(): anything else is refused here.
        "    if not keys.issuperset(value.keys()):",
        "        raise Extra(cl, value.keys() - keys)",
        "    obj = new(cl)",
    ]
    checks = []
    for i, (a, slot) in enumerate(zip(fields, slots, strict=True)):
        names[f"put{i}"] = slot.__set__
        kind = _ID_FIELDS.get((a.converter, a.validator))
        if kind == "one":
            read = "ids(v)"
        elif kind == "optional":
            read = "None if v is None else ids(v)"
        elif kind == "several":
            names[f"read{i}"] = _read_id_field(kind, ids)
            read = f"tuple([ids(w) for w in v]) if type(v) is list else read{i}(v)"
        else:
            read = _read_field(a, i, names)
            if a.validator is not None:
                names[f"check{i}"], names[f"a{i}"] = a.validator, a
                call = f"check{i}(obj, a{i}, x{i})"
                passes = _PASSES.get(a.validator)
                kinds = getattr(a.validator, "members", None)
                if kinds is not None:  # member_of(kinds): one of its members
                    names[f"kinds{i}"] = kinds
                    passes = f"type({{0}}) is kinds{i}"
                items = getattr(a.validator, "items", None)
                if items is not None:  # tuple_of(items): a tuple of them only
                    names[f"items{i}"] = {items}
                    passes = (
                        f"type({{0}}) is tuple and set(map(type, {{0}})) == items{i}"
                    )
                if passes is None or PATTERN in a.metadata:
                    checks.append(f"    {call}")
                else:  # the validator is called only where it may refuse
                    checks.append(f"    if not ({passes.format(f'x{i}')}): {call}")
        default, make = _default_of(a)
        lines += [f"    if {a.name!r} in value:", f"        v = value[{a.name!r}]"]
        lines.append(f"        x{i} = {read}")
        if default is attrs.NOTHING:
            lines += ["    else:", f"        raise KeyError({a.name!r})"]
        elif make is not None:
            names[f"make{i}"] = make
            lines += ["    else:", f"        x{i} = make{i}()"]
        else:
            names[f"default{i}"] = default
            lines += ["    else:", f"        x{i} = default{i}"]
        lines.append(f"    put{i}(obj, x{i})")
    lines += [*checks, "    return obj"]
    # Generated as attrs generates __init__: one straight run of code per
    # class, with no loop over the fields and no tuple to unpack for each.
    source = "\n".join(lines)
    exec(compile(source, f"<conflictbrief reader of {cl.__name__}>", "exec"), names)  # noqa: S102
    return names["structure"]  # type: ignore[no-any-return]


def _calling_class_reader(cl: type, *, generated: bool) -> Reader:
    """Return a fast reader for *cl* that builds objects by calling the class.

    A field's JSON value goes to the field's converter as it is, unless it
    needs a reader (a field without a converter, or one that holds records:
    read by *generated* code or not, see `hook`).
    """
    attrs.resolve_types(cl)
    keys = frozenset(a.name for a in attrs.fields(cl))
    plan = []
    for a in attrs.fields(cl):
        read = None
        if a.converter is None or holds_model(a.type):
            read = hook(a.type, generated=generated)
        plan.append((a.name, a.alias, a.type, read))

    def structure(value: Any, _: object) -> object:
        extra = value.keys() - keys
        if extra:
            raise UnknownKeysError(cl, extra)
        fields = {}
        for key, alias, t, read in plan:
            if key in value:
                item = value[key]
                fields[alias] = item if read is None else read(item, t)
        return cl(**fields)  # which refuses a missing field

    return structure


_SLOT = type(DateSpan.__dict__["earliest"])

_TEXT = "type({0}) is str and {0}.isascii() and {0} != '' and not {0}.isspace()"
_PASSES: dict[object, str] = {
    check_text: _TEXT,
    check_optional_text: "{0} is None or (" + _TEXT + ")",
    check_span: "type({0}) is DateSpan",
}
"""For some validators, a test of the value in Python that, when true, means
the validator passes (`is_text` for ASCII text, the type of a span; for
`member_of`, the type of a kind; for `tuple_of` a class, a tuple of its
instances only); the generated reader calls the validator only where the
test fails. A field with a pattern is always checked by its
validator."""


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
