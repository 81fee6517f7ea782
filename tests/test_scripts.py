"""The scripts that write docs: their output is what the docs hold."""

from __future__ import annotations

import re

import conflictbrief
from running import ROOT, run_script

REFERENCE = ROOT / "docs" / "reference.md"


class TestReference:
    def test_up_to_date(self) -> None:
        """docs/reference.md is what scripts/reference.py writes."""
        result = run_script("scripts/reference.py", "--check")
        assert (0, "") == (result.returncode, result.stderr)

    def test_every_public_name(self) -> None:
        """Every name of conflictbrief.__all__ has a heading or an item of its own."""
        text = REFERENCE.read_text(encoding="utf-8")
        assert [] == [
            name
            for name in conflictbrief.__all__
            if not re.search(
                rf"^(### `|- `)(conflictbrief\.)?{name}\b", text, re.MULTILINE
            )
        ]

    def test_reference_fields_say_their_collection(self) -> None:
        """A field holding ids says which records they name."""
        text = REFERENCE.read_text(encoding="utf-8")
        speaker = next(line for line in text.splitlines() if "| `speaker` |" in line)
        assert speaker.endswith("Takes the id of an actor. |")
