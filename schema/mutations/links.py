"""`link` and `unlink`: relationships of any type, several per mutation, all or nothing."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

import strawberry
from strawberry.permission import PermissionExtension

from graph.errors import InvalidInputError
from graph.model import RelType
from graph.writes.operations import Link, Operation, Unlink, WriteOutcome, WrittenLink
from schema.context import Info
from schema.loaders import loaders
from schema.mutations.common import UserError, cited_source, perform, reference, user_error
from schema.mutations.link_inputs import LinkPropertiesInput, properties_of
from schema.mutations.payloads import Payload
from schema.network.arguments import RelationshipType
from schema.permissions import Action, Allowed, shown_source
from schema.types.copied import copied
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


def _carried(name: str, shown: type) -> Any:
    """A property of the written relationship, shown as is (null when it has none)."""

    def resolve(root: WrittenRelationship) -> Any:
        return getattr(root.written.relationship, name)

    return strawberry.field(resolver=resolve, graphql_type=shown | None)


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

    role = _carried("role", str)
    since = _carried("since", str)
    until = _carried("until", str)
    count = _carried("count", int)
    amount = _carried("amount", float)
    currency = _carried("currency", str)
    note = _carried("note", str)

    @strawberry.field
    def source(self, info: Info) -> str | None:
        return shown_source(info.context.viewer, self.written.relationship.source)

    written_at = copied("written.relationship.written_at", datetime | None)


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


def _ends(given: Any, index: int) -> tuple[RelType, str, str]:
    """A link input's type and the slugs of its two ends."""
    start = reference(given.from_, f"links.{index}.from")
    return RelType(given.type.value), start, reference(given.to, f"links.{index}.to")


async def _run(
    info: Info,
    given: Any,
    mutation: str,
    planned: Callable[[], tuple[Sequence[Operation], str | None]],
) -> LinkPayload:
    """Check the batch size, plan the operations (bad input answers `userErrors`), run them."""
    client_id = given.client_mutation_id
    if (problem := _too_many(info, len(given.links))) is not None:
        return LinkPayload(user_errors=[problem], client_mutation_id=client_id)
    try:
        operations, source = planned()
    except InvalidInputError as error:
        return LinkPayload(user_errors=[user_error(error)], client_mutation_id=client_id)
    outcome = await perform(
        info, operations, mutation=mutation, source=source, client_mutation_id=client_id
    )
    return _payload(outcome, client_id, removed=mutation == "unlink")


@strawberry.type
class LinkMutation:
    @strawberry.mutation(
        description="Create relationships (restating one updates its properties).",
        extensions=[PermissionExtension(permissions=[Allowed(Action.LINK)])],
    )
    async def link(self, info: Info, input: LinkInput) -> LinkPayload | None:
        def planned() -> tuple[list[Link], str | None]:
            links = [
                Link(*_ends(given, index), properties_of(given.properties), f"links.{index}")
                for index, given in enumerate(input.links)
            ]
            return links, cited_source(input.source)

        return await _run(info, input, "link", planned)

    @strawberry.mutation(
        description="Remove relationships; removing one that does not exist is an error.",
        extensions=[PermissionExtension(permissions=[Allowed(Action.UNLINK)])],
    )
    async def unlink(self, info: Info, input: UnlinkInput) -> LinkPayload | None:
        def planned() -> tuple[list[Unlink], None]:
            operations = []
            for index, given in enumerate(input.links):
                keys = {"role": given.role, "since": given.since, "period": given.period}
                stated = {name: value for name, value in keys.items() if value is not None}
                operations.append(Unlink(*_ends(given, index), stated or None, f"links.{index}"))
            return operations, None

        return await _run(info, input, "unlink", planned)
