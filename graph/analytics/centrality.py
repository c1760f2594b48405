"""Degree, weighted degree and betweenness of a projected graph, computed by igraph.

Betweenness is exact up to `EXACT_LIMIT` vertices. Above that it is estimated the way
networkx's `betweenness_centrality(k=...)` does (Brandes and Pich, 2007): shortest paths
from `k` sources drawn with a fixed seed, scaled by n/k. `k` is sized so the whole run does
about `EDGE_BUDGET` edge visits (one breadth-first search per source), which keeps a
100 000-vertex projection in seconds; the result says it is approximate and how many
sources it used. Betweenness ignores weights: a weight counts shared items, it is not a
distance. Values are normalised to [0, 1] by the number of pairs, (n-1)(n-2)/2.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Final

from graph.analytics.projection import ProjectedGraph

EXACT_LIMIT: Final = 2_000
EDGE_BUDGET: Final = 60_000_000
MIN_SOURCES: Final = 32
MAX_SOURCES: Final = 1_000
SEED: Final = 20_221_029


@dataclass(frozen=True, slots=True)
class Centrality:
    degree: tuple[int, ...]
    weighted_degree: tuple[float, ...]
    betweenness: tuple[float, ...]
    approximate: bool
    sources: int


def sample_size(vertices: int, edges: int) -> int:
    """How many sources an estimate uses: all of them for small graphs."""
    if vertices <= EXACT_LIMIT:
        return vertices
    by_budget = EDGE_BUDGET // max(edges + vertices, 1)
    return max(MIN_SOURCES, min(MAX_SOURCES, vertices, by_budget))


def centrality(projected: ProjectedGraph) -> Centrality:
    graph = projected.graph
    n = graph.vcount()
    degree = tuple(int(d) for d in graph.degree())
    weights = graph.es["weight"] if graph.ecount() else None
    strength = tuple(float(s) for s in graph.strength(weights=weights))
    k = sample_size(n, graph.ecount())
    if k >= n:
        raw = graph.betweenness(directed=False) if n else []
        scale = 1.0
    else:
        sources = random.Random(SEED).sample(range(n), k)
        raw = graph.betweenness(directed=False, sources=sources)
        scale = n / k
    pairs = (n - 1) * (n - 2) / 2
    normalised = tuple(value * scale / pairs if pairs > 0 else 0.0 for value in raw)
    return Centrality(
        degree=degree,
        weighted_degree=strength,
        betweenness=normalised,
        approximate=k < n,
        sources=k,
    )
