"""A brief as one self-contained HTML file: no script, no network, inline CSS.

The file reads the same offline and in ten years: its style is inline, its
timeline is inline SVG, and it loads nothing. Its Content-Security-Policy
refuses scripts and every load, so that even a mistake in escaping could
not run code or call out; and every piece of the brief's text is escaped,
so that such a mistake does not happen. Only http and https addresses
become links.
"""

from __future__ import annotations

from collections.abc import Iterable

from conflictbrief._base.links import linkable
from conflictbrief._base.text import brief_names, escape, name_of
from conflictbrief.brief import Brief
from conflictbrief.dates import DateSpan
from conflictbrief.dates._calendar import day_words
from conflictbrief.records import Statement
from conflictbrief.sources import Citation, Source

from ._document import (
    Note,
    Notes,
    key_figures,
    line_parts,
    said_by,
)
from ._svg import timeline_svg

__all__ = ["html_document"]

POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
"""Nothing loads and nothing runs: the document's styles are its own."""

STYLE = """
:root { color-scheme: light; --accent: #b4522d; --muted: #5b6470; }
body { font: 16px/1.55 system-ui, -apple-system, "Segoe UI", sans-serif;
  color: #1d232b; background: #fdfcfa; margin: 0; }
main { max-width: 62rem; margin: 0 auto; padding: 2rem 1.5rem 4rem; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 .3rem; }
h2 { font-size: 1.3rem; margin: 2.2rem 0 .6rem; padding-bottom: .2rem;
  border-bottom: 2px solid var(--accent); }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .3rem; }
.as-of, .when, .kind, .given-by, .detail, .source-line { color: var(--muted); }
.bottom-line { background: #f4efe9; border-left: 5px solid var(--accent);
  padding: .4rem 1.2rem 1rem; }
.summary { font-size: 1.1rem; }
.key-figures { list-style: none; padding: 0; }
.key-figures li { margin: .3rem 0; }
.estimate { font-size: 1.25rem; font-weight: 700; color: var(--accent); }
.kind { font-variant: small-caps; }
ul, ol { padding-left: 1.4rem; }
li { margin: .25rem 0; }
.rebuttals { border-left: 3px solid #ccc; margin-left: .4rem; }
sup a, .back { text-decoration: none; color: var(--accent); }
.notes blockquote { margin: 0; font-style: italic; }
.notes li:target { background: #fff3c4; }
svg.timeline { display: block; font: 12px system-ui, sans-serif; }
svg .tick { stroke: #ddd; }
svg .tick-label, svg .row-label { fill: #444; }
svg .as-of { stroke: var(--accent); stroke-dasharray: 3 3; }
svg .as-of-label { fill: var(--accent); }
svg .day { fill: #1d4e89; }
svg .span { fill: #b4522d; opacity: .85;
  stroke: #b4522d; /* a span of days stays visible on a narrow screen */ }
svg .arrow { fill: #b4522d; opacity: .6; }
svg .more { fill: var(--muted); font-style: italic; }
svg .row:hover .row-label { fill: #000; font-weight: 700; }
"""


class _Refs:
    """Footnote marks: each a link with an id, so that a note can link back.

    A fact's marks share one superscript, a comma between each two, so that
    notes 1 and 2 read "1,2" and never as note 12.
    """

    def __init__(self, notes: Notes) -> None:
        self.notes = notes
        self.seen: dict[int, int] = {}

    def __call__(self, citations: Iterable[Citation]) -> str:
        marks = ",".join(self._one(n) for n in self.notes.cite(citations))
        return f'<sup class="ref">{marks}</sup>' if marks else ""

    def _one(self, note: Note) -> str:
        n = note.number
        self.seen[n] = self.seen.get(n, 0) + 1
        ref = f"ref-{n}" if self.seen[n] == 1 else f"ref-{n}-{self.seen[n]}"
        return f'<a id="{ref}" href="#q{n}">{n}</a>'


def _source(source: Source) -> str:
    """The source's title, linked only where its address is http(s)."""
    title = escape(source.title)
    url = linkable(source.url)
    if url is not None:
        return f'<a href="{escape(url)}" rel="noopener noreferrer">{title}</a>'
    if source.url is not None:
        return f'{title} <span class="url">({escape(source.url)})</span>'
    return title


def _when(span: DateSpan) -> str:
    """The span in words, its EDTF form on hover."""
    edtf, words = escape(str(span)), escape(span.describe())
    return f'<span class="when" title="{edtf}">{words}</span>'


def _statement(statement: Statement, refs: _Refs) -> str:
    said = ""
    if statement.quote is not None:
        said = f" <q>{escape(statement.quote)}</q>"
    return (
        f"<li>{_when(statement.date)} "
        f'<span class="kind">{statement.kind.value}</span>: '
        f"{escape(statement.summary)}{said}{refs(statement.citations)}</li>"
    )


def _speaker(names: dict[str, str], speaker: str | None) -> str:
    return "the source" if speaker is None else escape(name_of(names, speaker))


def _bottom_line(brief: Brief, names: dict[str, str], refs: _Refs) -> list[str]:
    out = [
        '<section class="bottom-line" aria-labelledby="bottom-line">',
        '<h2 id="bottom-line">Bottom line</h2>',
    ]
    if brief.summary:
        out.append(f'<p class="summary">{escape(brief.summary)}</p>')
    figures = key_figures(brief, names)
    if figures:
        out += ["<h3>Key figures</h3>", '<ul class="key-figures">']
        for kf in figures:
            cited = refs(c for f in kf.figures for c in f.citations)
            detail = (
                f' <span class="detail">({escape(kf.detail)})</span>'
                if kf.detail
                else ""
            )
            out.append(
                f'<li><span class="label">{escape(kf.label)}</span>: '
                f'<span class="estimate">{escape(str(kf.tally.estimate))}</span> '
                f'<span class="given-by">({escape(", ".join(kf.given_by))})</span>'
                f"{cited}{detail}</li>"
            )
        out.append("</ul>")
    out.append("</section>")
    return out


def _said(brief: Brief, names: dict[str, str], refs: _Refs) -> list[str]:
    groups = said_by(brief, names)
    if not groups:
        return []
    out = ['<section aria-labelledby="who-said-what">']
    out.append('<h2 id="who-said-what">Who said what</h2>')
    for speaker, statements in groups:
        out += [f"<h3>{escape(speaker)}</h3>", "<ul>"]
        out += [_statement(st, refs) for st in statements]
        out.append("</ul>")
    out.append("</section>")
    return out


def _disputes(brief: Brief, names: dict[str, str], refs: _Refs) -> list[str]:
    disputes = brief.disputes()
    if not disputes:
        return []
    out = ['<section aria-labelledby="disputes">', '<h2 id="disputes">Disputes</h2>']
    out.append('<ul class="disputes">')
    for dispute in disputes:
        claim = dispute.claim
        out.append(
            f"<li><strong>Claim</strong> by {_speaker(names, claim.speaker)}, "
            f"{_when(claim.date)}: {escape(claim.summary)}{refs(claim.citations)}"
            '<ul class="rebuttals">'
        )
        out += [
            f"<li><strong>Disputed by</strong> {_speaker(names, r.speaker)}, "
            f"{_when(r.date)}: {escape(r.summary)}{refs(r.citations)}</li>"
            for r in dispute.rebuttals
        ]
        out.append("</ul></li>")
    out += ["</ul>", "</section>"]
    return out


def _timeline(brief: Brief, names: dict[str, str], refs: _Refs) -> list[str]:
    records = brief.timeline()
    if not records:
        return []
    out = ['<section aria-labelledby="timeline">', '<h2 id="timeline">Timeline</h2>']
    out += [timeline_svg(records, names, brief.as_of), '<ol class="timeline">']
    for record in records:
        _, kind, rest = line_parts(record, names)
        out.append(
            f'<li>{_when(record.date)} <span class="kind">{escape(kind)}</span> '
            f"{escape(rest)}{refs(record.citations)}</li>"
        )
    out += ["</ol>", "</section>"]
    return out


def _sources(brief: Brief) -> list[str]:
    if not len(brief.sources):
        return []
    out = ['<section aria-labelledby="sources">', '<h2 id="sources">Sources</h2>']
    out.append("<ul>")
    for source in brief.sources:
        parts = [_source(source), source.kind.value]
        if source.published is not None:
            parts.append(escape(source.published.describe()))
        if source.attribution is not None:
            parts.append(f"credit: {escape(source.attribution)}")
        if source.license is not None:
            parts.append(escape(source.license))
        out.append(f"<li>{' &middot; '.join(parts)}</li>")
    out += ["</ul>", "</section>"]
    return out


def _notes(refs: _Refs) -> list[str]:
    notes = list(refs.notes)
    if not notes:
        return []
    out = ['<section aria-labelledby="notes">', '<h2 id="notes">Notes</h2>']
    out.append('<ol class="notes">')
    out += [
        f'<li id="q{n.number}"><blockquote>{escape(n.quote)}</blockquote>'
        f'<span class="source-line">\N{EM DASH} {_source(n.source)}</span> '
        f'<a class="back" href="#ref-{n.number}" '
        'aria-label="back to the text">\N{LEFTWARDS ARROW WITH HOOK}</a></li>'
        for n in notes
    ]
    out += ["</ol>", "</section>"]
    return out


def html_document(brief: Brief) -> str:
    """Return *brief* as a standalone HTML document; see `conflictbrief.render`."""
    names = brief_names(brief)
    refs = _Refs(Notes(brief.sources))
    title = escape(brief.title)
    body = [
        f"<header><h1>{title}</h1>",
        f'<p class="as-of">As of {day_words(brief.as_of)}.</p></header>',
        *_bottom_line(brief, names, refs),
        *_said(brief, names, refs),
        *_disputes(brief, names, refs),
        *_timeline(brief, names, refs),
        *_sources(brief),
        *_notes(refs),
    ]
    head = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="conflictbrief">',
        f"<title>{title}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        "<main>",
    ]
    return "\n".join([*head, *body, "</main>", "</body>", "</html>"]) + "\n"
