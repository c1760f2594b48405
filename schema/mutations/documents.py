"""`importDocument`: a page with `{mlang}` blocks becomes a Resource linked to what it names."""

from __future__ import annotations

from typing import Final

import strawberry
from strawberry.permission import PermissionExtension

from graph.errors import InvalidInputError
from schema.context import Info
from schema.loaders import loaders
from schema.mutations.common import SourcePosition, UserError, UserErrorCode, user_error
from schema.mutations.payloads import Payload
from schema.permissions import Action, Allowed
from schema.types.node_interface import Node, entity
from schema.types.resource import Resource
from seed.document_import import MlangSyntaxError, import_document

MAX_MARKUP: Final = 1_000_000


@strawberry.input
class ImportDocumentInput:
    markup: str = strawberry.field(description="The page, with Moodle `{mlang xx}` blocks.")
    source_url: str = strawberry.field(description="Where it comes from: one Resource per URL.")
    published_at: str | None = strawberry.field(default=None, description="Partial ISO date.")
    client_mutation_id: str | None = None


@strawberry.type(description="An entity the document names, and how it was spelled there.")
class LinkedMention:
    node: Node
    found: list[str]


@strawberry.type
class ImportDocumentPayload(Payload):
    resource: Resource | None = None
    created: bool = strawberry.field(default=False, description="A new Resource was made.")
    changed: bool = strawberry.field(
        default=False, description="False when the same document was imported already."
    )
    linked: list[LinkedMention] = strawberry.field(default_factory=list)
    unmatched: list[str] = strawberry.field(
        default_factory=list, description="Name-like phrases that match no known entity."
    )
    ambiguous: list[str] = strawberry.field(
        default_factory=list, description="Names that several entities carry (not linked)."
    )


def _markup_error(error: MlangSyntaxError) -> UserError:
    return UserError(
        field="markup",
        message=error.message,
        code=UserErrorCode.BAD_USER_INPUT,
        position=SourcePosition(offset=error.position, line=error.line, column=error.column),
    )


@strawberry.type
class DocumentMutation:
    @strawberry.mutation(
        description="Store a document as a Resource (updating the one of its URL) and link it "
        "to the entities it names in any language.",
        extensions=[PermissionExtension(permissions=[Allowed(Action.IMPORT)])],
    )
    async def import_document(
        self, info: Info, input: ImportDocumentInput
    ) -> ImportDocumentPayload | None:
        client_id = input.client_mutation_id
        if len(input.markup) > MAX_MARKUP:
            problem = user_error(InvalidInputError(f"markup longer than {MAX_MARKUP} characters"))
            return ImportDocumentPayload(user_errors=[problem], client_mutation_id=client_id)
        try:
            report = await import_document(
                info.context.cypher,
                input.markup,
                source_url=input.source_url,
                published=input.published_at,
                principal=info.context.viewer,
            )
        except MlangSyntaxError as error:
            errors = [_markup_error(error)]
            return ImportDocumentPayload(user_errors=errors, client_mutation_id=client_id)
        except InvalidInputError as error:
            errors = [user_error(error)]
            return ImportDocumentPayload(user_errors=errors, client_mutation_id=client_id)
        stored = report.stored
        resource = entity(stored.resource)
        assert isinstance(resource, Resource)
        refs = [(mention.label, mention.id) for mention in report.linked]
        records = await loaders(info).nodes.load_many(refs)
        linked = [
            LinkedMention(node=entity(record), found=list(mention.found))
            for mention, record in zip(report.linked, records, strict=True)
            if record is not None
        ]
        return ImportDocumentPayload(
            resource=resource,
            created=stored.created,
            changed=stored.changed,
            linked=linked,
            unmatched=list(report.unmatched),
            ambiguous=list(report.ambiguous),
            client_mutation_id=client_id,
        )
