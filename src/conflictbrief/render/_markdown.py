"""A brief as a Markdown document, every fact footnoted to its quote.

The text of a brief is data, not markup: every piece of it is escaped, so
that a summary holding ``*``, ``[x](y)``, ``<script>`` or a line break reads
as those characters and never changes the layout.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from conflictbrief._base.links import linkable
from conflictbrief._base.text import SEP, brief_names, name_of
from conflictbrief.brief import Brief
from conflictbrief.dates._calendar import day_words
from conflictbrief.records import Statement
from conflictbrief.sources import Source

from ._document import (
    Note,
    Notes,
    key_figures,
    line_parts,
    one_line,
    said_by,
)

__all__ = ["markdown", "md_text"]

_PUNCTUATION = str.maketrans({c: f"\\{c}" for c in "\\`*_[]<>#|~&!"})

_LINE_START = re.compile(r"^(?:[-+=]|\d+(?=[.)]))")
"""What would make a line a list item or a heading underline if left bare."""


def md_text(text: str) -> str:
    """Return *text* as Markdown that shows it as it is, on one line."""
    escaped = one_line(text).translate(_PUNCTUATION)
    # A list marker is escaped at its punctuation: "\-", but "1\.".
    return _LINE_START.sub(_escape_marker, escaped)


def _escape_marker(found: re.Match[str]) -> str:
    marker = found.group()
    return f"{marker}\\" if marker.isdigit() else f"\\{marker}"


def _md_url(url: str) -> str:
    """*url* as the destination of a link, inside ``<...>``."""
    return url.replace("\\", "%5C").replace("<", "%3C").replace(">", "%3E")


def _refs(notes: Iterable[Note]) -> str:
    # Side by side, [^1][^2] reads as note 12 once rendered: a comma parts them.
    return ",".join(f"[^{n.number}]" for n in notes)


def _source_text(source: Source) -> str:
    """The source's title, linked where its address is http(s)."""
    title = md_text(source.title)
    url = linkable(source.url)
    if url is not None:
        return f"[{title}](<{_md_url(url)}>)"
    if source.url is not None:
        return f"{title} ({md_text(source.url)})"
    return title


def _statement(statement: Statement, notes: Notes) -> str:
    refs = _refs(notes.cite(statement.citations))
    when = md_text(statement.date.describe())
    said = ""
    if statement.quote is not None:
        said = (
            f" \N{EM DASH} \N{LEFT DOUBLE QUOTATION MARK}{md_text(statement.quote)}"
            "\N{RIGHT DOUBLE QUOTATION MARK}"
        )
    summary = md_text(statement.summary)
    return f"- *{when}*, {statement.kind.value}: {summary}{said}{refs}"


def markdown(brief: Brief) -> str:
    """Return *brief* as a Markdown document; see `conflictbrief.render`."""
    names = brief_names(brief)
    notes = Notes(brief.sources)
    out = [f"# {md_text(brief.title)}", "", f"*As of {day_words(brief.as_of)}.*", ""]

    out += ["## Bottom line", ""]
    if brief.summary:
        out += [md_text(brief.summary), ""]
    figures = key_figures(brief, names)
    if figures:
        out += ["**Key figures**", ""]
        for kf in figures:
            refs = _refs(notes.cite(c for f in kf.figures for c in f.citations))
            who = md_text(", ".join(kf.given_by))
            detail = f" \N{EM DASH} {md_text(kf.detail)}" if kf.detail else ""
            out.append(
                f"- **{md_text(kf.label)}**: {md_text(str(kf.tally.estimate))} "
                f"({who}){refs}{detail}"
            )
        out.append("")

    groups = said_by(brief, names)
    if groups:
        out += ["## Who said what", ""]
        for speaker, statements in groups:
            out += [f"### {md_text(speaker)}", ""]
            out += [_statement(st, notes) for st in statements]
            out.append("")

    disputes = brief.disputes()
    if disputes:
        out += ["## Disputes", ""]
        for dispute in disputes:
            claim = dispute.claim
            who = "the source" if claim.speaker is None else claim.speaker
            out.append(
                f"- **Claim** by {md_text(name_of(names, who))}, "
                f"*{md_text(claim.date.describe())}*: {md_text(claim.summary)}"
                f"{_refs(notes.cite(claim.citations))}"
            )
            for rebuttal in dispute.rebuttals:
                by = "the source" if rebuttal.speaker is None else rebuttal.speaker
                out.append(
                    f"  - **Disputed by** {md_text(name_of(names, by))}, "
                    f"*{md_text(rebuttal.date.describe())}*: "
                    f"{md_text(rebuttal.summary)}"
                    f"{_refs(notes.cite(rebuttal.citations))}"
                )
        out.append("")

    timeline = brief.timeline()
    if timeline:
        out += ["## Timeline", ""]
        for record in timeline:
            when, kind, rest = line_parts(record, names)
            refs = _refs(notes.cite(record.citations))
            out.append(f"- *{md_text(when)}*{SEP}{kind}{SEP}{md_text(rest)}{refs}")
        out.append("")

    if len(brief.sources):
        out += ["## Sources", ""]
        for source in brief.sources:
            parts = [_source_text(source), source.kind.value]
            if source.published is not None:
                parts.append(md_text(source.published.describe()))
            if source.attribution is not None:
                parts.append(f"credit: {md_text(source.attribution)}")
            if source.license is not None:
                parts.append(md_text(source.license))
            out.append(f"- {SEP.join(parts)}")
        out.append("")

    for note in notes:
        quote = md_text(note.quote)
        out.append(
            f"[^{note.number}]: \N{LEFT DOUBLE QUOTATION MARK}{quote}"
            f"\N{RIGHT DOUBLE QUOTATION MARK} \N{EM DASH} {_source_text(note.source)}"
        )
    return "\n".join(out).rstrip("\n") + "\n"
