"""How messages show values: a value as quoted, a noun with its article, close matches.

Every error message of the package names the bad value the same way; these
helpers are that one way. They import nothing of the package, so that
`conflictbrief.errors` can use them too.
"""

from __future__ import annotations

import bisect
import enum
import json
from collections.abc import Iterable

_LONGEST = 60
"""How many characters of a value's repr a message shows."""


def quoted(value: object) -> str:
    """Return the repr of *value* as messages show it: escaped, and shortened.

    A repr longer than 60 characters keeps its first 57, then says how many
    were cut, so that a value from a file (a megabyte-long id or quote)
    cannot make a message long:

    >>> quoted("x" * 100)
    "'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx... (45 characters cut)"
    """
    text = escaped(repr(value))
    if len(text) <= _LONGEST:
        return text
    kept = _LONGEST - 3
    return f"{text[:kept]}... ({len(text) - kept:,} characters cut)"


def shown(value: object) -> str:
    """Return *value* as messages show it: `quoted` and, if unclear, its type."""
    text = quoted(value)
    if isinstance(value, (str, int, float)) and not isinstance(value, enum.Enum):
        return f"{text} ({type(value).__name__})"
    return text


def escaped(text: str) -> str:
    r"""Return *text* with control characters and lone surrogates escaped.

    What a message shows comes from a file, and a message is printed: a
    newline would forge a line of its own, an escape sequence would reach
    the terminal, and a lone surrogate cannot be printed at all.
    """
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else ascii(c)[1:-1] for c in text)


def child_path(path: str, key: str) -> str:
    r"""Return the JSON path of *key* in the object at *path*.

    A key that is not a plain identifier is written in brackets with JSON's
    escapes (``$["weird\nkey"]``), and a long one is shortened, so that a
    key from a file cannot forge lines or terminal codes in a message.
    """
    if key.isidentifier() and key.isascii() and len(key) <= _LONGEST:
        return f"{path}.{key}"
    if len(key) > _LONGEST:
        key = key[: _LONGEST - 3] + "..."
    return f"{path}[{json.dumps(key)}]"


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


class Suggester:
    """Close matches among many known strings, from an index built once.

    Comparing a key with every known string costs their number for each key;
    a file of many unknown ids would cost their product. The index keeps the
    strings sorted, forwards and backwards, and a key is compared only with
    its NEIGHBOURS nearest in each order: a typo late in a string keeps it
    near in the first, a typo early in it near in the second.
    """

    NEIGHBOURS = 24
    """How many strings on each side of a key, in each order, are compared."""

    __slots__ = ("_backward", "_forward")

    def __init__(self, known: Iterable[str]) -> None:
        self._forward = sorted(known)
        self._backward = sorted(s[::-1] for s in self._forward)

    def close(self, key: str, n: int = 3) -> tuple[str, ...]:
        """Return up to *n* of the known strings closest to *key*, best first."""
        if len(self._forward) <= 4 * self.NEIGHBOURS:
            return close_matches(key, self._forward, n)
        reach = self.NEIGHBOURS
        candidates = set()
        for order, probe, flip in (
            (self._forward, key, False),
            (self._backward, key[::-1], True),
        ):
            at = bisect.bisect_left(order, probe)
            for s in order[max(0, at - reach) : at + reach]:
                candidates.add(s[::-1] if flip else s)
        return close_matches(key, sorted(candidates), n)


class NameSuggester:
    """The ids whose names come closest to a guessed id, from an index built once.

    Built from pairs of a name or alias and its record's id. A key is read as
    words ("zelensky" is close to the alias "Zelenskyy"), so that a guessed
    id finds the record a reader knows by name.
    """

    __slots__ = ("_folded", "_suggester")

    def __init__(self, names: Iterable[tuple[str, str]]) -> None:
        self._folded: dict[str, str] = {}
        for name, found in names:
            self._folded.setdefault(name.casefold(), found)
        self._suggester = Suggester(self._folded)

    def close(self, key: str, n: int = 3) -> tuple[str, ...]:
        """Return up to *n* ids whose names come closest to *key*, best first."""
        wanted = key.replace("-", " ").casefold()
        close = self._suggester.close(wanted, n)
        return tuple(dict.fromkeys(self._folded[c] for c in close))


def by_name(key: str, names: Iterable[tuple[str, str]], n: int = 3) -> tuple[str, ...]:
    """Return the ids whose names come closest to the id *key*, best first.

    *names* pairs each name or alias with its record's id; for many keys,
    build one `NameSuggester` instead.
    """
    return NameSuggester(names).close(key, n)


def merged_suggestions(*groups: tuple[str, ...], n: int = 3) -> tuple[str, ...]:
    """Return the first *n* distinct suggestions of *groups*, in their order."""
    return tuple(dict.fromkeys(s for group in groups for s in group))[:n]
