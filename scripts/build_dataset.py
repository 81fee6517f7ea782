"""Build the bundled dataset ``dprk-russia-2025`` from the article.

This script is the dataset's source of truth: every actor, place, statement,
deployment, event and figure is written here, next to the sentences that support it,
and the packaged JSON file is what `conflictbrief.dump` makes of the result.

    python scripts/build_dataset.py           # rewrite the packaged file
    python scripts/build_dataset.py --check   # exit 1 if it is out of date

Curation rules (see docs/dataset.md):

- Dates are the article's words resolved against its publication day, Monday
  28 April 2025, at the precision the words give. A record the article does
  not date gets the span the text allows, never a day picked from it.
- Actors are as specific as the text allows and sit under their state with
  ``part_of``. Wikidata ids are given only where certain.
- A statement the article makes in its own voice, or attributes to no one,
  has no speaker.
- The roughly 11,000 troops are a figure of the military analysts, of the
  deployment sent last fall. They include the reinforcements, so the
  reinforcements carry no figure of their own: no one is counted twice.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

import conflictbrief
from conflictbrief import (
    Actor,
    Brief,
    Citation,
    Deployment,
    Estimate,
    Event,
    ExternalIds,
    Figure,
    Place,
    Source,
    Statement,
)
from conflictbrief.dates import DateSpan, resolve

ROOT = Path(__file__).resolve().parent.parent
ARTICLE_FILE = (
    ROOT
    / "scripts"
    / "sources"
    / "north-korea-confirms-troops-in-russia-2025-04-28.txt"
)
OUTPUT = ROOT / "src" / "conflictbrief" / "datasets" / "dprk-russia-2025.json"

PUBLISHED = date(2025, 4, 28)
ARTICLE = "north-korea-confirms-troops-in-russia"
IMAGE = "article-image"

# The article's date phrases, resolved against its publication day.
ON_MONDAY = resolve("On Monday(4/28/25)", PUBLISHED)  # 2025-04-28
OVER_THE_WEEKEND = resolve("over the weekend", PUBLISHED)  # 2025-04-26/2025-04-27
LAST_YEAR = resolve("last year", PUBLISHED)  # 2024
LAST_FALL = resolve("last fall", PUBLISHED)  # 2024-23: September to November 2024
EARLIER_THIS_YEAR = resolve("earlier this year", PUBLISHED)  # 2025-01/2025-04-28

# Spans for what the article does not date: from the earliest day the text
# allows to the day of the report.
# What presupposes the deployment ("recently", "have said") comes after the
# first day of last fall, when the troops were sent.
SINCE_DEPLOYMENT = DateSpan(earliest=LAST_FALL.earliest, latest=PUBLISHED)
# Putin's thanks, given with Moscow's acknowledgement over the weekend; and the
# United States' reaction to the news of the weekend and of Monday.
SINCE_WEEKEND = DateSpan(earliest=OVER_THE_WEEKEND.earliest, latest=PUBLISHED)
# Kim's authorisation of "the move": under the treaty signed last year, and
# before the troops it sent last fall.
TREATY_TO_DEPLOYMENT = DateSpan(earliest=LAST_YEAR.earliest, latest=LAST_FALL.latest)
# Trump's call for talks, which the article does not date at all: on some day
# up to the report that it does not give (an unknown start, /2025-04-28).
UNDATED = DateSpan(earliest=None, latest=PUBLISHED, unknown=True)


def cite(*quotes: str) -> tuple[Citation, ...]:
    """Return citations of the article, one per verbatim quote."""
    return tuple(Citation(source=ARTICLE, quote=q) for q in quotes)


def state(id_: str, name: str, iso3: str, wikidata: str, *aliases: str) -> Actor:
    """Return a state actor; its ISO 3166 alpha-3 code is also its CAMEO code."""
    return Actor(
        id=id_,
        name=name,
        kind="state",
        aliases=aliases,
        ids=ExternalIds(iso3=iso3, wikidata=wikidata, cameo=iso3),
    )


def sources(article_text: str) -> list[Source]:
    """Return the article, with its full text, and the image it credits."""
    return [
        Source(
            id=ARTICLE,
            title="North Korea confirms troops in Russia",
            kind="article",
            published=PUBLISHED,
            text=article_text,
        ),
        Source(
            id=IMAGE,
            title="Image published with the article",
            kind="image",
            license="Creative Commons Attribution 4.0 International",
            attribution="Presidential Executive Office of Russia",
        ),
    ]


ACTORS = [
    state("north-korea", "North Korea", "PRK", "Q423", "Pyongyang", "DPRK"),
    state("russia", "Russia", "RUS", "Q159", "Moscow", "Russian Federation"),
    state("ukraine", "Ukraine", "UKR", "Q212"),
    state("united-states", "United States", "USA", "Q30", "U.S.", "US"),
    state("south-korea", "South Korea", "KOR", "Q884", "Republic of Korea"),
    Actor(
        id="kim-jong-un",
        name="Kim Jong Un",
        kind="person",
        aliases=["Kim", "Leader Kim Jong Un"],
        part_of="north-korea",
        ids=ExternalIds(wikidata="Q56226"),
    ),
    Actor(
        id="central-military-commission",
        name="Central Military Commission",
        kind="government_body",
        part_of="north-korea",
    ),
    Actor(
        id="north-korean-state-media",
        name="North Korean state media",
        kind="media",
        part_of="north-korea",
    ),
    Actor(
        id="kcna",
        name="Korean Central News Agency",
        kind="media",
        aliases=["KCNA"],
        part_of="north-korea",
    ),
    Actor(
        id="north-korean-forces",
        name="North Korean forces",
        kind="armed_force",
        aliases=["North Korean troops", "North Korean units", "North Korean soldiers"],
        part_of="north-korea",
    ),
    Actor(
        id="eliminated-north-korean-unit",
        name="North Korean unit",
        kind="armed_force",
        part_of="north-korean-forces",
    ),
    Actor(
        id="vladimir-putin",
        name="Vladimir Putin",
        kind="person",
        aliases=["Putin", "President Putin", "Russian President Vladimir Putin"],
        part_of="russia",
        ids=ExternalIds(wikidata="Q7747"),
    ),
    Actor(
        id="kremlin",
        name="Kremlin",
        kind="government_body",
        aliases=["the Kremlin"],
        part_of="russia",
    ),
    Actor(
        id="russian-units",
        name="Russian units",
        kind="armed_force",
        part_of="russia",
    ),
    Actor(
        id="donald-trump",
        name="Donald Trump",
        kind="person",
        aliases=["Trump", "President Donald Trump"],
        part_of="united-states",
        ids=ExternalIds(wikidata="Q22686"),
    ),
    Actor(
        id="us-officials",
        name="U.S. officials",
        kind="group",
        part_of="united-states",
    ),
    Actor(
        id="south-korean-authorities",
        name="South Korean authorities",
        kind="government_body",
        part_of="south-korea",
    ),
    Actor(
        id="volodymyr-zelenskyy",
        name="Volodymyr Zelenskyy",
        kind="person",
        aliases=["Zelenskyy", "Ukrainian President Volodymyr Zelenskyy"],
        part_of="ukraine",
        ids=ExternalIds(wikidata="Q3874799"),
    ),
    Actor(
        id="ukrainian-officials",
        name="Ukrainian officials",
        kind="group",
        part_of="ukraine",
    ),
    Actor(
        id="ukraine-military",
        name="Ukraine's military",
        kind="armed_force",
        aliases=["Ukraine\N{RIGHT SINGLE QUOTATION MARK}s military"],
        part_of="ukraine",
    ),
    Actor(
        id="ukrainian-special-operations-forces",
        name="Ukrainian Special Operations Forces",
        kind="armed_force",
        part_of="ukraine-military",
    ),
    Actor(
        id="un-security-council",
        name="United Nations Security Council",
        kind="international_org",
        aliases=["UN Security Council"],
    ),
    Actor(id="military-analysts", name="Military analysts", kind="group"),
    Actor(id="analysts", name="Analysts", kind="group"),
]

PLACES = [
    Place(
        id="kursk-region",
        name="Kursk region",
        kind="region",
        country="russia",
        aliases=["Kursk", "Kursk Oblast"],
        # A point near the regional capital, Kursk, rounded to a tenth of a
        # degree: it locates the region on a map, not its boundary.
        lat=51.7,
        lon=36.2,
    ),
    Place(
        id="vatican-city",
        name="Vatican City",
        kind="country",
        # The centre of the city-state, which is under half a square kilometre.
        lat=41.9029,
        lon=12.4534,
        ids=ExternalIds(wikidata="Q237"),
    ),
]

STATEMENTS = [
    Statement(
        id="state-media-confirms-deployment",
        speaker="north-korean-state-media",
        date=ON_MONDAY,
        kind="confirm",
        summary=(
            "North Korean state media confirm for the first time that North Korean "
            "troops were deployed to assist Russia's military efforts against "
            "Ukraine."
        ),
        about=["north-korea", "north-korean-forces", "russia", "ukraine"],
        citations=cite(
            "On Monday(4/28/25), North Korean state media confirmed for the first "
            "time that troops from the country had been deployed to assist "
            "Russia\N{RIGHT SINGLE QUOTATION MARK}s military efforts against Ukraine."
        ),
    ),
    Statement(
        id="commission-reports-authorisation",
        speaker="central-military-commission",
        date=ON_MONDAY,
        kind="report",
        via="north-korean-state-media",
        summary=(
            "The Central Military Commission says Kim Jong Un authorised the "
            "deployment under the strategic partnership treaty signed with Russia "
            "in 2024."
        ),
        about=["kim-jong-un", "north-korean-forces", "russia"],
        citations=cite(
            "Leader Kim Jong Un authorized the move under a strategic partnership "
            "treaty signed last year with Russian President Vladimir Putin, "
            "according to a statement from the Central Military Commission."
        ),
    ),
    Statement(
        id="kcna-reports-kursk-mission",
        speaker="kcna",
        date=ON_MONDAY,
        kind="report",
        summary=(
            "KCNA reports that North Korean forces helped Russian units retake "
            "territory in the Kursk region, and describes the mission as a display "
            "of loyalty and solidarity."
        ),
        about=["north-korean-forces", "russian-units"],
        citations=cite(
            "The Korean Central News Agency (KCNA) reported that North Korean forces "
            "helped Russian units retake territory in the Kursk region, describing "
            "the mission as a display of loyalty and solidarity."
        ),
    ),
    Statement(
        id="kim-praises-soldiers",
        speaker="kim-jong-un",
        date=SINCE_DEPLOYMENT,
        kind="praise",
        summary=(
            "Kim Jong Un praises the North Korean soldiers as heroes who defended "
            "the honour of their homeland while aiding Russia."
        ),
        about=["north-korean-forces"],
        citations=cite(
            "Kim praised the soldiers, calling them heroes who defended the honor "
            "of their homeland while aiding Russia."
        ),
    ),
    Statement(
        id="moscow-acknowledges-contribution",
        speaker="russia",
        date=OVER_THE_WEEKEND,
        kind="confirm",
        summary="Russia publicly acknowledges the North Korean contribution.",
        about=["north-korea", "north-korean-forces"],
        citations=cite(
            "Moscow also acknowledged the North Korean contribution publicly over "
            "the weekend."
        ),
    ),
    Statement(
        id="putin-thanks-north-korean-forces",
        speaker="vladimir-putin",
        date=SINCE_WEEKEND,
        kind="thank",
        via="kremlin",
        summary=(
            "Vladimir Putin thanks North Korean forces for their participation and "
            "sacrifice, and stresses the bonds formed between the two countries on "
            "the battlefield."
        ),
        about=["north-korean-forces", "north-korea"],
        citations=cite(
            "In a statement issued by the Kremlin, President Putin thanked North "
            "Korean forces for their participation and sacrifice, emphasizing the "
            "bonds formed between the two countries on the battlefield."
        ),
    ),
    Statement(
        id="us-demands-end-to-support",
        speaker="united-states",
        date=SINCE_WEEKEND,
        kind="demand",
        summary=(
            "The United States calls for an immediate end to North Korea's support "
            "for Russia, citing violations of UN Security Council resolutions."
        ),
        about=["north-korea", "russia", "un-security-council"],
        citations=cite(
            "The United States reacted by calling for an immediate end to North "
            "Korea\N{RIGHT SINGLE QUOTATION MARK}s support for Russia, citing "
            "violations of United Nations Security Council resolutions."
        ),
    ),
    Statement(
        id="us-officials-assign-responsibility",
        speaker="us-officials",
        date=SINCE_WEEKEND,
        kind="assess",
        summary=(
            "U.S. officials say that countries assisting the conflict share "
            "responsibility for its continuation."
        ),
        about=["north-korea"],
        citations=cite(
            "U.S. officials said countries assisting the conflict share "
            "responsibility for its continuation."
        ),
    ),
    Statement(
        id="south-korea-condemns-deployment",
        speaker="south-korean-authorities",
        date=SINCE_DEPLOYMENT,
        kind="condemn",
        summary=(
            "South Korean authorities call the troop deployment a criminal act "
            "that endangered the lives of young North Koreans."
        ),
        about=["north-korea", "north-korean-forces"],
        quote="criminal act",
        citations=cite(
            "South Korean authorities described the troop deployment as a "
            "\N{LEFT DOUBLE QUOTATION MARK}criminal act\N{RIGHT DOUBLE QUOTATION MARK}"
            " that endangered the lives of young North Koreans."
        ),
    ),
    Statement(
        id="analysts-estimate-troops",
        speaker="military-analysts",
        date=EARLIER_THIS_YEAR,
        kind="assess",
        summary=(
            "Military analysts estimate that North Korea sent roughly 11,000 troops "
            "to Russia in autumn 2024, a figure that includes reinforcements sent "
            "earlier in 2025."
        ),
        about=["north-korea", "north-korean-forces"],
        citations=cite(
            "Military analysts estimate that Pyongyang sent roughly 11,000 troops "
            "to Russia last fall, including reinforcements deployed earlier this "
            "year."
        ),
    ),
    Statement(
        id="reports-of-heavy-losses",
        date=SINCE_DEPLOYMENT,
        kind="report",
        summary=(
            "Unnamed reports suggest North Korean units took heavy losses early in "
            "their deployment, through limited experience of drone warfare and the "
            "battlefield conditions around Kursk."
        ),
        about=["north-korean-forces"],
        citations=cite(
            "Reports suggest North Korean units faced heavy losses early in their "
            "deployment due to their limited experience with drone warfare and the "
            "battlefield conditions around Kursk."
        ),
    ),
    Statement(
        id="ukrainian-officials-on-adaptation",
        speaker="ukrainian-officials",
        date=SINCE_DEPLOYMENT,
        kind="assess",
        summary=(
            "Ukrainian officials say the North Korean forces adapted over time and "
            "contributed to Russia's efforts through sheer numbers."
        ),
        about=["north-korean-forces", "russia"],
        citations=cite(
            "Ukrainian officials have said the North Korean forces adapted over "
            "time and contributed to Russia\N{RIGHT SINGLE QUOTATION MARK}s efforts "
            "through sheer numbers."
        ),
    ),
    Statement(
        id="russia-claims-control-of-kursk",
        speaker="russia",
        date=SINCE_DEPLOYMENT,
        kind="claim",
        summary="Russia claims full control over the Kursk region.",
        about=["russia"],
        citations=cite(
            "Russia\N{RIGHT SINGLE QUOTATION MARK}s claim of full control over the "
            "Kursk region"
        ),
    ),
    Statement(
        id="ukraine-disputes-kursk-control",
        speaker="ukraine-military",
        date=SINCE_DEPLOYMENT,
        kind="dispute",
        summary="Ukraine's military disputes Russia's claim of full control over the "
        "Kursk region.",
        about=["russia"],
        responds_to="russia-claims-control-of-kursk",
        citations=cite(
            "Ukraine\N{RIGHT SINGLE QUOTATION MARK}s military has disputed "
            "Russia\N{RIGHT SINGLE QUOTATION MARK}s claim of full control over the "
            "Kursk region."
        ),
    ),
    Statement(
        id="special-forces-report-unit-eliminated",
        speaker="ukrainian-special-operations-forces",
        date=SINCE_DEPLOYMENT,
        kind="report",
        summary=(
            "Ukrainian Special Operations Forces report eliminating a North Korean "
            "unit, and release images of evidence recovered from the scene, "
            "including documents written in Korean."
        ),
        about=["eliminated-north-korean-unit"],
        citations=cite(
            "Ukrainian Special Operations Forces recently reported eliminating a "
            "North Korean unit and released images showing evidence, including "
            "documents written in Korean, recovered from the scene."
        ),
    ),
    Statement(
        id="first-foreign-involvement-since-korean-war",
        date=ON_MONDAY,
        kind="report",
        summary=(
            "This is North Korea's first confirmed direct involvement in a foreign "
            "conflict since the Korean War."
        ),
        about=["north-korea"],
        citations=cite(
            "This is North Korea\N{RIGHT SINGLE QUOTATION MARK}s first confirmed "
            "direct involvement in a foreign conflict since the Korean War."
        ),
    ),
    Statement(
        id="analysts-on-announcement",
        speaker="analysts",
        date=ON_MONDAY,
        kind="assess",
        summary=(
            "Analysts believe North Korea's open announcement strengthens its "
            "growing ties with Russia while it seeks political and economic "
            "benefits in return."
        ),
        about=["north-korea", "russia"],
        citations=cite(
            "Analysts believe Pyongyang\N{RIGHT SINGLE QUOTATION MARK}s open "
            "announcement strengthens its growing ties with Moscow while seeking "
            "political and economic benefits in return."
        ),
    ),
    Statement(
        id="concerns-over-weapons-transfers",
        date=ON_MONDAY,
        kind="assess",
        summary=(
            "Unattributed concerns that deeper cooperation could include transfers "
            "of advanced weapons technology from Russia to North Korea."
        ),
        about=["russia", "north-korea"],
        citations=cite(
            "There are also concerns that deeper cooperation could include "
            "transfers of advanced weapons technology from Russia to North Korea."
        ),
    ),
    Statement(
        id="peace-efforts-under-way",
        date=ON_MONDAY,
        kind="report",
        summary="Peace efforts are under way as North Korea confirms its deployment.",
        about=["russia", "ukraine"],
        citations=cite(
            "The confirmation comes at a time when peace efforts are underway."
        ),
    ),
    Statement(
        id="trump-urges-talks",
        speaker="donald-trump",
        date=UNDATED,
        kind="urge",
        summary="Donald Trump urges both sides to engage in high-level talks.",
        about=["russia", "ukraine"],
        citations=cite("Trump has urged both sides to engage in high-level talks"),
    ),
    Statement(
        id="skepticism-about-russian-willingness",
        date=ON_MONDAY,
        kind="assess",
        summary=(
            "Skepticism remains about Russia's willingness to negotiate after "
            "recent battlefield developments."
        ),
        about=["russia"],
        citations=cite(
            "though skepticism remains about Russia\N{RIGHT SINGLE QUOTATION MARK}s "
            "willingness to negotiate after recent battlefield developments."
        ),
    ),
    Statement(
        id="involvement-adds-complexity",
        date=ON_MONDAY,
        kind="assess",
        summary="North Korea's involvement adds another layer of complexity to the "
        "continuing conflict.",
        about=["north-korea"],
        citations=cite(
            "As the conflict continues, North Korea\N{RIGHT SINGLE QUOTATION MARK}s "
            "involvement adds another layer of complexity."
        ),
    ),
    Statement(
        id="involvement-shifts-alliances",
        date=ON_MONDAY,
        kind="assess",
        summary=(
            "North Korea's participation affects the military balance and signals "
            "shifts in global alliances, as Russia and North Korea deepen their "
            "cooperation in defiance of international sanctions and diplomatic "
            "pressure."
        ),
        about=["north-korea", "russia"],
        citations=cite(
            "Its participation not only affects the military balance but also "
            "signals shifts in global alliances, as both Russia and North Korea "
            "deepen their cooperation in defiance of international sanctions and "
            "diplomatic pressure."
        ),
    ),
]

DEPLOYMENTS = [
    Deployment(
        id="north-korean-troops-in-russia",
        sender="north-korea",
        host="russia",
        date=LAST_FALL,
        place="kursk-region",
        unit="north-korean-forces",
        role=(
            "To assist Russia's military efforts against Ukraine; KCNA reports they "
            "helped Russian units retake territory in the Kursk region. The estimate "
            "of roughly 11,000 includes the reinforcements deployed earlier in 2025."
        ),
        citations=cite(
            "troops from the country had been deployed to assist "
            "Russia\N{RIGHT SINGLE QUOTATION MARK}s military efforts against Ukraine",
            "North Korean forces helped Russian units retake territory in the Kursk "
            "region",
            "Military analysts estimate that Pyongyang sent roughly 11,000 troops "
            "to Russia last fall, including reinforcements deployed earlier this "
            "year.",
        ),
    ),
    Deployment(
        id="north-korean-reinforcements",
        sender="north-korea",
        host="russia",
        date=EARLIER_THIS_YEAR,
        unit="north-korean-forces",
        role=(
            "Reinforcements for the North Korean forces in Russia. They are counted "
            "in the roughly 11,000 troops of the deployment they joined, so they "
            "carry no figure of their own."
        ),
        reinforces="north-korean-troops-in-russia",
        citations=cite(
            "roughly 11,000 troops to Russia last fall, including reinforcements "
            "deployed earlier this year."
        ),
    ),
]

EVENTS = [
    Event(
        id="strategic-partnership-treaty",
        kind="agreement",
        date=LAST_YEAR,
        summary=(
            "North Korea, led by Kim Jong Un, signs a strategic partnership treaty "
            "with Russia's President Vladimir Putin."
        ),
        participants=["north-korea", "russia", "kim-jong-un", "vladimir-putin"],
        citations=cite(
            "a strategic partnership treaty signed last year with Russian President "
            "Vladimir Putin"
        ),
    ),
    Event(
        id="kim-authorises-deployment",
        kind="decision",
        date=TREATY_TO_DEPLOYMENT,
        summary=(
            "Kim Jong Un authorises sending North Korean troops to Russia under the "
            "strategic partnership treaty, according to the Central Military "
            "Commission."
        ),
        participants=["kim-jong-un"],
        citations=cite(
            "Leader Kim Jong Un authorized the move under a strategic partnership "
            "treaty signed last year"
        ),
    ),
    Event(
        id="kursk-territory-retaken",
        kind="operation",
        date=SINCE_DEPLOYMENT,
        summary=(
            "North Korean forces help Russian units retake territory in the Kursk "
            "region, according to KCNA."
        ),
        participants=["north-korean-forces", "russian-units"],
        place="kursk-region",
        citations=cite(
            "North Korean forces helped Russian units retake territory in the Kursk "
            "region"
        ),
    ),
    Event(
        id="north-korean-unit-eliminated",
        kind="operation",
        date=SINCE_DEPLOYMENT,
        summary=(
            "Ukrainian Special Operations Forces eliminate a North Korean unit, by "
            "their own report; the evidence recovered from the scene includes "
            "documents written in Korean."
        ),
        participants=[
            "ukrainian-special-operations-forces",
            "eliminated-north-korean-unit",
        ],
        citations=cite(
            "Ukrainian Special Operations Forces recently reported eliminating a "
            "North Korean unit and released images showing evidence, including "
            "documents written in Korean, recovered from the scene."
        ),
    ),
    Event(
        id="trump-zelenskyy-meeting",
        kind="meeting",
        date=OVER_THE_WEEKEND,
        summary=(
            "Donald Trump and Volodymyr Zelenskyy meet in Vatican City to discuss "
            "prospects for a ceasefire."
        ),
        participants=["donald-trump", "volodymyr-zelenskyy"],
        place="vatican-city",
        citations=cite(
            "President Donald Trump and Ukrainian President Volodymyr Zelenskyy met "
            "over the weekend in Vatican City to discuss prospects for a ceasefire."
        ),
    ),
]


FIGURES = [
    Figure(
        id="north-korean-troops-in-russia-troops",
        kind="troops",
        count=Estimate(best=11_000, approximate=True),
        # The count covers the troops sent last fall and the reinforcements
        # sent earlier this year: from autumn 2024 to the publication day.
        date=SINCE_DEPLOYMENT,
        side="north-korea",
        deployment="north-korean-troops-in-russia",
        by=["military-analysts"],
        citations=cite(
            "Military analysts estimate that Pyongyang sent roughly 11,000 troops "
            "to Russia last fall, including reinforcements deployed earlier this "
            "year."
        ),
    ),
]


def build(article_text: str) -> Brief:
    """Return the dataset, with *article_text* as the article's full text."""
    return Brief(
        id="dprk-russia-2025",
        title="North Korea confirms its troops are fighting for Russia",
        as_of=PUBLISHED,
        summary=(
            "A report of 28 April 2025: North Korea confirms for the first time "
            "that its troops are fighting for Russia against Ukraine, in the Kursk "
            "region; the reactions of Russia, the United States, South Korea and "
            "Ukraine; the troop estimate; and the peace efforts under way."
        ),
        actors=ACTORS,
        places=PLACES,
        sources=sources(article_text),
        statements=STATEMENTS,
        deployments=DEPLOYMENTS,
        events=EVENTS,
        figures=FIGURES,
    )


def main(argv: list[str] | None = None) -> int:
    """Write the dataset, or with ``--check`` report whether it is up to date."""
    parser = argparse.ArgumentParser(
        description="Build the bundled dataset dprk-russia-2025 from the article."
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="exit 1 if the packaged file differs from what this script builds",
    )
    args = parser.parse_args(argv)
    built = conflictbrief.dumps(build(ARTICLE_FILE.read_bytes().decode("utf-8")))
    if args.check:
        if not OUTPUT.is_file() or OUTPUT.read_bytes() != built.encode("utf-8"):
            print(
                f"{OUTPUT} is out of date; run {Path(__file__).name}", file=sys.stderr
            )
            return 1
        return 0
    OUTPUT.write_bytes(built.encode("utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
