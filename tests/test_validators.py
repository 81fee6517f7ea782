"""The checks fields share: what counts as text."""

from __future__ import annotations

import pytest

from conflictbrief import Actor, ValidationError
from conflictbrief._validators import is_slug


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


class TestIsSlug:
    @pytest.mark.parametrize("text", ["a", "kim-jong-un", "2025", "a1-b2-c3"])
    def test_ids_accepted(self, text: str) -> None:
        """Lowercase letters and digits joined by single hyphens are ids."""
        assert is_slug(text)

    @pytest.mark.parametrize(
        "value",
        ["", "-a", "a-", "a--b", "Kim", "a b", "a_b", "\u00e9t\u00e9", "a\n", 5, None],
    )
    def test_others_refused(self, value: object) -> None:
        """Anything else, a trailing newline or a non-string included, is not."""
        assert not is_slug(value)
