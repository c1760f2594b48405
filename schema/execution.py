"""The execution context the schema runs with: graphql-core's, minus two per-field costs.

Value completion stays graphql-core's own (Strawberry's `execution_context_class` hook, the
supported way to tune it); this subclass changes only how a field's resolver is called, in the
one path every request takes:

- A getter (a Strawberry resolver taking only `self`: no arguments, no `info`, no field
  extensions, synchronous) is called directly with its object. Strawberry's wrapper would
  convert no arguments, build an `Info` nobody reads and chain no extensions: a network answer
  has ~2,000 such fields, and the wrapper cost more than the getters.
- A coroutine a resolver returns is started at once, in a copy of the context (what
  asyncio's eager tasks do). Relation
  fields below a compiled root find their page attached and finish without waiting, so their
  value is completed on the spot instead of through a task each (a list page had ~190); one
  that does wait (a DataLoader, Neo4j) goes on, already started, through graphql-core's
  awaiting as before.

- Whether a value is awaitable is answered from its type once (`awaitable`): the generic check
  probes every object for `__await__`, which for the hub's objects fails by raising inside.

Errors land where graphql-core puts them (`handle_field_error` at the field's path).
"""

from __future__ import annotations

import types
from asyncio import isfuture
from collections.abc import Awaitable, Callable, Coroutine, Generator
from contextvars import Context, copy_context
from inspect import CO_ITERABLE_COROUTINE
from typing import Any
from weakref import WeakKeyDictionary

from graphql import (
    GraphQLField,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLSchema,
    get_argument_values,
    get_named_type,
    is_leaf_type,
)
from graphql.execution.collect_fields import FieldDetailsList
from graphql.execution.executor import to_nodes
from graphql.pyutils import Path
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.schema.schema_converter import GraphQLCoreConverter
from strawberry.types.field import StrawberryField

Getter = Callable[[Any], Any]
_GETTERS: WeakKeyDictionary[GraphQLSchema, dict[int, Getter | None]] = WeakKeyDictionary()
"""Per schema, by field identity (a schema keeps its fields, so identities stay theirs)."""


def getters(schema: GraphQLSchema) -> dict[int, Getter | None]:
    """The schema's getters found so far, by field identity (looked up once per request)."""
    known = _GETTERS.get(schema)
    if known is None:
        known = _GETTERS[schema] = {}
    return known


def getter(known: dict[int, Getter | None], field_def: GraphQLField) -> Getter | None:
    """The function behind `field_def` when calling it with the object is all Strawberry's
    resolver would do; None for any other field. Worked out once per field."""
    try:
        return known[id(field_def)]
    except KeyError:
        pass
    found: Getter | None = None
    field = (field_def.extensions or {}).get(GraphQLCoreConverter.DEFINITION_BACKREF)
    resolver = field.base_resolver if isinstance(field, StrawberryField) else None
    if (
        isinstance(field, StrawberryField)
        and resolver is not None
        and not field.is_async
        and not field.extensions
        and not field.arguments
        and not field_def.args
        and resolver.self_parameter is not None
        and resolver.info_parameter is None
        and resolver.root_parameter is None
        and resolver.parent_parameter is None
        and callable(resolver.wrapped_func)
    ):
        found = resolver.wrapped_func
    known[id(field_def)] = found
    return found


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


class HubExecutionContext(StrawberryGraphQLCoreExecutionContext):
    """graphql-core's `execute_field` with getters called directly and coroutines started
    eagerly; everything else as graphql-core does it."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.is_awaitable = awaitable  # type: ignore[assignment]
        self._getters = getters(self.schema)

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
        middleware = self.middleware_manager
        if field_def is None or (middleware is not None and middleware.middlewares):
            return super().execute_field(
                parent_type, source, field_details_list, path, position_context
            )
        return_type = field_def.type
        get = getter(self._getters, field_def)
        info: Any = None  # a leaf's completion never reads it
        if get is None or not is_leaf_type(get_named_type(return_type)):
            info = self.build_resolve_info(
                field_def, to_nodes(field_details_list), parent_type, path
            )
        try:
            if get is not None:
                result = get(source)
            else:
                args = (
                    get_argument_values(
                        field_def,
                        first_node,
                        self.variable_values,
                        first_details.fragment_variable_values,
                        self.hide_suggestions,
                    )
                    if field_def.args or first_node.arguments
                    else {}
                )
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
                return self._await_completed(completed, return_type, field_details_list, path)
        except Exception as raw_error:
            self.handle_field_error(raw_error, return_type, field_details_list, path)
            return None
        return completed

    async def _await_completed(
        self,
        completed: Awaitable[Any],
        return_type: GraphQLOutputType,
        field_details_list: FieldDetailsList,
        path: Path,
    ) -> Any:
        try:
            return await completed
        except Exception as raw_error:
            self.handle_field_error(raw_error, return_type, field_details_list, path)
            return None


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
