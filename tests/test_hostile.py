"""Hostile files and failing disks: a catalogue of bad input, growth, fuzzing.

These tests pin mechanisms on purpose: how the time of a costly path grows
with its input, what a failing write leaves behind, what threads build.
"""

from __future__ import annotations

import contextlib
import copy
import functools
import json
import os
import pickle
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import find, settings

import conflictbrief
from conflictbrief import (
    Actor,
    Brief,
    ConflictBriefError,
    Dispute,
    Draft,
    Limits,
    Match,
    MergeReport,
    Note,
    Problem,
    Reworded,
    Tally,
    TallyPart,
    ValidationError,
    datasets,
    draft,
    dump,
    dumps,
    loads,
)
from conflictbrief._base.messages import shown
from conflictbrief._collections.registry import COLLECTIONS
from conflictbrief._collections.root import Root
from documents import DOC, drop, put, text_of
from running import call_time
from strategies import briefs

HERE = Path(__file__).parent

PUBLIC_CLASSES = list(
    dict.fromkeys(
        value
        for module in (conflictbrief, conflictbrief.dates)
        for name in module.__all__
        if isinstance(value := getattr(module, name), type) and attrs.has(value)
    )
)
"""Every attrs class of the public API."""


@functools.cache
def examples() -> dict[type, Any]:
    """An object of each public attrs class, most from the bundled dataset."""
    brief = datasets.load()
    found: dict[type, Any] = {Brief: brief, Limits: Limits()}
    todo: list[Any] = [r for c in COLLECTIONS for r in getattr(brief, c.name)]
    # A collection the dataset has no record of is drawn from the strategies.
    empty = [c.name for c in COLLECTIONS if not len(getattr(brief, c.name))]
    if empty:
        drawn = find(
            briefs(least=dict.fromkeys(empty, 1)),
            lambda _: True,
            settings=settings(database=None),
        )
        todo += [r for name in empty for r in getattr(drawn, name)]
    while todo:
        value = todo.pop()
        if attrs.has(type(value)) and type(value) not in found:
            found[type(value)] = value
            for a in attrs.fields(type(value)):
                held = getattr(value, a.name)
                todo += held if isinstance(held, tuple) else [held]
    tally = brief.tally("troops")
    assert tally is not None
    kim = attrs.evolve(brief.actors["kim-jong-un"], id="kim", part_of=None)
    other = Brief(id="other", title="Other", as_of=brief.as_of, actors=[kim])
    report = brief.merge_report(attrs.evolve(brief, id="other", title="Other"))
    found |= {
        Dispute: brief.disputes()[0],
        Tally: tally,
        TallyPart: tally.parts[0],
        Problem: Problem("$.id", "expected an id"),
        Match: brief.matches(other)[0],
        MergeReport: report,
        Reworded: report.reworded[0],
    }
    drafted = draft("Ukraine said on Monday it held.", published=brief.as_of)
    found |= {Draft: drafted, Note: drafted.notes[0]}
    return found


def head(**fields: object) -> dict[str, Any]:
    """A brief's document with no records, and *fields* added."""
    doc = {"format": "conflictbrief/1", "id": "b", "title": "T", "as_of": "2025-05-01"}
    return {**doc, **fields}


def text(**fields: object) -> str:
    return json.dumps(head(**fields))


def bad_key(key: str) -> str:
    return text_of(put(key, value=1))


def statement(i: int, speaker: str, quote: str) -> dict[str, Any]:
    return {
        "id": f"st-{i}",
        "speaker": speaker,
        "date": "2025-04",
        "kind": "claim",
        "summary": "x",
        "citations": [{"source": "s", "quote": quote}],
    }


LONG = "k" * 5000
ACTOR = {"id": "a", "name": "A", "kind": "group"}

CATALOGUE = [
    # Not JSON text, or not UTF-8.
    pytest.param(b"\xff\xfe", ValidationError, "$", id="not-utf-8"),
    pytest.param("", ValidationError, "$", id="empty"),
    pytest.param("{", ValidationError, "$", id="truncated"),
    pytest.param("{} {}", ValidationError, "$", id="trailing-data"),
    pytest.param("[" * 100_000, ValidationError, "$", id="nested-too-deep"),
    pytest.param("9" * 5000, ValidationError, "$", id="number-too-long"),
    pytest.param(text().encode("utf-16"), ValidationError, "$", id="utf-16"),
    pytest.param(b'{"a": "\xed\xa0\x80"}', ValidationError, "$", id="utf-8-surrogate"),
    pytest.param(42, ValidationError, "$", id="not-text"),
    pytest.param('{"id": 1, "id": 2}', ValidationError, "$", id="repeated-key"),
    # Not a brief of this format.
    pytest.param("null", ValidationError, "$", id="null"),
    pytest.param("[]", ValidationError, "$", id="list"),
    pytest.param('"conflictbrief/1"', ValidationError, "$", id="string"),
    pytest.param("{}", ValidationError, "$.format", id="no-format"),
    pytest.param(
        text_of(put("format", value="conflictbrief/9")),
        ValidationError,
        "$.format",
        id="other-format",
    ),
    pytest.param(
        text_of(put("format", value=["x" * 10_000])),
        ValidationError,
        "$.format",
        id="format-a-list",
    ),
    # Keys that would forge a message or break printing it.
    pytest.param(
        '{"format":"conflictbrief/1","actors[' + "9" * 4301 + ']":1}',
        ValidationError,
        '$["actors[' + "9" * 50 + '..."]',
        id="long-digit-key",
    ),
    pytest.param(bad_key("weird\nkey"), ValidationError, '$["weird\\nkey"]', id="nl"),
    pytest.param(bad_key("\x1b[31m"), ValidationError, '$["\\u001b[31m"]', id="esc"),
    pytest.param(bad_key("\ud800"), ValidationError, '$["\\ud800"]', id="surrogate"),
    pytest.param(bad_key(""), ValidationError, '$[""]', id="empty-key"),
    pytest.param(bad_key(LONG), ValidationError, '$["' + "k" * 57 + '..."]', id="long"),
    pytest.param(bad_key("a.b"), ValidationError, '$["a.b"]', id="dotted-key"),
    pytest.param(
        bad_key("кей"), ValidationError, '$["\\u043a\\u0435\\u0439"]', id="nonascii"
    ),
    # Values of the wrong type or shape.
    pytest.param(text_of(put("title", value=3)), ValidationError, "$.title", id="int"),
    pytest.param(
        text_of(put("title", value=None)), ValidationError, "$.title", id="none"
    ),
    pytest.param(
        text_of(put("title", value=" ")), ValidationError, "$.title", id="blank"
    ),
    pytest.param(
        text_of(put("title", value="\ud800")), ValidationError, "$.title", id="lone"
    ),
    pytest.param(
        '{"format":"conflictbrief/1","id":"b","title":NaN,"as_of":"2025-01-01"}',
        ValidationError,
        "$.title",
        id="nan",
    ),
    pytest.param(text_of(drop("id")), ValidationError, "$.id", id="no-id"),
    pytest.param(
        text_of(put("id", value="Not A Slug")), ValidationError, "$.id", id="slug"
    ),
    pytest.param(
        text_of(put("as_of", value="2025-02-30")), ValidationError, "$.as_of", id="day"
    ),
    pytest.param(
        text_of(put("actors", value={})), ValidationError, "$.actors", id="dict"
    ),
    pytest.param(
        text_of(put("actors", 0, value=[])), ValidationError, "$.actors[0]", id="rec"
    ),
    pytest.param(
        text_of(put("actors", 0, "kind", value="x")),
        ValidationError,
        "$.actors[0].kind",
        id="kind",
    ),
    pytest.param(
        text_of(put("actors", 0, "name", value=True)),
        ValidationError,
        "$.actors[0].name",
        id="bool",
    ),
    pytest.param(
        text_of(put("statements", 0, "date", value="sometime")),
        ValidationError,
        "$.statements[0].date",
        id="date",
    ),
    pytest.param(
        text_of(put("statements", 0, "date", value=1e999)),
        ValidationError,
        "$.statements[0].date",
        id="inf",
    ),
    # Records that do not fit together.
    pytest.param(
        text_of(put("actors", 1, "id", value="north-korea")),
        ValidationError,
        "$.actors[1].id",
        id="dup-id",
    ),
    pytest.param(
        text_of(put("actors", 0, "part_of", value="north-korea")),
        ValidationError,
        "$.actors[0].part_of",
        id="own",
    ),
    pytest.param(
        text(actors=[{**ACTOR, "part_of": "c"}, {**ACTOR, "id": "c", "part_of": "a"}]),
        ValidationError,
        "$.actors[0].part_of",
        id="cycle",
    ),
    pytest.param(
        text_of(put("statements", 0, "speaker", value="nobody")),
        ValidationError,
        "$.statements[0].speaker",
        id="speaker",
    ),
    pytest.param(
        text_of(put("statements", 0, "citations", 0, "source", value="x")),
        ValidationError,
        "$.statements[0].citations[0].source",
        id="source",
    ),
    pytest.param(
        text_of(put("statements", 0, "citations", 0, "quote", value="not there")),
        ValidationError,
        "$.statements[0].citations[0].quote",
        id="quote",
    ),
]


class TestCatalogue:
    @pytest.mark.parametrize(("data", "error", "path"), CATALOGUE)
    def test_refused(self, data: Any, error: type[Exception], path: str) -> None:
        """Each bad input is refused with the error class and the path it names."""
        with pytest.raises(error) as info:
            loads(data)
        assert path == info.value.problems[0].path  # type: ignore[attr-defined]

    def test_large(self) -> None:
        """The catalogue holds at least 40 classes of bad input."""
        assert 40 <= len(CATALOGUE)

    @pytest.mark.parametrize(("data", "error", "path"), CATALOGUE)
    def test_message_prints(self, data: Any, error: type[Exception], path: str) -> None:  # noqa: ARG002 (the table's columns)
        """Each message is one line a problem, prints as UTF-8 and holds no escapes."""
        with pytest.raises(ConflictBriefError) as info:
            loads(data)
        problems = info.value.problems  # type: ignore[attr-defined]
        message = str(info.value)
        message.encode("utf-8")
        assert (1 if len(problems) == 1 else len(problems) + 1) == len(
            message.splitlines()
        )
        assert "\x1b" not in message


class TestLimits:
    def test_records(self) -> None:
        """A collection over the limit is refused, naming how to raise it."""
        with pytest.raises(ValidationError, match=r"Limits\(records=3\)") as info:
            loads(text_of(), limits=Limits(records=2))
        assert "$.actors" == info.value.problems[0].path

    def test_text(self) -> None:
        """A text over the limit is refused at its path."""
        with pytest.raises(ValidationError, match=r"Limits.text") as info:
            loads(text_of(), limits=Limits(text=20))
        assert "$.sources[0].text" == info.value.problems[0].path

    def test_size(self) -> None:
        """A file over the limit is refused before it is read."""
        data = text_of().encode()
        with pytest.raises(ValidationError, match=r"bytes, over the limit of 10 "):
            loads(data, limits=Limits(size=10))

    def test_raised(self) -> None:
        """Limits raised far enough let the file load."""
        assert "b" == loads(text_of(), limits=Limits(records=3, text=100)).id

    @pytest.mark.parametrize("value", [0, -1, 1.5, "1"])
    def test_bad_limit(self, value: object) -> None:
        """A limit must be a whole number above 0."""
        with pytest.raises(ValueError, match="records"):
            Limits(records=value)  # type: ignore[arg-type]

    def test_defaults(self) -> None:
        """The defaults are far above any real brief."""
        assert (5_000_000, 10_000_000, 1_000_000_000) == (
            Limits().records,
            Limits().text,
            Limits().size,
        )


def chain(n: int) -> str:
    actors = [{**ACTOR, "id": "a0"}] + [
        {**ACTOR, "id": f"a{i}", "part_of": f"a{i - 1}"} for i in range(1, n)
    ]
    return text(actors=actors)


def unknown_speakers(n: int) -> str:
    actors = [{**ACTOR, "id": f"actor-{i}"} for i in range(n)]
    sources = [{"id": "s", "title": "S", "kind": "article", "text": "x"}]
    statements = [statement(i, f"actor-{i}x", "x") for i in range(n)]
    return text(actors=actors, sources=sources, statements=statements)


def missing_quotes(n: int) -> str:
    source = {"id": "s", "title": "S", "kind": "article", "text": "a  word " * 1000 * n}
    statements = [statement(i, "a", f"missing {i}") for i in range(n)]
    return text(actors=[ACTOR], sources=[source], statements=statements)


def named_unknowns(n: int) -> str:
    """*n* actors with names and aliases, and statements by unknown ids."""
    actors = [
        {**ACTOR, "id": f"actor-{i}", "name": f"Name {i}", "aliases": [f"Alias {i}"]}
        for i in range(n)
    ]
    sources = [{"id": "s", "title": "S", "kind": "article", "text": "x"}]
    statements = [statement(i, f"nobody-{i}", "x") for i in range(n)]
    return text(actors=actors, sources=sources, statements=statements)


def late_quotes(n: int) -> str:
    """A long source and quotes of its last words, both growing with *n*."""
    words = [f"w{i}" for i in range(200 * n)]
    source = {"id": "s", "title": "S", "kind": "article", "text": " ".join(words)}
    last = len(words) - n - 1
    statements = [
        statement(i, "a", f"{words[last + i]} {words[last + i + 1]}") for i in range(n)
    ]
    return text(actors=[ACTOR], sources=[source], statements=statements)


def cited_again(n: int) -> str:
    """One statement citing one long quote late in a long source *n* times."""
    quote = "the troops were sent " * 100
    source = {
        "id": "s",
        "title": "S",
        "kind": "article",
        "text": "x " * 100 * n + quote,
    }
    said = statement(0, "a", quote.strip())
    said["citations"] *= n
    said["quote"] = quote.strip()
    return text(actors=[ACTOR], sources=[source], statements=[said])


def crowd_matches(n: int) -> Callable[[], object]:
    """`matches` of two briefs of *n* actors who all share one alias."""
    a, b = (
        Brief(
            id=side,
            title=side,
            as_of="2025-05-01",
            actors=[
                Actor(id=f"{side}-{i}", name=f"{side} {i}", kind="group", aliases=["X"])
                for i in range(n)
            ],
        )
        for side in ("ours", "theirs")
    )
    return functools.partial(a.matches, b)


def uncited_sentences(n: int) -> Callable[[], object]:
    """`uncited` of a source of *n* sentences, every other one quoted."""
    sentences = [f"Sentence number {i} is here." for i in range(n)]
    source = {"id": "s", "title": "S", "kind": "article", "text": " ".join(sentences)}
    statements = [statement(i, "a", sentences[i]) for i in range(0, n, 2)]
    brief = loads(text(actors=[ACTOR], sources=[source], statements=statements))
    return brief.uncited


def merged_halves(n: int) -> Callable[[], object]:
    """`merge` of two briefs of *n* statements each, sharing their actor."""
    source = {"id": "s", "title": "S", "kind": "article", "text": "x"}
    a, b = (
        loads(
            text(
                actors=[ACTOR],
                sources=[source],
                statements=[
                    {**statement(i, "a", "x"), "id": f"{side}-{i}"} for i in range(n)
                ],
            )
        )
        for side in ("ours", "theirs")
    )
    return functools.partial(a.merge, b)


def best_time(data: str) -> float:
    # Best of five: a shared machine's pauses would otherwise tilt a ratio.
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        with contextlib.suppress(ValidationError):
            loads(data)
        best = min(best, time.perf_counter() - start)
    return best


PEAK = """
import resource, sys
import conflictbrief
data = sys.stdin.buffer.read()
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
try:
    conflictbrief.loads(data)
except conflictbrief.ValidationError:
    pass
print((resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) * 1024)
"""


class TestMemory:
    def test_empty_objects(self) -> None:
        """A 50 MB file of empty objects peaks below 40 times its size."""
        data = text(x=[]).replace(
            '"x": []', '"x": [' + ",".join(["{}"] * 16_700_000) + "]"
        )
        peak = subprocess.run(  # noqa: S603 (this interpreter, our script)
            [sys.executable, "-c", PEAK],
            input=data.encode(),
            capture_output=True,
            check=True,
        )
        ratio = int(peak.stdout) / len(data)
        assert ratio < 40, f"peak {ratio:.1f}x the file's size"

    def test_values_counted_before_decoding(self) -> None:
        """A file of more values than the limit is refused before it is decoded."""
        data = text(x=[{}] * 100)
        with pytest.raises(
            ValidationError, match=r"over the limit of 50 \(Limits.values\)"
        ):
            loads(data, limits=Limits(values=50))


class TestGrowth:
    @pytest.mark.parametrize(
        ("shape", "small"),
        [
            (chain, 1000),
            (unknown_speakers, 500),
            (named_unknowns, 2000),
            (missing_quotes, 25),
            (late_quotes, 100),
            (cited_again, 200),
        ],
        ids=[
            "part-of-chain",
            "unknown-ids",
            "named-unknown-ids",
            "missing-quotes",
            "late-quotes",
            "cited-again",
        ],
    )
    def test_linear(self, shape: Callable[[int], str], small: int) -> None:
        """Four times the input costs less than six times the time."""
        little, big = shape(small), shape(4 * small)
        ratio = best_time(big) / best_time(little)
        assert ratio < 6, f"4x the input took {ratio:.1f}x the time"

    @pytest.mark.parametrize("field", ["speaker", "quote", "id"])
    def test_long_values_shortened(self, field: str) -> None:
        """A megabyte-long id or quote gives message lines under 1,000 characters."""
        long = "x" * 1_000_000
        sources = [{"id": "s", "title": "S", "kind": "article", "text": "x"}]
        said = statement(0, "a", "x")
        if field == "quote":
            said["citations"][0]["quote"] = long
        else:
            said[field] = long
        doc = text(actors=[ACTOR], sources=sources, statements=[said, said])
        with pytest.raises(ValidationError) as info:
            loads(doc)
        lines = str(info.value).splitlines()
        assert lines
        assert max(map(len, lines)) < 1000
        assert "999,945 characters cut" in str(info.value)

    @pytest.mark.parametrize(
        ("shape", "small"),
        [(crowd_matches, 1000), (uncited_sentences, 500), (merged_halves, 500)],
        ids=["matches-shared-alias", "uncited", "merge"],
    )
    def test_linear_calls(
        self, shape: Callable[[int], Callable[[], object]], small: int
    ) -> None:
        """Four times the briefs cost `matches`, `uncited` and `merge` less than
        six times the time."""
        little, big = shape(small), shape(4 * small)
        ratio = call_time(big) / call_time(little)
        assert ratio < 6, f"4x the input took {ratio:.1f}x the time"

    def test_suggestions_cost_little(self) -> None:
        """Unknown ids among many names cost less than four times a file without."""
        named = named_unknowns(8000)
        doc = json.loads(named)
        for said in doc["statements"]:
            said["speaker"] = None
        ratio = best_time(named) / best_time(json.dumps(doc))
        assert ratio < 4, f"unknown ids took {ratio:.1f}x the time"

    def test_suggestions_capped(self) -> None:
        """Only the first 100 unknown ids get suggestions; every one is reported."""
        with pytest.raises(ValidationError) as info:
            loads(unknown_speakers(150))
        hints = ["did you mean" in p.message for p in info.value.problems]
        assert (150, 100) == (len(hints), sum(hints))

    def test_suggestions_from_many(self) -> None:
        """An id one letter off is suggested among thousands."""
        doc = json.loads(unknown_speakers(2000))
        doc["statements"] = [statement(0, "actor-1234x", "x")]
        with pytest.raises(ValidationError, match="did you mean 'actor-1234'"):
            loads(json.dumps(doc))


class TestDump:
    def test_failing_write(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A write that fails keeps the old file and leaves no temporary file."""
        path = tmp_path / "brief.json"
        path.write_text("old")

        def fail(_: int) -> None:
            raise OSError("disk full")

        monkeypatch.setattr(os, "fsync", fail)
        with pytest.raises(OSError, match="disk full"):
            dump(loads(text_of()), path)
        assert ("old", ["brief.json"]) == (
            path.read_text(),
            [p.name for p in tmp_path.iterdir()],
        )

    def test_replaces(self, tmp_path: Path) -> None:
        """A write that succeeds replaces the file, keeping its mode."""
        path = tmp_path / "brief.json"
        path.write_text("old")
        path.chmod(0o600)
        dump(loads(text_of()), path)
        assert (dumps(loads(text_of())), 0o600, ["brief.json"]) == (
            path.read_text(),
            path.stat().st_mode & 0o777,
            [p.name for p in tmp_path.iterdir()],
        )

    @pytest.mark.parametrize(
        "value", [None, DOC, "brief", Actor(id="a", name="A", kind="group")]
    )
    def test_not_a_brief(self, tmp_path: Path, value: object) -> None:
        """dump and dumps refuse anything but a Brief before touching the disk."""
        path = tmp_path / "brief.json"
        with pytest.raises(TypeError, match="expected a Brief"):
            dump(value, path)  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="expected a Brief"):
            dumps(value)  # type: ignore[arg-type]
        assert [] == list(tmp_path.iterdir())


class TestRebuild:
    def test_init(self) -> None:
        """__init__ on a built record is refused and changes nothing."""
        actor = Actor(id="a", name="A", kind="group")
        with pytest.raises(TypeError, match="immutable"):
            actor.__init__(id="b", name="B", kind="state")  # type: ignore[misc]
        assert "a" == actor.id

    def test_collection_init(self) -> None:
        """__init__ on a brief's collection is refused: its actors stay."""
        brief = loads(text_of())
        with pytest.raises(TypeError, match="immutable"):
            brief.actors.__init__([])  # type: ignore[misc]
        assert 3 == len(brief.actors)

    def test_setstate(self) -> None:
        """__setstate__ on a built brief is refused."""
        brief = loads(text_of())
        other = loads(text(actors=[ACTOR]))
        with pytest.raises(TypeError, match="immutable"):
            brief.__setstate__(other.__getstate__())  # type: ignore[attr-defined]
        assert 3 == len(brief.actors)

    @pytest.mark.parametrize("name", [c.name for c in COLLECTIONS])
    def test_every_record_of_the_dataset(self, name: str) -> None:
        """Every record of every collection of the bundled dataset refuses
        __init__ and __setstate__, and stays as it was."""
        for record in getattr(datasets.load(), name):
            before = attrs.asdict(record, recurse=False)
            with pytest.raises(TypeError, match="cannot rebuild"):
                record.__init__(**before)
            with pytest.raises(TypeError, match="cannot rebuild"):
                record.__setstate__(record.__getstate__())
            assert before == attrs.asdict(record, recurse=False)

    def test_every_public_class_has_an_example(self) -> None:
        """Every attrs class of the public API is among those checked below."""
        assert set() == set(PUBLIC_CLASSES) - set(examples())

    @pytest.mark.parametrize("cls", PUBLIC_CLASSES, ids=lambda cls: cls.__name__)
    def test_every_public_class_sealed(self, cls: type) -> None:
        """A built object of any public attrs class refuses __init__ and
        __setstate__, so a value held by a brief cannot change under it."""
        value = examples()[cls]
        fields = attrs.asdict(value, recurse=False)
        with pytest.raises(TypeError, match="cannot rebuild"):
            value.__init__(**fields)
        with pytest.raises(TypeError, match="cannot rebuild"):
            value.__setstate__(value.__getstate__())
        assert fields == attrs.asdict(value, recurse=False)

    def test_pickle(self) -> None:
        """Pickling still rebuilds a brief, through a new object."""
        brief = loads(text_of())
        assert brief == pickle.loads(pickle.dumps(brief))
        assert brief == copy.deepcopy(brief)


class TestThreads:
    def test_index_built_once(self) -> None:
        """Threads asking for a missing index together build it once."""
        root = Root((), None)
        built = []

        def build(_: tuple[Any, ...]) -> object:
            built.append(1)
            time.sleep(0.01)
            return object()

        barrier = threading.Barrier(8)

        def ask() -> None:
            barrier.wait()
            root.index("i", build)

        threads = [threading.Thread(target=ask) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert [1] == built


class TestShown:
    def test_escapes(self) -> None:
        """A shown value's control characters and lone surrogates are escaped."""

        class Odd:
            def __repr__(self) -> str:
                return "a\nb\x1b\ud800"

        assert "a\\nb\\x1b\\ud800" == shown(Odd())


class TestFuzz:
    def test_loads(self, tmp_path: Path) -> None:
        """Fuzzing loads, merge, matches, tallies and the command line for a
        bounded time meets no foreign exception."""
        pytest.importorskip("atheris", reason="atheris is not installed")
        corpus = tmp_path / "corpus"
        shutil.copytree(HERE / "fuzz_corpus", corpus)
        run = subprocess.run(  # noqa: S603 (our own script)
            [
                sys.executable,
                str(HERE / "fuzz_loads.py"),
                str(corpus),
                "-max_total_time=10",
                f"-artifact_prefix={tmp_path}/",
            ],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
        )
        assert 0 == run.returncode, run.stderr[-3000:]
