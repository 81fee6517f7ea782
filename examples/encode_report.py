"""Encode a short report into a brief from scratch, then check and print it.

    python examples/encode_report.py

The report below was written for this example; its states are invented. The
script declares a source holding the text, the actors it names, a statement
whose citation is found with `Source.passage`, a deployment and a troop
figure. Constructing the `Brief` checks it all: ids, references, that every
quote is in the text. `Brief.uncited` then lists the sentences no record
cites yet, the work left to do.
"""

from __future__ import annotations

from datetime import date

from conflictbrief import (
    Actor,
    Brief,
    Citation,
    Deployment,
    Estimate,
    Figure,
    Source,
    Statement,
)

TEXT = (
    "On Tuesday the defence ministry of Norland said that about 2,000 of its "
    "soldiers had crossed into Sudria during the previous week. "
    "Sudria\N{RIGHT SINGLE QUOTATION MARK}s foreign minister called the move "
    "\N{LEFT DOUBLE QUOTATION MARK}an invasion in all but name"
    "\N{RIGHT DOUBLE QUOTATION MARK} and asked for talks. "
    "Aid groups in the border towns reported long queues at the crossings."
)


def build() -> Brief:
    """Return the brief of the example report."""
    source = Source(
        id="norland-crossing",
        title="Norland soldiers cross into Sudria (example text)",
        kind="article",
        published=date(2025, 6, 4),
        text=TEXT,
    )
    # The quote is typed with straight quotation marks and comes back with the
    # curly ones the text has, so that the brief's check finds it.
    insult = source.passage('called the move "an invasion in all but name"')
    crossing = source.passage(
        "about 2,000 of its soldiers had crossed into Sudria during the previous week"
    )
    return Brief(
        id="norland-sudria-example",
        title="Norland sends soldiers into Sudria",
        as_of=date(2025, 6, 4),
        actors=[
            Actor(id="norland", name="Norland", kind="state"),
            Actor(id="sudria", name="Sudria", kind="state"),
            Actor(
                id="norland-defence-ministry",
                name="Norland's defence ministry",
                kind="government_body",
                part_of="norland",
            ),
            Actor(
                id="sudria-foreign-minister",
                name="Sudria's foreign minister",
                kind="person",
                part_of="sudria",
            ),
        ],
        sources=[source],
        statements=[
            Statement(
                id="sudria-condemns-crossing",
                speaker="sudria-foreign-minister",
                date="2025-06-03",
                kind="condemn",
                summary="Sudria's foreign minister calls the crossing an invasion.",
                about=["norland"],
                quote="an invasion in all but name",
                citations=[Citation(source=source.id, quote=insult)],
            ),
        ],
        deployments=[
            Deployment(
                id="norland-soldiers-in-sudria",
                sender="norland",
                host="sudria",
                date="2025-05-26/2025-06-01",
                citations=[Citation(source=source.id, quote=crossing)],
            ),
        ],
        figures=[
            Figure(
                id="norland-soldiers-in-sudria-troops",
                kind="troops",
                count=Estimate(best=2_000, approximate=True),
                date="2025-05-26/2025-06-01",
                side="norland",
                deployment="norland-soldiers-in-sudria",
                by=["norland-defence-ministry"],
                citations=[Citation(source=source.id, quote=crossing)],
            ),
        ],
    )


def main() -> None:
    """Build the brief, then print what is left to cite and the brief itself."""
    brief = build()
    print("Not yet cited:")
    for source_id, sentence in brief.uncited():
        print(f"  {source_id}: {sentence}")
    print()
    print(brief)


if __name__ == "__main__":
    main()
