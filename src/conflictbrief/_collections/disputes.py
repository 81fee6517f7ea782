"""Disputes: a statement and the statements of kind ``dispute`` answering it."""

from __future__ import annotations

import attrs

from conflictbrief._base.repr import model_repr
from conflictbrief._base.sealed import sealed
from conflictbrief._base.text import Names
from conflictbrief.records import Statement, StatementKind

from .collection import Records

__all__ = ["Dispute", "disputes_of"]


@attrs.frozen(kw_only=True, weakref_slot=False, repr=False)
@sealed
class Dispute:
    """A statement and the statements that dispute it.

    Attributes:
        claim: The disputed statement.
        rebuttals: The statements of kind ``dispute`` that respond to it.
    """

    __repr__ = model_repr

    claim: Statement
    rebuttals: tuple[Statement, ...]

    def describe(self, names: Names | None = None) -> str:
        """Return the claim's line, then a line for each rebuttal under it.

        Args:
            names: Display names by id; ids are shown where None.
        """
        lines = [self.claim.describe(names)]
        lines += [f"  disputed by: {r.describe(names)}" for r in self.rebuttals]
        return "\n".join(lines)

    __str__ = describe


def disputes_of(statements: Records[Statement]) -> tuple[Dispute, ...]:
    """Return each disputed statement of *statements* with its rebuttals.

    Claims come in the collection's order, rebuttals likewise.
    """
    rebuttals: dict[str, list[Statement]] = {}
    for st in statements.where(kind=StatementKind.DISPUTE):
        if st.responds_to is not None:
            rebuttals.setdefault(st.responds_to, []).append(st)
    return tuple(
        Dispute(claim=st, rebuttals=tuple(rebuttals[st.id]))
        for st in statements
        if st.id in rebuttals
    )
