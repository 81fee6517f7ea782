"""Every script in examples/ runs and prints what it promises."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

# Lines each example must print; every example needs an entry.
EXPECTED = {
    "summary.py": [
        "North Korea confirms its troops are fighting for Russia",
        "From a report published 28 April 2025.",
        "  state: North Korea, Russia, Ukraine, United States, South Korea",
        (
            "  autumn 2024: troops arrive, North Korea to Russia "
            "(north-korean-troops-in-russia)"
        ),
        (
            "  26\N{EN DASH}27 April 2025: Donald Trump and Volodymyr Zelenskyy meet "
            "in Vatican City to discuss"
        ),
        "  North Korea to Russia: about 11,000",
        (
            "    north-korean-troops-in-russia: about 11,000, estimated by "
            "Military analysts"
        ),
        "    north-korean-reinforcements: no figure of its own",
        "  Russia claims: Russia claims full control over the Kursk region.",
        "    disputed by Ukraine's military",
    ],
}


class TestExamples:
    def test_every_example_has_expectations(self) -> None:
        """Each script in examples/ is listed here with the output it must give."""
        assert sorted(EXPECTED) == sorted(p.name for p in EXAMPLES.glob("*.py"))

    @pytest.mark.parametrize("name", sorted(EXPECTED))
    def test_runs(self, name: str) -> None:
        """The example exits 0, writes nothing to stderr and prints its lines."""
        result = subprocess.run(  # noqa: S603 (this repository's own examples)
            [sys.executable, str(EXAMPLES / name)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert (0, "") == (result.returncode, result.stderr)
        lines = result.stdout.splitlines()
        assert [] == [line for line in EXPECTED[name] if line not in lines]
