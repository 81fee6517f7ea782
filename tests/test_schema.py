"""The JSON Schema of the file format, generated from the model classes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match

import conflictbrief
from conflictbrief import Brief, DateSpan, json_schema
from strategies import briefs, spans

DATASET = Path(conflictbrief.__file__).parent / "datasets" / "dprk-russia-2025.json"
VALIDATOR = Draft202012Validator(json_schema())


def errors(doc: object) -> list[str]:
    return [e.message for e in VALIDATOR.iter_errors(doc)]


class TestJsonSchema:
    def test_is_a_valid_schema(self) -> None:
        """The schema is itself valid JSON Schema 2020-12."""
        Draft202012Validator.check_schema(json_schema())

    def test_every_field_is_described(self) -> None:
        """Every field of every model class has a property in the schema."""
        defs = json_schema()["$defs"]
        for name, definition in defs.items():
            if "properties" in definition:
                cls = getattr(conflictbrief, name)
                assert [a.name for a in attrs.fields(cls)] == list(
                    definition["properties"]
                )

    def test_bundled_dataset_is_valid(self) -> None:
        """The bundled dataset's file is valid under the schema."""
        assert [] == errors(json.loads(DATASET.read_text(encoding="utf-8")))

    @settings(max_examples=40, deadline=None)
    @given(briefs())
    def test_written_briefs_are_valid(self, brief: Brief) -> None:
        """Whatever dumps writes is valid under the schema."""
        assert [] == errors(json.loads(conflictbrief.dumps(brief)))

    @settings(max_examples=200, deadline=None)
    @given(spans())
    def test_every_written_date_matches(self, span: DateSpan) -> None:
        """The EDTF pattern accepts every date the format writes."""
        doc = json.loads(conflictbrief.dumps(conflictbrief.datasets.load()))
        doc["statements"][0]["date"] = str(span)
        assert [] == errors(doc)

    @pytest.mark.parametrize(
        ("change", "message"),
        [
            (lambda d: d.update(colour="red"), "Additional properties"),
            (lambda d: d.pop("as_of"), "'as_of' is a required property"),
            (lambda d: d.update(format="conflictbrief/1"), "was expected"),
            (lambda d: d["actors"][0].update(kind="nation"), "is not one of"),
            (lambda d: d["actors"][0].update(id="North Korea"), "does not match"),
            (lambda d: d["actors"][0].update(name=" "), "does not match"),
            (lambda d: d["places"][0].update(lat=91), "greater than the maximum"),
            (lambda d: d["statements"][0].update(about="x"), "is not of type 'array'"),
            (lambda d: d["statements"][0].update(date="April 2025"), "does not match"),
            (lambda d: d["figures"][0]["count"].update(best=-1), "less than"),
            (lambda d: d["figures"][0]["count"].update(best=1.5), "'integer'"),
            (lambda d: d["figures"][0].update(kind="dead"), "is not one of"),
        ],
    )
    def test_bad_documents_are_invalid(self, change: Any, message: str) -> None:
        """The schema refuses what it can see is wrong, as loads does."""
        doc = json.loads(DATASET.read_text(encoding="utf-8"))
        change(doc)
        assert 1 == len(errors(doc))
        assert message in best_match(VALIDATOR.iter_errors(doc)).message


class TestOpenDateSchema:
    @pytest.mark.parametrize(
        ("text", "valid"),
        [
            ("../2025-01-11", True),
            ("2024-08/..", True),
            ("/2025-01-11", True),
            ("2024-08/", True),
            ("../..", False),
            ("[1667, 1668]", False),
        ],
    )
    def test_open_ends(self, text: str, valid: bool) -> None:
        """The schema takes a date with one open end, as parse does."""
        doc = json.loads(conflictbrief.dumps(conflictbrief.datasets.load()))
        doc["statements"][0]["date"] = text
        assert valid == (errors(doc) == [])


class TestOptionalModels:
    def test_optional_model_field(self) -> None:
        """An optional field holding a record is the record's schema or null."""
        from conflictbrief import Estimate, schema

        definitions: dict[str, object] = {}
        assert {
            "anyOf": [{"$ref": "#/$defs/Estimate"}, {"type": "null"}]
        } == schema._type_schema(Estimate | None, definitions)
