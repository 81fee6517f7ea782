"""Finding a source's own words, its sentences, and what is not cited yet."""

from __future__ import annotations

import pytest

from conflictbrief import Brief, Citation, Source, Statement, ValidationError
from conflictbrief._base.passages import find_passage, sentences, uncovered

TEXT = (
    "Officials said the \u201cbrave\u201d\n  troops\u2019 return was near. "
    "U.S. officials disagreed! \u201cNever,\u201d one said. 2025 will tell?"
)


class TestFindPassage:
    @pytest.mark.parametrize(
        ("fragment", "expected"),
        [
            ('the "brave" troops\'', "the \u201cbrave\u201d\n  troops\u2019"),
            ("  return   was near.  ", "return was near."),
            ("U.S. officials", "U.S. officials"),
        ],
    )
    def test_found_as_the_text_has_it(self, fragment: str, expected: str) -> None:
        """Straight marks and loose spacing find the text's own words."""
        assert expected == find_passage(TEXT, fragment)

    @pytest.mark.parametrize("fragment", ["brave soldiers", "", "   "])
    def test_not_found(self, fragment: str) -> None:
        """Words that are not there, or none at all, find nothing."""
        assert None is find_passage(TEXT, fragment)


class TestSentences:
    def test_split(self) -> None:
        """Sentences end at . ! ? before a capital, digit or opening quote."""
        assert (
            "Officials said the \u201cbrave\u201d troops\u2019 return was near.",
            "U.S. officials disagreed!",
            "\u201cNever,\u201d one said.",
            "2025 will tell?",
        ) == sentences(TEXT)

    def test_uncovered(self) -> None:
        """A sentence holding a quote, or held by one, is covered."""
        quotes = ["officials disagreed", "one said. 2025 will tell?"]
        assert (
            "Officials said the \u201cbrave\u201d troops\u2019 return was near.",
            "\u201cNever,\u201d one said.",
        ) == uncovered(TEXT, quotes)


class TestSourceHelpers:
    def test_passage(self) -> None:
        """Source.passage returns the exact words for a Citation."""
        src = Source(id="s", title="T", kind="article", text=TEXT)
        assert "\u201cNever,\u201d" == src.passage('"Never,"')

    def test_passage_missing(self) -> None:
        """Words not in the text, or no text, are refused, naming the source."""
        src = Source(id="s", title="T", kind="article", text=TEXT)
        with pytest.raises(
            ValidationError, match=r"text of 's', got 'peace' \(no such"
        ):
            src.passage("peace")
        with pytest.raises(ValidationError, match=r"\(no text\)"):
            Source(id="s", title="T", kind="article").passage("peace")

    def test_sentences_without_text(self) -> None:
        """A source with no text has no sentences."""
        assert () == Source(id="s", title="T", kind="image").sentences()

    def test_uncited(self) -> None:
        """Brief.uncited lists, per source, the sentences no record cites."""
        src = Source(id="s", title="T", kind="article", text=TEXT)
        said = Statement(
            id="a",
            date="2025",
            kind="report",
            summary="They disagreed.",
            citations=[Citation(source="s", quote="U.S. officials disagreed!")],
        )
        brief = Brief(
            id="b", title="T", as_of="2025-05-01", sources=[src], statements=[said]
        )
        expected = [("s", s) for s in sentences(TEXT) if "disagreed" not in s]
        assert expected == list(brief.uncited())
        assert expected == list(brief.uncited(src))
