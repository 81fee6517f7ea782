"""The query layer: Records.where, named, members and the Brief's questions."""

from __future__ import annotations

import threading
from datetime import date
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import conflictbrief as cb
from conflictbrief import (
    Actor,
    Brief,
    Citation,
    DateSpan,
    Deployment,
    Dispute,
    Estimate,
    Event,
    Place,
    Source,
    Statement,
    UnknownIdError,
    ValidationError,
)
from strategies import briefs, spans

TEXT = (
    "North Korea confirmed its troops fought in Kursk. Kim praised the soldiers. "
    "Putin thanked the North Korean forces. Russia claimed full control of Kursk. "
    "Ukraine's military disputed Russia's claim. Special forces reported a raid. "
    "Analysts estimate 11,000 troops were sent last fall. "
    "Reinforcements followed this year. A smaller unit served from October to "
    "February. Trump and Zelenskyy met in Vatican City. The treaty was signed."
)


def cite(quote: str) -> list[Citation]:
    return [Citation(source="article", quote=quote)]


def make_brief() -> Brief:
    actors = [
        Actor(id="north-korea", name="North Korea", kind="state", aliases=["DPRK"]),
        Actor(id="russia", name="Russia", kind="state"),
        Actor(id="ukraine", name="Ukraine", kind="state"),
        Actor(id="usa", name="United States", kind="state", aliases=["U.S."]),
        Actor(id="kim", name="Kim Jong Un", kind="person", part_of="north-korea"),
        Actor(id="kcna", name="KCNA", kind="media", part_of="north-korea"),
        Actor(id="putin", name="Vladimir Putin", kind="person", part_of="russia"),
        Actor(
            id="ukr-military",
            name="Ukraine's military",
            kind="armed_force",
            part_of="ukraine",
        ),
        Actor(
            id="sof",
            name="Special Operations Forces",
            kind="armed_force",
            part_of="ukr-military",
        ),
        Actor(id="zelenskyy", name="Volodymyr Zelenskyy", kind="person"),
        Actor(id="trump", name="Donald Trump", kind="person", part_of="usa"),
        Actor(id="analysts", name="Military analysts", kind="group"),
        Actor(id="kp-army", name="Korean People's Army", kind="armed_force"),
    ]
    places = [
        Place(id="kursk", name="Kursk region", kind="region", country="russia"),
        Place(id="vatican", name="Vatican City", kind="city"),
    ]
    sources = [
        Source(
            id="article",
            title="Article",
            kind="article",
            published="2025-04-28",
            publisher="usa",
            text=TEXT,
        ),
        Source(id="image", title="Image", kind="image"),
    ]
    statements = [
        Statement(
            id="confirm",
            speaker="north-korea",
            via="kcna",
            date="2025-04-28",
            kind="confirm",
            summary="North Korea confirmed the deployment.",
            about=["north-korea", "russia"],
            citations=cite("North Korea confirmed its troops fought in Kursk."),
        ),
        Statement(
            id="praise",
            speaker="kim",
            date="2025-04-28",
            kind="praise",
            summary="Kim praised the soldiers.",
            about=["north-korea"],
            citations=cite("Kim praised the soldiers."),
        ),
        Statement(
            id="thanks",
            speaker="putin",
            date="2025-04-26/2025-04-27",
            kind="thank",
            summary="Putin thanked the North Korean forces.",
            about=["north-korea"],
            citations=cite("Putin thanked the North Korean forces."),
        ),
        Statement(
            id="claim",
            speaker="russia",
            date="2025-04",
            kind="claim",
            summary="Russia claimed full control of Kursk.",
            about=["russia"],
            citations=cite("Russia claimed full control of Kursk."),
        ),
        Statement(
            id="rebuttal",
            speaker="ukr-military",
            date="2025-04",
            kind="dispute",
            summary="Ukraine's military disputed the claim.",
            about=["russia"],
            responds_to="claim",
            citations=cite("Ukraine's military disputed Russia's claim."),
        ),
        Statement(
            id="raid",
            speaker="sof",
            date="2024-12/2025-04-28",
            kind="report",
            summary="Special forces reported a raid.",
            citations=cite("Special forces reported a raid."),
        ),
        Statement(
            id="estimate",
            date="2024-23",
            kind="assess",
            summary="Analysts estimate the troops sent.",
            citations=cite("Analysts estimate 11,000 troops were sent last fall."),
        ),
    ]
    deployments = [
        Deployment(
            id="main",
            sender="north-korea",
            host="russia",
            date="2024-23",
            troops=Estimate(best=11_000, approximate=True),
            place="kursk",
            unit="kp-army",
            estimated_by=["analysts"],
            citations=cite("Analysts estimate 11,000 troops were sent last fall."),
        ),
        Deployment(
            id="reinforcements",
            sender="north-korea",
            host="russia",
            date="2025-01-01/2025-04-28",
            reinforces="main",
            citations=cite("Reinforcements followed this year."),
        ),
        Deployment(
            id="small",
            sender="north-korea",
            host="russia",
            date="2024-10",
            until="2025-02",
            troops=Estimate(low=400, high=600),
            citations=cite("A smaller unit served from October to February."),
        ),
    ]
    events = [
        Event(
            id="treaty",
            kind="agreement",
            date="2024",
            summary="The treaty was signed.",
            participants=["north-korea", "russia"],
            citations=cite("The treaty was signed."),
        ),
        Event(
            id="meeting",
            kind="meeting",
            date="2025-04-26/2025-04-27",
            summary="Trump and Zelenskyy met.",
            participants=["trump", "zelenskyy"],
            place="vatican",
            citations=cite("Trump and Zelenskyy met in Vatican City."),
        ),
    ]
    return Brief(
        id="fixture",
        title="Fixture",
        as_of=date(2025, 4, 28),
        actors=actors,
        places=places,
        sources=sources,
        statements=statements,
        deployments=deployments,
        events=events,
    )


BRIEF = make_brief()


def ids(records: Any) -> list[str]:
    return [r.id for r in records]


class TestWhereReferences:
    def test_id(self) -> None:
        """A reference filter matches the id exactly."""
        assert ["praise"] == ids(BRIEF.statements.where(speaker="kim"))

    def test_record(self) -> None:
        """A model object stands for its id."""
        kim = BRIEF.actors["kim"]
        assert ["praise"] == ids(BRIEF.statements.where(speaker=kim))

    def test_iterable_matches_any(self) -> None:
        """An iterable matches any of its ids, keeping the collection's order."""
        found = BRIEF.statements.where(speaker=["putin", "kim"])
        assert ["praise", "thanks"] == ids(found)

    def test_members_widen(self) -> None:
        """members() widens a filter to an actor and everything part of it."""
        ukraine = BRIEF.actors.members("ukraine")
        assert ["rebuttal", "raid"] == ids(BRIEF.statements.where(speaker=ukraine))

    def test_none_matches_empty_field(self) -> None:
        """None matches unattributed statements."""
        assert ["estimate"] == ids(BRIEF.statements.where(speaker=None))

    def test_multi_valued_field(self) -> None:
        """`about` matches when any of the record's subjects is wanted."""
        found = BRIEF.statements.where(about="russia")
        assert ["confirm", "claim", "rebuttal"] == ids(found)

    def test_multi_valued_none(self) -> None:
        """None on a list field matches records whose list is empty."""
        assert ["raid", "estimate"] == ids(BRIEF.statements.where(about=None))

    def test_via_and_responds_to(self) -> None:
        """Channel and response links filter like any reference."""
        assert ["confirm"] == ids(BRIEF.statements.where(via="kcna"))
        assert ["rebuttal"] == ids(BRIEF.statements.where(responds_to="claim"))

    def test_deployment_references(self) -> None:
        """Deployments filter by sender, host, place, unit, reinforces, estimator."""
        deps = BRIEF.deployments
        assert ["main", "reinforcements", "small"] == ids(
            deps.where(sender="north-korea", host="russia")
        )
        assert ["main"] == ids(deps.where(place="kursk"))
        assert ["main"] == ids(deps.where(unit="kp-army"))
        assert ["reinforcements"] == ids(deps.where(reinforces="main"))
        assert ["main"] == ids(deps.where(estimated_by="analysts"))

    def test_other_collections(self) -> None:
        """Actors, places, sources and events have their own filters."""
        assert ["kim", "kcna"] == ids(BRIEF.actors.where(part_of="north-korea"))
        assert ["kursk"] == ids(BRIEF.places.where(country="russia"))
        assert ["article"] == ids(BRIEF.sources.where(publisher="usa"))
        assert ["meeting"] == ids(BRIEF.events.where(participants="trump"))
        assert ["meeting"] == ids(BRIEF.events.where(place="vatican"))

    def test_no_filter_returns_all(self) -> None:
        """where() without filters returns the whole collection."""
        assert BRIEF.statements == BRIEF.statements.where()

    def test_repeated_subject(self) -> None:
        """A subject named twice in one record still matches that record once."""
        twice = attrs.evolve(BRIEF.statements["praise"], about=["kim", "kim"])
        brief = attrs.evolve(BRIEF, statements=[twice])
        assert ["praise"] == ids(brief.statements.where(about="kim"))

    def test_empty_iterable_matches_nothing(self) -> None:
        """An empty iterable of ids matches no record."""
        assert [] == ids(BRIEF.statements.where(speaker=[]))


class TestWhereKinds:
    def test_string_and_enum(self) -> None:
        """A kind filter takes the enum member or its string value."""
        by_string = BRIEF.statements.where(kind="dispute")
        by_enum = BRIEF.statements.where(kind=cb.StatementKind.DISPUTE)
        assert ["rebuttal"] == ids(by_string)
        assert by_string == by_enum

    def test_several_kinds(self) -> None:
        """Several kinds match any of them."""
        found = BRIEF.actors.where(kind=["media", "group"])
        assert ["kcna", "analysts"] == ids(found)

    def test_places_sources_events(self) -> None:
        """Every collection with a kind filters on it."""
        assert ["vatican"] == ids(BRIEF.places.where(kind="city"))
        assert ["image"] == ids(BRIEF.sources.where(kind="image"))
        assert ["treaty"] == ids(BRIEF.events.where(kind="agreement"))

    def test_bad_kind(self) -> None:
        """An unknown kind names the kinds there are."""
        with pytest.raises(ValidationError, match=r"kind: expected one of 'confirm'"):
            BRIEF.statements.where(kind="denial")


class TestWhereDates:
    def test_possibly(self) -> None:
        """Without strict, an uncertain date matches when it overlaps the query."""
        found = BRIEF.statements.where(during="2025-01")
        assert ["raid"] == ids(found)

    def test_strict(self) -> None:
        """With strict, the record's span must lie inside the query."""
        assert [] == ids(BRIEF.statements.where(during="2025-01", strict=True))
        found = BRIEF.statements.where(during="2025-04", strict=True)
        assert ["confirm", "praise", "thanks", "claim", "rebuttal"] == ids(found)

    def test_partial_overlap(self) -> None:
        """A month-long claim possibly falls on one day of that month."""
        found = BRIEF.statements.where(during=date(2025, 4, 10))
        assert ["claim", "rebuttal", "raid"] == ids(found)

    def test_date_forms(self) -> None:
        """Dates take a date, a DateSpan or an EDTF string alike."""
        span = DateSpan.parse("2025-04-26/2025-04-27")
        by_span = BRIEF.events.where(during=span)
        assert ["meeting"] == ids(by_span)
        assert by_span == BRIEF.events.where(during="2025-04-26/2025-04-27")
        assert by_span == BRIEF.events.where(during=date(2025, 4, 27))

    def test_bad_date(self) -> None:
        """An unreadable date names the filter and the text."""
        with pytest.raises(ValidationError, match=r"during: cannot read '2025-13'"):
            BRIEF.statements.where(during="2025-13")

    def test_deployment_during_is_arrival(self) -> None:
        """`during` on deployments asks when the force arrived."""
        found = BRIEF.deployments.where(during="2024-10")
        assert ["main", "small"] == ids(found)


class TestActiveOn:
    @pytest.mark.parametrize(
        ("day", "strict", "expected"),
        [
            ("2024-08", False, []),
            ("2024-10-15", False, ["main", "small"]),
            ("2024-10-15", True, []),
            ("2024-12", True, ["main", "small"]),
            ("2025-03", False, ["main", "reinforcements"]),
            ("2025-03", True, ["main"]),
            ("2025-04-28", True, ["main", "reinforcements"]),
            ("2026-01", False, ["main", "reinforcements"]),
            ("2026-01", True, []),
        ],
    )
    def test_active_on(self, day: str, strict: bool, expected: list[str]) -> None:
        """Possibly active from first arrival on; certainly only as far as known."""
        found = BRIEF.deployments.where(active_on=day, strict=strict)
        assert expected == ids(found)

    def test_with_another_filter(self) -> None:
        """The same answers come when another filter picks the candidates."""
        for strict in (False, True):
            for day in ("2024-08", "2024-12", "2025-03"):
                alone = BRIEF.deployments.where(active_on=day, strict=strict)
                found = BRIEF.deployments.where(
                    place="kursk", active_on=day, strict=strict
                )
                assert [d.id for d in alone if d.place == "kursk"] == ids(found)


class TestWhereErrors:
    def test_unknown_filter(self) -> None:
        """An unknown filter name lists the valid ones and suggests the closest."""
        with pytest.raises(
            TypeError, match=r"no filter 'spaker'.*did you mean 'speaker'"
        ):
            BRIEF.statements.where(spaker="kim")

    def test_unknown_id(self) -> None:
        """An id that is not in the brief raises, suggesting close ids."""
        with pytest.raises(
            UnknownIdError, match=r"'north-kora'; did you mean 'north-korea'"
        ):
            BRIEF.statements.where(speaker="north-kora")

    def test_wrong_record_type(self) -> None:
        """A record of another collection is not taken for an id."""
        with pytest.raises(ValidationError, match=r"speaker: expected an id, an actor"):
            BRIEF.statements.where(speaker=BRIEF.places["kursk"])

    def test_strict_without_dates(self) -> None:
        """strict=True without a date filter is refused, not ignored."""
        with pytest.raises(TypeError, match=r"strict=True applies to a date filter"):
            BRIEF.statements.where(speaker="kim", strict=True)
        with pytest.raises(TypeError, match=r"strict=True applies to during"):
            BRIEF.timeline(strict=True)
        with pytest.raises(TypeError, match=r"strict=True applies to on"):
            BRIEF.troops(sender="north-korea", strict=True)

    def test_unknown_filter_before_strict(self) -> None:
        """A misspelt date filter is named as such, not taken for a missing one."""
        with pytest.raises(TypeError, match=r"no filter 'durng'.*'during'"):
            BRIEF.statements.where(durng="2025", strict=True)

    def test_filter_from_other_collection(self) -> None:
        """A filter of another collection is refused, not ignored."""
        with pytest.raises(TypeError, match=r"actors have no filter 'speaker'"):
            BRIEF.actors.where(speaker="kim")

    def test_usage_before_values(self) -> None:
        """A wrong filter name or strict=True is named before any value is read."""
        with pytest.raises(TypeError, match=r"no filter 'bogus'"):
            BRIEF.statements.where(speaker="nobody", bogus=1)
        with pytest.raises(TypeError, match=r"strict=True applies to a date filter"):
            BRIEF.statements.where(speaker="nobody", strict=True)
        with pytest.raises(TypeError, match=r"strict=True applies to a date filter"):
            BRIEF.statements.where(kind="nonsense", strict=True)


class TestChaining:
    def test_small_view_sorts_no_dates(self) -> None:
        """A date filter on a view narrows the view, sorting no whole collection."""
        fresh = make_brief()
        view = fresh.statements.where(speaker="kim")
        assert ["praise"] == ids(view.where(during="2025-04"))
        assert not fresh.statements._root.indexes["during"].ready()
        fresh.statements.where(during="2025-04")  # a query led by dates sorts
        assert fresh.statements._root.indexes["during"].ready()

    def test_chain_equals_combined(self) -> None:
        """Chained filters give what one combined call gives, in order."""
        chained = BRIEF.statements.where(about="north-korea").where(during="2025-04-28")
        combined = BRIEF.statements.where(about="north-korea", during="2025-04-28")
        assert ["confirm", "praise"] == ids(chained)
        assert combined == chained

    def test_chain_keeps_lookup(self) -> None:
        """A filtered collection still looks records up by id, and only its own."""
        found = BRIEF.statements.where(speaker="kim")
        assert BRIEF.statements["praise"] == found["praise"]
        with pytest.raises(UnknownIdError):
            found["confirm"]

    def test_first(self) -> None:
        """first() returns the first record, or None when there is none."""
        assert (
            BRIEF.statements["praise"] == BRIEF.statements.where(speaker="kim").first()
        )
        assert BRIEF.statements.where(speaker="trump").first() is None

    def test_repr(self) -> None:
        """The repr names the collection, the count and the first ids."""
        expected = "<Records statements: 2 [praise, thanks]>"
        assert expected == repr(BRIEF.statements.where(speaker=["kim", "putin"]))


class TestNamed:
    def test_name_any_case(self) -> None:
        """named() finds an actor by name, in any case."""
        assert BRIEF.actors["kim"] == BRIEF.actors.named("kim JONG un")

    def test_alias(self) -> None:
        """named() finds an actor by alias."""
        assert BRIEF.actors["north-korea"] == BRIEF.actors.named("dprk")

    def test_places(self) -> None:
        """named() works on places too."""
        assert BRIEF.places["vatican"] == BRIEF.places.named("Vatican City")

    def test_unknown_name(self) -> None:
        """An unknown name raises, suggesting close names."""
        with pytest.raises(
            UnknownIdError, match=r"name 'Kim Jung Un'; did you mean 'Kim Jong Un'"
        ):
            BRIEF.actors.named("Kim Jung Un")

    def test_ambiguous(self) -> None:
        """A name shared by two actors is refused, naming both."""
        twins = attrs.evolve(
            BRIEF,
            actors=[
                *BRIEF.actors,
                Actor(id="kim-2", name="Kim Jong Un", kind="person"),
            ],
        )
        with pytest.raises(ValidationError, match=r"names 2 actors \('kim', 'kim-2'\)"):
            twins.actors.named("Kim Jong Un")

    def test_only_actors_and_places(self) -> None:
        """named() is refused on collections without names."""
        with pytest.raises(TypeError, match="not statements"):
            BRIEF.statements.named("x")  # type: ignore[misc]


class TestViews:
    def test_named_within_view(self) -> None:
        """named() on a filtered collection finds only its own records."""
        people = BRIEF.actors.where(kind="person")
        assert BRIEF.actors["kim"] == people.named("Kim Jong Un")
        with pytest.raises(UnknownIdError, match="name 'KCNA'"):
            people.named("KCNA")

    def test_members_within_view(self) -> None:
        """members() on a filtered collection keeps only its own records."""
        forces = BRIEF.actors.where(kind="armed_force")
        assert ["ukr-military", "sof"] == ids(forces.members("ukraine"))

    def test_chain_from_large_view(self) -> None:
        """A view filtered again by a selective index keeps only its own records."""
        view = BRIEF.statements.where(during="2025")
        assert ["praise"] == ids(view.where(speaker="kim"))
        assert [] == ids(view.where(speaker=None))
        assert ["estimate"] == ids(BRIEF.statements.where(speaker=None))

    def test_list_field_none_with_another_filter(self) -> None:
        """None on a list field also matches when another filter leads."""
        found = BRIEF.statements.where(speaker=["sof", "kim"], about=None)
        assert ["raid"] == ids(found)
        found = BRIEF.statements.where(
            speaker=["sof", "kim"], about=[None, "north-korea"]
        )
        assert ["praise", "raid"] == ids(found)


class TestMembers:
    def test_transitive(self) -> None:
        """members() includes the actor and all parts of it at any depth."""
        assert ["ukraine", "ukr-military", "sof"] == ids(
            BRIEF.actors.members("ukraine")
        )

    def test_record(self) -> None:
        """members() takes the actor object too."""
        russia = BRIEF.actors["russia"]
        assert ["russia", "putin"] == ids(BRIEF.actors.members(russia))

    def test_unknown(self) -> None:
        """An unknown actor raises UnknownIdError."""
        with pytest.raises(UnknownIdError, match="'ukrain'"):
            BRIEF.actors.members("ukrain")

    def test_only_actors(self) -> None:
        """members() is refused on other collections."""
        with pytest.raises(TypeError, match="not places"):
            BRIEF.places.members("kursk")  # type: ignore[misc]


class TestTimeline:
    def test_order(self) -> None:
        """Records sort by earliest day, then latest, then events first."""
        expected = [
            "treaty",
            "main",
            "estimate",
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
    def test_sum(self) -> None:
        """The estimates given are added; a deployment without one adds nothing."""
        expected = Estimate(best=None, low=11_400, high=11_600, approximate=True)
        assert expected == BRIEF.troops(sender="north-korea", host="russia")
        assert "about 11,400\N{EN DASH}11,600" == str(expected)

    def test_on(self) -> None:
        """on counts only deployments present then."""
        assert Estimate(best=11_000, approximate=True) == BRIEF.troops(on="2025-03")
        assert Estimate(best=11_000, approximate=True) == BRIEF.troops(
            on="2025-03", strict=True
        )

    def test_none_without_figures(self) -> None:
        """None when no matching deployment gives a figure."""
        assert BRIEF.troops(sender="ukraine") is None
        assert BRIEF.troops(on="2024-08") is None


class TestEvidence:
    def test_pairs(self) -> None:
        """evidence() gives each citation's source and quote."""
        record = BRIEF.statements["praise"]
        expected = ((BRIEF.sources["article"], "Kim praised the soldiers."),)
        assert expected == BRIEF.evidence(record)

    def test_not_a_record(self) -> None:
        """An actor or an id is refused, naming what evidence() takes."""
        with pytest.raises(TypeError, match="takes a Statement, Deployment or Event"):
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
            BRIEF, id="other", as_of=date(2025, 5, 1), statements=(), deployments=()
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
        """A record with one id and two contents is refused, naming both briefs."""
        changed = attrs.evolve(BRIEF.actors["kim"], name="Kim")
        other = attrs.evolve(
            BRIEF,
            id="other",
            actors=[changed if a.id == "kim" else a for a in BRIEF.actors],
        )
        with pytest.raises(
            ValidationError,
            match=r"\$\.actors\[4\]: expected the same record as 'fixture' has "
            r"with id 'kim', got a different one in 'other'",
        ):
            BRIEF.merge(other)


class TestIndexesInvisible:
    def test_equality_hash_and_output(self) -> None:
        """Querying changes neither equality, hash nor the written file."""
        fresh = make_brief()
        before = (hash(fresh), cb.dumps(fresh))
        fresh.statements.where(speaker="kim", during="2025")
        fresh.deployments.where(active_on="2025-01", strict=True)
        assert BRIEF == fresh
        assert before == (hash(fresh), cb.dumps(fresh))

    def test_threads(self) -> None:
        """Threads sharing a fresh brief get the same answers."""
        fresh = make_brief()
        results: list[list[str]] = []

        def ask() -> None:
            results.append(ids(fresh.statements.where(about="russia", during="2025")))

        threads = [threading.Thread(target=ask) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert [["confirm", "claim", "rebuttal"]] * 8 == results


def naive(brief: Brief, name: str, filters: dict[str, Any], strict: bool) -> list[str]:
    """The answer of where(), found by testing every record in plain Python."""
    out = []
    for record in getattr(brief, name):
        ok = True
        for key, wanted in filters.items():
            if key in ("during", "active_on"):
                span = DateSpan.of(wanted)
                if key == "during":
                    d = record.date
                    ok = span.contains(d) if strict else span.overlaps(d)
                else:
                    arrive, leave = record.date, record.until
                    if strict:
                        start = arrive.latest
                        end = brief.as_of if leave is None else leave.earliest
                        ok = start <= span.earliest and span.latest <= end
                    else:
                        ok = arrive.earliest <= span.latest and (
                            leave is None or leave.latest >= span.earliest
                        )
            else:
                value = getattr(record, key)
                values = value if isinstance(value, tuple) else (value,)
                values = values or (None,)
                ok = any(v in wanted for v in values)
            if not ok:
                break
        if ok:
            out.append(record.id)
    return out


REFS = {
    "statements": {"speaker": "actors", "about": "actors", "via": "actors"},
    "deployments": {"sender": "actors", "host": "actors", "place": "places"},
    "events": {"participants": "actors", "place": "places"},
}


@st.composite
def queries(draw: st.DrawFn) -> tuple[Brief, str, dict[str, Any], bool]:
    brief = draw(briefs(max_records=8))
    name = draw(st.sampled_from(sorted(REFS)))
    filters: dict[str, Any] = {}
    for key, target in REFS[name].items():
        pool = [r.id for r in getattr(brief, target)] + [None]
        if draw(st.booleans()):
            filters[key] = draw(st.lists(st.sampled_from(pool), min_size=1, max_size=2))
    date_keys = ["during", "active_on"] if name == "deployments" else ["during"]
    # Spans drawn anywhere in ten thousand years seldom meet a record: the
    # records' own dates are drawn as often, so that filters narrow.
    own = [r.date for r in getattr(brief, name)]
    own += [r.until for r in getattr(brief, name) if getattr(r, "until", None)]
    when = st.sampled_from(own) | spans() if own else spans()
    for key in date_keys:
        if draw(st.booleans()):
            filters[key] = draw(when)
    strict = any(k in filters for k in date_keys) and draw(st.booleans())
    return brief, name, filters, strict


class TestWhereProperty:
    @settings(max_examples=150, deadline=None)
    @given(queries())
    def test_index_equals_scan(
        self, query: tuple[Brief, str, dict[str, Any], bool]
    ) -> None:
        """Every indexed query returns exactly what a naive scan returns."""
        brief, name, filters, strict = query
        expected = naive(brief, name, filters, strict)
        assert expected == ids(getattr(brief, name).where(strict=strict, **filters))

    @settings(max_examples=50, deadline=None)
    @given(queries())
    def test_chained_equals_combined(
        self, query: tuple[Brief, str, dict[str, Any], bool]
    ) -> None:
        """Applying filters one by one gives the combined answer."""
        brief, name, filters, strict = query
        records = getattr(brief, name)
        chained = records
        for key, value in filters.items():
            dated = key in ("during", "active_on")
            chained = chained.where(strict=strict and dated, **{key: value})
        assert records.where(strict=strict, **filters) == chained
