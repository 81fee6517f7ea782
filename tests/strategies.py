"""Hypothesis strategies for every model class, and for whole valid briefs."""

from __future__ import annotations

from datetime import date
from typing import Any

from hypothesis import strategies as st

from conflictbrief import (
    Actor,
    ActorKind,
    Brief,
    Citation,
    DateSpan,
    Deployment,
    Estimate,
    Event,
    EventKind,
    ExternalIds,
    Figure,
    FigureKind,
    Place,
    PlaceKind,
    Source,
    SourceKind,
    Statement,
    StatementKind,
)
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
    # Sometimes one end is open, as when a source gives only the other.
    end = draw(st.sampled_from(["both", "both", "both", "both", "start", "end"]))
    if end == "start":
        return DateSpan(earliest=None, latest=latest)
    if end == "end":
        return DateSpan(earliest=earliest, latest=None)
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


@st.composite
def briefs(draw: st.DrawFn, *, max_records: int = 6) -> Brief:
    """A valid brief whose references resolve and whose quotes are in sources."""
    actor_ids = draw(st.lists(slugs, min_size=1, max_size=6, unique=True))
    actors, states = [], []
    for i, actor_id in enumerate(actor_ids):
        kind = ActorKind.STATE if i < 2 else draw(st.sampled_from(ActorKind))
        if kind is ActorKind.STATE:
            states.append(actor_id)
        actors.append(
            Actor(
                id=actor_id,
                name=draw(texts),
                kind=kind,
                aliases=draw(st.lists(texts, max_size=2)),
                part_of=_maybe(draw, actor_ids[:i]),
                ids=draw(external_ids),
            )
        )
    place_ids = draw(st.lists(slugs, max_size=3, unique=True))
    places = [
        Place(
            id=place_id,
            name=draw(texts),
            kind=draw(st.sampled_from(PlaceKind)),
            country=_maybe(draw, states),
            lat=draw(st.none() | st.floats(-90, 90)),
            lon=draw(st.none() | st.floats(-180, 180)),
        )
        for place_id in place_ids
    ]
    source_ids = draw(st.lists(slugs, min_size=1, max_size=3, unique=True))
    sources = [
        Source(
            id=source_id,
            title=draw(texts),
            kind=draw(st.sampled_from(SourceKind)),
            published=draw(st.none() | spans()),
            publisher=_maybe(draw, actor_ids),
            url=draw(st.none() | st.just("https://example.org/a")),
            license=draw(st.none() | texts),
            attribution=draw(st.none() | texts),
            text=draw(st.none() | st.text(min_size=1, max_size=200).filter(str.strip)),
        )
        for source_id in source_ids
    ]
    by_id = {s.id: s for s in sources}

    def citations() -> list[Citation]:
        cited = draw(st.lists(st.sampled_from(source_ids), min_size=1, max_size=2))
        out = []
        for source_id in cited:
            text = by_id[source_id].text
            quote = draw(texts) if text is None else draw(_quotes(text))
            out.append(Citation(source=source_id, quote=quote))
        return out

    def dated(cites: list[Citation]) -> DateSpan:
        span = draw(spans())
        published = [by_id[c.source].published for c in cites]
        if None in published:
            return span
        latest = max(last_day(p) for p in published if p is not None)
        after = span.latest if span.earliest is None else span.earliest
        if after is not None and after > latest:
            return DateSpan(earliest=latest, latest=latest)
        return span

    statements: list[Statement] = []
    for statement_id in draw(st.lists(slugs, max_size=max_records, unique=True)):
        cites = citations()
        text = by_id[cites[0].source].text
        statements.append(
            Statement(
                id=statement_id,
                speaker=_maybe(draw, actor_ids),
                date=dated(cites),
                kind=draw(st.sampled_from(StatementKind)),
                summary=draw(texts),
                about=_subset(draw, actor_ids),
                via=_maybe(draw, actor_ids),
                quote=None if text is None else draw(st.none() | _quotes(text)),
                responds_to=_maybe(draw, [s.id for s in statements]),
                citations=cites,
            )
        )
    deployments: list[Deployment] = []
    for deployment_id in draw(st.lists(slugs, max_size=max_records, unique=True)):
        cites = citations()
        arrived = dated(cites)
        until = draw(st.none() | st.integers(0, 400))
        deployments.append(
            Deployment(
                id=deployment_id,
                sender=draw(st.sampled_from(states)),
                host=draw(st.sampled_from(states)),
                date=arrived,
                place=_maybe(draw, place_ids),
                until=_after(arrived, until, cites, by_id),
                unit=_maybe(draw, actor_ids),
                role=draw(st.none() | texts),
                reinforces=_maybe(draw, [d.id for d in deployments]),
                citations=cites,
            )
        )
    events = []
    for event_id in draw(st.lists(slugs, max_size=max_records, unique=True)):
        cites = citations()
        events.append(
            Event(
                id=event_id,
                kind=draw(st.sampled_from(EventKind)),
                date=dated(cites),
                summary=draw(texts),
                participants=_subset(draw, actor_ids),
                place=_maybe(draw, place_ids),
                citations=cites,
            )
        )
    figures = []
    for figure_id in draw(st.lists(slugs, max_size=max_records, unique=True)):
        cites = citations()
        figures.append(
            Figure(
                id=figure_id,
                kind=draw(st.sampled_from(FigureKind)),
                count=draw(estimates()),
                date=dated(cites),
                side=_maybe(draw, actor_ids),
                deployment=_maybe(draw, [d.id for d in deployments]),
                event=_maybe(draw, [e.id for e in events]),
                by=_subset(draw, actor_ids),
                citations=cites,
            )
        )
    return Brief(
        id=draw(slugs),
        title=draw(texts),
        as_of=draw(days),
        summary=draw(st.none() | texts),
        actors=actors,
        places=places,
        sources=sources,
        statements=statements,
        deployments=deployments,
        events=events,
        figures=figures,
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
