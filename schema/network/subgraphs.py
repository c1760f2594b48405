"""Paths and neighbourhoods as GraphQL types: ordered chains and drawable subgraphs."""

from __future__ import annotations

import strawberry

from graph.network import results as records
from schema.context import Info
from schema.network.graph_types import GraphEdge, GraphNode, graph_edges, graph_node
from schema.types.copied import copied
from schema.types.text import localized


@strawberry.type(description="One hop of a path: from a node, over an edge, to the next node.")
class PathStep:
    start: GraphNode = strawberry.field(name="from")
    edge: GraphEdge
    end: GraphNode = strawberry.field(name="to")
    forward: bool = strawberry.field(
        description="True when the edge points from `from` to `to` as stored; false when the "
        "path walks it backwards (e.g. from an event to one of its speakers)."
    )


@strawberry.type(
    description="A shortest chain: `nodes[i]` and `nodes[i+1]` are joined by `edges[i]`."
)
class GraphPath:
    record: strawberry.Private[records.GraphPath]

    length = copied("record.length", int, "Number of hops.")

    @strawberry.field
    def nodes(self) -> list[GraphNode]:
        return [graph_node(node) for node in self.record.nodes]

    @strawberry.field
    def edges(self) -> list[GraphEdge]:
        return graph_edges(self.record.edges, self.record.nodes)

    @strawberry.field(description="The hops in order, each with its direction.")
    def steps(self) -> list[PathStep]:
        nodes = self.record.nodes
        edges = graph_edges(self.record.edges, nodes)
        return [
            PathStep(
                start=graph_node(nodes[i]),
                edge=edge,
                end=graph_node(nodes[i + 1]),
                forward=edge.record.source == nodes[i].id,
            )
            for i, edge in enumerate(edges)
        ]

    @strawberry.field(
        description="The chain as one line of text, e.g. `A -[TOOK_PART speaker]-> B "
        "<-[TOOK_PART speaker]- C`, names in the language asked for."
    )
    def sentence(self, info: Info, lang: str | None = None) -> str:
        def name(node: records.GraphNode) -> str:
            text = localized(info, node.names, lang)
            return text.text if text is not None else node.name

        nodes = self.record.nodes
        parts = [name(nodes[0])]
        for i, edge in enumerate(self.record.edges):
            role = f" {edge.properties.role}" if edge.properties.role else ""
            forward = edge.source == nodes[i].id
            arrow = f"-[{edge.type.value}{role}]->" if forward else f"<-[{edge.type.value}{role}]-"
            parts += [arrow, name(nodes[i + 1])]
        return " ".join(parts)


@strawberry.type(description="Nodes around a centre and every edge among them, for drawing.")
class Subgraph:
    record: strawberry.Private[records.Subgraph]

    @strawberry.field
    def center(self) -> GraphNode:
        return graph_node(self.record.center, 0)

    @strawberry.field(description="Nearest first; each with its `distance` from the centre.")
    def nodes(self) -> list[GraphNode]:
        distances = self.record.distances
        return [graph_node(node, distances.get(node.id)) for node in self.record.nodes]

    @strawberry.field
    def edges(self) -> list[GraphEdge]:
        return graph_edges(self.record.edges, self.record.nodes)

    truncated = copied(
        "record.truncated",
        bool,
        "True when more nodes were reachable within `depth` than `limit` allowed "
        "(the most relevant were kept: nearest, then most tied to the kept ones, then most "
        "connected), or when a hub's neighbours were sampled.",
    )

    @strawberry.field
    def node_count(self) -> int:
        return len(self.record.nodes)

    @strawberry.field
    def edge_count(self) -> int:
        return len(self.record.edges)
