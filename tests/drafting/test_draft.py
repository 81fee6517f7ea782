"""draft(): scored against the gold set, checked, merged, and fed hostile text."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from scoring import Score, drafted, names, score_figures, score_statements, world

from conflictbrief import Brief, ConflictBriefError, ValidationError, dumps, loads
from conflictbrief.drafting import MAX_SENTENCE, MAX_TEXT, draft
from conflictbrief.drafting._phrases import DATE_PHRASE
from running import call_time, run_script

TEXTS = names()


def test_gold_set_is_whole() -> None:
    """Fourteen gold texts, each with statements and figures to find."""
    assert (14, True) == (
        len(TEXTS),
        all(drafted(n)[1]["statements"] and drafted(n)[1]["figures"] for n in TEXTS),
    )


class TestScores:
    """Precision and recall over the gold set, as the thresholds demand."""

    def test_scores(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Statements, figures, their by and side, and dates, above each floor."""
        said, counted = Score(0, 0, 0), Score(0, 0, 0)
        lines = []
        for name in TEXTS:
            result, gold = drafted(name)
            s = score_statements(result, gold["statements"])
            f = score_figures(result, gold["figures"])
            said, counted = said + s, counted + f
            lines.append(
                f"{name:34} statements P {s.precision:.2f} R {s.recall:.2f} "
                f"dates {s.right}/{s.checked}; figures P {f.precision:.2f} "
                f"R {f.recall:.2f} by+side {f.right}/{f.checked}"
            )
        with capsys.disabled():
            print("\n" + "\n".join(lines))  # noqa: T201
            print(  # noqa: T201
                f"all: statements P {said.precision:.2f} R {said.recall:.2f}, "
                f"dates {said.right / said.checked:.2f}; figures P "
                f"{counted.precision:.2f} R {counted.recall:.2f}, by+side "
                f"{counted.right / counted.checked:.2f}"
            )
        assert [True] * 6 == [
            said.recall >= 0.7,
            said.precision >= 0.8,
            counted.recall >= 0.8,
            counted.precision >= 0.8,
            counted.right >= 0.7 * counted.checked,
            said.right >= 0.8 * said.checked,
        ]


class TestDrafts:
    """Every draft is a brief that loads, cites verbatim and invents no day."""

    @pytest.mark.parametrize("name", TEXTS)
    def test_round_trips(self, name: str) -> None:
        """A draft is written and read back unchanged."""
        brief = drafted(name)[0].brief
        assert brief == loads(dumps(brief))

    @pytest.mark.parametrize("name", TEXTS)
    def test_quotes_verbatim(self, name: str) -> None:
        """Every citation and every statement's quote is in the text as written."""
        result, gold = drafted(name)
        quotes = [c.quote for r in result.brief.statements for c in r.citations]
        quotes += [s.quote for s in result.brief.statements if s.quote]
        quotes += [c.quote for r in result.brief.figures for c in r.citations]
        assert [] == [q for q in quotes if q not in gold["text"]]

    @pytest.mark.parametrize("name", TEXTS)
    def test_no_day_invented(self, name: str) -> None:
        """A statement is dated finer than the publication day only by a phrase."""
        result, gold = drafted(name)
        published = date.fromisoformat(gold["published"])
        invented = [
            s.id
            for s in result.brief.statements
            if s.date.earliest is not None
            and not DATE_PHRASE.search(s.citations[0].quote)
        ]
        undated = [s for s in result.brief.statements if s.date.earliest is None]
        assert ([], True) == (
            invented,
            all(s.date.latest == published and s.date.unknown for s in undated),
        )

    def test_known_ids_merge(self) -> None:
        """Known actors keep their ids, so merging needs no `same=`."""
        known = world()
        result, _ = drafted("harrow-shelling")
        merged = known.merge(result.brief)
        drafted_ids = {a.id for a in result.brief.actors}
        new = drafted_ids - {a.id for a in known.actors}
        assert (True, len(known.actors) + len(new)) == (
            {"pellonia", "corvala"} <= drafted_ids,
            len(merged.actors),
        )

    def test_notes_point_to_sentences(self) -> None:
        """Every note names a sentence of the text, and a neutral verb is noted."""
        result, gold = drafted("harrow-shelling")
        assert (True, True) == (
            all(n.sentence in gold["text"] for n in result.notes),
            any("neutral verb 'said'" in n.message for n in result.notes),
        )

    def test_without_known(self) -> None:
        """Real states come from the built-in table, with their ISO 3166 code."""
        text = (
            "Russian President Vladimir Putin said on Monday that 2,000 Ukrainian "
            "soldiers had been killed. Ukraine denied the claim on Tuesday."
        )
        brief = draft(text, published="2025-04-30").brief
        figure = next(iter(brief.figures))
        assert (
            ["vladimir-putin", "ukraine"],
            ["claim", "deny"],
            ["2025-04-28", "2025-04-29"],
            ("killed", 2000, "ukraine", ("vladimir-putin",)),
            "UKR",
        ) == (
            [s.speaker for s in brief.statements],
            [s.kind.value for s in brief.statements],
            [str(s.date) for s in brief.statements],
            (figure.kind.value, figure.count.best, figure.side, figure.by),
            brief.actors["ukraine"].ids.cameo,
        )


class TestForms:
    """Forms a first review found read wrongly, each read right."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Russia said 2\u00a0000 soldiers were killed.", ("killed", "2,000")),
            ("Russia said 40-60 soldiers were killed.", ("killed", "40\N{EN DASH}60")),
            (
                "Russia said 40 to 60 soldiers were killed.",
                ("killed", "40\N{EN DASH}60"),
            ),
            ("Russia said 40 soldiers were killed or wounded.", ("casualties", "40")),
        ],
        ids=["space-thousands", "dash-range", "to-range", "killed-or-wounded"],
    )
    def test_counts(self, text: str, expected: tuple[str, str]) -> None:
        """Thousands split by a space, ranges, and 'killed or wounded'."""
        figures = draft(text, published="2025-04-28").brief.figures
        assert [expected] == [(f.kind.value, str(f.count)) for f in figures]

    @pytest.mark.parametrize(
        ("text", "speakers"),
        [
            ("Kim Yo Jong, the sister of leader Kim Jong Un, warned Seoul.",
             ["kim-yo-jong"]),
            ("Velmark's defence minister, Nikos Varr, said the war was over.",
             ["nikos-varr"]),
            ("Hezbollah denied the report, and accused Israel of lying.",
             ["hezbollah", "hezbollah"]),
            ("The report, and accused Israel of lying.", []),
            ("The Kremlin said on Monday that it had no plans.", ["kremlin"]),
            ("In a report, the UN human rights office said it was alarmed.",
             ["un-human-rights-office"]),
        ],
        ids=["name-first", "name-second", "shared", "shared-none", "kremlin",
             "un-body"],
    )  # fmt: skip
    def test_speakers(self, text: str, speakers: list[str]) -> None:
        """Appositives, shared subjects, and bodies named by an acronym."""
        brief = draft(text, published="2025-04-28").brief
        assert speakers == [s.speaker for s in brief.statements]

    def test_the_group(self) -> None:
        """'The group' refers to a group or an armed force, not to an army."""
        text = (
            "The Israeli army said on Monday it had struck positions. "
            "The group denied this, Hezbollah said."
        )
        brief = draft(text, published="2025-04-28").brief
        assert "israel-army" != [s.speaker for s in brief.statements][1]


class TestEvents:
    """Events are drafted only where the text names who did what."""

    def test_named_doer(self) -> None:
        """'X struck Y on DAY': a strike by X on Y, dated by its phrase."""
        text = "Russia struck Ukraine on Sunday, officials said."
        event = next(iter(draft(text, published="2025-04-28").brief.events))
        assert ("strike", ("russia", "ukraine"), "2025-04-27") == (
            event.kind.value,
            event.participants,
            str(event.date),
        )

    @pytest.mark.parametrize(
        "text",
        [
            "Artillery shells struck the town on Sunday.",
            "Russia has not attacked Ukraine, officials said.",
            "“Russia attacked us,” Ukraine said.",
        ],
        ids=["no-doer", "negated", "quoted"],
    )
    def test_no_event(self, text: str) -> None:
        """No named doer, a negation or a quotation gives no event."""
        assert 0 == len(draft(text, published="2025-04-28").brief.events)


class TestRefusals:
    """Bad input is refused with a ConflictBriefError naming what was wrong."""

    @pytest.mark.parametrize(
        ("text", "options", "message"),
        [
            (b"bytes", {}, r"text: expected the article as a string"),
            ("", {}, r"text: expected an article"),
            ("a\x00b", {}, r"text: expected text without control characters"),
            ("x" * (MAX_TEXT + 1), {}, r"expected at most 1,000,000 characters"),
            ("Text.", {"published": "28/04/2025"}, r"published: expected a day"),
            ("Text.", {"known": "brief.json"}, r"known: expected a Brief or None"),
            ("Text.", {"title": " "}, r"title: expected a non-empty string"),
        ],
        ids=["bytes", "empty", "control", "too-long", "day", "known", "title"],
    )
    def test_refused(
        self, text: object, options: dict[str, object], message: str
    ) -> None:
        """Each is refused before anything is drafted."""
        given: dict[str, object] = {"published": "2025-04-28", **options}
        with pytest.raises(ValidationError, match=message):
            draft(text, **given)  # type: ignore[arg-type]

    def test_long_sentence_noted(self) -> None:
        """A run of text with no sentence end is left out, with a note."""
        result = draft("word " * 10_000, published="2025-04-28")
        assert (0, [f"over {MAX_SENTENCE:,}"]) == (
            len(result.brief.statements),
            re.findall(r"over 1,000", result.notes[0].message),
        )


SHAPES: dict[str, Callable[[int], str]] = {
    "no-punctuation": lambda n: "word " * (50 * n),
    "numbers": lambda n: " ".join(f"{i}." for i in range(10 * n)),
    "unbalanced-quotes": lambda n: "“He said it. " * (5 * n),
    "statements": lambda n: "Anton Varga said on Monday the troops left. " * n,
    "new-names": lambda n: " ".join(
        f"President Alpha{i} Beta{i} said that {i} soldiers were killed."
        for i in range(n)
    ),
}


class TestHostile:
    """Hostile text drafts in time linear in its length."""

    @pytest.mark.parametrize("shape", SHAPES)
    def test_linear(self, shape: str) -> None:
        """Four times the text costs less than six times the time."""
        make = SHAPES[shape]
        little, big = make(300), make(1200)
        ratio = call_time(lambda: draft(big, published="2025-04-28")) / call_time(
            lambda: draft(little, published="2025-04-28")
        )
        assert ratio < 6, f"4x the text took {ratio:.1f}x the time"

    def test_ten_megabytes_refused(self) -> None:
        """A 10 MB text is refused unread, as a ConflictBriefError."""
        with pytest.raises(ConflictBriefError, match="at most 1,000,000"):
            draft("a" * 10_000_000, published="2025-04-28")


class TestCommand:
    """conflictbrief draft: the JSON on stdout, the notes on stderr."""

    def test_draft_file(self, tmp_path: Path) -> None:
        """A drafted file's JSON loads; its notes go to standard error."""
        article = tmp_path / "a.txt"
        article.write_text(
            "Ukraine's defence ministry said on Monday that 300 Russian soldiers "
            "had been killed.",
            encoding="utf-8",
        )
        done = run_script(
            "-m", "conflictbrief", "draft", str(article), "--published", "2025-04-29",
            "--title", "A test",
        )  # fmt: skip
        brief = loads(done.stdout)
        assert (0, "A test", 1, True) == (
            done.returncode,
            brief.title,
            len(brief.figures),
            done.stderr.startswith("note: "),
        )

    def test_bad_day(self, tmp_path: Path) -> None:
        """A day that is not one is the user's error: one line, exit 2."""
        article = tmp_path / "a.txt"
        article.write_text("Text.", encoding="utf-8")
        done = run_script(
            "-m", "conflictbrief", "draft", str(article), "--published", "2025-13-01"
        )
        assert (2, 1) == (done.returncode, len(done.stderr.splitlines()))

    def test_not_utf8(self, tmp_path: Path) -> None:
        """A file that is not UTF-8 text is refused in one line, exit 2."""
        article = tmp_path / "a.bin"
        article.write_bytes(b"\x94\x00\xff")
        done = run_script(
            "-m", "conflictbrief", "draft", str(article), "--published", "2025-04-29"
        )
        assert (2, ["error: text: expected UTF-8 text"]) == (
            done.returncode,
            [line[:32] for line in done.stderr.splitlines()],
        )

    def test_known(self, tmp_path: Path) -> None:
        """--known reads a brief whose actors are matched first."""
        known = tmp_path / "known.json"
        known.write_text(dumps(world()), encoding="utf-8")
        article = tmp_path / "a.txt"
        article.write_text("Corvala denied on Monday that it had sent troops.")
        done = run_script(
            "-m", "conflictbrief", "draft", str(article), "--published", "2025-04-29",
            "--known", str(known),
        )  # fmt: skip
        brief: Brief = loads(done.stdout)
        assert ["corvala"] == [s.speaker for s in brief.statements]
