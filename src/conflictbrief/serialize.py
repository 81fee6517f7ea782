"""The conflictbrief JSON file format: load, loads, dump and dumps.

A file is one JSON object, ``{"format": "conflictbrief/2", "id": ..., ...}``,
with snake_case keys, enums as their lowercase values, dates as canonical EDTF
and empty or default fields left out. Files of ``conflictbrief/1`` still load
(see `conflictbrief._format1`). Loading is strict: a value of the wrong
JSON type is refused, never converted, unknown keys are errors, and every
problem in a file is reported at once with its JSON path.
"""

from __future__ import annotations

import gc
import io
import json
import os
from collections.abc import Callable
from typing import IO, Any, Union, cast

import attrs

from ._converter import converter, problems
from ._format1 import (
    BRIEF_1,
    CLASSES_1,
    FORMAT_1,
    IN_DOCUMENT_1,
    restore,
    upgrade,
    upgrade_records,
)
from ._integrity import Checker, IntegrityError, document_order
from ._json import decode
from ._messages import shown
from ._registry import COLLECTIONS
from .brief import Brief
from .errors import Problem, ValidationError

__all__ = ["FORMAT", "dump", "dumps", "load", "loads"]

FORMAT = "conflictbrief/2"
"""The format string every file written carries; ``conflictbrief/1`` still loads."""

PathOrFile = Union[str, "os.PathLike[str]", IO[str], IO[bytes]]

_IN_DOCUMENT = document_order(attrs.fields_dict(Brief))


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
    doc = decode(data)
    if type(doc) is not dict:
        raise ValidationError.at("$", f"expected a JSON object, got {shown(doc)}")
    if "format" not in doc:
        raise ValidationError.at("$.format", f"missing; expected {FORMAT!r}")
    fmt = doc.pop("format")
    if fmt not in (FORMAT, FORMAT_1):
        raise ValidationError.at(
            "$.format",
            f"expected the format {FORMAT!r} (or {FORMAT_1!r}), got {fmt!r}",
        )
    finish: Callable[[Any], Brief]
    if fmt == FORMAT_1:
        shape, finish, in_document = BRIEF_1, upgrade, IN_DOCUMENT_1
    else:
        shape, finish, in_document = Brief, _built, _IN_DOCUMENT
    try:
        return finish(converter(detailed=False).structure(doc, shape))
    except IntegrityError as error:
        # Every record was read, and the brief's checks found every problem.
        raise ValidationError(error.problems) from None
    except Exception:  # noqa: BLE001
        # The fast reader stops at the first problem, whatever its kind: a
        # wrong type, a missing or unknown key, a bad value. The detailed
        # reader below reads the document again and names every problem.
        found = None
    try:
        return finish(converter(detailed=True).structure(doc, shape))
    except Exception as e:  # noqa: BLE001 (every error of the tree is reported)
        found = problems(e, "$") + _integrity(doc, legacy=fmt == FORMAT_1)
    raise ValidationError(sorted(found, key=in_document)) from None


def _built(brief: Any) -> Brief:
    return brief  # type: ignore[no-any-return]


_CLASSES = {c.name: c.cls for c in COLLECTIONS}


def _integrity(doc: dict[str, Any], *, legacy: bool) -> list[Problem]:
    """Check the integrity of the records of *doc* that can be read.

    So that a file's problems are all reported at once: what ails one record
    does not hide a broken reference or a misquote in another. A *legacy*
    document is read as ``conflictbrief/1`` and its records upgraded.
    """
    structure = converter(detailed=False).structure
    records: dict[str, list[Any]] = {}
    positions: dict[str, list[int]] = {}
    incomplete = set()
    for name, cls in (CLASSES_1 if legacy else _CLASSES).items():
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
    if not legacy:
        return Checker(records, positions, incomplete).run()
    upgraded, figure_at = upgrade_records(records, positions["deployments"])
    return restore(Checker(upgraded, positions, incomplete).run(), figure_at)


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


def _document(brief: Brief) -> dict[str, Any]:
    """Return *brief* as the JSON-ready dict `dumps` writes."""
    return {"format": FORMAT, **converter(detailed=False).unstructure(brief)}


def dumps(brief: Brief) -> str:
    """Return *brief* as canonical JSON text: stable key order, EDTF dates."""
    return json.dumps(_document(brief), ensure_ascii=False, indent=2) + "\n"


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
