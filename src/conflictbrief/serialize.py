"""The conflictbrief JSON file format: load, loads, dump and dumps.

A file is one JSON object, ``{"format": "conflictbrief/2", "id": ..., ...}``,
with snake_case keys, enums as their lowercase values, dates as canonical EDTF
and empty or default fields left out. Files of ``conflictbrief/1`` still load
(see `conflictbrief._format.versions`). Loading is strict: a value of the wrong
JSON type is refused, never converted, unknown keys are errors, and every
problem in a file is reported at once with its JSON path.
"""

from __future__ import annotations

import gc
import io
import json
import os
from typing import IO, Any, Union, cast

from ._base.messages import shown
from ._format import stream
from ._format.json_text import decode
from ._format.limits import DEFAULT_LIMITS, Limits, check_limits, check_size
from ._format.reader import READ_IDS, generates, structure
from ._format.versions import FORMAT, VERSIONS, Version
from .brief import Brief
from .errors import IntegrityError, Problem, ValidationError

__all__ = ["FORMAT", "Limits", "dump", "dumps", "load", "loads"]

_OLDER = ", ".join(repr(name) for name in list(VERSIONS)[1:])
"""The earlier versions that load, for messages."""

PathOrFile = Union[str, "os.PathLike[str]", IO[str], IO[bytes]]
"""A path to read a brief from or write it to, or a file open as text or bytes."""


def loads(data: str | bytes, *, limits: Limits = DEFAULT_LIMITS) -> Brief:
    """Read a brief from JSON text.

    The cyclic garbage collector is paused while the records are built, and
    turned back on before problems, if any, are looked for and reported; as
    `gc.disable` is, the pause is process-wide, and another thread's own
    `gc.disable` during that stretch is undone when it ends.

    Args:
        data: The JSON text, as str or as UTF-8 bytes.
        limits: How large a file is read (see `Limits`); the defaults are far
            above any real brief.

    Raises:
        ValidationError: The text is not valid JSON, not this format, is
            larger than *limits* allow, or breaks the model's rules;
            `ValidationError.problems` lists every problem found, each with
            its JSON path.
    """
    check_size(data, limits)
    try:
        return _read_text(data, limits)
    finally:
        # The ids met are kept while a load runs, for the reading of a bad
        # file's records again; a later load need not hold them.
        READ_IDS.clear()


def _read_text(data: str | bytes, limits: Limits) -> Brief:
    # The cyclic garbage collector is paused while a load allocates: a large
    # file makes millions of objects that form no garbage cycles, and the
    # collector's passes over them add 15-30% to a load read record by record
    # (bench/run.py, 200,000 statements), as much again to one read whole.
    # The pause is process-wide, as gc.disable is, and ends with the building
    # of the records: reporting a bad file's problems runs with it on.
    paused = gc.isenabled()
    if paused:
        gc.disable()
    try:
        text = _text_of(data)
        if text is not None:
            brief = stream.read(text, limits)
            if brief is not None:
                return brief
        # Read whole, from the text already decoded if it could be.
        read = data if text is None else text
        doc, version = _document_of(read, limits)
        shape, finish = version.shape, version.finish
        generated = generates(len(read))
        try:
            return finish(structure(doc, shape, generated=generated))
        except IntegrityError as error:
            # Every record was read, and the brief's checks found every problem.
            raise ValidationError(error.problems) from None
        except Exception:  # noqa: BLE001
            # The fast reader stops at the first problem, whatever its kind:
            # a wrong type, a missing or unknown key, a bad value. The
            # detailed reader below reads the document again and names every
            # problem.
            found = None
    finally:
        if paused:
            gc.enable()
    # cattrs is imported only here, to name a bad file's problems, and to write.
    from ._format.converter import converter, problems

    try:
        return finish(converter().structure(doc, shape))
    except Exception as e:  # noqa: BLE001 (every error of the tree is reported)
        found = problems(e, "$") + _integrity(doc, version, generated=generated)
    raise ValidationError(sorted(found, key=version.in_document)) from None


def _text_of(data: object) -> str | None:
    """*data* as text, or None if it is not text (the whole read says why)."""
    if type(data) is str:
        return data
    if type(data) in (bytes, bytearray):
        try:
            return data.decode("utf-8-sig")  # type: ignore[attr-defined,no-any-return]
        except UnicodeDecodeError:
            return None
    return None


def _document_of(data: str | bytes, limits: Limits) -> tuple[dict[str, Any], Version]:
    """Return the document *data* holds and its format's version, taken out of it."""
    # No string is longer than the file: the decoder looks at the lengths
    # of texts (a tenth of a large load) only in a file longer than the limit.
    # Anything may be given; what is not text is refused by the decoder.
    size = len(data) if type(data) in (str, bytes, bytearray) else 0
    doc, long_text = decode(data, limits.text if size > limits.text else None)
    if type(doc) is not dict:
        raise ValidationError.at("$", f"expected a JSON object, got {shown(doc)}")
    if "format" not in doc:
        raise ValidationError.at("$.format", f"missing; expected {FORMAT!r}")
    fmt = doc.pop("format")
    version = VERSIONS.get(fmt) if type(fmt) is str else None
    if version is None:
        raise ValidationError.at(
            "$.format",
            f"expected the format {FORMAT!r} (or {_OLDER}), got {shown(fmt)}",
        )
    check_limits(doc, limits, long_text=long_text)
    return doc, version


def _integrity(
    doc: dict[str, Any], version: Version, *, generated: bool
) -> list[Problem]:
    """Check the integrity of the records of *doc* that can be read.

    So that a file's problems are all reported at once: what ails one record
    does not hide a broken reference or a misquote in another. The records
    are read as *version* reads them (by generated code if *generated*), and
    its problems named as it has them.
    """
    records: dict[str, list[Any]] = {}
    positions: dict[str, list[int]] = {}
    incomplete = set()
    for name, cls in version.classes.items():
        records[name], positions[name] = [], []
        items = doc.get(name, [])
        if type(items) is not list:
            incomplete.add(name)
            continue
        for i, item in enumerate(items):
            try:
                records[name].append(structure(item, cls, generated=generated))
                positions[name].append(i)
            except Exception:  # noqa: BLE001, PERF203 (a record that cannot be read)
                incomplete.add(name)
    return version.check(records, positions, incomplete)


def load(file: PathOrFile, *, limits: Limits = DEFAULT_LIMITS) -> Brief:
    """Read a brief from a path or an open file (text or binary).

    Args:
        file: A path, or a file open for reading.
        limits: How large a file is read (see `loads`).

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
        return loads(data, limits=limits)
    except ValidationError as error:
        raise ValidationError(
            error.problems, file=name if isinstance(name, str) else None
        ) from None


def _document(brief: Brief) -> dict[str, Any]:
    """Return *brief* as the JSON-ready dict `dumps` writes."""
    if not isinstance(brief, Brief):
        raise TypeError(f"expected a Brief to write, got {shown(brief)}")
    from ._format.converter import converter

    return {"format": FORMAT, **converter().unstructure(brief)}


def dumps(brief: Brief) -> str:
    """Return *brief* as canonical JSON text: stable key order, EDTF dates.

    Raises:
        TypeError: *brief* is not a `Brief`.
    """
    return json.dumps(_document(brief), ensure_ascii=False, indent=2) + "\n"


def dump(brief: Brief, file: PathOrFile) -> None:
    """Write *brief* to a path or an open file (text or binary) as `dumps` does.

    A path is written atomically: the text goes to a new file in the same
    directory, which is flushed to disk and then renamed over the path, so
    that the path holds either its old content or the whole new text, never
    a part, and a failed write leaves no file behind.

    Raises:
        TypeError: *brief* is not a `Brief`; nothing is written.
        OSError: The file could not be written; a path keeps its old content.
    """
    text = dumps(brief)
    data = text.encode("utf-8")  # before a file is opened, and so emptied
    if isinstance(file, (str, os.PathLike)):
        from ._base.files import replace_file  # with pathlib, on first use

        replace_file(file, data)
    elif isinstance(file, (io.RawIOBase, io.BufferedIOBase)) or "b" in getattr(
        file, "mode", ""
    ):
        cast("IO[bytes]", file).write(data)
    else:
        cast("IO[str]", file).write(text)
