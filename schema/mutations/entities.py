"""create/update/delete mutations for every entity type, built from one recipe per action.

The recipe is the same for all eight labels (check the role, build operations, run them in
one transaction, answer with the node or the user errors), so the 24 resolvers are made by
three factories from the label, its input types and its payload type.
"""

from __future__ import annotations

import re
import secrets
import unicodedata
from collections.abc import Callable
from typing import Any, Final, Optional

import strawberry
from strawberry.permission import PermissionExtension

from graph.declarations import DECLARED
from graph.errors import InvalidInputError
from graph.model import LANGUAGES, Label
from graph.writes.operations import CreateNode, DeleteNode, Operation, UpdateNode
from schema.context import Info
from schema.ids import to_global_id
from schema.mutations import inputs, payloads
from schema.mutations.common import (
    UserError,
    changes_of,
    cited_source,
    perform,
    reference,
    user_error,
)
from schema.mutations.link_inputs import node_links, participant_links
from schema.permissions import Action, Allowed, ownership_links
from schema.types.node_interface import entity

_NOT_SLUG: Final = re.compile(r"[^a-z0-9]+")


def new_slug(label: Label, given: Any) -> str:
    """A readable id from the display name (ASCII-folded); random when nothing is left."""
    name = getattr(given, "name", None) or getattr(given, "title", None)
    if isinstance(name, list):
        texts = {item.lang: item.text for item in name if item.text}
        name = next((texts[lang] for lang in LANGUAGES if lang in texts), "")
    folded = unicodedata.normalize("NFKD", str(name or "")).encode("ascii", "ignore").decode()
    words = _NOT_SLUG.sub("-", folded.lower()).strip("-")[:60].strip("-")
    return words or f"{label.value.lower()}-{secrets.token_hex(4)}"


def _payload(
    payload_type: type[payloads.Payload],
    field: str,
    given: Any,
    node: Any = None,
    errors: list[UserError] | None = None,
) -> Any:
    values: dict[str, Any] = {
        "user_errors": errors or [],
        "client_mutation_id": given.client_mutation_id,
    }
    if node is not None:
        values[field] = node
    return payload_type(**values)


def _a(label: Label) -> str:
    return f"an {label}" if label[0] in "AEIOU" else f"a {label}"


def _typed(resolver: Callable[..., Any], given: type, returns: type) -> Callable[..., Any]:
    resolver.__annotations__ = {"info": Info, "input": given, "return": Optional[returns]}  # noqa: UP045
    return resolver


Built = Callable[[], tuple[str, list[Operation]]]
"""A create's or update's node id and operations, from its input; raises on bad input."""


async def _written(
    info: Info, name: str, given: Any, answer: tuple[type[payloads.Payload], str], build: Built
) -> Any:
    """Build a create's or update's operations and run them in one transaction; the payload
    with the node, or the user errors (bad input changes nothing)."""
    returns, field = answer
    try:
        ident, operations = build()
        source = cited_source(given.source)
    except InvalidInputError as error:
        return _payload(returns, field, given, errors=[user_error(error)])
    outcome = await perform(
        info,
        operations,
        mutation=name,
        source=source,
        client_mutation_id=given.client_mutation_id,
    )
    if isinstance(outcome, list):
        return _payload(returns, field, given, errors=outcome)
    return _payload(returns, field, given, node=entity(outcome.nodes[ident]))


def _mutation(
    resolver: Callable[..., Any], action: Action, label: Label, types: tuple[type, type], said: str
) -> Any:
    """`<action><Label>`, allowed to whoever may take `action` on `label`."""
    given, returns = types
    return strawberry.mutation(
        resolver=_typed(resolver, given, returns),
        name=f"{action}{label}",
        description=said,
        extensions=[PermissionExtension(permissions=[Allowed(action, label)])],
    )


def create_field(label: Label, given: type, returns: type[payloads.Payload], field: str) -> Any:
    name = f"create{label}"

    async def create(info: Info, input: Any) -> Any:
        def build() -> tuple[str, list[Operation]]:
            ident = reference(input.id, "id") if input.id else new_slug(label, input)
            links = node_links(ident, input.links)
            if label is Label.EVENT:
                links += participant_links(ident, input.participants)
            operations: list[Operation] = [CreateNode(label, ident, changes_of(label, input))]
            operations += links + ownership_links(info.context.viewer, label, ident, links)
            return ident, operations

        return await _written(info, name, input, (returns, field), build)

    said = f"Create {_a(label)}, with links stated in the same input (all or nothing)."
    return _mutation(create, Action.CREATE, label, (given, returns), said)


def update_field(label: Label, given: type, returns: type[payloads.Payload], field: str) -> Any:
    name = f"update{label}"

    async def update(info: Info, input: Any) -> Any:
        def build() -> tuple[str, list[Operation]]:
            ident = reference(input.id, "id", [label])
            return ident, [UpdateNode(label, ident, changes_of(label, input))]

        return await _written(info, name, input, (returns, field), build)

    said = f"Change fields of {_a(label)}: fields left out stay, null removes."
    return _mutation(update, Action.UPDATE, label, (given, returns), said)


def delete_field(label: Label) -> Any:
    returns = payloads.DeletePayload

    async def delete(info: Info, input: inputs.DeleteInput) -> payloads.DeletePayload:
        try:
            ident = reference(input.id, "id", [label])
        except InvalidInputError as error:
            return returns(
                user_errors=[user_error(error)], client_mutation_id=input.client_mutation_id
            )
        operations = [DeleteNode(label, ident, cascade=input.cascade)]
        outcome = await perform(
            info,
            operations,
            mutation=f"delete{label}",
            source=None,
            client_mutation_id=input.client_mutation_id,
        )
        if isinstance(outcome, list):
            return returns(user_errors=outcome, client_mutation_id=input.client_mutation_id)
        return returns(
            deleted_id=strawberry.ID(to_global_id(label, ident)),
            client_mutation_id=input.client_mutation_id,
        )

    said = f"Delete {_a(label)}. Fails while other nodes link to it, unless `cascade`."
    return _mutation(delete, Action.DELETE, label, (inputs.DeleteInput, returns), said)


def _fields() -> dict[str, Any]:
    """create_<entity>, update_<entity> and delete_<entity> for every label, in schema order."""
    fields: dict[str, Any] = {}
    for label in DECLARED:
        key, returns = label.value.lower(), payloads.PAYLOADS[label]
        fields[f"create_{key}"] = create_field(label, inputs.CREATE_INPUTS[label], returns, key)
        fields[f"update_{key}"] = update_field(label, inputs.UPDATE_INPUTS[label], returns, key)
        fields[f"delete_{key}"] = delete_field(label)
    return fields


EntityMutation = strawberry.type(type("EntityMutation", (), _fields()))
