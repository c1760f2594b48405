"""Countries: where agencies sit, events happen and programmes work."""

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
    value_filters,
)

COUNTRIES: Final = ListSpec(
    label=Label.COUNTRY,
    match="MATCH (n:Country)",
    filters={**COMMON_FILTERS, **value_filters("iso2", "n.iso2")},
    orders={
        "name": NAME_KEY,
        "iso2": "coalesce(n.iso2, '')",
        "eventsCount": "COUNT { MATCH (e:Event)-[:HELD_IN]->()-[:IN*0..3]->(n) RETURN DISTINCT e }",
        "agenciesCount": "COUNT { MATCH (a:Agency)-[:BASED_IN]->()-[:IN*0..3]->(n) "
        "RETURN DISTINCT a }",
        "programmesCount": "COUNT { MATCH (p:Programme)-[:COVERS]->()-[:IN*0..3]->(n) "
        "RETURN DISTINCT p }",
    },
)


class CountryRepository(Repository):
    spec = COUNTRIES
    relations: ClassVar[Mapping[str, Relation]] = {
        "agencies": Relation(
            "Country.agencies",
            Label.COUNTRY,
            "MATCH (m:Agency)-[:BASED_IN]->()-[:IN*0..3]->(o)" + NO_REL,
            M_NAME,
        ),
        "events": Relation(
            "Country.events",
            Label.COUNTRY,
            "MATCH (m:Event)-[:HELD_IN]->()-[:IN*0..3]->(o)" + NO_REL,
            M_START,
        ),
        "programmes": Relation(
            "Country.programmes",
            Label.COUNTRY,
            "MATCH (m:Programme)-[:COVERS]->()-[:IN*0..3]->(o)" + NO_REL,
            M_START,
        ),
        "places": Relation(
            "Country.places", Label.COUNTRY, "MATCH (m:Place)-[:IN*1..3]->(o)" + NO_REL, M_NAME
        ),
        "mentionedIn": mentioned_in(Label.COUNTRY),
    }
