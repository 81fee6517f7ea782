"""The citation checks of a brief: quotes are in their sources, dates fit them.

Every citation names a source of the brief, its quote is in that source's
text (as written, or with its space normalised), and no record is dated
after every source that reports it.

Part of the integrity checks (`integrity.Checker`), which run on every load:
a valid brief's citations are looked at in C, over whole collections
(`_suspects`), and a record in Python only where a check may fail.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date
from itertools import chain, compress, repeat
from operator import attrgetter, contains, gt, itemgetter
from typing import TYPE_CHECKING, Any

import attrs

from conflictbrief._base.messages import quoted
from conflictbrief._base.passages import SHORT_TEXT, TextIndex
from conflictbrief.records import Deployment, Record

from .registry import BY_NAME, COLLECTIONS

if TYPE_CHECKING:
    from conflictbrief.dates import DateSpan

    from .integrity import Checker

__all__ = ["check_citations", "normalise_space", "plain_marks"]

_WHITESPACE = re.compile(r"\s+")
_DATED = tuple(c.name for c in COLLECTIONS if c.dated)


def normalise_space(text: str) -> str:
    """Return *text* with every run of whitespace as one space, ends stripped."""
    return _WHITESPACE.sub(" ", text).strip()


_PLAIN_MARKS = str.maketrans("\u2018\u2019\u201c\u201d", "''\"\"")


def plain_marks(text: str) -> str:
    """Return *text* with its space normalised and its quotation marks plain."""
    return normalise_space(text).translate(_PLAIN_MARKS)


def _marks_hint(quote: str, plain_text: TextIndex) -> str:
    """A hint for a quote that differs from a text only in its quotation marks.

    *plain_text* indexes the source's text as `plain_marks` gives it.
    """
    if plain_marks(quote) in plain_text:
        return (
            "; the words are there, with other quotation marks or apostrophes "
            "(\u2019 \u201c \u201d and ' \" differ): copy them from the source"
        )
    return ""


# Getters run over whole collections by map(), so that the checks of a
# valid brief loop in C.
_CITATIONS = attrgetter("citations")
_SOURCE = attrgetter("source")
_QUOTE = attrgetter("quote")
_FIRST = itemgetter(0)
_DATE = attrgetter("date")
_EARLIEST = attrgetter("date.earliest")


class _Anything:
    """The text of a source that has none: any quote of it passes."""

    __slots__ = ()

    def __contains__(self, _: object) -> bool:
        return True


_ANYTHING = _Anything()


def check_citations(checker: Checker) -> None:
    """Check citations: sources exist, quotes are in them, dates fit."""
    sources = checker.ids["sources"]
    unchecked = "sources" in checker.incomplete
    texts = {s.id: s.text for s in checker.records["sources"] if s.text is not None}
    # Each source's text is indexed once (as written, with its space
    # normalised, with plain marks), and each distinct quote of a source
    # is looked for once, however many citations give it.
    indexes: dict[tuple[str, str], TextIndex] = {}
    answers: dict[tuple[str, str], bool] = {}
    # The last day each source could have been published; None where unknown.
    published = {
        s.id: s.published.latest
        for s in checker.records["sources"]
        if s.published is not None
    }

    def index(source: str, form: str) -> TextIndex:
        found = indexes.get((source, form))
        if found is None:
            text = texts[source]
            if form == "spaced":
                text = normalise_space(text)
            elif form == "plain":
                text = plain_marks(text)
            found = indexes[source, form] = TextIndex(text)
        return found

    def found(quote: str, source: str) -> bool:
        if source not in texts:
            return True
        answer = answers.get((source, quote))
        if answer is None:
            answer = answers[source, quote] = quote in index(
                source, "as written"
            ) or normalise_space(quote) in index(source, "spaced")
        return answer

    # Each source's text as `_suspects` looks in it: a short text as it
    # is, a long one through its index; any quote of a source without
    # text passes. A citation of an unknown source finds nothing.
    within: dict[str, Any] = dict.fromkeys(sources, _ANYTHING)
    within.update(
        (source, index(source, "as written") if len(text) > SHORT_TEXT else text)
        for source, text in texts.items()
    )
    known = {source: day for source, day in published.items() if day is not None}
    for name in _DATED:
        for i, record in _suspects(checker, name, within, known):
            latest: date | None = date.min
            for j, c in enumerate(record.citations):
                source, quote = c.source, c.quote
                text = texts.get(source)
                if text is not None and len(text) <= SHORT_TEXT and quote in text:
                    # The common case, inline: a quote as written in a
                    # text short enough that a scan costs a lookup.
                    pass
                elif source not in sources and not unchecked:
                    checker.unknown(
                        f"$.{name}[{i}].citations[{j}].source", source, "sources"
                    )
                elif not found(quote, source):
                    hint = _marks_hint(quote, index(source, "plain"))
                    checker.add(
                        f"$.{name}[{i}].citations[{j}].quote",
                        f"expected words found in the text of {quoted(source)}, "
                        f"got {quoted(quote)}{hint}",
                    )
                if latest is not None:
                    day = published.get(source)
                    if day is None:
                        latest = None
                    elif day > latest:
                        latest = day
            quote = getattr(record, "quote", None)
            if quote is not None and not any(
                found(quote, c.source) for c in record.citations
            ):
                cited = ", ".join(quoted(c.source) for c in record.citations)
                checker.add(
                    f"$.{name}[{i}].quote",
                    f"expected words found in the text of {cited}, got {quoted(quote)}",
                )
            if latest is not None and (
                _dated_after(record.date, latest) or type(record) is Deployment
            ):
                _not_after(checker, f"$.{name}[{i}]", record, latest)


def _suspects(
    checker: Checker,
    name: str,
    within: Mapping[str, Any],
    published: Mapping[str, date],
) -> Iterable[tuple[int, Any]]:
    """The records of *name* (with their positions) that a citation check may fault.

    A quick look, in C over the whole collection: if every citation's
    quote is in its source's text as written (*within*), and every own
    quote in its first source's, only the records dated after their
    first source's publication (*published*: each source's last possible
    day, where it is known), and every deployment, whose departure is
    checked too, may break a rule. Otherwise, every record is
    looked at.
    """
    records = checker.records[name]
    everything = checker.numbered(name)
    if BY_NAME[name].cls is Deployment:
        return everything
    cited = list(chain.from_iterable(map(_CITATIONS, records)))
    try:
        if not all(
            map(
                contains,
                map(within.__getitem__, map(_SOURCE, cited)),
                map(_QUOTE, cited),
            )
        ):
            return everything
        firsts = list(map(_SOURCE, map(_FIRST, map(_CITATIONS, records))))
        if "quote" in attrs.fields_dict(BY_NAME[name].cls):
            quotes = map(_QUOTE, records)
            if not all(
                contains(within[source], quote)
                for source, quote in zip(firsts, quotes, strict=True)
                if quote is not None
            ):
                return everything
    except (KeyError, IndexError):  # an unknown source, a record not cited
        return everything
    # A record whose first source has no known last day (not in *published*)
    # is not checked, and with one past every day it is never after it.
    days = list(map(published.get, firsts, repeat(date.max)))
    try:
        late = list(map(gt, map(_EARLIEST, records), days))
    except TypeError:  # an open start
        late = list(map(_dated_after, map(_DATE, records), days))
    return compress(everything, late)


def _not_after(checker: Checker, path: str, record: Record, latest: date) -> None:
    """Check that *record* is not dated certainly after *latest*."""
    dates = [("date", record.date)]
    if type(record) is Deployment and record.until is not None:
        dates.append(("until", record.until))
    for name, when in dates:
        if _dated_after(when, latest):
            checker.add(
                f"{path}.{name}",
                f"expected a date no later than the sources citing it "
                f"(published by {latest.isoformat()}), got {when}",
            )


def _dated_after(span: DateSpan, day: date) -> bool:
    """Whether *span* dates a record after *day*, the last its sources know.

    A bounded start after *day* is certainly after it. An open start with an
    end after *day* claims a day no source had seen ("by 10 May", cited to an
    article of 28 April), so it counts as after too; an open end never does.
    """
    if span.earliest is None:
        return span.latest is not None and span.latest > day
    return span.earliest > day
