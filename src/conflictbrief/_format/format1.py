"""Reading ``conflictbrief/1`` files, written before figures, as today's briefs.

In ``conflictbrief/1`` a deployment carried its own troop estimate
(``troops``, with ``estimated_by``); now that estimate is a `Figure` of kind
``troops`` naming the deployment. A /1 file is read with the /1 shape of a
brief (`BRIEF_1`), so that every problem is named as the file has it, and each
estimate then becomes a figure: `upgrade` makes the brief, `upgrade_records`
the records whose integrity a file that does not load is checked on, and
`restore` names the figures' problems at the deployments they came from.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

import attr
import attrs

from conflictbrief._collections.integrity import document_order
from conflictbrief._collections.registry import COLLECTIONS
from conflictbrief.brief import Brief
from conflictbrief.errors import IntegrityError, Problem
from conflictbrief.estimates import Estimate
from conflictbrief.records import Deployment, Figure, FigureKind

__all__ = [
    "BRIEF_1",
    "CLASSES_1",
    "FORMAT_1",
    "IN_DOCUMENT_1",
    "restore",
    "upgrade",
    "upgrade_records",
]

FORMAT_1 = "conflictbrief/1"
"""The format before figures, which still loads."""


def _copy(a: attrs.Attribute[Any], **changes: Any) -> Any:
    """A field like *a*, with *changes*, for a class made by `attrs.make_class`."""
    given = {
        "default": a.default,
        "validator": a.validator,
        "converter": a.converter,
        "type": a.type,
        **changes,
    }
    return attr.ib(**given)


def _deployment_1() -> type:
    """The /1 deployment: today's, with ``troops`` and ``estimated_by``."""
    fields = {}
    for a in attrs.fields(Deployment):
        fields[a.name] = _copy(a)
        if a.name == "date":
            fields["troops"] = attr.ib(default=None, type=Estimate | None)
        elif a.name == "reinforces":
            fields["estimated_by"] = _copy(
                attrs.fields(Figure).by, type=tuple[str, ...]
            )
    return attrs.make_class("Deployment", fields, frozen=True, slots=True, kw_only=True)


DEPLOYMENT_1 = _deployment_1()

CLASSES_1: dict[str, type] = {
    c.name: DEPLOYMENT_1 if c.name == "deployments" else c.cls
    for c in COLLECTIONS
    if c.since == 1
}
"""The class each collection of a /1 document is read as, by name."""


def _brief_1() -> type:
    """The /1 brief's shape: its collections, /1 deployments, and no checks."""
    attrs.resolve_types(Brief)
    later = {c.name for c in COLLECTIONS if c.since > 1}
    fields = {
        a.name: (
            attr.ib(default=(), type=tuple[CLASSES_1[a.name], ...])  # type: ignore[name-defined,valid-type]
            if a.name in CLASSES_1
            else _copy(a)
        )
        for a in attrs.fields(Brief)
        if a.name not in later
    }
    return attrs.make_class("Brief", fields, frozen=True, slots=True, kw_only=True)


BRIEF_1 = _brief_1()
"""The shape of a /1 document, as the file format reads it."""

IN_DOCUMENT_1 = document_order(attrs.fields_dict(BRIEF_1))
"""Where a problem stands in a /1 document."""

_FIGURE = re.compile(r"\$\.figures\[(\d+)\](.*)")


def _split(deployment: Any) -> tuple[Deployment, Figure | None]:
    """Return the deployment a /1 *deployment* is, and its troop figure."""
    dep = Deployment(
        **{a.name: getattr(deployment, a.name) for a in attrs.fields(Deployment)}
    )
    if deployment.troops is None:
        return dep, None
    return dep, Figure(
        id=f"{dep.id}-troops",
        kind=FigureKind.TROOPS,
        count=deployment.troops,
        date=dep.date,
        side=dep.sender,
        deployment=dep.id,
        by=deployment.estimated_by,
        citations=dep.citations,
    )


def upgrade_records(
    records: Mapping[str, Sequence[Any]], positions: Sequence[int]
) -> tuple[dict[str, list[Any]], list[int]]:
    """Return the records of a /1 document as today's, and where figures came from.

    *positions* are those of the deployments in the document; the second
    value gives, for each troop figure, the position of its deployment.
    """
    out = {name: list(items) for name, items in records.items()}
    out["deployments"], out["figures"], figure_at = [], [], []
    for i, given in zip(positions, records["deployments"], strict=True):
        dep, figure = _split(given)
        out["deployments"].append(dep)
        if figure is not None:
            out["figures"].append(figure)
            figure_at.append(i)
    return out, figure_at


def restore(problems: Sequence[Problem], figure_at: Sequence[int]) -> list[Problem]:
    """Return *problems* of upgraded records as the /1 document has them.

    Figure *k* came from the deployment at ``figure_at[k]``. A troop
    figure's ``by`` was the deployment's ``estimated_by``; every other field
    of the figure repeats one of the deployment, whose own problem is
    reported already.
    """
    out = []
    for problem in problems:
        m = _FIGURE.fullmatch(problem.path)
        if m is None:
            out.append(problem)
        elif m[2].startswith(".by"):
            at = figure_at[int(m[1])]
            path = f"$.deployments[{at}].estimated_by{m[2][3:]}"
            out.append(Problem(path, problem.message))
    return sorted(out, key=IN_DOCUMENT_1)


def upgrade(shape: Any) -> Brief:
    """Return the brief the /1 document *shape* holds.

    Raises:
        IntegrityError: The brief's checks fail; the problems are named as
            the /1 document has them.
    """
    records = {name: getattr(shape, name) for name in CLASSES_1}
    positions = range(len(records["deployments"]))
    upgraded, figure_at = upgrade_records(records, positions)
    scalars: dict[str, Any] = {
        a.name: getattr(shape, a.name)
        for a in attrs.fields(type(shape))
        if a.name not in CLASSES_1
    }
    try:
        return Brief(**scalars | upgraded)
    except IntegrityError as error:
        raise IntegrityError(restore(error.problems, figure_at)) from None
