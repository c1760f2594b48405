"""Standalone resolvers of the network fields, shared by the root `NetworkQuery` and by the
entity types (`Expert.collaborators`, `Agency.partners`, `Country.partners`,
`Event.cascade`), which call them with their own slug.

Each resolver validates and decodes its arguments, makes a bounded number of round trips
through `graph/` (one for most, two or three for analytics) and returns GraphQL objects.
Graph-layer errors (`InvalidInputError`, `NotFoundError`) reach the client coded as
BAD_USER_INPUT / NOT_FOUND through `schema.errors`.
"""

from __future__ import annotations

from typing import Final

from graph.analytics.brokers import centrality_report, community_report
from graph.model import Label
from graph.network import neighbourhood, paths, recommendations, timelines
from graph.network.linkfilter import LinkFilter
from schema.context import Info
from schema.network.analytics import CentralityResult, CommunityResult, ExpertRecommendation
from schema.network.arguments import (
    PeriodInput,
    ProjectionInput,
    RankBy,
    RelationshipType,
    labels_of,
    period_of,
    rel_types_of,
    topic_slug,
)
from schema.network.cascades import Cascade, Timeline
from schema.network.id_or_slug import id_or_name, slug_of
from schema.network.network_loaders import TieKind, network_loaders
from schema.network.subgraphs import GraphPath, Subgraph
from schema.network.ties import Tie, ties
from schema.selection_fields import asks_any, fields_named, names_beyond
from schema.types.node_interface import EntityType


async def resolve_path(
    info: Info,
    source: str,
    target: str,
    max_hops: int,
    via: list[RelationshipType] | None,
    through: list[EntityType] | None,
) -> GraphPath | None:
    found = await paths.shortest_path(
        info.context.cypher,
        source=slug_of(source),
        target=slug_of(target),
        max_hops=max_hops,
        rel_types=rel_types_of(via),
        through=labels_of(through),
    )
    return GraphPath(record=found) if found is not None else None


async def resolve_neighbourhood(
    info: Info,
    node_id: str,
    depth: int,
    limit: int,
    types: list[EntityType] | None,
    relationships: list[RelationshipType] | None,
) -> Subgraph:
    found = await neighbourhood.neighbourhood(
        info.context.cypher,
        node_id=slug_of(node_id),
        depth=depth,
        limit=limit,
        labels=labels_of(types),
        types=rel_types_of(relationships),
        edge_properties=asks_beyond(info, "edges", EDGE_ENDS),
    )
    return Subgraph(record=found)


EDGE_ENDS: Final = frozenset({"source", "target", "sourceSlug", "targetSlug", "type", "__typename"})
"""`GraphEdge` fields answered without the relationship's properties."""


TIE_DETAILS: Final = frozenset({"evidence", "firstYear", "lastYear"})
"""Tie fields that need each kept tie's shared items read again."""


def _filter(period: PeriodInput | None, topic: str | None, first: int, details: bool) -> LinkFilter:
    where = LinkFilter(
        period=period_of(period), topic=topic_slug(topic), first=first, details=details
    )
    where.parameters()  # validate before batching: one bad filter must not fail the others
    return where


def asks_for(info: Info, names: frozenset[str]) -> bool:
    """Does the selection under the current field name any of `names` (through fragments)?

    True when the selection is not known, so the answer is never missing a field.
    """
    fields = info.selected_fields
    if not fields:
        return True
    return any(asks_any(selection, names) for field in fields for selection in field.selections)


def asks_beyond(info: Info, child: str, known: frozenset[str]) -> bool:
    """Does the selection of the current field's `child` field name anything not in `known`?

    True when the selection is not known, so the answer is never missing a field.
    """
    fields = info.selected_fields
    if not fields:
        return True
    return any(
        names_beyond(inner, known)
        for field in fields
        for selection in field.selections
        for found in fields_named(selection, child)
        for inner in found.selections
    )


async def resolve_ties(
    info: Info,
    kind: TieKind,
    slug: str,
    period: PeriodInput | None,
    topic: str | None,
    first: int,
) -> list[Tie]:
    """Collaborators of an expert, or partners of an agency or country (batched per request)."""
    where = _filter(period, topic, first, details=asks_for(info, TIE_DETAILS))
    loader = network_loaders(info).ties(kind, where)
    return ties(await loader.load(slug))


async def resolve_cascade(info: Info, event_slug: str) -> Cascade:
    return Cascade(record=await network_loaders(info).cascades.load(event_slug))


async def resolve_timeline(
    info: Info, subject: str, period: PeriodInput | None, first: int
) -> Timeline:
    slug = slug_of(subject, {Label.COUNTRY, Label.AGENCY, Label.TOPIC, Label.PROGRAMME})
    found = await timelines.timeline(
        info.context.cypher, subject_id=slug, period=period_of(period), first=first
    )
    return Timeline(record=found)


async def resolve_centrality(
    info: Info, projection: ProjectionInput, rank_by: RankBy, first: int
) -> CentralityResult:
    report = await centrality_report(
        info.context.cypher,
        info.context.analytics,
        projection.to_spec(),
        ranking=rank_by.ranking,
        first=first,
    )
    return CentralityResult(record=report)


async def resolve_communities(
    info: Info, projection: ProjectionInput, first: int, members: int
) -> CommunityResult:
    report = await community_report(
        info.context.cypher,
        info.context.analytics,
        projection.to_spec(),
        first=first,
        members=members,
    )
    return CommunityResult(record=report)


async def resolve_recommendations(
    info: Info,
    topic: str | None,
    country: str | None,
    language: str | None,
    first: int,
    for_agency: str | None,
) -> list[ExpertRecommendation]:
    found = await recommendations.recommend_experts(
        info.context.cypher,
        topic=id_or_name(topic, Label.TOPIC),
        country=id_or_name(country, Label.COUNTRY),
        language=language,
        for_agency=slug_of(for_agency, {Label.AGENCY}) if for_agency is not None else None,
        first=first,
    )
    return [ExpertRecommendation(record=r) for r in found]
