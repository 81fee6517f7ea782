"""Who takes part, and where: actors and places."""

import enum

import attrs

from ._base.repr import model_repr
from ._base.sealed import sealed
from ._base.text import SEP, Names, name_of
from ._fields import filtered, id_of
from ._validators import (
    Id,
    check_degrees,
    check_optional_text,
    check_slug,
    check_text,
    instance_of,
    is_text,
    member,
    member_of,
    to_id,
    to_strings,
    tuple_of,
)

__all__ = ["Actor", "ActorKind", "ExternalIds", "Place", "PlaceKind"]


class ActorKind(str, enum.Enum):
    """What sort of actor an `Actor` is.

    ``GROUP`` is an unnamed collective, such as "military analysts";
    ``PLATFORM`` a channel such as Telegram, usable as a statement's ``via``.
    """

    STATE = "state"
    PERSON = "person"
    GOVERNMENT_BODY = "government_body"
    ARMED_FORCE = "armed_force"
    MEDIA = "media"
    PLATFORM = "platform"
    INTERNATIONAL_ORG = "international_org"
    GROUP = "group"


class PlaceKind(str, enum.Enum):
    """What sort of place a `Place` is."""

    COUNTRY = "country"
    REGION = "region"
    CITY = "city"
    SITE = "site"


def _actor_kind(value: ActorKind | str) -> ActorKind:
    return member(ActorKind, value)


def _place_kind(value: PlaceKind | str) -> PlaceKind:
    return member(PlaceKind, value)


@attrs.frozen(kw_only=True, weakref_slot=False, repr=False)
@sealed
class ExternalIds:
    """Identifiers in other data sets, for joining them.

    Attributes:
        iso3: The ISO 3166-1 alpha-3 code of a state (``"PRK"``).
        wikidata: A Wikidata item id (``"Q423"``).
        cameo: A CAMEO actor code (``"PRK"``, ``"RUSGOV"``).
    """

    __repr__ = model_repr

    def __str__(self) -> str:
        given = [(k, getattr(self, k)) for k in ("iso3", "wikidata", "cameo")]
        return ", ".join(f"{k} {v}" for k, v in given if v is not None) or "none"

    iso3: str | None = attrs.field(default=None, validator=check_optional_text)
    wikidata: str | None = attrs.field(default=None, validator=check_optional_text)
    cameo: str | None = attrs.field(default=None, validator=check_optional_text)


@attrs.frozen(kw_only=True, weakref_slot=False, repr=False)
@sealed
class Actor:
    """A state, person, body, force, outlet, organisation or unnamed group.

    Attributes:
        id: A slug, unique among the brief's actors.
        name: The name the source uses.
        kind: What sort of actor this is.
        aliases: Other names for it, for `Records.named`.
        part_of: The id of the actor this one belongs to (Kim Jong Un and
            KCNA under North Korea).
        ids: Identifiers in other data sets.
    """

    __repr__ = model_repr

    def describe(self, names: Names | None = None) -> str:
        """Return the actor as one line for people: id, name, kind, whose part.

        Args:
            names: Display names by id; ids are shown where None.
        """
        text = f"{self.id}: {self.name}{SEP}{self.kind.value}"
        if self.part_of is not None:
            text += f"{SEP}part of {name_of(names, self.part_of)}"
        if self.aliases:
            text += f"{SEP}also {', '.join(self.aliases)}"
        return text

    __str__ = describe

    id: Id = attrs.field(converter=to_id, validator=check_slug)
    name: str = attrs.field(validator=check_text)
    kind: ActorKind = attrs.field(
        converter=_actor_kind, validator=member_of(ActorKind), metadata=filtered()
    )
    aliases: tuple[str, ...] = attrs.field(
        default=(), converter=to_strings, validator=tuple_of(is_text, "name")
    )
    part_of: Id | None = id_of("actors")
    ids: ExternalIds = attrs.field(
        factory=ExternalIds, validator=instance_of(ExternalIds)
    )


@attrs.frozen(kw_only=True, weakref_slot=False, repr=False)
@sealed
class Place:
    """A country, region, city or site.

    Attributes:
        id: A slug, unique among the brief's places.
        name: The name the source uses.
        kind: What sort of place this is.
        country: The id of the state actor the place lies in.
        lat: Latitude in degrees, from a gazetteer.
        lon: Longitude in degrees, from a gazetteer.
        aliases: Other names for it, for `Records.named`.
        ids: Identifiers in other data sets.
    """

    __repr__ = model_repr

    def describe(self, names: Names | None = None) -> str:
        """Return the place as one line for people: id, name, kind, country.

        Args:
            names: Display names by id; ids are shown where None.
        """
        text = f"{self.id}: {self.name}{SEP}{self.kind.value}"
        if self.country is not None:
            text += f"{SEP}in {name_of(names, self.country)}"
        if self.lat is not None and self.lon is not None:
            text += f"{SEP}{self.lat}, {self.lon}"
        return text

    __str__ = describe

    id: Id = attrs.field(converter=to_id, validator=check_slug)
    name: str = attrs.field(validator=check_text)
    kind: PlaceKind = attrs.field(
        converter=_place_kind, validator=member_of(PlaceKind), metadata=filtered()
    )
    country: Id | None = id_of("actors", state=True)
    lat: float | None = attrs.field(
        default=None, validator=check_degrees, metadata={"minimum": -90, "maximum": 90}
    )
    lon: float | None = attrs.field(
        default=None,
        validator=check_degrees,
        metadata={"minimum": -180, "maximum": 180},
    )
    aliases: tuple[str, ...] = attrs.field(
        default=(), converter=to_strings, validator=tuple_of(is_text, "name")
    )
    ids: ExternalIds = attrs.field(
        factory=ExternalIds, validator=instance_of(ExternalIds)
    )
