"""Turning resolved objects into the response, field by field, as graphql-core would.

Per request and per (type, selection) the fields are prepared once into steps (plan, converted
arguments, leaf serializer), so a list of 200 nodes costs a loop over ready steps rather than
a schema lookup, an argument conversion and a type dispatch per field. Values come from the
types' own attributes and resolvers, and relationship fields from the pages the plan loaded.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any

from graphql import (
    FieldNode,
    GraphQLEnumType,
    GraphQLField,
    GraphQLID,
    GraphQLInt,
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


Resolve = Callable[[Any], Any]
"""A field's value on its parent object (attribute, resolver call or prefetched relation)."""
Finish = Callable[[Any], Any]
"""Turns a resolved value into its response form (serialized leaf, dict, list or None)."""


def _null_in_non_null() -> Any:
    raise UnplannableError("null in a non-null field")


def _leaf(kind: GraphQLLeafType, non_null: bool) -> Finish:
    """A leaf's serializer with its null check (strings and IDs that are text pass as is)."""
    serialize: Callable[[Any], Any] = kind.serialize
    if isinstance(kind, GraphQLEnumType):
        serialize = _remembered(serialize)
    elif kind is GraphQLInt:
        serialize = _int_serializer(serialize)
    text = kind is GraphQLString or kind is GraphQLID
    if not non_null:
        if text:
            return lambda value: (
                value if type(value) is str else None if value is None else serialize(value)
            )
        return lambda value: None if value is None else serialize(value)

    def non_null_leaf(value: Any) -> Any:
        if text and type(value) is str:
            return value
        completed = None if value is None else serialize(value)
        return _null_in_non_null() if completed is None else completed

    return non_null_leaf


def _int_serializer(serialize: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """Int's serializer with plain 32-bit ints passed as they are (every count on a page).

    graphql-core's checks each value against bool, float, text and numeric objects first;
    anything but a plain int in range still goes through them, errors included.
    """

    def leaf(value: Any) -> Any:
        if type(value) is int and _INT_MIN <= value <= _INT_MAX:
            return value
        return serialize(value)

    return leaf


_INT_MIN, _INT_MAX = -(2**31), 2**31 - 1


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


def _typename(name: str) -> Resolve:
    return lambda _value: name


def _same(value: Any) -> Any:
    return value


def _unsupported(parent: str, name: str) -> Resolve:
    def resolve(_value: Any) -> Any:
        raise UnplannableError(f"field {parent}.{name}")

    return resolve


def _called(call: Callable[..., Any], kwargs: dict[str, Any]) -> Resolve:
    if not kwargs:
        return call
    return lambda value: call(value, **kwargs)


class Completer:
    """Completes values the way graphql-core would, with each selection prepared once.

    Per request and per (type, selection) every field becomes a pair of closures, chosen by
    its plan and its type when first met: one reads the value from the parent object, the
    other completes it (a serializer with the null check, a list, a nested object). A
    200-node neighbourhood then costs two calls per field and node instead of a type
    dispatch, a plan dispatch and a schema lookup each.
    """

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
        self._steps: dict[
            tuple[str, int], tuple[list[FieldNode], list[tuple[str, Resolve, Finish]]]
        ] = {}

    def complete(self, value: Any, kind: GraphQLOutputType, nodes: list[FieldNode]) -> Any:
        return self._finisher(kind, nodes)(value)

    def _finisher(self, kind: GraphQLOutputType, nodes: list[FieldNode]) -> Finish:
        """The completion of values of `kind` selected by `nodes`, worked out once.

        A non-null leaf or object is one closure with its null check inside (not a wrapper
        around the nullable one), and an object's steps are kept in its closure once
        prepared: a list page completes some 400 objects and 1,000 leaves.
        """
        if isinstance(kind, GraphQLNonNull):
            inner_kind = kind.of_type
            if is_leaf_type(inner_kind):
                assert isinstance(inner_kind, GraphQLLeafType)
                return _leaf(inner_kind, non_null=True)
            if isinstance(inner_kind, GraphQLObjectType):
                return self._object_finisher(inner_kind, nodes, non_null=True)
            inner = self._finisher(inner_kind, nodes)

            def non_null(value: Any) -> Any:
                completed = inner(value)
                return _null_in_non_null() if completed is None else completed

            return non_null
        if isinstance(kind, GraphQLList):
            item = self._finisher(kind.of_type, nodes)
            return lambda value: None if value is None else [item(entry) for entry in value]
        if is_leaf_type(kind):
            assert isinstance(kind, GraphQLLeafType)
            return _leaf(kind, non_null=False)
        if is_abstract_type(kind):
            return self._abstract_finisher(nodes)
        assert isinstance(kind, GraphQLObjectType)
        return self._object_finisher(kind, nodes, non_null=False)

    def _object_finisher(
        self, kind: GraphQLObjectType, nodes: list[FieldNode], *, non_null: bool
    ) -> Finish:
        steps: list[tuple[str, Resolve, Finish]] | None = None

        def finish(value: Any) -> Any:
            nonlocal steps
            if value is None:
                return _null_in_non_null() if non_null else None
            if steps is None:
                steps = self._prepared(kind, nodes)
            return {key: complete(resolve(value)) for key, resolve, complete in steps}

        return finish

    def _abstract_finisher(self, nodes: list[FieldNode]) -> Finish:
        """Completion of an interface or union field: steps kept per runtime Python type.

        Twenty search hits are Experts, Agencies and Events; their GraphQL type is found
        from the value's class once per class and selection, not once per hit.
        """
        by_class: dict[type, list[tuple[str, Resolve, Finish]]] = {}

        def finish(value: Any) -> Any:
            if value is None:
                return None
            steps = by_class.get(type(value))
            if steps is None:
                steps = by_class[type(value)] = self._prepared(self._runtime(value), nodes)
            return {key: complete(resolve(value)) for key, resolve, complete in steps}

        return finish

    def _runtime(self, value: Any) -> GraphQLObjectType:
        definition = get_object_definition(type(value))
        if definition is None:
            raise UnplannableError("an abstract field's value has no type")
        runtime = self._schema.get_type(definition.name)
        assert isinstance(runtime, GraphQLObjectType)
        return runtime

    def _prepared(
        self, runtime: GraphQLObjectType, nodes: list[FieldNode]
    ) -> list[tuple[str, Resolve, Finish]]:
        """The steps for this selection on `runtime`, built on first use in the request."""
        key = (runtime.name, id(nodes))
        cached = self._steps.get(key)
        if cached is not None:
            return cached[1]
        steps: list[tuple[str, Resolve, Finish]] = []
        for response_key, field_nodes in self._selections.sub(runtime, nodes).items():
            name = field_nodes[0].name.value
            if name == "__typename":
                steps.append((response_key, _typename(runtime.name), _same))
                continue
            definition = runtime.fields[name]
            plan = self._table.get(runtime, name)
            steps.append(
                (
                    response_key,
                    self._resolver(runtime, name, response_key, plan, definition, field_nodes),
                    self._finisher(definition.type, field_nodes),
                )
            )
        self._steps[key] = (nodes, steps)
        return steps

    def _resolver(
        self,
        runtime: GraphQLObjectType,
        name: str,
        key: str,
        plan: FieldPlan,
        definition: GraphQLField,
        nodes: list[FieldNode],
    ) -> Resolve:
        if plan.kind is Kind.PLAIN:
            return attrgetter(plan.python_name)
        if plan.kind is Kind.CALL:
            assert plan.call is not None
            assert plan.field is not None
            kwargs: dict[str, Any] = {}
            if plan.field.arguments:
                kwargs = self._converted(runtime.name, name, definition, nodes[0])
            if plan.info_name is not None:
                kwargs[plan.info_name] = self._info
            return _called(plan.call, kwargs)
        if plan.kind is Kind.UNSUPPORTED:
            return _unsupported(runtime.name, name)
        related = self._prefetched.related
        return lambda value: related(value, name, key, plan)
