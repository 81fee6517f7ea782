"""The conflictbrief model written with msgspec Structs, as `rivals` describes."""

from __future__ import annotations

import functools
from datetime import date
from typing import Annotated, Any, Literal

import msgspec
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

__all__ = ["MsgspecBrief", "MsgspecStatement", "clear_caches", "decode_msgspec"]

MSlug = Annotated[str, msgspec.Meta(pattern=SLUG)]
MText = Annotated[str, msgspec.Meta(pattern=TEXT)]
MCount = Annotated[int, msgspec.Meta(ge=0)]


class EDTF:
    """The type of a span field: msgspec hands its string to `_msgspec_hook`."""

    __slots__ = ()


class MsgspecSpan(msgspec.Struct, EDTF, frozen=True, gc=False):
    """Two days, inclusive; a Struct, so as small as msgspec makes it."""

    earliest: date
    latest: date


@functools.lru_cache(maxsize=8192)
def _msgspec_span_of(text: str) -> MsgspecSpan:
    span = DateSpan.parse(text)
    return MsgspecSpan(span.earliest, span.latest)


def _msgspec_hook(cls: type, value: Any) -> Any:
    if cls is EDTF and type(value) is str:
        try:
            return _msgspec_span_of(value)
        except ValueError as e:
            raise msgspec.ValidationError(str(e)) from None
    raise NotImplementedError


class _Struct(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    pass


class MsgspecExternalIds(_Struct, kw_only=True):
    """`conflictbrief.ExternalIds`."""

    iso3: MText | None = None
    wikidata: MText | None = None
    cameo: MText | None = None


class MsgspecActor(_Struct, kw_only=True):
    """`conflictbrief.Actor`."""

    id: MSlug
    name: MText
    kind: ActorKind
    aliases: tuple[MText, ...] = ()
    part_of: MSlug | None = None
    ids: MsgspecExternalIds = MsgspecExternalIds()


class MsgspecPlace(_Struct, kw_only=True):
    """`conflictbrief.Place`."""

    id: MSlug
    name: MText
    kind: PlaceKind
    country: MSlug | None = None
    lat: Annotated[float, msgspec.Meta(ge=-90, le=90)] | None = None
    lon: Annotated[float, msgspec.Meta(ge=-180, le=180)] | None = None
    aliases: tuple[MText, ...] = ()
    ids: MsgspecExternalIds = MsgspecExternalIds()


class MsgspecSource(_Struct, kw_only=True):
    """`conflictbrief.Source`."""

    id: MSlug
    title: MText
    kind: SourceKind
    published: EDTF | None = None
    publisher: MSlug | None = None
    url: MText | None = None
    license: MText | None = None
    attribution: MText | None = None
    text: MText | None = None


class MsgspecCitation(_Struct, kw_only=True):
    """`conflictbrief.Citation`."""

    source: MSlug
    quote: MText


class MsgspecEstimate(_Struct, kw_only=True):
    """`conflictbrief.Estimate`, with its figures checked in order."""

    best: MCount | None = None
    low: MCount | None = None
    high: MCount | None = None
    approximate: bool = False

    def __post_init__(self) -> None:
        given = [v for v in (self.low, self.best, self.high) if v is not None]
        if not given:
            raise ValueError("expected at least one of best, low and high")
        if given != sorted(given):
            raise ValueError("expected low <= best <= high")


MCitations = Annotated[tuple[MsgspecCitation, ...], msgspec.Meta(min_length=1)]


class MsgspecStatement(_Struct, kw_only=True):
    """`conflictbrief.Statement`."""

    id: MSlug
    speaker: MSlug | None = None
    date: EDTF
    kind: StatementKind
    summary: MText
    about: tuple[MSlug, ...] = ()
    via: MSlug | None = None
    quote: MText | None = None
    responds_to: MSlug | None = None
    citations: MCitations


class MsgspecDeployment(_Struct, kw_only=True):
    """`conflictbrief.Deployment`."""

    id: MSlug
    sender: MSlug
    host: MSlug
    date: EDTF
    place: MSlug | None = None
    until: EDTF | None = None
    unit: MSlug | None = None
    role: MText | None = None
    reinforces: MSlug | None = None
    citations: MCitations


class MsgspecEvent(_Struct, kw_only=True):
    """`conflictbrief.Event`."""

    id: MSlug
    kind: EventKind
    date: EDTF
    summary: MText
    participants: tuple[MSlug, ...] = ()
    place: MSlug | None = None
    citations: MCitations


class MsgspecFigure(_Struct, kw_only=True):
    """`conflictbrief.Figure`."""

    id: MSlug
    kind: FigureKind
    count: MsgspecEstimate
    date: EDTF
    side: MSlug | None = None
    deployment: MSlug | None = None
    event: MSlug | None = None
    by: tuple[MSlug, ...] = ()
    citations: MCitations


class MsgspecBrief(_Struct, kw_only=True):
    """`conflictbrief.Brief`, and the file's ``format`` key."""

    format: Literal[FORMAT]  # type: ignore[valid-type]
    id: MSlug
    title: MText
    as_of: date
    summary: MText | None = None
    actors: tuple[MsgspecActor, ...] = ()
    places: tuple[MsgspecPlace, ...] = ()
    sources: tuple[MsgspecSource, ...] = ()
    statements: tuple[MsgspecStatement, ...] = ()
    deployments: tuple[MsgspecDeployment, ...] = ()
    events: tuple[MsgspecEvent, ...] = ()
    figures: tuple[MsgspecFigure, ...] = ()


_decoder = msgspec.json.Decoder(MsgspecBrief, dec_hook=_msgspec_hook)


def decode_msgspec(data: bytes) -> MsgspecBrief:
    """Decode a brief file into the msgspec classes."""
    return _decoder.decode(data)


def clear_caches() -> None:
    """Forget the parsed spans, so a measurement starts cold."""
    _msgspec_span_of.cache_clear()
