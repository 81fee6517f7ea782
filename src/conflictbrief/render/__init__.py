"""Briefs as documents for people: Markdown, and one self-contained HTML file.

Both say the same things in the same order, for a reader who has a minute:
the title and the day the brief describes; the bottom line (the summary, and
the key figures: a tally for each kind of figure and side, with its range
and who gave it); who said what, by speaker, with dates in words; each
disputed claim with its rebuttals; the timeline; the sources; and the
footnotes, one for every quote behind a fact, with its source.

    >>> from conflictbrief import datasets
    >>> from conflictbrief.render import to_markdown
    >>> print(to_markdown(datasets.load()).splitlines()[0])
    # North Korea confirms its troops are fighting for Russia

The brief's text is data, never markup: both formats escape it, and only
http and https addresses become links.
"""

from __future__ import annotations

from conflictbrief.brief import Brief

__all__ = ["to_html", "to_markdown"]


def to_markdown(brief: Brief) -> str:
    """Return *brief* as a Markdown document, every fact footnoted.

    Footnotes are written ``[^n]`` (GitHub, Pandoc and most renderers read
    them), numbered in the order the document first cites them; each holds
    the verbatim quote and the source's title, linked where its address is
    http or https. Every piece of the brief's text is escaped, on one line,
    so that it cannot change the layout.

    Raises:
        TypeError: *brief* is not a `Brief`.
    """
    from ._markdown import markdown  # read when first used

    return markdown(_checked(brief, "to_markdown"))


def to_html(brief: Brief) -> str:
    """Return *brief* as one self-contained HTML file.

    The file needs no network and runs no script: its style is inline, its
    timeline is inline SVG (a dot for a day, a bar for a span a date may
    fall in, a fading bar for an open end), and its Content-Security-Policy
    forbids scripts and loads. Every fact carries a numbered footnote
    linking to its quote and source, with a link back. Every piece of the
    brief's text is escaped; only http and https addresses become links,
    any other (``javascript:``, ``data:``) is shown as text.

    Raises:
        TypeError: *brief* is not a `Brief`.
    """
    from ._html import html_document  # read when first used

    return html_document(_checked(brief, "to_html"))


def _checked(brief: Brief, name: str) -> Brief:
    if not isinstance(brief, Brief):
        raise TypeError(f"{name}() takes a Brief, got {type(brief).__name__}")
    return brief
