"""Turning resolved objects into the response, field by field, as graphql-core would.

Per request and per (type, selection) the fields are prepared once into steps (plan, converted
arguments, leaf serializer), so a list of 200 nodes costs a loop over ready steps rather than
a schema lookup, an argument conversion and a type dispatch per field. Values come from the
types' own attributes and resolvers, and relationship fields from the pages the plan loaded.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from graphql import (
    FieldNode,
    GraphQLEnumType,
    GraphQLField,
    GraphQLID,
    GraphQLLeafType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLSchema,
    GraphQLString,
    is_abstract_type,
    is_leaf_type,
)
from strawberry.types.base import get_object_definition

from graph.plans import Fetch, Fetched
from schema.planned.fetches import FetchKeys
from schema.planned.fields import FieldPlan, FieldTable, Kind
from schema.planned.info import PlannedInfo
from schema.planned.selection import Selections, UnplannableError
from schema.relations import relation_ordering
from schema.types.node import entity

Converter = Callable[[str, str, GraphQLField, FieldNode], dict[str, Any]]


@dataclass(slots=True)
class Prefetched:
    """Relationship pages loaded for the objects of one response, by object identity."""

    keys: FetchKeys
    pages: dict[int, dict[str, tuple[Fetch, Fetched]]] = field(default_factory=dict)
    keep: list[Any] = field(default_factory=list)

    def attach(
        self, obj: Any, keys: Sequence[str], fetches: Sequence[Fetch], nested: Sequence[Fetched]
    ) -> None:
        if keys:
            self.keep.append(obj)
            self.pages[id(obj)] = dict(zip(keys, zip(fetches, nested, strict=True), strict=True))

    def related(self, owner: Any, name: str, key: str, plan: FieldPlan) -> Any:
        """The connection (or node, for to-one fields) built from the page loaded for `key`."""
        pages = self.pages.get(id(owner))
        if pages is None or key not in pages:
            raise UnplannableError(f"relationship {name} was not planned here")
        fetch, fetched = pages[key]
        child_keys = self.keys.children.get(id(fetch), ())
        if plan.builder is None:
            if not fetched.page.rows:
                return None
            obj = entity(fetched.page.rows[0].node)
            self.attach(obj, child_keys, fetch.children, fetched.nested[0])
            return obj
        built = plan.builder(fetched.page, relation_ordering(owner.record, name))
        for obj, nested in zip(built.nodes, fetched.nested, strict=True):
            self.attach(obj, child_keys, fetch.children, nested)
        return built


@dataclass(frozen=True, slots=True)
class _Step:
    key: str
    name: str
    plan: FieldPlan | None
    """None for `__typename`."""
    kind: GraphQLOutputType
    nodes: list[FieldNode]
    kwargs: dict[str, Any]
    leaf: Callable[[Any], Any] | None
    """Serializer when the field is a (non-null) scalar or enum."""
    non_null: bool


def _leaf(kind: GraphQLOutputType) -> tuple[Callable[[Any], Any] | None, bool]:
    non_null = isinstance(kind, GraphQLNonNull)
    inner = kind.of_type if isinstance(kind, GraphQLNonNull) else kind
    if not is_leaf_type(inner):
        return None, non_null
    assert isinstance(inner, GraphQLLeafType)
    serialize = inner.serialize
    if inner is GraphQLString or inner is GraphQLID:
        return (lambda value: value if type(value) is str else serialize(value)), non_null
    if isinstance(inner, GraphQLEnumType):
        return _remembered(serialize), non_null
    return serialize, non_null


def _remembered(serialize: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """An enum serializer that serializes each value once per request and selection.

    Strawberry's enum serializer scans every member of the enum for each value; a 200-node
    neighbourhood has some 400 edges but only a dozen relationship types.
    """
    names: dict[Any, Any] = {}

    def leaf(value: Any) -> Any:
        try:
            name = names.get(value)
        except TypeError:  # unhashable: not an enum member or name
            return serialize(value)
        if name is None:
            name = names[value] = serialize(value)
        return name

    return leaf


class Completer:
    def __init__(
        self,
        schema: GraphQLSchema,
        table: FieldTable,
        selections: Selections,
        info: PlannedInfo,
        converted: Converter,
        prefetched: Prefetched,
    ) -> None:
        self._schema = schema
        self._table = table
        self._selections = selections
        self._info = info
        self._converted = converted
        self._prefetched = prefetched
        self._steps: dict[tuple[str, int], tuple[list[FieldNode], list[_Step]]] = {}

    def complete(self, value: Any, kind: GraphQLOutputType, nodes: list[FieldNode]) -> Any:
        if isinstance(kind, GraphQLNonNull):
            completed = self.complete(value, kind.of_type, nodes)
            if completed is None:
                raise UnplannableError("null in a non-null field")
            return completed
        if value is None:
            return None
        if isinstance(kind, GraphQLList):
            return [self.complete(item, kind.of_type, nodes) for item in value]
        if is_leaf_type(kind):
            return kind.serialize(value)
        runtime = kind
        if is_abstract_type(kind):
            definition = get_object_definition(type(value))
            if definition is None:
                raise UnplannableError("an abstract field's value has no type")
            runtime = self._schema.get_type(definition.name)  # type: ignore[assignment]
        assert isinstance(runtime, GraphQLObjectType)
        return self._object(value, runtime, nodes)

    def _object(
        self, value: Any, runtime: GraphQLObjectType, nodes: list[FieldNode]
    ) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for step in self._prepared(runtime, nodes):
            plan = step.plan
            if plan is None:
                out[step.key] = runtime.name
                continue
            if plan.kind is Kind.PLAIN:
                resolved = getattr(value, plan.python_name)
            elif plan.kind is Kind.CALL:
                assert plan.call is not None
                resolved = plan.call(value, **step.kwargs)
            elif plan.kind is Kind.UNSUPPORTED:
                raise UnplannableError(f"field {runtime.name}.{step.name}")
            else:
                resolved = self._prefetched.related(value, step.name, step.key, plan)
            if step.leaf is None:
                out[step.key] = self.complete(resolved, step.kind, step.nodes)
            elif resolved is None:
                if step.non_null:
                    raise UnplannableError("null in a non-null field")
                out[step.key] = None
            else:
                out[step.key] = step.leaf(resolved)
        return out

    def _prepared(self, runtime: GraphQLObjectType, nodes: list[FieldNode]) -> list[_Step]:
        """The steps for this selection on `runtime`, built on first use in the request."""
        key = (runtime.name, id(nodes))
        cached = self._steps.get(key)
        if cached is not None:
            return cached[1]
        steps: list[_Step] = []
        for response_key, field_nodes in self._selections.sub(runtime, nodes).items():
            name = field_nodes[0].name.value
            if name == "__typename":
                steps.append(_Step(response_key, name, None, runtime, field_nodes, {}, None, False))
                continue
            definition = runtime.fields[name]
            plan = self._table.get(runtime, name)
            kwargs: dict[str, Any] = {}
            if plan.kind is Kind.CALL:
                assert plan.field is not None
                if plan.field.arguments:
                    kwargs = self._converted(runtime.name, name, definition, field_nodes[0])
                if plan.info_name is not None:
                    kwargs[plan.info_name] = self._info
            leaf, non_null = _leaf(definition.type)
            steps.append(
                _Step(
                    response_key, name, plan, definition.type, field_nodes, kwargs, leaf, non_null
                )
            )
        self._steps[key] = (nodes, steps)
        return steps
