"""JSON text into Python values, refusing what the file format cannot hold.

Files are UTF-8 (a byte order mark tolerated); an object that repeats a key,
a number with too many digits and nesting too deep are refused with a
`ValidationError` naming where, never passed on.
"""

from __future__ import annotations

import json
from typing import Any, NamedTuple

from conflictbrief._base.messages import child_path, quoted, shown
from conflictbrief.errors import Problem, ValidationError

__all__ = ["Decoded", "decode", "may_hold_long_text", "whole"]


class Decoded(NamedTuple):
    """A decoded document, and whether a string in it may be over the text limit."""

    doc: Any
    long_text: bool


class _Twice(dict[str, Any]):
    """A JSON object in which *key* appears more than once."""

    def __init__(self, items: dict[str, Any], key: str) -> None:
        super().__init__(items)
        self.key = key


def _repeated_keys(node: object, path: str) -> list[Problem]:
    """Return a problem for each object under *node* that repeats a key."""
    out = []
    if type(node) is _Twice:
        out.append(
            Problem(path, f"the key {quoted(node.key)} appears twice in one object")
        )
    if isinstance(node, dict):
        for key, value in node.items():
            out += _repeated_keys(value, child_path(path, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            out += _repeated_keys(value, f"{path}[{i}]")
    return out


def may_hold_long_text(text: str, limit: int) -> bool:
    """Whether the JSON *text* may hold a string longer than *limit* characters.

    A look at the raw text, quicker than looking at each string decoded: a
    string's raw text is at least as long as the string, and holds no
    unescaped quotation mark; so if every stretch of *limit* // 2
    characters (taken end to end from the start) holds an unescaped ``"``,
    no string is longer than *limit*. True means perhaps: where the look
    stops short (a stretch without a plain ``"``, a file of more than a
    thousand stretches, a mark after a long run of backslashes), the
    decoded document is walked (`limits.check_limits`).
    """
    step = max(1, limit // 2)
    if len(text) > 1000 * step:
        return True
    find = text.find
    for start in range(0, len(text) - step + 1, step):
        end = start + step
        at = find('"', start, end)
        for _ in range(16):  # a few escaped marks, then the walk decides
            if at < 0:
                return True
            # A mark is escaped by an odd run of backslashes before it.
            run = 0
            while run < 64 and at > run and text[at - 1 - run] == "\\":
                run += 1
            if run == 64:
                return True
            if run % 2 == 0:
                break
            at = find('"', at + 1, end)
        else:
            return True
    return False


def whole(text: str) -> int:
    """Read a JSON whole number, refusing one with too many digits to read."""
    # Python refuses to read an int of more than a few thousand digits
    # (sys.set_int_max_str_digits) with a plain ValueError.
    try:
        return int(text)
    except ValueError:
        raise ValidationError.at(
            "$", f"not readable: a number has too many digits ({len(text):,})"
        ) from None


def decode(data: str | bytes, text_limit: int | None = None) -> Decoded:
    """Return the JSON value *data* holds, and whether a text may be over *text_limit*.

    Args:
        data: JSON text, as str or UTF-8 bytes.
        text_limit: The longest string (key or value) that passes unnoticed;
            None looks at no length.

    Raises:
        ValidationError: *data* is not UTF-8 JSON text, or repeats a key in
            an object; each problem names where.
    """
    # The decoder cannot tell the hook where an object is; objects that
    # repeat a key are noticed here and found with their paths afterwards,
    # in the rare document that has one.
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

    if not isinstance(data, (str, bytes, bytearray)):
        raise ValidationError.at(
            "$", f"expected JSON text as str or bytes, got {shown(data)}"
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
    long = text_limit is not None and may_hold_long_text(data, text_limit)
    return Decoded(doc, long_text=long)
