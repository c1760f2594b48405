"""An expert's collaborators: people who shared events or programmes, weighted, with evidence.

Weight = 1 per event both took part in + 0.25 per programme both took part in (through any
of its events). Sitting in the same session is direct contact; being in the same programme
is only a likely acquaintance, hence the lower weight. A shared event inside a shared
programme counts for both: they are two facts. Evidence lists the shared items, latest
first, with both people's roles.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final, LiteralString

from graph.database.cypher import Cypher
from graph.database.time_limits import analysis
from graph.errors import NotFoundError, one_found
from graph.network.linkfilter import LinkFilter
from graph.network.node_rows import NODE_FIELDS, link
from graph.network.results import Link

_IN_PERIOD: Final[LiteralString] = """
($yearFrom IS NULL OR coalesce(item.endYear, item.startYear) >= $yearFrom)
AND ($yearTo IS NULL OR coalesce(item.startYear, item.endYear) <= $yearTo)"""

SHARED_EVENT_KEPT: Final[LiteralString] = (
    _IN_PERIOD + " AND ($topic IS NULL OR EXISTS { (item)-[:ABOUT]->(t) })"
)
"""A shared event counts when it falls in the period and is about the topic (if given)."""

SHARED_PROGRAMME_KEPT: Final[LiteralString] = (
    _IN_PERIOD
    + " AND ($topic IS NULL OR EXISTS { (item)-[:ABOUT]->(t) } OR EXISTS { (mine)-[:ABOUT]->(t) })"
)
"""A programme counts when it falls in the period and it, or the expert's own event in it
(`mine`), is about the topic (if given)."""

_RANKED: Final[LiteralString] = (
    """
UNWIND $ids AS id
OPTIONAL MATCH (e:Expert {id: id})
OPTIONAL MATCH (t:Topic {id: $topic})
CALL (e, t) {
  CALL (e, t) {
    MATCH (e)-[:TOOK_PART]->(item:Event)<-[:TOOK_PART]-(o:Expert)
    WHERE o <> e AND """
    + SHARED_EVENT_KEPT
    + """
    WITH DISTINCT o, item
    RETURN o, item, 1 AS events, 1.0 AS points
    UNION ALL
    MATCH (e)-[:TOOK_PART]->(mine:Event)-[:PART_OF]->(item:Programme)
    WHERE """
    + SHARED_PROGRAMME_KEPT
    + """
    WITH DISTINCT e, item
    MATCH (item)<-[:PART_OF]-(:Event)<-[:TOOK_PART]-(o:Expert)
    WHERE o <> e
    WITH DISTINCT o, item
    RETURN o, item, 0 AS events, 0.25 AS points
  }
  WITH o, sum(points) AS weight, sum(events) AS events, count(*) AS shared
  ORDER BY weight DESC, o.name, o.id
  LIMIT $first
"""
)
"""The ranking only counts distinct (collaborator, item) pairs, reading no property but the
names that break ties, as the raw-Cypher floor does. Reading items and roles for every
collaborator before the cut cost more than the ranking itself."""

_DETAILS: Final[LiteralString] = (
    """
  CALL (e, t, o) {
    CALL (e, t, o) {
      MATCH (e)-[r1:TOOK_PART]->(item:Event)<-[r2:TOOK_PART]-(o)
      WHERE """
    + SHARED_EVENT_KEPT
    + """
      WITH item, collect(r1) AS own, collect(r2) AS theirs
      RETURN item, 'shared_event' AS kind, own, theirs
      UNION ALL
      MATCH (e)-[r1:TOOK_PART]->(mine:Event)-[:PART_OF]->(item:Programme)
      WHERE """
    + SHARED_PROGRAMME_KEPT
    + """
      WITH item, collect(r1) AS own
      MATCH (item)<-[:PART_OF]-(:Event)<-[r2:TOOK_PART]-(o)
      RETURN item, 'shared_programme' AS kind, own, collect(r2) AS theirs
    }
    WITH item, kind, own, theirs
    ORDER BY coalesce(item.endYear, item.startYear, -1) DESC, item.id
    WITH collect({item: item, kind: kind, own: own, theirs: theirs}) AS items,
         min(coalesce(item.startYear, item.endYear)) AS firstYear,
         max(coalesce(item.endYear, item.startYear)) AS lastYear
    CALL (items) {
      UNWIND items[..$evidence] AS s
      WITH s, s.item AS item
      RETURN collect({node: item {"""
    + NODE_FIELDS
    + """, labels: labels(item)}, kind: s.kind,
                      own: [r IN s.own | r.role], theirs: [r IN s.theirs | r.role]}) AS evidence
    }
    RETURN firstYear, lastYear, evidence
  }
"""
)
"""For each collaborator kept: the shared items matched again, their first and last years,
and the latest `$evidence` of them with both people's roles."""

_NO_DETAILS: Final[LiteralString] = (
    "  WITH o, weight, events, shared, null AS firstYear, null AS lastYear, [] AS evidence\n"
)

_LINKS: Final[LiteralString] = (
    """  RETURN collect({node: o {"""
    + NODE_FIELDS
    + """, labels: labels(o)}, weight: weight, events: events, programmes: shared - events,
                  firstYear: firstYear, lastYear: lastYear,
                  evidence: evidence, evidenceCount: shared}) AS links
}
RETURN id, e IS NOT NULL AS found, t IS NOT NULL AS topicFound, links
"""
)

EXPERT_COLLABORATORS: Final[LiteralString] = _RANKED + _DETAILS + _LINKS
"""Each expert's strongest collaborators, with years and evidence."""

EXPERT_COLLABORATORS_RANKED: Final[LiteralString] = _RANKED + _NO_DETAILS + _LINKS
"""The same ranking and counts, for callers that show no evidence or years (`details=False`)."""


@analysis
async def collaborators_of(
    cypher: Cypher, *, expert_ids: Sequence[str], where: LinkFilter | None = None
) -> dict[str, tuple[Link, ...]]:
    """The strongest collaborators of each expert that exists, in one round trip."""
    where = where or LinkFilter()
    parameters = where.parameters()
    query = EXPERT_COLLABORATORS if where.details else EXPERT_COLLABORATORS_RANKED
    rows = await cypher.read_maps(query, {"ids": list(expert_ids), **parameters})
    if rows and parameters["topic"] is not None and not rows[0]["topicFound"]:
        raise NotFoundError("Topic", parameters["topic"])
    return {row["id"]: tuple(link(item) for item in row["links"]) for row in rows if row["found"]}


@analysis
async def collaborators(
    cypher: Cypher, *, expert_id: str, where: LinkFilter | None = None
) -> tuple[Link, ...]:
    """The strongest collaborators of `expert_id`, strongest first."""
    found = await collaborators_of(cypher, expert_ids=[expert_id], where=where)
    return one_found(found, "Expert", expert_id)
