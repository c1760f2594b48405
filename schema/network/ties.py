"""Collaborators and partners as GraphQL types: weighted ties and the evidence behind them."""

from __future__ import annotations

from enum import Enum

import strawberry

from graph.network import results as records
from schema.network.copied_records import copied_each
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

    item = copied("record.node", GraphNode, "The shared event or programme.", shown=graph_node)

    @strawberry.field
    def kind(self) -> EvidenceKind:
        return EvidenceKind(self.record.kind)

    roles = copied("record.roles", list[str], "The tied node's roles in the item.", shown=list)

    own_roles = copied(
        "record.own_roles", list[str], "The roles of the node asked about in the item.", shown=list
    )

    @strawberry.field(
        description="OUTGOING: the node asked about funds the other's work; INCOMING: the "
        "other funds it. Null unless `kind` is FUNDING_FLOW."
    )
    def direction(self) -> FlowDirection | None:
        direction = self.record.direction
        return FlowDirection(direction) if direction is not None else None

    amount = copied(
        "record.amount", float | None, "The funding link's amount, when the source gives one."
    )
    currency = copied("record.currency", str | None)


@strawberry.type(
    description="A weighted tie to a collaborator or partner. Collaborators: 1 per shared "
    "event + 0.25 per shared programme. Partners: 1 per shared event + 2 per shared "
    "programme or funding flow."
)
class Tie:
    record: strawberry.Private[records.Link]

    node = copied("record.node", GraphNode, "The collaborator or partner.", shown=graph_node)

    weight = copied("record.weight", float)
    shared_events = copied("record.shared_events", int)
    shared_programmes = copied("record.shared_programmes", int)
    funding_flows = copied("record.funding_flows", int)
    first_year = copied(
        "record.first_year", int | None, "Earliest year of the shared items; null if none is dated."
    )
    last_year = copied(
        "record.last_year", int | None, "Latest year of the shared items; null if none is dated."
    )

    evidence = copied_each(
        "record.evidence", Evidence, "The shared items, latest first (at most 10)."
    )

    evidence_count = copied("record.evidence_count", int, "How many shared items there are in all.")


def ties(links: tuple[records.Link, ...]) -> list[Tie]:
    return [Tie(record=link) for link in links]
