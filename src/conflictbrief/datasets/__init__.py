"""The datasets bundled with conflictbrief.

Each dataset is a brief in the `conflictbrief/1` file format, shipped inside
the package. Load the default one, or any of `names()`:

>>> from conflictbrief import datasets
>>> datasets.names()
('dprk-russia-2025',)
>>> brief = datasets.load()
>>> brief.id
'dprk-russia-2025'

Briefs are immutable, so each dataset is read once and the same `Brief` is
returned on every later call.
"""

from __future__ import annotations

import functools
import os
import threading

from conflictbrief.brief import Brief
from conflictbrief.errors import DatasetNotFoundError
from conflictbrief.serialize import loads

__all__ = ["DEFAULT", "load", "names"]

DEFAULT = "dprk-russia-2025"
"""The name `load` reads when given none."""

_SUFFIX = ".json"
# The files sit beside this module. They are found from __file__ with os.path
# rather than with importlib.resources or pathlib, whose imports cost more
# than loading a dataset.
_FOLDER = os.path.dirname(os.path.abspath(__file__))  # noqa: PTH100, PTH120


@functools.cache
def names() -> tuple[str, ...]:
    """Return the names of the bundled datasets, sorted."""
    files = os.listdir(_FOLDER)  # noqa: PTH208
    return tuple(sorted(f.removesuffix(_SUFFIX) for f in files if f.endswith(_SUFFIX)))


def load(name: str = DEFAULT) -> Brief:
    """Return the bundled dataset *name* as a `Brief`.

    Args:
        name: One of `names()`; the default is `DEFAULT`.

    Returns:
        The brief; the same object on every call with the same name.

    Raises:
        DatasetNotFoundError: There is no bundled dataset called *name*; the
            message lists the names there are.
    """
    if name not in names():
        known = ", ".join(map(repr, names()))
        raise DatasetNotFoundError(
            f"no bundled dataset is named {name!r}; expected one of {known}"
        )
    return _read(name)


_LOCK = threading.Lock()


def _read(name: str) -> Brief:
    # One brief per name, even when threads ask for it at once.
    with _LOCK:
        brief = _LOADED.get(name)
        if brief is None:
            path = os.path.join(_FOLDER, name + _SUFFIX)  # noqa: PTH118
            with open(path, "rb") as f:  # noqa: PTH123
                brief = _LOADED[name] = loads(f.read())
        return brief


_LOADED: dict[str, Brief] = {}
