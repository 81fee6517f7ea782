"""A brief with a record for each kind of question the query tests ask."""

from __future__ import annotations

from datetime import date
from typing import Any

from conflictbrief import (
    Actor,
    Brief,
    Citation,
    Deployment,
    Estimate,
    Event,
    Figure,
    Place,
    Source,
    Statement,
)

ARTICLE_TEXT = (
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
            text=ARTICLE_TEXT,
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
            place="kursk",
            unit="kp-army",
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
    figures = [
        Figure(
            id="main-troops",
            kind="troops",
            count=Estimate(best=11_000, approximate=True),
            date="2024-23",
            side="north-korea",
            deployment="main",
            by=["analysts"],
            citations=cite("Analysts estimate 11,000 troops were sent last fall."),
        ),
        Figure(
            id="small-troops",
            kind="troops",
            count=Estimate(low=400, high=600),
            date="2024-10",
            side="north-korea",
            deployment="small",
            citations=cite("A smaller unit served from October to February."),
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
        figures=figures,
    )


BRIEF = make_brief()


def ids(records: Any) -> list[str]:
    return [r.id for r in records]
