"""`NetworkQuery`: the root fields of the network questions, merged into the schema's `Query`.

IDs are the read API's global IDs (raw slugs are accepted too). Caps: `maxHops` <= 8,
`depth` <= 3, `limit` <= 500, `first` <= 100 for ties, 200 for rankings, 50 for
recommendations, 500 for timelines; above them the answer is a BAD_USER_INPUT error.
"""

from __future__ import annotations

from typing import Annotated

import strawberry

from graph.model import Label
from graph.network.linkfilter import DEFAULT_LINKS
from graph.network.neighbourhood import DEFAULT_LIMIT
from graph.network.paths import DEFAULT_HOPS
from graph.network.recommendations import DEFAULT_RESULTS
from graph.network.timelines import DEFAULT_ITEMS
from schema.context import Info
from schema.errors import BadUserInputError
from schema.network import resolvers
from schema.network.analytics import CentralityResult, CommunityResult, ExpertRecommendation
from schema.network.arguments import PeriodInput, ProjectionInput, RankBy, RelationshipType
from schema.network.cascades import Cascade, Timeline
from schema.network.id_or_slug import slug_of
from schema.network.network_loaders import TIE_SUBJECTS, TieKind
from schema.network.subgraphs import GraphPath, Subgraph
from schema.network.ties import Tie
from schema.types.node_interface import EntityType


async def _ties(
    info: Info,
    kind: TieKind,
    subject: strawberry.ID,
    period: PeriodInput | None,
    topic: strawberry.ID | None,
    first: int,
) -> list[Tie]:
    """`subject`'s ties of `kind`; its ID must name a node of the kind's label."""
    slug = slug_of(subject, {TIE_SUBJECTS[kind]})
    return await resolvers.resolve_ties(info, kind, slug, period, topic, first)


@strawberry.type
class NetworkQuery:
    @strawberry.field(
        description="A shortest chain between two entities, or null when none exists within "
        "`maxHops` (1..8). By default it runs over real-world ties only; topic tags and "
        "document links count only when an endpoint is a Topic or Resource. `via` replaces "
        "the allowed relationship types; `through` limits the kinds of node in between."
    )
    async def path(
        self,
        info: Info,
        source: Annotated[strawberry.ID, strawberry.argument(name="from")],
        to: strawberry.ID,
        max_hops: int = DEFAULT_HOPS,
        via: list[RelationshipType] | None = None,
        through: list[EntityType] | None = None,
    ) -> GraphPath | None:
        return await resolvers.resolve_path(info, source, to, max_hops, via, through)

    @strawberry.field(
        description="The subgraph within `depth` (1..3) hops of a node, at most `limit` "
        "(1..500) nodes including the centre, for drawing. `types` and `relationships` "
        "restrict what the expansion may cross."
    )
    async def neighbourhood(
        self,
        info: Info,
        id: strawberry.ID,
        depth: int = 1,
        types: list[EntityType] | None = None,
        relationships: list[RelationshipType] | None = None,
        limit: int = DEFAULT_LIMIT,
    ) -> Subgraph:
        return await resolvers.resolve_neighbourhood(info, id, depth, limit, types, relationships)

    @strawberry.field(description="People who shared events or programmes with an expert.")
    async def collaborators(
        self,
        info: Info,
        expert_id: strawberry.ID,
        period: PeriodInput | None = None,
        topic: strawberry.ID | None = None,
        first: int = DEFAULT_LINKS,
    ) -> list[Tie]:
        return await _ties(info, "collaborators", expert_id, period, topic, first)

    @strawberry.field(
        description="Partners of an agency (give `agencyId`) or of a country (`countryId`): "
        "shared events, shared programmes and funding flows."
    )
    async def partners(
        self,
        info: Info,
        agency_id: strawberry.ID | None = None,
        country_id: strawberry.ID | None = None,
        period: PeriodInput | None = None,
        topic: strawberry.ID | None = None,
        first: int = DEFAULT_LINKS,
    ) -> list[Tie]:
        if (agency_id is None) == (country_id is None):
            raise BadUserInputError("give exactly one of agencyId or countryId")
        if agency_id is not None:
            return await _ties(info, "agency_partners", agency_id, period, topic, first)
        assert country_id is not None
        return await _ties(info, "country_partners", country_id, period, topic, first)

    @strawberry.field(
        description="Brokers of a projection: nodes by betweenness (or degree), computed "
        "with igraph and cached until the graph changes."
    )
    async def centrality(
        self,
        info: Info,
        projection: ProjectionInput,
        rank_by: RankBy = RankBy.BETWEENNESS,
        first: int = 20,
    ) -> CentralityResult:
        return await resolvers.resolve_centrality(info, projection, rank_by, first)

    @strawberry.field(description="Communities of a projection (Leiden), largest first.")
    async def communities(
        self, info: Info, projection: ProjectionInput, first: int = 10, members: int = 10
    ) -> CommunityResult:
        return await resolvers.resolve_communities(info, projection, first, members)

    @strawberry.field(
        description="Experts for a topic (ID, slug or name), country (ID, slug, ISO code or "
        "name) and language (ISO 639-1), ranked by an explainable score; `forAgency` adds "
        "network proximity to the asking agency."
    )
    async def recommend_experts(
        self,
        info: Info,
        topic: str | None = None,
        country: str | None = None,
        language: str | None = None,
        first: int = DEFAULT_RESULTS,
        for_agency: strawberry.ID | None = None,
    ) -> list[ExpertRecommendation]:
        return await resolvers.resolve_recommendations(
            info, topic, country, language, first, for_agency
        )

    @strawberry.field(description="The training cascade below an event and the chain above it.")
    async def cascade(self, info: Info, event_id: strawberry.ID) -> Cascade:
        return await resolvers.resolve_cascade(info, slug_of(event_id, {Label.EVENT}))

    @strawberry.field(
        description="Events and programme phases of a country, agency, topic or programme "
        "over time; undated items last."
    )
    async def timeline(
        self,
        info: Info,
        id: strawberry.ID,
        period: PeriodInput | None = None,
        first: int = DEFAULT_ITEMS,
    ) -> Timeline:
        return await resolvers.resolve_timeline(info, id, period, first)
