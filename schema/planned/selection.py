"""Collecting a selection's fields for one runtime type, the way graphql-core's executor does.

Fragments and inline fragments apply when their type condition is the runtime type or an
interface/union it belongs to; fields with the same response key merge (validation guarantees
they are the same field with the same arguments). Directives are refused: `@skip`/`@include`
depend on variables, and the planned path leaves such documents to the standard executor.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    NamedTypeNode,
    SelectionSetNode,
    is_abstract_type,
)

Fields = dict[str, list[FieldNode]]


class UnplannableError(Exception):
    """The planned path cannot answer this document exactly as the standard path would."""


class Selections:
    """Field collection for one document, cached per (runtime type, field nodes)."""

    def __init__(
        self, schema: GraphQLSchema, fragments: Mapping[str, FragmentDefinitionNode]
    ) -> None:
        self._schema = schema
        self._fragments = fragments
        self._cache: dict[tuple[str, tuple[int, ...]], Fields] = {}

    def root(self, runtime: GraphQLObjectType, selection_set: SelectionSetNode) -> Fields:
        fields: Fields = {}
        self._collect(runtime, selection_set, fields, set())
        return fields

    def sub(self, runtime: GraphQLObjectType, nodes: Sequence[FieldNode]) -> Fields:
        """The merged sub-selection of `nodes` (one response key's field nodes)."""
        key = (runtime.name, tuple(id(node) for node in nodes))
        found = self._cache.get(key)
        if found is None:
            found = {}
            for node in nodes:
                if node.selection_set is not None:
                    self._collect(runtime, node.selection_set, found, set())
            self._cache[key] = found
        return found

    def _collect(
        self,
        runtime: GraphQLObjectType,
        selection_set: SelectionSetNode,
        fields: Fields,
        visited: set[str],
    ) -> None:
        for selection in selection_set.selections:
            if selection.directives:
                raise UnplannableError("directives")
            if isinstance(selection, FieldNode):
                key = selection.alias.value if selection.alias else selection.name.value
                fields.setdefault(key, []).append(selection)
            elif isinstance(selection, InlineFragmentNode):
                if self._applies(selection.type_condition, runtime):
                    self._collect(runtime, selection.selection_set, fields, visited)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                fragment = self._fragments.get(name)
                if fragment is None or name in visited:
                    continue
                visited.add(name)
                if self._applies(fragment.type_condition, runtime):
                    self._collect(runtime, fragment.selection_set, fields, visited)

    def _applies(self, condition: NamedTypeNode | None, runtime: GraphQLObjectType) -> bool:
        if condition is None or condition.name.value == runtime.name:
            return True
        named = self._schema.get_type(condition.name.value)
        return (
            named is not None
            and is_abstract_type(named)
            and self._schema.is_sub_type(named, runtime)
        )
