"""The `info` that resolvers called by the planned path receive."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from graphql import FieldNode, FragmentDefinitionNode
from strawberry.types.nodes import Selection, convert_selections

from schema.context import Context


@dataclass(frozen=True, slots=True)
class PlannedInfo:
    """`context`, and the selection under the field being resolved (`selected_fields`, as
    Strawberry's `Info` gives it), which is all the hub's resolvers read."""

    context: Context
    field_nodes: Sequence[FieldNode] = ()
    fragments: Mapping[str, FragmentDefinitionNode] = field(default_factory=dict)
    variable_values: Any = None

    def under(self, field_nodes: Sequence[FieldNode]) -> PlannedInfo:
        """The same request's info for the field made of `field_nodes`."""
        return replace(self, field_nodes=field_nodes)

    @property
    def selected_fields(self) -> list[Selection]:
        """Empty for the request-wide info that nested fields get: their selection is then
        unknown, and resolvers that look at it must assume every field is asked for."""
        return convert_selections(self, self.field_nodes)  # type: ignore[arg-type]
