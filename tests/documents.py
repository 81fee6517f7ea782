"""A valid file-format document, ways to change it, and a table of bad ones."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

import attrs
import pytest
from hypothesis import strategies as st

from conflictbrief import FORMAT, Problem, ValidationError, loads
from conflictbrief._format.format1 import BRIEF_1
from conflictbrief._format.versions import VERSIONS
from contracts import ACTOR_KINDS, EVENT_KINDS, STATEMENT_KINDS, cut

OLDER = ", ".join(repr(v) for v in VERSIONS if v != FORMAT)
"""The earlier formats that still load, as the format error lists them."""

BRIEF_KEYS = ", ".join(attrs.fields_dict(BRIEF_1))
"""The keys a brief of ``conflictbrief/1``, the format of these documents, has."""


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


def load_problems(data: str | bytes) -> tuple[Problem, ...]:
    """Return the problems `loads` reports for *data*."""
    with pytest.raises(ValidationError) as info:
        loads(data)
    return info.value.problems


def doc_with_raw(old: str, new: str) -> str:
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
        f"expected one of {STATEMENT_KINDS}, got True (bool)",
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
        "expected a list, got " + cut(repr({"kim": DOC["actors"][2]})),
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
        f"expected one of {EVENT_KINDS}, got 'summit' (str)",
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
        doc_with_raw('"title": "A brief"', '"title": "A brief", "title": "B"'),
        "$",
        "the key 'title' appears twice in one object",
        id="duplicate-key",
    ),
    pytest.param(
        doc_with_raw('"name": "Russia"', '"name": "Russia", "name": "RF"'),
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
        "expected a JSON object, got " + cut(repr([DOC])),
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
        text_of(put("format", value="x/9")),
        "$.format",
        f"expected the format {FORMAT!r} (or {OLDER}), got 'x/9' (str)",
        id="other-format",
    ),
    pytest.param(
        text_of(drop("format")),
        "$.format",
        f"missing; expected {FORMAT!r}",
        id="missing-format",
    ),
    pytest.param(
        text_of(put("format", value=None)),
        "$.format",
        f"expected the format {FORMAT!r} (or {OLDER}), got None",
        id="null-format",
    ),
    # Integrity, checked once the document has been read.
    pytest.param(
        text_of(put("statements", 0, "speaker", value="kim-jong-un")),
        "$.statements[0].speaker",
        "expected the id of an actor in this brief, got 'kim-jong-un'; "
        "did you mean 'kim'?",
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


def leaves(node: object, path: tuple[Key, ...] = ()) -> list[tuple[Key, ...]]:
    """Return the path of every value in *node* that is not a list or object."""
    if isinstance(node, dict):
        return [p for k, v in node.items() for p in leaves(v, (*path, k))]
    if isinstance(node, list):
        return [p for i, v in enumerate(node) for p in leaves(v, (*path, i))]
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


def nodes(node: object, path: tuple[Key, ...] = ()) -> list[tuple[Key, ...]]:
    """Return the path of every value in *node*, lists and objects included."""
    if isinstance(node, dict):
        items: Any = node.items()
    elif isinstance(node, list):
        items = enumerate(node)
    else:
        return [path]
    inner = [p for k, v in items for p in nodes(v, (*path, k)) if p != ("format",)]
    return [path, *inner] if path else inner


def value_at(doc: Any, path: tuple[Key, ...]) -> Any:
    for key in path:
        doc = doc[key]
    return doc


def values_like(value: object) -> st.SearchStrategy[Any]:
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
