"""Reference fields: every id field says which collection it points to."""

from __future__ import annotations

import typing
from typing import Any

import attrs
import pytest

from conflictbrief import Citation, ExternalIds
from conflictbrief._collections.registry import COLLECTIONS
from conflictbrief._fields import Reference, is_reference, references
from conflictbrief._validators import Id

MODELS = [c.cls for c in COLLECTIONS] + [Citation, ExternalIds]


def holds_ids(t: Any) -> bool:
    """Whether the field type *t* is an id, an optional id or a tuple of ids."""
    return t == Id or any(holds_ids(a) for a in typing.get_args(t))


class TestReferences:
    @pytest.mark.parametrize("cls", MODELS, ids=lambda c: c.__name__)
    def test_every_id_field_declares_its_target(self, cls: type) -> None:
        """A field holding ids, other than a record's own id, names its collection."""
        attrs.resolve_types(cls)
        undeclared = [
            a.name
            for a in attrs.fields(cls)
            if a.name != "id" and holds_ids(a.type) and not is_reference(a)
        ]
        assert [] == undeclared

    @pytest.mark.parametrize("cls", MODELS, ids=lambda c: c.__name__)
    def test_declarations_hold_ids(self, cls: type) -> None:
        """Only fields that hold ids declare a target, and tuples say several."""
        attrs.resolve_types(cls)
        fields = attrs.fields_dict(cls)
        for ref in references(cls):
            t = fields[ref.field].type
            assert holds_ids(t)
            assert (typing.get_origin(t) is tuple) == ref.several

    def test_targets_are_collections(self) -> None:
        """Every declared target is one of the brief's collections."""
        names = {c.name for c in COLLECTIONS}
        targets = {r.target for cls in MODELS for r in references(cls)}
        assert targets <= names

    def test_repr(self) -> None:
        """A reference shows its field, target and arity."""
        assert "Reference('about', 'actors', several=True)" == repr(
            Reference("about", "actors", several=True)
        )
