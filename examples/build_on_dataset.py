"""Build on the bundled dataset: add records that use its actors, merge a brief.

    python examples/build_on_dataset.py

Both texts below were written for this example. The first is added to the
dataset with `Brief.extend`, its statement naming the dataset's own actors
by id. The second is a small brief of its own that spells North Korea and
Kim Jong Un under other ids: `Brief.matches` shows which of its actors may
be the dataset's, and `Brief.merge(same=...)` joins the ones the matches do
not join by themselves.
"""

from __future__ import annotations

from datetime import date

from conflictbrief import (
    Actor,
    Brief,
    Citation,
    ExternalIds,
    Source,
    Statement,
    datasets,
)

NOTE = (
    "This note was written for an example and reports nothing new. "
    "Its author expects the fighting over the Kursk region to go on into the "
    "summer, with Russia and Ukraine both sending more units."
)

RECAP = (
    "A recap written for an example: Kim Jong Un hailed the soldiers he sent "
    "to the Kursk region as heroes."
)


def extended(bundled: Brief) -> Brief:
    """Return the dataset with the note, its author and their statement added."""
    note = Source(id="example-note", title="An example note", kind="report", text=NOTE)
    return bundled.extend(
        actors=[Actor(id="example-author", name="The note's author", kind="person")],
        sources=[note],
        statements=[
            Statement(
                id="author-expects-longer-fight",
                speaker="example-author",
                date="2025-04-28",
                kind="assess",
                summary="The note's author expects the Kursk fighting to continue.",
                about=["russia", "ukraine"],  # the dataset's actors, by id
                citations=[
                    Citation(
                        source=note.id,
                        quote=note.passage("expects the fighting over the Kursk"),
                    )
                ],
            )
        ],
    )


def recap() -> Brief:
    """Return the second brief, whose ids are not the dataset's."""
    source = Source(
        id="example-recap", title="An example recap", kind="report", text=RECAP
    )
    return Brief(
        id="example-recap",
        title="A recap",
        as_of=date(2025, 4, 30),
        actors=[
            Actor(id="dprk", name="DPRK", kind="state", ids=ExternalIds(iso3="PRK")),
            Actor(id="kim", name="Kim Jong Un", kind="person", part_of="dprk"),
        ],
        sources=[source],
        statements=[
            Statement(
                id="kim-hails-soldiers",
                speaker="kim",
                date="2024-09/2025-04-28",
                kind="praise",
                summary="Kim Jong Un calls the soldiers he sent to Kursk heroes.",
                about=["dprk"],
                citations=[
                    Citation(
                        source=source.id, quote=source.passage("hailed the soldiers")
                    )
                ],
            )
        ],
    )


def main() -> None:
    """Extend the dataset, then merge the recap into it, printing each step."""
    bundled = datasets.load()
    grown = extended(bundled)
    added = grown.statements["author-expects-longer-fight"]
    about = ", ".join(grown.actors[a].name for a in added.about)
    print(f"Added to the dataset: {added.summary} (about {about})")
    print(f"Statements: {len(bundled.statements)} -> {len(grown.statements)}")
    print()

    second = recap()
    print("Actors of the recap that may be the dataset's:")
    for match in grown.matches(second):
        print(f"  {match}")
    same = {"kim": "kim-jong-un"}
    merged = grown.merge(second, same=same)
    print()
    speaker = merged.statements["kim-hails-soldiers"].speaker
    print(f"After merge(same={same}): the recap's speaker is {speaker!r}")
    print(f"North Korea's aliases: {', '.join(merged.actors['north-korea'].aliases)}")
    print(f"Actors: {len(grown.actors)} + {len(second.actors)} -> {len(merged.actors)}")


if __name__ == "__main__":
    main()
