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
- A leaf an attribute or getter gives is completed by its type's `serialize` alone (all
  graphql-core's completion of a scalar or enum does, after checks that cannot fail for a
  value); None or a value that does not serialize goes through graphql-core's completion for
  its error.
- A resolver whose arguments are leaves or lists of leaves (`name(lang:)`, relation paging)
  is called with them renamed and `Info` built where asked for (`Direct`): Strawberry's
  wrapper converted every argument's name and type per call, ~300 times per list page.
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
from dataclasses import dataclass
from inspect import CO_ITERABLE_COROUTINE
from operator import attrgetter
from typing import Any, TypeVar
from weakref import WeakKeyDictionary

from graphql import (
    GraphQLEnumType,
    GraphQLField,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLScalarType,
    GraphQLSchema,
    Undefined,
    get_argument_values,
)
from graphql.execution.collect_fields import FieldDetailsList
from graphql.execution.executor import to_nodes
from graphql.pyutils import Path
from strawberry.relay.types import GlobalID
from strawberry.scalars import is_scalar
from strawberry.schema.config import StrawberryConfig
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.schema.schema_converter import GraphQLCoreConverter
from strawberry.schema.types.scalar import DEFAULT_SCALAR_REGISTRY
from strawberry.types.base import StrawberryList, StrawberryMaybe, StrawberryOptional
from strawberry.types.enum import StrawberryEnumDefinition, has_enum_definition
from strawberry.types.field import StrawberryField
from strawberry.types.info import Info
from strawberry.types.unset import UNSET

Getter = Callable[[Any], Any]
_T = TypeVar("_T")
NAMES = StrawberryConfig().name_converter
"""The schema's naming (Strawberry's default config: `build_schema` sets no other)."""
_GETTERS: WeakKeyDictionary[GraphQLSchema, dict[int, Getter | Direct | None]] = WeakKeyDictionary()
"""Per schema, by field identity (a schema keeps its fields, so identities stay theirs)."""


@dataclass(frozen=True, slots=True)
class Direct:
    """A resolver Strawberry would call with its arguments renamed (leaf values, which
    Strawberry passes on as they are; lists of them copied, as Strawberry copies them), the
    object as `self`, `root` or `parent` and an `Info` where asked for: what Strawberry's
    wrapper does for such a field, without its per-call look-ups of names and types."""

    func: Callable[..., Any]
    field: StrawberryField
    with_self: bool
    sources: tuple[str, ...]
    info_name: str | None
    arguments: tuple[tuple[str, str, bool], ...]
    """(GraphQL name, Python name, whether the value is a list to copy)."""

    def __call__(self, source: Any, info: Any, given: dict[str, Any]) -> Any:
        kwargs: dict[str, Any] = {}
        for name, python_name, copy in self.arguments:
            if name in given:
                value = given[name]
                if copy and value is not None and value is not UNSET:
                    value = list(value)
                kwargs[python_name] = value
        for name in self.sources:
            kwargs[name] = source
        if self.info_name is not None:
            kwargs[self.info_name] = Info(_raw_info=info, _field=self.field)
        return self.func(source, **kwargs) if self.with_self else self.func(**kwargs)


def per_field(
    tables: WeakKeyDictionary[GraphQLSchema, dict[int, _T]], schema: GraphQLSchema
) -> dict[int, _T]:
    """A schema's table of what was worked out per field so far, by field identity (looked
    up once per request)."""
    known = tables.get(schema)
    if known is None:
        known = tables[schema] = {}
    return known


def getter(
    known: dict[int, Getter | Direct | None], field_def: GraphQLField
) -> Getter | Direct | None:
    """How to call the function behind `field_def` as Strawberry's resolver would: a getter
    (called with the object alone) or a `Direct` call; None for any other field (Strawberry's
    own wrapper then calls it). Worked out once per field."""
    try:
        return known[id(field_def)]
    except KeyError:
        pass
    found: Getter | Direct | None = None
    field = (field_def.extensions or {}).get(GraphQLCoreConverter.DEFINITION_BACKREF)
    resolver = field.base_resolver if isinstance(field, StrawberryField) else None
    if (
        isinstance(field, StrawberryField)
        and getattr(field_def.resolve, "_is_default", False)  # Strawberry's plain attribute
        and not field.extensions  # e.g. a personal field's permission: Strawberry checks it
        and field.python_name is not None
        and not field_def.args
    ):
        found = attrgetter(field.python_name)
    elif (
        isinstance(field, StrawberryField)
        and resolver is not None
        and not field.extensions
        and field_def.subscribe is None  # a subscription's events are resolved as they come
        and callable(resolver.wrapped_func)
    ):
        if (
            not field.is_async
            and not field.arguments
            and not field_def.args
            and resolver.self_parameter is not None
            and resolver.info_parameter is None
            and resolver.root_parameter is None
            and resolver.parent_parameter is None
        ):
            found = resolver.wrapped_func
        else:
            found = _direct(field, resolver, field_def)
    known[id(field_def)] = found
    return found


def _direct(field: StrawberryField, resolver: Any, field_def: GraphQLField) -> Direct | None:
    """A `Direct` call when every argument is a leaf or a list of leaves; else None."""
    arguments = []
    for argument in field.arguments:
        copy, kind = False, argument.type
        if isinstance(kind, StrawberryOptional) and not isinstance(kind, StrawberryMaybe):
            kind = kind.of_type
        if isinstance(kind, StrawberryList):
            copy, kind = True, kind.of_type
            if isinstance(kind, StrawberryOptional) and not isinstance(kind, StrawberryMaybe):
                kind = kind.of_type
        if not _leaf(kind) or argument.python_name is None:
            return None
        arguments.append((NAMES.from_argument(argument), argument.python_name, copy))
    if {name for name, _, _ in arguments} != set(field_def.args):
        return None
    sources = tuple(
        parameter.name
        for parameter in (resolver.root_parameter, resolver.parent_parameter)
        if parameter is not None
    )
    info = resolver.info_parameter
    return Direct(
        func=resolver.wrapped_func,
        field=field,
        with_self=resolver.self_parameter is not None,
        sources=sources,
        info_name=info.name if info is not None else None,
        arguments=tuple(arguments),
    )


def _leaf(kind: Any) -> bool:
    """A scalar (not a relay `GlobalID`, which Strawberry decodes) or an enum."""
    if kind is GlobalID or isinstance(kind, StrawberryMaybe | StrawberryList):
        return False
    return (
        is_scalar(kind, DEFAULT_SCALAR_REGISTRY)
        or isinstance(kind, StrawberryEnumDefinition)
        or has_enum_definition(kind)
    )


Serialize = Callable[[Any], Any]
_LEAVES: WeakKeyDictionary[GraphQLSchema, dict[int, Serialize | None]] = WeakKeyDictionary()


def _leaf_serializer(
    known: dict[int, Serialize | None], field_def: GraphQLField
) -> Serialize | None:
    """The `serialize` of the scalar or enum a field returns (nullable or not): graphql-core's
    completion of such a value is that call and a check that it gave a value."""
    try:
        return known[id(field_def)]
    except KeyError:
        pass
    kind = field_def.type
    if isinstance(kind, GraphQLNonNull):
        kind = kind.of_type
    found = kind.serialize if isinstance(kind, GraphQLScalarType | GraphQLEnumType) else None
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
        self._getters = per_field(_GETTERS, self.schema)
        self._leaves = per_field(_LEAVES, self.schema)

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
        found = getter(self._getters, field_def)
        get: Getter | None = None
        direct: Direct | None = None
        if isinstance(found, Direct):
            direct = found
        else:
            get = found
        serialize = _leaf_serializer(self._leaves, field_def)
        info: Any = None  # a leaf's completion never reads it
        if get is None or serialize is None:
            info = self.build_resolve_info(
                field_def, to_nodes(field_details_list), parent_type, path
            )
        try:
            if get is not None:
                result = get(source)
                if (
                    serialize is not None
                    and result is not None
                    and not isinstance(result, Exception)
                ):
                    completed = serialize(result)
                    if completed is not None and completed is not Undefined:
                        return completed  # else completed again below, for its error
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
                if direct is not None:
                    result = direct(source, info, args)
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
