"""Experts: people who work for agencies, speak, train or take part in events."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar, Final

from graph.model import Label
from graph.model import RelType as T
from graph.repositories.base import ListSpec, Relation
from graph.repositories.common import (
    M_START,
    Repository,
    contains_filter,
    list_filters,
    related_filters,
)
from graph.repositories.links import Links, list_facet, out

LINKS: Final = Links(
    Label.EXPERT,
    {
        "agencies": out(T.WORKS_FOR),
        "events": out(T.TOOK_PART, M_START, by_role=True),
        "topics": out(T.ABOUT),
    },
)

EXPERTS: Final = ListSpec(
    label=Label.EXPERT,
    filters=LINKS.filters(
        {
            **list_filters("language", "n.languages"),
            **contains_filter("role", "n.roles"),
            **related_filters(
                "country", "(n)-[:WORKS_FOR]->(:Agency)-[:BASED_IN]->()-[:IN*0..3]->(x:Country)"
            ),
        }
    ),
    orders=LINKS.orders("agencies", "events"),
    facets={
        "country": "OPTIONAL MATCH (n)-[:WORKS_FOR]->(:Agency)-[:BASED_IN]->()-[:IN*0..3]->"
        "(g:Country) WITH n, g, null AS v",
        "topic": LINKS.facet("topics"),
        "agency": LINKS.facet("agencies"),
        "language": list_facet("languages"),
    },
)


class ExpertRepository(Repository):
    spec = EXPERTS
    relations: ClassVar[Mapping[str, Relation]] = LINKS.relations()
