"""Smoke tests of bench/: the synthetic brief generator and a quick run."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

import conflictbrief
from conflictbrief import ActorKind, Brief, FigureKind

BENCH = Path(__file__).parent.parent / "bench"


@pytest.fixture(scope="module")
def generate_module() -> ModuleType:
    path = BENCH / "generate.py"
    spec = importlib.util.spec_from_file_location("bench_generate", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def brief(generate_module: ModuleType) -> Brief:
    made: Brief = generate_module.generate(300)
    return made


class TestGenerate:
    def test_valid(self, brief: Brief) -> None:
        """The brief has N statements and survives a strict round trip."""
        assert 300 == len(brief.statements)
        assert brief == conflictbrief.loads(conflictbrief.dumps(brief))

    def test_deterministic(self, generate_module: ModuleType, brief: Brief) -> None:
        """The same seed gives an equal brief; another seed a different one."""
        assert brief == generate_module.generate(300, seed=0)
        assert brief != generate_module.generate(300, seed=1)

    def test_proportions(self, brief: Brief) -> None:
        """At least 20 actors, with states and a part_of hierarchy."""
        assert len(brief.actors) >= 20
        assert brief.actors.where(kind=ActorKind.STATE)
        parents = {a.id: a.part_of for a in brief.actors}
        assert any(parents.get(p) for p in parents.values() if p)
        assert brief.sources
        assert brief.deployments
        assert brief.events

    def test_spread(self, brief: Brief) -> None:
        """Some speakers say much more than others; dates come at mixed precision."""
        counts = Counter(s.speaker for s in brief.statements).most_common()
        assert counts[0][1] > 3 * counts[len(counts) // 2][1]
        precisions = {s.date.precision.value for s in brief.statements}
        assert {"day", "month", "season", "year"} <= precisions

    def test_figures(self, generate_module: ModuleType) -> None:
        """Troop figures with alternatives, and losses, wounded outnumbering killed."""
        made: Brief = generate_module.generate(3000)
        troops = made.figures.where(kind=FigureKind.TROOPS)
        assert all(f.deployment is not None for f in troops)
        per_deployment = Counter(f.deployment for f in troops)
        assert max(per_deployment.values()) > 1
        killed = made.tally(FigureKind.KILLED)
        wounded = made.tally(FigureKind.WOUNDED)
        assert killed is not None
        assert wounded is not None
        assert killed.estimate.interval[0] < wounded.estimate.interval[0]
        assert made.figures.where(kind=FigureKind.CAPTURED)

    def test_halves(self, generate_module: ModuleType) -> None:
        """Two halves share actors, places and sources, and merge to N statements."""
        first, second = generate_module.halves(301)
        assert (150, 151) == (len(first.statements), len(second.statements))
        assert first.actors == second.actors
        assert first.sources == second.sources
        assert not {s.id for s in first.statements} & {s.id for s in second.statements}
        assert 301 == len(first.merge(second).statements)
        assert (first, second) == generate_module.halves(301)

    def test_refuses_no_statements(self, generate_module: ModuleType) -> None:
        """A brief needs at least one statement."""
        with pytest.raises(ValueError, match="at least one statement"):
            generate_module.generate(0)


class TestRun:
    def test_quick(self) -> None:
        """A quick run at two small sizes prints every figure and the growth."""
        done = subprocess.run(  # noqa: S603 (a fixed command, no outside input)
            [sys.executable, str(BENCH / "run.py"), "--sizes", "300,600", "--quick"],
            capture_output=True,
            text=True,
            check=False,
            timeout=600,
        )
        assert 0 == done.returncode, done.stderr
        # Without pydantic (the bench extra), the load comparisons are one
        # SKIP row; with it, every way of reading them.
        loads = (
            (
                "load as shipped",
                "load, both gc on",
                "load, both gc paused",
                "and freed, timed",
            )
            if importlib.util.find_spec("pydantic") is not None
            else ("load (best of", "pydantic missing")
        )
        figures = (
            *loads,
            "index build, typical query",
            "by date alone",
            "query",
            "dict index + bisect",
            "pandas category",
            "Polars",
            "DuckDB",
            "memory",
            "import",
            "tally troops of one side",
            "scan of figures",
            "merge two briefs of N/2",
            "load of N",
            "growth exponent",
        )
        for figure in figures:
            assert figure in done.stdout

    def test_missing_rival(self) -> None:
        """A rival that cannot be imported gives a SKIP row, not a crash."""
        hide = (
            "import runpy, sys; sys.path.insert(0, sys.argv[1]);"
            " sys.modules['polars'] = None;"
            " sys.argv = [sys.argv[1] + '/run.py', '--sizes', '300', '--quick'];"
            " runpy.run_path(sys.argv[0], run_name='__main__')"
        )
        done = subprocess.run(  # noqa: S603 (a fixed command, no outside input)
            [sys.executable, "-c", hide, str(BENCH)],
            capture_output=True,
            text=True,
            check=False,
            timeout=600,
        )
        assert 0 == done.returncode, done.stderr
        assert "Polars String: polars missing" in done.stdout
        assert "SKIP" in done.stdout
        assert "DuckDB" in done.stdout


def test_exports_quick() -> None:
    """A quick run of bench/exports.py times every export against dumps."""
    done = subprocess.run(  # noqa: S603 (a fixed command, no outside input)
        [sys.executable, str(BENCH / "exports.py"), "--quick"],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert 0 == done.returncode, done.stderr
    for name in ("dumps", "csv", "sqlite", "parquet", "geojson", "dataframes", "graph"):
        assert name in done.stdout
    assert "parquet read-back: pyarrow and DuckDB give the 2,000 statements" in (
        done.stdout
    )
