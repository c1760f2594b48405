"""Projection and metrics without Neo4j: weights, exact and sampled betweenness."""

from __future__ import annotations

from graph.analytics.centrality import EXACT_LIMIT, centrality, sample_size
from graph.analytics.communities import communities
from graph.analytics.projection import project


def test_projection_weights_count_shared_groups_and_keeps_loners() -> None:
    projected = project([["a", "b", "c"], ["a", "b"], ["d"]])

    weights = {
        tuple(sorted((projected.slugs[e.source], projected.slugs[e.target]))): e["weight"]
        for e in projected.graph.es
    }
    assert weights == {("a", "b"): 2, ("a", "c"): 1, ("b", "c"): 1}
    assert projected.slugs == ("a", "b", "c", "d")
    assert projected.items == 3


def test_an_empty_projection_has_empty_metrics() -> None:
    projected = project([])

    assert centrality(projected).betweenness == ()
    assert communities(projected).sizes == ()


def test_small_graphs_get_exact_betweenness_and_large_ones_a_sample() -> None:
    assert sample_size(100, 1_000) == 100
    k = sample_size(100_000, 5_000_000)
    assert 32 <= k < 100_000


def test_sampled_betweenness_still_finds_the_hub_of_a_large_star_of_groups() -> None:
    groups = [[f"g{g}-{i}" for i in range(5)] + ["hub"] for g in range(EXACT_LIMIT // 4)]

    projected = project(groups)
    metrics = centrality(projected)

    assert metrics.approximate is True
    assert metrics.sources < projected.node_count
    top = max(range(projected.node_count), key=lambda v: metrics.betweenness[v])
    assert projected.slugs[top] == "hub"
    assert metrics.betweenness[top] > 0.9
