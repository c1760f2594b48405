"""Inputs that describe relationships: their properties, and links stated with a node."""

from __future__ import annotations

import dataclasses
from typing import Any

import strawberry

from graph.model import RelType
from graph.writes.operations import Link
from schema.mutations.common import reference
from schema.mutations.enums import LinkDirection
from schema.network.arguments import RelationshipType
from schema.relations import ParticipationRole


@strawberry.input(
    description="Properties a relationship may carry; each type accepts only its own "
    "(WORKS_FOR: role, since, until, rank; TOOK_PART: role, count; FUNDED_BY: amount, "
    "currency, period, text; IMPLEMENTED_BY: lead, role; every type: note)."
)
class LinkPropertiesInput:
    role: str | None = None
    since: str | None = strawberry.field(default=None, description="Partial ISO date.")
    until: str | None = strawberry.field(default=None, description="Partial ISO date.")
    rank: str | None = None
    count: int | None = None
    note: str | None = None
    amount: str | None = strawberry.field(default=None, description="Decimal, e.g. 40100000.")
    currency: str | None = strawberry.field(default=None, description="ISO 4217, e.g. EUR.")
    period: str | None = None
    text: str | None = strawberry.field(default=None, description="The amount as written.")
    lead: bool | None = None


def properties_of(given: LinkPropertiesInput | None) -> dict[str, Any]:
    if given is None:
        return {}
    found = {spec.name: getattr(given, spec.name) for spec in dataclasses.fields(given)}
    return {name: value for name, value in found.items() if value is not None}


@strawberry.input(description="A relationship to create together with the node being written.")
class NodeLinkInput:
    type: RelationshipType
    node: strawberry.ID = strawberry.field(description="The other node (global ID or slug).")
    direction: LinkDirection = strawberry.field(
        default=LinkDirection.OUT, description="OUT: from this node to `node`; IN: the reverse."
    )
    properties: LinkPropertiesInput | None = None


@strawberry.input(description="People or agencies who took part in an event, in one role.")
class ParticipantsInput:
    ids: list[strawberry.ID]
    role: ParticipationRole = ParticipationRole.PARTICIPANT


def node_links(ident: str, links: list[NodeLinkInput] | None) -> list[Link]:
    found = []
    for index, given in enumerate(links or ()):
        other = reference(given.node, f"links.{index}.node")
        start, end = (ident, other) if given.direction is LinkDirection.OUT else (other, ident)
        rel_type = RelType(given.type.value)
        found.append(Link(rel_type, start, end, properties_of(given.properties), f"links.{index}"))
    return found


def participant_links(event: str, participants: ParticipantsInput | None) -> list[Link]:
    if participants is None:
        return []
    role = {"role": participants.role.value}
    return [
        Link(
            RelType.TOOK_PART,
            reference(ident, f"participants.ids.{index}"),
            event,
            role,
            f"participants.ids.{index}",
        )
        for index, ident in enumerate(participants.ids)
    ]
