"""API keys over GraphQL (admins only), the audit trail, and who the caller is."""

from __future__ import annotations

from datetime import datetime
from enum import Enum

import strawberry
from strawberry.permission import PermissionExtension

from graph.auditing.trail import AuditEntry, audit_log, entity_sources
from graph.database.accounts import ApiKeyRecord, create_key, list_keys, revoke_key
from graph.errors import InvalidInputError, NotFoundError
from graph.writes.principal import Role
from schema.context import Info
from schema.mutations.common import reference, user_error
from schema.mutations.enums import KeyRole
from schema.mutations.payloads import Payload
from schema.permissions import Action, Allowed, shown_source
from schema.types.copied import copied


@strawberry.type(description="An API key as lists show it: never its secret.")
class ApiKey:
    record: strawberry.Private[ApiKeyRecord]

    key_id = copied("record.key_id", str)
    name = copied("record.name", str)
    role = copied("record.role.value", str)
    agency = copied("record.agency", str | None)
    created_at = copied("record.created_at", datetime)
    revoked_at = copied("record.revoked_at", datetime | None)


@strawberry.input
class CreateApiKeyInput:
    name: str
    role: Enum = strawberry.field(graphql_type=KeyRole)
    agency: strawberry.ID | None = strawberry.field(
        default=None, description="Partner keys only: the agency (ID or slug) it acts for."
    )
    client_mutation_id: str | None = None


@strawberry.type
class CreateApiKeyPayload(Payload):
    api_key: ApiKey | None = None
    secret: str | None = strawberry.field(
        default=None, description="The key to send as `Authorization: ApiKey …`; shown once."
    )


@strawberry.input
class RevokeApiKeyInput:
    key_id: str
    client_mutation_id: str | None = None


@strawberry.type
class RevokeApiKeyPayload(Payload):
    api_key: ApiKey | None = None


@strawberry.type(description="One recorded change: who, when, from which source, what.")
class AuditRecord:
    entry: strawberry.Private[AuditEntry]

    at = copied("entry.at", datetime)
    sequence = copied(
        "entry.sequence",
        int | None,
        "Place in the whole log, in commit order (null until numbered).",
    )
    actor = copied("entry.actor", str)
    role = copied("entry.role", str)
    mutation = copied("entry.mutation", str)
    operation = copied("entry.operation", str)
    label = copied("entry.label", str)
    entity = copied("entry.entity", str, "Slug of the entity written (the start node of a link).")
    relationship_type = copied("entry.rel_type", str | None)
    target = copied("entry.target", str | None, "Slug of a link's end node.")
    source = copied("entry.source", str | None)
    before = copied(
        "entry.before", str | None, "JSON summary before the change (personal data redacted)."
    )
    after = copied(
        "entry.after", str | None, "JSON summary after the change (personal data redacted)."
    )


@strawberry.type(description="Who the hub takes the caller to be.")
class Viewer:
    role: str
    subject: str
    agency: str | None


@strawberry.type
class AccountMutation:
    @strawberry.mutation(
        description="Issue an API key (admins only); the secret is in the payload, once.",
        extensions=[PermissionExtension(permissions=[Allowed(Action.MANAGE_KEYS)])],
    )
    async def create_api_key(self, info: Info, input: CreateApiKeyInput) -> CreateApiKeyPayload:
        client_id = input.client_mutation_id
        try:
            agency = reference(input.agency, "agency") if input.agency is not None else None
            issued = await create_key(
                info.context.cypher,
                name=input.name,
                role=Role(input.role.value),
                agency=agency,
                created_by=info.context.viewer,
            )
        except (InvalidInputError, NotFoundError) as error:
            return CreateApiKeyPayload(
                user_errors=[user_error(error)], client_mutation_id=client_id
            )
        return CreateApiKeyPayload(
            api_key=ApiKey(record=issued.record), secret=issued.secret, client_mutation_id=client_id
        )

    @strawberry.mutation(
        description="Revoke an API key at once (admins only).",
        extensions=[PermissionExtension(permissions=[Allowed(Action.MANAGE_KEYS)])],
    )
    async def revoke_api_key(self, info: Info, input: RevokeApiKeyInput) -> RevokeApiKeyPayload:
        client_id = input.client_mutation_id
        try:
            record = await revoke_key(
                info.context.cypher, input.key_id, revoked_by=info.context.viewer
            )
        except NotFoundError as error:
            return RevokeApiKeyPayload(
                user_errors=[user_error(error)], client_mutation_id=client_id
            )
        return RevokeApiKeyPayload(api_key=ApiKey(record=record), client_mutation_id=client_id)


@strawberry.type
class AccountQuery:
    @strawberry.field(description="Who the hub takes the caller to be.")
    def viewer(self, info: Info) -> Viewer:
        viewer = info.context.viewer
        return Viewer(role=viewer.role.value, subject=viewer.subject, agency=viewer.agency)

    @strawberry.field(
        description="Every API key, revoked ones included (admins only).",
        extensions=[PermissionExtension(permissions=[Allowed(Action.MANAGE_KEYS)])],
    )
    async def api_keys(self, info: Info) -> list[ApiKey]:
        return [ApiKey(record=record) for record in await list_keys(info.context.cypher)]

    @strawberry.field(
        description="Recorded changes, newest first: of one entity (ID or slug; as the node "
        "written or a link's far end) and/or since a time (editors and admins).",
        extensions=[PermissionExtension(permissions=[Allowed(Action.READ_AUDIT)])],
    )
    async def audit_log(
        self,
        info: Info,
        entity: strawberry.ID | None = None,
        since: datetime | None = None,
        first: int = 50,
    ) -> list[AuditRecord]:
        slug = reference(entity, "entity") if entity is not None else None
        first = max(1, min(first, info.context.limits.max_page_size))
        entries = await audit_log(info.context.cypher, entity=slug, since=since, first=first)
        return [AuditRecord(entry=entry) for entry in entries]

    @strawberry.field(
        description="Every source (Resource slug; an account for editors and admins, `contributed` "
        "for others) that "
        "stated something about the entity, its links, or its changes."
    )
    async def entity_sources(self, info: Info, id: strawberry.ID) -> list[str]:
        sources = await entity_sources(info.context.cypher, reference(id, "id"))
        shown = (shown_source(info.context.viewer, source) for source in sources)
        return sorted({source for source in shown if source is not None})
