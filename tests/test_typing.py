from __future__ import annotations

from pathlib import Path

import typing_examples
from conflictbrief import FORMAT


class TestTypingExamples:
    def test_examples_run(self, tmp_path: Path) -> None:
        """The code mypy checks for the API's types also runs without error."""
        typing_examples.run(tmp_path)
        assert (
            (tmp_path / "brief.json")
            .read_text(encoding="utf-8")
            .startswith(f'{{\n  "format": "{FORMAT}"')
        )
