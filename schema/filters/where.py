"""The `where` input of every list: fields combine with AND; `AND`/`OR`/`NOT` nest.

Relationship filters (`topic`, `agency`, `country`...) hold when *some* related entity
matches; each of their sub-conditions is tested on its own (an ID condition and a name
condition may be met by two different related entities).
"""

from __future__ import annotations

from typing import Final

import strawberry

from graph.model import Label
from schema.filters.scalar_rules import (
    DateFilter,
    IDFilter,
    IntFilter,
    Kind,
    RelatedFilter,
    Rule,
    StringFilter,
    TextFilter,
)

ANY: Final = frozenset(Label)
PARTICIPANTS: Final = frozenset({Label.EXPERT, Label.AGENCY})


def _base(label: Label, *, langs: bool = True) -> dict[str, Rule]:
    rules = {
        "id": Rule(Kind.ID, "id", {label}),
        "slug": Rule(Kind.SLUG, "id"),
        "name": Rule(Kind.TEXT, "name"),
    }
    if langs:
        rules["lang"] = Rule(Kind.LIST, "lang")
    return rules


def _related(key: str, *labels: Label) -> Rule:
    return Rule(Kind.RELATED, key, frozenset(labels) if labels else ANY)


LANG_DOC: Final = "Languages the entity has text in (ISO 639-1)."


@strawberry.input(description="Conditions on experts.")
class ExpertWhere:
    and_: list[ExpertWhere] | None = strawberry.field(name="AND", default=None)
    or_: list[ExpertWhere] | None = strawberry.field(name="OR", default=None)
    not_: ExpertWhere | None = strawberry.field(name="NOT", default=None)
    id: IDFilter | None = None
    slug: StringFilter | None = None
    name: TextFilter | None = None
    language: StringFilter | None = strawberry.field(
        default=None, description="A language the person speaks (ISO 639-1)."
    )
    role_contains: str | None = strawberry.field(
        default=None, description="Words in one of the person's roles, ignoring case."
    )
    topic: RelatedFilter | None = None
    agency: RelatedFilter | None = None
    country: RelatedFilter | None = strawberry.field(
        default=None, description="Works for an agency based in this country."
    )
    event: RelatedFilter | None = strawberry.field(
        default=None, description="Took part in this event."
    )


EXPERT_RULES: Final = {
    **_base(Label.EXPERT, langs=False),
    "language": Rule(Kind.LIST, "language"),
    "role_contains": Rule(Kind.CONTAINS, "role"),
    "topic": _related("topic", Label.TOPIC),
    "agency": _related("agency", Label.AGENCY),
    "country": _related("country", Label.COUNTRY),
    "event": _related("event", Label.EVENT),
}


@strawberry.input(description="Conditions on agencies.")
class AgencyWhere:
    and_: list[AgencyWhere] | None = strawberry.field(name="AND", default=None)
    or_: list[AgencyWhere] | None = strawberry.field(name="OR", default=None)
    not_: AgencyWhere | None = strawberry.field(name="NOT", default=None)
    id: IDFilter | None = None
    slug: StringFilter | None = None
    name: TextFilter | None = None
    lang: StringFilter | None = strawberry.field(default=None, description=LANG_DOC)
    kind: StringFilter | None = None
    acronym: StringFilter | None = None
    country: RelatedFilter | None = strawberry.field(
        default=None, description="Based in this country (or a place within it)."
    )
    parent: RelatedFilter | None = strawberry.field(
        default=None, description="A unit of this agency."
    )
    event: RelatedFilter | None = strawberry.field(
        default=None, description="Took part in this event."
    )
    programme: RelatedFilter | None = strawberry.field(
        default=None, description="Funds or implements this programme."
    )
    expert: RelatedFilter | None = strawberry.field(
        default=None, description="This person works for it."
    )


AGENCY_RULES: Final = {
    **_base(Label.AGENCY),
    "kind": Rule(Kind.STRING, "kind"),
    "acronym": Rule(Kind.STRING, "acronym"),
    "country": _related("country", Label.COUNTRY),
    "parent": _related("parent", Label.AGENCY),
    "event": _related("event", Label.EVENT),
    "programme": _related("programme", Label.PROGRAMME),
    "expert": _related("expert", Label.EXPERT),
}


@strawberry.input(description="Conditions on countries.")
class CountryWhere:
    and_: list[CountryWhere] | None = strawberry.field(name="AND", default=None)
    or_: list[CountryWhere] | None = strawberry.field(name="OR", default=None)
    not_: CountryWhere | None = strawberry.field(name="NOT", default=None)
    id: IDFilter | None = None
    slug: StringFilter | None = None
    name: TextFilter | None = None
    lang: StringFilter | None = strawberry.field(default=None, description=LANG_DOC)
    iso2: StringFilter | None = None


COUNTRY_RULES: Final = {**_base(Label.COUNTRY), "iso2": Rule(Kind.STRING, "iso2")}


@strawberry.input(description="Conditions on places.")
class PlaceWhere:
    and_: list[PlaceWhere] | None = strawberry.field(name="AND", default=None)
    or_: list[PlaceWhere] | None = strawberry.field(name="OR", default=None)
    not_: PlaceWhere | None = strawberry.field(name="NOT", default=None)
    id: IDFilter | None = None
    slug: StringFilter | None = None
    name: TextFilter | None = None
    lang: StringFilter | None = strawberry.field(default=None, description=LANG_DOC)
    kind: StringFilter | None = None
    country: RelatedFilter | None = None


PLACE_RULES: Final = {
    **_base(Label.PLACE),
    "kind": Rule(Kind.STRING, "kind"),
    "country": _related("country", Label.COUNTRY),
}


@strawberry.input(description="Conditions on programmes, projects and phases.")
class ProgrammeWhere:
    and_: list[ProgrammeWhere] | None = strawberry.field(name="AND", default=None)
    or_: list[ProgrammeWhere] | None = strawberry.field(name="OR", default=None)
    not_: ProgrammeWhere | None = strawberry.field(name="NOT", default=None)
    id: IDFilter | None = None
    slug: StringFilter | None = None
    name: TextFilter | None = None
    lang: StringFilter | None = strawberry.field(default=None, description=LANG_DOC)
    kind: StringFilter | None = None
    acronym: StringFilter | None = None
    start_year: IntFilter | None = None
    end_year: IntFilter | None = None
    start: DateFilter | None = None
    end: DateFilter | None = None
    country: RelatedFilter | None = strawberry.field(
        default=None, description="Covers this country (or a place within it)."
    )
    funder: RelatedFilter | None = None
    implementer: RelatedFilter | None = None
    topic: RelatedFilter | None = None
    parent: RelatedFilter | None = strawberry.field(
        default=None, description="A phase or part of this programme."
    )


PROGRAMME_RULES: Final = {
    **_base(Label.PROGRAMME),
    "kind": Rule(Kind.STRING, "kind"),
    "acronym": Rule(Kind.STRING, "acronym"),
    "start_year": Rule(Kind.INT, "startYear"),
    "end_year": Rule(Kind.INT, "endYear"),
    "start": Rule(Kind.DATE, "start"),
    "end": Rule(Kind.DATE, "end"),
    "country": _related("country", Label.COUNTRY),
    "funder": _related("funder", Label.AGENCY),
    "implementer": _related("implementer", Label.AGENCY),
    "topic": _related("topic", Label.TOPIC),
    "parent": _related("parent", Label.PROGRAMME),
}


@strawberry.input(description="Conditions on events.")
class EventWhere:
    and_: list[EventWhere] | None = strawberry.field(name="AND", default=None)
    or_: list[EventWhere] | None = strawberry.field(name="OR", default=None)
    not_: EventWhere | None = strawberry.field(name="NOT", default=None)
    id: IDFilter | None = None
    slug: StringFilter | None = None
    name: TextFilter | None = strawberry.field(default=None, description="The title.")
    lang: StringFilter | None = strawberry.field(default=None, description=LANG_DOC)
    kind: StringFilter | None = None
    status: StringFilter | None = None
    start_year: IntFilter | None = None
    start: DateFilter | None = None
    participant_count: IntFilter | None = None
    country: RelatedFilter | None = strawberry.field(
        default=None, description="Held in this country (or a place within it)."
    )
    place: RelatedFilter | None = strawberry.field(
        default=None, description="Held in this place (or a place within it)."
    )
    programme: RelatedFilter | None = strawberry.field(
        default=None, description="Part of this programme or of one of its phases."
    )
    topic: RelatedFilter | None = None
    participant: RelatedFilter | None = strawberry.field(
        default=None, description="This person or agency took part, in any role."
    )
    organiser: RelatedFilter | None = None
    cascades_from: RelatedFilter | None = None


EVENT_RULES: Final = {
    **_base(Label.EVENT),
    "kind": Rule(Kind.STRING, "kind"),
    "status": Rule(Kind.STRING, "status"),
    "start_year": Rule(Kind.INT, "startYear"),
    "start": Rule(Kind.DATE, "start"),
    "participant_count": Rule(Kind.INT, "participantCount"),
    "country": _related("country", Label.COUNTRY),
    "place": _related("place", Label.PLACE),
    "programme": _related("programme", Label.PROGRAMME),
    "topic": _related("topic", Label.TOPIC),
    "participant": Rule(Kind.RELATED, "participant", PARTICIPANTS),
    "organiser": Rule(Kind.RELATED, "organiser", PARTICIPANTS),
    "cascades_from": _related("cascadesFrom", Label.EVENT),
}


@strawberry.input(description="Conditions on topics.")
class TopicWhere:
    and_: list[TopicWhere] | None = strawberry.field(name="AND", default=None)
    or_: list[TopicWhere] | None = strawberry.field(name="OR", default=None)
    not_: TopicWhere | None = strawberry.field(name="NOT", default=None)
    id: IDFilter | None = None
    slug: StringFilter | None = None
    name: TextFilter | None = None
    lang: StringFilter | None = strawberry.field(default=None, description=LANG_DOC)


TOPIC_RULES: Final = _base(Label.TOPIC)


@strawberry.input(description="Conditions on resources.")
class ResourceWhere:
    and_: list[ResourceWhere] | None = strawberry.field(name="AND", default=None)
    or_: list[ResourceWhere] | None = strawberry.field(name="OR", default=None)
    not_: ResourceWhere | None = strawberry.field(name="NOT", default=None)
    id: IDFilter | None = None
    slug: StringFilter | None = None
    name: TextFilter | None = strawberry.field(default=None, description="The title.")
    lang: StringFilter | None = strawberry.field(default=None, description=LANG_DOC)
    kind: StringFilter | None = None
    published_year: IntFilter | None = None
    published: DateFilter | None = None
    describes: RelatedFilter | None = None
    mentions: RelatedFilter | None = None
    topic: RelatedFilter | None = None


RESOURCE_RULES: Final = {
    **_base(Label.RESOURCE),
    "kind": Rule(Kind.STRING, "kind"),
    "published_year": Rule(Kind.INT, "publishedYear"),
    "published": Rule(Kind.DATE, "published"),
    "describes": _related("describes"),
    "mentions": _related("mentions"),
    "topic": _related("topic", Label.TOPIC),
}
