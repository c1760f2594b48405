"""Frozen records of the analytics answers: ranked nodes, communities, and what was computed."""

from __future__ import annotations

from dataclasses import dataclass

from graph.network.projections import ProjectionSpec
from graph.network.results import AboutNode


@dataclass(frozen=True, slots=True)
class RankedNode(AboutNode):
    degree: int
    weighted_degree: float
    betweenness: float
    community: int | None = None


@dataclass(frozen=True, slots=True)
class ProjectionSummary:
    """The projection a result was computed on, so a reader can judge the numbers."""

    spec: ProjectionSpec
    version: str
    node_count: int
    edge_count: int
    item_count: int
    items_left_out: int


@dataclass(frozen=True, slots=True)
class ProjectionReport:
    """What every analytics report carries: the projection its numbers were computed on."""

    projection: ProjectionSummary


@dataclass(frozen=True, slots=True)
class CentralityReport(ProjectionReport):
    approximate: bool
    sources: int
    items: tuple[RankedNode, ...]


@dataclass(frozen=True, slots=True)
class Community:
    index: int
    size: int
    members: tuple[RankedNode, ...]


@dataclass(frozen=True, slots=True)
class CommunityReport(ProjectionReport):
    modularity: float
    communities: tuple[Community, ...]
