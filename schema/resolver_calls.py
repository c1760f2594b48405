"""How the execution context calls the function behind a field, worked out once per field.

Strawberry wraps every resolver in a function that renames and converts its arguments,
builds an `Info` and chains field extensions, per call. For the fields where that wrapper
does nothing but call (no extensions; arguments that are leaves), schema/execution.py calls
the function as the wrapper would, from what is worked out here: a plain attribute
(`attrgetter`), a getter (the function of `self` alone) or a `Direct` call; and a leaf's
value is completed by its type's serializer alone (`leaf_serializer`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from operator import attrgetter
from typing import Any, TypeVar
from weakref import WeakKeyDictionary

from graphql import (
    GraphQLEnumType,
    GraphQLField,
    GraphQLNonNull,
    GraphQLScalarType,
    GraphQLSchema,
)
from strawberry.relay.types import GlobalID
from strawberry.scalars import is_scalar
from strawberry.schema.config import StrawberryConfig
from strawberry.schema.schema_converter import CustomGraphQLEnumType, GraphQLCoreConverter
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


def leaf_serializer(field_def: GraphQLField) -> Serialize | None:
    """What completes a value of the scalar or enum `field_def` returns (nullable or not):
    graphql-core's completion of such a value is its type's `serialize` and a check that it
    gave a value. None for other fields.

    A Strawberry enum's `serialize` compares the value with each of the enum's values in
    turn (a network answer serializes ~640 relationship types and labels); its members'
    names are looked up in a table instead, built by that same `serialize`. Anything else
    (a plain value, or one no member has) reads None from the table, and graphql-core's
    completion then serializes it or reports its error.
    """
    kind = field_def.type
    if isinstance(kind, GraphQLNonNull):
        kind = kind.of_type
    if isinstance(kind, CustomGraphQLEnumType):
        members: list[Any] = list(kind.wrapped_cls)
        names = {member: kind.serialize(member) for member in members}
        return names.get
    return kind.serialize if isinstance(kind, GraphQLScalarType | GraphQLEnumType) else None
