"""Create and update inputs, one pair per entity type (field names follow the read types).

Create inputs require the display name (a title for events and resources) and take an
optional readable `id` (derived from the name when absent). Update inputs take only what
changes: a field left out stays as it is, a field set to null is removed.
"""

from __future__ import annotations

import strawberry
from strawberry import UNSET

from schema.mutations.common import LangTextInput
from schema.mutations.enums import (
    AgencyKind,
    EventKind,
    EventStatus,
    PlaceKind,
    ProgrammeKind,
    ResourceKind,
)
from schema.mutations.link_inputs import NodeLinkInput, ParticipantsInput

ID = strawberry.ID
Texts = list[LangTextInput]
NEW_ID = "Readable id (slug) for the new node; derived from the name when left out."
SOURCE = "The Resource that states these facts; the caller's account when left out."


@strawberry.input
class CreateExpertInput:
    name: str
    id: ID | None = strawberry.field(default=None, description=NEW_ID)
    aliases: list[str] | None = None
    honorific: str | None = None
    roles: list[str] | None = None
    languages: list[str] | None = strawberry.field(default=None, description="ISO 639-1.")
    email: str | None = None
    phone: str | None = None
    note: str | None = None
    source: ID | None = strawberry.field(default=None, description=SOURCE)
    links: list[NodeLinkInput] | None = None
    client_mutation_id: str | None = None


@strawberry.input
class UpdateExpertInput:
    id: ID
    name: str | None = UNSET
    aliases: list[str] | None = UNSET
    honorific: str | None = UNSET
    roles: list[str] | None = UNSET
    languages: list[str] | None = UNSET
    email: str | None = UNSET
    phone: str | None = UNSET
    note: str | None = UNSET
    source: ID | None = strawberry.field(default=None, description=SOURCE)
    client_mutation_id: str | None = None


@strawberry.input
class CreateAgencyInput:
    name: Texts
    kind: AgencyKind
    id: ID | None = strawberry.field(default=None, description=NEW_ID)
    acronym: str | None = None
    aliases: list[str] | None = None
    address: str | None = None
    email: str | None = None
    phone: str | None = None
    note: str | None = None
    source: ID | None = strawberry.field(default=None, description=SOURCE)
    links: list[NodeLinkInput] | None = None
    client_mutation_id: str | None = None


@strawberry.input
class UpdateAgencyInput:
    id: ID
    name: Texts | None = UNSET
    kind: AgencyKind | None = UNSET
    acronym: str | None = UNSET
    aliases: list[str] | None = UNSET
    address: str | None = UNSET
    email: str | None = UNSET
    phone: str | None = UNSET
    note: str | None = UNSET
    source: ID | None = strawberry.field(default=None, description=SOURCE)
    client_mutation_id: str | None = None


@strawberry.input
class CreateCountryInput:
    name: Texts
    iso2: str
    id: ID | None = strawberry.field(default=None, description=NEW_ID)
    aliases: list[str] | None = None
    note: str | None = None
    source: ID | None = strawberry.field(default=None, description=SOURCE)
    links: list[NodeLinkInput] | None = None
    client_mutation_id: str | None = None


@strawberry.input
class UpdateCountryInput:
    id: ID
    name: Texts | None = UNSET
    iso2: str | None = UNSET
    aliases: list[str] | None = UNSET
    note: str | None = UNSET
    source: ID | None = strawberry.field(default=None, description=SOURCE)
    client_mutation_id: str | None = None


@strawberry.input
class CreatePlaceInput:
    name: Texts
    kind: PlaceKind
    id: ID | None = strawberry.field(default=None, description=NEW_ID)
    aliases: list[str] | None = None
    note: str | None = None
    source: ID | None = strawberry.field(default=None, description=SOURCE)
    links: list[NodeLinkInput] | None = None
    client_mutation_id: str | None = None


@strawberry.input
class UpdatePlaceInput:
    id: ID
    name: Texts | None = UNSET
    kind: PlaceKind | None = UNSET
    aliases: list[str] | None = UNSET
    note: str | None = UNSET
    source: ID | None = strawberry.field(default=None, description=SOURCE)
    client_mutation_id: str | None = None


@strawberry.input
class CreateProgrammeInput:
    name: Texts
    kind: ProgrammeKind
    id: ID | None = strawberry.field(default=None, description=NEW_ID)
    acronym: str | None = None
    aliases: list[str] | None = None
    phase: int | None = None
    start: str | None = strawberry.field(default=None, description="Partial ISO date.")
    end: str | None = strawberry.field(default=None, description="Partial ISO date.")
    budget_amount: str | None = strawberry.field(default=None, description="Decimal amount.")
    budget_currency: str | None = strawberry.field(default=None, description="ISO 4217.")
    budget_text: str | None = strawberry.field(default=None, description="As the source says.")
    note: str | None = None
    source: ID | None = strawberry.field(default=None, description=SOURCE)
    links: list[NodeLinkInput] | None = None
    client_mutation_id: str | None = None


@strawberry.input
class UpdateProgrammeInput:
    id: ID
    name: Texts | None = UNSET
    kind: ProgrammeKind | None = UNSET
    acronym: str | None = UNSET
    aliases: list[str] | None = UNSET
    phase: int | None = UNSET
    start: str | None = UNSET
    end: str | None = UNSET
    budget_amount: str | None = UNSET
    budget_currency: str | None = UNSET
    budget_text: str | None = UNSET
    note: str | None = UNSET
    source: ID | None = strawberry.field(default=None, description=SOURCE)
    client_mutation_id: str | None = None


@strawberry.input
class CreateEventInput:
    title: Texts
    kind: EventKind
    id: ID | None = strawberry.field(default=None, description=NEW_ID)
    summary: Texts | None = None
    start: str | None = strawberry.field(default=None, description="Partial ISO date.")
    end: str | None = strawberry.field(default=None, description="Partial ISO date.")
    duration_days: float | None = None
    participant_count: int | None = None
    participant_description: str | None = None
    country_count: int | None = None
    status: EventStatus | None = None
    note: str | None = None
    participants: ParticipantsInput | None = None
    source: ID | None = strawberry.field(default=None, description=SOURCE)
    links: list[NodeLinkInput] | None = None
    client_mutation_id: str | None = None


@strawberry.input
class UpdateEventInput:
    id: ID
    title: Texts | None = UNSET
    kind: EventKind | None = UNSET
    summary: Texts | None = UNSET
    start: str | None = UNSET
    end: str | None = UNSET
    duration_days: float | None = UNSET
    participant_count: int | None = UNSET
    participant_description: str | None = UNSET
    country_count: int | None = UNSET
    status: EventStatus | None = UNSET
    note: str | None = UNSET
    source: ID | None = strawberry.field(default=None, description=SOURCE)
    client_mutation_id: str | None = None


@strawberry.input
class CreateTopicInput:
    name: Texts
    id: ID | None = strawberry.field(default=None, description=NEW_ID)
    aliases: list[str] | None = None
    note: str | None = None
    source: ID | None = strawberry.field(default=None, description=SOURCE)
    links: list[NodeLinkInput] | None = None
    client_mutation_id: str | None = None


@strawberry.input
class UpdateTopicInput:
    id: ID
    name: Texts | None = UNSET
    aliases: list[str] | None = UNSET
    note: str | None = UNSET
    source: ID | None = strawberry.field(default=None, description=SOURCE)
    client_mutation_id: str | None = None


@strawberry.input
class CreateResourceInput:
    title: Texts
    kind: ResourceKind
    id: ID | None = strawberry.field(default=None, description=NEW_ID)
    body: Texts | None = None
    published: str | None = strawberry.field(default=None, description="Partial ISO date.")
    url: str | None = None
    contradictions: list[str] | None = None
    note: str | None = None
    source: ID | None = strawberry.field(default=None, description=SOURCE)
    links: list[NodeLinkInput] | None = None
    client_mutation_id: str | None = None


@strawberry.input
class UpdateResourceInput:
    id: ID
    title: Texts | None = UNSET
    kind: ResourceKind | None = UNSET
    body: Texts | None = UNSET
    published: str | None = UNSET
    url: str | None = UNSET
    contradictions: list[str] | None = UNSET
    note: str | None = UNSET
    source: ID | None = strawberry.field(default=None, description=SOURCE)
    client_mutation_id: str | None = None


@strawberry.input(description="Delete a node; `cascade` also removes links other nodes have to it.")
class DeleteInput:
    id: ID
    cascade: bool = False
    client_mutation_id: str | None = None
