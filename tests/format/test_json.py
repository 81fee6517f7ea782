"""JSON decoding: bytes and encodings, invalid text, repeated keys, surrogates."""

from __future__ import annotations

import contextlib

from hypothesis import given, settings
from hypothesis import strategies as st

from conflictbrief import Problem, ValidationError, loads
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
