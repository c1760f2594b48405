"""The execution context the schema runs with: graphql-core's, minus per-field costs.

Value completion of objects and lists stays graphql-core's own (Strawberry's
`execution_context_class` hook, the supported way to tune it); this subclass changes how a
field's resolver is called and how a leaf is completed, in the one path every request takes:

- A plain attribute (Strawberry's default resolver, no field extensions) is read with
  `attrgetter`: the declared entity fields and `copied` fields are such attributes
  (properties over the wrapped record, schema/types/copied.py).
- A getter that computes its value (a Strawberry resolver taking only `self`: no arguments,
  no `info`, no field extensions, synchronous: global IDs, cursors, enum labels) is called
  directly with its object. Strawberry's wrapper would convert no arguments, build an `Info`
  nobody reads and chain no extensions.
- A leaf an attribute or getter gives is completed in `execute_fields` itself by its type's
  serializer alone (all graphql-core's completion of a scalar or enum does, after checks that
  cannot fail for a value; a Strawberry enum's by a table of its members' names), without a
  `Path`, an `Info` or a call of `execute_field` per field (a network answer has ~1,300
  such leaves). Which fields of a selection set are such leaves is worked out once per set
  and request (`_plan`: a list's items share one set). None where the field is nullable is
  None; anything else (an exception, None for a non-null field, a value that does not
  serialize) goes the general way below, which reads the field again and reports its error
  where graphql-core does.
- A resolver whose arguments are leaves or lists of leaves (`name(lang:)`, relation paging)
  is called with them renamed and `Info` built where asked for (`Direct`): Strawberry's
  wrapper converted every argument's name and type per call, ~300 times per list page. The
  arguments themselves are coerced once per field node in a request (`_arguments`), not once
  per list item.
- A coroutine a resolver returns is started at once, in a copy of the context (what
  asyncio's eager tasks do). Relation fields below a compiled root find their page attached
  and finish without waiting, so their value is completed on the spot instead of through a
  task each (a list page had ~190); one that does wait (a DataLoader, Neo4j) goes on,
  already started, through graphql-core's awaiting as before.
- Whether a value is awaitable is answered from its type once (`awaitable`): the generic check
  probes every object for `__await__`, which for the hub's objects fails by raising inside.

Errors land where graphql-core puts them (`handle_field_error` at the field's path).
"""

from __future__ import annotations

import types
from asyncio import isfuture
from collections.abc import Coroutine, Generator
from contextvars import Context, copy_context
from inspect import CO_ITERABLE_COROUTINE
from typing import Any, NamedTuple
from weakref import WeakKeyDictionary

from graphql import (
    GraphQLField,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLSchema,
    Undefined,
    get_argument_values,
)
from graphql.execution.collect_fields import FieldDetails, FieldDetailsList, GroupedFieldSet
from graphql.execution.executor import to_nodes
from graphql.pyutils import AwaitableOrValue, Path

from schema.object_completion import ObjectCompletion, completed_results
from schema.resolver_calls import (
    _GETTERS,
    Direct,
    Getter,
    Serialize,
    getter,
    leaf_serializer,
    per_field,
)


class Leaf(NamedTuple):
    """A field read by an attribute or getter whose value a serializer completes."""

    get: Getter
    serialize: Serialize
    nullable: bool


Plan = tuple[GroupedFieldSet, GraphQLObjectType, list[tuple[str, FieldDetailsList, Leaf | None]]]
"""A selection set as `execute_fields` runs it (`HubExecutionContext._plan`)."""

_LEAVES: WeakKeyDictionary[GraphQLSchema, dict[int, dict[str, Leaf | None]]] = WeakKeyDictionary()
"""Per schema, by object type identity, by field name: the field as a `Leaf`, or None."""


_NEVER_AWAITABLE: set[type] = {type(None), bool, int, float, str, list, tuple, dict}


def awaitable(value: Any) -> bool:
    """graphql-core's `is_awaitable`, remembering the types whose values never are (no
    coroutine or generator type, no `__await__`: `await` looks only at the type)."""
    kind = type(value)
    if kind in _NEVER_AWAITABLE:
        return False
    if kind is types.CoroutineType:
        return True
    if kind is types.GeneratorType:
        return bool(value.gi_code.co_flags & CO_ITERABLE_COROUTINE)
    if hasattr(kind, "__await__"):
        return True
    _NEVER_AWAITABLE.add(kind)
    return False


class HubExecutionContext(ObjectCompletion):
    """graphql-core's `execute_fields` with leaves completed in place, and its
    `execute_field` with getters called directly and coroutines started eagerly; everything
    else as graphql-core does it."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.is_awaitable = awaitable  # type: ignore[assignment]
        self._getters = per_field(_GETTERS, self.schema)
        self._leaves = per_field(_LEAVES, self.schema)
        middleware = self.middleware_manager
        self._plain = middleware is None or not middleware.middlewares
        """No middleware wraps the resolvers (the hub adds none)."""
        self._argument_values: dict[tuple[int, int], dict[str, Any]] = {}
        self._plans: dict[int, Plan] = {}

    def _leaf(self, parent_type: GraphQLObjectType, name: str) -> Leaf | None:
        field_def = self.schema.get_field(parent_type, name)
        if field_def is None:
            return None
        get = getter(self._getters, field_def)
        serialize = leaf_serializer(field_def)
        if get is None or isinstance(get, Direct) or serialize is None:
            return None
        return Leaf(get, serialize, not isinstance(field_def.type, GraphQLNonNull))

    def _plan(self, parent_type: GraphQLObjectType, grouped_field_set: GroupedFieldSet) -> Plan:
        """The fields of a selection set with each one's `Leaf` (or None), worked out once per
        request: graphql-core memoizes a list's sub-selection, so every item of a list brings
        the same set. The plan holds the set, so its identity is not reused meanwhile."""
        try:
            leaves = self._leaves[id(parent_type)]
        except KeyError:
            leaves = self._leaves[id(parent_type)] = {}
        fields = []
        for response_name, field_details_list in grouped_field_set.items():
            name = field_details_list[0].node.name.value
            try:
                leaf = leaves[name]
            except KeyError:
                leaf = leaves[name] = self._leaf(parent_type, name)
            fields.append((response_name, field_details_list, leaf))
        plan = self._plans[id(grouped_field_set)] = (grouped_field_set, parent_type, fields)
        return plan

    def execute_fields(
        self,
        parent_type: GraphQLObjectType,
        source_value: Any,
        path: Path | None,
        grouped_field_set: GroupedFieldSet,
        position_context: Any,
    ) -> AwaitableOrValue[dict[str, Any]]:
        """graphql-core's, with a leaf's value read and completed on the spot."""
        if not self._plain:
            return super().execute_fields(
                parent_type, source_value, path, grouped_field_set, position_context
            )
        plan = self._plans.get(id(grouped_field_set))
        if plan is None or plan[0] is not grouped_field_set or plan[1] is not parent_type:
            plan = self._plan(parent_type, grouped_field_set)
        results: dict[str, Any] = {}
        is_awaitable = self.is_awaitable
        awaitable_fields: list[str] = []
        try:
            for response_name, field_details_list, leaf in plan[2]:
                if leaf is not None:
                    try:
                        value = leaf.get(source_value)
                        if value is None:
                            if leaf.nullable:
                                results[response_name] = None
                                continue
                        elif not isinstance(value, Exception):
                            completed = leaf.serialize(value)
                            if completed is not None and completed is not Undefined:
                                results[response_name] = completed
                                continue
                    except Exception:
                        pass
                field_path = Path(path, response_name, parent_type.name)
                result = self.execute_field(
                    parent_type, source_value, field_details_list, field_path, position_context
                )
                if result is not Undefined:
                    results[response_name] = result
                    if is_awaitable(result):
                        awaitable_fields.append(response_name)
        except Exception:
            self.abandon(results, awaitable_fields)
            raise
        return completed_results(results, awaitable_fields)

    def execute_field(
        self,
        parent_type: GraphQLObjectType,
        source: Any,
        field_details_list: FieldDetailsList,
        path: Path,
        position_context: Any,
    ) -> Any:
        first_details = field_details_list[0]
        first_node = first_details.node
        field_def = self.schema.get_field(parent_type, first_node.name.value)
        if field_def is None or not self._plain:
            return super().execute_field(
                parent_type, source, field_details_list, path, position_context
            )
        return_type = field_def.type
        found = getter(self._getters, field_def)
        info = self.build_resolve_info(field_def, to_nodes(field_details_list), parent_type, path)
        try:
            if found is not None and not isinstance(found, Direct):
                result = found(source)
            else:
                args = (
                    self._arguments(field_def, first_details)
                    if field_def.args or first_node.arguments
                    else {}
                )
                if found is not None:
                    result = found(source, info, args)
                else:
                    result = (field_def.resolve or self.field_resolver)(source, info, **args)
                if type(result) is types.CoroutineType:
                    try:
                        context = copy_context()  # its own, as an eager task has
                        waiting_on = context.run(result.send, None)
                    except StopIteration as stop:
                        result = stop.value
                    else:
                        if isfuture(waiting_on):  # held, not yet a task's: others may await it
                            waiting_on._asyncio_future_blocking = False
                        return self.complete_awaitable_value(
                            return_type,
                            field_details_list,
                            info,
                            path,
                            _resume(result, context, waiting_on),
                            position_context,
                        )
                elif self.is_awaitable(result):
                    return self.complete_awaitable_value(
                        return_type, field_details_list, info, path, result, position_context
                    )
            completed = self.complete_value(
                return_type, field_details_list, info, path, result, position_context
            )
            if self.is_awaitable(completed):
                return self.awaited_value(completed, return_type, field_details_list, path)
        except Exception as raw_error:
            self.handle_field_error(raw_error, return_type, field_details_list, path)
            return None
        return completed

    def _arguments(self, field_def: GraphQLField, details: FieldDetails) -> dict[str, Any]:
        """graphql-core's `get_argument_values`, once per field node and definition in a
        request: the values depend on nothing else (the request's variables are fixed), and
        a field in a list is asked for them once per item (`name(lang:)`, relation pages).
        The resolvers read the dict and never change it (`Direct` copies lists it passes)."""
        if details.fragment_variable_values is not None:
            return get_argument_values(
                field_def,
                details.node,
                self.variable_values,
                details.fragment_variable_values,
                self.hide_suggestions,
            )
        key = (id(details.node), id(field_def))
        try:
            return self._argument_values[key]
        except KeyError:
            pass
        values = self._argument_values[key] = get_argument_values(
            field_def, details.node, self.variable_values, None, self.hide_suggestions
        )
        return values


@types.coroutine
def _resume(
    coroutine: Coroutine[Any, Any, Any], context: Context, waiting_on: Any
) -> Generator[Any, Any, Any]:
    """Hand the event loop what a started coroutine waits on, then carry the coroutine on in
    its context (sends and throws, cancellation included, reach it as if it were awaited).

    The first future it waits on was unmarked when it was started (a task unmarks what it
    takes, and a marked pending future refuses a second awaiter); it is marked again here, or,
    settled meanwhile, resumes the coroutine at once.
    """
    while True:
        future = isfuture(waiting_on)
        if not (future and waiting_on.done()):
            if future:
                waiting_on._asyncio_future_blocking = True
            try:
                yield waiting_on
            except BaseException as error:
                try:
                    waiting_on = context.run(coroutine.throw, error)
                except StopIteration as stop:
                    return stop.value
                continue
        try:
            waiting_on = context.run(coroutine.send, None)
        except StopIteration as stop:
            return stop.value
