"""Benchmarks of conflictbrief against pydantic, msgspec, pandas, Polars, DuckDB.

For each size N (10,000 and 200,000 statements unless ``--sizes`` says
otherwise) it generates a synthetic brief, writes it as JSON and measures, in
this one process:

1. loading the file with `conflictbrief.loads`, and with pydantic v2 into
   equivalent frozen models: as shipped (conflictbrief pauses the garbage
   collector itself, pydantic runs with it on), with the collector on for
   both and paused for both; each with the result freed outside the timing
   and inside it;
2. building the indexes behind ``where(speaker=..., during=...)``, and the
   date index over all statements, against building a pandas DataFrame;
3. a typical query, one speaker within a year, with `Records.where`, a scan,
   a hand-written dict index, pandas (three string dtypes), Polars (two) and
   DuckDB;
4. the memory retained per statement, against msgspec frozen Structs;
5. merging two briefs of N/2 statements, against loading one of N; and a
   troop tally of one side, once indexed, against a scan of the figures;

then, once, the import time of conflictbrief with its bundled dataset against
attrs, cattrs and dateutil alone, `dates.resolve` on the phrase corpus
against dateparser, and `draft` of a 946-word article against loading the
brief it drafts; and, given several sizes, how each figure
grows with N. Every figure is printed with its ratio, the target and PASS,
MISS or SKIP (a rival not installed). See bench/README.md for how each is
measured.

    python bench/run.py                  # N = 10,000 and 200,000
    python bench/run.py --sizes 10000,200000,1000000
    python bench/run.py --sizes 300 --quick
"""

from __future__ import annotations

import argparse
import gc
import importlib.metadata
import importlib.util
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import attrs
from combining import measure_crowd, measure_merge, measure_tally, typical_sides
from drafts import measure_draft
from generate import generate
from phrases import measure_phrases
from queries import measure_build, measure_query, typical_speakers
from report import Result, Row, absent, growth, seconds, skipped, table, verdict

import conflictbrief
from conflictbrief import Brief, serialize
from conflictbrief._collections.integrity import Checker
from conflictbrief._collections.registry import COLLECTIONS
from conflictbrief._format import stream
from conflictbrief._format.limits import DEFAULT_LIMITS, check_size
from conflictbrief.dates import _span

LIBRARIES = (
    "conflictbrief",
    "pydantic",
    "msgspec",
    "pandas",
    "numpy",
    "polars",
    "duckdb",
)
LARGE = 500_000  # from this size on, loads are repeated at most twice


@dataclass
class Settings:
    """How many times each measurement is repeated, and for how long."""

    loads: int = 3
    merges: int = 3
    builds: int = 5
    query_repeat: int = 7
    scan_repeat: int = 5
    imports: int = 10
    speakers: int = 3
    phrase_rounds: int = 5
    budget: float = 0.2  # seconds a timed run of a query lasts


def cold() -> None:
    """Collect garbage and forget parsed dates, so each load starts alike."""
    _span._parse.cache_clear()
    _span._day.cache_clear()
    for module in ("rivals_pydantic", "rivals_msgspec"):
        if module in sys.modules:
            sys.modules[module].clear_caches()
    gc.collect()


# 1. Load --------------------------------------------------------------------


@dataclass
class Loads:
    """The times of one way of loading: each load, and each freeing after it."""

    loaded: list[float] = field(default_factory=list)
    freed: list[float] = field(default_factory=list)

    def time(
        self, load: Callable[[bytes], object], data: bytes, *, gc_on: bool
    ) -> None:
        """Load *data*, then free the result with ``del`` and `gc.collect`.

        A `Brief` and its collections refer to each other, so only the
        collector frees it; the same is done for every rival.
        """
        cold()
        if not gc_on:
            gc.disable()
        try:
            start = time.perf_counter()
            kept = load(data)
            loaded = time.perf_counter()
            del kept
            gc.collect()
            freed = time.perf_counter()
        finally:
            gc.enable()
        self.loaded.append(loaded - start)
        self.freed.append(freed - loaded)

    def best(self, *, freeing: bool) -> float:
        """The best load, or the best load and freeing timed together."""
        if not freeing:
            return min(self.loaded)
        return min(a + b for a, b in zip(self.loaded, self.freed, strict=True))

    def every(self) -> str:
        """Each run, as "load + free"."""
        return ", ".join(
            f"{seconds(a)} + {seconds(b)}"
            for a, b in zip(self.loaded, self.freed, strict=True)
        )


class _CollectorLeftOn:
    """Stands in for the gc module inside `serialize`: pausing does nothing."""

    @staticmethod
    def isenabled() -> bool:
        return False  # so that loads() neither pauses nor resumes it

    @staticmethod
    def disable() -> None:
        return None

    enable = disable


def unpaused_load() -> Callable[[bytes], Brief] | None:
    """Conflictbrief's load with the collector left on, or None if it cannot be.

    `conflictbrief.loads` pauses the collector while it builds records,
    through the `gc` module `serialize` imports. For this timing alone that
    name is bound to a stand-in whose pause does nothing, so the same code
    runs with the collector on; it is restored after each load.
    """
    if getattr(serialize, "gc", None) is not gc:
        return None

    def load(data: bytes) -> Brief:
        serialize.gc = _CollectorLeftOn  # type: ignore[assignment]
        try:
            return conflictbrief.loads(data)
        finally:
            serialize.gc = gc

    return load


def measure_load(data: bytes, s: Settings, result: Result) -> None:
    """Time loading *data* with conflictbrief and with pydantic, both ways."""
    repeats = s.loads if result.n < LARGE else min(s.loads, 2)
    shipped = Loads()
    for _ in range(repeats):
        shipped.time(conflictbrief.loads, data, gc_on=True)
    result.growth["load as shipped (linear)"] = shipped.best(freeing=False)
    missing = absent("pydantic")
    if missing:
        result.rows.append(skipped(f"load (best of {repeats})", missing, ">= 2"))
        result.rows[-1].ours = seconds(shipped.best(freeing=False))
        return
    from rivals_pydantic import PydanticBrief

    inner = unpaused_load()
    ours_on, theirs_on, theirs_off = Loads(), Loads(), Loads()
    for _ in range(repeats):  # interleaved, so that all see the same noise
        if inner is not None:
            ours_on.time(inner, data, gc_on=True)
        theirs_on.time(PydanticBrief.model_validate_json, data, gc_on=True)
        theirs_off.time(PydanticBrief.model_validate_json, data, gc_on=False)
    result.growth["load, pydantic gc on"] = theirs_on.best(freeing=False)

    def rows(label: str, ours: Loads, theirs: Loads, target: float) -> list[Row]:
        found = []
        for freeing in (False, True):
            a, b = ours.best(freeing=freeing), theirs.best(freeing=freeing)
            found.append(
                Row(
                    "  and freed, timed" if freeing else label,
                    seconds(a),
                    f"pydantic {seconds(b)}",
                    b / a,
                    f">= {target:g}",
                    verdict(b / a, target),
                )
            )
        return found

    result.rows += rows(
        f"load as shipped, pydantic gc on (best of {repeats})", shipped, theirs_on, 1.6
    )
    if inner is None:
        result.rows.append(
            Row("load, both gc on", "always paused", "", float("nan"), "", "SKIP")
        )
    else:
        result.rows += rows("load, both gc on", ours_on, theirs_on, 0.9)
    # Paused for both: conflictbrief as shipped pauses the collector itself.
    # No target: reported beside the floor, building the same objects.
    paused = rows("load, both gc paused", shipped, theirs_off, 1)
    for row in paused:
        row.target, row.verdict = "(info)", ""
    result.rows += paused
    ours = shipped.best(freeing=False)
    floor = direct_build(data)
    guarded = direct_build(data, guarded=True)
    result.rows += [
        Row(
            "  floor: json.loads + every __init__",
            seconds(ours),
            f"the floor {seconds(floor)}",
            floor / ours,
            "(info)",
            "",
        ),
        Row(
            "  and what pydantic does not do",
            seconds(ours),
            f"the floor {seconds(guarded)}",
            guarded / ours,
            "(info)",
            "",
        ),
        Row(
            "  pydantic gc on, against that floor",
            seconds(guarded),
            f"pydantic {seconds(theirs_on.best(freeing=False))}",
            theirs_on.best(freeing=False) / guarded,
            "(info; 1.6 is the target)",
            "",
        ),
    ]
    result.notes += [
        f"load + free (del, gc.collect()), every run: as shipped {shipped.every()}",
        f"  conflictbrief gc on {ours_on.every() or '-'}",
        f"  pydantic gc on {theirs_on.every()}; paused {theirs_off.every()}",
    ]


def direct_build(data: bytes, *, guarded: bool = False) -> float:
    """The floor of a load in Python: `json.loads`, then each record's ``__init__``.

    The same attrs objects are built by calling each class with the values
    already read (ids, kinds, dates, nested records made first), the
    collector paused as a load as shipped pauses it; what this leaves out
    (reading each value from JSON, the checks a brief makes of itself) a
    load cannot. If *guarded*, it also makes what a load must and pydantic
    does not: the file's values counted before decoding (`Limits.values`),
    repeated keys refused as the text is decoded, and the brief's own checks
    (unique ids, references, quotes in their sources, dates against them),
    as `loads` runs them. Best of three.
    """
    brief = conflictbrief.loads(data)
    fields = {}
    for info in COLLECTIONS:
        records = list(getattr(brief, info.name))
        fields[info.name] = [
            (type(r), {a.alias: getattr(r, a.name) for a in attrs.fields(type(r))})
            for r in records
        ]
    del brief
    best = float("inf")
    for _ in range(3):
        cold()
        gc.disable()
        try:
            start = time.perf_counter()
            if guarded:
                check_size(data, DEFAULT_LIMITS)
                json.loads(data.decode(), object_pairs_hook=stream._pairs)
            else:
                json.loads(data)
            built = {
                name: [cls(**values) for cls, values in made]
                for name, made in fields.items()
            }
            if guarded:
                Checker(built).run()
            best = min(best, time.perf_counter() - start)
            del built
        finally:
            gc.enable()
    return best


# 4. Memory ----------------------------------------------------------------


def retained(load: Callable[[bytes], Any], data: bytes) -> int:
    """Bytes still allocated after *load*(*data*), while its result lives."""
    cold()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    kept = load(data)
    gc.collect()
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    del kept
    return after - before


def measure_memory(data: bytes, empty: bytes, n: int, result: Result) -> None:
    """Bytes per statement: a file less the same file without statements.

    Measured with nothing else alive, so that no other brief shares the
    interned ids: as traced by tracemalloc, and as the resident size of a
    fresh process after the load, where freed JSON still held by the
    allocator counts too.
    """
    ours = (
        retained(conflictbrief.loads, data) - retained(conflictbrief.loads, empty)
    ) / n
    result.growth["memory of the statements (linear)"] = ours * n
    rss = resident(data, empty, "ours") / n
    result.growth["resident memory after load (linear)"] = rss * n
    missing = absent("msgspec")
    if missing:
        result.rows.append(skipped("memory per statement", missing, ">= 1"))
        result.rows[-1].ours = f"{ours:,.0f} B"
        return
    from rivals_msgspec import decode_msgspec

    theirs = (retained(decode_msgspec, data) - retained(decode_msgspec, empty)) / n
    rss_theirs = resident(data, empty, "msgspec") / n
    result.rows += [
        Row(
            "memory per statement (traced)",
            f"{ours:,.0f} B",
            f"msgspec {theirs:,.0f} B",
            theirs / ours,
            ">= 1",
            verdict(theirs / ours, 1),
        ),
        Row(
            "  resident after load (RSS)",
            f"{rss:,.0f} B",
            f"msgspec {rss_theirs:,.0f} B",
            rss / rss_theirs,
            "<= 1.5",
            verdict(rss / rss_theirs, 1.5, at_most=True),
        ),
    ]


RESIDENT = """
import gc, sys
sys.path.insert(0, {bench!r})
data = open(sys.argv[1], "rb").read()
if sys.argv[2] == "ours":
    import conflictbrief
    load = conflictbrief.loads
else:
    from rivals_msgspec import decode_msgspec as load
before = int(open("/proc/self/statm").read().split()[1])
kept = load(data)
gc.collect()
after = int(open("/proc/self/statm").read().split()[1])
print((after - before) * {page})
"""


def resident(data: bytes, empty: bytes, who: str) -> float:
    """The resident bytes a fresh process gains loading *data*, less *empty*."""
    if not Path("/proc/self/statm").exists():
        return float("nan")
    program = RESIDENT.format(
        bench=str(Path(__file__).parent), page=os.sysconf("SC_PAGE_SIZE")
    )
    gained = []
    with tempfile.TemporaryDirectory() as folder:
        for name, text in (("full", data), ("empty", empty)):
            path = Path(folder) / f"{name}.json"
            path.write_bytes(text)
            done = subprocess.run(  # noqa: S603 (a fixed program, our own files)
                [sys.executable, "-c", program, str(path), who],
                capture_output=True,
                check=True,
                text=True,
            )
            gained.append(int(done.stdout))
    return gained[0] - gained[1]


# 5. Import ----------------------------------------------------------------

PROGRAMS = {
    "empty": "pass",
    "ours": "import conflictbrief; conflictbrief.datasets.load()",
    "ours_bare": "import conflictbrief",
    "deps": "import attrs, cattrs, dateutil",
    "attrs": "import attrs",
}


def has_dataset() -> bool:
    """Whether `conflictbrief.datasets.load()` works in a fresh process."""
    done = subprocess.run(  # noqa: S603 (fixed commands, no outside input)
        [sys.executable, "-c", PROGRAMS["ours"]], capture_output=True, check=False
    )
    return done.returncode == 0


def measure_import(s: Settings) -> list[Row]:
    """Time fresh interpreters importing conflictbrief, and running its command.

    The import of conflictbrief with its dataset is set against that of its
    dependencies; ``conflictbrief show`` against ``python -c pass``.
    """
    ours = "ours" if has_dataset() else "ours_bare"
    command = shutil.which("conflictbrief", path=str(Path(sys.executable).parent))
    commands = {key: [sys.executable, "-c", PROGRAMS[key]] for key in PROGRAMS}
    if command is not None:
        commands["show"] = [command, "show"]
    keys = ["empty", ours, "deps", "attrs", *(["show"] if command else [])]
    times: dict[str, list[float]] = {k: [] for k in keys}
    # As users run them: from cached bytecode, which an environment asking
    # for none (PYTHONDONTWRITEBYTECODE) would make every import compile.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    for key in times:  # writes the bytecode caches, untimed
        subprocess.run(commands[key], check=True, env=env, capture_output=True)  # noqa: S603
    for _ in range(s.imports):
        for key, found in times.items():
            start = time.perf_counter()
            subprocess.run(commands[key], check=True, env=env, capture_output=True)  # noqa: S603 (fixed commands)
            found.append(time.perf_counter() - start)
    base = min(times["empty"])
    mine, deps = min(times[ours]) - base, min(times["deps"]) - base
    ratio = mine / deps
    label = "import + datasets.load()" if ours == "ours" else "import only (no dataset)"
    rows = [
        Row(
            f"{label} (best of {s.imports}, less {seconds(base)})",
            seconds(mine),
            f"attrs+cattrs+dateutil {seconds(deps)}",
            ratio,
            "<= 1.3",
            verdict(ratio, 1.3, at_most=True),
        )
    ]
    if command is None:
        rows.append(skipped("conflictbrief show", ["the console script"], "<= 5"))
        return rows
    shown = min(times["show"])
    rows.append(
        Row(
            f"conflictbrief show (best of {s.imports})",
            seconds(shown),
            f"python -c pass {seconds(base)}",
            shown / base,
            "<= 5",
            verdict(shown / base, 5, at_most=True),
        )
    )
    # The floor of any command built on attrs classes: attrs imported, and
    # the model's classes made.
    classes, made = model_classes()
    floor = min(times["attrs"]) + made
    rows += [
        Row(
            "  floor: python -c 'import attrs'",
            seconds(shown),
            f"the floor {seconds(min(times['attrs']))}",
            min(times["attrs"]) / base,
            "(info: x pass)",
            "",
        ),
        Row(
            f"  and the model's {classes} attrs classes made",
            seconds(shown),
            f"the floor {seconds(floor)}",
            floor / base,
            "(info: x pass)",
            "",
        ),
    ]
    return rows


def model_classes() -> tuple[int, float]:
    """The attrs classes `conflictbrief show` makes, and the time to make them.

    The classes are those of the modules the command imports (asked of a
    fresh process); each is made anew with `attrs.make_class` from its own
    fields, as it is declared (frozen, slotted, keyword-only, with its
    validators, converters and defaults), best of five in this process.
    """
    code = (
        "import contextlib, io, sys\n"
        "from conflictbrief.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['show'])\n"
        "print(' '.join(m for m in sys.modules if m.startswith('conflictbrief')))\n"
    )
    done = subprocess.run(  # noqa: S603 (fixed commands, no outside input)
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    found = {
        cls
        for name in done.stdout.split()
        for cls in vars(importlib.import_module(name)).values()
        if isinstance(cls, type) and attrs.has(cls) and cls.__module__ == name
    }
    made = []
    for cls in found:
        these = {
            a.name: attrs.field(
                default=a.default,
                validator=a.validator,
                converter=a.converter,
                kw_only=True,
                eq=a.eq,
                hash=a.hash,
            )
            for a in attrs.fields(cls)
        }
        made.append((cls.__name__, these))
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        for name, these in made:
            attrs.make_class(
                name,
                dict(these),
                frozen=True,
                slots=True,
                weakref_slot=False,
                repr=False,
            )
        best = min(best, time.perf_counter() - start)
    return len(made), best


# The run ----------------------------------------------------------------


def run_size(n: int, seed: int, s: Settings) -> Result:
    """Measure everything at *n* statements."""
    result = Result(n)
    start = time.perf_counter()
    brief = generate(n, seed)
    made = time.perf_counter() - start
    data = conflictbrief.dumps(brief).encode()
    result.notes.append(
        f"generated in {seconds(made)}: {len(brief.actors):,} actors, "
        f"{len(brief.sources):,} sources, {len(brief.deployments):,} deployments, "
        f"{len(brief.events):,} events; {len(data) / 1e6:,.1f} MB of JSON"
    )
    empty = conflictbrief.dumps(attrs.evolve(brief, statements=())).encode()
    del brief  # the loads below run with as little else alive as possible
    measure_load(data, s, result)
    measure_memory(data, empty, n, result)
    cold()
    brief = conflictbrief.loads(data)
    speakers = typical_speakers(brief, s.speakers)
    measure_build(brief, speakers[0], s.builds, result)
    measure_query(brief, speakers, (s.query_repeat, s.scan_repeat, s.budget), result)
    sides = typical_sides(brief, s.speakers)
    measure_tally(brief, sides, (s.query_repeat, s.scan_repeat, s.budget), result)
    del brief
    measure_merge(n, seed, s.merges, cold, result)
    measure_crowd(min(n, 10_000), result)
    return result


def versions() -> str:
    """The versions of Python and of every library measured."""
    found = [
        f"{name} {importlib.metadata.version(name)}"
        if importlib.util.find_spec(name)
        else f"{name} missing"
        for name in LIBRARIES
    ]
    return (
        f"{', '.join(found)}; Python {platform.python_version()} "
        f"on {platform.machine()}, {platform.system()}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmarks and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes",
        type=lambda text: [int(x) for x in text.replace(",", " ").split()],
        default=[10_000, 200_000],
        help="statement counts, e.g. '10000,200000'",
    )
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--quick", action="store_true", help="few repeats, for a check")
    args = parser.parse_args(argv)
    s = (
        Settings(
            loads=1,
            merges=1,
            builds=1,
            query_repeat=2,
            scan_repeat=1,
            imports=2,
            budget=0.002,
            phrase_rounds=1,
        )
        if args.quick
        else Settings()
    )
    print(versions())
    results = []
    for n in args.sizes:
        result = run_size(n, args.seed, s)
        print(f"\nN = {n:,} statements")
        for note in result.notes:
            print(f"  {note}")
        print(table(result.rows), flush=True)
        results.append(result)
    imported = measure_import(s)
    phrased = measure_phrases(s.phrase_rounds)
    drafted = measure_draft(s.phrase_rounds * 4)
    print()
    print(table([*imported, phrased, drafted]))
    rows = [*imported, phrased, drafted, *(r for res in results for r in res.rows)]
    misses = sum(r.verdict == "MISS" for r in rows)
    if len(results) > 1:
        text, missed = growth(results)
        print(f"\n{text}")
        misses += missed
    print(f"\n{misses} target(s) missed" if misses else "\nevery target met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
