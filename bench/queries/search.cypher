// Full-text search as the hub does it for lang en (a whole name, acronym or alias first;
// the sampled terms are ASCII words, whose folded key is toLower): the peer's @cypher text.
UNWIND ['text_en', 'names_exact'] AS idx
CALL db.index.fulltext.queryNodes(idx, $query, {limit: 1000}) YIELD node, score
WITH node, score
ORDER BY score DESC
WITH node, collect(score)[0] + CASE WHEN toLower($query) IN coalesce(node.nameKeys, [])
  THEN 100.0 ELSE 0.0 END AS score
ORDER BY score DESC, node.id ASC
WITH collect({id: node.id, label: labels(node)[0], name: node.name, score: score}) AS hits
RETURN {total: size(hits), hits: hits[0..$first]} AS page
