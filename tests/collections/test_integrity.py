"""The checks a whole brief passes: ids, references, quotes, dates and states."""

from __future__ import annotations

from datetime import date
from typing import Any
from unittest import mock

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conflictbrief import Brief, Citation, DateSpan, Problem, ValidationError
from conflictbrief._base.passages import SHORT_TEXT
from conflictbrief._collections import citing
from conflictbrief._collections.integrity import Checker
from conflictbrief._collections.registry import COLLECTIONS
from contracts import (
    ACTORS,
    CITE,
    TEXT,
    actor,
    brief,
    cut,
    deployment,
    event,
    figure,
    place,
    problems_of,
    source,
    statement,
)
from strategies import briefs


def _cited(quote: str, **changes: Any) -> Brief:
    """A brief whose only statement cites *quote* from the source text."""
    return brief(
        statements=[statement(citations=[Citation(source="kcna", quote=quote)])],
        **changes,
    )


class TestBriefIntegrity:
    @pytest.mark.parametrize(
        ("changes", "path", "message"),
        [
            (
                {"actors": [*ACTORS, ACTORS[1]]},
                "$.actors[3].id",
                "expected a unique id, got 'russia' again (first at $.actors[1])",
            ),
            (
                {"places": [place(), place()]},
                "$.places[1].id",
                "expected a unique id, got 'kursk' again (first at $.places[0])",
            ),
            (
                {"statements": [statement(), statement(speaker="kim")]},
                "$.statements[1].id",
                "expected a unique id, got 's1' again (first at $.statements[0])",
            ),
            (
                {"events": [event(), event()]},
                "$.events[1].id",
                "expected a unique id, got 'e1' again (first at $.events[0])",
            ),
        ],
    )
    def test_unique_ids(self, changes: dict[str, Any], path: str, message: str) -> None:
        """Ids are unique within each collection."""
        assert (Problem(path, message),) == problems_of(lambda: brief(**changes))

    def test_same_id_in_different_collections(self) -> None:
        """Ids need only be unique within their own collection."""
        b = brief(events=[event(id="kim")])
        assert "kim" in b.events
        assert "kim" in b.actors

    @pytest.mark.parametrize(
        ("changes", "path", "message"),
        [
            (
                {"actors": [*ACTORS, actor(id="kcna", part_of="n-korea")]},
                "$.actors[3].part_of",
                (
                    "expected the id of an actor in this brief, got 'n-korea'; "
                    "did you mean 'north-korea'?"
                ),
            ),
            (
                {"places": [place(country="rusia")]},
                "$.places[0].country",
                (
                    "expected the id of an actor in this brief, got 'rusia'; "
                    "did you mean 'russia'?"
                ),
            ),
            (
                {"sources": [source(publisher="kcna")]},
                "$.sources[0].publisher",
                "expected the id of an actor in this brief, got 'kcna'",
            ),
            (
                {"statements": [statement(speaker="kim-jong-un")]},
                "$.statements[0].speaker",
                (
                    "expected the id of an actor in this brief, got 'kim-jong-un'; "
                    "did you mean 'kim'?"
                ),
            ),
            (
                {"statements": [statement(about=["kim", "ukraine"])]},
                "$.statements[0].about[1]",
                "expected the id of an actor in this brief, got 'ukraine'",
            ),
            (
                {"statements": [statement(via="kcna")]},
                "$.statements[0].via",
                "expected the id of an actor in this brief, got 'kcna'",
            ),
            (
                {"statements": [statement(responds_to="s11")]},
                "$.statements[0].responds_to",
                (
                    "expected the id of a statement in this brief, got 's11'; "
                    "did you mean 's1'?"
                ),
            ),
            (
                {"deployments": [deployment(sender="south-korea")]},
                "$.deployments[0].sender",
                (
                    "expected the id of an actor in this brief, got 'south-korea'; "
                    "did you mean 'north-korea'?"
                ),
            ),
            (
                {"deployments": [deployment(host="ukraine")]},
                "$.deployments[0].host",
                "expected the id of an actor in this brief, got 'ukraine'",
            ),
            (
                {"deployments": [deployment(place="kurks")]},
                "$.deployments[0].place",
                (
                    "expected the id of a place in this brief, got 'kurks'; "
                    "did you mean 'kursk'?"
                ),
            ),
            (
                {"deployments": [deployment(unit="kpa")]},
                "$.deployments[0].unit",
                "expected the id of an actor in this brief, got 'kpa'",
            ),
            (
                {"deployments": [deployment(reinforces="d0")]},
                "$.deployments[0].reinforces",
                "expected the id of a deployment in this brief, got 'd0'",
            ),
            (
                {"figures": [figure(by=["nis"])]},
                "$.figures[0].by[0]",
                "expected the id of an actor in this brief, got 'nis'",
            ),
            (
                {"figures": [figure(side="zz")]},
                "$.figures[0].side",
                "expected the id of an actor in this brief, got 'zz'",
            ),
            (
                {"figures": [figure(deployment="zz")]},
                "$.figures[0].deployment",
                "expected the id of a deployment in this brief, got 'zz'",
            ),
            (
                {"figures": [figure(event="zz")]},
                "$.figures[0].event",
                "expected the id of an event in this brief, got 'zz'",
            ),
            (
                {"figures": [figure(citations=[Citation(source="zz", quote="x")])]},
                "$.figures[0].citations[0].source",
                "expected the id of a source in this brief, got 'zz'",
            ),
            (
                {"events": [event(participants=["putin"])]},
                "$.events[0].participants[0]",
                "expected the id of an actor in this brief, got 'putin'",
            ),
            (
                {"events": [event(place="moscow")]},
                "$.events[0].place",
                "expected the id of a place in this brief, got 'moscow'",
            ),
            (
                {"events": [event(citations=[Citation(source="yonhap", quote="q")])]},
                "$.events[0].citations[0].source",
                "expected the id of a source in this brief, got 'yonhap'",
            ),
        ],
    )
    def test_references_resolve(
        self, changes: dict[str, Any], path: str, message: str
    ) -> None:
        """Every reference names a record of the right collection in the brief."""
        assert (Problem(path, message),) == problems_of(lambda: brief(**changes))

    def test_part_of_cycle(self) -> None:
        """An actor cannot be, through part_of, a part of itself."""
        actors = [actor(id="a", part_of="b"), actor(id="b", part_of="a"), actor()]
        cycle = "expected a chain of part_of that ends, got a cycle through "
        expected = (
            Problem("$.actors[0].part_of", cycle + "'a'"),
            Problem("$.actors[1].part_of", cycle + "'b'"),
        )
        assert expected == problems_of(
            lambda: Brief(id="b", title="T", as_of=date(2025, 1, 1), actors=actors)
        )

    def test_part_of_leading_into_cycle(self) -> None:
        """Only the actors on a cycle are reported, not one whose chain enters it."""
        actors = [
            actor(id="a", part_of="b"),
            actor(id="b", part_of="a"),
            actor(id="c", part_of="a"),
        ]
        paths = [
            p.path
            for p in problems_of(
                lambda: Brief(id="b", title="T", as_of=date(2025, 1, 1), actors=actors)
            )
        ]
        assert ["$.actors[0].part_of", "$.actors[1].part_of"] == paths

    def test_part_of_itself(self) -> None:
        """An actor that is part of itself is the shortest cycle."""
        actors = [actor(id="a", part_of="a")]
        expected = Problem(
            "$.actors[0].part_of",
            "expected a chain of part_of that ends, got a cycle through 'a'",
        )
        assert (expected,) == problems_of(
            lambda: Brief(id="b", title="T", as_of=date(2025, 1, 1), actors=actors)
        )

    @pytest.mark.parametrize(
        ("changes", "path", "message"),
        [
            (
                {"statements": [statement(responds_to="s1")]},
                "$.statements[0].responds_to",
                "expected another record's id, got its own id 's1'",
            ),
            (
                {"deployments": [deployment(reinforces="d1")]},
                "$.deployments[0].reinforces",
                "expected another record's id, got its own id 'd1'",
            ),
        ],
    )
    def test_no_self_reference(
        self, changes: dict[str, Any], path: str, message: str
    ) -> None:
        """A statement cannot answer itself, nor a contingent reinforce itself."""
        assert (Problem(path, message),) == problems_of(lambda: brief(**changes))

    def test_uncited_record(self) -> None:
        """A record without citations cannot be built, so no brief holds one."""
        expected = (Problem("citations", "expected at least one Citation"),)
        assert expected == problems_of(lambda: event(citations=[]))

    def test_quote_not_in_source(self) -> None:
        """A quote must occur in its source's text when the brief has the text."""
        expected = Problem(
            "$.statements[0].citations[0].quote",
            "expected words found in the text of 'kcna', got 'troops were flown'",
        )
        assert (expected,) == problems_of(lambda: _cited("troops were flown"))

    def test_speaker_quote_not_in_source(self) -> None:
        """A speaker's own words must occur in one of the cited texts."""
        expected = Problem(
            "$.statements[0].quote",
            "expected words found in the text of 'kcna', got 'we sent no one'",
        )
        assert (expected,) == problems_of(
            lambda: brief(statements=[statement(quote="we sent no one")])
        )

    @pytest.mark.parametrize(
        "quote",
        [
            "troops were sent",
            "The troops were sent",
            "The \t troops   were\n\nsent",
            "  Kursk, “officially”, last fall.  ",
            "sent to Kursk",
        ],
    )
    def test_whitespace_runs_compare_equal(self, quote: str) -> None:
        """Runs of whitespace in quote and text compare as one space."""
        assert quote == _cited(quote).statements["s1"].citations[0].quote

    @pytest.mark.parametrize(
        "quote",
        [
            "Troops were sent",
            "the troops were sent",
            "Kursk, “Officially”",
            'Kursk, "officially"',
            "Kursk “officially”",
            "Kursk, 'officially'",
            "sent to Kursk.",
            "troopswere sent",
        ],
    )
    def test_nothing_else_is_normalised(self, quote: str) -> None:
        """Case, punctuation and curly quotes must match the text exactly."""
        (problem,) = problems_of(lambda: _cited(quote))
        assert "$.statements[0].citations[0].quote" == problem.path
        assert problem.message.startswith(
            f"expected words found in the text of 'kcna', got {quote!r}"
        )

    def test_quotation_marks_hint(self) -> None:
        """A quote that differs only in its quotation marks says so."""
        quote = 'Kursk, "officially"'
        expected = Problem(
            "$.statements[0].citations[0].quote",
            f"expected words found in the text of 'kcna', got {quote!r}; the "
            "words are there, with other quotation marks or apostrophes "
            "(\u2019 \u201c \u201d and ' \" differ): copy them from the source",
        )
        assert (expected,) == problems_of(lambda: _cited(quote))

    def test_no_hint_for_other_words(self) -> None:
        """A quote whose words are not in the text gets no hint about marks."""
        (problem,) = problems_of(lambda: _cited("Kursk, 'officially'"))
        assert "quotation marks" not in problem.message

    def test_quote_unchecked_without_text(self) -> None:
        """A source without text cannot refute a quote."""
        b = _cited("anything at all", sources=[source(published="2025-04-28")])
        assert "anything at all" == b.statements["s1"].citations[0].quote

    def test_quote_found_in_any_cited_text(self) -> None:
        """A quote may come from any one of the cited sources' texts."""
        other = source(id="nis", text="The NIS said 11,000.")
        cites = [
            Citation(source="kcna", quote="troops were sent"),
            Citation(source="nis", quote="said 11,000"),
        ]
        b = brief(
            sources=[source(published="2025-04-28", text=TEXT), other],
            statements=[statement(citations=cites, quote="said 11,000")],
        )
        assert "said 11,000" == b.statements["s1"].quote

    @pytest.mark.parametrize(
        ("changes", "path", "message"),
        [
            (
                {"statements": [statement(date="2025-05")]},
                "$.statements[0].date",
                (
                    "expected a date no later than the sources citing it "
                    "(published by 2025-04-28), got 2025-05"
                ),
            ),
            (
                {"deployments": [deployment(date="2025-04-29")]},
                "$.deployments[0].date",
                (
                    "expected a date no later than the sources citing it "
                    "(published by 2025-04-28), got 2025-04-29"
                ),
            ),
            (
                {"deployments": [deployment(until="2025-06")]},
                "$.deployments[0].until",
                (
                    "expected a date no later than the sources citing it "
                    "(published by 2025-04-28), got 2025-06"
                ),
            ),
            (
                {"events": [event(date="2026")]},
                "$.events[0].date",
                (
                    "expected a date no later than the sources citing it "
                    "(published by 2025-04-28), got 2026"
                ),
            ),
        ],
    )
    def test_not_dated_after_sources(
        self, changes: dict[str, Any], path: str, message: str
    ) -> None:
        """No record is dated certainly after every source that cites it."""
        assert (Problem(path, message),) == problems_of(lambda: brief(**changes))

    @pytest.mark.parametrize(
        "changes",
        [
            {"statements": [statement(date="2025-04-28/2025-05-02")]},
            {"statements": [statement(date="2025")]},
            {
                "sources": [source(text=TEXT)],
                "statements": [statement(date="2030")],
            },
        ],
    )
    def test_possibly_before_sources(self, changes: dict[str, Any]) -> None:
        """A date that may precede the source, or an undated source, is accepted."""
        assert 1 == len(brief(**changes).statements)

    def test_dated_before_latest_of_several_sources(self) -> None:
        """A record is checked against the latest of the sources citing it."""
        later = source(id="nis", published="2025-06", text="The NIS said so.")
        cites = [CITE, Citation(source="nis", quote="said so")]
        b = brief(
            sources=[source(published="2025-04-28", text=TEXT), later],
            statements=[statement(date="2025-05-10", citations=cites)],
        )
        assert "2025-05-10" == str(b.statements["s1"].date)

    @pytest.mark.parametrize(
        ("changes", "path", "message"),
        [
            (
                {"deployments": [deployment(sender="kim")]},
                "$.deployments[0].sender",
                "expected the id of a state, got 'kim', which is 'person'",
            ),
            (
                {"deployments": [deployment(host="kim")]},
                "$.deployments[0].host",
                "expected the id of a state, got 'kim', which is 'person'",
            ),
            (
                {"places": [place(country="kim")]},
                "$.places[0].country",
                "expected the id of a state, got 'kim', which is 'person'",
            ),
        ],
    )
    def test_states(self, changes: dict[str, Any], path: str, message: str) -> None:
        """Deployment senders and hosts, and place countries, are states."""
        assert (Problem(path, message),) == problems_of(lambda: brief(**changes))

    def test_until_before_date(self) -> None:
        """A force cannot leave certainly before it arrived."""
        expected = Problem(
            "$.deployments[0].until",
            "expected a departure no earlier than the arrival (2024-10), got 2024-09",
        )
        assert (expected,) == problems_of(
            lambda: brief(deployments=[deployment(until="2024-09")])
        )

    def test_until_overlapping_date(self) -> None:
        """A departure that may fall after the arrival is accepted."""
        b = brief(deployments=[deployment(until="2024-10-20")])
        assert "2024-10-20" == str(b.deployments["d1"].until)

    def test_item_of_wrong_type(self) -> None:
        """A collection holds only its own record type."""
        wrong = event(id="s2")
        shown = cut(repr(wrong))
        expected = Problem("$.statements[1]", f"expected a Statement, got {shown}")
        assert (expected,) == problems_of(
            lambda: brief(statements=[statement(), wrong])
        )

    def test_item_of_wrong_type_article(self) -> None:
        """The message reads "an Event", not "a Event"."""
        wrong = statement(id="e2")
        shown = cut(repr(wrong))
        expected = Problem("$.events[0]", f"expected an Event, got {shown}")
        assert (expected,) == problems_of(lambda: brief(events=[wrong]))

    def test_all_problems_at_once(self) -> None:
        """Every problem is reported, in document order, in one error."""
        expected = (
            Problem(
                "$.statements[0].speaker",
                "expected the id of an actor in this brief, got 'putin'",
            ),
            Problem(
                "$.statements[0].citations[0].quote",
                "expected words found in the text of 'kcna', got 'Troops'",
            ),
            Problem(
                "$.deployments[0].sender",
                "expected the id of a state, got 'kim', which is 'person'",
            ),
            Problem(
                "$.deployments[0].until",
                "expected a departure no earlier than the arrival (2024-10), "
                "got 2024-09",
            ),
            Problem(
                "$.events[0].date",
                "expected a date no later than the sources citing it "
                "(published by 2025-04-28), got 2026",
            ),
        )
        problems = problems_of(
            lambda: brief(
                statements=[
                    statement(
                        speaker="putin",
                        citations=[Citation(source="kcna", quote="Troops")],
                    )
                ],
                deployments=[deployment(sender="kim", until="2024-09")],
                events=[event(date="2026")],
            )
        )
        assert expected == problems

    def test_message_lists_every_problem(self) -> None:
        """The error's text counts the problems and lists one per line."""
        with pytest.raises(ValidationError) as info:
            brief(events=[event(place="x"), event(id="e2", place="y")])
        assert (
            "2 problems:\n"
            "  $.events[0].place: expected the id of a place in this brief, got 'x'\n"
            "  $.events[1].place: expected the id of a place in this brief, got 'y'"
        ) == str(info.value)


class TestDocumentOrder:
    def test_order(self) -> None:
        """Problems sort as their places stand in a file: the whole, keys, records."""
        from conflictbrief._collections.integrity import document_order

        paths = ["$.colour", "$.actors[2].id", "$", "$.actors[0]", "$.title"]
        ordered = sorted(
            (Problem(p, "m") for p in paths),
            key=document_order(attrs.fields_dict(Brief)),
        )
        assert ["$", "$.title", "$.actors[0]", "$.actors[2].id", "$.colour"] == [
            p.path for p in ordered
        ]


class TestOpenDates:
    @pytest.mark.parametrize(
        ("date_", "published", "flagged"),
        [
            ("../2025-05-10", "2025-04-28", True),
            ("../2025-04-20", "2025-04-28", False),
            ("2025-05/..", "2025-04-28", True),
            ("2025-04/..", "2025-04-28", False),
            ("2025-05", "2025-04/..", False),
        ],
    )
    def test_dated_after_sources(
        self, date_: str, published: str, flagged: bool
    ) -> None:
        """An open start is after its sources by its end; an open end never is."""

        def make() -> Brief:
            return brief(
                sources=[source(published=published, text=TEXT)],
                statements=[statement(speaker="kim", date=date_)],
            )

        found = [p.path for p in problems_of(make)] if flagged else make().id
        assert (["$.statements[0].date"] if flagged else "b") == found


def _spoiled(record: Any, how: int) -> Any:
    """*record* with one thing a citation check faults, or as it is (*how* 0)."""
    cites = record.citations
    if how == 1:  # dated after every source (none is published past 9000)
        return attrs.evolve(record, date=DateSpan.parse("9000"))
    if how == 2:  # an open start whose end is after them
        return attrs.evolve(record, date=DateSpan.parse("../9000-01-01"))
    if how == 3:  # a quote in no text
        first = attrs.evolve(cites[0], quote="words in no source at all")
        return attrs.evolve(record, citations=(first, *cites[1:]))
    if how == 4:  # a source the brief lacks
        extra = Citation(source="no-such-source", quote="words")
        return attrs.evolve(record, citations=(*cites, extra))
    if how == 5 and hasattr(record, "until"):  # a departure after the sources
        return attrs.evolve(record, until=DateSpan.parse("9000"))
    if how == 6 and hasattr(record, "quote"):  # its own words in no source
        return attrs.evolve(record, quote="words in no source at all")
    return record


class TestQuickLook:
    @given(data=st.data(), made=briefs(max_records=4))
    @settings(max_examples=60, deadline=None)
    def test_finds_what_a_look_at_every_record_finds(
        self, data: st.DataObject, made: Brief
    ) -> None:
        """The look at whole collections in C that a valid brief passes through
        finds every problem a look at each record in Python finds, in any mix
        of sound and spoiled records."""
        records: dict[str, list[Any]] = {}
        for c in COLLECTIONS:
            records[c.name] = [
                _spoiled(r, data.draw(st.integers(0, 6))) if c.dated else r
                for r in getattr(made, c.name)
            ]
        quick = Checker(records).run()
        with mock.patch.object(
            citing, "_suspects", lambda checker, name, *_: checker.numbered(name)
        ):
            every = Checker(records).run()
        assert every == quick

    # Each way the quick look sends records on to the look at each one, with
    # quotes found as written, so that a valid brief takes the quick look.
    WRITTEN = Citation(source="kcna", quote="were sent to Kursk")
    LONG = "Words of a long report. " * 200 + "The troops were sent to Kursk."

    def _look(self, **changes: Any) -> tuple[list[str], list[tuple[int, str]]]:
        """The paths of the problems of a brief's records with *changes*, and
        the statements and deployments the quick look sends on."""
        base = brief(statements=(), deployments=(), events=())
        records: dict[str, list[Any]] = {
            c.name: list(getattr(base, c.name)) for c in COLLECTIONS
        }
        records["statements"] = [statement(speaker="kim", citations=[self.WRITTEN])]
        records["deployments"] = [deployment(citations=[self.WRITTEN])]
        records.update({name: list(found) for name, found in changes.items()})
        paths = [p.path for p in Checker(records).run()]
        sent = _suspects_of(records, "statements") + _suspects_of(
            records, "deployments"
        )
        return paths, [(i, r.id) for i, r in sent]

    def test_a_valid_brief_sends_on_only_its_deployments(self) -> None:
        """A valid brief's statements pass the quick look; each deployment is
        looked at alone, as its departure is checked too."""
        assert ([], [(0, "d1")]) == self._look()

    def test_a_departure_after_the_sources(self) -> None:
        """A deployment that arrived before its source was published but
        left after it is found, though its arrival passes."""
        late = deployment(citations=[self.WRITTEN], until="2025-06")
        paths, _ = self._look(deployments=[late])
        assert ["$.deployments[0].until"] == paths

    def test_dated_after_its_first_source_only(self) -> None:
        """A record dated after its first source but not its second is not
        faulted, and one dated after both is."""
        later = source(id="later", published="2025-08-01", text=TEXT)
        both = [self.WRITTEN, Citation(source="later", quote="were sent")]
        fine = statement(speaker="kim", date="2025-06", citations=both)
        after = statement(id="s2", speaker="kim", date="2025-09", citations=both)
        paths, sent = self._look(
            sources=[source(published="2025-04-28", text=TEXT), later],
            statements=[fine, after],
        )
        assert ["$.statements[1].date"] == paths
        assert [(0, "s1"), (1, "s2"), (0, "d1")] == sent

    def test_own_words_in_a_later_source(self) -> None:
        """A statement's own words found only in its second source pass; in
        none, they are faulted."""
        other_text = source(id="other", published="2025-04-28", text="Kim said no.")
        cites = [self.WRITTEN, Citation(source="other", quote="Kim said")]
        found = statement(speaker="kim", quote="said no", citations=cites)
        lost = statement(id="s2", speaker="kim", quote="said yes", citations=cites)
        paths, _ = self._look(
            sources=[source(published="2025-04-28", text=TEXT), other_text],
            statements=[found, lost],
        )
        assert ["$.statements[1].quote"] == paths

    def test_a_long_text(self) -> None:
        """A text longer than a scan is cheap is looked in through its
        index: a quote in it passes, one not in it is faulted."""
        assert len(self.LONG) > SHORT_TEXT
        long = source(published="2025-04-28", text=self.LONG)
        there = Citation(source="kcna", quote="troops were sent")
        missing = Citation(source="kcna", quote="troops were not sent")
        paths, _ = self._look(
            sources=[long],
            statements=[
                statement(speaker="kim", citations=[there]),
                statement(id="s2", speaker="kim", citations=[missing]),
            ],
            deployments=[],
        )
        assert ["$.statements[1].citations[0].quote"] == paths

    def test_duplicate_source_ids_as_before(self) -> None:
        """Of two sources with one id, the last one's publication counts in
        the date check, as it always has: an open end checks no date."""
        sources = [
            source(published="2024-10-05", text=TEXT),
            source(published="2024/..", text=TEXT),
        ]
        paths, _ = self._look(sources=sources)
        assert ["$.sources[1].id"] == paths


def _suspects_of(records: dict[str, list[Any]], name: str) -> list[tuple[int, Any]]:
    """What `citing._suspects` sends on of *name* when *records* are checked."""
    sent: list[tuple[int, Any]] = []
    real = citing._suspects

    def spy(checker: Checker, asked: str, *rest: Any) -> Any:
        found = list(real(checker, asked, *rest))
        if asked == name:
            sent.extend(found)
        return found

    with mock.patch.object(citing, "_suspects", spy):
        Checker(records).run()
    return sent
