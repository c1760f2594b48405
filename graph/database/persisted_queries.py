"""Automatic persisted queries (APQ) kept in Neo4j: every worker and every hub instance sees a
query registered through any of them, and a restart forgets none.

Bounded by count, least recently used first: each registration drops whatever lies beyond the
newest `keep` by `usedAt`. A use refreshes `usedAt` only when a worker had to come here for
the text (api/persisted.py keeps recent ones in memory), so hot queries stay without a write
per request.
"""

from __future__ import annotations

from typing import Final, LiteralString

from graph.database.cypher import Cypher
from graph.errors import ConflictError

FETCH: Final[LiteralString] = (
    "MATCH (q:PersistedQuery {hash: $hash}) SET q.usedAt = timestamp() RETURN q.query AS query"
)

REGISTER: Final[LiteralString] = """
MERGE (q:PersistedQuery {hash: $hash})
ON CREATE SET q.query = $query, q.createdAt = timestamp()
SET q.usedAt = timestamp()
WITH count(q) AS registered
CALL (registered) {
  MATCH (old:PersistedQuery)
  WITH old ORDER BY old.usedAt DESC, old.hash
  SKIP $keep
  DETACH DELETE old
}
RETURN registered
"""

COUNT: Final[LiteralString] = "MATCH (q:PersistedQuery) RETURN count(q) AS stored"


async def fetch_persisted_query(cypher: Cypher, sha256_hash: str) -> str | None:
    rows = await cypher.write(FETCH, {"hash": sha256_hash})
    return str(rows[0]["query"]) if rows else None


async def register_persisted_query(cypher: Cypher, sha256_hash: str, query: str, keep: int) -> None:
    """Store `query` under its hash (the caller has checked the hash), keeping the newest `keep`.

    Two workers registering one hash at once race on the unique constraint; the loser's
    conflict means the query is stored, which is all either asked for.
    """
    try:
        await cypher.write(REGISTER, {"hash": sha256_hash, "query": query, "keep": keep})
    except ConflictError:
        return


async def count_persisted_queries(cypher: Cypher) -> int:
    rows = await cypher.read(COUNT)
    return int(rows[0]["stored"])
