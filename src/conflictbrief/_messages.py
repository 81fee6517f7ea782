"""How messages show values: a value as quoted, a noun with its article, close matches.

Every error message of the package names the bad value the same way; these
helpers are that one way. They import nothing of the package, so that
`conflictbrief.errors` can use them too.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable

_LONGEST = 60
"""How many characters of a value's repr a message shows."""


def shown(value: object) -> str:
    """Return *value* as messages show it: its repr and, if unclear, its type."""
    text = repr(value)
    if len(text) > _LONGEST:
        text = text[: _LONGEST - 3] + "..."
    if isinstance(value, (str, int, float)) and not isinstance(value, enum.Enum):
        return f"{text} ({type(value).__name__})"
    return text


def article(noun: str) -> str:
    """Return *noun* after its indefinite article: "an Event", "a Citation"."""
    return ("an " if noun[0].lower() in "aeiou" else "a ") + noun


def choices(enum_cls: type[enum.Enum]) -> str:
    """Return the values of *enum_cls*, quoted, for a message: 'a', 'b', 'c'."""
    return ", ".join(repr(m.value) for m in enum_cls)


def close_matches(key: str, known: Iterable[str], n: int = 3) -> tuple[str, ...]:
    """Return up to *n* of the *known* strings closest to *key*, best first."""
    import difflib  # only errors need it, and it is slow to import

    return tuple(difflib.get_close_matches(key, list(known), n=n, cutoff=0.6))
