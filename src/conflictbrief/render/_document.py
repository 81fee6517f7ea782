"""What a rendered brief says, before it is Markdown or HTML.

`conflictbrief.render` writes a brief as a document: the bottom line and the
key figures first, then who said what, the disputes and the timeline, every
fact numbered to the quote behind it. The parts every format shares live
here, so that Markdown and HTML say the same things in the same order: the
key figures, the statements by speaker and the footnotes; which source
addresses may be linked is `conflictbrief._base.links`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import cast

import attrs

from conflictbrief._base.text import SEP, Names, name_of
from conflictbrief._collections.tally import Tally, make_tally, topmost
from conflictbrief.brief import Brief, Records
from conflictbrief.records import Figure, FigureKind, Record, Statement
from conflictbrief.sources import Citation, Source

__all__ = [
    "KeyFigure",
    "Note",
    "Notes",
    "key_figures",
    "line_parts",
    "one_line",
    "said_by",
]


def one_line(text: str) -> str:
    """Return *text* with every run of whitespace, newlines included, one space."""
    return " ".join(text.split())


def line_parts(record: Record, names: Names) -> tuple[str, str, str]:
    """Return a record's line (`describe`) as its date in words, kind and the rest."""
    when, kind, rest = record.describe(names).split(SEP, 2)
    return when, kind, rest


@attrs.frozen(kw_only=True)
class Note:
    """A footnote: the verbatim quote behind a fact, and its source.

    Attributes:
        number: The footnote's number, from 1 in order of first reference.
        quote: The source's words.
        source: The source quoted.
    """

    number: int
    quote: str
    source: Source


@attrs.define
class Notes:
    """The footnotes of one document, numbered as the document first cites them.

    A quote cited twice, from one record or two, is one footnote.
    """

    sources: Records[Source]
    """The brief's sources, by id."""
    _by_citation: dict[Citation, Note] = attrs.field(factory=dict, init=False)

    def cite(self, citations: Iterable[Citation]) -> tuple[Note, ...]:
        """Return the notes for *citations*, numbering those not cited before."""
        notes = []
        for citation in citations:
            note = self._by_citation.get(citation)
            if note is None:
                note = Note(
                    number=len(self._by_citation) + 1,
                    quote=citation.quote,
                    source=self.sources[citation.source],
                )
                self._by_citation[citation] = note
            notes.append(note)
        return tuple(dict.fromkeys(notes))

    def __iter__(self) -> Iterator[Note]:
        return iter(self._by_citation.values())


@attrs.frozen(kw_only=True)
class KeyFigure:
    """One line of the bottom line: a tally of one kind for one side.

    Attributes:
        label: What is counted, for people: "Troops of North Korea in Russia".
        tally: The tally of the figures.
        given_by: Who gave the figures, each once, in the brief's order.
        figures: The figures behind it, for their citations.
        detail: Each figure with who gave it, where there are several
            (`TallyPart` as ``str`` says it); empty for one figure.
    """

    label: str
    tally: Tally
    given_by: tuple[str, ...]
    figures: tuple[Figure, ...]
    detail: str


def key_figures(brief: Brief, names: Names) -> tuple[KeyFigure, ...]:
    """Return a tally for each figure kind and side, kinds in their enum order.

    A side's members (``part_of`` it) are tallied with it, as `Brief.tally`
    counts them; the line names the side they all give, else the one they
    are all part of. Sides come in the order of their first figure; figures
    that name no side are tallied together, after the sides.
    """
    groups: dict[tuple[FigureKind, str | None], list[Figure]] = {}
    for figure in brief.figures:
        top = None if figure.side is None else topmost(brief, figure.side)
        groups.setdefault((figure.kind, top), []).append(figure)
    order = list(FigureKind)
    keys = sorted(groups, key=lambda k: (order.index(k[0]), k[1] is None))
    found = []
    for kind, top in keys:
        figures = groups[kind, top]
        # Never None: every group holds at least one figure.
        tally = cast("Tally", make_tally(brief, figures))
        label = kind.value.capitalize()
        given = {f.side for f in figures}
        side = given.pop() if len(given) == 1 else top
        if side is not None:
            label += f" of {name_of(names, side)}"
        hosts = {
            brief.deployments[f.deployment].host if f.deployment else ""
            for f in figures
        }
        host = hosts.pop() if len(hosts) == 1 else ""
        if host:
            label += f" in {name_of(names, host)}"
        given_by = dict.fromkeys(who for p in tally.parts for who in p.given_by)
        found.append(
            KeyFigure(
                label=label,
                tally=tally,
                given_by=tuple(given_by),
                figures=tuple(figures),
                detail="; ".join(map(str, tally.parts)) if len(figures) > 1 else "",
            )
        )
    return tuple(found)


def said_by(
    brief: Brief, names: Names
) -> tuple[tuple[str, tuple[Statement, ...]], ...]:
    """Return the statements grouped by speaker, each group in date order.

    Speakers come in the order of their first statement in the brief;
    statements in the source's own voice come last, as "The source".
    """
    groups: dict[str | None, list[Statement]] = {}
    for statement in brief.statements:
        groups.setdefault(statement.speaker, []).append(statement)
    speakers = sorted(groups, key=lambda s: s is None)
    return tuple(
        (
            "The source" if s is None else name_of(names, s),
            tuple(sorted(groups[s], key=lambda st: st.date.sort_key)),
        )
        for s in speakers
    )
