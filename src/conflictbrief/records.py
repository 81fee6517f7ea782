"""What the sources report: statements, deployments, events and figures.

Every record carries at least one `Citation`, and its dates are `DateSpan`
values as precise as the source allows and no more.

The model classes have no ``__weakref__`` slot: a large brief holds hundreds
of thousands of records, and the slot would cost eight bytes on each.
"""

import enum
from typing import Literal

import attrs

from ._base.repr import model_repr
from ._base.sealed import sealed
from ._base.text import Names, line, name_of, names_of
from ._fields import filtered, id_of, refers_to, worded
from ._validators import (
    Id,
    check_ids,
    check_optional_text,
    check_slug,
    check_text,
    instance_of,
    member,
    member_of,
    to_id,
    to_ids,
)
from .dates._convert import (
    check_optional_span,
    check_span,
    to_optional_span,
    to_span,
)
from .dates._span import DateSpan
from .estimates import Estimate, check_counted
from .sources import Citation, check_citations, to_citations

__all__ = [
    "Deployment",
    "Event",
    "EventKind",
    "Figure",
    "FigureKind",
    "FigureKindName",
    "Record",
    "Statement",
    "StatementKind",
]


class StatementKind(str, enum.Enum):
    """What a statement does."""

    CONFIRM = "confirm"
    CLAIM = "claim"
    DISPUTE = "dispute"
    ASSESS = "assess"
    REPORT = "report"
    PRAISE = "praise"
    THANK = "thank"
    CONDEMN = "condemn"
    DEMAND = "demand"
    URGE = "urge"
    WARN = "warn"
    ACCUSE = "accuse"
    DENY = "deny"
    ANNOUNCE = "announce"
    THREATEN = "threaten"


class EventKind(str, enum.Enum):
    """What sort of thing an `Event` is.

    ``CAPTURE`` is the capture of people; taking ground is ``ADVANCE``.
    """

    AGREEMENT = "agreement"
    MEETING = "meeting"
    OPERATION = "operation"
    DECISION = "decision"
    ATTACK = "attack"
    CLASH = "clash"
    STRIKE = "strike"
    CAPTURE = "capture"
    ADVANCE = "advance"
    WITHDRAWAL = "withdrawal"
    OTHER = "other"


class FigureKind(str, enum.Enum):
    """What a `Figure` counts."""

    TROOPS = "troops"
    KILLED = "killed"
    WOUNDED = "wounded"
    CASUALTIES = "casualties"
    """Killed, wounded, captured or missing, counted together as a source
    gives them."""
    CAPTURED = "captured"
    MISSING = "missing"


FigureKindName = Literal[
    "troops", "killed", "wounded", "casualties", "captured", "missing"
]
"""The values of `FigureKind`, for the type checker: a test holds them equal."""


def _statement_kind(value: StatementKind | str) -> StatementKind:
    return member(StatementKind, value)


def _event_kind(value: EventKind | str) -> EventKind:
    return member(EventKind, value)


def _figure_kind(value: FigureKind | str) -> FigureKind:
    return member(FigureKind, value)


@attrs.frozen(kw_only=True, weakref_slot=False, repr=False)
@sealed
class Statement:
    """Something an actor said, or the source asserts in its own voice.

    Attributes:
        id: A slug, unique among the brief's statements.
        speaker: The id of the actor who said it; None when the source says
            it in its own voice or names no one.
        date: When it was said.
        kind: What the statement does (confirm, claim, dispute, ...).
        summary: A neutral one-sentence summary.
        about: The ids of the actors it is about.
        via: The id of the channel that carried it (a news agency).
        quote: The speaker's own words, where the source gives them.
        responds_to: The id of the statement this one answers or disputes.
        citations: Where the source says so; at least one.
    """

    __repr__ = model_repr

    def describe(self, names: Names | None = None) -> str:
        """Return the statement as one line for people.

        Args:
            names: Display names by id; ids are shown where None.
        """
        who = "the source" if self.speaker is None else name_of(names, self.speaker)
        if self.via is not None:
            who += f" via {name_of(names, self.via)}"
        return line(self.date, self.kind.value, who, self.summary)

    __str__ = describe

    id: Id = attrs.field(converter=to_id, validator=check_slug)
    speaker: Id | None = id_of("actors")
    date: DateSpan = attrs.field(converter=to_span, validator=check_span)
    kind: StatementKind = attrs.field(
        converter=_statement_kind,
        validator=member_of(StatementKind),
        metadata=filtered(),
    )
    summary: str = attrs.field(validator=check_text, metadata=worded())
    about: tuple[Id, ...] = attrs.field(
        default=(),
        converter=to_ids,
        validator=check_ids,
        metadata=refers_to("actors", several=True),
    )
    via: Id | None = id_of("actors")
    quote: str | None = attrs.field(default=None, validator=check_optional_text)
    responds_to: Id | None = id_of("statements")
    citations: tuple[Citation, ...] = attrs.field(
        converter=to_citations, validator=check_citations
    )


@attrs.frozen(kw_only=True, weakref_slot=False, repr=False)
@sealed
class Deployment:
    """A force one state sent to another's territory or war.

    How many troops it had is a `Figure` of kind ``troops`` naming it.

    Attributes:
        id: A slug, unique among the brief's deployments.
        sender: The id of the state that sent the force.
        host: The id of the state it was sent to.
        date: When the force arrived.
        place: The id of the place it went to.
        until: When it left; None when not reported.
        unit: The id of the force itself, where named.
        role: What it was sent to do.
        reinforces: The id of the deployment this contingent joined.
        citations: Where the source says so; at least one.
    """

    __repr__ = model_repr

    @property
    def summary(self) -> str:
        """The deployment in one sentence, from its fields."""
        return self._sentence(None)

    def describe(self, names: Names | None = None) -> str:
        """Return the deployment as one line for people.

        Args:
            names: Display names by id; ids are shown where None.
        """
        route = f"{name_of(names, self.sender)} to {name_of(names, self.host)}"
        return line(self.date, "deployment", route, self._sentence(names))

    __str__ = describe

    def _sentence(self, names: Names | None) -> str:
        text = f"{name_of(names, self.sender)} sends forces"
        if self.unit is not None:
            text += f" ({name_of(names, self.unit)})"
        text += f" to {name_of(names, self.place or self.host)}"
        if self.until is not None:
            text += f", until {self.until.describe()}"
        return f"{text}: {self.role}" if self.role else text

    id: Id = attrs.field(converter=to_id, validator=check_slug)
    sender: Id = attrs.field(
        converter=to_id, validator=check_slug, metadata=refers_to("actors", state=True)
    )
    host: Id = attrs.field(
        converter=to_id, validator=check_slug, metadata=refers_to("actors", state=True)
    )
    date: DateSpan = attrs.field(converter=to_span, validator=check_span)
    place: Id | None = id_of("places")
    until: DateSpan | None = attrs.field(
        default=None, converter=to_optional_span, validator=check_optional_span
    )
    unit: Id | None = id_of("actors")
    role: str | None = attrs.field(
        default=None, validator=check_optional_text, metadata=worded()
    )
    reinforces: Id | None = id_of("deployments")
    citations: tuple[Citation, ...] = attrs.field(
        converter=to_citations, validator=check_citations
    )


@attrs.frozen(kw_only=True, weakref_slot=False, repr=False)
@sealed
class Event:
    """Something that happened: an agreement, meeting, operation or decision.

    Attributes:
        id: A slug, unique among the brief's events.
        kind: What sort of event it is.
        date: When it happened; an operation's span is its extent.
        summary: A neutral one-sentence summary.
        participants: The ids of the actors who took part.
        place: The id of the place it happened.
        citations: Where the source says so; at least one.
    """

    __repr__ = model_repr

    def describe(self, names: Names | None = None) -> str:
        """Return the event as one line for people.

        Args:
            names: Display names by id; ids are shown where None.
        """
        return line(
            self.date, self.kind.value, names_of(names, self.participants), self.summary
        )

    __str__ = describe

    id: Id = attrs.field(converter=to_id, validator=check_slug)
    kind: EventKind = attrs.field(
        converter=_event_kind, validator=member_of(EventKind), metadata=filtered()
    )
    date: DateSpan = attrs.field(converter=to_span, validator=check_span)
    summary: str = attrs.field(validator=check_text, metadata=worded())
    participants: tuple[Id, ...] = attrs.field(
        default=(),
        converter=to_ids,
        validator=check_ids,
        metadata=refers_to("actors", several=True),
    )
    place: Id | None = id_of("places")
    citations: tuple[Citation, ...] = attrs.field(
        converter=to_citations, validator=check_citations
    )


@attrs.frozen(kw_only=True, weakref_slot=False, repr=False)
@sealed
class Figure:
    """A number a source gives: troops sent, people killed, wounded or captured.

    Figures with the same kind, side, deployment and event are alternative
    estimates of one quantity, which `Brief.tally` combines and never adds.

    Attributes:
        id: A slug, unique among the brief's figures.
        kind: What is counted.
        count: How many, as the source gives it.
        date: When the count held, or the period it covers.
        side: The id of the actor whose people are counted.
        deployment: The id of the deployment it measures.
        event: The id of the event it measures.
        by: The ids of the actors who gave it; empty when the source gives it
            in its own voice.
        citations: Where the source says so; at least one.
    """

    __repr__ = model_repr

    @property
    def summary(self) -> str:
        """The figure in one sentence, from its fields."""
        return self._sentence(None)

    def describe(self, names: Names | None = None) -> str:
        """Return the figure as one line for people: who gave what count.

        Args:
            names: Display names by id; ids are shown where None.
        """
        who = names_of(names, self.by) or "the source"
        return line(self.date, self.kind.value, who, self._sentence(names))

    __str__ = describe

    def _sentence(self, names: Names | None) -> str:
        text = f"{self.count} {self.kind.value}"
        if self.side is not None:
            text += f" of {name_of(names, self.side)}"
        measured = self.deployment or self.event
        if measured is not None:
            text += f" ({name_of(names, measured)})"
        return text

    id: Id = attrs.field(converter=to_id, validator=check_slug)
    kind: FigureKind = attrs.field(
        converter=_figure_kind,
        validator=member_of(FigureKind),
        metadata=filtered(),
    )
    count: Estimate = attrs.field(validator=[instance_of(Estimate), check_counted])
    date: DateSpan = attrs.field(converter=to_span, validator=check_span)
    side: Id | None = id_of("actors")
    deployment: Id | None = id_of("deployments")
    event: Id | None = id_of("events")
    by: tuple[Id, ...] = attrs.field(
        default=(),
        converter=to_ids,
        validator=check_ids,
        metadata=refers_to("actors", several=True),
    )
    citations: tuple[Citation, ...] = attrs.field(
        converter=to_citations, validator=check_citations
    )


Record = Statement | Deployment | Event | Figure
"""A dated, cited record: what `Brief.timeline` lists."""
