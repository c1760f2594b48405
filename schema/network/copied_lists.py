"""`copied_each`: a `copied` field whose record attribute is a list of records, each shown as a
GraphQL type of its own (`Community.members`, `Cascade.sessions`, `Tie.evidence`...).

The wrapper type is named once, where `copied(..., list[T], shown=each(T))` names it twice.
"""

from __future__ import annotations

from types import GenericAlias
from typing import Any

from schema.types.copied import copied, each


def copied_each(
    attribute: str, wrapper: type[Any], description: str | None = None, **options: Any
) -> Any:
    """A field `[wrapper!]!` resolving to `wrapper(record=item)` for each item of `attribute`."""
    return copied(
        attribute, GenericAlias(list, (wrapper,)), description, shown=each(wrapper), **options
    )
