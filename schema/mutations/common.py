"""What every mutation shares: user errors, multilingual input, references, running writes.

Mutations follow Relay's style: one `input` argument carrying `clientMutationId`, and a
payload with the changed node and `userErrors`. What the caller can fix (a bad value, a
missing id, a conflict) comes back as `userErrors` with nothing written; what the caller may
not do at all comes back as a GraphQL error coded UNAUTHENTICATED or FORBIDDEN.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from enum import Enum
from typing import Any, Final

import strawberry
from graphql import GraphQLError

from graph.errors import ConflictError, InvalidInputError, NotFoundError
from graph.model import LANGUAGES, MULTILINGUAL_FIELDS, Label
from graph.writes.executor import apply_writes
from graph.writes.fields import NodeChanges
from graph.writes.operations import Operation, WriteOutcome
from graph.writes.refusals import InvalidFieldError, OutOfScopeError
from graph.writes.values import slug
from schema.context import Info
from schema.ids import from_global_id
from schema.loaders import after_write
from schema.permissions import ForbiddenError, agency_scope

NOT_CHANGES: Final = frozenset(
    {"id", "source", "links", "client_mutation_id", "participants", "cascade"}
)
"""Input fields that steer the write rather than become node properties."""


@strawberry.enum(description="Why a mutation could not be carried out as asked.")
class UserErrorCode(Enum):
    BAD_USER_INPUT = "BAD_USER_INPUT"
    NOT_FOUND = "NOT_FOUND"
    CONFLICT = "CONFLICT"


@strawberry.type(description="Where in a text a problem is (offset from 0, line/column from 1).")
class SourcePosition:
    offset: int
    line: int
    column: int


@strawberry.type(description="A problem with the input; nothing was written.")
class UserError:
    field: str | None = strawberry.field(description="Input path at fault, e.g. `links.1.to`.")
    message: str
    code: UserErrorCode
    position: SourcePosition | None = None


@strawberry.input(description="Text in one language; `text: null` removes that language.")
class LangTextInput:
    lang: str = strawberry.field(description="en, ru, az or tg.")
    text: str | None = None


def user_error(error: Exception) -> UserError:
    field = getattr(error, "field", None)
    if isinstance(error, NotFoundError):
        return UserError(field=field, message=str(error), code=UserErrorCode.NOT_FOUND)
    if isinstance(error, ConflictError):
        return UserError(field=field, message=str(error), code=UserErrorCode.CONFLICT)
    message = error.message if isinstance(error, InvalidFieldError) else str(error)
    return UserError(field=field, message=message, code=UserErrorCode.BAD_USER_INPUT)


def reference(value: str, field: str, labels: Sequence[Label] | None = None) -> str:
    """The slug an input names, given a global ID (`node.id`) or the slug itself."""
    text = str(value)
    try:
        label, ident = from_global_id(text)
    except GraphQLError:
        return slug(field, text)
    if labels is not None and label not in labels:
        raise InvalidFieldError(field, f"{text!r} names a {label}, not a {' or '.join(labels)}")
    return slug(field, ident)


def changes_of(label: Label, given: Any) -> NodeChanges:
    """The node properties an input object states (unset fields are left alone)."""
    values: dict[str, Any] = {}
    texts: dict[str, dict[str, str | None]] = {}
    for spec in dataclasses.fields(given):
        value = getattr(given, spec.name)
        if spec.name in NOT_CHANGES or value is strawberry.UNSET:
            continue
        name = _camel(spec.name)
        if name in MULTILINGUAL_FIELDS[label]:
            texts[name] = _texts(name, value)
        elif isinstance(value, Enum):
            values[name] = value.value
        else:
            values[name] = value
    return NodeChanges(values=values, texts=texts)


def _texts(name: str, items: list[LangTextInput] | None) -> dict[str, str | None]:
    if items is None:
        return dict.fromkeys(LANGUAGES)
    per_language: dict[str, str | None] = {}
    for index, item in enumerate(items):
        if item.lang in per_language:
            raise InvalidFieldError(f"{name}.{index}.lang", f"{item.lang!r} is given twice")
        per_language[item.lang] = item.text
    return per_language


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def cited_source(value: str | None) -> str | None:
    """The Resource an input cites as its source (checked to exist inside the write)."""
    return None if value is None else reference(value, "source", [Label.RESOURCE])


def idempotency_key(info: Info, client_mutation_id: str | None) -> str | None:
    """The key this mutation lands once under: the request's `Idempotency-Key` with the
    field's response name (a request may hold several mutations), else `clientMutationId`."""
    header = info.context.idempotency_key
    if header is not None:
        return f"{header}\x00{info.path.key}"
    return client_mutation_id or None


async def perform(
    info: Info,
    operations: Sequence[Operation],
    *,
    mutation: str,
    source: str | None,
    client_mutation_id: str | None = None,
) -> WriteOutcome | list[UserError]:
    """Run the writes as the viewer; a partner stepping outside its agency is FORBIDDEN."""
    viewer = info.context.viewer
    try:
        outcome = await apply_writes(
            info.context.cypher,
            operations,
            principal=viewer,
            mutation=mutation,
            cited_source=source,
            agency_scope=agency_scope(viewer),
            idempotency_key=idempotency_key(info, client_mutation_id),
        )
    except OutOfScopeError as error:
        raise ForbiddenError(f"partners write only their own agency's records: {error}") from None
    except (InvalidInputError, NotFoundError, ConflictError) as error:
        return [user_error(error)]
    after_write(info, outcome)
    return outcome
