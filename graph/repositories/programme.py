"""Programmes, projects and their phases: who funds and implements them, where, with what."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar, Final, LiteralString

from graph.model import Label
from graph.repositories.base import ListSpec, Relation
from graph.repositories.common import (
    COMMON_FILTERS,
    M_NAME,
    M_PUBLISHED,
    M_START,
    NAME_KEY,
    NO_REL,
    Repository,
    date_filters,
    int_filters,
    mentioned_in,
    related_filters,
    value_filters,
)

PROGRAMMES: Final = ListSpec(
    label=Label.PROGRAMME,
    match="MATCH (n:Programme)",
    filters={
        **COMMON_FILTERS,
        **value_filters("kind", "n.kind"),
        **value_filters("acronym", "n.acronym"),
        **int_filters("startYear", "n.startYear"),
        **int_filters("endYear", "n.endYear"),
        **date_filters("start", "n.start"),
        **date_filters("end", "n.end"),
        **related_filters("country", "(n)-[:COVERS]->()-[:IN*0..3]->(x:Country)"),
        **related_filters("funder", "(n)-[:FUNDED_BY]->(x:Agency)"),
        **related_filters("implementer", "(n)-[:IMPLEMENTED_BY]->(x:Agency)"),
        **related_filters("topic", "(n)-[:ABOUT]->(x:Topic)"),
        **related_filters("parent", "(n)-[:PART_OF]->(x:Programme)"),
    },
    orders={
        "name": NAME_KEY,
        "start": "coalesce(n.start, '')",
        "budget": "coalesce(n.budgetAmount, -1.0)",
        "eventsCount": "COUNT { MATCH (e:Event)-[:PART_OF*1..3]->(n) RETURN DISTINCT e }",
    },
    facets={
        "kind": "WITH n, null AS g, n.kind AS v",
        "country": "OPTIONAL MATCH (n)-[:COVERS]->()-[:IN*0..3]->(g:Country) WITH n, g, null AS v",
        "funder": "OPTIONAL MATCH (n)-[:FUNDED_BY]->(g:Agency) WITH n, g, null AS v",
    },
)

LEAD_FIRST: Final[LiteralString] = (
    "CASE WHEN r.lead THEN '0|' ELSE '1|' END + toLower(coalesce(m.name, ''))"
)


class ProgrammeRepository(Repository):
    spec = PROGRAMMES
    relations: ClassVar[Mapping[str, Relation]] = {
        "funders": Relation(
            "Programme.funders", Label.PROGRAMME, "MATCH (o)-[r:FUNDED_BY]->(m:Agency)", M_NAME
        ),
        "implementers": Relation(
            "Programme.implementers",
            Label.PROGRAMME,
            "MATCH (o)-[r:IMPLEMENTED_BY]->(m:Agency)",
            LEAD_FIRST,
        ),
        "countries": Relation(
            "Programme.countries",
            Label.PROGRAMME,
            "MATCH (o)-[:COVERS]->()-[:IN*0..3]->(m:Country)" + NO_REL,
            M_NAME,
        ),
        "places": Relation(
            "Programme.places", Label.PROGRAMME, "MATCH (o)-[r:COVERS]->(m:Place)", M_NAME
        ),
        "events": Relation(
            "Programme.events",
            Label.PROGRAMME,
            "MATCH (m:Event)-[:PART_OF*1..3]->(o)" + NO_REL,
            M_START,
        ),
        "phases": Relation(
            "Programme.phases",
            Label.PROGRAMME,
            "MATCH (o)<-[r:PART_OF]-(m:Programme)",
            "coalesce(m.phase, 0)",
        ),
        "parent": Relation(
            "Programme.parent", Label.PROGRAMME, "MATCH (o)-[r:PART_OF]->(m:Programme)", M_NAME
        ),
        "topics": Relation(
            "Programme.topics", Label.PROGRAMME, "MATCH (o)-[r:ABOUT]->(m:Topic)", M_NAME
        ),
        "describedBy": Relation(
            "Programme.describedBy",
            Label.PROGRAMME,
            "MATCH (o)<-[r:DESCRIBES]-(m:Resource)",
            M_PUBLISHED,
        ),
        "mentionedIn": mentioned_in(Label.PROGRAMME),
    }
