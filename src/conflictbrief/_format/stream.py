"""Reading a brief record by record, each built as soon as it is decoded.

A file of today's format is read here first: the top-level object is walked
key by key, and each collection's list item by item with the JSON scanner
itself (`json.scanner`), each item built into its record at once by the
fast reader and its decoded JSON let go. So a load never holds the whole
decoded document: what is decoded for one record is freed before the next,
and its memory is used again for the next, which keeps a load's peak and
the memory it leaves behind close to what the records hold.

This is the way valid files take. Anything else (another version, a value
of the wrong type, an unknown or repeated key, a collection over the limit,
a text that may be over it, text that is not JSON) makes `read` return
None, and the file is read whole, whose readers name every problem. A brief
whose records all read but whose integrity checks fail is refused here, as
reading it again would find the same problems.
"""

from __future__ import annotations

import json
import re
from typing import Any

from conflictbrief._collections.registry import COLLECTIONS
from conflictbrief.brief import Brief
from conflictbrief.errors import IntegrityError, ValidationError

from .json_text import may_hold_long_text, whole
from .limits import Limits
from .plain import Reader
from .reader import Built, generates, hook, structure
from .versions import FORMAT

__all__ = ["read"]

_CLASSES: dict[str, type] = {c.name: c.cls for c in COLLECTIONS}
_SPACE = re.compile(r"[ \t\n\r]*")


class _Stop(Exception):  # noqa: N818 (not an error: the file is read whole)
    """The file is not read record by record; it is read whole instead."""


def _pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(items)
    if len(result) != len(items):  # a repeated key: the whole read names it
        raise _Stop
    return result


def read(text: str, limits: Limits) -> Brief | None:
    """Return the brief *text* holds, read record by record; None to read it whole.

    Raises:
        ValidationError: Every record was read, and the brief's integrity
            checks found problems (all of them, with their paths).
    """
    # No string is longer than the text that holds it.
    if len(text) > limits.text and may_hold_long_text(text, limits.text):
        return None
    decoder = json.JSONDecoder(object_pairs_hook=_pairs, parse_int=whole)
    scan = decoder.scan_once  # type: ignore[attr-defined]
    generated = generates(len(text))
    readers = {
        name: (hook(cls, generated=generated), cls) for name, cls in _CLASSES.items()
    }
    try:
        doc = _document(text, scan, limits.records, readers)
    except Exception:  # noqa: BLE001 (whatever it is, the whole read names it)
        return None
    if doc.pop("format", None) != FORMAT:
        return None
    try:
        brief: Brief = structure(doc, Brief, generated=generated)
    except IntegrityError as error:
        raise ValidationError(error.problems) from None
    except Exception:  # noqa: BLE001 (whatever it is, the whole read names it)
        return None
    return brief


def _document(
    text: str, scan: Any, most: int, readers: dict[str, tuple[Reader, type]]
) -> dict[str, Any]:
    """The top-level object of *text*, each collection's records built."""
    skip = _SPACE.match
    i = skip(text, 0).end()  # type: ignore[union-attr]
    if text[i] != "{":
        raise _Stop
    doc: dict[str, Any] = {}
    i = skip(text, i + 1).end()  # type: ignore[union-attr]
    if text[i] == "}":
        raise _Stop  # not a brief: the whole read says what is missing
    while True:
        key, i = scan(text, i)
        if type(key) is not str or key in doc:
            raise _Stop
        i = skip(text, i).end()  # type: ignore[union-attr]
        if text[i] != ":":
            raise _Stop
        i = skip(text, i + 1).end()  # type: ignore[union-attr]
        read = readers.get(key)
        if read is not None and text[i] == "[":
            doc[key], i = _records(text, i + 1, scan, most, read)
        else:
            doc[key], i = scan(text, i)
            if key == "format" and doc[key] != FORMAT:
                raise _Stop  # an earlier version: read whole, as that version
        i = skip(text, i).end()  # type: ignore[union-attr]
        if text[i] == "}":
            break
        if text[i] != ",":
            raise _Stop
        i = skip(text, i + 1).end()  # type: ignore[union-attr]
    if skip(text, i + 1).end() != len(text):  # type: ignore[union-attr]
        raise _Stop  # text after the object
    return doc


def _records(
    text: str, i: int, scan: Any, most: int, read: tuple[Reader, type]
) -> tuple[Built, int]:
    """The records of one collection's list, from just after its ``[``."""
    skip = _SPACE.match
    build, cls = read
    out: list[Any] = []
    i = skip(text, i).end()  # type: ignore[union-attr]
    if text[i] == "]":
        return Built(), i + 1
    while True:
        item, i = scan(text, i)
        out.append(build(item, cls))
        if text[i] != "," and text[i] != "]":
            i = skip(text, i).end()  # type: ignore[union-attr]
        if text[i] == "]":
            break
        if text[i] != ",":
            raise _Stop
        i = skip(text, i + 1).end()  # type: ignore[union-attr]
        if len(out) >= most:  # one more would be over the limit
            raise _Stop
    return Built(out), i + 1
