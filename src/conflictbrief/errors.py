"""The exceptions conflictbrief raises.

Every exception derives from `ConflictBriefError`; each leaf also derives from
the standard exception a caller would expect, so ``except ValueError`` keeps
working.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from typing import Any

import attrs

from ._base.messages import by_name, close_matches, merged_suggestions, quoted
from ._base.repr import model_repr
from ._base.sealed import sealed

__all__ = [
    "ConflictBriefError",
    "DatasetNotFoundError",
    "DateResolutionError",
    "IntegrityError",
    "Problem",
    "UnknownIdError",
    "ValidationError",
]


class ConflictBriefError(Exception):
    """The base of every exception conflictbrief raises."""


@attrs.frozen(repr=False)
@sealed
class Problem:
    """One thing wrong with some data: where it is and what is wrong.

    Attributes:
        path: A JSON path to the bad value, such as ``$.statements[3].date``.
            Problems found by a constructor start at the field name.
        message: A sentence naming the bad value and what was expected.
    """

    __repr__ = model_repr

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message

    def under(self, prefix: str) -> Problem:
        """Return this problem with its path placed under *prefix*."""
        if not self.path:
            return Problem(prefix, self.message)
        if self.path.startswith("$"):
            return Problem(prefix + self.path[1:], self.message)
        if self.path.startswith("["):
            return Problem(prefix + self.path, self.message)
        return Problem(f"{prefix}.{self.path}", self.message)


class ValidationError(ConflictBriefError, ValueError):
    """Data that breaks the model's rules; `problems` lists every one found.

    Attributes:
        problems: The problems, in the order they stand in the data.
        file: The file the data was read from, when `load` read one.
    """

    problems: tuple[Problem, ...]
    file: str | None

    def __init__(self, problems: Iterable[Problem], *, file: str | None = None) -> None:
        self.problems = tuple(problems)
        self.file = file
        where = "" if file is None else f" in {file}"
        if len(self.problems) == 1:
            text = f"{file}: {self.problems[0]}" if file else str(self.problems[0])
        else:
            lines = "\n".join(f"  {p}" for p in self.problems)
            text = f"{len(self.problems)} problems{where}:\n{lines}"
        super().__init__(text)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_validation_error, (self.problems, self.file))

    @classmethod
    def at(cls, path: str, message: str) -> ValidationError:
        """Return an error holding the single problem at *path*."""
        return cls([Problem(path, message)])


class IntegrityError(ValidationError):
    """Records each valid alone that break a rule relating them to each other.

    Raised when a `Brief` is built: a reference that does not resolve, a
    repeated id, a quote not found in its source, a record dated after its
    sources, a deployment between actors that are not states, a ``part_of``
    cycle. A `ValidationError` like any other, with every problem at once;
    its own class tells it apart from a record that could not be read.
    """


class UnknownIdError(ConflictBriefError, KeyError):
    """An id that is not in the collection it was looked up in.

    Attributes:
        id: The id that was asked for.
        collection: The name of the collection, such as ``"actors"``.
        suggestions: The closest ids that do exist.
    """

    def __init__(
        self,
        key: object,
        collection: str,
        known: Iterable[str],
        *,
        field: str = "id",
        names: Callable[[], Iterable[tuple[str, str]]] | None = None,
    ) -> None:
        self.id = key
        self.collection = collection
        self.field = field
        # The suggestions are worked out when first asked for: code that
        # catches the KeyError and goes on pays nothing for them.
        self._known = known
        self._names = names
        super().__init__(key)

    @functools.cached_property
    def suggestions(self) -> tuple[str, ...]:
        """The closest ids that do exist, best first (at most three).

        Ids close to the one asked for come first, then the ids of records
        whose name or alias is close to it: ``zelensky`` finds the actor
        called "Zelenskyy".
        """
        key = str(self.id)
        close = close_matches(key, self._known)
        if self._names is None:
            return close
        return merged_suggestions(close, by_name(key, self._names()))

    def __reduce__(self) -> tuple[Any, ...]:
        return (
            _unknown_id_error,
            (self.id, self.collection, self.suggestions, self.field),
        )

    def __str__(self) -> str:
        text = f"no record in {self.collection} has {self.field} {quoted(self.id)}"
        if self.suggestions:
            text += "; did you mean " + " or ".join(map(quoted, self.suggestions)) + "?"
        return text


class DatasetNotFoundError(ConflictBriefError, LookupError):
    """A bundled dataset name that does not exist."""


class DateResolutionError(ConflictBriefError, ValueError):
    """A date phrase that `conflictbrief.dates.resolve` cannot turn into a span."""


def _validation_error(
    problems: tuple[Problem, ...], file: str | None
) -> ValidationError:
    """Rebuild a pickled `ValidationError`."""
    return ValidationError(problems, file=file)


def _unknown_id_error(
    key: object, collection: str, suggestions: tuple[str, ...], field: str
) -> UnknownIdError:
    """Rebuild a pickled `UnknownIdError`; its suggestions are among the known ids."""
    return UnknownIdError(key, collection, suggestions, field=field)
