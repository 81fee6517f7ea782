"""The conflictbrief model written with pydantic v2 and with msgspec.

Both mirror the attrs classes field for field, with the same nesting: the
same enums, ids checked against the same slug pattern, text that must hold
something besides whitespace, non-negative counts, an estimate's figures in
order, at least one citation, unknown keys refused, every class frozen.
Dates are read from the same EDTF strings by the same parser that
conflictbrief uses (`DateSpan.parse`, so the grammar and its strictness are
identical) into a small frozen span of two days, and, as in conflictbrief,
each distinct string is parsed once and its span shared (an LRU cache of the
same size). What neither rival does is conflictbrief's cross-record checks
(references resolve, quotes occur in their sources, dates against
publication): they do less work than `conflictbrief.loads`.
"""

from __future__ import annotations

import functools
from datetime import date
from typing import Annotated, Any, Literal

import msgspec
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

from conflictbrief import (
    ActorKind,
    DateSpan,
    EventKind,
    PlaceKind,
    SourceKind,
    StatementKind,
)

__all__ = ["MsgspecBrief", "MsgspecStatement", "PydanticBrief", "decode_msgspec"]

SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
TEXT = r"\S"  # a search: at least one character that is not whitespace

# pydantic ---------------------------------------------------------------

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
    troops: PydanticEstimate | None = None
    place: Slug | None = None
    until: Span | None = None
    unit: Slug | None = None
    role: Text | None = None
    reinforces: Slug | None = None
    estimated_by: tuple[Slug, ...] = ()
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


class PydanticBrief(_Model):
    """`conflictbrief.Brief`, and the file's ``format`` key."""

    format: Literal["conflictbrief/1"]
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


# msgspec ----------------------------------------------------------------

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
    troops: MsgspecEstimate | None = None
    place: MSlug | None = None
    until: EDTF | None = None
    unit: MSlug | None = None
    role: MText | None = None
    reinforces: MSlug | None = None
    estimated_by: tuple[MSlug, ...] = ()
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


class MsgspecBrief(_Struct, kw_only=True):
    """`conflictbrief.Brief`, and the file's ``format`` key."""

    format: Literal["conflictbrief/1"]
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


_decoder = msgspec.json.Decoder(MsgspecBrief, dec_hook=_msgspec_hook)


def decode_msgspec(data: bytes) -> MsgspecBrief:
    """Decode a brief file into the msgspec classes."""
    return _decoder.decode(data)


def clear_caches() -> None:
    """Forget the parsed spans, so a measurement starts cold."""
    _pydantic_span_of.cache_clear()
    _msgspec_span_of.cache_clear()
