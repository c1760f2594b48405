"""`copied`: a field that shows one attribute of its type's private `record` unchanged.

Network, analytics and account types wrap a graph result (`record`) and show most of its
attributes as they are; one line per field names the attribute, its GraphQL type and the
field's options, where a resolver of its own would repeat the same three lines.
"""

from __future__ import annotations

from operator import attrgetter
from typing import Any

import strawberry


def copied(attribute: str, returns: Any, description: str | None = None, **options: Any) -> Any:
    """A field resolving to `root.record.<attribute>` (a dotted path), typed `returns`."""
    read = attrgetter(attribute)

    def resolve(root: Any) -> Any:
        return read(root.record)

    resolve.__annotations__ = {"root": Any, "return": returns}
    return strawberry.field(resolver=resolve, description=description, **options)
