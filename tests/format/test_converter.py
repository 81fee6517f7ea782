"""The strict converter: JSON values of the wrong shape are refused, never coerced."""

from __future__ import annotations

import contextlib
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conflictbrief import FORMAT, DateSpan, Problem, ValidationError, loads
from documents import DOC, json_values, load_problems, put, text_of


class TestConverter:
    def test_unexpected_error_is_a_problem(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """An error no check foresaw still reaches the caller as a problem."""

        def broken(text: str) -> DateSpan:
            raise RuntimeError(f"no reading {text}")

        monkeypatch.setattr(DateSpan, "parse", broken)
        expected = Problem("$.statements[0].date", "cannot be read: no reading 2025-04")
        assert expected in load_problems(text_of())

    def test_null_for_optional_field(self) -> None:
        """null for an optional field reads as the field's default."""
        b = loads(text_of(put("actors", 2, "part_of", value=None)))
        assert b.actors["kim"].part_of is None

    def test_keys_in_any_order(self) -> None:
        """Key order in a document does not matter when reading it."""
        reordered = dict(reversed(list(DOC.items())))
        assert loads(text_of()) == loads(json.dumps(reordered))

    @settings(max_examples=200, deadline=None)
    @given(json_values)
    def test_random_json(self, value: object) -> None:
        """Any JSON value is refused with ValidationError only."""
        with pytest.raises(ValidationError):
            loads(json.dumps(value))

    @settings(max_examples=200, deadline=None)
    @given(st.dictionaries(st.sampled_from(list(DOC)), json_values))
    def test_random_json_with_known_keys(self, doc: dict[str, Any]) -> None:
        """Objects with the brief's keys and random values fail cleanly."""
        with contextlib.suppress(ValidationError):
            loads(json.dumps({**doc, "format": FORMAT}))
