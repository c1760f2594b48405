"""Experts: people who work for agencies, speak, train or take part in events."""

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
    Repository,
    contains_filter,
    list_filters,
    mentioned_in,
    related_filters,
)

EXPERTS: Final = ListSpec(
    label=Label.EXPERT,
    match="MATCH (n:Expert)",
    filters={
        **COMMON_FILTERS,
        **list_filters("language", "n.languages"),
        **contains_filter("role", "n.roles"),
        **related_filters("topic", "(n)-[:ABOUT]->(x:Topic)"),
        **related_filters("agency", "(n)-[:WORKS_FOR]->(x:Agency)"),
        **related_filters(
            "country", "(n)-[:WORKS_FOR]->(:Agency)-[:BASED_IN]->()-[:IN*0..3]->(x:Country)"
        ),
        **related_filters("event", "(n)-[:TOOK_PART]->(x:Event)"),
    },
    orders={
        "name": NAME_KEY,
        "agenciesCount": "COUNT { (n)-[:WORKS_FOR]->(:Agency) }",
        "eventsCount": "COUNT { (n)-[:TOOK_PART]->(:Event) }",
    },
    facets={
        "country": "OPTIONAL MATCH (n)-[:WORKS_FOR]->(:Agency)-[:BASED_IN]->()-[:IN*0..3]->"
        "(g:Country) WITH n, g, null AS v",
        "topic": "OPTIONAL MATCH (n)-[:ABOUT]->(g:Topic) WITH n, g, null AS v",
        "agency": "OPTIONAL MATCH (n)-[:WORKS_FOR]->(g:Agency) WITH n, g, null AS v",
        "language": "UNWIND CASE WHEN size(coalesce(n.languages, [])) = 0 THEN [null] "
        "ELSE n.languages END AS v WITH n, null AS g, v",
    },
)


class ExpertRepository(Repository):
    spec = EXPERTS
    relations: ClassVar[Mapping[str, Relation]] = {
        "agencies": Relation(
            "Expert.agencies", Label.EXPERT, "MATCH (o)-[r:WORKS_FOR]->(m:Agency)", M_NAME
        ),
        "events": Relation(
            "Expert.events",
            Label.EXPERT,
            "MATCH (o)-[r:TOOK_PART]->(m:Event)",
            M_START,
            by_role=True,
        ),
        "topics": Relation("Expert.topics", Label.EXPERT, "MATCH (o)-[r:ABOUT]->(m:Topic)", M_NAME),
        "mentionedIn": mentioned_in(Label.EXPERT),
    }
