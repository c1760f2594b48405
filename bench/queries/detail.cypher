// One expert with agencies, events, topics and top collaborators: one round trip.
MATCH (x:Expert {id: $id})
CALL (x) {
  MATCH (x)-[w:WORKS_FOR]->(a:Agency)
  WITH a, w LIMIT 20
  RETURN collect({id: a.id, name: a.name, role: w.role, since: w.since}) AS agencies
}
CALL (x) {
  MATCH (x)-[t:TOOK_PART]->(e:Event)
  WITH e, t ORDER BY e.start DESC LIMIT 50
  RETURN collect({id: e.id, name: e.name, start: e.start, role: t.role}) AS events
}
CALL (x) {
  MATCH (x)-[:ABOUT]->(t:Topic)
  WITH t LIMIT 20
  RETURN collect({id: t.id, name: t.name}) AS topics
}
CALL (x) {
  CALL (x) {
    MATCH (x)-[:TOOK_PART]->(item:Event)<-[:TOOK_PART]-(o:Expert)
    WHERE o <> x
    WITH DISTINCT o, item
    RETURN o, 1.0 AS points
    UNION ALL
    MATCH (x)-[:TOOK_PART]->(:Event)-[:PART_OF]->(item:Programme)
    WITH DISTINCT x, item
    MATCH (item)<-[:PART_OF]-(:Event)<-[:TOOK_PART]-(o:Expert)
    WHERE o <> x
    WITH DISTINCT o, item
    RETURN o, 0.25 AS points
  }
  WITH o, sum(points) AS weight
  ORDER BY weight DESC, o.name, o.id
  LIMIT 10
  RETURN collect({id: o.id, name: o.name, weight: weight}) AS collaborators
}
RETURN x.id AS id, x.name AS name, agencies, events, topics, collaborators
