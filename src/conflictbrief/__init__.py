"""Typed, immutable, source-cited data from reporting about armed conflicts.

A `Brief` holds the facts of one or more reports as records: `Actor`,
`Place`, `Source`, `Statement`, `Deployment`, `Event` and `Figure`, each
`Statement`, `Deployment`, `Event` and `Figure` citing the words of its
source. Dates are `DateSpan` values as precise as the source allows; counts
are `Estimate` values. Briefs load from and save to JSON (`load`, `loads`,
`dump`, `dumps`), refusing bad data with a `ValidationError` that lists every
problem with its path, and answer questions through `Records.where` and
`Brief.timeline`, `disputes`, `tally` (as a `Tally`), `troops` and
`evidence`. `conflictbrief.dates` resolves phrases such as "last fall";
`draft` turns an article's text into a brief for a person to review;
`conflictbrief.datasets` holds a curated brief to start from::

    >>> import conflictbrief
    >>> brief = conflictbrief.datasets.load()
    >>> str(brief.troops(sender="north-korea", host="russia"))
    'about 11,000'
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
    IntegrityError,
    Problem,
    UnknownIdError,
    ValidationError,
)
from .estimates import Estimate
from .records import (
    Deployment,
    Event,
    EventKind,
    Figure,
    FigureKind,
    Record,
    Statement,
    StatementKind,
)
from .schema import json_schema
from .serialize import FORMAT, Limits, dump, dumps, load, loads
from .sources import Citation, Source, SourceKind

if TYPE_CHECKING:
    from . import datasets, drafting, export, render
    from ._collections.matches import Match
    from ._collections.merge import MergeReport, Reworded
    from ._collections.tally import Tally, TallyPart
    from .drafting import Draft, Note, draft

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
    "Draft",
    "Estimate",
    "Event",
    "EventKind",
    "ExternalIds",
    "Figure",
    "FigureKind",
    "IntegrityError",
    "Limits",
    "Match",
    "MergeReport",
    "Note",
    "Place",
    "PlaceKind",
    "Precision",
    "Problem",
    "Record",
    "Records",
    "Reworded",
    "Source",
    "SourceKind",
    "Statement",
    "StatementKind",
    "Tally",
    "TallyPart",
    "UnknownIdError",
    "ValidationError",
    "datasets",
    "draft",
    "drafting",
    "dump",
    "dumps",
    "export",
    "json_schema",
    "load",
    "loads",
    "render",
]


_MODULES = ("datasets", "drafting", "export", "render")
"""The public modules imported on first use, keeping `import conflictbrief` fast."""
_CLASSES = {
    "Match": "._collections.matches",
    "MergeReport": "._collections.merge",
    "Reworded": "._collections.merge",
    "Tally": "._collections.tally",
    "TallyPart": "._collections.tally",
    "Draft": ".drafting",
    "Note": ".drafting",
    "draft": ".drafting",
}
"""Public names imported on first use, from their modules: only merging,
tallying and drafting need them."""


def __getattr__(name: str) -> Any:
    # The modules above and `__version__` are looked up on first use.
    if name in _MODULES:
        import importlib

        return importlib.import_module(f".{name}", __name__)
    if name in _CLASSES:
        import importlib

        return getattr(importlib.import_module(_CLASSES[name], __name__), name)
    if name == "__version__":
        from importlib.metadata import version

        return version("conflictbrief")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    # What a user may import: not the helpers this module uses itself.
    return sorted([*__all__, "__version__"])
