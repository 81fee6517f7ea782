"""Tests that pin a mechanism on purpose, kept apart from the behaviour tests.

The memory, import-time and speed figures in the docs and in bench/ rest on
mechanisms no caller can see: ids and dates shared, no __weakref__ slot,
modules imported only when a call needs them, a fast reader that checks each
id once and builds records in their slots, the collector paused while
loading, the brief's checks run once, indexes sorted on first use, close ids
searched only when shown. A behaviour test would pass without any of them, so
each is pinned here. When a trick is changed or dropped, its test changes in
this module and no behaviour test should notice; a failure elsewhere is a
change in behaviour."""

from __future__ import annotations

import functools
import gc
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from importlib.metadata import requires
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conflictbrief import (
    FORMAT,
    Brief,
    Citation,
    Estimate,
    ExternalIds,
    FigureKind,
    Problem,
    UnknownIdError,
    ValidationError,
    _validators,
    datasets,
    dumps,
    loads,
)
from conflictbrief._base.index import DateIndex
from conflictbrief._collections.registry import COLLECTIONS
from conflictbrief._format import converter as _converter
from conflictbrief._format import json_text as _json
from conflictbrief._format import reader as _reader
from conflictbrief._format.format1 import BRIEF_1, FORMAT_1
from documents import (
    BAD_DOCUMENTS,
    json_values,
    load_problems,
    nodes,
    put,
    text_of,
    value_at,
    values_like,
)
from query_brief import ids, make_brief
from running import run_script
from strategies import briefs


class TestRuntimeDependencies:
    def test_runtime_dependencies(self) -> None:
        """The installed package needs attrs, cattrs and python-dateutil only."""
        needed = [r for r in requires("conflictbrief") or [] if "extra ==" not in r]
        names = {re.split(r"[ <>=!~;\[]", r, maxsplit=1)[0].lower() for r in needed}
        assert {"attrs", "cattrs", "python-dateutil"} == names


class TestLeanImport:
    def test_import_is_lean(self) -> None:
        """Importing the package imports no dataset, no metadata, no optional
        extra, and none of the modules only some calls need."""
        code = (
            "import sys, conflictbrief; "
            "heavy = ['conflictbrief.datasets', 'importlib.metadata', "
            "'importlib.resources', 'pandas', 'pydantic', 'msgspec', "
            "'dateutil.parser', 'difflib', 'calendar', 'locale', "
            "'conflictbrief.dates._phrases']; "
            "print([m for m in heavy if m in sys.modules])"
        )
        out = subprocess.run(  # noqa: S603 (the interpreter running the tests)
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        assert "[]" == out.stdout.strip()

    def test_valid_files_read_without_cattrs(self) -> None:
        """A valid file is read by the fast reader alone: cattrs is imported
        only to name a bad file's problems, or to write a file."""
        code = (
            "import sys, conflictbrief as cb; "
            "brief = cb.datasets.load(); before = 'cattrs' in sys.modules; "
            "cb.dumps(brief); print(before, 'cattrs' in sys.modules)"
        )
        result = run_script("-c", code)
        assert ("False True\n", 0) == (result.stdout, result.returncode)

    def test_not_imported_eagerly(self) -> None:
        """`import conflictbrief` does not import the datasets module."""
        code = (
            "import sys, conflictbrief; print('conflictbrief.datasets' in sys.modules)"
        )
        result = run_script("-c", code)
        assert ("False\n", 0) == (result.stdout, result.returncode)


class TestNoWeakrefSlot:
    @pytest.mark.parametrize(
        "cls", [c.cls for c in COLLECTIONS] + [Citation, Estimate, ExternalIds]
    )
    def test_records_cannot_be_weakly_referenced(self, cls: type) -> None:
        """Model classes carry no __weakref__ slot: eight bytes less a record."""
        assert "__weakref__" not in dir(cls)


class TestSharedValues:
    def test_shares_ids_and_dates(self) -> None:
        """A loaded brief keeps one string per id and one span per date text,
        however often the file repeats them (what its memory figure rests on)."""
        first, again = loads(text_of()), loads(text_of())
        statement, other = first.statements.first(), again.statements.first()
        assert statement is not None
        assert other is not None
        assert statement.speaker is again.actors["kim"].id
        assert statement.date is other.date


class TestCollectorPaused:
    def test_collector_paused_and_restored(self) -> None:
        """A load leaves the garbage collector as it found it, on or off."""
        assert gc.isenabled()
        loads(text_of())
        assert gc.isenabled()
        gc.disable()
        try:
            loads(text_of())
            assert not gc.isenabled()
        finally:
            gc.enable()

    def test_collector_restored_after_error(self) -> None:
        """A load that fails turns the garbage collector back on."""
        load_problems("[")
        assert gc.isenabled()


class TestChecksRunOnce:
    def test_integrity_problems_checked_once(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A file whose records all read, but which fails the brief's checks,
        is not read and checked again to find its problems."""
        from conflictbrief._collections import integrity as _integrity

        runs: list[int] = []
        run = _integrity.Checker.run

        def counted(checker: Any) -> list[Problem]:
            runs.append(1)
            return run(checker)

        monkeypatch.setattr(_integrity.Checker, "run", counted)
        data = text_of(
            put("statements", 0, "citations", 0, "quote", value="troops were seen"),
            put("deployments", 0, "place", value="kursks"),
        )
        assert [
            "$.statements[0].citations[0].quote",
            "$.deployments[0].place",
        ] == [p.path for p in load_problems(data)]
        assert [1] == runs


def _read_with(reader: str, doc: dict[str, Any]) -> Brief | None:
    """Read *doc* with one of the `READERS`.

    Returns None where the reader refuses the document.
    """
    if reader == DETAILED:
        structure = _converter.converter().structure
    else:
        structure = functools.partial(_reader.structure, generated=reader == FAST)
    # A conflictbrief/1 document is read in its own shape, as loads() reads it.
    shape = BRIEF_1 if doc.get("format") == FORMAT_1 else Brief
    try:
        return structure({k: v for k, v in doc.items() if k != "format"}, shape)
    except Exception:  # noqa: BLE001 (the fast reader may refuse with anything)
        return None
    finally:
        _reader.READ_IDS.clear()


READERS = FAST, CALLING, DETAILED = "fast", "calling", "detailed"
"""The fast reader's generated code (a large file), its calls of each class
(a small one), and the detailed reader."""


def _decodable(data: object) -> bool:
    try:
        doc = _json.decode(data).doc  # type: ignore[arg-type]
    except ValidationError:
        return False
    return isinstance(doc, dict) and doc.get("format") in (FORMAT, FORMAT_1)


class TestFastReader:
    """The fast reader, which builds records in their slots with generated
    code or calls their classes, and the detailed reader, which calls each
    class, read and refuse the same documents."""

    @pytest.mark.parametrize(
        "data", [p.values[0] for p in BAD_DOCUMENTS if _decodable(p.values[0])]
    )
    def test_bad_documents_refused_both_ways(self, data: str | bytes) -> None:
        """Each bad document of the table reads alike both ways; loads refuses it.

        A conflictbrief/1 document's shape holds no brief checks: what the
        readers build of it is refused when it becomes a brief.
        """
        doc = json.loads(data)
        fast, detailed = _read_with(FAST, doc), _read_with(DETAILED, doc)
        assert fast == _read_with(CALLING, doc) == detailed
        if doc["format"] == FORMAT:
            assert None is fast
        with pytest.raises(ValidationError):
            loads(data)

    @settings(max_examples=150, deadline=None)
    @given(briefs(max_records=3), st.data())
    def test_mutated_documents(self, b: Brief, data: st.DataObject) -> None:
        """A document with any value replaced reads alike both ways, or is
        refused by both."""
        doc = json.loads(dumps(b))
        read = [_read_with(reader, doc) for reader in READERS]
        assert [b] * 3 == read
        path = data.draw(st.sampled_from(nodes(doc)))
        put(*path, value=data.draw(json_values | values_like(value_at(doc, path))))(doc)
        fast, calling, detailed = (_read_with(r, doc) for r in READERS)
        assert fast == calling == detailed

    @settings(max_examples=100, deadline=None)
    @given(briefs())
    def test_built_in_slots_equals_built_by_init(self, b: Brief) -> None:
        """Every record the fast reader builds equals, and hashes as, the one
        its class's __init__ builds, and refuses to be built again."""
        read = _read_with(FAST, json.loads(dumps(b)))
        assert read is not None
        for name in (c.name for c in COLLECTIONS):
            for mine, theirs in zip(getattr(read, name), getattr(b, name), strict=True):
                assert (theirs, hash(theirs)) == (mine, hash(mine))
                assert attrs.evolve(mine) == mine  # evolve calls __init__: valid
                with pytest.raises(TypeError, match="cannot rebuild"):
                    mine.__init__(**attrs.asdict(mine, recurse=False))

    def test_unknown_key_of_brief_refused(self) -> None:
        """A brief, which checks itself when called, refuses an unknown key."""
        doc = {**json.loads(text_of()), "format": FORMAT, "extra": 1}
        assert [None] * 3 == [_read_with(reader, doc) for reader in READERS]

    @pytest.mark.parametrize(
        ("key", "value"),
        [
            ("kind", "not-a-kind"),
            ("kind", 5),
            ("kind", None),
            ("quote", 5),
            ("quote", ""),
            ("about", "kim"),
            ("about", [5]),
            ("citations", []),
            ("citations", "kcna"),
            ("citations", [None]),
            ("citations", [{"source": "kcna"}]),
        ],
    )
    def test_inline_reads_refuse(self, key: str, value: object) -> None:
        """What the generated readers read inline (kinds, optional strings,
        lists of ids and of records) is refused by every reader."""
        doc = json.loads(text_of(put("statements", 0, key, value=value)))
        assert [None] * 3 == [_read_with(reader, doc) for reader in READERS]

    def test_generated_for_large_files_only(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Model classes are read by generated code only in a file long enough
        to repay generating it; a smaller one's records call their classes."""
        made: list[type] = []
        generate = _reader.class_reader

        def counted(cl: type, ids: _validators.IdReader) -> Any:
            made.append(cl)
            return generate(cl, ids)

        monkeypatch.setattr(_reader, "class_reader", counted)
        _reader.hook.cache_clear()
        try:
            called = loads(text_of())
            assert [] == made
            monkeypatch.setattr(_reader, "GENERATE_FROM", len(text_of()))
            assert called == loads(text_of())
            assert {c.cls for c in COLLECTIONS} <= set(made)
            assert sorted(set(made), key=str) == sorted(made, key=str)  # once each
        finally:
            _reader.hook.cache_clear()


class TestIdsReadOnce:
    """Each distinct id of a file is checked and interned once per load, by
    the generated readers of a large file."""

    @pytest.fixture(autouse=True)
    def generated(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(_reader, "GENERATE_FROM", 0)

    def test_each_distinct_id_checked_once(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """However often a file repeats an id, it is checked and interned once."""
        checked: list[str] = []
        missing = _validators.IdReader.__missing__

        def counted(reader: _validators.IdReader, value: object) -> str:
            found = missing(reader, value)
            checked.append(found)
            return found

        monkeypatch.setattr(_validators.IdReader, "__missing__", counted)
        b = loads(text_of())
        assert sorted(set(checked)) == sorted(checked)
        references = [c.source for r in b.timeline() for c in r.citations]
        assert len(references) > len(set(references))
        assert set(references) <= set(checked)

    def test_repeated_ids_are_one_string(self) -> None:
        """Every reference to an id is the same string object, shared with the
        record it names."""
        b = loads(text_of())
        ids = {a.id: a.id for a in b.actors}
        for s in b.statements:
            assert all(a is ids[a] for a in s.about)
            assert s.speaker is None or s.speaker is ids[s.speaker]

    def test_forgotten_after_load(self) -> None:
        """The ids a load met are not kept once it is over, read or refused."""
        loads(text_of())
        assert {} == _reader.READ_IDS
        with pytest.raises(ValidationError):
            loads(text_of(put("statements", 0, "speaker", value="Not An Id")))
        assert {} == _reader.READ_IDS

    def test_not_an_id_refused(self) -> None:
        """A value that is not an id is refused, and not remembered."""
        reader = _validators.IdReader()
        for value in ("Kim", "", 5, None):
            with pytest.raises(_validators.WrongIdError, match="expected an id"):
                reader[value]
        with pytest.raises(TypeError):
            reader[["kim"]]
        assert {} == reader
        kim = "".join(["k", "im"])  # noqa: FLY002 (a string made at run time)
        assert reader[kim] is reader["kim"] is sys.intern(kim)


class TestLazyIndexes:
    def test_small_view_sorts_no_dates(self) -> None:
        """A date filter on a view narrows the view, sorting no whole collection."""
        fresh = make_brief()
        view = fresh.statements.where(speaker="kim")
        assert ["praise"] == ids(view.where(during="2025-04"))
        assert not fresh.statements._root.indexes["during"].ready()
        fresh.statements.where(during="2025-04")  # a query led by dates sorts
        assert fresh.statements._root.indexes["during"].ready()

    def test_sorted_on_first_question(self) -> None:
        """An index, and a subset of it, sort only when first asked."""
        index = DateIndex([5, 1, 3], [6, 2, 9])
        part = index.subset([0, 2])
        assert (False, False) == (index.ready(), part.ready())
        assert [0, 2] == part.find("overlapping", 4, 5)
        assert (False, True) == (index.ready(), part.ready())


class TestUnknownIdSuggestions:
    def test_found_when_asked(self) -> None:
        """A failed lookup caught as a KeyError costs no search for close ids."""
        asked: list[str] = []

        class Known:
            def __iter__(self) -> Iterator[str]:
                asked.append("iterated")
                return iter(["kim-jong-un", "putin"])

        error = UnknownIdError("kim-jong", "actors", Known())
        assert [] == asked
        assert ("kim-jong-un",) == error.suggestions
        assert "did you mean 'kim-jong-un'?" in str(error)
        assert ["iterated"] == asked  # once, however often asked


class TestKeptTallies:
    def test_answer_kept(self) -> None:
        """A tally asked by kind and ids is worked out once, then given again."""
        brief = datasets.load()
        first = brief.tally("troops", side="north-korea")
        assert first is brief.tally(FigureKind.TROOPS, side="north-korea")
        assert first is brief.tally("troops", side="north-korea")

    def test_kept_answer_is_the_answer(self) -> None:
        """The kept answer equals the one worked out without keeping."""
        brief = datasets.load()
        kept = brief.tally("troops", side="north-korea")
        fresh = brief.tally("troops", side=["north-korea"])  # a list: not kept
        assert kept == fresh
        assert kept is not fresh

    def test_no_answer_kept_too(self) -> None:
        """A question with no figures to count keeps its answer, None."""
        brief = datasets.load()
        assert (None, None) == (brief.tally("killed"), brief.tally("killed"))
