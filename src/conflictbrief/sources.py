"""Where facts come from: sources and the citations that point into them."""

import enum
from collections.abc import Iterable

import attrs

from ._fields import refers_to
from ._repr import model_repr
from ._sealed import sealed
from ._span import DateSpan, check_optional_span, to_optional_span
from ._validators import (
    Id,
    as_tuple,
    check_optional_slug,
    check_optional_text,
    check_slug,
    check_text,
    member,
    member_of,
    to_id,
    to_optional_id,
)

__all__ = ["Citation", "Source", "SourceKind"]


class SourceKind(str, enum.Enum):
    """What sort of source a `Source` is."""

    ARTICLE = "article"
    STATEMENT = "statement"
    REPORT = "report"
    IMAGE = "image"
    DATASET = "dataset"


def _source_kind(value: SourceKind | str) -> SourceKind:
    return member(SourceKind, value)


@attrs.frozen(kw_only=True, weakref_slot=False, repr=False)
@sealed
class Source:
    """A document, image or data set that records cite.

    Attributes:
        id: A slug, unique among the brief's sources.
        title: The source's title, or a description of it.
        kind: What sort of source this is.
        published: When it was published, as precisely as known; None when
            not given.
        publisher: The id of the actor that published it.
        url: Where it can be found.
        license: The licence it is published under.
        attribution: The credit the licence asks for.
        text: Its full text, where the licence allows keeping it; quotes
            citing it are checked against this text.
    """

    __repr__ = model_repr

    id: Id = attrs.field(converter=to_id, validator=check_slug)
    title: str = attrs.field(validator=check_text)
    kind: SourceKind = attrs.field(
        converter=_source_kind, validator=member_of(SourceKind)
    )
    published: DateSpan | None = attrs.field(
        default=None, converter=to_optional_span, validator=check_optional_span
    )
    publisher: Id | None = attrs.field(
        default=None,
        converter=to_optional_id,
        validator=check_optional_slug,
        metadata=refers_to("actors"),
    )
    url: str | None = attrs.field(default=None, validator=check_optional_text)
    license: str | None = attrs.field(default=None, validator=check_optional_text)
    attribution: str | None = attrs.field(default=None, validator=check_optional_text)
    text: str | None = attrs.field(
        default=None, repr=False, validator=check_optional_text
    )


@attrs.frozen(kw_only=True, weakref_slot=False, repr=False)
@sealed
class Citation:
    """A verbatim quote from a source, backing a record.

    Attributes:
        source: The id of the source.
        quote: The words as the source has them; where the source's text is
            in the brief, they must occur in it (runs of whitespace compare
            equal).
    """

    __repr__ = model_repr

    source: Id = attrs.field(
        converter=to_id, validator=check_slug, metadata=refers_to("sources")
    )
    quote: str = attrs.field(validator=check_text)


def to_citations(value: Iterable[Citation]) -> tuple[Citation, ...]:
    """Convert any iterable of citations to a tuple."""
    return as_tuple(value)  # type: ignore[no-any-return]
