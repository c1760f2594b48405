"""From groups of members to a weighted one-mode graph, projected by igraph in C.

Each group is the set of members one shared item (an event, a programme) joins. igraph's
`bipartite_projection` with `multiplicity` does the quadratic part (every pair within a
group) natively and counts how many items each pair shares, which becomes the edge
`weight`. Members that share nothing with anybody stay in the graph as isolated vertices,
so "degree 0" is an answer and not a missing row.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import igraph


@dataclass(frozen=True, slots=True)
class ProjectedGraph:
    """An undirected graph over `slugs` (vertex i is `slugs[i]`), edge attribute `weight`."""

    slugs: tuple[str, ...]
    graph: igraph.Graph
    items: int
    items_left_out: int = 0

    @property
    def node_count(self) -> int:
        return len(self.slugs)

    @property
    def edge_count(self) -> int:
        return int(self.graph.ecount())


def project(groups: Sequence[Sequence[str]], left_out: int = 0) -> ProjectedGraph:
    """The co-membership graph of `groups`; weight = number of groups a pair shares."""
    index: dict[str, int] = {}
    for group in groups:
        for slug in group:
            index.setdefault(slug, len(index))
    members = len(index)
    shared = [group for group in groups if len(group) > 1]
    edges = [(index[slug], members + item) for item, group in enumerate(shared) for slug in group]
    import igraph

    two_mode = igraph.Graph(n=members + len(shared), edges=edges, directed=False)
    types = [False] * members + [True] * len(shared)
    one_mode = two_mode.bipartite_projection(types=types, multiplicity=True, which=0)
    if one_mode.ecount() and "weight" not in one_mode.es.attributes():
        one_mode.es["weight"] = [1] * one_mode.ecount()
    return ProjectedGraph(
        slugs=tuple(index), graph=one_mode, items=len(groups), items_left_out=left_out
    )
