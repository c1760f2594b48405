"""`copied` fields whose record attribute is a record (or a list of records) that GraphQL shows
as a type of its own (`CentralityResult.projection`, `Community.members`, `Tie.evidence`...).

The wrapper type is named once, where `copied(..., list[T], shown=each(T))` names it twice.
"""

from __future__ import annotations

from types import GenericAlias
from typing import Any

from schema.types.copied import copied, each


def copied_record(
    attribute: str, wrapper: type[Any], description: str | None = None, **options: Any
) -> Any:
    """A field `wrapper!` resolving to `wrapper(record=<attribute>)`."""
    return copied(
        attribute, wrapper, description, shown=lambda item: wrapper(record=item), **options
    )


def copied_each(
    attribute: str, wrapper: type[Any], description: str | None = None, **options: Any
) -> Any:
    """A field `[wrapper!]!` resolving to `wrapper(record=item)` for each item of `attribute`."""
    list_type = GenericAlias(list, (wrapper,))
    return copied(attribute, list_type, description, shown=each(wrapper), **options)
