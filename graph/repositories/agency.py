"""Agencies: state services, international organisations, NGOs, donors, colleges..."""

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

AGENCIES: Final = ListSpec(
    label=Label.AGENCY,
    match="MATCH (n:Agency)",
    filters={
        **COMMON_FILTERS,
        **value_filters("kind", "n.kind"),
        **value_filters("acronym", "n.acronym"),
        **related_filters("country", "(n)-[:BASED_IN]->()-[:IN*0..3]->(x:Country)"),
        **related_filters("parent", "(n)-[:PART_OF]->(x:Agency)"),
        **related_filters("event", "(n)-[:TOOK_PART]->(x:Event)"),
        **related_filters("programme", "(n)<-[:FUNDED_BY|IMPLEMENTED_BY]-(x:Programme)"),
        **related_filters("expert", "(n)<-[:WORKS_FOR]-(x:Expert)"),
    },
    orders={
        "name": NAME_KEY,
        "eventsCount": "COUNT { (n)-[:TOOK_PART]->(:Event) }",
        "expertsCount": "COUNT { (n)<-[:WORKS_FOR]-(:Expert) }",
        "programmesCount": "COUNT { MATCH (n)<-[:FUNDED_BY|IMPLEMENTED_BY]-(p:Programme) "
        "RETURN DISTINCT p }",
    },
    facets={
        "kind": "WITH n, null AS g, n.kind AS v",
        "country": "OPTIONAL MATCH (n)-[:BASED_IN]->()-[:IN*0..3]->(g:Country) "
        "WITH n, g, null AS v",
    },
)


class AgencyRepository(Repository):
    spec = AGENCIES
    relations: ClassVar[Mapping[str, Relation]] = {
        "experts": Relation(
            "Agency.experts", Label.AGENCY, "MATCH (o)<-[r:WORKS_FOR]-(m:Expert)", M_NAME
        ),
        "events": Relation(
            "Agency.events",
            Label.AGENCY,
            "MATCH (o)-[r:TOOK_PART]->(m:Event)",
            M_START,
            by_role=True,
        ),
        "country": Relation(
            "Agency.country",
            Label.AGENCY,
            "MATCH (o)-[:BASED_IN]->()-[:IN*0..3]->(m:Country)" + NO_REL,
            M_NAME,
        ),
        "place": Relation(
            "Agency.place", Label.AGENCY, "MATCH (o)-[r:BASED_IN]->(m:Place)", M_NAME
        ),
        "parent": Relation(
            "Agency.parent", Label.AGENCY, "MATCH (o)-[r:PART_OF]->(m:Agency)", M_NAME
        ),
        "units": Relation(
            "Agency.units", Label.AGENCY, "MATCH (o)<-[r:PART_OF]-(m:Agency)", M_NAME
        ),
        "fundedProgrammes": Relation(
            "Agency.fundedProgrammes",
            Label.AGENCY,
            "MATCH (o)<-[r:FUNDED_BY]-(m:Programme)",
            M_START,
        ),
        "implementedProgrammes": Relation(
            "Agency.implementedProgrammes",
            Label.AGENCY,
            "MATCH (o)<-[r:IMPLEMENTED_BY]-(m:Programme)",
            M_START,
        ),
        "mentionedIn": mentioned_in(Label.AGENCY),
    }
