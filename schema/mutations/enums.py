"""Closed vocabularies of write inputs, as GraphQL enums (values are what the graph stores).

Enums rather than strings so that a client learns the allowed values from the schema and a
typo fails validation before anything runs.
"""

from __future__ import annotations

from enum import Enum

import strawberry

from graph.model import Label
from graph.writes.codes import EVENT_STATUS_CODES, KIND_CODES
from graph.writes.principal import CREDENTIAL_ROLES
from schema.types.vocabulary import vocabulary

AgencyKind = vocabulary(
    "AgencyKind", KIND_CODES[Label.AGENCY], "What kind of organisation an agency is."
)
PlaceKind = vocabulary("PlaceKind", KIND_CODES[Label.PLACE], "What kind of place.")
ProgrammeKind = vocabulary(
    "ProgrammeKind",
    KIND_CODES[Label.PROGRAMME],
    "Programme, project, or one phase of a programme.",
)
EventKind = vocabulary("EventKind", KIND_CODES[Label.EVENT], "What kind of event.")
EventStatus = vocabulary(
    "EventStatus",
    EVENT_STATUS_CODES,
    "Whether an event was announced or is known to have been held.",
)
ResourceKind = vocabulary(
    "ResourceKind", KIND_CODES[Label.RESOURCE], "What kind of knowledge resource."
)


@strawberry.enum(description="Which way a link goes from the node being written.")
class LinkDirection(Enum):
    OUT = "out"
    IN = "in"


KeyRole = vocabulary("KeyRole", CREDENTIAL_ROLES, "Role of an API key.")
