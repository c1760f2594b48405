"""Subgraphs and projections as files researchers open in Gephi, networkx or igraph.

networkx builds the graph and writes GraphML and GEXF; the CSV tables (an edge list, and a
node list carrying the names in every language) are plain RFC 4180 with a header, UTF-8.
Attribute values are normalised first because both XML formats want one type per attribute
and no nulls: numbers become floats (amounts are integers in one row and decimals in the
next), lists are joined with "; ", missing values are left out. Nodes are keyed by slug;
`label` is the display name (what Gephi shows), `entity` the hub label, `date` the start
date as stated; an edge's type is `relationship`. (`type`, `start` and `end` would be read
by GEXF readers as the edge direction and as dynamic-graph times, so they are not used.)
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Final

import msgspec

from graph.analytics.cache import Analysis
from graph.analytics.centrality import Centrality
from graph.analytics.communities import Communities
from graph.model import LANGUAGES
from graph.network.results import GraphNode, Subgraph
from graph.writes.principal import public_source

if TYPE_CHECKING:
    import networkx as nx

EDGE_COLUMNS: Final = (
    "source",
    "target",
    "relationship",
    "weight",
    "role",
    "since",
    "until",
    "rank",
    "count",
    "note",
    "amount",
    "currency",
    "period",
    "text",
    "lead",
    "provenance",
    "background",
)
NODE_COLUMNS: Final = (
    "id",
    "entity",
    "label",
    "kind",
    "date",
    *(f"name_{lang}" for lang in LANGUAGES),
    "degree",
    "weighted_degree",
    "betweenness",
    "community",
    "distance",
)


class ExportFormat(StrEnum):
    GRAPHML = "graphml"
    GEXF = "gexf"
    CSV = "csv"


MEDIA_TYPES: Final[dict[ExportFormat, str]] = {
    ExportFormat.GRAPHML: "application/graphml+xml",
    ExportFormat.GEXF: "application/gexf+xml",
    ExportFormat.CSV: "text/csv; charset=utf-8",
}


def _value(value: Any) -> str | float | bool | None:
    if value is None or isinstance(value, bool | str):
        return value
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, list | tuple):
        return "; ".join(str(item) for item in value) or None
    return str(value)


def _clean(attributes: Mapping[str, Any]) -> dict[str, str | float | bool]:
    cleaned = {key: _value(value) for key, value in attributes.items()}
    return {key: value for key, value in cleaned.items() if value is not None}


def node_attributes(node: GraphNode) -> dict[str, str | float | bool]:
    names = {f"name_{lang}": text for lang, text in node.names.items()}
    return _clean(
        {
            "entity": node.label.value,
            "label": node.name,
            "kind": node.kind,
            "date": node.start,
            **names,
        }
    )


def subgraph_graph(subgraph: Subgraph, *, accounts: bool = False) -> nx.MultiDiGraph:
    """A neighbourhood as a directed multigraph (parallel relationships kept); `provenance`
    names accounts only when `accounts` (the caller may read them), else `contributed`."""
    import networkx as nx

    graph = nx.MultiDiGraph(name=f"neighbourhood of {subgraph.center.id}")
    for node in subgraph.nodes:
        distance = subgraph.distances.get(node.id)
        graph.add_node(node.id, **node_attributes(node), **_clean({"distance": distance}))
    for edge in subgraph.edges:
        properties = {
            f.name: getattr(edge.properties, f.name)
            for f in msgspec.structs.fields(edge.properties)
            if f.name not in ("type", "source", "written_at")
        }
        stated = edge.properties.source
        properties["provenance"] = stated if accounts else public_source(stated)
        graph.add_edge(edge.source, edge.target, relationship=edge.type.value, **_clean(properties))
    return graph


def projection_graph(
    analysis: Analysis,
    nodes: Mapping[str, GraphNode],
    metrics: Centrality,
    found: Communities,
) -> nx.Graph:
    """A projection as an undirected weighted graph, each node with its centrality."""
    import networkx as nx

    projected = analysis.projected
    graph = nx.Graph(name=analysis.spec.projection.value)
    for vertex, slug in enumerate(projected.slugs):
        known = nodes.get(slug)
        base = node_attributes(known) if known is not None else {}
        graph.add_node(
            slug,
            **base,
            degree=float(metrics.degree[vertex]),
            weighted_degree=metrics.weighted_degree[vertex],
            betweenness=metrics.betweenness[vertex],
            community=float(found.membership[vertex]),
        )
    weights = projected.graph.es["weight"] if projected.edge_count else []
    for (a, b), weight in zip(projected.graph.get_edgelist(), weights, strict=True):
        graph.add_edge(
            projected.slugs[a], projected.slugs[b], relationship="SHARED", weight=float(weight)
        )
    return graph


def render(graph: nx.Graph, fmt: ExportFormat, *, table: str = "edges") -> bytes:
    """The file's bytes: GraphML, GEXF, or the CSV edge (or node) table."""
    import networkx as nx

    buffer = io.BytesIO()
    if fmt is ExportFormat.GRAPHML:
        nx.write_graphml(graph, buffer, encoding="utf-8", named_key_ids=True)
        return buffer.getvalue()
    if fmt is ExportFormat.GEXF:
        nx.write_gexf(graph, buffer, encoding="utf-8")
        return buffer.getvalue()
    if table == "nodes":
        rows = ({"id": node, **data} for node, data in graph.nodes(data=True))
        return _csv(NODE_COLUMNS, rows)
    edges = ({"source": a, "target": b, **data} for a, b, data in graph.edges(data=True))
    return _csv(EDGE_COLUMNS, edges)


def _csv(columns: tuple[str, ...], rows: Iterable[Mapping[str, Any]]) -> bytes:
    text = io.StringIO()
    # CRLF rows (RFC 4180): the writer quotes a cell holding any line terminator character,
    # so a carriage return inside a name can never end a row early
    writer = csv.DictWriter(text, fieldnames=columns, extrasaction="ignore", lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: _cell(value) for key, value in row.items()})
    return text.getvalue().encode("utf-8")


FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")
"""What makes a spreadsheet read a cell as a formula (CSV injection, OWASP)."""


def _cell(value: Any) -> Any:
    """A CSV cell: whole floats as integers; text a spreadsheet would run as a formula
    (a name like `=HYPERLINK(...)` written by a partner) led by `'`, which shows as text."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
