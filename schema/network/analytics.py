"""Brokers, communities and expert recommendations as GraphQL types."""

from __future__ import annotations

import strawberry

from graph.analytics import reports as analytics
from graph.network import results as records
from schema.network.arguments import ProjectionKind
from schema.network.copied_records import copied_each, copied_record
from schema.network.graph_types import GraphNode, graph_node
from schema.types.copied import copied


@strawberry.type(description="The projection a result was computed on.")
class ProjectionInfo:
    record: strawberry.Private[analytics.ProjectionSummary]

    @strawberry.field
    def kind(self) -> ProjectionKind:
        return ProjectionKind(self.record.spec.projection.value)

    node_count = copied(
        "record.node_count", int, "Nodes of the projection (isolated ones included)."
    )
    edge_count = copied("record.edge_count", int, "Ties between them.")
    item_count = copied(
        "record.item_count", int, "Shared items (events or programmes) the ties come from."
    )
    items_left_out = copied(
        "record.items_left_out",
        int,
        "Shared items left out for having more members than `maxGroupSize`.",
    )
    version = copied("record.version", str, "Graph fingerprint the result belongs to (cache key).")


@strawberry.type(description="A node of a projection with its centrality.")
class RankedNode:
    record: strawberry.Private[analytics.RankedNode]

    node = copied("record.node", GraphNode, shown=graph_node)

    degree = copied("record.degree", int, "Distinct nodes it is tied to.")
    weighted_degree = copied(
        "record.weighted_degree", float, "Shared items with all of them, added up."
    )
    betweenness = copied(
        "record.betweenness", float, "Normalised betweenness in [0, 1]: how much it brokers."
    )
    community = copied(
        "record.community", int | None, "Its community's index (in community results)."
    )


@strawberry.type(description="Who brokers a projection: nodes ranked by centrality.")
class CentralityResult:
    record: strawberry.Private[analytics.CentralityReport]

    projection = copied_record("record.projection", ProjectionInfo)

    approximate = copied(
        "record.approximate",
        bool,
        "True when betweenness was estimated from a sample of source nodes "
        "(large projections), as networkx's `k` does; false when exact.",
    )
    sources = copied("record.sources", int, "Source nodes the betweenness used.")

    items = copied_each("record.items", RankedNode)


@strawberry.type(description="A community: nodes tied more among themselves than by chance.")
class Community:
    record: strawberry.Private[analytics.Community]

    index = copied("record.index", int, "0 for the largest community, then by size.")
    size = copied("record.size", int)

    members = copied_each(
        "record.members", RankedNode, "Its best-connected members, by weighted degree."
    )


@strawberry.type(description="Communities found by Leiden modularity optimisation (igraph).")
class CommunityResult:
    record: strawberry.Private[analytics.CommunityReport]

    projection = copied_record("record.projection", ProjectionInfo)

    modularity = copied("record.modularity", float)

    communities = copied_each(
        "record.communities", Community, "The largest communities, largest first."
    )


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

    expert = copied("record.expert", GraphNode, shown=graph_node)

    score = copied("record.score", float)

    @strawberry.field
    def reasons(self) -> list[RecommendationReason]:
        return [
            RecommendationReason(code=r.code, points=r.points, detail=r.detail)
            for r in self.record.reasons
        ]
