"""Mutation payloads (Relay style): the changed node, `userErrors`, and `clientMutationId`."""

from __future__ import annotations

from typing import Final

import strawberry

from graph.model import Label
from schema.mutations.common import UserError
from schema.types.agency import Agency
from schema.types.country import Country
from schema.types.event import Event
from schema.types.expert import Expert
from schema.types.place import Place
from schema.types.programme import Programme
from schema.types.resource import Resource
from schema.types.topic import Topic

ERRORS = "What was wrong with the input; empty when the mutation succeeded."


@strawberry.type
class Payload:
    user_errors: list[UserError] = strawberry.field(default_factory=list, description=ERRORS)
    client_mutation_id: str | None = None


def _payload(label: Label, shown: type) -> type[Payload]:
    """`<Label>Payload`: the base payload plus the written node under the label's name."""
    key = label.value.lower()
    namespace = {"__annotations__": {key: shown | None}, key: None}
    made: type[Payload] = strawberry.type(type(f"{label.value}Payload", (Payload,), namespace))
    return made


PAYLOADS: Final = {
    label: _payload(label, shown)
    for label, shown in (
        (Label.EXPERT, Expert),
        (Label.AGENCY, Agency),
        (Label.COUNTRY, Country),
        (Label.PLACE, Place),
        (Label.PROGRAMME, Programme),
        (Label.EVENT, Event),
        (Label.TOPIC, Topic),
        (Label.RESOURCE, Resource),
    )
}


@strawberry.type
class DeletePayload(Payload):
    deleted_id: strawberry.ID | None = strawberry.field(
        default=None, description="Global ID of the node that no longer exists."
    )
