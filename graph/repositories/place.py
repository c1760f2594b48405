"""Places: cities, districts, venues and communities, each `IN` a larger place or country."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar, Final

from graph.model import Label
from graph.repositories.base import ListSpec, Relation
from graph.repositories.common import (
    COMMON_FILTERS,
    M_NAME,
    M_START,
    NAME_KEY,
    NO_REL,
    Repository,
    mentioned_in,
    related_filters,
    value_filters,
)

PLACES: Final = ListSpec(
    label=Label.PLACE,
    match="MATCH (n:Place)",
    filters={
        **COMMON_FILTERS,
        **value_filters("kind", "n.kind"),
        **related_filters("country", "(n)-[:IN*1..3]->(x:Country)"),
    },
    orders={
        "name": NAME_KEY,
        "eventsCount": "COUNT { MATCH (e:Event)-[:HELD_IN]->()-[:IN*0..3]->(n) RETURN DISTINCT e }",
    },
    facets={
        "kind": "WITH n, null AS g, n.kind AS v",
        "country": "OPTIONAL MATCH (n)-[:IN*1..3]->(g:Country) WITH DISTINCT n, g, null AS v",
    },
)


class PlaceRepository(Repository):
    spec = PLACES
    relations: ClassVar[Mapping[str, Relation]] = {
        "country": Relation(
            "Place.country", Label.PLACE, "MATCH (o)-[:IN*1..3]->(m:Country)" + NO_REL, M_NAME
        ),
        "parent": Relation("Place.parent", Label.PLACE, "MATCH (o)-[r:IN]->(m:Place)", M_NAME),
        "places": Relation("Place.places", Label.PLACE, "MATCH (o)<-[r:IN]-(m:Place)", M_NAME),
        "events": Relation(
            "Place.events",
            Label.PLACE,
            "MATCH (m:Event)-[:HELD_IN]->()-[:IN*0..3]->(o)" + NO_REL,
            M_START,
        ),
        "agencies": Relation(
            "Place.agencies",
            Label.PLACE,
            "MATCH (m:Agency)-[:BASED_IN]->()-[:IN*0..3]->(o)" + NO_REL,
            M_NAME,
        ),
        "mentionedIn": mentioned_in(Label.PLACE),
    }
