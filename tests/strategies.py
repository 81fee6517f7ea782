"""Hypothesis strategies for every model class, and for whole valid briefs."""

from __future__ import annotations

import enum
import types
import typing
from collections.abc import Mapping
from datetime import date
from typing import Any

import attrs
from hypothesis import strategies as st

from conflictbrief import (
    Actor,
    ActorKind,
    Brief,
    Citation,
    DateSpan,
    Estimate,
    ExternalIds,
    Source,
)
from conflictbrief._collections.registry import BY_NAME, COLLECTIONS
from conflictbrief.dates._calendar import month_end, season_span

slugs = st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}", fullmatch=True)
texts = st.text(min_size=1, max_size=40).filter(lambda s: not s.isspace())
days = st.dates(min_value=date(1, 1, 1), max_value=date(9998, 12, 31))


@st.composite
def spans(draw: st.DrawFn) -> DateSpan:
    """Any span: arbitrary ends, or a calendar month, season, year or decade."""
    day = draw(days)
    shape = draw(st.sampled_from(["pair", "day", "month", "season", "year", "decade"]))
    if shape == "pair":
        other = draw(days)
        earliest, latest = min(day, other), max(day, other)
    elif shape == "day":
        earliest = latest = day
    elif shape == "month":
        earliest, latest = day.replace(day=1), month_end(day.year, day.month)
    elif shape == "season":
        earliest, latest = season_span(day.year, draw(st.integers(21, 24)))
    elif shape == "year":
        earliest, latest = date(day.year, 1, 1), date(day.year, 12, 31)
    else:
        start = max(day.year - day.year % 10, 1)
        earliest, latest = date(start, 1, 1), date(day.year - day.year % 10 + 9, 12, 31)
    # Sometimes one end is missing, open or unknown, as when a source gives
    # only the other.
    end = draw(st.sampled_from(["both", "both", "both", "both", "start", "end"]))
    unknown = end != "both" and draw(st.booleans())
    if end == "start":
        return DateSpan(earliest=None, latest=latest, unknown=unknown)
    if end == "end":
        return DateSpan(earliest=earliest, latest=None, unknown=unknown)
    return DateSpan(earliest=earliest, latest=latest)


def bounds(span: DateSpan) -> tuple[date, date]:
    """The first and last day of a span that has both ends."""
    if span.earliest is None or span.latest is None:
        raise AssertionError(f"expected a span with both ends, got {span}")
    return span.earliest, span.latest


def last_day(span: DateSpan) -> date:
    """The last day of *span*, or the last `days` draws for an open end."""
    return date(9998, 12, 31) if span.latest is None else span.latest


@st.composite
def estimates(draw: st.DrawFn) -> Estimate:
    """Any valid estimate: one to three ordered figures, maybe approximate."""
    names = draw(
        st.lists(st.sampled_from(["low", "best", "high"]), min_size=1, unique=True)
    )
    figures = sorted(draw(st.lists(st.integers(0, 10**7), min_size=3, max_size=3)))
    given = {
        n: f
        for n, f in zip(["low", "best", "high"], figures, strict=True)
        if n in names
    }
    return Estimate(**given, approximate=draw(st.booleans()))


external_ids = st.builds(
    ExternalIds,
    iso3=st.none() | st.from_regex(r"[A-Z]{3}", fullmatch=True),
    wikidata=st.none() | st.from_regex(r"Q[1-9][0-9]{0,7}", fullmatch=True),
    cameo=st.none() | st.from_regex(r"[A-Z]{3,6}", fullmatch=True),
)


def _subset(draw: st.DrawFn, pool: list[str], most: int = 3) -> list[str]:
    if not pool:
        return []
    return draw(st.lists(st.sampled_from(pool), max_size=most, unique=True))


def _maybe(draw: st.DrawFn, pool: list[str]) -> str | None:
    return draw(st.none() | st.sampled_from(pool)) if pool else None


def _plain(annotation: Any) -> Any:
    """The type an annotation holds, without Optional and Annotated."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _plain(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        return _plain(
            next(a for a in typing.get_args(annotation) if a is not type(None))
        )
    return annotation


_VALUES: dict[Any, st.SearchStrategy[Any]] = {
    Estimate: estimates(),
    ExternalIds: external_ids,
    bool: st.booleans(),
}
"""How a field of a plain or nested type is drawn, by its type."""


class _Drawer:
    """Draws the records of one valid brief, field by field, from the classes.

    Each field is drawn from what it declares: a reference from the ids
    drawn so far for its target (a state's where it declares one; earlier
    records of its own collection, so that no chain loops), a kind from its
    enum, a text matching its pattern, a number within its bounds. A new
    field with a default is drawn without a change here; only the few
    fields whose values depend on others (quotes in their sources' texts,
    dates no later than the sources citing them, a departure after the
    arrival) are drawn by name.
    """

    def __init__(self, draw: st.DrawFn) -> None:
        self.draw = draw
        self.ids: dict[str, list[str]] = {c.name: [] for c in COLLECTIONS}
        self.states: list[str] = []
        self.sources: dict[str, Source] = {}

    def record(self, collection: str, cls: type[Any], record_id: str) -> Any:
        draw = self.draw
        refs = {r.field: r for r in BY_NAME[collection].references}
        fields: dict[str, Any] = {"id": record_id}
        cites: list[Citation] = []
        if "citations" in attrs.fields_dict(cls):
            cites = fields["citations"] = self.citations()
        for a in attrs.fields(cls):
            if a.name in fields:
                continue
            required = a.default is attrs.NOTHING
            ref = refs.get(a.name)
            if ref is not None:
                pool = self.states if ref.state else self.ids[ref.target]
                if ref.several:
                    fields[a.name] = _subset(draw, pool)
                elif required:
                    fields[a.name] = draw(st.sampled_from(pool))
                else:
                    fields[a.name] = _maybe(draw, pool)
            elif a.name == "kind" and cls is Actor and len(self.ids["actors"]) < 2:
                fields[a.name] = ActorKind.STATE  # two states at least
            elif a.name == "date":
                fields[a.name] = self.dated(cites)
            elif a.name == "until":
                arrived = fields["date"]
                days = draw(st.none() | st.integers(0, 400))
                fields[a.name] = _after(arrived, days, cites, self.sources)
            elif a.name == "quote" and cls is not Citation:
                cited = self.sources[cites[0].source].text
                quote = st.none() if cited is None else st.none() | _quotes(cited)
                fields[a.name] = draw(quote)
            elif a.name == "text":
                words = st.text(min_size=1, max_size=200).filter(str.strip)
                fields[a.name] = draw(st.none() | words)
            elif a.name == "url":
                fields[a.name] = draw(st.none() | st.just("https://example.org/a"))
            else:
                value = self.value(a)
                optional = type(None) in typing.get_args(a.type)
                fields[a.name] = draw(st.none() | value if optional else value)
        return cls(**fields)

    def value(self, a: attrs.Attribute[Any]) -> st.SearchStrategy[Any]:
        """Any valid value of the field *a*, by its type and what it declares."""
        kind = _plain(a.type)
        if isinstance(kind, type) and issubclass(kind, enum.Enum):
            return st.sampled_from(kind)
        if kind is DateSpan:
            return spans()
        if kind is str:
            pattern = a.metadata.get("pattern")
            return texts if pattern is None else st.from_regex(pattern, fullmatch=True)
        if kind is float:
            low, high = a.metadata.get("minimum"), a.metadata.get("maximum")
            return st.floats(low, high, allow_nan=False)
        if typing.get_origin(kind) is tuple:
            return st.lists(texts, max_size=2)
        return _VALUES[kind]

    def citations(self) -> list[Citation]:
        draw = self.draw
        cited = draw(
            st.lists(st.sampled_from(list(self.sources)), min_size=1, max_size=2)
        )
        out = []
        for source_id in cited:
            text = self.sources[source_id].text
            quote = draw(texts) if text is None else draw(_quotes(text))
            out.append(Citation(source=source_id, quote=quote))
        return out

    def dated(self, cites: list[Citation]) -> DateSpan:
        """A date no later than every source citing it that is dated."""
        span = self.draw(spans())
        published = [self.sources[c.source].published for c in cites]
        if None in published:
            return span
        latest = max(last_day(p) for p in published if p is not None)
        after = span.latest if span.earliest is None else span.earliest
        if after is not None and after > latest:
            return DateSpan(earliest=latest, latest=latest)
        return span


_LEAST = {"actors": 1, "sources": 1}
"""Collections a brief is drawn with at least one record of: a record is cited."""


@st.composite
def briefs(
    draw: st.DrawFn, *, max_records: int = 6, least: Mapping[str, int] | None = None
) -> Brief:
    """A valid brief whose references resolve and whose quotes are in sources.

    Args:
        max_records: The most records of each dated collection.
        least: The fewest records of the collections named, beyond what
            the others' references need.
    """
    drawer = _Drawer(draw)
    collections: dict[str, list[Any]] = {}
    for c in COLLECTIONS:
        most = max_records if c.dated else (6 if c.name == "actors" else 3)
        fewest = max(_LEAST.get(c.name, 0), (least or {}).get(c.name, 0))
        found = draw(
            st.lists(slugs, min_size=fewest, max_size=max(most, fewest), unique=True)
        )
        collections[c.name] = []
        for record_id in found:
            record = drawer.record(c.name, c.cls, record_id)
            collections[c.name].append(record)
            drawer.ids[c.name].append(record_id)
            if getattr(record, "kind", None) is ActorKind.STATE:
                drawer.states.append(record_id)
            if type(record) is Source:
                drawer.sources[record_id] = record
    return Brief(
        id=draw(slugs),
        title=draw(texts),
        as_of=draw(days),
        summary=draw(st.none() | texts),
        **collections,
    )


def _quotes(text: str) -> st.SearchStrategy[str]:
    """Non-blank substrings of *text*."""
    n = len(text)
    return (
        st.tuples(st.integers(0, n - 1), st.integers(1, n))
        .map(lambda ij: text[ij[0] : ij[0] + ij[1]])
        .filter(lambda q: not q.isspace() and q != "")
    )


def _after(
    arrived: DateSpan, days_after: int | None, cites: list[Citation], by_id: Any
) -> DateSpan | None:
    """A departure *days_after* the arrival, or None; never past the sources."""
    if days_after is None:
        return None
    ordinal = last_day(arrived).toordinal() + days_after
    end = date.fromordinal(min(ordinal, date(9998, 12, 31).toordinal()))
    published = [by_id[c.source].published for c in cites]
    if None not in published:
        end = min(end, max(last_day(p) for p in published if p is not None))
    if arrived.earliest is not None:
        end = max(end, arrived.earliest)
    if end > date(9998, 12, 31):
        return None
    return DateSpan(earliest=end, latest=end)
