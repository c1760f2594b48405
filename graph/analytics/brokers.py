"""Brokers and communities of a projection: the answers, from the cache or computed.

A request costs at most three round trips: the graph's fingerprint, the projection's groups
(only when the cache has no entry for this version) and the display data of the nodes in
the answer (only those, never the whole projection).
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import Final

from graph.analytics.cache import Analysis, AnalyticsCache
from graph.analytics.centrality import Centrality
from graph.analytics.reports import (
    CentralityReport,
    Community,
    CommunityReport,
    ProjectionSummary,
    RankedNode,
)
from graph.database.cypher import Cypher
from graph.database.time_limits import analysis
from graph.errors import check_between
from graph.network.nodes_by_slug import nodes_by_slug
from graph.network.projections import ProjectionSpec, member_groups

MAX_RANKED: Final = 200
MAX_COMMUNITIES: Final = 100
MAX_MEMBERS: Final = 50


class Ranking(StrEnum):
    BETWEENNESS = "betweenness"
    DEGREE = "degree"
    WEIGHTED_DEGREE = "weighted_degree"


@analysis
async def load_analysis(cypher: Cypher, cache: AnalyticsCache, spec: ProjectionSpec) -> Analysis:
    version = await cache.version.current(cypher)
    return await cache.analysis(spec, version, lambda: member_groups(cypher, spec))


def _summary(analysis: Analysis) -> ProjectionSummary:
    projected = analysis.projected
    return ProjectionSummary(
        spec=analysis.spec,
        version=analysis.version,
        node_count=projected.node_count,
        edge_count=projected.edge_count,
        item_count=projected.items,
        items_left_out=projected.items_left_out,
    )


def _sort_key(
    metrics: Centrality, ranking: Ranking, slugs: tuple[str, ...]
) -> Callable[[int], tuple[float, int, str]]:
    values: tuple[float, ...] | tuple[int, ...] = {
        Ranking.BETWEENNESS: metrics.betweenness,
        Ranking.DEGREE: metrics.degree,
        Ranking.WEIGHTED_DEGREE: metrics.weighted_degree,
    }[ranking]
    return lambda i: (-values[i], -metrics.degree[i], slugs[i])


async def _ranked(
    cypher: Cypher, analysis: Analysis, vertices: list[int], community: tuple[int, ...] | None
) -> tuple[RankedNode, ...]:
    metrics = await analysis.centrality()
    slugs = analysis.projected.slugs
    nodes = await nodes_by_slug(cypher, [slugs[i] for i in vertices])
    return tuple(
        RankedNode(
            node=nodes[slugs[i]],
            degree=metrics.degree[i],
            weighted_degree=metrics.weighted_degree[i],
            betweenness=metrics.betweenness[i],
            community=community[i] if community is not None else None,
        )
        for i in vertices
        if slugs[i] in nodes
    )


async def centrality_report(
    cypher: Cypher,
    cache: AnalyticsCache,
    spec: ProjectionSpec,
    *,
    ranking: Ranking = Ranking.BETWEENNESS,
    first: int = 20,
) -> CentralityReport:
    """The `first` nodes of the projection by `ranking` (brokers first, by default)."""
    check_between("first", first, MAX_RANKED)
    analysis = await load_analysis(cypher, cache, spec)
    metrics = await analysis.centrality()
    slugs = analysis.projected.slugs
    order = analysis.order(
        ranking.value, lambda: sorted(range(len(slugs)), key=_sort_key(metrics, ranking, slugs))
    )
    return CentralityReport(
        projection=_summary(analysis),
        approximate=metrics.approximate,
        sources=metrics.sources,
        items=await _ranked(cypher, analysis, order[:first], None),
    )


async def community_report(
    cypher: Cypher,
    cache: AnalyticsCache,
    spec: ProjectionSpec,
    *,
    first: int = 10,
    members: int = 10,
) -> CommunityReport:
    """The `first` largest communities, each with its `members` best-connected members."""
    check_between("first", first, MAX_COMMUNITIES)
    check_between("members", members, MAX_MEMBERS)
    analysis = await load_analysis(cypher, cache, spec)
    found = await analysis.communities()
    metrics = await analysis.centrality()
    slugs = analysis.projected.slugs
    key = _sort_key(metrics, Ranking.WEIGHTED_DEGREE, slugs)
    order = analysis.order(
        Ranking.WEIGHTED_DEGREE.value, lambda: sorted(range(len(slugs)), key=key)
    )
    chosen: dict[int, list[int]] = {c: [] for c in range(min(first, len(found.sizes)))}
    wanted = sum(min(members, found.sizes[c]) for c in chosen)
    for vertex in order:
        community = found.membership[vertex]
        if community in chosen and len(chosen[community]) < members:
            chosen[community].append(vertex)
            wanted -= 1
            if wanted == 0:
                break
    everyone = [vertex for c in sorted(chosen) for vertex in chosen[c]]
    ranked = {r.node.id: r for r in await _ranked(cypher, analysis, everyone, found.membership)}
    return CommunityReport(
        projection=_summary(analysis),
        modularity=found.modularity,
        communities=tuple(
            Community(
                index=c,
                size=found.sizes[c],
                members=tuple(ranked[slugs[v]] for v in chosen[c] if slugs[v] in ranked),
            )
            for c in sorted(chosen)
        ),
    )
