"""The table of collections agrees with the brief and with the types naming it."""

from __future__ import annotations

import typing

import attrs

from conflictbrief import Brief, Records
from conflictbrief._collections.registry import (
    BY_CLASS,
    BY_NAME,
    COLLECTIONS,
    CollectionName,
)


class TestCollections:
    def test_brief_fields_in_table_order(self) -> None:
        """The brief's collection fields are the table's rows, in the same order."""
        attrs.resolve_types(Brief)
        held = [
            a.name for a in attrs.fields(Brief) if typing.get_origin(a.type) is Records
        ]
        assert [c.name for c in COLLECTIONS] == held

    def test_record_types_match(self) -> None:
        """Each collection field of the brief holds the table's record class."""
        fields = attrs.fields_dict(Brief)
        for c in COLLECTIONS:
            assert (c.cls,) == typing.get_args(fields[c.name].type)

    def test_names_type_matches(self) -> None:
        """The CollectionName type lists exactly the table's names."""
        assert tuple(c.name for c in COLLECTIONS) == typing.get_args(CollectionName)

    def test_lookups(self) -> None:
        """Rows are found by name and by record class."""
        for c in COLLECTIONS:
            assert (c, c) == (BY_NAME[c.name], BY_CLASS[c.cls])

    def test_repr_and_singular(self) -> None:
        """A row shows its name and class, and names one record for messages."""
        actors = BY_NAME["actors"]
        assert ("CollectionInfo('actors', Actor)", "an actor") == (
            repr(actors),
            actors.singular,
        )
