"""Partners of an agency or a country: shared events, shared programmes, funding flows.

An agency is *involved* in an event it took part in (any role: organiser, participant...),
funded or implemented, and in a programme it funded or implemented. Two agencies involved
in the same item share it. When one funded a programme the other implemented, the tie is a
*funding flow* (with the amount the programme's funding link records) rather than a plain
shared programme. Only the agency's own links count: its staff's participation and its
sub-units' links stay theirs, so a partner list never claims more than the graph states.

A country is involved in an event held in it (or in a place inside it) or one that an agency
based there took part in, and in a programme that covers it (or a place inside it). A
funding flow runs from the country of a funder to a country its programme covers.

Weight = 1 per shared event + 2 per shared programme + 2 per funding flow: a programme is a
multi-year commitment, an event a few days together.
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

_AGGREGATE: Final[LiteralString] = (
    """
  WITH o, item, kind, own, theirs, direction, amount, currency, points
  WHERE ($yearFrom IS NULL OR coalesce(item.endYear, item.startYear) >= $yearFrom)
    AND ($yearTo IS NULL OR coalesce(item.startYear, item.endYear) <= $yearTo)
    AND ($topic IS NULL OR EXISTS { (item)-[:ABOUT]->(t) })
  ORDER BY coalesce(item.endYear, item.startYear, -1) DESC, item.id, kind
  WITH o, sum(points) AS weight,
       sum(CASE kind WHEN 'shared_event' THEN 1 ELSE 0 END) AS events,
       sum(CASE kind WHEN 'shared_programme' THEN 1 ELSE 0 END) AS programmes,
       sum(CASE kind WHEN 'funding_flow' THEN 1 ELSE 0 END) AS flows,
       min(coalesce(item.startYear, item.endYear)) AS firstYear,
       max(coalesce(item.endYear, item.startYear)) AS lastYear,
       collect({node: item {"""
    + NODE_FIELDS
    + """, labels: labels(item)}, kind: kind, own: own, theirs: theirs,
                direction: direction, amount: amount, currency: currency}) AS evidence
  ORDER BY weight DESC, o.name, o.id
  LIMIT $first
  RETURN collect({node: o {"""
    + NODE_FIELDS
    + """, labels: labels(o)}, weight: weight, events: events, programmes: programmes,
                  flows: flows, firstYear: firstYear, lastYear: lastYear,
                  evidence: evidence[..$evidence], evidenceCount: size(evidence)}) AS links
}
RETURN id, s IS NOT NULL AS found, t IS NOT NULL AS topicFound, links
"""
)

_OF_EACH: Final[LiteralString] = """
UNWIND $ids AS id
OPTIONAL MATCH (s:<LABEL> {id: id})
OPTIONAL MATCH (t:Topic {id: $topic})
CALL (s, t) {
  CALL (s) {"""
"""The head of both statements: each asked node `s` (of `<LABEL>`) and the topic `t`."""

AGENCY_PARTNERS: Final[LiteralString] = (
    _OF_EACH.replace("<LABEL>", "Agency")
    + """
    MATCH (s)-[r1:TOOK_PART|IMPLEMENTED_BY|FUNDED_BY]-(item:Event)
    WITH s, item, collect(coalesce(r1.role, toLower(type(r1)))) AS own
    MATCH (item)-[r2:TOOK_PART|IMPLEMENTED_BY|FUNDED_BY]-(o:Agency)
    WHERE o <> s
    WITH o, item, own, collect(coalesce(r2.role, toLower(type(r2)))) AS theirs
    RETURN o, item, 'shared_event' AS kind, own, theirs,
           null AS direction, null AS amount, null AS currency, 1.0 AS points
    UNION ALL
    MATCH (item:Programme)-[r1:IMPLEMENTED_BY|FUNDED_BY]->(s)
    MATCH (item)-[r2:IMPLEMENTED_BY|FUNDED_BY]->(o:Agency)
    WHERE o <> s
    WITH s, o, item, collect(DISTINCT type(r1)) AS own, collect(DISTINCT type(r2)) AS theirs,
         [r IN collect(r1) + collect(r2) WHERE type(r) = 'FUNDED_BY'] AS funding
    WITH s, o, item, own, theirs, funding,
         CASE
           WHEN 'FUNDED_BY' IN own AND 'IMPLEMENTED_BY' IN theirs THEN 'outgoing'
           WHEN 'IMPLEMENTED_BY' IN own AND 'FUNDED_BY' IN theirs THEN 'incoming'
         END AS direction
    WITH s, o, item, own, theirs, direction, funding,
         CASE direction
           WHEN 'outgoing' THEN head([r IN funding WHERE endNode(r) = s])
           WHEN 'incoming' THEN head([r IN funding WHERE endNode(r) = o])
         END AS funded
    RETURN o, item,
           CASE WHEN direction IS NULL THEN 'shared_programme' ELSE 'funding_flow' END AS kind,
           [x IN own | toLower(x)] AS own, [x IN theirs | toLower(x)] AS theirs, direction,
           funded.amount AS amount, funded.currency AS currency,
           2.0 AS points
  }"""
    + _AGGREGATE
)

COUNTRY_PARTNERS: Final[LiteralString] = (
    _OF_EACH.replace("<LABEL>", "Country")
    + """
    CALL (s) {
      MATCH (item:Event)-[:HELD_IN]->()-[:IN*0..3]->(s)
      RETURN item, 'host' AS role
      UNION
      MATCH (s)<-[:IN*0..3]-()<-[:BASED_IN]-(:Agency)-[:TOOK_PART]->(item:Event)
      RETURN item, 'participant' AS role
    }
    WITH s, item, collect(DISTINCT role) AS own
    CALL (item, s) {
      MATCH (item)-[:HELD_IN]->()-[:IN*0..3]->(o:Country)
      WHERE o <> s
      RETURN o, 'host' AS role
      UNION
      MATCH (item)<-[:TOOK_PART]-(:Agency)-[:BASED_IN]->()-[:IN*0..3]->(o:Country)
      WHERE o <> s
      RETURN o, 'participant' AS role
    }
    WITH o, item, own, collect(DISTINCT role) AS theirs
    RETURN o, item, 'shared_event' AS kind, own, theirs,
           null AS direction, null AS amount, null AS currency, 1.0 AS points
    UNION ALL
    MATCH (item:Programme)-[:COVERS]->()-[:IN*0..3]->(s)
    WITH DISTINCT item, s
    MATCH (item)-[:COVERS]->()-[:IN*0..3]->(o:Country)
    WHERE o <> s
    WITH DISTINCT item, o
    RETURN o, item, 'shared_programme' AS kind, ['covered'] AS own, ['covered'] AS theirs,
           null AS direction, null AS amount, null AS currency, 2.0 AS points
    UNION ALL
    MATCH (s)<-[:IN*0..3]-()<-[:BASED_IN]-(:Agency)<-[f:FUNDED_BY]-(item:Programme)
    MATCH (item)-[:COVERS]->()-[:IN*0..3]->(o:Country)
    WHERE o <> s
    WITH o, item, collect(f)[0] AS f
    RETURN o, item, 'funding_flow' AS kind, ['funder'] AS own, ['covered'] AS theirs,
           'outgoing' AS direction, f.amount AS amount, f.currency AS currency, 2.0 AS points
    UNION ALL
    MATCH (item:Programme)-[:COVERS]->()-[:IN*0..3]->(s)
    MATCH (item)-[f:FUNDED_BY]->(:Agency)-[:BASED_IN]->()-[:IN*0..3]->(o:Country)
    WHERE o <> s
    WITH o, item, collect(f)[0] AS f
    RETURN o, item, 'funding_flow' AS kind, ['covered'] AS own, ['funder'] AS theirs,
           'incoming' AS direction, f.amount AS amount, f.currency AS currency, 2.0 AS points
  }"""
    + _AGGREGATE
)


async def agency_partners(
    cypher: Cypher, *, agency_id: str, where: LinkFilter | None = None
) -> tuple[Link, ...]:
    """The agencies tied to `agency_id`, strongest first."""
    found = await agency_partners_of(cypher, agency_ids=[agency_id], where=where)
    return one_found(found, "Agency", agency_id)


async def country_partners(
    cypher: Cypher, *, country_id: str, where: LinkFilter | None = None
) -> tuple[Link, ...]:
    """The countries tied to `country_id`, strongest first."""
    found = await country_partners_of(cypher, country_ids=[country_id], where=where)
    return one_found(found, "Country", country_id)


async def agency_partners_of(
    cypher: Cypher, *, agency_ids: Sequence[str], where: LinkFilter | None = None
) -> dict[str, tuple[Link, ...]]:
    """Partners of each agency that exists, in one round trip."""
    return await _partners(cypher, AGENCY_PARTNERS, agency_ids, where)


async def country_partners_of(
    cypher: Cypher, *, country_ids: Sequence[str], where: LinkFilter | None = None
) -> dict[str, tuple[Link, ...]]:
    """Partners of each country that exists, in one round trip."""
    return await _partners(cypher, COUNTRY_PARTNERS, country_ids, where)


@analysis
async def _partners(
    cypher: Cypher, query: LiteralString, ids: Sequence[str], where: LinkFilter | None
) -> dict[str, tuple[Link, ...]]:
    parameters = (where or LinkFilter()).parameters()
    rows = await cypher.read(query, {"ids": list(ids), **parameters})
    if rows and parameters["topic"] is not None and not rows[0]["topicFound"]:
        raise NotFoundError("Topic", parameters["topic"])
    return {row["id"]: tuple(link(item) for item in row["links"]) for row in rows if row["found"]}
