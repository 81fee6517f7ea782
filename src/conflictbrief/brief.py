"""The brief: a checked container of actors, places, sources and records."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

import attrs

from ._base.messages import shown
from ._base.repr import model_repr
from ._base.sealed import sealed
from ._base.text import brief_names
from ._collections.cited import evidence_of, uncited_sentences
from ._collections.collection import Records, attach
from ._collections.disputes import Dispute, disputes_of
from ._collections.integrity import Checker
from ._collections.registry import BY_NAME, COLLECTIONS
from ._overview import notebook_html, overview
from ._validators import Id, check_optional_text, check_slug, check_text, to_id
from .actors import Actor, Place
from .dates import DateLike
from .dates._convert import check_given_day, to_day
from .errors import IntegrityError
from .estimates import Estimate
from .records import (
    Deployment,
    Event,
    Figure,
    FigureKind,
    FigureKindName,
    Record,
    Statement,
)
from .sources import Source

if TYPE_CHECKING:
    from ._collections.matches import Match
    from ._collections.merge import MergeReport
    from ._collections.tally import Tally

__all__ = ["Brief", "Dispute", "Records"]

ActorLike = str | Actor
"""An actor as queries take it: its id or the record."""

FigureKindLike = FigureKind | FigureKindName
"""A figure kind as queries take it: the enum or its value."""

_TIMELINE = tuple(c.name for c in reversed(COLLECTIONS) if c.dated)
"""The dated collections, in the order `Brief.timeline` breaks ties."""


def _actors(value: Iterable[Actor]) -> Records[Actor]:
    return Records(value, "actors")


def _places(value: Iterable[Place]) -> Records[Place]:
    return Records(value, "places")


def _sources(value: Iterable[Source]) -> Records[Source]:
    return Records(value, "sources")


def _statements(value: Iterable[Statement]) -> Records[Statement]:
    return Records(value, "statements")


def _deployments(value: Iterable[Deployment]) -> Records[Deployment]:
    return Records(value, "deployments")


def _events(value: Iterable[Event]) -> Records[Event]:
    return Records(value, "events")


def _figures(value: Iterable[Figure]) -> Records[Figure]:
    return Records(value, "figures")


@attrs.frozen(kw_only=True, repr=False)
@sealed
class Brief:
    """A curated, checked set of facts from one or more sources.

    The collections take any iterables. On construction the whole brief is
    checked, and every problem is reported at once in a `ValidationError`:
    ids are unique per collection; every reference resolves (speakers,
    subjects, channels, places, senders, hosts, citations); every record is
    cited; every quote occurs in its source's text where the brief has it; no
    record is dated certainly after every source that reports it; deployment
    senders and hosts are states.

    Attributes:
        id: A slug naming the brief.
        title: A title for people.
        as_of: The day the brief describes the world as of: a `date`, or
            one day as EDTF writes it (``"2025-04-28"``).
        summary: A paragraph on what the brief covers.
        actors: The states, people, bodies, forces and groups involved.
        places: The places named.
        sources: The documents and images cited.
        statements: Who said what about whom, and when.
        deployments: Who sent forces where, and when.
        events: Agreements, meetings, operations and decisions.
        figures: The numbers given: troops, killed, wounded, captured,
            missing, and by whom.
    """

    __repr__ = model_repr

    id: Id = attrs.field(converter=to_id, validator=check_slug)
    title: str = attrs.field(validator=check_text)
    as_of: date = attrs.field(converter=to_day, validator=check_given_day)
    summary: str | None = attrs.field(default=None, validator=check_optional_text)
    actors: Records[Actor] = attrs.field(default=(), converter=_actors)
    places: Records[Place] = attrs.field(default=(), converter=_places)
    sources: Records[Source] = attrs.field(default=(), converter=_sources)
    statements: Records[Statement] = attrs.field(default=(), converter=_statements)
    deployments: Records[Deployment] = attrs.field(default=(), converter=_deployments)
    events: Records[Event] = attrs.field(default=(), converter=_events)
    figures: Records[Figure] = attrs.field(default=(), converter=_figures)

    def __attrs_post_init__(self) -> None:
        records = {c.name: getattr(self, c.name) for c in COLLECTIONS}
        for collection in records.values():
            attach(collection, self)
        problems = Checker({n: tuple(r) for n, r in records.items()}).run()
        if problems:
            raise IntegrityError(problems)

    def __copy__(self) -> Brief:
        return self  # immutable: a copy would be the same in every way

    def __str__(self) -> str:
        return overview(self, brief_names(self))

    def _repr_html_(self) -> str:
        return notebook_html(self, brief_names(self))

    def timeline(
        self, during: DateLike | None = None, *, strict: bool = False
    ) -> tuple[Record, ...]:
        """Return every dated record in date order: statements, deployments, ...

        By earliest day, then latest, so a precise date comes before a vaguer
        one that starts the same day; then figures, events, deployments and
        statements, each in the brief's order. A deployment is at its arrival.

        Args:
            during: Keep only records dated (possibly) within this span.
            strict: Keep only records certainly within *during*.

        Raises:
            TypeError: ``strict=True`` without *during*.
        """
        if strict and during is None:
            raise TypeError("strict=True applies to during, and none was given")
        keyed = []
        for rank, name in enumerate(_TIMELINE):
            records: Records[Any] = getattr(self, name)
            if during is not None:
                records = records.where(during=during, strict=strict)
            keyed += [(r.date.sort_key, rank, i, r) for i, r in enumerate(records)]
        keyed.sort(key=lambda k: k[:3])
        return tuple(k[3] for k in keyed)

    def disputes(self) -> tuple[Dispute, ...]:
        """Return each disputed statement with the statements disputing it.

        A statement of kind ``dispute`` that `responds_to` another is its
        rebuttal. Claims come in the brief's order, rebuttals likewise.
        """
        return disputes_of(self.statements)

    def tally(
        self,
        kind: FigureKindLike,
        *,
        side: ActorLike | Iterable[ActorLike] | None = None,
        deployment: str | Deployment | Iterable[str | Deployment] | None = None,
        event: str | Event | Iterable[str | Event] | None = None,
        during: DateLike | None = None,
    ) -> Tally | None:
        """Return how many of *kind* the figures give, and on whose word.

        Only what is known to be distinct is added. Two figures are
        alternatives of one quantity, combined into the range they span
        (`Estimate.combine`) and never added, unless the brief shows that
        they count different people:

        - their sides are separate: neither is the other nor part of it at
          any depth (North Korea's troops and Russia's add; North Korea's
          and its armed forces', ``part_of`` North Korea, do not);
        - their deployments are known to be different: one reinforces the
          other, their senders or hosts are separate, their arrival dates
          do not overlap (autumn 2024 and March 2025), their places are
          apart (in different countries, or two different cities, sites or
          countries; a region and a city in it may overlap), or their units
          are separate forces;
        - their events are different events (two strikes).

        A figure with no deployment or event may be the same as any figure
        whose side overlaps its own: 11,000 sent to Kursk and 18,000 with no
        deployment give about 11,000-18,000, never 29,000. Each `TallyPart`
        says why it was added. ``docs/sources.md`` works through each case.

        Args:
            kind: What is counted (``"troops"``, ``"killed"``, ...).
            side: Count only figures of this side (or these), its members
                (``part_of`` it, at any depth) counting as the side; None
                for any.
            deployment: Count only figures of this deployment (or these).
            event: Count only figures of this event (or these).
            during: Count only figures dated (possibly) within this span.

        Returns:
            The tally, or None when no figure matches.
        """
        # Imported when first asked for, like merging: a brief only read
        # does not pay for their classes at import.
        from ._collections.tally import tally_of

        return tally_of(
            self, kind, side=side, deployment=deployment, event=event, during=during
        )

    def troops(
        self,
        sender: ActorLike | Iterable[ActorLike] | None = None,
        host: ActorLike | Iterable[ActorLike] | None = None,
        active_on: DateLike | None = None,
        *,
        strict: bool = False,
    ) -> Estimate | None:
        """Return the troops sent: the troop tally of the matching deployments.

        Args:
            sender: The sending state(s), as `Records.where` takes them; None
                for any.
            host: The host state(s); None for any.
            active_on: Count only deployments (possibly) present in this
                span, as `Records.where` reads ``active_on``.
            strict: Count only deployments certainly present throughout
                *active_on*.

        Returns:
            The `tally` of the troop figures of the matching deployments,
            or None when none has one. A figure naming no deployment names
            no sender or host, so only ``tally("troops")`` counts it.

        Raises:
            TypeError: ``strict=True`` without *active_on*.
        """
        from ._collections.tally import troops_of

        return troops_of(self, sender, host, active_on, strict=strict)

    def uncited(
        self, source: str | Source | None = None
    ) -> tuple[tuple[str, str], ...]:
        """Return the sentences of the sources' texts that no record cites yet.

        A sentence counts as cited when a citation's quote, at its first
        place in the text, lies within it, or it within the quote. Use it
        while encoding a report, to see what is left to encode.

        Args:
            source: Only this source (an id or the record); None for every
                source with a text.

        Returns:
            (source id, sentence) pairs, in the order of sources and text.

        Raises:
            UnknownIdError: *source* is not in this brief.
        """
        return uncited_sentences(self, source)

    def evidence(self, record: Record) -> tuple[tuple[Source, str], ...]:
        """Return the sources and quotes behind *record*, in citation order.

        Raises:
            TypeError: *record* is not a `Record` (a statement, deployment,
                event or figure).
            UnknownIdError: *record* is not in this brief.
        """
        return evidence_of(self, record)

    def merge(self, other: Brief, same: Mapping[str, str] | None = None) -> Brief:
        """Return one brief holding the records of this one and *other*.

        Records with the same id merge when they agree: a field one leaves
        empty takes the other's value; of two date spans where one contains
        the other, the narrower is kept; aliases, external ids, citations
        and lists of ids (``about``, ``participants``, ``by``) are united,
        this brief's first; a different name becomes an alias; of two
        wordings of a summary or role, this brief's is kept (`merge_report`
        gives the other's). Actors and places with the same Wikidata id, and
        state actors with the same ISO 3166 code, are one whatever their
        ids. Every reference in *other* is rewritten to the ids kept. The
        result keeps this brief's id and title, its summary (else the
        other's) and the later ``as_of``. Merging is associative,
        commutative up to names and wordings, and ``a.merge(a) == a``.

        Args:
            other: The brief to merge in.
            same: Ids of *other* mapped to the ids of this brief's records
                they are, such as ``{"zelensky": "volodymyr-zelenskyy"}``; an
                entry applies in every collection of *other* holding the id.
                `matches` lists the likely pairs.

        Raises:
            TypeError: *other* is not a brief, or *same* not a mapping.
            ValidationError: Records that are one differ in a fact (a
                speaker, kind, sender, count, external id, or dates neither
                of which contains the other), or *same* names an id either
                brief lacks. Each problem names the collection, the id, the
                field and both values; nothing is merged.
        """
        return self.merge_report(other, same).brief

    def merge_report(
        self, other: Brief, same: Mapping[str, str] | None = None
    ) -> MergeReport:
        """Return `merge` of *other*, with the wordings of *other* it does not keep.

        Each `Reworded` names a record (or the brief's title or summary), the
        field, the wording kept and *other*'s. As `merge` otherwise.
        """
        if not isinstance(other, Brief):
            raise TypeError(f"merge() takes a Brief, got {shown(other)}")
        from ._collections.merge import merge_briefs

        return merge_briefs(self, other, same)

    def matches(
        self,
        other: Brief,
        same: Mapping[str, str] | None = None,
        *,
        most: int | None = 10,
    ) -> tuple[Match, ...]:
        """Return the records of *other* that may be records of this brief.

        What `merge` would leave apart but a person may want to join, and
        what it joins by external id, so that nothing is unified unseen;
        each `Match` says why. Actors and places share a name or alias (any
        case); statements a speaker and kind, deployments a sender and host
        (and nothing sets them apart for `tally`), events a kind and a
        participant or place, each at dates that overlap; figures a kind,
        what they measure and sides that overlap. Pairs come from indexes.

        Args:
            other: The brief to compare with.
            same: Ids of *other* already known to be this brief's, as
                `merge` takes them: not listed again, and references to
                them compared as `merge` would rewrite them.
            most: At most this many pairs per record of *other* (so *most*
                times its records in all); None for all of them.

        Raises:
            TypeError: *other* is not a brief, *same* not a mapping, or
                *most* not a positive int or None.
            ValidationError: *same* names an id *other* does not hold, or
                one this brief does not hold.
        """
        if not isinstance(other, Brief):
            raise TypeError(f"matches() takes a Brief, got {shown(other)}")
        if most is not None and (type(most) is not int or most < 1):
            raise TypeError(f"most takes a positive int or None, got {shown(most)}")
        from ._collections.matches import likely_matches

        return likely_matches(self, other, same=same or {}, most=most)

    def extend(self, **records: Iterable[Any]) -> Brief:
        """Return a new brief with *records* added to its collections.

        Each keyword is a collection (``actors=``, ``events=``, ...) and
        takes any iterable of its records, which may refer to this brief's
        records. The result is checked as any brief is.

        Raises:
            TypeError: A keyword is not a collection of a brief.
            ValidationError: A record repeats an id, or breaks another rule
                of a brief.
        """
        for name in records:
            if name not in BY_NAME:
                known = ", ".join(BY_NAME)
                raise TypeError(f"extend() takes the collections {known}, got {name!r}")
        added: dict[str, Any] = {
            n: (*getattr(self, n), *new) for n, new in records.items()
        }
        return attrs.evolve(self, **added)

    def _tables(self) -> dict[str, Records[Any]]:
        return {c.name: getattr(self, c.name) for c in COLLECTIONS}
