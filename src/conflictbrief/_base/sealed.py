"""Model objects built once: `sealed` refuses ``__init__`` or ``__setstate__`` again.

Frozen attrs classes refuse ``obj.field = value``, but their ``__init__`` and
``__setstate__`` write the fields of whatever object they are called on: a
second call would change a live object (a brief's actors emptied, with no
check run). A sealed class refuses both on an object already built.
"""

from __future__ import annotations

import gc
from typing import Any, TypeVar

__all__ = ["refuse_rebuild", "sealed"]

C = TypeVar("C", bound=type)

_referents = gc.get_referents
_set = object.__setattr__


def refuse_rebuild(obj: object, method: str) -> None:
    """Raise TypeError if *obj*, being built by *method*, holds fields already.

    Every model object is made through this check, so it asks the collector
    which objects *obj* refers to rather than reading a field: a new object
    refers to its class alone, and reading an unset slot would raise and
    catch an AttributeError, which costs several times as much.
    """
    if len(_referents(obj)) > 1:
        name = type(obj).__name__
        msg = f"{name} objects are immutable: {method} cannot rebuild one"
        raise TypeError(msg)


def _pre_init(self: object) -> None:
    refuse_rebuild(self, "__init__")


def _getstate(self: Any) -> tuple[Any, ...]:
    return tuple([getattr(self, a.name) for a in type(self).__attrs_attrs__])


def _setstate(self: Any, state: tuple[Any, ...]) -> None:
    refuse_rebuild(self, "__setstate__")
    for a, value in zip(type(self).__attrs_attrs__, state, strict=True):
        _set(self, a.name, value)


def sealed(cls: C) -> C:
    """Make *cls*, before attrs builds it, refuse rebuilding a built object.

    Applied under ``@attrs.frozen``: attrs calls ``__attrs_pre_init__`` from
    the ``__init__`` it writes, and keeps the ``__getstate__`` and
    ``__setstate__`` given here (a tuple of the fields, in order) instead of
    writing its own.
    """
    for name, method in (
        ("__attrs_pre_init__", _pre_init),
        ("__getstate__", _getstate),
        ("__setstate__", _setstate),
    ):
        setattr(cls, name, method)
    return cls
