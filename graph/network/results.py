"""Frozen records of the network queries: generic nodes and edges, and what is built from them.

Network answers mix every label, so they use one generic node shape (slug, label, display
name, kind, names per language) instead of the per-label records of `graph.repositories.records`;
the relationship properties reuse `RelationshipRecord` so roles, dates and amounts keep one type.

Nodes and edges, built by the hundred per picture, are frozen `msgspec.Struct`s for the
reason given in `graph.repositories.records`; the rest, built a few per answer, stay dataclasses.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import msgspec

from graph.model import Label, RelType
from graph.repositories.records import RelationshipRecord, relationship_record
from graph.writes.origins import Origin


class GraphNode(msgspec.Struct, frozen=True, gc=False):
    """Any node, drawn or exported: enough to label it, in every language it has."""

    id: str
    label: Label
    name: str
    kind: str | None = None
    names: Mapping[str, str] = msgspec.field(default_factory=dict)
    origins: Mapping[str, Origin] = msgspec.field(default_factory=dict)
    """Language -> origin of the name in `names` (graph/writes/origins.py)."""
    start: str | None = None
    start_year: int | None = None


class GraphEdge(msgspec.Struct, frozen=True, gc=False):
    """A stored relationship, in its stored direction (`source` is its start node's slug)."""

    source: str
    target: str
    type: RelType
    stored: Mapping[str, Any] = msgspec.field(default_factory=dict)
    """Its stored properties as read; typed by `properties` when someone asks for them."""

    @property
    def properties(self) -> RelationshipRecord:
        """Built on demand: a network picture draws hundreds of edges and rarely shows their
        properties, and building every record made up a tenth of answering one."""
        return relationship_record(self.type.value, self.stored)


@dataclass(frozen=True, slots=True)
class GraphPath:
    """An ordered chain: `edges[i]` joins `nodes[i]` and `nodes[i + 1]` in either direction."""

    nodes: tuple[GraphNode, ...]
    edges: tuple[GraphEdge, ...]

    @property
    def length(self) -> int:
        return len(self.edges)


@dataclass(frozen=True, slots=True)
class Subgraph:
    """Nodes and the edges among them; `truncated` says some reachable nodes were left out."""

    center: GraphNode
    nodes: tuple[GraphNode, ...]
    edges: tuple[GraphEdge, ...]
    truncated: bool
    distances: Mapping[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class AboutNode:
    """One node of an answer and, in the subclasses, what the answer says about it."""

    node: GraphNode


@dataclass(frozen=True, slots=True)
class Evidence(AboutNode):
    """One shared item behind a link (an event, a programme, a funding flow).

    `roles` are the linked node's roles in the item, `own_roles` those of the node asked
    about; `direction` says who funds whom in a funding flow (`outgoing`: the node asked about
    funds the other's work).
    """

    kind: str
    roles: tuple[str, ...] = ()
    own_roles: tuple[str, ...] = ()
    direction: str | None = None
    amount: float | None = None
    currency: str | None = None


@dataclass(frozen=True, slots=True)
class Link(AboutNode):
    """A weighted tie to another node (collaborator or partner) with the evidence for it."""

    weight: float
    shared_events: int
    shared_programmes: int
    funding_flows: int
    first_year: int | None
    last_year: int | None
    evidence: tuple[Evidence, ...]
    evidence_count: int


@dataclass(frozen=True, slots=True)
class Period:
    """An inclusive range of years; items without a year cannot be placed in one."""

    start: int | None = None
    end: int | None = None

    @property
    def bounded(self) -> bool:
        return self.start is not None or self.end is not None


@dataclass(frozen=True, slots=True)
class Trainer(AboutNode):
    """Who trained in a session: an expert (one person) or an agency's unnamed staff.

    `count` is how many people stand behind the node: 1 for an expert, the link's `count`
    for an agency, None when the source does not say how many.
    """

    count: int | None
    role: str


@dataclass(frozen=True, slots=True)
class CascadeSession(AboutNode):
    """One session of a cascade with its place in the tree (`parent` is a slug, depth 0 = root)."""

    parent: str | None
    depth: int
    participant_count: int | None
    trainers: tuple[Trainer, ...]


@dataclass(frozen=True, slots=True)
class Cascade:
    """The sessions cascading from `event` (itself at depth 0) and the chain it cascades from.

    `total_reach` adds up the participant counts the sources give; `sessions_without_count`
    says how many sessions gave none, so a reader sees how much the figure leaves out.
    `trainer_count` is None when some trainer's headcount is unknown.
    """

    event: GraphNode
    ancestors: tuple[GraphNode, ...]
    sessions: tuple[CascadeSession, ...]
    depth: int
    trainers: tuple[Trainer, ...]
    trainer_count: int | None
    total_reach: int
    sessions_without_count: int


@dataclass(frozen=True, slots=True)
class TimelineItem(AboutNode):
    """An event or programme (phase) in time, dated as precisely as its source allows.

    `year` is None when the source gives none (such items come last, never with an invented
    year); `precision` is `day`, `month`, `year`, `month_day` (a day without a year) or
    `none`; `relations` say how the item is tied to the timeline's subject.
    """

    start: str | None
    end: str | None
    year: int | None
    precision: str
    relations: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Timeline:
    subject: GraphNode
    items: tuple[TimelineItem, ...]
    total: int
    undated: int


@dataclass(frozen=True, slots=True)
class Reason:
    """One term of a recommendation score: what was found and the points it earned."""

    code: str
    points: float
    detail: str


@dataclass(frozen=True, slots=True)
class Recommendation:
    expert: GraphNode
    score: float
    reasons: tuple[Reason, ...]
