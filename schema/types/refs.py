"""Lazy references between entity types, which point at each other in both directions."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any, Final, TypeAlias

import strawberry

from graph.model import Label

if TYPE_CHECKING:
    from schema.types.agency import Agency
    from schema.types.country import Country
    from schema.types.event import Event
    from schema.types.expert import Expert
    from schema.types.place import Place
    from schema.types.programme import Programme
    from schema.types.resource import Resource
    from schema.types.topic import Topic

AgencyRef: TypeAlias = Annotated["Agency", strawberry.lazy("schema.types.agency")]
CountryRef: TypeAlias = Annotated["Country", strawberry.lazy("schema.types.country")]
EventRef: TypeAlias = Annotated["Event", strawberry.lazy("schema.types.event")]
ExpertRef: TypeAlias = Annotated["Expert", strawberry.lazy("schema.types.expert")]
PlaceRef: TypeAlias = Annotated["Place", strawberry.lazy("schema.types.place")]
ProgrammeRef: TypeAlias = Annotated["Programme", strawberry.lazy("schema.types.programme")]
ResourceRef: TypeAlias = Annotated["Resource", strawberry.lazy("schema.types.resource")]
TopicRef: TypeAlias = Annotated["Topic", strawberry.lazy("schema.types.topic")]

REFS: Final[dict[Label, Any]] = {
    Label.AGENCY: AgencyRef,
    Label.COUNTRY: CountryRef,
    Label.EVENT: EventRef,
    Label.EXPERT: ExpertRef,
    Label.PLACE: PlaceRef,
    Label.PROGRAMME: ProgrammeRef,
    Label.RESOURCE: ResourceRef,
    Label.TOPIC: TopicRef,
}
"""The lazy reference to each entity type, for types built from declarations."""
