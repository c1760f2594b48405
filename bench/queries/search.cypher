// Full-text search as the hub does it for lang en: the peer's @cypher text ($first = 20).
UNWIND ['text_en', 'text_names'] AS idx
CALL db.index.fulltext.queryNodes(idx, $query, {limit: 1000}) YIELD node, score
WITH node, score
ORDER BY score DESC
WITH node, collect(score)[0] AS score
ORDER BY score DESC, node.id ASC
WITH collect({id: node.id, label: labels(node)[0], name: node.name, score: score}) AS hits
RETURN {total: size(hits), hits: hits[0..$first]} AS page
