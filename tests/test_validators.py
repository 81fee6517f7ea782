"""The checks fields share: what counts as text."""

from __future__ import annotations

import pytest

from conflictbrief import Actor, ValidationError


class TestText:
    def test_lone_surrogate_refused(self) -> None:
        """Text that could not be written as UTF-8 is refused where it is given."""
        with pytest.raises(ValidationError, match=r"name: expected a non-empty"):
            Actor(id="a", name="\ud800", kind="state")

    def test_other_text_accepted(self) -> None:
        """Any text UTF-8 can hold is accepted, a surrogate pair's character too."""
        assert (
            "Ки\u00efm \U0001f600"
            == Actor(id="a", name="Ки\u00efm \U0001f600", kind="state").name
        )
