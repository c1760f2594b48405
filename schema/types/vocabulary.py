"""GraphQL enums built from the graph's own lists, so that a value is named in one place."""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum

import strawberry


def vocabulary(name: str, codes: Iterable[str], description: str) -> type[Enum]:
    """A GraphQL enum of stored codes (`training_of_trainers` as TRAINING_OF_TRAINERS)."""
    made = Enum(name, {code.upper(): code for code in codes})  # type: ignore[misc]
    shown: type[Enum] = strawberry.enum(made, description=description)
    return shown
