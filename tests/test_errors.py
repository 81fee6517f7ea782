"""The exceptions and the problems they carry."""

from __future__ import annotations

import pickle

import pytest

from conflictbrief import Problem, UnknownIdError, ValidationError
from contracts import brief


class TestProblem:
    @pytest.mark.parametrize(
        ("path", "expected"),
        [
            ("", "$.actors[0]"),
            ("$", "$.actors[0]"),
            ("$.kind", "$.actors[0].kind"),
            ("[2]", "$.actors[0][2]"),
            ("aliases[1]", "$.actors[0].aliases[1]"),
        ],
    )
    def test_under(self, path: str, expected: str) -> None:
        """A problem's path is placed under a prefix, keeping its message."""
        assert Problem(expected, "m") == Problem(path, "m").under("$.actors[0]")

    @pytest.mark.parametrize(
        ("problem", "text"),
        [
            (Problem("$.id", "expected an id"), "$.id: expected an id"),
            (Problem("", "expected an id"), "expected an id"),
        ],
    )
    def test_str(self, problem: Problem, text: str) -> None:
        """A problem reads as its path, a colon and its message."""
        assert text == str(problem)


class TestErrorsPickle:
    def test_validation_error(self) -> None:
        """A ValidationError keeps its problems, file and message when pickled."""
        error = ValidationError([Problem("$.x", "bad"), Problem("$.y", "worse")])
        error = ValidationError(error.problems, file="a.json")
        again = pickle.loads(pickle.dumps(error))
        assert (error.problems, error.file, str(error)) == (
            again.problems,
            again.file,
            str(again),
        )

    def test_unknown_id_error(self) -> None:
        """An UnknownIdError keeps its id, collection and suggestions."""
        with pytest.raises(UnknownIdError) as info:
            brief().actors["kim-jon"]
        again = pickle.loads(pickle.dumps(info.value))
        assert (str(info.value), info.value.suggestions) == (
            str(again),
            again.suggestions,
        )


class TestSuggestionsByName:
    def test_lookup_suggests_by_alias(self) -> None:
        """A guessed id finds the actor whose name or alias it spells."""
        from conflictbrief import datasets

        brief = datasets.load()
        with pytest.raises(KeyError, match="did you mean 'volodymyr-zelenskyy'"):
            brief.actors["zelensky"]
        with pytest.raises(KeyError, match="did you mean 'volodymyr-zelenskyy'"):
            brief.statements.where(speaker="zelensky")

    def test_ids_first_then_names(self) -> None:
        """Close ids come before ids found by name, each once."""
        error = UnknownIdError(
            "kim-jon",
            "actors",
            ["kim-jong", "kimberly"],
            names=lambda: [("Kim", "leader"), ("Kim Jong", "kim-jong")],
        )
        assert ("kim-jong", "leader") == error.suggestions
