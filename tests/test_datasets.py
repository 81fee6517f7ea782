"""The bundled dataset: loading it, its file, its citations and its facts."""

from __future__ import annotations

import re
import threading
from datetime import date
from importlib import resources

import pytest

import conflictbrief
from conflictbrief import (
    ActorKind,
    Brief,
    DatasetNotFoundError,
    Deployment,
    Estimate,
    Event,
    EventKind,
    PlaceKind,
    Precision,
    SourceKind,
    Statement,
    StatementKind,
    datasets,
)
from conflictbrief.dates import DateSpan, resolve
from running import ROOT, run_script

ARTICLE = "north-korea-confirms-troops-in-russia"
ARTICLE_FILE = "north-korea-confirms-troops-in-russia-2025-04-28.txt"
ORIGINAL = ROOT.parent / "shared" / "sources" / ARTICLE_FILE
DOC = ROOT / "docs" / "dataset.md"
LICENCE_LINE = (
    "Image is licensed under the Creative Commons Attribution 4.0 International "
    "license and was created by the Presidential Executive Office of Russia."
)

# A sentence ends at '.', '!' or '?' followed by space and a capital or an
# opening quotation mark; "U.S. officials" is one sentence's start.
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\N{LEFT DOUBLE QUOTATION MARK}])")


def space(text: str) -> str:
    """Return *text* with runs of whitespace as one space, as quotes are compared."""
    return " ".join(text.split())


def sentences(text: str) -> list[str]:
    """Split the article into its sentences."""
    return [space(s) for s in SENTENCE_END.split(text.strip())]


@pytest.fixture(scope="module")
def brief() -> Brief:
    return datasets.load()


@pytest.fixture(scope="module")
def article(brief: Brief) -> str:
    text = brief.sources[ARTICLE].text
    assert text is not None
    return text


def records(brief: Brief) -> list[Statement | Deployment | Event]:
    """Return every cited record of *brief*."""
    return [*brief.statements, *brief.deployments, *brief.events]


def state_of(brief: Brief, actor: str) -> str | None:
    """Return the state *actor* belongs to, following ``part_of``."""
    current: str | None = actor
    while current is not None:
        found = brief.actors[current]
        if found.kind is ActorKind.STATE:
            return found.id
        current = found.part_of
    return None


class TestNames:
    def test_names(self) -> None:
        """names() lists the bundled datasets, sorted."""
        assert ("dprk-russia-2025",) == datasets.names()

    def test_default_is_a_name(self) -> None:
        """DEFAULT is one of the names."""
        assert datasets.DEFAULT in datasets.names()


class TestLoad:
    def test_default(self, brief: Brief) -> None:
        """load() with no name returns the default dataset as a Brief."""
        assert "dprk-russia-2025" == brief.id
        assert date(2025, 4, 28) == brief.as_of

    def test_by_name(self, brief: Brief) -> None:
        """load(name) returns the dataset of that name."""
        assert brief == datasets.load("dprk-russia-2025")

    def test_cached(self) -> None:
        """Repeated loads return the same immutable brief, not a new one."""
        assert datasets.load() is datasets.load(datasets.DEFAULT)

    def test_unknown_name(self) -> None:
        """An unknown name raises DatasetNotFoundError listing the names there are."""
        with pytest.raises(
            DatasetNotFoundError,
            match=r"^no bundled dataset is named 'nope'; "
            r"expected one of 'dprk-russia-2025'$",
        ):
            datasets.load("nope")

    def test_unknown_name_is_a_lookup_error(self) -> None:
        """DatasetNotFoundError is caught by except LookupError."""
        with pytest.raises(LookupError, match="nope"):
            datasets.load("nope")

    def test_reachable_from_the_package(self) -> None:
        """conflictbrief.datasets is the datasets module."""
        assert datasets is conflictbrief.datasets

    def test_one_brief_across_threads(self) -> None:
        """Threads asking for the dataset at once all get the same brief."""
        datasets._LOADED.clear()
        found: list[Brief] = []
        threads = [
            threading.Thread(target=lambda: found.append(datasets.load()))
            for _ in range(6)
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert 1 == len({id(b) for b in found})


class TestFile:
    def test_canonical(self, brief: Brief) -> None:
        """The packaged file is exactly what dumps writes for the loaded brief."""
        packaged = resources.files("conflictbrief.datasets") / "dprk-russia-2025.json"
        assert packaged.read_bytes() == conflictbrief.dumps(brief).encode("utf-8")

    def test_built_by_the_script(self) -> None:
        """The packaged file is what scripts/build_dataset.py builds."""
        result = run_script("scripts/build_dataset.py", "--check")
        assert (0, "") == (result.returncode, result.stderr)

    def test_article_text_verbatim(self, article: str) -> None:
        """The article's text is the script's copy of the article, byte for byte."""
        copy = ROOT / "scripts" / "sources" / ARTICLE_FILE
        assert copy.read_bytes() == article.encode("utf-8")

    @pytest.mark.skipif(not ORIGINAL.is_file(), reason="the original is not here")
    def test_article_text_is_the_original(self, article: str) -> None:
        """The article's text is the article as received, byte for byte."""
        assert ORIGINAL.read_bytes() == article.encode("utf-8")


class TestCitations:
    def test_every_quote_found(self, brief: Brief, article: str) -> None:
        """Every citation quotes words of the article, whitespace aside."""
        missing = [
            (record.id, c.quote)
            for record in records(brief)
            for c in record.citations
            if space(c.quote) not in space(article)
        ]
        assert [] == missing

    def test_every_record_cites_the_article(self, brief: Brief) -> None:
        """Every statement, deployment and event cites the article."""
        uncited = [
            r.id
            for r in records(brief)
            if ARTICLE not in {c.source for c in r.citations}
        ]
        assert [] == uncited

    def test_statement_quotes_are_the_speakers_words(self, brief: Brief) -> None:
        """A statement's own quote lies inside one of its citations."""
        for st in brief.statements:
            if st.quote is not None:
                assert any(st.quote in c.quote for c in st.citations), st.id

    def test_article_sentences(self, article: str) -> None:
        """The article splits into its 23 sentences, the licence line last."""
        split = sentences(article)
        assert (23, LICENCE_LINE) == (len(split), split[-1])

    def test_every_sentence_cited_or_explained(
        self, brief: Brief, article: str
    ) -> None:
        """Each sentence is cited by a record or listed in docs/dataset.md."""
        quotes = [space(c.quote) for r in records(brief) for c in r.citations]
        doc = space(DOC.read_text(encoding="utf-8"))
        unexplained = [
            s
            for s in sentences(article)
            if not any(q in s for q in quotes) and s not in doc
        ]
        assert [] == unexplained

    def test_only_the_licence_line_uncited(self, brief: Brief, article: str) -> None:
        """The one sentence no record cites is the licence line of the image."""
        quotes = [space(c.quote) for r in records(brief) for c in r.citations]
        uncited = [s for s in sentences(article) if not any(q in s for q in quotes)]
        assert [LICENCE_LINE] == uncited


class TestDocs:
    def test_tables_up_to_date(self) -> None:
        """docs/dataset.md holds the tables scripts/dataset_table.py writes."""
        result = run_script("scripts/dataset_table.py", "--check")
        assert (0, "") == (result.returncode, result.stderr)

    def test_every_record_in_the_table(self, brief: Brief) -> None:
        """Every record's id appears in the records table."""
        doc = DOC.read_text(encoding="utf-8")
        table = doc[doc.index("<!-- records:start -->") : doc.index("<!-- records:end")]
        assert [] == [r.id for r in records(brief) if f"| `{r.id}` |" not in table]


class TestSources:
    def test_article(self, brief: Brief) -> None:
        """The article is an article published on 28 April 2025."""
        source = brief.sources[ARTICLE]
        assert (SourceKind.ARTICLE, "2025-04-28") == (
            source.kind,
            str(source.published),
        )

    def test_article_names_no_publisher(self, brief: Brief) -> None:
        """The article names no publisher or address, so none is invented."""
        source = brief.sources[ARTICLE]
        assert (None, None) == (source.publisher, source.url)

    def test_image_licence(self, brief: Brief) -> None:
        """The image is under CC BY 4.0, worded as the article words it."""
        image = brief.sources["article-image"]
        assert (
            SourceKind.IMAGE,
            "Creative Commons Attribution 4.0 International",
            "Presidential Executive Office of Russia",
        ) == (image.kind, image.license, image.attribution)

    def test_image_undated(self, brief: Brief) -> None:
        """The article does not date the image, so it has no date."""
        assert None is brief.sources["article-image"].published


class TestActors:
    def test_states_iso3(self, brief: Brief) -> None:
        """The five states carry their ISO 3166 alpha-3 codes."""
        codes = {a.id: a.ids.iso3 for a in brief.actors if a.kind is ActorKind.STATE}
        assert {
            "north-korea": "PRK",
            "russia": "RUS",
            "ukraine": "UKR",
            "united-states": "USA",
            "south-korea": "KOR",
        } == codes

    def test_wikidata_only_where_certain(self, brief: Brief) -> None:
        """Wikidata ids are exactly the certain ones."""
        ids = {a.id: a.ids.wikidata for a in brief.actors if a.ids.wikidata}
        ids |= {p.id: p.ids.wikidata for p in brief.places if p.ids.wikidata}
        assert {
            "north-korea": "Q423",
            "russia": "Q159",
            "ukraine": "Q212",
            "united-states": "Q30",
            "south-korea": "Q884",
            "vladimir-putin": "Q7747",
            "donald-trump": "Q22686",
            "kim-jong-un": "Q56226",
            "volodymyr-zelenskyy": "Q3874799",
            "vatican-city": "Q237",
        } == ids

    @pytest.mark.parametrize(
        ("actor", "state"),
        [
            ("kim-jong-un", "north-korea"),
            ("central-military-commission", "north-korea"),
            ("kcna", "north-korea"),
            ("eliminated-north-korean-unit", "north-korea"),
            ("kremlin", "russia"),
            ("us-officials", "united-states"),
            ("south-korean-authorities", "south-korea"),
            ("ukrainian-special-operations-forces", "ukraine"),
        ],
    )
    def test_under_their_state(self, brief: Brief, actor: str, state: str) -> None:
        """Leaders, bodies, outlets and forces sit under their state."""
        assert state == state_of(brief, actor)

    def test_every_actor_but_the_unaffiliated_has_a_state(self, brief: Brief) -> None:
        """Only the analysts and the UN Security Council belong to no state."""
        stateless = {a.id for a in brief.actors if state_of(brief, a.id) is None}
        assert {"military-analysts", "analysts", "un-security-council"} == stateless

    def test_analysts_are_groups(self, brief: Brief) -> None:
        """The unnamed analysts are groups with no state."""
        kinds = {brief.actors[a].kind for a in ("military-analysts", "analysts")}
        assert {ActorKind.GROUP} == kinds


class TestStatements:
    def test_state_media_confirms(self, brief: Brief) -> None:
        """North Korean state media confirmed the deployment on Monday 28 April."""
        st = brief.statements["state-media-confirms-deployment"]
        assert ("north-korean-state-media", StatementKind.CONFIRM, "2025-04-28") == (
            st.speaker,
            st.kind,
            str(st.date),
        )

    def test_confirmation_about(self, brief: Brief) -> None:
        """The confirmation is about North Korea's troops, Russia and Ukraine."""
        about = brief.statements["state-media-confirms-deployment"].about
        assert {"north-korea", "north-korean-forces", "russia", "ukraine"} == set(about)

    def test_commission_reports_authorisation(self, brief: Brief) -> None:
        """The Central Military Commission's statement says Kim authorised it."""
        st = brief.statements["commission-reports-authorisation"]
        assert ("central-military-commission", "north-korean-state-media") == (
            st.speaker,
            st.via,
        )
        assert "kim-jong-un" in st.about

    def test_kcna_reports_kursk(self, brief: Brief) -> None:
        """KCNA reported that North Korean forces helped retake Kursk territory."""
        st = brief.statements["kcna-reports-kursk-mission"]
        assert ("kcna", StatementKind.REPORT) == (st.speaker, st.kind)
        assert "Kursk region" in st.summary

    def test_kim_praise(self, brief: Brief) -> None:
        """Kim praised the soldiers as heroes; the article names no channel or day."""
        st = brief.statements["kim-praises-soldiers"]
        assert ("kim-jong-un", StatementKind.PRAISE, None, "2024-09/2025-04-28") == (
            st.speaker,
            st.kind,
            st.via,
            str(st.date),
        )
        assert ("north-korean-forces",) == st.about

    def test_moscow_acknowledges_over_the_weekend(self, brief: Brief) -> None:
        """Russia acknowledged the contribution over the weekend of 26-27 April."""
        st = brief.statements["moscow-acknowledges-contribution"]
        assert ("russia", StatementKind.CONFIRM, "2025-04-26/2025-04-27") == (
            st.speaker,
            st.kind,
            str(st.date),
        )

    def test_putin_thanks_via_kremlin(self, brief: Brief) -> None:
        """Putin thanked the North Korean forces in a Kremlin statement."""
        st = brief.statements["putin-thanks-north-korean-forces"]
        assert ("vladimir-putin", StatementKind.THANK, "kremlin") == (
            st.speaker,
            st.kind,
            st.via,
        )

    def test_putin_thanks_not_dated_to_a_day(self, brief: Brief) -> None:
        """The article does not date Putin's thanks; it spans weekend to report."""
        st = brief.statements["putin-thanks-north-korean-forces"]
        assert "2025-04-26/2025-04-28" == str(st.date)

    def test_us_demands_end_to_support(self, brief: Brief) -> None:
        """The United States reacted to the news by demanding an end to the support."""
        st = brief.statements["us-demands-end-to-support"]
        assert ("united-states", StatementKind.DEMAND, "2025-04-26/2025-04-28") == (
            st.speaker,
            st.kind,
            str(st.date),
        )

    def test_us_demand_cites_security_council(self, brief: Brief) -> None:
        """The US demand cites violations of UN Security Council resolutions."""
        st = brief.statements["us-demands-end-to-support"]
        assert "un-security-council" in st.about

    def test_us_officials_on_responsibility(self, brief: Brief) -> None:
        """U.S. officials said countries assisting the conflict share responsibility."""
        st = brief.statements["us-officials-assign-responsibility"]
        assert ("us-officials", StatementKind.ASSESS) == (st.speaker, st.kind)

    def test_south_korea_condemns(self, brief: Brief) -> None:
        """South Korean authorities called the deployment a "criminal act"."""
        st = brief.statements["south-korea-condemns-deployment"]
        assert ("south-korean-authorities", StatementKind.CONDEMN, "criminal act") == (
            st.speaker,
            st.kind,
            st.quote,
        )

    def test_only_south_korea_quoted(self, brief: Brief) -> None:
        """Only the words the article puts in quotation marks are a quote."""
        quoted = {s.id: s.quote for s in brief.statements if s.quote is not None}
        assert {"south-korea-condemns-deployment": "criminal act"} == quoted

    def test_ukrainian_officials_on_adaptation(self, brief: Brief) -> None:
        """Ukrainian officials said the North Korean forces adapted over time."""
        st = brief.statements["ukrainian-officials-on-adaptation"]
        assert ("ukrainian-officials", ("north-korean-forces", "russia")) == (
            st.speaker,
            st.about,
        )

    def test_ukraine_disputes_kursk_claim(self, brief: Brief) -> None:
        """Ukraine's military disputed Russia's claim of full control of Kursk."""
        st = brief.statements["ukraine-disputes-kursk-control"]
        assert (
            "ukraine-military",
            StatementKind.DISPUTE,
            "russia-claims-control-of-kursk",
        ) == (st.speaker, st.kind, st.responds_to)

    def test_russia_claim_implied(self, brief: Brief) -> None:
        """Russia's implied claim is a claim cited by the dispute's sentence."""
        claim = brief.statements["russia-claims-control-of-kursk"]
        dispute = brief.statements["ukraine-disputes-kursk-control"]
        assert ("russia", StatementKind.CLAIM) == (claim.speaker, claim.kind)
        assert all(
            c.quote in d.quote for c in claim.citations for d in dispute.citations
        )

    def test_only_dispute(self, brief: Brief) -> None:
        """The Kursk dispute is the one statement responding to another."""
        responses = [s.id for s in brief.statements if s.responds_to is not None]
        assert ["ukraine-disputes-kursk-control"] == responses

    def test_special_forces_report(self, brief: Brief) -> None:
        """Ukrainian Special Operations Forces reported eliminating a unit."""
        st = brief.statements["special-forces-report-unit-eliminated"]
        assert (
            "ukrainian-special-operations-forces",
            StatementKind.REPORT,
            ("eliminated-north-korean-unit",),
        ) == (st.speaker, st.kind, st.about)

    def test_recently_is_a_span(self, brief: Brief) -> None:
        """ "Recently" spans from the deployment's start to the report."""
        st = brief.statements["special-forces-report-unit-eliminated"]
        assert "2024-09/2025-04-28" == str(st.date)

    def test_military_analysts_estimate(self, brief: Brief) -> None:
        """Military analysts gave the troop estimate, this year."""
        st = brief.statements["analysts-estimate-troops"]
        assert ("military-analysts", StatementKind.ASSESS, "2025-01/2025-04-28") == (
            st.speaker,
            st.kind,
            str(st.date),
        )

    def test_first_involvement_unattributed(self, brief: Brief) -> None:
        """The article itself says it is the first involvement since the Korean War."""
        st = brief.statements["first-foreign-involvement-since-korean-war"]
        assert (None, ("north-korea",)) == (st.speaker, st.about)

    def test_unattributed_statements(self, brief: Brief) -> None:
        """The article's own voice and unnamed sources have no speaker."""
        assert {
            "reports-of-heavy-losses",
            "first-foreign-involvement-since-korean-war",
            "concerns-over-weapons-transfers",
            "peace-efforts-under-way",
            "skepticism-about-russian-willingness",
            "involvement-adds-complexity",
            "involvement-shifts-alliances",
        } == {s.id for s in brief.statements if s.speaker is None}

    def test_analysts_on_announcement(self, brief: Brief) -> None:
        """Analysts believe the announcement strengthens ties with Moscow."""
        st = brief.statements["analysts-on-announcement"]
        assert ("analysts", {"north-korea", "russia"}) == (st.speaker, set(st.about))

    def test_weapons_concerns(self, brief: Brief) -> None:
        """Concerns of weapons technology transfers are attributed to no one."""
        st = brief.statements["concerns-over-weapons-transfers"]
        assert (None, StatementKind.ASSESS) == (st.speaker, st.kind)

    def test_trump_undated(self, brief: Brief) -> None:
        """Trump's call is undated in the article: on a day up to the report."""
        assert "/2025-04-28" == str(brief.statements["trump-urges-talks"].date)

    def test_troop_figure_covers_reinforcements(self, brief: Brief) -> None:
        """The 11,000 counts last fall's troops and this year's reinforcements."""
        figure = brief.figures["north-korean-troops-in-russia-troops"]
        assert "2024-09/2025-04-28" == str(figure.date)

    def test_trump_urges_talks(self, brief: Brief) -> None:
        """Trump urged both sides, Russia and Ukraine, to hold high-level talks."""
        st = brief.statements["trump-urges-talks"]
        assert ("donald-trump", StatementKind.URGE, ("russia", "ukraine")) == (
            st.speaker,
            st.kind,
            st.about,
        )


class TestDeployments:
    def test_sender_and_host(self, brief: Brief) -> None:
        """North Korea sent its forces to Russia."""
        dep = brief.deployments["north-korean-troops-in-russia"]
        assert ("north-korea", "russia", "north-korean-forces") == (
            dep.sender,
            dep.host,
            dep.unit,
        )

    def test_troop_estimate(self, brief: Brief) -> None:
        """The analysts' figure is roughly 11,000, an approximate estimate."""
        (figure,) = brief.figures.where(deployment="north-korean-troops-in-russia")
        assert (Estimate(best=11_000, approximate=True), "about 11,000") == (
            figure.count,
            str(figure.count),
        )

    def test_estimated_by_military_analysts(self, brief: Brief) -> None:
        """The figure comes from the military analysts, citing their sentence."""
        (figure,) = brief.figures.where(kind="troops", side="north-korea")
        assert (("military-analysts",), "Military analysts estimate") == (
            figure.by,
            figure.citations[0].quote[:26],
        )

    def test_tally(self, brief: Brief) -> None:
        """The troop tally names the estimate and who gave it."""
        tally = brief.tally("troops", side="north-korea")
        assert "about 11,000 (about 11,000: Military analysts)" == str(tally)

    def test_last_fall(self, brief: Brief) -> None:
        """The troops arrived last fall: autumn 2024, not a day."""
        dep = brief.deployments["north-korean-troops-in-russia"]
        assert (date(2024, 9, 1), date(2024, 11, 30)) == (
            dep.date.earliest,
            dep.date.latest,
        )

    def test_kursk(self, brief: Brief) -> None:
        """The force fought in the Kursk region, in Russia."""
        dep = brief.deployments["north-korean-troops-in-russia"]
        assert "kursk-region" == dep.place
        assert "russia" == brief.places["kursk-region"].country

    def test_no_departure_reported(self, brief: Brief) -> None:
        """The article reports no departure."""
        assert [None, None] == [d.until for d in brief.deployments]

    def test_reinforcements(self, brief: Brief) -> None:
        """The reinforcements, deployed earlier this year, joined the first force."""
        dep = brief.deployments["north-korean-reinforcements"]
        assert ("north-korean-troops-in-russia", "2025-01/2025-04-28") == (
            dep.reinforces,
            str(dep.date),
        )

    def test_no_one_counted_twice(self, brief: Brief) -> None:
        """The 11,000 includes the reinforcements, which carry no figure."""
        figures = [f.count for f in brief.figures.where(kind="troops")]
        assert [Estimate(best=11_000, approximate=True)] == figures


class TestEvents:
    def test_treaty(self, brief: Brief) -> None:
        """The strategic partnership treaty was signed last year, 2024."""
        event = brief.events["strategic-partnership-treaty"]
        assert (EventKind.AGREEMENT, "2024") == (event.kind, str(event.date))

    def test_treaty_parties(self, brief: Brief) -> None:
        """Kim's North Korea signed the treaty with Putin's Russia."""
        event = brief.events["strategic-partnership-treaty"]
        assert {"north-korea", "russia", "kim-jong-un", "vladimir-putin"} == set(
            event.participants
        )

    def test_authorisation(self, brief: Brief) -> None:
        """Kim's authorisation is a decision from the treaty year to last fall."""
        event = brief.events["kim-authorises-deployment"]
        assert (EventKind.DECISION, ("kim-jong-un",), "2024-01/2024-11") == (
            event.kind,
            event.participants,
            str(event.date),
        )

    def test_kursk_operation(self, brief: Brief) -> None:
        """North Korean forces helped Russian units retake territory in Kursk."""
        event = brief.events["kursk-territory-retaken"]
        assert (
            EventKind.OPERATION,
            ("north-korean-forces", "russian-units"),
            "kursk-region",
        ) == (event.kind, event.participants, event.place)

    def test_unit_eliminated(self, brief: Brief) -> None:
        """Ukrainian special forces eliminated a North Korean unit, by their report."""
        event = brief.events["north-korean-unit-eliminated"]
        assert (
            EventKind.OPERATION,
            ("ukrainian-special-operations-forces", "eliminated-north-korean-unit"),
        ) == (event.kind, event.participants)

    def test_meeting(self, brief: Brief) -> None:
        """Trump and Zelenskyy met over the weekend in Vatican City."""
        event = brief.events["trump-zelenskyy-meeting"]
        assert (
            EventKind.MEETING,
            ("donald-trump", "volodymyr-zelenskyy"),
            "2025-04-26/2025-04-27",
            "vatican-city",
        ) == (event.kind, event.participants, str(event.date), event.place)


class TestPlaces:
    def test_vatican_city(self, brief: Brief) -> None:
        """Vatican City is a country-sized place at its centre."""
        place = brief.places["vatican-city"]
        assert (PlaceKind.COUNTRY, 41.9029, 12.4534) == (
            place.kind,
            place.lat,
            place.lon,
        )

    def test_kursk_region(self, brief: Brief) -> None:
        """The Kursk region is a region of Russia."""
        place = brief.places["kursk-region"]
        assert (PlaceKind.REGION, "russia") == (place.kind, place.country)


PUBLISHED = date(2025, 4, 28)


class TestDates:
    @pytest.mark.parametrize(
        ("collection", "record", "phrase"),
        [
            ("statements", "state-media-confirms-deployment", "On Monday(4/28/25)"),
            ("statements", "moscow-acknowledges-contribution", "over the weekend"),
            ("events", "trump-zelenskyy-meeting", "over the weekend"),
            ("events", "strategic-partnership-treaty", "last year"),
            ("deployments", "north-korean-troops-in-russia", "last fall"),
            ("deployments", "north-korean-reinforcements", "earlier this year"),
        ],
    )
    def test_resolved_from_the_article(
        self, brief: Brief, collection: str, record: str, phrase: str
    ) -> None:
        """A record's date is the article's phrase resolved against 28 April 2025."""
        found: Statement | Deployment | Event = getattr(brief, collection)[record]
        assert resolve(phrase, PUBLISHED) == found.date

    @pytest.mark.parametrize(
        ("record", "phrase"),
        [
            ("special-forces-report-unit-eliminated", "last fall"),
            ("putin-thanks-north-korean-forces", "over the weekend"),
        ],
    )
    def test_undated_spans_run_to_the_report(
        self, brief: Brief, record: str, phrase: str
    ) -> None:
        """An undated record spans from the earliest day allowed to the report."""
        expected = DateSpan(
            earliest=resolve(phrase, PUBLISHED).earliest, latest=PUBLISHED
        )
        assert expected == brief.statements[record].date

    def test_no_record_dated_to_an_invented_day(self, brief: Brief) -> None:
        """Only records of Monday 28 April are dated to a single day."""
        days = {
            str(r.date) for r in records(brief) if r.date.precision is Precision.DAY
        }
        assert {"2025-04-28"} == days

    def test_no_record_after_the_report(self, brief: Brief) -> None:
        """Every record ends by the day of the report."""
        assert [] == [
            r.id
            for r in records(brief)
            if r.date.latest is None or r.date.latest > brief.as_of
        ]
