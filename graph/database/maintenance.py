"""Whole-graph housekeeping: emptying the database and counting what is in it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, LiteralString

from graph.database.cypher import Cypher

DELETE_RELATIONSHIPS: Final[LiteralString] = (
    "MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 50000 ROWS"
)
DELETE_EVERYTHING: Final[LiteralString] = (
    "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS"
)
COUNT_EVERYTHING: Final[LiteralString] = """
CALL () { MATCH (n) RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN nodes, relationships
"""
COUNT_ENTITIES: Final[LiteralString] = """
MATCH (n:Expert|Agency|Country|Place|Programme|Event|Topic|Resource) RETURN count(n) AS nodes
"""


@dataclass(frozen=True, slots=True)
class GraphSize:
    nodes: int
    relationships: int


async def delete_everything(cypher: Cypher) -> None:
    """Remove every node and relationship, keeping constraints and indexes.

    Relationships go first, in batches of their own: detaching 10,000 nodes at once would
    take every relationship of a dense node (a big agency, a topic) into one transaction and
    exhaust the transaction memory pool on large graphs.
    """
    await cypher.autocommit(DELETE_RELATIONSHIPS)
    await cypher.autocommit(DELETE_EVERYTHING)


async def graph_size(cypher: Cypher) -> GraphSize:
    row = (await cypher.read(COUNT_EVERYTHING))[0]
    return GraphSize(nodes=row["nodes"], relationships=row["relationships"])


async def entity_count(cypher: Cypher) -> int:
    """Nodes of the hub's own labels: accounts and audit entries do not make a graph "seeded"."""
    return int((await cypher.read(COUNT_ENTITIES))[0]["nodes"])
