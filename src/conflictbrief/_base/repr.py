"""The repr every model class shares."""

from __future__ import annotations

from typing import Any


def model_repr(self: Any) -> str:
    """Return ``Class(field=value, ...)`` for an attrs instance, as attrs writes it.

    The model classes share this one function rather than each having attrs
    generate its own: every generated method is compiled when the package is
    imported, and import time is a measured target.
    """
    fields = ", ".join(
        f"{a.name}={getattr(self, a.name)!r}"
        for a in type(self).__attrs_attrs__
        if a.repr
    )
    return f"{type(self).__name__}({fields})"
