from __future__ import annotations

import contextlib
import copy
import functools
import gc
import io
import json
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import attrs
import cattrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conflictbrief import (
    FORMAT,
    Actor,
    Brief,
    Citation,
    DateSpan,
    Estimate,
    Problem,
    Source,
    Statement,
    ValidationError,
    _converter,
    _json,
    datasets,
    dump,
    dumps,
    load,
    loads,
)
from strategies import briefs

# Drawing whole briefs is slow: fewer examples, and no deadline, keep the
# suite quick and steady on a small machine.
briefly = settings(max_examples=40, deadline=None)

ACTOR_KINDS = (
    "'state', 'person', 'government_body', 'armed_force', 'media', "
    "'international_org', 'group'"
)
BRIEF_KEYS = (
    "id, title, as_of, summary, actors, places, sources, statements, "
    "deployments, events"
)

DOC: dict[str, Any] = {
    "format": "conflictbrief/1",
    "id": "b",
    "title": "A brief",
    "as_of": "2025-04-28",
    "actors": [
        {"id": "north-korea", "name": "North Korea", "kind": "state"},
        {"id": "russia", "name": "Russia", "kind": "state"},
        {
            "id": "kim",
            "name": "Kim",
            "kind": "person",
            "aliases": ["Kim Jong Un"],
            "part_of": "north-korea",
            "ids": {"wikidata": "Q56226"},
        },
    ],
    "places": [{"id": "kursk", "name": "Kursk", "kind": "region", "country": "russia"}],
    "sources": [
        {
            "id": "kcna",
            "title": "KCNA",
            "kind": "article",
            "published": "2025-04-28",
            "text": "The  troops\nwere sent to Kursk.",
        }
    ],
    "statements": [
        {
            "id": "s1",
            "speaker": "kim",
            "date": "2025-04",
            "kind": "confirm",
            "summary": "Troops were sent.",
            "citations": [{"source": "kcna", "quote": "troops were sent"}],
        }
    ],
    "deployments": [
        {
            "id": "d1",
            "sender": "north-korea",
            "host": "russia",
            "date": "2024-10",
            "troops": {"best": 11000, "approximate": True},
            "place": "kursk",
            "citations": [{"source": "kcna", "quote": "sent to Kursk"}],
        }
    ],
    "events": [
        {
            "id": "e1",
            "kind": "meeting",
            "date": "2025-04-26",
            "summary": "They met.",
            "participants": ["kim"],
            "citations": [{"source": "kcna", "quote": "troops"}],
        }
    ],
}

Key = str | int
Change = Callable[[dict[str, Any]], None]


def put(*path: Key, value: object) -> Change:
    """Return a change that sets the value at *path* of a document."""

    def change(doc: dict[str, Any]) -> None:
        *parents, last = path
        node: Any = doc
        for key in parents:
            node = node[key]
        node[last] = value

    return change


def drop(*path: Key) -> Change:
    """Return a change that removes the key at *path* of a document."""

    def change(doc: dict[str, Any]) -> None:
        *parents, last = path
        node: Any = doc
        for key in parents:
            node = node[key]
        del node[last]

    return change


def text_of(*changes: Change) -> str:
    """Return the base document, with *changes* made, as JSON text."""
    doc = copy.deepcopy(DOC)
    for change in changes:
        change(doc)
    return json.dumps(doc)


def problems_of(data: str | bytes) -> tuple[Problem, ...]:
    """Return the problems `loads` reports for *data*."""
    with pytest.raises(ValidationError) as info:
        loads(data)
    return info.value.problems


def _doc_with_raw(old: str, new: str) -> str:
    """Return the base document's text with *old* replaced by *new* once."""
    text = json.dumps(DOC)
    assert 1 == text.count(old)
    return text.replace(old, new)


BAD_DOCUMENTS = [
    # Wrong JSON types: nothing is coerced.
    pytest.param(
        text_of(put("title", value=3)),
        "$.title",
        "expected a string, got 3 (int)",
        id="number-for-text",
    ),
    pytest.param(
        text_of(put("actors", 0, "name", value=3.5)),
        "$.actors[0].name",
        "expected a string, got 3.5 (float)",
        id="float-for-nested-text",
    ),
    pytest.param(
        text_of(put("deployments", 0, "troops", "best", value=1.5)),
        "$.deployments[0].troops.best",
        "expected a whole number, got 1.5 (float)",
        id="float-for-count",
    ),
    pytest.param(
        text_of(put("deployments", 0, "troops", "best", value=11000.0)),
        "$.deployments[0].troops.best",
        "expected a whole number, got 11000.0 (float)",
        id="whole-float-for-count",
    ),
    pytest.param(
        text_of(put("deployments", 0, "troops", "best", value=True)),
        "$.deployments[0].troops.best",
        "expected a whole number, got True (bool)",
        id="bool-for-count",
    ),
    pytest.param(
        text_of(put("deployments", 0, "troops", "best", value="11000")),
        "$.deployments[0].troops.best",
        "expected a whole number, got '11000' (str)",
        id="string-for-count",
    ),
    pytest.param(
        text_of(put("deployments", 0, "troops", "best", value=-1)),
        "$.deployments[0].troops.best",
        "expected a whole number of 0 or more, got -1 (int)",
        id="negative-count",
    ),
    pytest.param(
        text_of(put("deployments", 0, "troops", "approximate", value=1)),
        "$.deployments[0].troops.approximate",
        "expected true or false, got 1 (int)",
        id="number-for-flag",
    ),
    pytest.param(
        text_of(put("deployments", 0, "troops", value={"low": 5, "best": 3})),
        "$.deployments[0].troops.best",
        "expected best to be at least low (5), got 3",
        id="estimate-out-of-order",
    ),
    pytest.param(
        text_of(put("deployments", 0, "troops", value={})),
        "$.deployments[0].troops",
        "expected at least one of best, low and high",
        id="estimate-without-figures",
    ),
    pytest.param(
        text_of(put("places", 0, "lat", value="51.7")),
        "$.places[0].lat",
        "expected a number, got '51.7' (str)",
        id="string-for-number",
    ),
    pytest.param(
        text_of(put("places", 0, "lat", value=91)),
        "$.places[0].lat",
        "expected a number from -90 to 90, got 91 (int)",
        id="latitude-out-of-range",
    ),
    pytest.param(
        text_of(put("actors", 2, "aliases", value="Kim Jong Un")),
        "$.actors[2].aliases",
        "expected a list, got 'Kim Jong Un' (str)",
        id="string-for-list",
    ),
    # Ids, lists of ids, kinds and dates are read by the fields' converters
    # when a file loads: they too refuse a value of the wrong JSON type.
    pytest.param(
        text_of(put("statements", 0, "about", value="north-korea")),
        "$.statements[0].about",
        "expected a list, got 'north-korea' (str)",
        id="string-for-list-of-ids",
    ),
    pytest.param(
        text_of(put("statements", 0, "about", value=["north-korea", 5])),
        "$.statements[0].about[1]",
        "expected a string, got 5 (int)",
        id="number-in-list-of-ids",
    ),
    pytest.param(
        text_of(put("statements", 0, "speaker", value=5)),
        "$.statements[0].speaker",
        "expected a string, got 5 (int)",
        id="number-for-id",
    ),
    pytest.param(
        text_of(put("statements", 0, "kind", value=True)),
        "$.statements[0].kind",
        "expected one of 'confirm', 'claim', 'dispute', 'assess', 'report', "
        "'praise', 'thank', 'condemn', 'demand', 'urge', 'warn', got True (bool)",
        id="bool-for-kind",
    ),
    pytest.param(
        text_of(put("statements", 0, "date", value=["2025-04"])),
        "$.statements[0].date",
        "expected an EDTF string such as '2025-04', got ['2025-04']",
        id="list-for-date",
    ),
    pytest.param(
        text_of(put("actors", 2, "aliases", value=["Kim Jong Un", 7])),
        "$.actors[2].aliases[1]",
        "expected a string, got 7 (int)",
        id="number-in-list-of-text",
    ),
    pytest.param(
        text_of(put("actors", value={"kim": DOC["actors"][2]})),
        "$.actors",
        "expected a list, got " + repr({"kim": DOC["actors"][2]})[:57] + "...",
        id="object-for-list",
    ),
    pytest.param(
        text_of(put("deployments", 0, "troops", value=[11000])),
        "$.deployments[0].troops",
        "expected an object (an Estimate), got [11000]",
        id="list-for-object",
    ),
    pytest.param(
        text_of(put("actors", 0, value="north-korea")),
        "$.actors[0]",
        "expected an object (an Actor), got 'north-korea' (str)",
        id="string-for-record",
    ),
    pytest.param(
        text_of(put("statements", 0, "citations", value=[None])),
        "$.statements[0].citations[0]",
        "expected an object (a Citation), got None",
        id="null-in-list-of-objects",
    ),
    pytest.param(
        text_of(put("title", value=None)),
        "$.title",
        "expected a string, got None",
        id="null-for-required-text",
    ),
    pytest.param(
        text_of(put("actors", value=None)),
        "$.actors",
        "expected a list, got None",
        id="null-for-list",
    ),
    pytest.param(
        text_of(put("actors", 2, "ids", value=None)),
        "$.actors[2].ids",
        "expected an object (an ExternalIds), got None",
        id="null-for-object",
    ),
    # An object whose keys are all optional, where the fast reader would
    # otherwise find none of its keys in a list or string and build it.
    pytest.param(
        text_of(put("actors", 2, "ids", value=[])),
        "$.actors[2].ids",
        "expected an object (an ExternalIds), got []",
        id="empty-list-for-object",
    ),
    pytest.param(
        text_of(put("actors", 2, "ids", value="")),
        "$.actors[2].ids",
        "expected an object (an ExternalIds), got '' (str)",
        id="empty-string-for-object",
    ),
    # Keys: unknown ones are errors, required ones must be there.
    pytest.param(
        text_of(put("author", value="me")),
        "$.author",
        f"unknown key; expected one of {BRIEF_KEYS}",
        id="unknown-top-level-key",
    ),
    pytest.param(
        text_of(put("actors", 2, "ids", "iso", value="PRK")),
        "$.actors[2].ids.iso",
        "unknown key; expected one of iso3, wikidata, cameo",
        id="unknown-nested-key",
    ),
    pytest.param(
        text_of(put("statements", 0, "speeker", value="kim")),
        "$.statements[0].speeker",
        "unknown key; expected one of id, speaker, date, kind, summary, about, "
        "via, quote, responds_to, citations",
        id="misspelt-key",
    ),
    pytest.param(
        text_of(drop("actors", 0, "name")),
        "$.actors[0].name",
        "missing; this key is required",
        id="missing-nested-key",
    ),
    pytest.param(
        text_of(drop("as_of")),
        "$.as_of",
        "missing; this key is required",
        id="missing-top-level-key",
    ),
    pytest.param(
        text_of(put("statements", 0, "citations", value=[])),
        "$.statements[0].citations",
        "expected at least one Citation",
        id="uncited-record",
    ),
    # Dates: EDTF for spans, a plain day for as_of.
    pytest.param(
        text_of(put("statements", 0, "date", value="2025-13")),
        "$.statements[0].date",
        "cannot read '2025-13' as an EDTF date: "
        "13 is not a month (01-12) or season (21-32)",
        id="bad-edtf-month",
    ),
    pytest.param(
        text_of(put("statements", 0, "date", value="April 2025")),
        "$.statements[0].date",
        "cannot read 'April 2025' as an EDTF date: expected a day (2025-04-28), "
        "month (2025-04), season (2024-23), year (2024), decade (202X) or an "
        "interval of these (A/B)",
        id="prose-for-edtf",
    ),
    pytest.param(
        text_of(put("deployments", 0, "until", value="2025-04~")),
        "$.deployments[0].until",
        "cannot read '2025-04~' as an EDTF date: the qualifier '~' is not supported",
        id="edtf-qualifier",
    ),
    pytest.param(
        text_of(put("sources", 0, "published", value="2025-04-28/2025-04-01")),
        "$.sources[0].published",
        "cannot read '2025-04-28/2025-04-01' as an EDTF date: "
        "the interval ends before it starts",
        id="edtf-interval-backwards",
    ),
    pytest.param(
        text_of(put("events", 0, "date", value=20250426)),
        "$.events[0].date",
        "expected an EDTF string such as '2025-04', got 20250426 (int)",
        id="number-for-edtf",
    ),
    pytest.param(
        text_of(put("as_of", value="2025-04")),
        "$.as_of",
        "expected a day as YYYY-MM-DD, got '2025-04' (str)",
        id="as-of-month",
    ),
    pytest.param(
        text_of(put("as_of", value="2025-02-29")),
        "$.as_of",
        "expected a day as YYYY-MM-DD, got '2025-02-29' (str)",
        id="as-of-no-such-day",
    ),
    pytest.param(
        text_of(put("as_of", value="2025-W17-1")),
        "$.as_of",
        "expected a day as YYYY-MM-DD, got '2025-W17-1' (str)",
        id="as-of-week-date",
    ),
    pytest.param(
        text_of(put("as_of", value="2025-04-28T12:00")),
        "$.as_of",
        "expected a day as YYYY-MM-DD, got '2025-04-28T12:00' (str)",
        id="as-of-datetime",
    ),
    # Enums and ids.
    pytest.param(
        text_of(put("actors", 0, "kind", value="State")),
        "$.actors[0].kind",
        f"expected one of {ACTOR_KINDS}, got 'State' (str)",
        id="enum-wrong-case",
    ),
    pytest.param(
        text_of(put("actors", 0, "kind", value=1)),
        "$.actors[0].kind",
        f"expected one of {ACTOR_KINDS}, got 1 (int)",
        id="number-for-enum",
    ),
    pytest.param(
        text_of(put("events", 0, "kind", value="summit")),
        "$.events[0].kind",
        "expected one of 'agreement', 'meeting', 'operation', 'decision', 'other', "
        "got 'summit' (str)",
        id="unknown-enum-value",
    ),
    pytest.param(
        text_of(put("actors", 0, "id", value="North Korea")),
        "$.actors[0].id",
        "expected an id: lowercase letters and digits joined by '-', "
        "got 'North Korea' (str)",
        id="bad-slug",
    ),
    # The text itself.
    pytest.param(
        _doc_with_raw('"title": "A brief"', '"title": "A brief", "title": "B"'),
        "$",
        "the key 'title' appears twice in one object",
        id="duplicate-key",
    ),
    pytest.param(
        _doc_with_raw('"name": "Russia"', '"name": "Russia", "name": "RF"'),
        "$.actors[1]",
        "the key 'name' appears twice in one object",
        id="duplicate-nested-key",
    ),
    pytest.param(
        # Python's own wording for a trailing comma changed in 3.13; this
        # error reads the same in every version supported.
        '{"format": "conflictbrief/1", "id": }',
        "$",
        "not valid JSON: Expecting value at line 1, column 37",
        id="missing-value",
    ),
    pytest.param(
        "",
        "$",
        "not valid JSON: Expecting value at line 1, column 1",
        id="empty",
    ),
    pytest.param(
        b'{"format": "conflictbrief/1", "title": "Kim \xff"}',
        "$",
        "not UTF-8 text: invalid start byte at byte 44",
        id="invalid-utf-8",
    ),
    pytest.param(
        text_of().encode("utf-16"),
        "$",
        "not UTF-8 text: invalid start byte at byte 0",
        id="utf-16",
    ),
    pytest.param(
        '{"format": "conflictbrief/1", "id": "b", "title": 1' + "0" * 5000 + "}",
        "$",
        "not readable: a number has too many digits (5,001)",
        id="huge-number",
    ),
    pytest.param(
        "[" * 100_000 + "]" * 100_000,
        "$",
        "not readable: nested too deeply",
        id="nested-too-deeply",
    ),
    pytest.param(
        json.dumps([DOC]),
        "$",
        "expected a JSON object, got " + repr([DOC])[:57] + "...",
        id="top-level-list",
    ),
    pytest.param(
        "null",
        "$",
        "expected a JSON object, got None",
        id="top-level-null",
    ),
    pytest.param(
        '"conflictbrief/1"',
        "$",
        "expected a JSON object, got 'conflictbrief/1' (str)",
        id="top-level-string",
    ),
    # The format string.
    pytest.param(
        text_of(put("format", value="conflictbrief/2")),
        "$.format",
        "expected the format 'conflictbrief/1', got 'conflictbrief/2'",
        id="other-format",
    ),
    pytest.param(
        text_of(drop("format")),
        "$.format",
        "missing; expected 'conflictbrief/1'",
        id="missing-format",
    ),
    pytest.param(
        text_of(put("format", value=None)),
        "$.format",
        "expected the format 'conflictbrief/1', got None",
        id="null-format",
    ),
    # Integrity, checked once the document has been read.
    pytest.param(
        text_of(put("statements", 0, "speaker", value="kim-jong-un")),
        "$.statements[0].speaker",
        "expected the id of an actor in this brief, got 'kim-jong-un'",
        id="unresolved-speaker",
    ),
    pytest.param(
        text_of(put("events", 0, "participants", value=["kim", "putin"])),
        "$.events[0].participants[1]",
        "expected the id of an actor in this brief, got 'putin'",
        id="unresolved-participant",
    ),
    pytest.param(
        text_of(put("deployments", 0, "citations", 0, "source", value="yonhap")),
        "$.deployments[0].citations[0].source",
        "expected the id of a source in this brief, got 'yonhap'",
        id="unresolved-source",
    ),
    pytest.param(
        text_of(put("statements", 0, "citations", 0, "quote", value="troops flew")),
        "$.statements[0].citations[0].quote",
        "expected words found in the text of 'kcna', got 'troops flew'",
        id="quote-not-in-text",
    ),
    pytest.param(
        text_of(put("deployments", 0, "host", value="kim")),
        "$.deployments[0].host",
        "expected the id of a state, got 'kim', which is 'person'",
        id="host-not-a-state",
    ),
    pytest.param(
        text_of(put("statements", 0, "date", value="2025-05")),
        "$.statements[0].date",
        "expected a date no later than the sources citing it "
        "(published by 2025-04-28), got 2025-05",
        id="dated-after-sources",
    ),
]


def _leaves(node: object, path: tuple[Key, ...] = ()) -> list[tuple[Key, ...]]:
    """Return the path of every value in *node* that is not a list or object."""
    if isinstance(node, dict):
        return [p for k, v in node.items() for p in _leaves(v, (*path, k))]
    if isinstance(node, list):
        return [p for i, v in enumerate(node) for p in _leaves(v, (*path, i))]
    return [path]


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(max_size=10),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.text(max_size=10), inner, max_size=3)
    ),
    max_leaves=10,
)


class TestLoads:
    @pytest.mark.parametrize(("data", "path", "message"), BAD_DOCUMENTS)
    def test_bad_document(self, data: str | bytes, path: str, message: str) -> None:
        """A bad document is refused with the path and the sentence of its problem."""
        assert (Problem(path, message),) == problems_of(data)

    def test_bad_documents_are_distinct(self) -> None:
        """Every document in the table of bad documents is a different one."""
        documents = [p.values[0] for p in BAD_DOCUMENTS]
        assert len(documents) == len(set(documents))

    def test_base_document_is_valid(self) -> None:
        """The document the bad ones are made from loads."""
        assert "b" == loads(text_of()).id

    def test_reads_bytes(self) -> None:
        """UTF-8 bytes read as the text does."""
        assert loads(text_of()) == loads(text_of().encode())

    def test_reads_bytes_with_byte_order_mark(self) -> None:
        """UTF-8 bytes may start with a byte order mark."""
        assert loads(text_of()) == loads(text_of().encode("utf-8-sig"))

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
        problems_of("[")
        assert gc.isenabled()

    def test_unexpected_error_is_a_problem(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """An error no check foresaw still reaches the caller as a problem."""

        def broken(text: str) -> DateSpan:
            raise RuntimeError(f"no reading {text}")

        monkeypatch.setattr(DateSpan, "parse", broken)
        expected = Problem("$.statements[0].date", "cannot be read: no reading 2025-04")
        assert expected in problems_of(text_of())

    def test_shape_and_integrity_at_once(self) -> None:
        """A record that cannot be read does not hide another's broken reference."""
        data = text_of(
            put("actors", 0, "name", value=7),
            put("statements", 0, "citations", 0, "quote", value="troops were seen"),
            put("deployments", 0, "place", value="kursks"),
        )
        assert (
            Problem("$.actors[0].name", "expected a string, got 7 (int)"),
            Problem(
                "$.statements[0].citations[0].quote",
                "expected words found in the text of 'kcna', got 'troops were seen'",
            ),
            Problem(
                "$.deployments[0].place",
                "expected the id of a place in this brief, got 'kursks'; "
                "did you mean 'kursk'?",
            ),
        ) == problems_of(data)

    def test_integrity_problems_checked_once(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A file whose records all read, but which fails the brief's checks,
        is not read and checked again to find its problems."""
        from conflictbrief import _integrity

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
        ] == [p.path for p in problems_of(data)]
        assert [1] == runs

    def test_unread_records_not_blamed_twice(self) -> None:
        """References into a collection with an unreadable record are not checked."""
        data = text_of(put("actors", 2, "kind", value="leader"))
        assert ["$.actors[2].kind"] == [p.path for p in problems_of(data)]

    def test_every_problem_at_once(self) -> None:
        """A document with several problems reports every one, in order."""
        data = text_of(
            put("title", value=7),
            put("actors", 1, "kind", value="country"),
            put("actors", 2, "aliases", value="Kim"),
            put("statements", 0, "date", value="soon"),
            drop("events", 0, "summary"),
            put("deployments", 0, "troops", "best", value=1.5),
            put("deployments", 0, "troops", "low", value="1"),
            put("colour", value="red"),
        )
        edtf = (
            "cannot read 'soon' as an EDTF date: expected a day (2025-04-28), "
            "month (2025-04), season (2024-23), year (2024), decade (202X) or "
            "an interval of these (A/B)"
        )
        expected = (
            Problem("$.title", "expected a string, got 7 (int)"),
            Problem(
                "$.actors[1].kind",
                f"expected one of {ACTOR_KINDS}, got 'country' (str)",
            ),
            Problem("$.actors[2].aliases", "expected a list, got 'Kim' (str)"),
            Problem("$.statements[0].date", edtf),
            Problem(
                "$.deployments[0].troops.best",
                "expected a whole number, got 1.5 (float)",
            ),
            Problem(
                "$.deployments[0].troops.low",
                "expected a whole number, got '1' (str)",
            ),
            Problem("$.events[0].summary", "missing; this key is required"),
            Problem("$.colour", f"unknown key; expected one of {BRIEF_KEYS}"),
        )
        assert expected == problems_of(data)

    def test_every_repeated_key_at_once(self) -> None:
        """Each object that repeats a key is reported, with its path."""
        data = _doc_with_raw('"kind": "region"', '"kind": "region", "kind": "city"')
        data = data.replace('"id": "b"', '"id": "b", "id": "c"')
        expected = (
            Problem("$", "the key 'id' appears twice in one object"),
            Problem("$.places[0]", "the key 'kind' appears twice in one object"),
        )
        assert expected == problems_of(data)

    def test_every_integrity_problem_at_once(self) -> None:
        """Integrity problems of a well-formed document are all reported."""
        data = text_of(
            put("actors", 2, "part_of", value="korea"),
            put("statements", 0, "responds_to", value="s1"),
            put("events", 0, "place", value="moscow"),
        )
        expected = (
            Problem(
                "$.actors[2].part_of",
                "expected the id of an actor in this brief, got 'korea'; "
                "did you mean 'north-korea'?",
            ),
            Problem(
                "$.statements[0].responds_to",
                "expected another record's id, got its own id 's1'",
            ),
            Problem(
                "$.events[0].place",
                "expected the id of a place in this brief, got 'moscow'",
            ),
        )
        assert expected == problems_of(data)

    def test_message_lists_problems(self) -> None:
        """The error's text lists each problem on a line of its own."""
        data = text_of(put("title", value=7), put("id", value=8))
        with pytest.raises(
            ValidationError,
            match=re.escape(
                "2 problems:\n"
                "  $.id: expected a string, got 8 (int)\n"
                "  $.title: expected a string, got 7 (int)"
            ),
        ):
            loads(data)

    def test_refuses_other_types(self) -> None:
        """Only text and bytes are read; a dict is refused, not converted."""
        expected = "expected JSON text as str or bytes, got {'format': 'conf"
        with pytest.raises(ValidationError, match=re.escape(expected)):
            loads(DOC)  # type: ignore[arg-type]

    def test_null_for_optional_field(self) -> None:
        """null for an optional field reads as the field's default."""
        b = loads(text_of(put("actors", 2, "part_of", value=None)))
        assert b.actors["kim"].part_of is None

    def test_keys_in_any_order(self) -> None:
        """Key order in a document does not matter when reading it."""
        reordered = dict(reversed(list(DOC.items())))
        assert loads(text_of()) == loads(json.dumps(reordered))

    @briefly
    @given(briefs())
    def test_round_trip(self, b: Brief) -> None:
        """Every valid brief reads back equal to itself."""
        assert b == loads(dumps(b))

    @settings(max_examples=200, deadline=None)
    @given(st.binary(max_size=200))
    def test_random_bytes(self, data: bytes) -> None:
        """Random bytes raise ValidationError or nothing, never another error."""
        with contextlib.suppress(ValidationError):
            loads(data)

    @settings(max_examples=200, deadline=None)
    @given(json_values)
    def test_random_json(self, value: object) -> None:
        """Any JSON value is refused with ValidationError only."""
        with pytest.raises(ValidationError):
            loads(json.dumps(value))

    @settings(max_examples=200, deadline=None)
    @given(st.dictionaries(st.sampled_from(list(DOC)), json_values))
    def test_random_json_with_known_keys(self, doc: dict[str, Any]) -> None:
        """Objects with the brief's keys and random values fail cleanly."""
        with contextlib.suppress(ValidationError):
            loads(json.dumps({**doc, "format": FORMAT}))

    @settings(max_examples=150, deadline=None)
    @given(briefs(max_records=3), st.data())
    def test_mutated_documents(self, b: Brief, data: st.DataObject) -> None:
        """A valid document with a leaf replaced loads or raises ValidationError."""
        doc = json.loads(dumps(b))
        path = data.draw(st.sampled_from([p for p in _leaves(doc) if p[0] != "format"]))
        put(*path, value=data.draw(json_values | _like(_at(doc, path))))(doc)
        with contextlib.suppress(ValidationError):
            loads(json.dumps(doc))

    def test_shares_ids_and_dates(self) -> None:
        """A loaded brief keeps one string per id and one span per date text,
        however often the file repeats them (what its memory figure rests on)."""
        first, again = loads(text_of()), loads(text_of())
        statement, other = first.statements.first(), again.statements.first()
        assert statement is not None
        assert other is not None
        assert statement.speaker is again.actors["kim"].id
        assert statement.date is other.date

    def test_bundled_dataset_reads_without_generated_code(self) -> None:
        """The dataset has fewer records of any class than the fast reader reads
        before cattrs generates code, so loading it compiles nothing."""
        b = datasets.load()
        records = [*b.statements, *b.deployments, *b.events]
        counts = [
            *(len(getattr(b, name)) for name in ("actors", "places", "sources")),
            len(records),
            sum(len(r.citations) for r in records),
        ]
        assert max(counts) < _converter.GENERATE_AFTER == 100

    def test_error_is_a_value_error(self) -> None:
        """Callers may catch a bad document as a ValueError."""
        with pytest.raises(ValueError, match=r"^\$: not valid JSON"):
            loads("{")


def _read_with(generate_after: int, doc: dict[str, Any]) -> Brief | None:
    """Read *doc* with a fast reader that generates code after so many records
    (or with the detailed reader).

    Returns None where the reader refuses the document.
    """
    reader = _reader(generate_after)
    try:
        return reader.structure({k: v for k, v in doc.items() if k != "format"}, Brief)
    except Exception:  # noqa: BLE001 (the fast reader may refuse with anything)
        return None


@functools.cache
def _reader(generate_after: int) -> cattrs.Converter:
    if generate_after == DETAILED:
        return _converter.make_converter(detailed=True)
    return _converter.make_converter(detailed=False, generate_after=generate_after)


LOOP, GENERATED = 10**9, 0  # records read before cattrs generates code
DETAILED = -1  # not a fast reader: the one that finds every problem


def _nodes(node: object, path: tuple[Key, ...] = ()) -> list[tuple[Key, ...]]:
    """Return the path of every value in *node*, lists and objects included."""
    if isinstance(node, dict):
        items: Any = node.items()
    elif isinstance(node, list):
        items = enumerate(node)
    else:
        return [path]
    inner = [p for k, v in items for p in _nodes(v, (*path, k)) if p != ("format",)]
    return [path, *inner] if path else inner


def _at(doc: Any, path: tuple[Key, ...]) -> Any:
    for key in path:
        doc = doc[key]
    return doc


def _like(value: object) -> st.SearchStrategy[Any]:
    """Values of the JSON type of *value*: a changed document that may still read."""
    if isinstance(value, str):
        return st.text(min_size=1, max_size=10) | st.sampled_from(["kcna", "2025-04"])
    if isinstance(value, bool):
        return st.booleans()
    if isinstance(value, int):
        return st.integers(0, 20_000)
    if isinstance(value, list):
        return st.lists(st.sampled_from(value), max_size=3) if value else st.just([])
    return st.just(value)


def _decodable(data: object) -> bool:
    try:
        doc = _json.decode(data)  # type: ignore[arg-type]
    except ValidationError:
        return False
    return isinstance(doc, dict) and doc.get("format") == FORMAT


class TestFastReader:
    """The fast reader's loop over fields and cattrs' generated code agree."""

    @pytest.mark.parametrize(
        "data", [p.values[0] for p in BAD_DOCUMENTS if _decodable(p.values[0])]
    )
    def test_bad_documents_refused_both_ways(self, data: str | bytes) -> None:
        """Each bad document of the table is refused by both."""
        doc = json.loads(data)
        assert (None, None) == (_read_with(LOOP, doc), _read_with(GENERATED, doc))

    @settings(max_examples=150, deadline=None)
    @given(briefs(max_records=3), st.data())
    def test_mutated_documents(self, b: Brief, data: st.DataObject) -> None:
        """A document with any value replaced reads alike both ways and as the
        detailed reader reads it, or is refused by all three."""
        doc = json.loads(dumps(b))
        assert b == _read_with(LOOP, doc) == _read_with(GENERATED, doc)
        path = data.draw(st.sampled_from(_nodes(doc)))
        put(*path, value=data.draw(json_values | _like(_at(doc, path))))(doc)
        detailed = _read_with(DETAILED, doc)
        assert _read_with(LOOP, doc) == _read_with(GENERATED, doc) == detailed

    def test_many_records_switch_to_generated_code(self) -> None:
        """Past the threshold, records read on in the same way."""
        reader = _converter.make_converter(detailed=False, generate_after=2)
        doc = json.loads(text_of())
        statement = doc["statements"][0]
        hook = reader.get_structure_hook(Statement)
        read = [hook({**statement, "id": f"s{i}"}, Statement) for i in range(5)]
        assert [f"s{i}" for i in range(5)] == [s.id for s in read]
        assert {attrs.evolve(read[0], id="x")} == {
            attrs.evolve(s, id="x") for s in read
        }


class TestDumps:
    @briefly
    @given(briefs())
    def test_deterministic(self, b: Brief) -> None:
        """Writing what was read gives the same text again."""
        text = dumps(b)
        assert text == dumps(loads(text))

    def test_canonical_text(self) -> None:
        """Output is indented JSON in field order with defaults left out."""
        b = Brief(
            id="b",
            title="Troupes nord-coréennes",
            as_of=date(2025, 4, 28),
            actors=[Actor(id="kim", name="Kim", kind="person")],
            sources=[Source(id="kcna", title="KCNA", kind="article")],
            statements=[
                Statement(
                    id="s1",
                    date="2024-09-01/2024-11-30",
                    kind="claim",
                    summary="Kim spoke.",
                    citations=[Citation(source="kcna", quote="he spoke")],
                )
            ],
        )
        expected = """\
{
  "format": "conflictbrief/1",
  "id": "b",
  "title": "Troupes nord-coréennes",
  "as_of": "2025-04-28",
  "actors": [
    {
      "id": "kim",
      "name": "Kim",
      "kind": "person"
    }
  ],
  "sources": [
    {
      "id": "kcna",
      "title": "KCNA",
      "kind": "article"
    }
  ],
  "statements": [
    {
      "id": "s1",
      "date": "2024-23",
      "kind": "claim",
      "summary": "Kim spoke.",
      "citations": [
        {
          "source": "kcna",
          "quote": "he spoke"
        }
      ]
    }
  ]
}
"""
        assert expected == dumps(b)

    def test_keys_in_field_order(self) -> None:
        """Keys follow the classes' field order, after the format."""
        doc = json.loads(dumps(loads(text_of())))
        fields = [a.name for a in attrs.fields(Brief) if a.name != "summary"]
        assert ["format", *fields] == list(doc)
        assert ["id", "name", "kind", "aliases", "part_of", "ids"] == list(
            doc["actors"][2]
        )
        assert [
            "id",
            "sender",
            "host",
            "date",
            "troops",
            "place",
            "citations",
        ] == list(doc["deployments"][0])

    def test_same_document_back(self) -> None:
        """A canonical document is written back exactly as it was read."""
        assert DOC == json.loads(dumps(loads(text_of())))

    def test_default_values_left_out(self) -> None:
        """False flags, empty lists and empty identifiers are not written."""
        b = loads(
            text_of(
                put("deployments", 0, "troops", "approximate", value=False),
                put("actors", 2, "aliases", value=[]),
                put("actors", 2, "ids", value={}),
            )
        )
        doc = json.loads(dumps(b))
        assert ({"best": 11000}, ["id", "name", "kind", "part_of"]) == (
            doc["deployments"][0]["troops"],
            list(doc["actors"][2]),
        )

    def test_zero_is_written(self) -> None:
        """A count of zero is a figure, not a default, and is written."""
        b = loads(text_of(put("deployments", 0, "troops", value={"best": 0})))
        assert Estimate(best=0) == loads(dumps(b)).deployments["d1"].troops


class TestLoadErrors:
    def test_names_the_file(self, tmp_path: Path) -> None:
        """A file that does not load is named in the error, beside its problems."""
        path = tmp_path / "bad.json"
        path.write_text(text_of(put("title", value=7)), encoding="utf-8")
        with pytest.raises(ValidationError) as info:
            load(path)
        assert str(path) == info.value.file
        assert f"{path}: $.title: expected a string, got 7 (int)" == str(info.value)

    def test_names_an_open_file(self, tmp_path: Path) -> None:
        """An open file is named by its name, and several problems are counted."""
        path = tmp_path / "bad.json"
        path.write_text(text_of(put("title", value=7), put("id", value=8)))
        with path.open("rb") as f, pytest.raises(ValidationError) as info:
            load(f)
        assert str(info.value).startswith(f"2 problems in {path}:\n  $.id")

    def test_lone_surrogate(self) -> None:
        """A JSON escape making a lone surrogate is refused: UTF-8 cannot hold it."""
        data = text_of(put("title", value="\ud800"))
        assert ["$.title"] == [p.path for p in problems_of(data)]

    def test_path_given_to_loads(self) -> None:
        """A file name passed to loads() gets a pointer to load()."""
        with pytest.raises(ValidationError, match=r"looks like a file name: load\(\)"):
            loads("briefs/example.json")


class TestLoad:
    def test_path(self, tmp_path: Path) -> None:
        """A path, as a string or a Path, is read as UTF-8."""
        file = tmp_path / "brief.json"
        file.write_bytes(text_of().encode())
        assert (loads(text_of()), loads(text_of())) == (load(str(file)), load(file))

    def test_text_file(self, tmp_path: Path) -> None:
        """An open text file is read."""
        file = tmp_path / "brief.json"
        file.write_text(text_of(), encoding="utf-8")
        with file.open(encoding="utf-8") as f:
            assert loads(text_of()) == load(f)

    def test_binary_file(self, tmp_path: Path) -> None:
        """An open binary file is read."""
        file = tmp_path / "brief.json"
        file.write_bytes(text_of().encode())
        with file.open("rb") as f:
            assert loads(text_of()) == load(f)

    def test_in_memory_files(self) -> None:
        """StringIO and BytesIO are files too."""
        expected = loads(text_of())
        assert (expected, expected) == (
            load(io.StringIO(text_of())),
            load(io.BytesIO(text_of().encode())),
        )

    def test_bad_file(self, tmp_path: Path) -> None:
        """A bad file raises ValidationError with the problem's path."""
        file = tmp_path / "brief.json"
        file.write_text(text_of(put("title", value=1)), encoding="utf-8")
        with pytest.raises(
            ValidationError, match=re.escape("$.title: expected a string, got 1 (int)")
        ):
            load(file)


class TestDump:
    def test_path(self, tmp_path: Path) -> None:
        """A path is written as UTF-8 with the exact text of dumps."""
        b = loads(text_of(put("title", value="Troupes nord-coréennes")))
        file = tmp_path / "brief.json"
        dump(b, file)
        dump(b, str(tmp_path / "again.json"))
        expected = dumps(b).encode()
        assert (expected, expected) == (
            file.read_bytes(),
            (tmp_path / "again.json").read_bytes(),
        )

    def test_text_file(self, tmp_path: Path) -> None:
        """An open text file is written with the text of dumps."""
        b = loads(text_of())
        file = tmp_path / "brief.json"
        with file.open("w", encoding="utf-8") as f:
            dump(b, f)
        assert dumps(b) == file.read_text(encoding="utf-8")

    def test_binary_file(self, tmp_path: Path) -> None:
        """An open binary file is written with the UTF-8 bytes of dumps."""
        b = loads(text_of(put("title", value="Troupes nord-coréennes")))
        file = tmp_path / "brief.json"
        with file.open("wb") as f:
            dump(b, f)
        assert dumps(b).encode() == file.read_bytes()

    def test_in_memory_files(self) -> None:
        """StringIO receives text and BytesIO bytes."""
        b = loads(text_of())
        text, binary = io.StringIO(), io.BytesIO()
        dump(b, text)
        dump(b, binary)
        assert (dumps(b), dumps(b).encode()) == (text.getvalue(), binary.getvalue())

    def test_round_trip_through_file(self, tmp_path: Path) -> None:
        """What dump writes, load reads back equal."""
        b = loads(text_of())
        dump(b, tmp_path / "brief.json")
        assert b == load(tmp_path / "brief.json")
