// Depth-2 neighbourhood with the hub's relevance order: the peer's @cypher text ($limit = 200).
MATCH (c:Expert {id: $id})
CALL (c) {
  MATCH (c)-[r]-(m)
  WHERE m <> c
  WITH m, count(r) AS links
  WITH m, links, COUNT { (m)--() } AS degree
  ORDER BY links DESC, degree DESC, m.id
  RETURN collect(m) AS ranked1
}
WITH c, ranked1[..$limit - 1] AS layer1, size(ranked1) > $limit - 1 AS cut1
CALL (c, layer1) {
  UNWIND layer1 AS f
  CALL (f, c, layer1) {
    MATCH (f)--(m)
    WHERE m <> c AND NOT m IN layer1
    WITH m LIMIT 2000
    RETURN collect(m) AS found
  }
  WITH collect(found) AS founds, coalesce(max(size(found)), 0) >= 2000 AS capped
  CALL (founds) {
    UNWIND founds AS found
    UNWIND found AS m
    WITH m, count(*) AS links
    WITH m, links, COUNT { (m)--() } AS degree
    ORDER BY links DESC, degree DESC, m.id
    RETURN collect(m) AS ranked
  }
  RETURN ranked AS ranked2, capped AS capped2
}
WITH c, layer1, ranked2[..$limit - 1 - size(layer1)] AS layer2,
     cut1 OR capped2 OR size(ranked2) > $limit - 1 - size(layer1) AS truncated
WITH [c] + layer1 + layer2 AS kept, truncated
CALL (kept) {
  UNWIND kept AS a
  MATCH (a)-[r]->(b)
  WHERE b IN kept
  RETURN collect({source: a.id, target: b.id, type: type(r)}) AS edges
}
RETURN {
  nodes: [n IN kept | {id: n.id, label: labels(n)[0], name: n.name}],
  edges: edges,
  truncated: truncated
} AS subgraph
