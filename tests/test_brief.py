"""Brief: building one, and the questions it answers about its records."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, ClassVar

import attrs
import pytest
from hypothesis import given

from conflictbrief import (
    Actor,
    Brief,
    Dispute,
    Estimate,
    Match,
    Problem,
    Records,
    UnknownIdError,
    ValidationError,
)
from conflictbrief._collections.registry import COLLECTIONS
from contracts import ACTORS, ValueObjectContract, brief, briefly, problems_of
from query_brief import BRIEF, ids
from strategies import briefs


class TestBrief(ValueObjectContract):
    cls = Brief
    make = staticmethod(brief)
    bad: ClassVar[dict[str, Any]] = {"as_of": "2025-04"}
    problem = Problem(
        "as_of", "expected a day: a datetime.date or 'YYYY-MM-DD', got '2025-04' (str)"
    )

    def test_as_of_takes_an_edtf_day(self) -> None:
        """as_of takes one day as EDTF writes it, as record dates take EDTF."""
        given = Brief(id="b", title="T", as_of="2025-01-11")
        assert date(2025, 1, 11) == given.as_of

    def test_collections_from_any_iterable(self) -> None:
        """Collections take generators and become `Records` in the given order."""
        b = brief(actors=(a for a in ACTORS))
        assert isinstance(b.actors, Records)
        assert list(ACTORS) == list(b.actors)

    @pytest.mark.parametrize("value", ["kim", 5])
    def test_collection_refuses_non_iterables(self, value: object) -> None:
        """A bare string or a number where a collection belongs is refused."""
        message = (
            f"expected a list or other iterable of records, got {value!r} "
            f"({type(value).__name__})"
        )
        assert (Problem("statements", message),) == problems_of(
            lambda: brief(statements=value)
        )

    def test_defaults_to_empty(self) -> None:
        """A brief needs only an id, a title and a date."""
        b = Brief(id="b", title="T", as_of=date(2025, 1, 1))
        assert (None, 0) == (
            b.summary,
            sum(
                len(r)
                for r in (
                    b.actors,
                    b.places,
                    b.sources,
                    b.statements,
                    b.deployments,
                    b.events,
                )
            ),
        )

    def test_as_of_refuses_datetime(self) -> None:
        """`as_of` is a day: a datetime is refused, not truncated."""
        moment = datetime(2025, 4, 28, 12)  # noqa: DTZ001
        message = f"expected a day: a datetime.date or 'YYYY-MM-DD', got {moment!r}"
        assert (Problem("as_of", message),) == problems_of(lambda: brief(as_of=moment))

    @briefly
    @given(briefs())
    def test_generated_briefs_rebuild_equal(self, b: Brief) -> None:
        """Any valid brief rebuilds from its own fields into an equal brief."""
        copy = attrs.evolve(b)
        assert (b, hash(b)) == (copy, hash(copy))


class TestTimeline:
    def test_order(self) -> None:
        """Records sort by earliest day, then latest, then events first."""
        expected = [
            "treaty",
            "main-troops",
            "main",
            "estimate",
            "small-troops",
            "small",
            "raid",
            "reinforcements",
            "claim",
            "rebuttal",
            "meeting",
            "thanks",
            "confirm",
            "praise",
        ]
        assert expected == ids(BRIEF.timeline())

    def test_during(self) -> None:
        """during limits the timeline to records possibly in the span."""
        expected = ["raid", "reinforcements", "claim", "rebuttal", "meeting", "thanks"]
        assert expected == ids(BRIEF.timeline(during="2025-04-26/2025-04-27"))

    def test_during_strict(self) -> None:
        """strict keeps only records certainly in the span."""
        assert ["meeting", "thanks"] == ids(
            BRIEF.timeline(during="2025-04-26/2025-04-27", strict=True)
        )


class TestDisputes:
    def test_disputes(self) -> None:
        """Each disputed claim comes with the statements disputing it."""
        claim, rebuttal = BRIEF.statements["claim"], BRIEF.statements["rebuttal"]
        assert (Dispute(claim=claim, rebuttals=(rebuttal,)),) == BRIEF.disputes()

    def test_dispute_without_target(self) -> None:
        """A dispute that responds to nothing names no claim."""
        loose = attrs.evolve(BRIEF.statements["rebuttal"], responds_to=None)
        statements = [loose if s.id == "rebuttal" else s for s in BRIEF.statements]
        assert () == attrs.evolve(BRIEF, statements=statements).disputes()

    def test_none(self) -> None:
        """A brief without disputes has none."""
        assert (
            ()
            == attrs.evolve(
                BRIEF, statements=BRIEF.statements.where(kind="praise")
            ).disputes()
        )


class TestTroops:
    def test_combined(self) -> None:
        """Deployments not known to be apart may send the same troops: combined.

        The smaller unit's deployment overlaps the main one in time, and
        the brief gives no place or unit that sets it apart; a deployment
        without a figure adds nothing.
        """
        expected = Estimate(best=None, low=400, high=11_000, approximate=True)
        assert expected == BRIEF.troops(sender="north-korea", host="russia")
        assert "about 400\N{EN DASH}11,000" == str(expected)

    def test_on(self) -> None:
        """on counts only deployments present then."""
        assert Estimate(best=11_000, approximate=True) == BRIEF.troops(
            active_on="2025-03"
        )
        assert Estimate(best=11_000, approximate=True) == BRIEF.troops(
            active_on="2025-03", strict=True
        )

    def test_none_without_figures(self) -> None:
        """None when no matching deployment gives a figure."""
        assert BRIEF.troops(sender="ukraine") is None
        assert BRIEF.troops(active_on="2024-08") is None


class TestEvidence:
    def test_pairs(self) -> None:
        """evidence() gives each citation's source and quote."""
        record = BRIEF.statements["praise"]
        expected = ((BRIEF.sources["article"], "Kim praised the soldiers."),)
        assert expected == BRIEF.evidence(record)

    def test_not_a_record(self) -> None:
        """An actor or an id is refused, naming what evidence() takes."""
        cited = ", ".join(c.cls.__name__ for c in COLLECTIONS if c.dated)
        with pytest.raises(TypeError, match=f"takes a {cited}, got Actor"):
            BRIEF.evidence(BRIEF.actors["kim"])  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="got 'praise' \\(str\\)"):
            BRIEF.evidence("praise")  # type: ignore[arg-type]

    def test_foreign_record(self) -> None:
        """A record that is not in the brief is refused."""
        stranger = attrs.evolve(BRIEF.statements["praise"], id="stranger")
        with pytest.raises(UnknownIdError, match="'stranger'"):
            BRIEF.evidence(stranger)


class TestMerge:
    def test_union(self) -> None:
        """Merging keeps identical records once and adds the rest."""
        left = attrs.evolve(BRIEF, events=BRIEF.events.where(kind="agreement"))
        right = attrs.evolve(
            BRIEF,
            id="other",
            as_of=date(2025, 5, 1),
            statements=(),
            deployments=(),
            figures=(),
        )
        merged = left.merge(right)
        assert ["treaty", "meeting"] == ids(merged.events)
        assert BRIEF.statements == merged.statements
        assert ("fixture", date(2025, 5, 1)) == (merged.id, merged.as_of)

    def test_not_a_brief(self) -> None:
        """merge() refuses anything but a brief."""
        with pytest.raises(TypeError, match="merge\\(\\) takes a Brief, got None"):
            BRIEF.merge(None)  # type: ignore[arg-type]

    def test_conflict(self) -> None:
        """A record that differs in a field is refused, naming the field and both."""
        changed = attrs.evolve(BRIEF.actors["kim"], kind="group")
        other = attrs.evolve(
            BRIEF,
            id="other",
            actors=[changed if a.id == "kim" else a for a in BRIEF.actors],
        )
        with pytest.raises(
            ValidationError,
            match=r"\$\.actors\[4\]\.kind: expected the same kind as 'fixture' has "
            r"for 'kim' \('person'\), got 'group'",
        ):
            BRIEF.merge(other)

    def test_same(self) -> None:
        """same= makes a record of the other brief one of this brief's."""
        other = brief(
            id="other",
            actors=[*ACTORS[:2], attrs.evolve(ACTORS[2], id="kim-jong-un")],
            statements=[],
            deployments=[],
            events=[],
        )
        merged = BRIEF.merge(other, same={"kim-jong-un": "kim"})
        assert "kim-jong-un" not in merged.actors
        assert BRIEF.actors["kim"] == merged.actors["kim"]


class TestMatches:
    def test_names(self) -> None:
        """matches() lists actors of the other brief named like one of ours."""
        other = brief(
            id="other",
            actors=[*ACTORS[:2], attrs.evolve(ACTORS[2], id="kim-jong-un")],
            statements=[],
            deployments=[],
            events=[],
        )
        expected = (
            Match(
                collection="actors",
                ours="kim",
                theirs="kim-jong-un",
                reason="same name 'Kim Jong Un'",
            ),
        )
        assert expected == BRIEF.matches(other)

    def test_not_a_brief(self) -> None:
        """matches() refuses anything but a brief."""
        with pytest.raises(TypeError, match="matches\\(\\) takes a Brief, got 1"):
            BRIEF.matches(1)  # type: ignore[arg-type]


class TestExtend:
    def test_adds(self) -> None:
        """extend() adds records, which may refer to the brief's own."""
        general = Actor(id="general", name="A general", kind="person", part_of="kim")
        extended = BRIEF.extend(actors=[general])
        assert (*BRIEF.actors, general) == tuple(extended.actors)
        assert BRIEF.statements == extended.statements

    def test_duplicate(self) -> None:
        """A record with an id the brief holds is the usual integrity error."""
        with pytest.raises(ValidationError, match=r"\$\.actors\[13\]\.id: .*'kim'"):
            BRIEF.extend(actors=[BRIEF.actors["kim"]])

    def test_unknown(self) -> None:
        """A keyword that is not a collection is a TypeError naming them all."""
        with pytest.raises(
            TypeError,
            match=r"extend\(\) takes the collections actors, places, .*, got 'people'",
        ):
            BRIEF.extend(people=[])

    def test_every_collection(self) -> None:
        """extend() takes every collection of the table, with nothing to add."""
        assert BRIEF == BRIEF.extend(**{c.name: () for c in COLLECTIONS})


class TestTimelineOpenDates:
    def test_open_start_first(self) -> None:
        """A record with an open start sorts before every bounded one."""
        first = attrs.evolve(
            next(iter(BRIEF.statements)), id="undated", date="../2025-03"
        )
        later = attrs.evolve(BRIEF, statements=[*BRIEF.statements, first])
        assert "undated" == later.timeline()[0].id
