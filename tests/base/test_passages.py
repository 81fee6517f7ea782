"""Finding a source's own words, its sentences, and what is not cited yet."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conflictbrief import Brief, Citation, Source, Statement, ValidationError
from conflictbrief._base.passages import TextIndex, find_passage, sentences, uncovered

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

    def test_quote_twice_in_the_text(self) -> None:
        """A quote stands for its first occurrence: a later one stays uncited."""
        text = "Kim said troops left. Officials later said troops left."
        assert ("Officials later said troops left.",) == uncovered(
            text, ["troops left"]
        )

    def test_quote_across_lines(self) -> None:
        """A quote's spaces match any run of whitespace in the text."""
        assert () == uncovered("One line\n  broken. Two.", ["line broken", "Two."])

    @given(
        st.lists(
            st.sampled_from(["Ab.", "Cd ef.", "Ab cd.", "Ef!", "Gh ab."]), max_size=8
        ),
        st.lists(
            st.sampled_from(["Ab", "cd", "ef. Ab", "Ab cd. Ef", "ab."]), max_size=4
        ),
    )
    def test_as_a_scan_would(self, parts: list[str], quotes: list[str]) -> None:
        """The sentences found are those a scan of each quote's first place finds."""
        text = " ".join(parts)
        flat = " ".join(text.split())
        places = []
        at = 0
        for sentence in sentences(text):
            at = flat.index(sentence, at)
            places.append((at, at + len(sentence)))
            at += len(sentence)
        firsts = [(i, i + len(q)) for q in quotes if (i := flat.find(q)) >= 0]
        expected = tuple(
            flat[a:b]
            for a, b in places
            if not any((a <= i and j <= b) or (i <= a and b <= j) for i, j in firsts)
        )
        assert expected == uncovered(text, quotes)

    def test_same_quote_given_often(self) -> None:
        """Many citations of one quote cover what one does."""
        assert ("B b.",) == uncovered("A a. B b.", ["A a"] * 1000)


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


class TestTextIndex:
    @given(
        st.text(alphabet="ab \n", max_size=60),
        st.lists(st.text(alphabet="ab \n", min_size=1, max_size=12), max_size=40),
    )
    def test_as_in_says(self, text: str, fragments: list[str]) -> None:
        """Scanned or indexed, a fragment is found where `str.find` finds it."""
        index = TextIndex(text)
        warm = ["a"] * 16  # the scans before the index is built
        asked = warm + fragments
        assert [text.find(f) for f in asked] == [index.find(f) for f in asked]
        assert [f in text for f in fragments] == [f in index for f in fragments]

    def test_finds_late_words(self) -> None:
        """Fragments late in a long text are found once the index is built."""
        text = " ".join(f"word{i:05}" for i in range(20_000))
        index = TextIndex(text)
        assert all(f"word{i:05} word{i + 1:05}" in index for i in range(19_000, 19_050))
        assert "word19999 word00000" not in index
