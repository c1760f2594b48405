// Depth-2 neighbourhood with the hub's relevance order: the peer's @cypher text ($limit = 200).
MATCH (c:Expert {id: $id})
CALL (c) {
  MATCH (c)-[r]-(m)
  WHERE m <> c
  WITH m, count(r) AS links
  WITH m, links, COUNT { (m)--() } AS degree
  ORDER BY links DESC, degree DESC
  WITH collect({m: m, links: links, degree: degree}) AS scored
  WITH scored, scored[CASE WHEN $limit - 1 > 0 THEN $limit - 1 - 1 ELSE 0 END] AS last
  CALL (scored, last) {
    UNWIND [x IN scored WHERE last IS NULL OR x.links > last.links
            OR (x.links = last.links AND x.degree >= last.degree)] AS x
    WITH x
    ORDER BY x.links DESC, x.degree DESC, x.m.id
    RETURN collect(x.m) AS ranked
  }
  RETURN ranked, size(scored) AS candidates
}
WITH c, ranked[..$limit - 1] AS layer1, candidates > $limit - 1 AS cut1
CALL (c, layer1) {
  UNWIND layer1 AS f
  CALL (f, c, layer1) {
    MATCH (f)--(m)
    WHERE m <> c AND NOT m IN layer1
    WITH m LIMIT 2000
    RETURN collect(m) AS found
  }
  WITH collect(found) AS founds, coalesce(max(size(found)), 0) >= 2000 AS capped
  CALL (founds, layer1) {
    UNWIND founds AS found
    UNWIND found AS m
    WITH m, count(*) AS links
    WITH m, links, COUNT { (m)--() } AS degree
    ORDER BY links DESC, degree DESC
    WITH collect({m: m, links: links, degree: degree}) AS scored
    WITH scored, scored[CASE WHEN $limit - 1 - size(layer1) > 0 THEN $limit - 1 - size(layer1) - 1 ELSE 0 END] AS last
    CALL (scored, last) {
      UNWIND [x IN scored WHERE last IS NULL OR x.links > last.links
              OR (x.links = last.links AND x.degree >= last.degree)] AS x
      WITH x
      ORDER BY x.links DESC, x.degree DESC, x.m.id
      RETURN collect(x.m) AS ranked
    }
    RETURN ranked, size(scored) AS candidates
  }
  RETURN ranked AS ranked2, candidates AS candidates2, capped AS capped2
}
WITH c, layer1, ranked2[..$limit - 1 - size(layer1)] AS layer2,
     cut1 OR capped2 OR candidates2 > $limit - 1 - size(layer1) AS truncated
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
