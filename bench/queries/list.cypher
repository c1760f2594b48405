// 50 events of a kind since a year, newest first, with place, programme and participant count.
CALL () {
  MATCH (e:Event)
  WHERE e.kind = $kind AND e.startYear >= $year
  RETURN count(e) AS total
}
MATCH (e:Event)
WHERE e.kind = $kind AND e.startYear >= $year
WITH total, e
ORDER BY e.start DESC, e.id DESC
LIMIT 50
CALL (e) {
  OPTIONAL MATCH (e)-[:HELD_IN]->(p:Place)
  WITH p LIMIT 1
  RETURN CASE WHEN p IS NULL THEN null ELSE {id: p.id, name: p.name} END AS place
}
CALL (e) {
  OPTIONAL MATCH (e)-[:PART_OF]->(g:Programme)
  WITH g LIMIT 1
  RETURN CASE WHEN g IS NULL THEN null ELSE {id: g.id, name: g.name} END AS programme
}
RETURN total, e.id AS id, e.name AS name, e.start AS start, place, programme,
       COUNT { (e)<-[:TOOK_PART]-(:Expert|Agency) } AS participants
