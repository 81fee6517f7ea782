"""Typed, immutable, source-cited data from reporting about armed conflicts.

>>> import conflictbrief
>>> brief = conflictbrief.datasets.load()
>>> brief.actors["kim-jong-un"].name
'Kim Jong Un'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .actors import Actor, ActorKind, ExternalIds, Place, PlaceKind
from .brief import Brief, Dispute, Records
from .dates import DateSpan, Precision
from .errors import (
    ConflictBriefError,
    DatasetNotFoundError,
    DateResolutionError,
    Problem,
    UnknownIdError,
    ValidationError,
)
from .estimates import Estimate
from .records import Deployment, Event, EventKind, Record, Statement, StatementKind
from .serialize import FORMAT, dump, dumps, json_schema, load, loads
from .sources import Citation, Source, SourceKind

if TYPE_CHECKING:
    from . import datasets

__all__ = [
    "FORMAT",
    "Actor",
    "ActorKind",
    "Brief",
    "Citation",
    "ConflictBriefError",
    "DatasetNotFoundError",
    "DateResolutionError",
    "DateSpan",
    "Deployment",
    "Dispute",
    "Estimate",
    "Event",
    "EventKind",
    "ExternalIds",
    "Place",
    "PlaceKind",
    "Precision",
    "Problem",
    "Record",
    "Records",
    "Source",
    "SourceKind",
    "Statement",
    "StatementKind",
    "UnknownIdError",
    "ValidationError",
    "datasets",
    "dump",
    "dumps",
    "json_schema",
    "load",
    "loads",
]


def __getattr__(name: str) -> Any:
    # `datasets` and `__version__` are looked up on first use, keeping
    # `import conflictbrief` fast.
    if name == "datasets":
        import importlib

        return importlib.import_module(".datasets", __name__)
    if name == "__version__":
        from importlib.metadata import version

        return version("conflictbrief")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
