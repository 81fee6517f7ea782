"""Every script in examples/ runs and prints what it promises."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

import conflictbrief

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

# Lines each example must print; every example needs an entry.
EXPECTED = {
    "summary.py": [
        "North Korea confirms its troops are fighting for Russia",
        "As of 28 April 2025.",
        "  state: North Korea, Russia, Ukraine, United States, South Korea",
        (
            "  autumn 2024 \N{MIDDLE DOT} deployment \N{MIDDLE DOT} North Korea to "
            "Russia: North Korea sends forces (North Korean forces) to Kursk region: "
            "To assist Russia's military efforts against Ukraine; KCNA reports they "
            "helped Russian units retake territory in the Kursk region. The estimate "
            "of roughly 11,000 includes the reinforcements deployed earlier in 2025."
        ),
        "  North Korea to Russia: about 11,000 (about 11,000: Military analysts)",
        (
            "  September 2024 to 28 April 2025 \N{MIDDLE DOT} claim \N{MIDDLE DOT} "
            "Russia: Russia claims full control over the Kursk region."
        ),
    ],
    "encode_report.py": [
        "Not yet cited:",
        (
            "  norland-crossing: Aid groups in the border towns reported long "
            "queues at the crossings."
        ),
        "Norland sends soldiers into Sudria",
        "  state: Norland, Sudria",
        (
            "  3 June 2025 \N{MIDDLE DOT} condemn \N{MIDDLE DOT} Sudria's foreign "
            "minister: Sudria's foreign minister calls the crossing an invasion."
        ),
        "  Norland to Sudria: about 2,000 (about 2,000: Norland's defence ministry)",
    ],
    "questions.py": [
        "What did Kim Jong Un say, and when?",
        (
            "  September 2024 to 28 April 2025: [praise] Kim Jong Un praises the "
            "North Korean soldiers as heroes who defended the honour of their "
            "homeland while aiding Russia."
        ),
        (
            "  from an unknown day to 28 April 2025 \N{MIDDLE DOT} urge "
            "\N{MIDDLE DOT} Donald Trump: Donald Trump urges both sides to engage "
            "in high-level talks."
        ),
        "  in all: about 11,000",
        (
            "  about 11,000, estimated by Military analysts "
            "(north-korean-troops-in-russia-troops)"
        ),
        (
            "September 2024 to 28 April 2025 \N{MIDDLE DOT} claim \N{MIDDLE DOT} "
            "Russia: Russia claims full control over the Kursk region."
        ),
        (
            "  North Korea confirms troops in Russia: \N{LEFT DOUBLE QUOTATION MARK}"
            "Russia\N{RIGHT SINGLE QUOTATION MARK}s claim of full control over the "
            "Kursk region\N{RIGHT DOUBLE QUOTATION MARK}"
        ),
    ],
    "build_on_dataset.py": [
        (
            "Added to the dataset: The note's author expects the Kursk fighting to "
            "continue. (about Russia, Ukraine)"
        ),
        "Statements: 23 -> 24",
        "  actors: their 'dprk' and our 'north-korea' (same ISO 3166 code 'PRK')",
        "  actors: their 'kim' and our 'kim-jong-un' (same name 'Kim Jong Un')",
        (
            "After merge(same={'kim': 'kim-jong-un'}): the recap's speaker is "
            "'kim-jong-un'"
        ),
        "North Korea's aliases: Pyongyang, DPRK",
        "Actors: 25 + 2 -> 25",
    ],
    "validate.py": [
        "(example): invalid, 3 problem(s)",
        (
            "  $.statements[0].speaker: expected the id of an actor in this brief, "
            "got 'kim-jong-on'; did you mean 'kim-jong-un'?"
        ),
        "  $.figures[0].count.best: expected a whole number, got '11,000' (str)",
    ],
}

# The exit status of an example run without arguments, where it is not 0.
STATUS = {"validate.py": 1}


def run(name: str, *args: str) -> subprocess.CompletedProcess[str]:
    """Run the example *name* with *args* under this interpreter."""
    return subprocess.run(  # noqa: S603 (this repository's own examples)
        [sys.executable, str(EXAMPLES / name), *args],
        capture_output=True,
        text=True,
        check=False,
    )


def broken_brief(folder: Path) -> Path:
    """Write a brief file with two broken references; return its path."""
    text = json.dumps(
        {
            "format": conflictbrief.FORMAT,
            "id": "broken",
            "title": "Broken",
            "as_of": "2025-06-04",
            "actors": [{"id": "norland", "name": "Norland", "kind": "state"}],
            "deployments": [
                {
                    "id": "crossing",
                    "sender": "norland",
                    "host": "sudra",
                    "date": "2025-06",
                    "citations": [{"source": "nowhere", "quote": "crossed"}],
                }
            ],
        }
    )
    path = folder / "broken.json"
    path.write_text(text, encoding="utf-8")
    return path


class TestExamples:
    def test_every_example_has_expectations(self) -> None:
        """Each script in examples/ is listed here with the output it must give."""
        assert sorted(EXPECTED) == sorted(p.name for p in EXAMPLES.glob("*.py"))

    @pytest.mark.parametrize("name", sorted(EXPECTED))
    def test_runs(self, name: str) -> None:
        """The example exits as expected, writes no stderr and prints its lines."""
        result = run(name)
        assert (STATUS.get(name, 0), "") == (result.returncode, result.stderr)
        lines = result.stdout.splitlines()
        assert [] == [line for line in EXPECTED[name] if line not in lines]

    def test_summary_of_a_file(self, tmp_path: Path) -> None:
        """summary.py summarises the brief file it is given."""
        path = tmp_path / "brief.json"
        brief = conflictbrief.datasets.load()
        path.write_text(
            conflictbrief.dumps(attrs.evolve(brief, title="A copy")), "utf-8"
        )
        result = run("summary.py", str(path))
        assert (0, "") == (result.returncode, result.stderr)
        lines = result.stdout.splitlines()
        assert ["A copy", EXPECTED["summary.py"][4]] == [
            line for line in lines if line in {"A copy", EXPECTED["summary.py"][4]}
        ]

    def test_validate_files(self, tmp_path: Path) -> None:
        """validate.py exits 1 on a broken file, printing each problem's path."""
        good = tmp_path / "good.json"
        good.write_text(conflictbrief.dumps(conflictbrief.datasets.load()), "utf-8")
        result = run("validate.py", str(good), str(broken_brief(tmp_path)))
        assert (1, "") == (result.returncode, result.stderr)
        lines = result.stdout.splitlines()
        assert [
            f"{good}: valid, 31 dated records",
            f"{tmp_path / 'broken.json'}: invalid, 2 problem(s)",
            (
                "  $.deployments[0].host: expected the id of an actor in this brief, "
                "got 'sudra'"
            ),
            (
                "  $.deployments[0].citations[0].source: expected the id of a source "
                "in this brief, got 'nowhere'"
            ),
        ] == lines
