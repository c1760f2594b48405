"""Brokers, communities and expert recommendations as GraphQL types."""

from __future__ import annotations

import strawberry

from graph.analytics import reports as analytics
from graph.network import results as records
from schema.network.arguments import ProjectionKind
from schema.network.graph_types import GraphNode, graph_node


@strawberry.type(description="The projection a result was computed on.")
class ProjectionInfo:
    record: strawberry.Private[analytics.ProjectionSummary]

    @strawberry.field
    def kind(self) -> ProjectionKind:
        return ProjectionKind(self.record.spec.projection.value)

    @strawberry.field(description="Nodes of the projection (isolated ones included).")
    def node_count(self) -> int:
        return self.record.node_count

    @strawberry.field(description="Ties between them.")
    def edge_count(self) -> int:
        return self.record.edge_count

    @strawberry.field(description="Shared items (events or programmes) the ties come from.")
    def item_count(self) -> int:
        return self.record.item_count

    @strawberry.field(
        description="Shared items left out for having more members than `maxGroupSize`."
    )
    def items_left_out(self) -> int:
        return self.record.items_left_out

    @strawberry.field(description="Graph fingerprint the result belongs to (cache key).")
    def version(self) -> str:
        return self.record.version


@strawberry.type(description="A node of a projection with its centrality.")
class RankedNode:
    record: strawberry.Private[analytics.RankedNode]

    @strawberry.field
    def node(self) -> GraphNode:
        return graph_node(self.record.node)

    @strawberry.field(description="Distinct nodes it is tied to.")
    def degree(self) -> int:
        return self.record.degree

    @strawberry.field(description="Shared items with all of them, added up.")
    def weighted_degree(self) -> float:
        return self.record.weighted_degree

    @strawberry.field(description="Normalised betweenness in [0, 1]: how much it brokers.")
    def betweenness(self) -> float:
        return self.record.betweenness

    @strawberry.field(description="Its community's index (in community results).")
    def community(self) -> int | None:
        return self.record.community


@strawberry.type(description="Who brokers a projection: nodes ranked by centrality.")
class CentralityResult:
    record: strawberry.Private[analytics.CentralityReport]

    @strawberry.field
    def projection(self) -> ProjectionInfo:
        return ProjectionInfo(record=self.record.projection)

    @strawberry.field(
        description="True when betweenness was estimated from a sample of source nodes "
        "(large projections), as networkx's `k` does; false when exact."
    )
    def approximate(self) -> bool:
        return self.record.approximate

    @strawberry.field(description="Source nodes the betweenness used.")
    def sources(self) -> int:
        return self.record.sources

    @strawberry.field
    def items(self) -> list[RankedNode]:
        return [RankedNode(record=item) for item in self.record.items]


@strawberry.type(description="A community: nodes tied more among themselves than by chance.")
class Community:
    record: strawberry.Private[analytics.Community]

    @strawberry.field(description="0 for the largest community, then by size.")
    def index(self) -> int:
        return self.record.index

    @strawberry.field
    def size(self) -> int:
        return self.record.size

    @strawberry.field(description="Its best-connected members, by weighted degree.")
    def members(self) -> list[RankedNode]:
        return [RankedNode(record=member) for member in self.record.members]


@strawberry.type(description="Communities found by Leiden modularity optimisation (igraph).")
class CommunityResult:
    record: strawberry.Private[analytics.CommunityReport]

    @strawberry.field
    def projection(self) -> ProjectionInfo:
        return ProjectionInfo(record=self.record.projection)

    @strawberry.field
    def modularity(self) -> float:
        return self.record.modularity

    @strawberry.field(description="The largest communities, largest first.")
    def communities(self) -> list[Community]:
        return [Community(record=c) for c in self.record.communities]


@strawberry.type(description="One term of a recommendation's score.")
class RecommendationReason:
    code: str = strawberry.field(
        description="topic_tag, topic_events, topic_training, trainer_experience, "
        "country_agency, country_events, language or proximity."
    )
    points: float
    detail: str


@strawberry.type(description="A recommended expert; `score` is the sum of the reasons' points.")
class ExpertRecommendation:
    record: strawberry.Private[records.Recommendation]

    @strawberry.field
    def expert(self) -> GraphNode:
        return graph_node(self.record.expert)

    @strawberry.field
    def score(self) -> float:
        return self.record.score

    @strawberry.field
    def reasons(self) -> list[RecommendationReason]:
        return [
            RecommendationReason(code=r.code, points=r.points, detail=r.detail)
            for r in self.record.reasons
        ]
