"""The conflictbrief model written with pydantic v2, as `rivals` describes."""

from __future__ import annotations

import functools
from datetime import date
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)
from rivals import SLUG, TEXT

from conflictbrief import (
    FORMAT,
    ActorKind,
    DateSpan,
    EventKind,
    FigureKind,
    PlaceKind,
    SourceKind,
    StatementKind,
)

__all__ = ["PydanticBrief", "clear_caches"]


Slug = Annotated[str, StringConstraints(pattern=SLUG)]
Text = Annotated[str, StringConstraints(pattern=TEXT)]
Count = Annotated[int, Field(ge=0)]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, strict=True, extra="forbid")


class PydanticSpan(_Model):
    """Two days, inclusive; built only by `_pydantic_span`."""

    earliest: date
    latest: date


@functools.lru_cache(maxsize=8192)
def _pydantic_span_of(text: str) -> PydanticSpan:
    span = DateSpan.parse(text)  # raises a ValueError pydantic reports
    return PydanticSpan(earliest=span.earliest, latest=span.latest)


def _pydantic_span(value: object) -> object:
    if type(value) is not str:
        raise TypeError(f"expected an EDTF string, got {value!r}")
    return _pydantic_span_of(value)


Span = Annotated[PydanticSpan, BeforeValidator(_pydantic_span)]


class PydanticExternalIds(_Model):
    """`conflictbrief.ExternalIds`."""

    iso3: Text | None = None
    wikidata: Text | None = None
    cameo: Text | None = None


class PydanticActor(_Model):
    """`conflictbrief.Actor`."""

    id: Slug
    name: Text
    kind: ActorKind
    aliases: tuple[Text, ...] = ()
    part_of: Slug | None = None
    ids: PydanticExternalIds = PydanticExternalIds()


class PydanticPlace(_Model):
    """`conflictbrief.Place`."""

    id: Slug
    name: Text
    kind: PlaceKind
    country: Slug | None = None
    lat: Annotated[float, Field(ge=-90, le=90)] | None = None
    lon: Annotated[float, Field(ge=-180, le=180)] | None = None
    aliases: tuple[Text, ...] = ()
    ids: PydanticExternalIds = PydanticExternalIds()


class PydanticSource(_Model):
    """`conflictbrief.Source`."""

    id: Slug
    title: Text
    kind: SourceKind
    published: Span | None = None
    publisher: Slug | None = None
    url: Text | None = None
    license: Text | None = None
    attribution: Text | None = None
    text: Text | None = None


class PydanticCitation(_Model):
    """`conflictbrief.Citation`."""

    source: Slug
    quote: Text


class PydanticEstimate(_Model):
    """`conflictbrief.Estimate`, with its figures checked in order."""

    best: Count | None = None
    low: Count | None = None
    high: Count | None = None
    approximate: bool = False

    @model_validator(mode="after")
    def _check_figures(self) -> PydanticEstimate:
        given = [v for v in (self.low, self.best, self.high) if v is not None]
        if not given:
            raise ValueError("expected at least one of best, low and high")
        if given != sorted(given):
            raise ValueError("expected low <= best <= high")
        return self


Citations = Annotated[tuple[PydanticCitation, ...], Field(min_length=1)]


class PydanticStatement(_Model):
    """`conflictbrief.Statement`."""

    id: Slug
    speaker: Slug | None = None
    date: Span
    kind: StatementKind
    summary: Text
    about: tuple[Slug, ...] = ()
    via: Slug | None = None
    quote: Text | None = None
    responds_to: Slug | None = None
    citations: Citations


class PydanticDeployment(_Model):
    """`conflictbrief.Deployment`."""

    id: Slug
    sender: Slug
    host: Slug
    date: Span
    place: Slug | None = None
    until: Span | None = None
    unit: Slug | None = None
    role: Text | None = None
    reinforces: Slug | None = None
    citations: Citations


class PydanticEvent(_Model):
    """`conflictbrief.Event`."""

    id: Slug
    kind: EventKind
    date: Span
    summary: Text
    participants: tuple[Slug, ...] = ()
    place: Slug | None = None
    citations: Citations


class PydanticFigure(_Model):
    """`conflictbrief.Figure`."""

    id: Slug
    kind: FigureKind
    count: PydanticEstimate
    date: Span
    side: Slug | None = None
    deployment: Slug | None = None
    event: Slug | None = None
    by: tuple[Slug, ...] = ()
    citations: Citations


class PydanticBrief(_Model):
    """`conflictbrief.Brief`, and the file's ``format`` key."""

    format: Literal[FORMAT]  # type: ignore[valid-type]
    id: Slug
    title: Text
    as_of: date
    summary: Text | None = None
    actors: tuple[PydanticActor, ...] = ()
    places: tuple[PydanticPlace, ...] = ()
    sources: tuple[PydanticSource, ...] = ()
    statements: tuple[PydanticStatement, ...] = ()
    deployments: tuple[PydanticDeployment, ...] = ()
    events: tuple[PydanticEvent, ...] = ()
    figures: tuple[PydanticFigure, ...] = ()


def clear_caches() -> None:
    """Forget the parsed spans, so a measurement starts cold."""
    _pydantic_span_of.cache_clear()
