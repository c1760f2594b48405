"""`orderBy` inputs and `groupBy` choices per list, from the repository's sort and facet keys
(`graph/repositories/*`, `ListSpec.orders` and `.facets`): enum values are those keys."""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum
from typing import Final

import strawberry

from graph.declarations import DECLARED
from graph.declarations.spec import snake
from graph.model import Label
from graph.repositories.base import Order
from graph.repositories.paging import Direction
from graph.repositories.registry import REPOSITORIES


@strawberry.enum
class OrderDirection(Enum):
    ASC = "ASC"
    DESC = "DESC"


def order_of(field: Enum | None, direction: OrderDirection) -> Order:
    """The graph ordering; ties are always broken by id, so every order is total and stable."""
    return Order(str(field.value) if field is not None else "name", Direction(direction.value))


def _enum(name: str, keys: Iterable[str]) -> type[Enum]:
    """A GraphQL enum whose values are graph keys (`eventsCount` as EVENTS_COUNT)."""
    made = Enum(name, {snake(key).upper(): key for key in keys})  # type: ignore[misc]
    shown: type[Enum] = strawberry.enum(made)
    return shown


def order_input(label: Label) -> type:
    """`<Label>Order`: one of the list's sort keys (`ListSpec.orders`) and a direction."""
    fields = _enum(f"{label.value}OrderField", REPOSITORIES[label].spec.orders)
    namespace = {
        "__annotations__": {"field": fields, "direction": OrderDirection},
        "field": fields["NAME"],
        "direction": OrderDirection.ASC,
    }
    made: type = strawberry.input(type(f"{label.value}Order", (), namespace))
    return made


ORDERS: Final = {label: order_input(label) for label in DECLARED}
"""The `orderBy` input type of each label's list."""

GROUP_BYS: Final = {
    label: _enum(f"{label.value}GroupBy", REPOSITORIES[label].spec.facets)
    for label in DECLARED
    if REPOSITORIES[label].spec.facets
}
"""The `groupBy` choices of each label that has any (`ListSpec.facets`)."""
