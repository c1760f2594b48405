"""Whole-graph housekeeping: emptying the database and counting what is in it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, LiteralString

from graph.cypher import Cypher

DELETE_EVERYTHING: Final[LiteralString] = (
    "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS"
)
COUNT_EVERYTHING: Final[LiteralString] = """
CALL () { MATCH (n) RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN nodes, relationships
"""


@dataclass(frozen=True, slots=True)
class GraphSize:
    nodes: int
    relationships: int


async def delete_everything(cypher: Cypher) -> None:
    """Remove every node and relationship, keeping constraints and indexes."""
    await cypher.autocommit(DELETE_EVERYTHING)


async def graph_size(cypher: Cypher) -> GraphSize:
    row = (await cypher.read(COUNT_EVERYTHING))[0]
    return GraphSize(nodes=row["nodes"], relationships=row["relationships"])
