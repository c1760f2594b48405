"""`link` and `unlink`: relationships of any type, several per mutation, all or nothing."""

from __future__ import annotations

from datetime import datetime

import strawberry
from strawberry.permission import PermissionExtension

from graph.errors import InvalidInputError
from graph.model import RelType
from graph.writes.operations import Link, Unlink, WriteOutcome, WrittenLink
from schema.context import Info
from schema.loaders import loaders
from schema.mutations.common import UserError, cited_source, perform, reference, user_error
from schema.mutations.link_inputs import LinkPropertiesInput, properties_of
from schema.mutations.payloads import Payload
from schema.network.arguments import RelationshipType
from schema.permissions import Action, Allowed, shown_source
from schema.types.node_interface import Node, entity


@strawberry.input(description="One relationship to create (or restate, which updates it).")
class RelationshipInput:
    type: RelationshipType
    from_: strawberry.ID = strawberry.field(name="from", description="Start node (ID or slug).")
    to: strawberry.ID = strawberry.field(description="End node (ID or slug).")
    properties: LinkPropertiesInput | None = None


@strawberry.input
class LinkInput:
    links: list[RelationshipInput]
    source: strawberry.ID | None = strawberry.field(
        default=None, description="The Resource that states these links."
    )
    client_mutation_id: str | None = None


@strawberry.input(
    description="Relationships to remove: the one with this role/since/period, or, when none "
    "of them is given, every relationship of the type between the two nodes."
)
class RelationshipKeyInput:
    type: RelationshipType
    from_: strawberry.ID = strawberry.field(name="from")
    to: strawberry.ID
    role: str | None = None
    since: str | None = None
    period: str | None = None


@strawberry.input
class UnlinkInput:
    links: list[RelationshipKeyInput]
    client_mutation_id: str | None = None


@strawberry.type(description="A relationship as written (or as it was, when removed).")
class WrittenRelationship:
    written: strawberry.Private[WrittenLink]

    @strawberry.field
    def type(self) -> RelationshipType:
        return RelationshipType(self.written.rel_type.value)

    @strawberry.field(name="from")
    async def from_(self, info: Info) -> Node | None:
        found = await loaders(info).nodes.load((self.written.start_label, self.written.start))
        return entity(found) if found is not None else None

    @strawberry.field
    async def to(self, info: Info) -> Node | None:
        found = await loaders(info).nodes.load((self.written.end_label, self.written.end))
        return entity(found) if found is not None else None

    @strawberry.field
    def role(self) -> str | None:
        return self.written.relationship.role

    @strawberry.field
    def since(self) -> str | None:
        return self.written.relationship.since

    @strawberry.field
    def until(self) -> str | None:
        return self.written.relationship.until

    @strawberry.field
    def count(self) -> int | None:
        return self.written.relationship.count

    @strawberry.field
    def amount(self) -> float | None:
        return self.written.relationship.amount

    @strawberry.field
    def currency(self) -> str | None:
        return self.written.relationship.currency

    @strawberry.field
    def note(self) -> str | None:
        return self.written.relationship.note

    @strawberry.field
    def source(self, info: Info) -> str | None:
        return shown_source(info.context.viewer, self.written.relationship.source)

    @strawberry.field
    def written_at(self) -> datetime | None:
        return self.written.relationship.written_at


@strawberry.type
class LinkPayload(Payload):
    relationships: list[WrittenRelationship] = strawberry.field(default_factory=list)


def _payload(
    outcome: WriteOutcome | list[UserError], client_mutation_id: str | None, removed: bool
) -> LinkPayload:
    if isinstance(outcome, list):
        return LinkPayload(user_errors=outcome, client_mutation_id=client_mutation_id)
    written = outcome.unlinked if removed else outcome.links
    return LinkPayload(
        relationships=[WrittenRelationship(written=link) for link in written],
        client_mutation_id=client_mutation_id,
    )


def _too_many(info: Info, count: int) -> UserError | None:
    cap = info.context.limits.max_page_size
    if count == 0 or count > cap:
        return user_error(InvalidInputError(f"give between 1 and {cap} links"))
    return None


@strawberry.type
class LinkMutation:
    @strawberry.mutation(
        description="Create relationships (restating one updates its properties).",
        extensions=[PermissionExtension(permissions=[Allowed(Action.LINK)])],
    )
    async def link(self, info: Info, input: LinkInput) -> LinkPayload | None:
        if (problem := _too_many(info, len(input.links))) is not None:
            return LinkPayload(user_errors=[problem], client_mutation_id=input.client_mutation_id)
        try:
            operations = [
                Link(
                    RelType(given.type.value),
                    reference(given.from_, f"links.{index}.from"),
                    reference(given.to, f"links.{index}.to"),
                    properties_of(given.properties),
                    f"links.{index}",
                )
                for index, given in enumerate(input.links)
            ]
            source = cited_source(input.source)
        except InvalidInputError as error:
            errors = [user_error(error)]
            return LinkPayload(user_errors=errors, client_mutation_id=input.client_mutation_id)
        outcome = await perform(
            info,
            operations,
            mutation="link",
            source=source,
            client_mutation_id=input.client_mutation_id,
        )
        return _payload(outcome, input.client_mutation_id, removed=False)

    @strawberry.mutation(
        description="Remove relationships; removing one that does not exist is an error.",
        extensions=[PermissionExtension(permissions=[Allowed(Action.UNLINK)])],
    )
    async def unlink(self, info: Info, input: UnlinkInput) -> LinkPayload | None:
        if (problem := _too_many(info, len(input.links))) is not None:
            return LinkPayload(user_errors=[problem], client_mutation_id=input.client_mutation_id)
        try:
            operations = []
            for index, given in enumerate(input.links):
                keys = {"role": given.role, "since": given.since, "period": given.period}
                stated = {name: value for name, value in keys.items() if value is not None}
                operations.append(
                    Unlink(
                        RelType(given.type.value),
                        reference(given.from_, f"links.{index}.from"),
                        reference(given.to, f"links.{index}.to"),
                        stated or None,
                        f"links.{index}",
                    )
                )
        except InvalidInputError as error:
            errors = [user_error(error)]
            return LinkPayload(user_errors=errors, client_mutation_id=input.client_mutation_id)
        outcome = await perform(
            info,
            operations,
            mutation="unlink",
            source=None,
            client_mutation_id=input.client_mutation_id,
        )
        return _payload(outcome, input.client_mutation_id, removed=True)
