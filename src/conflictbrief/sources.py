"""Where facts come from: sources and the citations that point into them."""

import enum
from collections.abc import Iterable

import attrs

from ._base.passages import find_passage, sentences
from ._base.repr import model_repr
from ._base.sealed import sealed
from ._base.text import SEP, Names, name_of
from ._fields import filtered, id_of, refers_to
from ._validators import (
    Id,
    as_tuple,
    check_optional_text,
    check_slug,
    check_text,
    member,
    member_of,
    to_id,
    tuple_of,
)
from .dates._convert import check_optional_span, to_optional_span
from .dates._span import DateSpan
from .errors import ValidationError

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

    def describe(self, names: Names | None = None) -> str:
        """Return the source as one line for people: id, title, kind, when, whose.

        Args:
            names: Display names by id; ids are shown where None.
        """
        text = f"{self.id}: {self.title}{SEP}{self.kind.value}"
        if self.published is not None:
            text += f"{SEP}{self.published.describe()}"
        if self.publisher is not None:
            text += f"{SEP}{name_of(names, self.publisher)}"
        return text

    __str__ = describe

    def sentences(self) -> tuple[str, ...]:
        """Return the sentences of the source's text, or () if it has none.

        A sentence ends at '.', '!' or '?' before a capital, a digit or an
        opening quotation mark; runs of whitespace read as one space.
        """
        return () if self.text is None else sentences(self.text)

    def passage(self, fragment: str) -> str:
        """Return the source's own words for *fragment*, to quote exactly.

        Type the fragment with straight quotation marks and any spacing: the
        passage comes back as the text has it, curly marks included, ready
        for a `Citation`.

        Raises:
            ValidationError: The source has no text, or the words are not
                in it.
        """
        found = None if self.text is None else find_passage(self.text, fragment)
        if found is None:
            where = "no text" if self.text is None else "no such words"
            raise ValidationError.at(
                "fragment",
                f"expected words of the text of {self.id!r}, got {fragment!r} "
                f"({where})",
            )
        return found

    id: Id = attrs.field(converter=to_id, validator=check_slug)
    title: str = attrs.field(validator=check_text)
    kind: SourceKind = attrs.field(
        converter=_source_kind,
        validator=member_of(SourceKind),
        metadata=filtered(),
    )
    published: DateSpan | None = attrs.field(
        default=None, converter=to_optional_span, validator=check_optional_span
    )
    publisher: Id | None = id_of("actors")
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

    def __str__(self) -> str:
        opening, closing = (
            "\N{LEFT DOUBLE QUOTATION MARK}",
            "\N{RIGHT DOUBLE QUOTATION MARK}",
        )
        return f"{self.source}: {opening}{self.quote}{closing}"

    source: Id = attrs.field(
        converter=to_id, validator=check_slug, metadata=refers_to("sources")
    )
    quote: str = attrs.field(validator=check_text)


def to_citations(value: Iterable[Citation]) -> tuple[Citation, ...]:
    """Convert any iterable of citations to a tuple: a record's citations field."""
    return as_tuple(value)  # type: ignore[no-any-return]


check_citations = tuple_of(Citation, "Citation", required=True)
"""Require a tuple of at least one `Citation`: a record's citations field."""
