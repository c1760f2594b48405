"""`copied`: a field that shows one attribute of its type's private `record` (or `entry`,
`change`...) unchanged.

Network, analytics and account types wrap a graph result (`record`) and show most of its
attributes as they are; one line per field names the attribute, its GraphQL type and the
field's options, where a resolver of its own would repeat the same three lines.

A field that shows the attribute as it is (or a tuple as the list GraphQL makes of any
iterable) is a plain attribute: a property reading the dotted path (`attrgetter`, no Python
frame per read), resolved by Strawberry's default resolver like any attribute, so the
execution context reads it as one (schema/execution.py) and no resolver runs per field.
"""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter
from typing import Any

import strawberry

from schema.ids import to_global_id


def copied(
    attribute: str,
    returns: Any,
    description: str | None = None,
    *,
    shown: Callable[[Any], Any] | None = None,
    **options: Any,
) -> Any:
    """A field resolving to the object's `<attribute>` (a dotted path: `record.node_count`),
    typed `returns`; `shown` turns the value into what the type shows (`each(T)`)."""
    read = attrgetter(attribute)
    if shown is None or shown is list:
        return attribute_field(read, returns, description, **options)

    def resolve(root: Any) -> Any:
        return shown(read(root))

    resolve.__annotations__ = {"root": Any, "return": returns}
    return strawberry.field(resolver=resolve, description=description, **options)


def global_id(label: str, ident: str, description: str | None = None) -> Any:
    """A field showing the global ID of the node whose label and slug are at the dotted
    paths `label` and `ident` (`record.label`, `record.id`): a plain attribute like `copied`'s,
    since every node and edge of a network answer shows one or more."""
    read_label, read_ident = attrgetter(label), attrgetter(ident)

    def read(root: Any) -> strawberry.ID:
        return strawberry.ID(to_global_id(read_label(root), read_ident(root)))

    return attribute_field(read, strawberry.ID, description)


def attribute_field(
    read: Callable[[Any], Any], returns: Any, description: str | None = None, **options: Any
) -> Any:
    """A plain field typed `returns` whose attribute is the property `read` (not set by the
    type's `__init__`: the dataclass makes the property the class attribute, its default)."""
    field = strawberry.field(
        graphql_type=returns, description=description, default=property(read), **options
    )
    field.init = field.repr = field.compare = False
    return field


def each(wrapper: Callable[..., Any]) -> Callable[[Any], list[Any]]:
    """Shows every item of a list attribute wrapped as `wrapper(record=item)`."""

    def wrapped(items: Any) -> list[Any]:
        return [wrapper(record=item) for item in items]

    return wrapped
