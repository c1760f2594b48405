"""Mutation payloads (Relay style): the changed node, `userErrors`, and `clientMutationId`."""

from __future__ import annotations

import strawberry

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


@strawberry.type
class ExpertPayload(Payload):
    expert: Expert | None = None


@strawberry.type
class AgencyPayload(Payload):
    agency: Agency | None = None


@strawberry.type
class CountryPayload(Payload):
    country: Country | None = None


@strawberry.type
class PlacePayload(Payload):
    place: Place | None = None


@strawberry.type
class ProgrammePayload(Payload):
    programme: Programme | None = None


@strawberry.type
class EventPayload(Payload):
    event: Event | None = None


@strawberry.type
class TopicPayload(Payload):
    topic: Topic | None = None


@strawberry.type
class ResourcePayload(Payload):
    resource: Resource | None = None


@strawberry.type
class DeletePayload(Payload):
    deleted_id: strawberry.ID | None = strawberry.field(
        default=None, description="Global ID of the node that no longer exists."
    )
