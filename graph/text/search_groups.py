"""Facet counts over every hit of a search, not just a page of them.

One statement: the same index queries as `search` (so the same hits that `totalCount`
counts), each node once, of the one label asked for, then that label's list grouping
(graph/repositories: country, agency, topic, year...). Ranking is left out: membership is
all a count needs. Facet filters (graph/text/search_facets.py) narrow the hits first, so a
caller counting one facet under the others' choices passes all but that facet's own.
"""

from __future__ import annotations

from typing import Final, LiteralString

from graph.database.cypher import Cypher
from graph.errors import GraphError
from graph.model import Label
from graph.repositories.base import buckets_of, grouping
from graph.repositories.pages import FacetBucket
from graph.repositories.registry import REPOSITORIES
from graph.text.search import checked, indexes_for, lucene_error
from graph.text.search_facets import FacetKeys, facet_filter

HITS: Final[LiteralString] = """
UNWIND $indexes AS index
CALL db.index.fulltext.queryNodes(index.name, index.query, {limit: index.limit})
  YIELD node
WITH DISTINCT node AS n"""


async def group_hits(
    cypher: Cypher,
    query: str,
    *,
    label: Label,
    facet: str,
    lang: str | None = None,
    limit: int,
    facets: FacetKeys | None = None,
) -> list[FacetBucket]:
    """How all of `query`'s hits of `label` in the `facets` chosen fall into `facet`'s
    groups, largest first."""
    condition, chosen = facet_filter(label, facets or {}, "n")
    spec = REPOSITORIES[label].spec
    statement = grouping(spec, facet, HITS, "$label IN labels(n) AND " + condition)
    parameters = {"indexes": indexes_for(lang, checked(query)), "label": label.value, **chosen}
    try:
        rows = await cypher.read(statement, {**parameters, "limit": limit})
    except GraphError as error:
        lucene = lucene_error(error)
        if lucene is None:
            raise
        raise lucene from error
    return buckets_of(rows)
