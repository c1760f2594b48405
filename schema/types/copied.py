"""`copied`: a field that shows one attribute of its type's private `record` (or `entry`,
`change`...) unchanged.

Network, analytics and account types wrap a graph result (`record`) and show most of its
attributes as they are; one line per field names the attribute, its GraphQL type and the
field's options, where a resolver of its own would repeat the same three lines.
"""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter
from typing import Any

import strawberry


def copied(
    attribute: str,
    returns: Any,
    description: str | None = None,
    *,
    shown: Callable[[Any], Any] | None = None,
    **options: Any,
) -> Any:
    """A field resolving to the object's `<attribute>` (a dotted path: `record.node_count`),
    typed `returns`; `shown` turns the value into what the type shows (`list`, `each(T)`)."""
    read = attrgetter(attribute)

    def resolve(root: Any) -> Any:
        return read(root) if shown is None else shown(read(root))

    resolve.__annotations__ = {"root": Any, "return": returns}
    return strawberry.field(resolver=resolve, description=description, **options)


def each(wrapper: Callable[..., Any]) -> Callable[[Any], list[Any]]:
    """Shows every item of a list attribute wrapped as `wrapper(record=item)`."""

    def wrapped(items: Any) -> list[Any]:
        return [wrapper(record=item) for item in items]

    return wrapped
