"""How records, collections, disputes and briefs read for people."""

from __future__ import annotations

from datetime import date

import pytest

from conflictbrief import (
    Actor,
    Brief,
    Citation,
    Deployment,
    Dispute,
    Estimate,
    Event,
    ExternalIds,
    Figure,
    Place,
    Records,
    Source,
    Statement,
    datasets,
)
from conflictbrief._base.text import brief_names

CITE = [Citation(source="s", quote="q")]
DOT = " \N{MIDDLE DOT} "


@pytest.fixture(scope="module")
def brief() -> Brief:
    return datasets.load()


class TestRecordLines:
    def test_statement(self, brief: Brief) -> None:
        """A statement reads as date, kind, speaker (and channel) and summary."""
        st = brief.statements["state-media-confirms-deployment"]
        expected = (
            f"28 April 2025{DOT}confirm{DOT}North Korean state media: North Korean "
            "state media confirm for the first time that North Korean troops were "
            "deployed to assist Russia's military efforts against Ukraine."
        )
        assert expected == st.describe(
            {"north-korean-state-media": "North Korean state media"}
        )

    def test_statement_alone_shows_ids(self) -> None:
        """Standing alone, a statement names its speaker and channel by id."""
        st = Statement(
            id="a",
            speaker="kim",
            via="kcna",
            date="2025-04",
            kind="claim",
            summary="Troops went.",
            citations=CITE,
        )
        assert f"April 2025{DOT}claim{DOT}kim via kcna: Troops went." == str(st)

    def test_unattributed_statement(self) -> None:
        """A statement with no speaker is said in the source's own voice."""
        st = Statement(
            id="a", date="2025", kind="report", summary="It happened.", citations=CITE
        )
        assert f"2025{DOT}report{DOT}the source: It happened." == str(st)

    def test_deployment(self) -> None:
        """A deployment reads as its route and a sentence made from its fields."""
        dep = Deployment(
            id="d",
            sender="north-korea",
            host="russia",
            date="2024-23",
            place="kursk",
            unit="forces",
            until="2025-04",
            role="To fight.",
            citations=CITE,
        )
        expected = (
            f"autumn 2024{DOT}deployment{DOT}north-korea to russia: north-korea sends "
            "forces (forces) to kursk, until April 2025: To fight."
        )
        assert (expected, expected.split(": ", 1)[1]) == (str(dep), dep.summary)

    def test_event(self) -> None:
        """An event reads as date, kind, participants and summary."""
        event = Event(
            id="e",
            kind="meeting",
            date="2025-04-26",
            summary="They met.",
            participants=["a", "b"],
            citations=CITE,
        )
        assert f"26 April 2025{DOT}meeting{DOT}a, b: They met." == str(event)

    def test_event_without_participants(self) -> None:
        """An event nobody is named in reads as date, kind and summary."""
        event = Event(id="e", kind="other", date="2025", summary="X.", citations=CITE)
        assert f"2025{DOT}other{DOT}X." == str(event)


class TestFigureLines:
    def test_figure(self) -> None:
        """A figure reads as who gave it, the count, whose people and what."""
        from conflictbrief import Figure

        figure = Figure(
            id="f",
            kind="killed",
            count=Estimate(low=100, high=200),
            date="2025-01",
            side="nk-forces",
            event="battle",
            by=["ukraine"],
            citations=CITE,
        )
        expected = (
            f"January 2025{DOT}killed{DOT}ukraine: "
            "100\N{EN DASH}200 killed of nk-forces (battle)"
        )
        assert (expected, expected.split(": ", 1)[1]) == (str(figure), figure.summary)

    def test_figure_in_the_sources_voice(self) -> None:
        """A figure nobody is said to give is the source's own."""
        from conflictbrief import Figure

        figure = Figure(
            id="f", kind="troops", count=Estimate(best=5), date="2025", citations=CITE
        )
        assert f"2025{DOT}troops{DOT}the source: 5 troops" == str(figure)


class TestEntityLines:
    def test_actor(self) -> None:
        """An actor reads as id, name, kind, whose part it is and its aliases."""
        kim = Actor(
            id="kim", name="Kim Jong Un", kind="person", part_of="nk", aliases=["Kim"]
        )
        expected = f"kim: Kim Jong Un{DOT}person{DOT}part of North Korea{DOT}also Kim"
        assert expected == kim.describe({"nk": "North Korea"})

    def test_place_without_coordinates(self) -> None:
        """A place with no country or coordinates reads as id, name and kind."""
        assert f"k: K{DOT}city" == str(Place(id="k", name="K", kind="city"))

    def test_place(self) -> None:
        """A place reads as id, name, kind, country and coordinates."""
        kursk = Place(
            id="kursk",
            name="Kursk",
            kind="region",
            country="russia",
            lat=51.7,
            lon=36.2,
        )
        assert f"kursk: Kursk{DOT}region{DOT}in russia{DOT}51.7, 36.2" == str(kursk)

    def test_source(self) -> None:
        """A source reads as id, title, kind, publication and publisher."""
        src = Source(
            id="s", title="T", kind="article", published="2025-04-28", publisher="ap"
        )
        assert f"s: T{DOT}article{DOT}28 April 2025{DOT}ap" == str(src)

    def test_citation(self) -> None:
        """A citation reads as its source and the quote in quotation marks."""
        assert (
            "s: \N{LEFT DOUBLE QUOTATION MARK}q\N{RIGHT DOUBLE QUOTATION MARK}"
            == str(CITE[0])
        )

    def test_external_ids(self) -> None:
        """External ids read as the kinds given, or none."""
        assert ("iso3 PRK, wikidata Q423", "none") == (
            str(ExternalIds(iso3="PRK", wikidata="Q423")),
            str(ExternalIds()),
        )

    def test_estimate(self) -> None:
        """An estimate reads as a reader would say it."""
        assert "about 11,000" == str(Estimate(best=11_000, approximate=True))


class TestCollections:
    def test_records_use_the_briefs_names(self, brief: Brief) -> None:
        """A collection prints a line per record, with its brief's names."""
        lines = str(brief.deployments).splitlines()
        assert 2 == len(lines)
        assert lines[0].startswith(
            f"autumn 2024{DOT}deployment{DOT}North Korea to Russia"
        )

    def test_empty_records(self) -> None:
        """An empty collection says so."""
        assert "no records" == str(Records([]))

    def test_html_escaped(self) -> None:
        """A collection renders as an HTML table, its text escaped."""
        actor = Actor(id="x", name="<script>alert(1)</script>", kind="group")
        shown = Records([actor])._repr_html_()
        assert "<script>" not in shown
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in shown

    def test_dispute(self, brief: Brief) -> None:
        """A dispute reads as the claim and, under it, each rebuttal."""
        (dispute,) = brief.disputes()
        lines = str(dispute).splitlines()
        assert ("russia-claims-control-of-kursk", 2) == (dispute.claim.id, len(lines))
        assert lines[1].startswith("  disputed by: ")
        assert isinstance(dispute, Dispute)


class TestBriefText:
    def test_overview(self, brief: Brief) -> None:
        """A brief reads as its title, sources, actors, timeline, troops, disputes."""
        lines = str(brief).splitlines()
        assert "North Korea confirms its troops are fighting for Russia" == lines[0]
        for expected in [
            "As of 28 April 2025.",
            "Who is involved",
            "  state: North Korea, Russia, Ukraine, United States, South Korea",
            "Troops",
            "  North Korea to Russia: about 11,000 (about 11,000: Military analysts)",
            "Disputed claims",
        ]:
            assert expected in lines

    def test_html(self, brief: Brief) -> None:
        """A brief renders in a notebook as its title and its timeline's table."""
        shown = brief._repr_html_()
        assert shown.startswith("<h3>North Korea confirms its troops")
        assert shown.count("<tr>") == 1 + len(brief.timeline())

    def test_minimal_brief(self) -> None:
        """A brief with nothing in it still reads, with no empty sections."""
        empty = Brief(id="b", title="T", as_of=date(2025, 1, 2))
        assert "T\nAs of 2 January 2025." == str(empty)


class TestNamesOfRecords:
    def test_figure_says_what_it_counts(self) -> None:
        """A figure of a deployment names where and when it was sent, not its id."""
        bundled = datasets.load()
        names = brief_names(bundled)
        figure = bundled.figures["north-korean-troops-in-russia-troops"]
        assert figure.describe(names).endswith(
            "about 11,000 troops of North Korea (sent to Kursk region, autumn 2024)"
        )
        assert "(north-korean-troops-in-russia)" not in str(bundled)
        assert "(north-korean-troops-in-russia)" not in str(bundled.figures)

    def test_event_by_kind_and_date(self) -> None:
        """A figure of an event names the event's kind and date."""
        strike = Event(
            id="strike",
            kind="attack",
            date="2025-04-25",
            summary="A strike.",
            citations=CITE,
        )
        lost = Figure(
            id="lost",
            kind="killed",
            count=Estimate(best=3),
            date="2025-04-25",
            event="strike",
            citations=CITE,
        )
        small = Brief(
            id="b",
            title="B",
            as_of="2025-04-28",
            sources=[Source(id="s", title="S", kind="article")],
            events=[strike],
            figures=[lost],
        )
        assert "3 killed (attack, 25 April 2025)" in str(small)

    def test_actors_win(self) -> None:
        """An actor named like a deployment's id keeps its name."""
        bundled = datasets.load()
        crowded = bundled.extend(
            actors=[Actor(id="strike-one", name="Strike One", kind="group")],
            events=[
                Event(
                    id="strike-one",
                    kind="attack",
                    date="2025-04-25",
                    summary="A strike.",
                    citations=bundled.events.first().citations,  # type: ignore[union-attr]
                )
            ],
        )
        assert "Strike One" == brief_names(crowded)["strike-one"]
