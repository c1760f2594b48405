"""Files for researchers: a neighbourhood or a whole projection, rendered off the event loop.

A projection file holds every node and tie, so it is capped (`MAX_EXPORT_EDGES`); a larger
one is refused with the advice to narrow it by period or topic rather than sent for minutes.
"""

from __future__ import annotations

import asyncio
from typing import Final

from graph.analytics.brokers import load_analysis
from graph.analytics.cache import AnalyticsCache
from graph.analytics.export import ExportFormat, projection_graph, render, subgraph_graph
from graph.database.cypher import Cypher
from graph.errors import InvalidInputError
from graph.model import Label, RelType
from graph.network.neighbourhood import neighbourhood
from graph.network.nodes_by_slug import nodes_by_slug
from graph.network.projections import ProjectionSpec

MAX_EXPORT_EDGES: Final = 250_000
MAX_EXPORT_NODES: Final = 50_000
TABLES: Final = ("edges", "nodes")


def _check_table(table: str) -> None:
    if table not in TABLES:
        raise InvalidInputError(f"table must be one of {', '.join(TABLES)}, got {table!r}")


async def neighbourhood_file(
    cypher: Cypher,
    fmt: ExportFormat,
    *,
    node_id: str,
    depth: int,
    limit: int,
    labels: frozenset[Label] | None = None,
    types: frozenset[RelType] | None = None,
    table: str = "edges",
    accounts: bool = False,
) -> bytes:
    _check_table(table)
    found = await neighbourhood(
        cypher, node_id=node_id, depth=depth, limit=limit, labels=labels, types=types
    )
    return await asyncio.to_thread(
        lambda: render(subgraph_graph(found, accounts=accounts), fmt, table=table)
    )


async def projection_file(
    cypher: Cypher,
    cache: AnalyticsCache,
    spec: ProjectionSpec,
    fmt: ExportFormat,
    *,
    table: str = "edges",
) -> bytes:
    _check_table(table)
    analysis = await load_analysis(cypher, cache, spec)
    projected = analysis.projected
    if projected.edge_count > MAX_EXPORT_EDGES or projected.node_count > MAX_EXPORT_NODES:
        raise InvalidInputError(
            f"the projection has {projected.node_count} nodes and {projected.edge_count} ties, "
            f"more than an export holds ({MAX_EXPORT_NODES} / {MAX_EXPORT_EDGES}); narrow it "
            "with a period or a topic"
        )
    metrics = await analysis.centrality()
    found = await analysis.communities()
    nodes = await nodes_by_slug(cypher, list(projected.slugs))
    graph = await asyncio.to_thread(projection_graph, analysis, nodes, metrics, found)
    return await asyncio.to_thread(render, graph, fmt, table=table)
