"""Ask the bundled report the questions conflictbrief is for, and print the answers.

    python examples/questions.py

Who said what, and when; what a state and everyone who is part of it said;
how many troops were sent and on whose estimate; which claims are disputed
and by whom; and the exact words of the report behind an answer.
"""

from __future__ import annotations

from conflictbrief import datasets


def main() -> None:
    """Print each question and its answers."""
    brief = datasets.load()
    # describe() shows names where it is given them, and ids where not.
    names = {a.id: a.name for a in brief.actors}

    print("What did Kim Jong Un say, and when?")
    kim = brief.actors.named("Kim Jong Un")
    for st in brief.statements.where(speaker=kim):
        print(f"  {st.date.describe()}: [{st.kind.value}] {st.summary}")
    print()

    print("What did the United States say, counting its officials and president?")
    for st in brief.statements.where(speaker="united-states", members=True):
        print(f"  {st.describe(names)}")
    print()

    print("How many North Korean troops, and on whose estimate?")
    tally = brief.tally("troops", side="north-korea")
    if tally is not None:
        print(f"  in all: {tally.estimate}")
        for part in tally.parts:
            for figure, who in zip(part.figures, part.given_by, strict=True):
                print(f"  {figure.count}, estimated by {who} ({figure.id})")
    print()

    print("Which claims are disputed, and by whom?")
    for dispute in brief.disputes():
        print(dispute.describe(names))
    print()

    print("What exactly does the report say behind the disputed claim?")
    claim = brief.disputes()[0].claim
    opening, closing = (
        "\N{LEFT DOUBLE QUOTATION MARK}",
        "\N{RIGHT DOUBLE QUOTATION MARK}",
    )
    for source, quote in brief.evidence(claim):
        print(f"  {source.title}: {opening}{quote}{closing}")


if __name__ == "__main__":
    main()
