"""Planned reads: answering a known query with one Cypher statement.

graphql-core's executor resolves field by field, and relationship fields go through
DataLoaders, one round trip per relation and nesting level. For a read query that the standard
path has already answered without errors (so the document is known to be valid: validation,
depth, cost and introspection rules depend on the document only), this path instead:

1. builds, per root field, the tree of relationship pages the selection needs
   (`schema/planned/fetches.py`) and loads it in one statement (`graph/plans.py`); the
   root fields' statements are sent together as one (`graph/read_batch.py`);
2. completes the response from the types' own attributes, resolvers and connection builders
   (`schema/planned/fields.py`), in the standard path's field order.

Anything it cannot reproduce exactly (directives, permission-checked fields, errors, a null
in a non-null field...) makes it step back, and the standard executor answers instead, so
errors always come from one place. `HUB_PLANNED_READS=false` turns the path off.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Final

import strawberry
from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    GraphQLField,
    GraphQLObjectType,
    ListValueNode,
    ObjectValueNode,
    OperationDefinitionNode,
    OperationType,
    ValueNode,
    VariableNode,
    VariableValues,
    get_argument_values,
    get_named_type,
    get_variable_values,
    parse,
)
from strawberry.types.arguments import convert_arguments

from graph.plans import fetch_list, fetch_node
from graph.repositories import REPOSITORIES
from schema.context import Context
from schema.ids import from_global_id
from schema.lists import ROOT_LISTS, list_arguments
from schema.planned.completion import Completer, Prefetched
from schema.planned.fetches import FetchBuilder, FetchKeys
from schema.planned.fields import FieldTable
from schema.planned.info import PlannedInfo
from schema.planned.selection import Selections, UnplannableError
from schema.relations import plain_connection
from schema.types.node import entity

logger = logging.getLogger("hub.planned")

MAX_DOCUMENTS: Final = 512
MAX_CONVERSIONS: Final = 256
"""Converted argument sets kept per document (distinct variable values of its fields)."""
_NOT_GIVEN: Final = object()
"""A variable left out of the request, which (unlike null) lets an argument's default apply."""
NOT_PLANNABLE: Final = "not plannable"


@dataclass(frozen=True, slots=True)
class Operation:
    """A learnt query and what depends on its text alone, kept for its later requests."""

    node: OperationDefinitionNode
    fragments: Mapping[str, FragmentDefinitionNode]
    selections: Selections
    """Field collection per (runtime type, field nodes): the same for every request."""
    arguments: dict[tuple[Any, ...], dict[str, Any]] = field(default_factory=dict)
    """Converted arguments by field node and the values of the variables they name."""
    variables: dict[int, tuple[str, ...]] = field(default_factory=dict)
    """The variables each field node's arguments name, by field node."""


class PlannedReads:
    """The planned path for one schema; documents are remembered once the standard path ran them."""

    def __init__(self, schema: strawberry.Schema) -> None:
        self.strawberry_schema = schema
        self.schema = schema._schema
        """The graphql-core schema Strawberry built (types, fields, arguments, serializers)."""
        self.table = FieldTable(schema)
        self._documents: dict[tuple[str, str | None], Operation | str] = {}
        self.answered = 0
        """Requests this path answered (the rest went to the standard executor)."""

    def learn(self, query: str, operation_name: str | None) -> None:
        """Remember a document the standard path answered without errors, if it is a query."""
        key = (query, operation_name)
        if key in self._documents:
            return
        if len(self._documents) >= MAX_DOCUMENTS:
            self._documents.pop(next(iter(self._documents)))
        document = parse(query)
        operations = [
            definition
            for definition in document.definitions
            if isinstance(definition, OperationDefinitionNode)
            and (operation_name is None or _named(definition, operation_name))
        ]
        fragments = {
            definition.name.value: definition
            for definition in document.definitions
            if isinstance(definition, FragmentDefinitionNode)
        }
        if len(operations) != 1 or operations[0].operation is not OperationType.QUERY:
            self._documents[key] = NOT_PLANNABLE
            return
        self._documents[key] = Operation(
            operations[0], fragments, Selections(self.schema, fragments)
        )

    async def answer(
        self,
        query: str,
        variables: Mapping[str, Any] | None,
        operation_name: str | None,
        context: Context,
    ) -> dict[str, Any] | None:
        """The response's `data`, or None when the standard path should answer."""
        key = (query, operation_name)
        operation = self._documents.get(key)
        if not isinstance(operation, Operation):
            return None
        coerced = get_variable_values(
            self.schema, operation.node.variable_definitions or (), dict(variables or {})
        )
        if isinstance(coerced, list):
            return None
        try:
            data = await _Run(self, operation, coerced, context).root()
            self.answered += 1
            return data
        except UnplannableError as reason:
            logger.debug("query left to the standard executor: %s", reason)
            self._documents[key] = NOT_PLANNABLE
        except Exception:
            # Bad input, an unreachable graph, anything else: the standard executor answers
            # again and reports it in the standard shape (reads have no side effects).
            logger.debug("planned read stepped back", exc_info=True)
        return None


def _variables_named(node: FieldNode) -> tuple[str, ...]:
    """The variables a field node's arguments refer to, anywhere inside them, in order."""
    found: dict[str, None] = {}
    pending: list[ValueNode] = [argument.value for argument in node.arguments or ()]
    while pending:
        value = pending.pop()
        if isinstance(value, VariableNode):
            found[value.name.value] = None
        elif isinstance(value, ListValueNode):
            pending.extend(value.values)
        elif isinstance(value, ObjectValueNode):
            pending.extend(item.value for item in value.fields)
    return tuple(sorted(found))


def _named(operation: OperationDefinitionNode, name: str) -> bool:
    return operation.name is not None and operation.name.value == name


class _Run:
    """One planned request: root fields run concurrently, their statements sent as one."""

    def __init__(
        self, reads: PlannedReads, operation: Operation, variables: VariableValues, context: Context
    ) -> None:
        self._reads = reads
        self._schema = reads.schema
        self._table = reads.table
        self._operation = operation
        self._variables = variables
        self._context = context
        self._info = PlannedInfo(context, (), operation.fragments, variables)
        self._selections = operation.selections
        self._keys = FetchKeys()
        self._prefetched = Prefetched(self._keys)
        self._fetches = FetchBuilder(
            self._schema, self._table, self._selections, variables, self._info, self._keys
        )
        self._completer = Completer(
            self._schema,
            self._table,
            self._selections,
            self._info,
            self._converted,
            self._prefetched,
        )

    async def root(self) -> dict[str, Any]:
        query = self._schema.query_type
        assert query is not None
        fields = self._selections.root(query, self._operation.node.selection_set)
        if len(fields) == 1:
            (nodes,) = fields.values()
            return {next(iter(fields)): await self._root_field(query, nodes)}
        # Root fields read concurrently; their statements go to Neo4j as one.
        with self._context.cypher.reads_together():
            values = await asyncio.gather(
                *(self._root_field(query, nodes) for nodes in fields.values())
            )
        return dict(zip(fields, values, strict=True))

    async def _root_field(self, query: GraphQLObjectType, nodes: list[FieldNode]) -> Any:
        name = nodes[0].name.value
        if name == "__typename":
            return query.name
        if name.startswith("__"):
            raise UnplannableError("introspection")
        definition = query.fields[name]
        if name == "node":
            value = await self._node(definition, nodes)
        elif name in ROOT_LISTS:
            value = await self._list(name, definition, nodes)
        else:
            value = await self._resolver(query, name, definition, nodes)
        return self._completer.complete(value, definition.type, nodes)

    async def _node(self, definition: GraphQLField, nodes: list[FieldNode]) -> Any:
        args = self._fetches.arguments(definition, nodes[0])
        label, slug = from_global_id(str(args["id"]))
        node_type = self._schema.get_type(label.value)
        assert isinstance(node_type, GraphQLObjectType)
        under = self._fetches.under(node_type, self._selections.sub(node_type, nodes))
        found = await fetch_node(
            self._context.cypher,
            label,
            slug,
            under.fetches,
            written_at=under.written_at,
            reads=under.reads,
        )
        if found is None:
            return None
        obj = entity(found.record)
        self._prefetched.attach(obj, under.keys, under.fetches, found.relations)
        return obj

    async def _list(self, name: str, definition: GraphQLField, nodes: list[FieldNode]) -> Any:
        label, rules = ROOT_LISTS[name]
        kwargs = self._converted("Query", name, definition, nodes[0])
        paging = {key: kwargs.get(key) for key in ("first", "after", "last", "before")}
        arguments = list_arguments(
            self._info,  # type: ignore[arg-type]
            label,
            kwargs.get("where"),
            rules,
            kwargs.get("order_by"),
            paging,
        )
        connection = get_named_type(definition.type)
        assert isinstance(connection, GraphQLObjectType)
        parts = self._selections.sub(connection, nodes)
        names = {field_nodes[0].name.value for field_nodes in parts.values()}
        node_type = self._schema.get_type(label.value)
        assert isinstance(node_type, GraphQLObjectType)
        found, _, _, cursors = self._fetches.node_selections(connection, parts)
        merged = [field_node for field_nodes in found for field_node in field_nodes]
        under = self._fetches.under(node_type, self._selections.sub(node_type, merged))
        fetched = await fetch_list(
            self._context.cypher,
            REPOSITORIES[label].spec,
            where=arguments.predicate,
            order=arguments.order,
            request=arguments.request,
            rows=bool(names & {"edges", "nodes", "pageInfo"}),
            total="totalCount" in names,
            beyond_flag="pageInfo" in names,
            fetches=under.fetches,
            written_at=under.written_at,
            reads=under.reads,
            positions="pageInfo" in names or cursors,
        )
        built = plain_connection(fetched.page, arguments.ordering)
        for obj, nested in zip(built.nodes, fetched.nested, strict=True):
            self._prefetched.attach(obj, under.keys, under.fetches, nested)
        return built

    async def _resolver(
        self, query: GraphQLObjectType, name: str, definition: GraphQLField, nodes: list[FieldNode]
    ) -> Any:
        plan = self._table.strawberry_field(query.name, name)
        if plan is None or plan.extensions or plan.base_resolver is None:
            raise UnplannableError(f"root field {name}")
        resolver = plan.base_resolver
        kwargs = self._converted(query.name, name, definition, nodes[0])
        if resolver.info_parameter is not None:
            kwargs[resolver.info_parameter.name] = self._info.under(nodes)
        args = [None] if resolver.self_parameter is not None else []
        function: Callable[..., Any] = resolver.wrapped_func  # type: ignore[assignment]
        result = function(*args, **kwargs)
        return await result if resolver.is_async else result

    def _converted(
        self, parent: str, name: str, definition: GraphQLField, node: FieldNode
    ) -> dict[str, Any]:
        """A field's arguments as its resolver takes them (Strawberry's own conversion).

        The same argument text with the same variable values converts to the same values, and
        converting them was a tenth of a list page's CPU: conversions are kept per document,
        by field node and variable values (at most `MAX_CONVERSIONS`; unhashable values, such
        as lists, are converted every time). A fresh dict is returned each time, since
        callers add `info` to it; the converted values themselves are never modified.
        """
        named = self._operation.variables.get(id(node))
        if named is None:
            named = self._operation.variables[id(node)] = _variables_named(node)
        key: tuple[Any, ...] = (
            parent,
            name,
            id(node),
            *(self._variables.coerced.get(v, _NOT_GIVEN) for v in named),
        )
        try:
            cached = self._operation.arguments.get(key)
        except TypeError:
            key, cached = (), None
        if cached is not None:
            return dict(cached)
        values = get_argument_values(definition, node, self._variables)
        strawberry_field = self._table.strawberry_field(parent, name)
        if strawberry_field is None:
            raise UnplannableError(f"field {parent}.{name}")
        if not strawberry_field.arguments:
            converted: dict[str, Any] = {}
        else:
            converted = convert_arguments(
                values,
                strawberry_field.arguments,
                scalar_registry=self._reads.strawberry_schema.schema_converter.scalar_registry,
                config=self._reads.strawberry_schema.config,
            )
        if key:
            kept = self._operation.arguments
            if len(kept) >= MAX_CONVERSIONS:
                kept.pop(next(iter(kept)))
            kept[key] = converted
        return dict(converted)
