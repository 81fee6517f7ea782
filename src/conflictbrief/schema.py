"""The JSON Schema of the file format, generated from the model classes."""

from __future__ import annotations

import enum
from datetime import date
from typing import Any, get_args

import attrs

from ._format.plain import is_model, is_tuple
from ._validators import PATTERN, SLUG_PATTERN, Id
from .brief import Brief
from .dates._convert import DAY
from .dates._edtf import EDTF_PATTERN
from .dates._span import DateSpan
from .serialize import FORMAT

__all__ = ["json_schema"]

_KEYWORDS = ("minimum", "maximum")
"""The field metadata that is JSON Schema too: a number's bounds."""


def _declared(a: attrs.Attribute[Any]) -> dict[str, Any]:
    """What a field's metadata adds to its schema: bounds, and a whole-text pattern.

    A field's pattern (`conflictbrief._fields.matching`) is matched by its
    validator against the whole text; JSON Schema matches anywhere in it
    unless anchored, so it is anchored here.
    """
    found = {k: a.metadata[k] for k in _KEYWORDS if k in a.metadata}
    if PATTERN in a.metadata:
        found["pattern"] = f"^(?:{a.metadata[PATTERN]})$"
    return found


def json_schema() -> dict[str, Any]:
    """Return a JSON Schema (draft 2020-12) of the file format.

    The schema is generated from the model classes: their fields, types,
    defaults and field metadata. It checks what a schema can (the keys, the
    JSON types, ids, kinds, the shape of dates); the rules that relate values
    (references resolve, quotes occur in their sources, ``low <= best <=
    high``) are checked by `loads` alone.

    >>> json_schema()["properties"]["as_of"]["format"]
    'date'
    """
    definitions: dict[str, Any] = {}
    brief = _class_schema(Brief, definitions)
    brief["properties"] = {"format": {"const": FORMAT}, **brief["properties"]}
    brief["required"] = ["format", *brief["required"]]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": FORMAT,
        **brief,
        "$defs": dict(sorted(definitions.items())),
    }


def _class_schema(cl: type, definitions: dict[str, Any]) -> dict[str, Any]:
    attrs.resolve_types(cl)
    properties, required = {}, []
    for a in attrs.fields(cl):
        properties[a.name] = _type_schema(a.type, definitions) | _declared(a)
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
    if is_model(t):
        if t.__name__ not in definitions:
            definitions[t.__name__] = {}  # a placeholder while it is built
            definitions[t.__name__] = _class_schema(t, definitions)
        return {"$ref": f"#/$defs/{t.__name__}"}
    if isinstance(t, type) and issubclass(t, enum.Enum):
        if t.__name__ not in definitions:
            definitions[t.__name__] = {"enum": [m.value for m in t]}
        return {"$ref": f"#/$defs/{t.__name__}"}
    if is_tuple(t):
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
        "pattern": f"^{DAY.pattern}$",
    },
}
"""The schemas of plain field types: texts are not blank, counts not negative."""
