"""Collaborators and partners as GraphQL types: weighted ties and the evidence behind them."""

from __future__ import annotations

from enum import Enum

import strawberry

from graph.network import results as records
from schema.network.graph_types import GraphNode, graph_node
from schema.types.copied import copied


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

    amount = copied("amount", float | None, "The funding link's amount, when the source gives one.")
    currency = copied("currency", str | None)


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

    weight = copied("weight", float)
    shared_events = copied("shared_events", int)
    shared_programmes = copied("shared_programmes", int)
    funding_flows = copied("funding_flows", int)
    first_year = copied(
        "first_year", int | None, "Earliest year of the shared items; null if none is dated."
    )
    last_year = copied(
        "last_year", int | None, "Latest year of the shared items; null if none is dated."
    )

    @strawberry.field(description="The shared items, latest first (at most 10).")
    def evidence(self) -> list[Evidence]:
        return [Evidence(record=item) for item in self.record.evidence]

    evidence_count = copied("evidence_count", int, "How many shared items there are in all.")


def ties(links: tuple[records.Link, ...]) -> list[Tie]:
    return [Tie(record=link) for link in links]
