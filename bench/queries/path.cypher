// Shortest chain over ties between two experts (6 hops at most): the peer's @cypher text.
MATCH (a:Expert {id: $from}), (b:Expert {id: $to})
CALL (a, b) {
  MATCH p = allShortestPaths(
    (a)-[:WORKS_FOR|BASED_IN|TOOK_PART|HELD_IN|IN|PART_OF|FUNDED_BY|IMPLEMENTED_BY|COVERS|CASCADES_FROM*..6]-(b)
  )
  WHERE a <> b
  WITH p LIMIT 200
  ORDER BY [n IN nodes(p) | n.id]
  LIMIT 1
  RETURN p
}
RETURN {
  nodes: [n IN nodes(p) | {id: n.id, label: labels(n)[0], name: n.name}],
  edges: [r IN relationships(p) | {source: startNode(r).id, target: endNode(r).id, type: type(r)}],
  length: length(p)
} AS path
