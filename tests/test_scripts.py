"""The scripts that write docs: their output is what the docs hold."""

from __future__ import annotations

import enum
import re

import pytest

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


KINDS = ROOT / "docs" / "kinds.md"
HEADING = re.compile(r"^#+ .*\(`(\w+)`\)\s*$")

ENUMS = [
    value
    for name in conflictbrief.__all__
    if isinstance(value := getattr(conflictbrief, name), type)
    and issubclass(value, enum.Enum)
]
"""Every enum of the public API."""


def kind_tables() -> dict[str, list[str]]:
    """The values each table of docs/kinds.md lists, by the enum its heading names."""
    tables: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in KINDS.read_text(encoding="utf-8").splitlines():
        heading = HEADING.match(line)
        if heading:
            current = tables.setdefault(heading[1], [])
        elif current is not None and line.startswith("| `"):
            current.append(line.split("|")[1].strip().strip("`"))
    return tables


class TestKinds:
    @pytest.mark.parametrize("cls", ENUMS, ids=lambda cls: cls.__name__)
    def test_table_lists_every_value(self, cls: type[enum.Enum]) -> None:
        """docs/kinds.md has a table for the enum, a row per value, in order."""
        assert [m.value for m in cls] == kind_tables().get(cls.__name__)

    def test_no_table_without_its_enum(self) -> None:
        """Every table of docs/kinds.md names an enum of the package."""
        assert set() == set(kind_tables()) - {cls.__name__ for cls in ENUMS}
