"""The subgraph around one node, ready for a network drawing, bounded whatever the hubs.

Relevance, used when more nodes are reachable than `limit` allows: nearer nodes first (a
node two hops away never displaces one a hop away), then nodes tied to more of the nodes
already kept, then nodes with more relationships overall (the count store answers that
without reading them), then the slug for a stable order. Each kept node of one layer
contributes at most `FANOUT` candidates to the next, so a Topic tagged on 100 000 experts
costs a bounded read instead of the whole graph; `truncated` then says so.

`labels` restricts the nodes (other than the centre) and `types` the relationships the
expansion may use: the neighbourhood of the induced subgraph, not a filter applied after.
Edges are every relationship of an allowed type among the kept nodes, read outgoing from
each kept node (in this model the large fan-ins are all incoming, so this stays cheap).
"""

from __future__ import annotations

from typing import Final, LiteralString

from graph.database.cypher import Cypher
from graph.database.time_limits import analysis
from graph.errors import NotFoundError, check_at_least_one, check_between
from graph.model import Label, RelType
from graph.network.node_rows import (
    EDGE_PROPERTIES,
    graph_edge_values,
    graph_node_values,
    labels_or_all,
    node_values,
    types_or_all,
)
from graph.network.results import Subgraph
from graph.repositories.paging import fill

MAX_DEPTH: Final = 3
MAX_LIMIT: Final = 500
DEFAULT_LIMIT: Final = 100
FANOUT: Final = 2000


RANKED: Final[LiteralString] = """WITH m, links, COUNT { (m)--() } AS degree
ORDER BY links DESC, degree DESC
WITH collect({m: m, links: links, degree: degree}) AS scored
WITH scored, scored[CASE WHEN <ROOM> > 0 THEN <ROOM> - 1 ELSE 0 END] AS last
CALL (scored, last) {
  UNWIND [x IN scored WHERE last IS NULL OR x.links > last.links
          OR (x.links = last.links AND x.degree >= last.degree)] AS x
  WITH x
  ORDER BY x.links DESC, x.degree DESC, x.m.id
  RETURN collect(x.m) AS ranked
}
RETURN ranked, size(scored) AS candidates"""
"""Candidates `m` (with their `links`) ranked by relevance, as `ranked` and `candidates`.

`ranked` holds the first `<ROOM>` in relevance order and possibly more (those tied with the
last one kept); `candidates` counts them all, for `truncated`. The slug breaks ties only
among the candidates that reach the cut: reading it from every one of thousands of
second-hop candidates to sort them all was a third of a 200-node neighbourhood's work
(Neo4j CPU per view, 64 experts of the 100k graph: 21.9 -> 16.7 ms).
"""


EXPAND: Final[LiteralString] = (
    """CALL (c, <LAYERS>) {
  UNWIND CASE WHEN $depth >= <DEPTH> THEN <FRONT> ELSE [] END AS f
  CALL (f, c, <LAYERS>) {
    MATCH (f)-[r]-(m)
    WHERE m <> c AND <UNSEEN>
      AND type(r) IN $types AND any(l IN labels(m) WHERE l IN $labels)
    WITH m LIMIT $fanout
    RETURN collect(m) AS found
  }
  WITH collect(found) AS founds, coalesce(max(size(found)), 0) >= $fanout AS capped
  CALL (founds, <LAYERS>) {
    UNWIND founds AS found
    UNWIND found AS m
    WITH m, count(*) AS links
"""
    + RANKED
    + """
  }
  RETURN ranked AS ranked<DEPTH>, candidates AS candidates<DEPTH>, capped AS capped<DEPTH>
}
"""
)
"""One more layer of the neighbourhood: up to `$fanout` new neighbours of each node of the
`<FRONT>` layer (none already in `<LAYERS>`), ranked, as `ranked<DEPTH>`."""


def _expand(
    depth: LiteralString,
    layers: LiteralString,
    front: LiteralString,
    unseen: LiteralString,
    room: LiteralString,
) -> LiteralString:
    pieces: dict[LiteralString, LiteralString] = {
        "<LAYERS>": layers,
        "<DEPTH>": depth,
        "<FRONT>": front,
        "<UNSEEN>": unseen,
        "<ROOM>": room,
    }
    return fill(EXPAND, pieces)


NEIGHBOURHOOD: Final[LiteralString] = (
    """
MATCH (c:Expert|Agency|Country|Place|Programme|Event|Topic|Resource {id: $id})
CALL (c) {
  MATCH (c)-[r]-(m)
  WHERE m <> c AND type(r) IN $types AND any(l IN labels(m) WHERE l IN $labels)
  WITH m, count(r) AS links
"""
    + fill(RANKED, {"<ROOM>": "$budget"})
    + """
}
WITH c, ranked[..$budget] AS layer1, candidates > $budget AS cut1
"""
    + _expand("2", "layer1", "layer1", "NOT m IN layer1", "$budget - size(layer1)")
    + """WITH c, layer1, cut1 OR capped2 OR candidates2 > $budget - size(layer1) AS cut2,
     ranked2[..$budget - size(layer1)] AS layer2
"""
    + _expand(
        "3",
        "layer1, layer2",
        "layer2",
        "NOT m IN layer1 AND NOT m IN layer2",
        "$budget - size(layer1) - size(layer2)",
    )
    + """WITH c, layer1, layer2,
     cut2 OR capped3 OR candidates3 > $budget - size(layer1) - size(layer2) AS truncated,
     ranked3[..$budget - size(layer1) - size(layer2)] AS layer3
WITH c, layer1, layer2, layer3, truncated, [c] + layer1 + layer2 + layer3 AS kept
CALL (kept) {
  UNWIND kept AS a
  MATCH (a)-[r]->(b)
  WHERE type(r) IN $types AND b IN kept
  RETURN collect([type(r), a.id, b.id, """
    + EDGE_PROPERTIES
    + """]) AS edges
}
RETURN """
    + node_values("c")
    + """ AS center,
       [n IN layer1 | """
    + node_values("n")
    + """] AS layer1,
       [n IN layer2 | """
    + node_values("n")
    + """] AS layer2,
       [n IN layer3 | """
    + node_values("n")
    + """] AS layer3,
       edges, truncated
"""
)

_FILTERS: Final[dict[LiteralString, LiteralString]] = {
    " AND type(r) IN $types AND any(l IN labels(m) WHERE l IN $labels)": "",
    "WHERE type(r) IN $types AND b IN kept": "WHERE b IN kept",
}


def _unfiltered(query: LiteralString) -> LiteralString:
    """`query` without the label and type conditions, for requests that set neither.

    With every label and type allowed they are always true in the hub's graph (writes,
    seeds and imports only ever join hub labels with hub types), yet Neo4j still reads the
    labels of every candidate node: about a third of the query's work.
    """
    for condition, replacement in _FILTERS.items():
        assert condition in query, condition
        query = query.replace(condition, replacement)
    return query


NEIGHBOURHOOD_UNFILTERED: Final[LiteralString] = _unfiltered(NEIGHBOURHOOD)


def _without_edge_properties(query: LiteralString) -> LiteralString:
    """`query` with every edge's `properties` left null, for drawings that never read them.

    A 200-node neighbourhood has some 400 edges; copying each one's properties and turning
    its `writtenAt` into text was a fifth of the statement's work and most of its answer.
    """
    projected: LiteralString = "b.id, " + EDGE_PROPERTIES + "]"
    assert projected in query
    return query.replace(projected, "b.id, null]")


NEIGHBOURHOOD_STATEMENTS: Final[dict[tuple[bool, bool], LiteralString]] = {
    (False, True): NEIGHBOURHOOD,
    (False, False): _without_edge_properties(NEIGHBOURHOOD),
    (True, True): NEIGHBOURHOOD_UNFILTERED,
    (True, False): _without_edge_properties(NEIGHBOURHOOD_UNFILTERED),
}
"""By (no label or type filter, edge properties read)."""


@analysis
async def neighbourhood(
    cypher: Cypher,
    *,
    node_id: str,
    depth: int = 1,
    limit: int = DEFAULT_LIMIT,
    labels: frozenset[Label] | None = None,
    types: frozenset[RelType] | None = None,
    edge_properties: bool = True,
) -> Subgraph:
    """Nodes within `depth` hops of `node_id` (at most `limit`, centre included) and their edges.

    With `edge_properties` false the edges carry their ends and type only (empty properties).
    """
    check_between("depth", depth, MAX_DEPTH)
    check_between("limit", limit, MAX_LIMIT)
    check_at_least_one("types", labels, "entity type")
    check_at_least_one("relationships", types, "relationship type")
    rows = await cypher.read_maps(
        NEIGHBOURHOOD_STATEMENTS[(labels is None and types is None, edge_properties)],
        {
            "id": node_id,
            "depth": depth,
            "budget": limit - 1,
            "fanout": FANOUT,
            "labels": labels_or_all(labels),
            "types": types_or_all(types),
        },
    )
    if not rows:
        raise NotFoundError("node", node_id)
    row = rows[0]
    center = graph_node_values(row["center"])
    nodes = [center]
    distances = {center.id: 0}
    for distance, layer in enumerate((row["layer1"], row["layer2"], row["layer3"]), start=1):
        for projected in layer:
            node = graph_node_values(projected)
            nodes.append(node)
            distances[node.id] = distance
    return Subgraph(
        center=center,
        nodes=tuple(nodes),
        edges=tuple(graph_edge_values(edge) for edge in row["edges"]),
        truncated=bool(row["truncated"]),
        distances=distances,
    )
