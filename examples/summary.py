"""Print what a brief says, from the public API.

    python examples/summary.py              # the bundled report
    python examples/summary.py BRIEF.json   # a brief file of your own

What the brief covers and its sources; who is involved, by kind; what
happened and who said what, in date order, with dates as precise as the
report gives them; how many troops were sent and on whose estimate; and
which claims are disputed, by whom. `str(brief)` gives all of it, with the
brief's names for its ids; every record behind it cites its sentence.
"""

from __future__ import annotations

import sys

from conflictbrief import datasets, load


def main(argv: list[str]) -> None:
    """Print the summary of the brief file in *argv*, else of the default dataset."""
    brief = load(argv[0]) if argv else datasets.load()
    print(brief)


if __name__ == "__main__":
    main(sys.argv[1:])
