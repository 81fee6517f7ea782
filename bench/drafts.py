"""Time `draft` on a 946-word article, against loading the brief it drafts.

The article is the bundled report's text twice over (946 words), drafted
with the bundled brief as `known`; the rival is `conflictbrief.loads` of the
draft's own JSON, the same brief read instead of drafted. Best of several
rounds each, alternating, after one untimed draft (which compiles the
drafter's patterns and imports the date grammar).
"""

from __future__ import annotations

import time

from report import Row, seconds

from conflictbrief import datasets, draft, dumps, loads

TARGET = 0.05
"""The most a 1,000-word article may take to draft, in seconds."""


def measure_draft(rounds: int) -> Row:
    """A row: the time to draft the article, against loading its brief."""
    known = datasets.load()
    source = next(s for s in known.sources if s.text)
    text = f"{source.text}\n\n{source.text}"
    day = source.published.earliest if source.published else None
    words = len(text.split())
    data = dumps(draft(text, published=day, known=known).brief)  # type: ignore[arg-type]
    drafting = loading = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        draft(text, published=day, known=known)  # type: ignore[arg-type]
        drafting = min(drafting, time.perf_counter() - start)
        start = time.perf_counter()
        loads(data)
        loading = min(loading, time.perf_counter() - start)
    return Row(
        f"draft a {words}-word article (best of {rounds})",
        seconds(drafting),
        f"loads of its brief {seconds(loading)}",
        loading / drafting,
        f"< {seconds(TARGET)}",
        "PASS" if drafting < TARGET else "MISS",
    )
