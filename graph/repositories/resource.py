"""Resources: news, blog entries, curricula, reports; what they describe and mention."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar, Final

from graph.model import Label
from graph.repositories.base import ListSpec, Relation
from graph.repositories.common import (
    COMMON_FILTERS,
    M_NAME,
    NAME_KEY,
    Repository,
    date_filters,
    int_filters,
    mentioned_in,
    related_filters,
    value_filters,
)

RESOURCES: Final = ListSpec(
    label=Label.RESOURCE,
    match="MATCH (n:Resource)",
    filters={
        **COMMON_FILTERS,
        **value_filters("kind", "n.kind"),
        **int_filters("publishedYear", "n.publishedYear"),
        **date_filters("published", "n.published"),
        **related_filters("describes", "(n)-[:DESCRIBES]->(x)"),
        **related_filters("mentions", "(n)-[:MENTIONS]->(x)"),
        **related_filters("topic", "(n)-[:ABOUT]->(x:Topic)"),
    },
    orders={"name": NAME_KEY, "published": "coalesce(n.published, '')"},
    facets={
        "kind": "WITH n, null AS g, n.kind AS v",
        "year": "WITH n, null AS g, n.publishedYear AS v",
        "lang": "UNWIND CASE WHEN size(coalesce(n.langs, [])) = 0 THEN [null] "
        "ELSE n.langs END AS v WITH n, null AS g, v",
    },
)


class ResourceRepository(Repository):
    spec = RESOURCES
    relations: ClassVar[Mapping[str, Relation]] = {
        "describes": Relation(
            "Resource.describes", Label.RESOURCE, "MATCH (o)-[r:DESCRIBES]->(m)", M_NAME
        ),
        "mentions": Relation(
            "Resource.mentions", Label.RESOURCE, "MATCH (o)-[r:MENTIONS]->(m)", M_NAME
        ),
        "topics": Relation(
            "Resource.topics", Label.RESOURCE, "MATCH (o)-[r:ABOUT]->(m:Topic)", M_NAME
        ),
        "mentionedIn": mentioned_in(Label.RESOURCE),
    }
