"""Generic nodes by slug, whatever their label: what analytics results need to be shown."""

from __future__ import annotations

from typing import Final, LiteralString

from graph.database.cypher import Cypher
from graph.network.node_rows import NODE_FIELDS, graph_node
from graph.network.results import GraphNode

NODES_BY_SLUG: Final[LiteralString] = (
    """
UNWIND $ids AS id
MATCH (n:Expert|Agency|Country|Place|Programme|Event|Topic|Resource {id: id})
RETURN n {"""
    + NODE_FIELDS
    + """, labels: labels(n)} AS node
"""
)


async def nodes_by_slug(cypher: Cypher, slugs: list[str]) -> dict[str, GraphNode]:
    """The nodes among `slugs` that exist, keyed by slug (one round trip for any number)."""
    if not slugs:
        return {}
    rows = await cypher.read(NODES_BY_SLUG, {"ids": slugs})
    nodes = (graph_node(row["node"]) for row in rows)
    return {node.id: node for node in nodes}
