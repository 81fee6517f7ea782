"""JSON decoding: bytes and encodings, invalid text, repeated keys, surrogates."""

from __future__ import annotations

import contextlib
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conflictbrief import Limits, Problem, ValidationError, loads
from conflictbrief._format.json_text import may_hold_long_text
from documents import doc_with_raw, load_problems, put, text_of


class TestDecode:
    def test_reads_bytes(self) -> None:
        """UTF-8 bytes read as the text does."""
        assert loads(text_of()) == loads(text_of().encode())

    def test_reads_bytes_with_byte_order_mark(self) -> None:
        """UTF-8 bytes may start with a byte order mark."""
        assert loads(text_of()) == loads(text_of().encode("utf-8-sig"))

    def test_every_repeated_key_at_once(self) -> None:
        """Each object that repeats a key is reported, with its path."""
        data = doc_with_raw('"kind": "region"', '"kind": "region", "kind": "city"')
        data = data.replace('"id": "b"', '"id": "b", "id": "c"')
        expected = (
            Problem("$", "the key 'id' appears twice in one object"),
            Problem("$.places[0]", "the key 'kind' appears twice in one object"),
        )
        assert expected == load_problems(data)

    @settings(max_examples=200, deadline=None)
    @given(st.binary(max_size=200))
    def test_random_bytes(self, data: bytes) -> None:
        """Random bytes raise ValidationError or nothing, never another error."""
        with contextlib.suppress(ValidationError):
            loads(data)

    def test_lone_surrogate(self) -> None:
        """A JSON escape making a lone surrogate is refused: UTF-8 cannot hold it."""
        data = text_of(put("title", value="\ud800"))
        assert ["$.title"] == [p.path for p in load_problems(data)]


class TestLongTextLook:
    """`may_hold_long_text`: a look at the raw text that never misses one."""

    @settings(max_examples=300, deadline=None)
    @given(
        st.lists(st.text(alphabet='ab"\\\n\u00e9\U0001f600', max_size=40), max_size=12),
        st.integers(min_value=1, max_value=30),
        st.booleans(),
    )
    def test_never_misses_a_long_string(
        self, texts: list[str], limit: int, as_keys: bool
    ) -> None:
        """Whenever a string (key or value) is over the limit, it says perhaps."""
        value = dict.fromkeys(texts, 0) if as_keys else texts
        for ascii_only in (True, False):
            raw = json.dumps(value, ensure_ascii=ascii_only)
            if any(len(t) > limit for t in texts):
                assert may_hold_long_text(raw, limit)

    @pytest.mark.parametrize("limit", [2, 4, 5, 9])
    @pytest.mark.parametrize("text", ['"' * 12, '\\"' * 6, "\\" * 12])
    def test_escaped_marks_are_inside(self, text: str, limit: int) -> None:
        """Escaped marks and backslashes do not end a string."""
        assert may_hold_long_text(json.dumps(["a", text, "b"]), limit)

    def test_plain_text_passes(self) -> None:
        """A file of short strings, as briefs are, passes at a look."""
        raw = json.dumps([{"id": f"a-{i}", "name": "x" * 30} for i in range(500)])
        assert not may_hold_long_text(raw, 100)
        assert may_hold_long_text(raw, 10)

    def test_stretch_without_quotes(self) -> None:
        """Where a stretch has no plain mark, the document is walked instead."""
        assert may_hold_long_text("[" + "{}," * 100 + "{}]", 20)
        assert loads(text_of(), limits=Limits(text=1000)).id == "b"
