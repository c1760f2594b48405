"""Collaborators and partners as GraphQL types: weighted ties and the evidence behind them."""

from __future__ import annotations

from enum import Enum

import strawberry

from graph.network import results as records
from schema.network.graph_types import GraphNode, graph_node


@strawberry.enum(description="What a tie rests on.")
class EvidenceKind(Enum):
    SHARED_EVENT = "shared_event"
    SHARED_PROGRAMME = "shared_programme"
    FUNDING_FLOW = "funding_flow"


@strawberry.enum(description="Who funds whom in a funding flow.")
class FlowDirection(Enum):
    OUTGOING = "outgoing"
    INCOMING = "incoming"


@strawberry.type(description="One shared item behind a tie.")
class Evidence:
    record: strawberry.Private[records.Evidence]

    @strawberry.field(description="The shared event or programme.")
    def item(self) -> GraphNode:
        return graph_node(self.record.node)

    @strawberry.field
    def kind(self) -> EvidenceKind:
        return EvidenceKind(self.record.kind)

    @strawberry.field(description="The tied node's roles in the item.")
    def roles(self) -> list[str]:
        return list(self.record.roles)

    @strawberry.field(description="The roles of the node asked about in the item.")
    def own_roles(self) -> list[str]:
        return list(self.record.own_roles)

    @strawberry.field(
        description="OUTGOING: the node asked about funds the other's work; INCOMING: the "
        "other funds it. Null unless `kind` is FUNDING_FLOW."
    )
    def direction(self) -> FlowDirection | None:
        direction = self.record.direction
        return FlowDirection(direction) if direction is not None else None

    @strawberry.field(description="The funding link's amount, when the source gives one.")
    def amount(self) -> float | None:
        return self.record.amount

    @strawberry.field
    def currency(self) -> str | None:
        return self.record.currency


@strawberry.type(
    description="A weighted tie to a collaborator or partner. Collaborators: 1 per shared "
    "event + 0.25 per shared programme. Partners: 1 per shared event + 2 per shared "
    "programme or funding flow."
)
class Tie:
    record: strawberry.Private[records.Link]

    @strawberry.field(description="The collaborator or partner.")
    def node(self) -> GraphNode:
        return graph_node(self.record.node)

    @strawberry.field
    def weight(self) -> float:
        return self.record.weight

    @strawberry.field
    def shared_events(self) -> int:
        return self.record.shared_events

    @strawberry.field
    def shared_programmes(self) -> int:
        return self.record.shared_programmes

    @strawberry.field
    def funding_flows(self) -> int:
        return self.record.funding_flows

    @strawberry.field(description="Earliest year of the shared items; null if none is dated.")
    def first_year(self) -> int | None:
        return self.record.first_year

    @strawberry.field(description="Latest year of the shared items; null if none is dated.")
    def last_year(self) -> int | None:
        return self.record.last_year

    @strawberry.field(description="The shared items, latest first (at most 10).")
    def evidence(self) -> list[Evidence]:
        return [Evidence(record=item) for item in self.record.evidence]

    @strawberry.field(description="How many shared items there are in all.")
    def evidence_count(self) -> int:
        return self.record.evidence_count


def ties(links: tuple[records.Link, ...]) -> list[Tie]:
    return [Tie(record=link) for link in links]
