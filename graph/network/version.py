"""A cheap fingerprint of the whole graph, to know when cached analytics went stale.

Chosen over a version counter that writers would bump: a counter works only if every
writer (seed loader, synthetic generator, mutations, imports, a person in the Neo4j browser)
remembers to bump it, while a fingerprint needs nobody's cooperation. It has two parts:

- node and relationship counts, read on every check. Neo4j answers them from its count
  store in O(1), whatever the graph's size. Any creation or deletion changes them, and so
  does every mutation made through the API, property-only updates included, because each
  commits its `AuditEntry` node (graph/auditing/trail.py) in the same transaction.
- the latest `writtenAt` of any node or relationship, which every write stamps (README,
  "Graph model"). Reading it means scanning the graph (about 2 s at 100 000 experts), so
  it is refreshed at most every `FULL_CHECK_SECONDS`; it catches writes that change no count
  and leave no audit entry (a seed reload with edited properties, a hand edit).

So a change is seen at once, except an unaudited property-only edit, seen within a minute.
"""

from __future__ import annotations

import time
from typing import Final, LiteralString

from graph.database.cypher import Cypher

FULL_CHECK_SECONDS: Final = 60.0

FINGERPRINT: Final[LiteralString] = """
CALL () { MATCH (n) RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
CALL () {
  WITH 1 AS go WHERE $full
  MATCH (n) RETURN max(n.writtenAt) AS nodesWritten
}
CALL () {
  WITH 1 AS go WHERE $full
  MATCH ()-[r]->() RETURN max(r.writtenAt) AS relationshipsWritten
}
RETURN nodes, relationships,
       coalesce(toString(nodesWritten), '-') + '/'
       + coalesce(toString(relationshipsWritten), '-') AS written
"""


class GraphVersion:
    """Tracks the fingerprint for one process (held by its analytics cache)."""

    def __init__(self, full_check_seconds: float = FULL_CHECK_SECONDS) -> None:
        self._full_check_seconds = full_check_seconds
        self._written = ""
        self._checked_at = float("-inf")

    async def current(self, cypher: Cypher) -> str:
        """An opaque string that changes when the graph does (see the module docstring)."""
        full = time.monotonic() - self._checked_at >= self._full_check_seconds
        row = (await cypher.read(FINGERPRINT, {"full": full}))[0]
        if full:
            self._written = str(row["written"])
            self._checked_at = time.monotonic()
        return f"{row['nodes']}|{row['relationships']}|{self._written}"


async def graph_version(cypher: Cypher) -> str:
    """The full fingerprint, scanned now (for one-off checks; the cache uses `GraphVersion`)."""
    return await GraphVersion(full_check_seconds=0.0).current(cypher)
