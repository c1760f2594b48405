"""Shortest chains between two entities: "who connects us to them?".

By default a chain runs only over *ties* (people working for agencies, taking part in events,
programmes funding and covering things...). Topic tags (`ABOUT`) and documentary links
(`MENTIONS`, `DESCRIBES`) make almost everything two hops apart without anybody knowing
anybody, so they are used only when an endpoint is itself a Topic or a Resource, or when the
caller asks for them through `rel_types`. Among equally short chains the one with the fewest
such weak links wins, then the one whose node slugs sort first (a stable answer).

Variable-length bounds cannot be Cypher parameters, so there is one constant query per hop
count up to `MAX_HOPS`, each built once at import from literal fragments (never user text).
"""

from __future__ import annotations

from typing import Final, LiteralString

from graph.database.cypher import Cypher
from graph.database.time_limits import analysis
from graph.errors import NotFoundError, check_at_least_one, check_between
from graph.model import Label, RelType
from graph.network.node_rows import (
    EDGE_PROPERTIES,
    NODE_FIELDS,
    graph_edge,
    graph_node,
    labels_or_all,
)
from graph.network.results import GraphPath

MAX_HOPS: Final = 8
DEFAULT_HOPS: Final = 4
WEAK_TYPES: Final = frozenset({RelType.ABOUT, RelType.MENTIONS, RelType.DESCRIBES})
TIE_TYPES: Final = frozenset(RelType) - WEAK_TYPES
CANDIDATE_PATHS: Final = 200
"""How many equally short chains are ranked at most (a hub can make thousands)."""

_HOP_BOUNDS: Final[tuple[LiteralString, ...]] = ("1", "2", "3", "4", "5", "6", "7", "8")

_ENDS: Final[LiteralString] = """
OPTIONAL MATCH (a:Expert|Agency|Country|Place|Programme|Event|Topic|Resource {id: $from})
OPTIONAL MATCH (b:Expert|Agency|Country|Place|Programme|Event|Topic|Resource {id: $to})
WITH a, b, $types
     + CASE WHEN $widen AND (a:Topic OR b:Topic) THEN ['ABOUT'] ELSE [] END
     + CASE WHEN $widen AND (a:Resource OR b:Resource) THEN ['MENTIONS', 'DESCRIBES'] ELSE [] END
     AS types
"""

_TYPES_ALLOWED: Final[LiteralString] = """
    AND all(r IN relationships(p) WHERE type(r) IN types)"""

_THROUGH: Final[LiteralString] = (
    "\n    AND all(n IN nodes(p) WHERE n = a OR n = b OR any(l IN labels(n) WHERE l IN $labels))"
)

_BEST: Final[LiteralString] = """
  WITH p LIMIT $candidates
  WITH p, size([r IN relationships(p) WHERE type(r) IN $weak]) AS weak
  ORDER BY weak, [n IN nodes(p) | n.id]
  LIMIT 1
  RETURN p
"""

_ANSWER: Final[LiteralString] = (
    """}
RETURN a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound,
       [n IN CASE WHEN a = b THEN [a] ELSE nodes(p) END | n {"""
    + NODE_FIELDS
    + """, labels: labels(n)}] AS nodes,
       [r IN relationships(p) | {type: type(r), source: startNode(r).id,
                                 target: endNode(r).id, properties: """
    + EDGE_PROPERTIES
    + """}] AS edges
"""
)

TIES_PATTERN: Final[LiteralString] = (
    "WORKS_FOR|BASED_IN|TOOK_PART|HELD_IN|IN|PART_OF|FUNDED_BY|IMPLEMENTED_BY|COVERS|CASCADES_FROM"
)
"""`TIE_TYPES` spelled as a relationship-type pattern (a test keeps the two equal)."""


def _any_types(bound: LiteralString, through: LiteralString) -> LiteralString:
    return (
        "  OPTIONAL MATCH p = allShortestPaths((a)-[*.."
        + bound
        + "]-(b))\n  WHERE a <> b"
        + _TYPES_ALLOWED
        + through
        + _BEST
    )


def _searched(bound: LiteralString, through: LiteralString) -> LiteralString:
    return _ENDS + "CALL (a, b, types) {\n" + _any_types(bound, through) + _ANSWER


def _over_ties(bound: LiteralString) -> LiteralString:
    """The default search with the tie types in the pattern, so Neo4j never expands over
    topic tags and documentary links to throw them away afterwards (about a quarter of the
    query's work on the 100k-expert graph). When an endpoint widens the types (a Topic or
    Resource), the other branch searches as `_searched` does."""
    return (
        _ENDS
        + "CALL (a, b, types) {\n  WITH a, b, types WHERE size(types) = size($types)\n"
        + "  OPTIONAL MATCH p = allShortestPaths((a)-[:"
        + TIES_PATTERN
        + "*.."
        + bound
        + "]-(b))\n  WHERE a <> b"
        + _BEST
        + "  UNION\n  WITH a, b, types WHERE size(types) > size($types)\n"
        + _any_types(bound, "")
        + _ANSWER
    )


SHORTEST_PATH_BY_HOPS: Final[dict[int, LiteralString]] = {
    hops: _searched(bound, _THROUGH) for hops, bound in enumerate(_HOP_BOUNDS, start=1)
}
"""One query per hop limit: `SHORTEST_PATH_BY_HOPS[3]` searches chains of at most 3 hops."""

SHORTEST_PATH_THROUGH_ANYTHING: Final[dict[int, LiteralString]] = {
    hops: _searched(bound, "") for hops, bound in enumerate(_HOP_BOUNDS, start=1)
}
"""Without the `through` condition, for requests that do not restrict it. With every label
allowed the condition is always true in the hub's graph (only hub labels are ever linked),
yet Neo4j reads the labels of every node of every candidate chain: about half the query's
work on the 100k-expert graph."""

SHORTEST_PATH_OVER_TIES: Final[dict[int, LiteralString]] = {
    hops: _over_ties(bound) for hops, bound in enumerate(_HOP_BOUNDS, start=1)
}
"""The default request (no `rel_types`, no `through`)."""


@analysis
async def shortest_path(
    cypher: Cypher,
    *,
    source: str,
    target: str,
    max_hops: int = DEFAULT_HOPS,
    rel_types: frozenset[RelType] | None = None,
    through: frozenset[Label] | None = None,
) -> GraphPath | None:
    """The best shortest chain from `source` to `target` (slugs), or None within `max_hops`.

    `rel_types` replaces the default ties; `through` limits the labels of the nodes in between
    (the endpoints themselves may have any label). From a node to itself: one node, no edges.
    """
    check_between("maxHops", max_hops, MAX_HOPS)
    check_at_least_one("via", rel_types, "relationship type")
    check_at_least_one("through", through, "entity type")
    if through is not None:
        queries = SHORTEST_PATH_BY_HOPS
    elif rel_types is None:
        queries = SHORTEST_PATH_OVER_TIES
    else:
        queries = SHORTEST_PATH_THROUGH_ANYTHING
    rows = await cypher.read_maps(
        queries[max_hops],
        {
            "from": source,
            "to": target,
            "types": sorted(t.value for t in (rel_types or TIE_TYPES)),
            "widen": rel_types is None,
            "labels": labels_or_all(through),
            "weak": sorted(t.value for t in WEAK_TYPES),
            "candidates": CANDIDATE_PATHS,
        },
    )
    row = rows[0]
    if not row["fromFound"]:
        raise NotFoundError("node", source)
    if not row["toFound"]:
        raise NotFoundError("node", target)
    if not row["nodes"]:
        return None
    return GraphPath(
        nodes=tuple(graph_node(node) for node in row["nodes"]),
        edges=tuple(graph_edge(edge) for edge in row["edges"] or ()),
    )
