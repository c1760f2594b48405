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


def create_field(label: Label, given: type, returns: type[payloads.Payload], field: str) -> Any:
    async def create(info: Info, input: Any) -> Any:
        try:
            ident = reference(input.id, "id") if input.id else new_slug(label, input)
            links = node_links(ident, input.links)
            if label is Label.EVENT:
                links += participant_links(ident, input.participants)
            operations: list[Operation] = [CreateNode(label, ident, changes_of(label, input))]
            operations += links + ownership_links(info.context.viewer, label, ident, links)
            source = cited_source(input.source)
        except InvalidInputError as error:
            return _payload(returns, field, input, errors=[user_error(error)])
        outcome = await perform(
            info,
            operations,
            mutation=f"create{label}",
            source=source,
            client_mutation_id=input.client_mutation_id,
        )
        if isinstance(outcome, list):
            return _payload(returns, field, input, errors=outcome)
        return _payload(returns, field, input, node=entity(outcome.nodes[ident]))

    return strawberry.mutation(
        resolver=_typed(create, given, returns),
        name=f"create{label}",
        description=f"Create {_a(label)}, with links stated in the same input (all or nothing).",
        extensions=[PermissionExtension(permissions=[Allowed(Action.CREATE, label)])],
    )


def update_field(label: Label, given: type, returns: type[payloads.Payload], field: str) -> Any:
    async def update(info: Info, input: Any) -> Any:
        try:
            ident = reference(input.id, "id", [label])
            operations = [UpdateNode(label, ident, changes_of(label, input))]
            source = cited_source(input.source)
        except InvalidInputError as error:
            return _payload(returns, field, input, errors=[user_error(error)])
        outcome = await perform(
            info,
            operations,
            mutation=f"update{label}",
            source=source,
            client_mutation_id=input.client_mutation_id,
        )
        if isinstance(outcome, list):
            return _payload(returns, field, input, errors=outcome)
        return _payload(returns, field, input, node=entity(outcome.nodes[ident]))

    return strawberry.mutation(
        resolver=_typed(update, given, returns),
        name=f"update{label}",
        description=f"Change fields of {_a(label)}: fields left out stay, null removes.",
        extensions=[PermissionExtension(permissions=[Allowed(Action.UPDATE, label)])],
    )


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

    return strawberry.mutation(
        resolver=_typed(delete, inputs.DeleteInput, returns),
        name=f"delete{label}",
        description=f"Delete {_a(label)}. Fails while other nodes link to it, unless `cascade`.",
        extensions=[PermissionExtension(permissions=[Allowed(Action.DELETE, label)])],
    )


@strawberry.type
class EntityMutation:
    create_expert = create_field(
        Label.EXPERT, inputs.CreateExpertInput, payloads.ExpertPayload, "expert"
    )
    update_expert = update_field(
        Label.EXPERT, inputs.UpdateExpertInput, payloads.ExpertPayload, "expert"
    )
    delete_expert = delete_field(Label.EXPERT)
    create_agency = create_field(
        Label.AGENCY, inputs.CreateAgencyInput, payloads.AgencyPayload, "agency"
    )
    update_agency = update_field(
        Label.AGENCY, inputs.UpdateAgencyInput, payloads.AgencyPayload, "agency"
    )
    delete_agency = delete_field(Label.AGENCY)
    create_country = create_field(
        Label.COUNTRY, inputs.CreateCountryInput, payloads.CountryPayload, "country"
    )
    update_country = update_field(
        Label.COUNTRY, inputs.UpdateCountryInput, payloads.CountryPayload, "country"
    )
    delete_country = delete_field(Label.COUNTRY)
    create_place = create_field(
        Label.PLACE, inputs.CreatePlaceInput, payloads.PlacePayload, "place"
    )
    update_place = update_field(
        Label.PLACE, inputs.UpdatePlaceInput, payloads.PlacePayload, "place"
    )
    delete_place = delete_field(Label.PLACE)
    create_programme = create_field(
        Label.PROGRAMME, inputs.CreateProgrammeInput, payloads.ProgrammePayload, "programme"
    )
    update_programme = update_field(
        Label.PROGRAMME, inputs.UpdateProgrammeInput, payloads.ProgrammePayload, "programme"
    )
    delete_programme = delete_field(Label.PROGRAMME)
    create_event = create_field(
        Label.EVENT, inputs.CreateEventInput, payloads.EventPayload, "event"
    )
    update_event = update_field(
        Label.EVENT, inputs.UpdateEventInput, payloads.EventPayload, "event"
    )
    delete_event = delete_field(Label.EVENT)
    create_topic = create_field(
        Label.TOPIC, inputs.CreateTopicInput, payloads.TopicPayload, "topic"
    )
    update_topic = update_field(
        Label.TOPIC, inputs.UpdateTopicInput, payloads.TopicPayload, "topic"
    )
    delete_topic = delete_field(Label.TOPIC)
    create_resource = create_field(
        Label.RESOURCE, inputs.CreateResourceInput, payloads.ResourcePayload, "resource"
    )
    update_resource = update_field(
        Label.RESOURCE, inputs.UpdateResourceInput, payloads.ResourcePayload, "resource"
    )
    delete_resource = delete_field(Label.RESOURCE)
