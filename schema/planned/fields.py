"""How the planned path resolves each field, decided once per (type, field) from the schema.

Every value still comes from the types' own code: plain attributes are read, synchronous
resolvers are called with their arguments, relationship fields are built by the same
connection builders as the standard resolvers (`schema/relations.py`). Fields the planned path
cannot reproduce exactly (permission checks, other asynchronous resolvers) are `UNSUPPORTED`,
and a query selecting one is left to the standard executor.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum, auto
from typing import Any

import strawberry
from graphql import GraphQLNamedType, GraphQLObjectType, get_named_type
from strawberry.types.base import StrawberryObjectDefinition
from strawberry.types.field import StrawberryField

from graph.model import Label
from graph.repositories import REPOSITORIES
from schema.relations import CONNECTION_BUILDERS, ConnectionBuilder


class Kind(Enum):
    PLAIN = auto()
    """An attribute of the object."""
    CALL = auto()
    """A synchronous resolver of the object's type."""
    RELATION = auto()
    """A connection over a repository relation (fetched ahead by the plan)."""
    TO_ONE = auto()
    """A single related node over a repository relation (fetched ahead by the plan)."""
    UNSUPPORTED = auto()


@dataclass(frozen=True, slots=True)
class FieldPlan:
    kind: Kind
    python_name: str = ""
    field: StrawberryField | None = None
    call: Callable[..., Any] | None = None
    info_name: str | None = None
    label: Label | None = None
    builder: ConnectionBuilder | None = None


UNSUPPORTED = FieldPlan(Kind.UNSUPPORTED)


class FieldTable:
    """Field plans of one schema, computed on first use."""

    def __init__(self, schema: strawberry.Schema) -> None:
        self._schema = schema
        self._plans: dict[tuple[str, str], FieldPlan] = {}
        self._fields: dict[tuple[str, str], StrawberryField | None] = {}

    def get(self, parent: GraphQLObjectType, name: str) -> FieldPlan:
        key = (parent.name, name)
        plan = self._plans.get(key)
        if plan is None:
            plan = self._plan(parent, name)
            self._plans[key] = plan
        return plan

    def strawberry_field(self, parent: str, name: str) -> StrawberryField | None:
        key = (parent, name)
        if key not in self._fields:
            self._fields[key] = self._find(parent, name)
        return self._fields[key]

    def _find(self, parent: str, name: str) -> StrawberryField | None:
        definition = self._schema.get_type_by_name(parent)
        if not isinstance(definition, StrawberryObjectDefinition):
            return None
        converter = self._schema.config.name_converter
        for field in definition.fields:
            if converter.get_graphql_name(field) == name:
                return field
        return None

    def _plan(self, parent: GraphQLObjectType, name: str) -> FieldPlan:
        field = self.strawberry_field(parent.name, name)
        if field is None or field.extensions:
            return UNSUPPORTED
        resolver = field.base_resolver
        if resolver is None:
            return FieldPlan(Kind.PLAIN, field.python_name, field)
        relation = _relation_plan(parent, name, field)
        if relation is not None:
            return relation
        if resolver.is_async or resolver.parent_parameter or resolver.root_parameter:
            return UNSUPPORTED
        if resolver.self_parameter is None:
            return UNSUPPORTED
        info = resolver.info_parameter
        return FieldPlan(
            Kind.CALL,
            field.python_name,
            field,
            call=resolver.wrapped_func,  # type: ignore[arg-type]
            info_name=info.name if info is not None else None,
        )


def _relation_plan(
    parent: GraphQLObjectType, name: str, field: StrawberryField
) -> FieldPlan | None:
    """RELATION/TO_ONE for an entity's field that a repository declares as a relation."""
    if parent.name not in Label.__members__.values():
        return None
    label = Label(parent.name)
    if name not in REPOSITORIES[label].relations:
        return None
    returned: GraphQLNamedType = get_named_type(parent.fields[name].type)
    if not returned.name.endswith("Connection"):
        return FieldPlan(Kind.TO_ONE, field.python_name, field, label=label)
    suffix = max(
        (suffix for suffix in CONNECTION_BUILDERS if returned.name.endswith(suffix)), key=len
    )
    return FieldPlan(
        Kind.RELATION, field.python_name, field, label=label, builder=CONNECTION_BUILDERS[suffix]
    )
