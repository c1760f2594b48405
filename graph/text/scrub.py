"""Taking contacts out of texts stored before every write entrance redacted them.

Writes redact on the way in (graph/text/redaction.py); a graph filled earlier (an imported page
with a coordinator's mobile number, an audit entry of that import) still holds them. Neo4j
pre-selects candidates with a cheap pattern (an `@`, or six digits among separators) and
returns only those; Python decides with the same redaction as the writes and rewrites only
what changed, in batches, each its own transaction. Protected fields (`email`, `phone`),
ids, URLs and provenance are never touched.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final, LiteralString

from graph.database.cypher import Cypher
from graph.text.redaction import redacted

KEPT: Final = ["id", "email", "phone", "url", "source", "writtenBy", "key", "contentKey"]
CANDIDATES: Final[LiteralString] = """
MATCH (n)
WITH n, [k IN keys(n) WHERE NOT k IN $kept AND (
       (n[k] IS :: STRING AND n[k] =~ $pattern)
    OR (n[k] IS :: LIST<STRING> AND any(t IN n[k] WHERE t =~ $pattern)))] AS suspects
WHERE suspects <> []
RETURN elementId(n) AS element, [k IN suspects | [k, n[k]]] AS values
"""
RELATIONSHIP_CANDIDATES: Final[LiteralString] = """
MATCH ()-[r]->()
WITH r, [k IN keys(r) WHERE NOT k IN $kept AND r[k] IS :: STRING AND r[k] =~ $pattern]
     AS suspects
WHERE suspects <> []
RETURN elementId(r) AS element, [k IN suspects | [k, r[k]]] AS values
"""
REWRITE_NODES: Final[LiteralString] = """
UNWIND $rows AS row MATCH (n) WHERE elementId(n) = row.element SET n += row.props
"""
REWRITE_RELATIONSHIPS: Final[LiteralString] = """
UNWIND $rows AS row MATCH ()-[r]->() WHERE elementId(r) = row.element SET r += row.props
"""
PATTERN: Final = r"(?s).*(@|\d(?:[\s().\-/]{0,3}\d){5,}).*"
BATCH: Final = 5_000


@dataclass(frozen=True, slots=True)
class Scrubbed:
    nodes: int
    relationships: int


async def scrub_stored_texts(cypher: Cypher, *, batch: int = BATCH) -> Scrubbed:
    """Redact every stored text of nodes (audit entries included) and relationships."""
    nodes = await _scrub(cypher, CANDIDATES, REWRITE_NODES, batch)
    relationships = await _scrub(cypher, RELATIONSHIP_CANDIDATES, REWRITE_RELATIONSHIPS, batch)
    return Scrubbed(nodes, relationships)


async def _scrub(cypher: Cypher, read: LiteralString, write: LiteralString, batch: int) -> int:
    rows = await cypher.read(read, {"kept": KEPT, "pattern": PATTERN})
    fixes = [fix for row in rows if (fix := _fixed(row))]
    for start in range(0, len(fixes), batch):
        await cypher.write(write, {"rows": fixes[start : start + batch]})
    return len(fixes)


def _fixed(row: dict[str, Any]) -> dict[str, Any] | None:
    props = {key: redacted(value) for key, value in row["values"]}
    props = {key: value for key, value in props.items() if value != dict(row["values"])[key]}
    return {"element": row["element"], "props": props} if props else None
