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

from graph.cypher import Cypher
from graph.errors import NotFoundError
from graph.network.linkfilter import LinkFilter
from graph.network.records import Link
from graph.network.shape import NODE_FIELDS, link

EXPERT_COLLABORATORS: Final[LiteralString] = (
    """
UNWIND $ids AS id
OPTIONAL MATCH (e:Expert {id: id})
OPTIONAL MATCH (t:Topic {id: $topic})
CALL (e, t) {
  CALL (e, t) {
    MATCH (e)-[r1:TOOK_PART]->(item:Event)<-[r2:TOOK_PART]-(o:Expert)
    WHERE o <> e
      AND ($yearFrom IS NULL OR coalesce(item.endYear, item.startYear) >= $yearFrom)
      AND ($yearTo IS NULL OR coalesce(item.startYear, item.endYear) <= $yearTo)
      AND ($topic IS NULL OR EXISTS { (item)-[:ABOUT]->(t) })
    WITH o, item, collect(r1) AS own, collect(r2) AS theirs
    RETURN o, item, 'shared_event' AS kind, own, theirs, 1.0 AS points
    UNION ALL
    MATCH (e)-[r1:TOOK_PART]->(mine:Event)-[:PART_OF]->(item:Programme)
    WHERE ($yearFrom IS NULL OR coalesce(item.endYear, item.startYear) >= $yearFrom)
      AND ($yearTo IS NULL OR coalesce(item.startYear, item.endYear) <= $yearTo)
      AND ($topic IS NULL OR EXISTS { (item)-[:ABOUT]->(t) } OR EXISTS { (mine)-[:ABOUT]->(t) })
    WITH e, item, collect(r1) AS own
    MATCH (item)<-[:PART_OF]-(:Event)<-[r2:TOOK_PART]-(o:Expert)
    WHERE o <> e
    WITH o, item, own, collect(r2) AS theirs
    RETURN o, item, 'shared_programme' AS kind, own, theirs, 0.25 AS points
  }
  WITH o, sum(points) AS weight,
       sum(CASE kind WHEN 'shared_event' THEN 1 ELSE 0 END) AS events,
       sum(CASE kind WHEN 'shared_programme' THEN 1 ELSE 0 END) AS programmes,
       min(coalesce(item.startYear, item.endYear)) AS firstYear,
       max(coalesce(item.endYear, item.startYear)) AS lastYear,
       collect({item: item, kind: kind, own: own, theirs: theirs}) AS shared
  ORDER BY weight DESC, o.name, o.id
  LIMIT $first
  CALL (shared) {
    UNWIND shared AS s
    WITH s, s.item AS item
    ORDER BY coalesce(item.endYear, item.startYear, -1) DESC, item.id
    LIMIT $evidence
    RETURN collect({node: item {"""
    + NODE_FIELDS
    + """, labels: labels(item)}, kind: s.kind,
                    own: [r IN s.own | r.role], theirs: [r IN s.theirs | r.role]}) AS evidence
  }
  RETURN collect({node: o {"""
    + NODE_FIELDS
    + """, labels: labels(o)}, weight: weight, events: events, programmes: programmes,
                  firstYear: firstYear, lastYear: lastYear,
                  evidence: evidence, evidenceCount: size(shared)}) AS links
}
RETURN id, e IS NOT NULL AS found, t IS NOT NULL AS topicFound, links
"""
)
"""Weights are summed over every shared item first; evidence (the shared items' names and
roles, latest first) is read only for the `$first` strongest collaborators kept."""


async def collaborators_of(
    cypher: Cypher, *, expert_ids: Sequence[str], where: LinkFilter | None = None
) -> dict[str, tuple[Link, ...]]:
    """The strongest collaborators of each expert that exists, in one round trip."""
    parameters = (where or LinkFilter()).parameters()
    rows = await cypher.read_maps(EXPERT_COLLABORATORS, {"ids": list(expert_ids), **parameters})
    if rows and parameters["topic"] is not None and not rows[0]["topicFound"]:
        raise NotFoundError("Topic", parameters["topic"])
    return {row["id"]: tuple(link(item) for item in row["links"]) for row in rows if row["found"]}


async def collaborators(
    cypher: Cypher, *, expert_id: str, where: LinkFilter | None = None
) -> tuple[Link, ...]:
    """The strongest collaborators of `expert_id`, strongest first."""
    found = await collaborators_of(cypher, expert_ids=[expert_id], where=where)
    if expert_id not in found:
        raise NotFoundError("Expert", expert_id)
    return found[expert_id]
