"""Root lists: `experts`, `agencies`, ... as Relay connections with `where` and `orderBy`.

A page, its total count, its has-next/has-previous flags and every relationship page its
selection shows under its nodes come from one Cypher statement (schema/fetch_tree.py builds
the tree from the root field's own selection, graph/repositories/plans.py compiles it).
"""

from __future__ import annotations

from enum import Enum
from typing import Any, Final, Protocol, cast

import strawberry

from graph.declarations import DECLARED
from graph.model import Label
from graph.repositories.base import Order
from graph.repositories.plans import fetch_list
from graph.repositories.registry import REPOSITORIES
from schema.all_entities import ENTITY_TYPE
from schema.context import Info
from schema.fetch_tree import list_fetches
from schema.filters.order import ORDERS, OrderDirection, order_of
from schema.filters.scalar_rules import Rule, to_predicate
from schema.filters.where import RULES, WHERE
from schema.paging import page_request, paged
from schema.relations import plain_connection
from schema.types.connection import Connection


class _OrderInput(Protocol):
    @property
    def field(self) -> Enum: ...

    @property
    def direction(self) -> OrderDirection: ...


def _order(order_by: _OrderInput | None) -> Order:
    if order_by is None:
        return Order("name")
    return order_of(order_by.field, order_by.direction)


ROOT_LISTS: Final[dict[str, tuple[Label, dict[str, Rule]]]] = {
    entity.plural: (label, RULES[label]) for label, entity in DECLARED.items()
}
"""Root list fields by GraphQL name: the label listed and its filter rules."""


async def root_list(
    info: Info, label: Label, where: Any, order_by: _OrderInput | None, paging: dict[str, Any]
) -> Connection[Any]:
    """One page of a label's list with the pages its selection shows under each node; the
    cursor names the order it belongs to."""
    order = _order(order_by)
    ordering = f"{label.value}:{order.key}:{order.direction.value}"
    predicate = to_predicate(where, RULES[label])
    request = page_request(info, ordering, **paging)
    selected = list_fetches(info, label)
    under = selected.under
    fetched = await fetch_list(
        info.context.cypher,
        REPOSITORIES[label].spec,
        where=predicate,
        order=order,
        request=request,
        rows=selected.rows,
        total=selected.total,
        beyond_flag=selected.beyond,
        fetches=under.fetches,
        written_at=under.written_at,
        reads=under.reads,
        positions=selected.positions,
    )
    attached = info.context.attached
    for row, nested in zip(fetched.page.rows, fetched.nested, strict=True):
        attached.attach(row.node, under, nested)
    return plain_connection(fetched.page, ordering)


def list_field(label: Label) -> Any:
    """The root list of `label`: `where`, `orderBy` and Relay paging."""

    async def listed(info: Info, where: Any = None, order_by: Any = None, **paging: Any) -> Any:
        return await root_list(info, label, where, order_by, paging)

    listed.__annotations__ = {
        **listed.__annotations__,
        "info": Info,
        "where": WHERE[label] | None,
        "order_by": ORDERS[label] | None,
        "return": cast(Any, Connection)[ENTITY_TYPE[label]],
    }
    return strawberry.field(resolver=paged(listed), description=DECLARED[label].list_doc)


ListQuery = strawberry.type(
    type("ListQuery", (), {entity.plural: list_field(label) for label, entity in DECLARED.items()})
)
