"""The size policy for files: how many records, how long a text, how large a file.

A file may come from anyone; these limits bound what reading one can cost.
The defaults are far above any real brief, and `Limits` raises them.
"""

from __future__ import annotations

from typing import Any

import attrs

from conflictbrief._base.messages import child_path
from conflictbrief._base.sealed import sealed
from conflictbrief._collections.registry import COLLECTIONS
from conflictbrief._validators import fail
from conflictbrief.errors import Problem, ValidationError

__all__ = ["DEFAULT_LIMITS", "Limits", "check_limits", "check_size"]


def _positive(_: object, attribute: attrs.Attribute[int], value: object) -> None:
    if type(value) is not int or value < 1:
        raise fail(attribute.name, value, "a whole number above 0")


@attrs.frozen(kw_only=True)
@sealed
class Limits:
    """How large a file `loads` and `load` read; beyond them a file is refused.

    Attributes:
        records: The most records one collection may hold.
        text: The most characters one string may hold.
        size: The most bytes (or, for a str, characters) a file may hold.
        values: The most JSON values a file may hold, counted before it is
            decoded as its ``{``, ``[`` and ``,`` (which strings holding
            them make an overcount). Decoding takes at most about 120 bytes
            of memory a value besides the text of strings, and at most about
            40 times the file's size (``[[[]], [[]], ...]``, the worst
            measured), so this bounds what a file of many small values can
            cost whatever its size: with the defaults, a file peaks below
            about 10 GB.
    """

    records: int = attrs.field(default=5_000_000, validator=_positive)
    text: int = attrs.field(default=10_000_000, validator=_positive)
    size: int = attrs.field(default=1_000_000_000, validator=_positive)
    values: int = attrs.field(default=50_000_000, validator=_positive)


DEFAULT_LIMITS = Limits()
"""The limits a load applies unless it is given others."""


def _over(path: str, what: str, value: int, name: str, limit: int) -> Problem:
    """The problem of *value* (*what* counts, such as "records") over *limit*."""
    return Problem(
        path,
        f"{value:,} {what}, over the limit of {limit:,} (Limits.{name}); to read "
        f"this file, raise it: loads(data, limits=Limits({name}={value}))",
    )


def check_size(data: object, limits: Limits) -> None:
    """Refuse *data* larger than *limits* allow, before it is read."""
    size = len(data) if isinstance(data, (str, bytes, bytearray)) else 0
    if size > limits.size:
        unit = "characters" if isinstance(data, str) else "bytes"
        raise ValidationError([_over("$", unit, size, "size", limits.size)])
    if isinstance(data, str):
        values = data.count("{") + data.count("[") + data.count(",") + 1
    elif isinstance(data, (bytes, bytearray)):
        values = data.count(b"{") + data.count(b"[") + data.count(b",") + 1
    else:
        return
    if values > limits.values:
        raise ValidationError([_over("$", "values", values, "values", limits.values)])


def check_limits(doc: dict[str, Any], limits: Limits, *, long_text: bool) -> None:
    """Refuse a document with more records or longer texts than *limits* allow.

    *long_text* says whether the text may hold a string over the text
    limit (`_format.json_text.may_hold_long_text`); only then is the
    document walked, and walked again to name where each one is if it
    does.
    """
    found = []
    for collection in COLLECTIONS:
        items = doc.get(collection.name)
        if type(items) is list and len(items) > limits.records:
            path = f"$.{collection.name}"
            found.append(_over(path, "records", len(items), "records", limits.records))
    if long_text and _holds_long_text(doc, limits.text):
        found += _long_texts(doc, limits.text)
    if found:
        raise ValidationError(found)


def _holds_long_text(doc: object, limit: int) -> bool:
    """Whether *doc* holds a string (a key, a value) longer than *limit*."""
    todo = [doc]
    while todo:
        node = todo.pop()
        if type(node) is str:
            if len(node) > limit:
                return True
        elif type(node) is dict:
            if any(len(key) > limit for key in node):
                return True
            todo += node.values()
        elif type(node) is list:
            todo += node
    return False


def _long_texts(doc: object, limit: int) -> list[Problem]:
    """Return a problem for each string in *doc* longer than *limit*."""
    todo = [(doc, "$")]
    out = []
    while todo:
        node, path = todo.pop()
        if type(node) is str:
            if len(node) > limit:
                out.append(_over(path, "characters", len(node), "text", limit))
        elif type(node) is dict:
            for k, v in node.items():
                todo.append((k, path) if len(k) > limit else (v, child_path(path, k)))
        elif type(node) is list:
            todo += [(v, f"{path}[{i}]") for i, v in enumerate(node)]
    return out[::-1]
