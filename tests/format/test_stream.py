"""Reading a brief record by record: the way valid files of today's format take."""

from __future__ import annotations

import json
import tracemalloc

import pytest
from hypothesis import given, settings

import conflictbrief
from conflictbrief import Brief, Limits, ValidationError, dumps, loads
from conflictbrief._format import stream
from conflictbrief._format.limits import DEFAULT_LIMITS
from strategies import briefs


def text_of(brief: Brief) -> str:
    return dumps(brief)


class TestRecordByRecord:
    def test_dataset(self) -> None:
        """The bundled brief is read record by record, equal to itself."""
        brief = conflictbrief.datasets.load()
        assert brief == stream.read(text_of(brief), DEFAULT_LIMITS)

    @settings(max_examples=60, deadline=None)
    @given(briefs())
    def test_any_valid_brief(self, brief: Brief) -> None:
        """Every valid brief written is read back record by record."""
        assert brief == stream.read(text_of(brief), DEFAULT_LIMITS)

    def test_compact_and_spaced_text(self) -> None:
        """Any spacing JSON allows between tokens is read."""
        brief = conflictbrief.datasets.load()
        doc = json.loads(text_of(brief))
        compact = json.dumps(doc, separators=(",", ":"))
        spaced = json.dumps(doc, indent="\t", separators=(" \r\n ,", " :  "))
        assert brief == stream.read(compact, DEFAULT_LIMITS)
        assert brief == stream.read(spaced, DEFAULT_LIMITS)
        assert brief == loads(spaced.encode("utf-8-sig"))

    def test_integrity_problems_are_all_reported(self) -> None:
        """Records that all read but do not fit together are refused at once."""
        doc = json.loads(text_of(conflictbrief.datasets.load()))
        doc["statements"][0]["speaker"] = "nobody"
        doc["statements"][1]["citations"][0]["quote"] = "words in no source"
        with pytest.raises(ValidationError) as info:
            stream.read(json.dumps(doc), DEFAULT_LIMITS)
        with pytest.raises(ValidationError) as whole:
            loads(json.dumps(doc))
        assert info.value.problems == whole.value.problems
        assert len(info.value.problems) == 2


def changed(edit: str) -> str:
    """The bundled brief's text with one change, named by *edit*."""
    text = text_of(conflictbrief.datasets.load())
    doc = json.loads(text)
    if edit == "older format":
        return text.replace('"conflictbrief/2"', '"conflictbrief/1"')
    if edit == "format last":
        fmt = doc.pop("format")
        return json.dumps({**doc, "format": fmt})
    if edit == "repeated key":
        return text.replace('"id": "', '"id": "x", "id": "', 1)
    if edit == "repeated collection":
        return text.rstrip()[:-1] + ', "events": []}'
    if edit == "unknown key":
        return text.replace("{", '{"colour": "red", ', 1)
    if edit == "wrong type":
        doc["statements"][0]["summary"] = 5
    elif edit == "not a list":
        doc["actors"] = {}
    elif edit == "text after":
        return text + " []"
    elif edit == "not an object":
        return "[" + text + "]"
    return json.dumps(doc)


class TestReadWhole:
    @pytest.mark.parametrize(
        "edit",
        [
            "older format",
            "repeated key",
            "repeated collection",
            "unknown key",
            "wrong type",
            "not a list",
            "text after",
            "not an object",
        ],
    )
    def test_anything_unusual_is_read_whole(self, edit: str) -> None:
        """What is not a plain valid brief of today is left to the whole read."""
        assert stream.read(changed(edit), DEFAULT_LIMITS) is None

    def test_format_anywhere(self) -> None:
        """The format may come after the collections."""
        assert stream.read(changed("format last"), DEFAULT_LIMITS) is not None

    def test_limits_are_left_to_the_whole_read(self) -> None:
        """A collection over the limit, or a text that may be, is read whole."""
        text = text_of(conflictbrief.datasets.load())
        assert stream.read(text, Limits(records=5)) is None
        assert stream.read(text, Limits(text=50)) is None
        with pytest.raises(ValidationError, match=r"Limits\.records"):
            loads(text, limits=Limits(records=5))

    def test_at_the_limit_is_read(self) -> None:
        """A collection of exactly the limit is read record by record."""
        brief = conflictbrief.datasets.load()
        most = max(len(brief.statements), len(brief.actors), len(brief.sources))
        assert brief == stream.read(text_of(brief), Limits(records=most))
        assert stream.read(text_of(brief), Limits(records=most - 1)) is None


class TestMemory:
    def test_peak_is_below_the_whole_read(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Read record by record, a load peaks well below a read of the whole."""
        doc = json.loads(text_of(conflictbrief.datasets.load()))
        first = doc["statements"][0]
        doc["statements"] += [
            {**first, "id": f"copy-{i}", "summary": f"Copy {i} of the first."}
            for i in range(3000)
        ]
        text = json.dumps(doc)
        peaks = []
        for whole in (False, True):
            if whole:  # as a file that is not read record by record is
                monkeypatch.setattr(stream, "read", lambda *_: None)
            tracemalloc.start()
            brief = loads(text)
            peaks.append(tracemalloc.get_traced_memory()[1])
            tracemalloc.stop()
            assert len(brief.statements) == len(doc["statements"])
        assert peaks[0] < 0.7 * peaks[1], peaks
