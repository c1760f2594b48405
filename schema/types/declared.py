"""GraphQL entity types built from the declarations in `graph/declarations/`.

@neo4j/graphql derives its resolvers from type definitions; here each entity's declaration
gives its plain fields (each a plain attribute reading the record attribute of the same name), its
multilingual texts (with a `lang` argument) and its relation fields (a connection with
`first`/`after`/`last`/`before`, or one node), in the declared order. A type module adds only
what no declaration can say: a composite field (a programme's budget) or a network field.
"""

from __future__ import annotations

from collections.abc import Mapping
from operator import attrgetter
from typing import Any, Final, cast

import strawberry
from strawberry.permission import BasePermission

from graph.declarations import DECLARED
from graph.declarations.spec import Edge, Field, Relation, Scalar, Text
from graph.model import Label
from graph.repositories.records import NodeRecord
from schema.context import Info
from schema.paging import paged
from schema.permissions import CanReadPersonalData
from schema.relations import ParticipationRole, one, related
from schema.types.connection import (
    Connection,
    FundingConnection,
    ImplementationConnection,
    MembershipConnection,
    ParticipationConnection,
)
from schema.types.copied import attribute_field
from schema.types.node_interface import Node, register
from schema.types.refs import REFS
from schema.types.text import LocalizedText, record_text

SHOWN: Final[dict[Scalar, Any]] = {
    Scalar.TEXT: str | None,
    Scalar.INT: int | None,
    Scalar.NUMBER: float | None,
    Scalar.FLAG: bool | None,
    Scalar.TEXTS: list[str],
}
"""The GraphQL type of a plain field by what it holds (absent values read as null or [])."""

CONNECTIONS: Final[dict[Edge, Any]] = {
    Edge.PLAIN: Connection,
    Edge.MEMBERSHIP: MembershipConnection,
    Edge.PARTICIPATION: ParticipationConnection,
    Edge.FUNDING: FundingConnection,
    Edge.IMPLEMENTATION: ImplementationConnection,
}


def _plain(field: Field) -> Any:
    """A plain attribute reading the record's attribute of the same name (a personal one
    behind its permission, which Strawberry then checks around the default resolver)."""
    permissions: list[type[BasePermission]] = [CanReadPersonalData] if field.personal else []
    return attribute_field(
        attrgetter(f"record.{field.name}"),
        SHOWN[field.scalar],
        field.doc,
        permission_classes=permissions,
    )


def _text(text: Text) -> Any:
    key = text.key

    def resolve(root: Node, info: Info, lang: str | None = None) -> LocalizedText | None:
        return record_text(info, root.record, key, lang)

    return strawberry.field(resolver=resolve, description=text.doc)


def _relation(relation: Relation) -> Any:
    key, target = relation.key, REFS[relation.target] if relation.target else Node
    if relation.edge is Edge.ONE:

        async def resolve_one(root: Node, info: Info) -> Any:
            return await one(info, root.record, key)

        return strawberry.field(
            resolver=resolve_one, graphql_type=target | None, description=relation.doc
        )
    edge = relation.edge

    async def resolve(
        root: Node, info: Info, role: ParticipationRole | None = None, **paging: Any
    ) -> Any:
        return await related(info, root.record, key, edge, role, **paging)

    return strawberry.field(
        resolver=paged(resolve, without=() if relation.by_role else ("role",)),
        graphql_type=CONNECTIONS[edge][target],
        description=relation.doc,
    )


def entity_type(
    label: Label,
    *,
    before_relations: Mapping[str, Any] | None = None,
    after: Mapping[str, Any] | None = None,
) -> type[Node]:
    """The GraphQL type of `label`'s declaration, registered for its records.

    `before_relations` and `after` are fields the type module adds by hand, placed after the
    plain fields and after the relations (the exported schema's field order).
    """
    entity = DECLARED[label]
    namespace: dict[str, Any] = {
        "__annotations__": {"record": strawberry.Private[NodeRecord]},
        "__module__": f"schema.types.{label.value.lower()}",
    }
    namespace.update({text.key: _text(text) for text in entity.texts})
    namespace.update({field.name: _plain(field) for field in entity.fields if field.shown})
    namespace.update(before_relations or {})
    namespace.update({relation.name: _relation(relation) for relation in entity.relations})
    namespace.update(after or {})
    made = strawberry.type(type(entity.name, (Node,), namespace), description=entity.doc)
    return register(label)(cast(type[Node], made))
