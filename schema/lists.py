"""Root lists: `experts`, `agencies`, ... as Relay connections with `where` and `orderBy`.

A page, its total count, its has-next/has-previous flags and every relationship page its
selection shows under its nodes come from one Cypher statement (schema/fetch_tree.py builds
the tree from the root field's own selection, graph/repositories/plans.py compiles it).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any, Final, Protocol

import strawberry

from graph.model import Label
from graph.repositories.base import Order
from graph.repositories.filters import Predicate
from graph.repositories.paging import PageRequest
from graph.repositories.plans import fetch_list
from graph.repositories.registry import REPOSITORIES
from schema.all_entities import Agency, Country, Event, Expert, Place, Programme, Resource, Topic
from schema.context import Info
from schema.fetch_tree import list_fetches
from schema.filters.order import (
    AgencyOrder,
    CountryOrder,
    EventOrder,
    ExpertOrder,
    OrderDirection,
    PlaceOrder,
    ProgrammeOrder,
    ResourceOrder,
    TopicOrder,
    order_of,
)
from schema.filters.scalar_rules import Rule, to_predicate
from schema.filters.where import (
    AGENCY_RULES,
    COUNTRY_RULES,
    EVENT_RULES,
    EXPERT_RULES,
    PLACE_RULES,
    PROGRAMME_RULES,
    RESOURCE_RULES,
    TOPIC_RULES,
    AgencyWhere,
    CountryWhere,
    EventWhere,
    ExpertWhere,
    PlaceWhere,
    ProgrammeWhere,
    ResourceWhere,
    TopicWhere,
)
from schema.paging import page_request
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
    "experts": (Label.EXPERT, EXPERT_RULES),
    "agencies": (Label.AGENCY, AGENCY_RULES),
    "countries": (Label.COUNTRY, COUNTRY_RULES),
    "places": (Label.PLACE, PLACE_RULES),
    "programmes": (Label.PROGRAMME, PROGRAMME_RULES),
    "events": (Label.EVENT, EVENT_RULES),
    "topics": (Label.TOPIC, TOPIC_RULES),
    "resources": (Label.RESOURCE, RESOURCE_RULES),
}
"""Root list fields by GraphQL name: the label listed and its filter rules."""


@dataclass(frozen=True, slots=True)
class ListArguments:
    """A root list's arguments, checked and turned into what `graph/` takes."""

    predicate: Predicate | None
    order: Order
    request: PageRequest
    ordering: str
    """Name of the list's order, carried by its cursors."""


def list_arguments(
    info: Info,
    label: Label,
    where: Any,
    rules: dict[str, Rule],
    order_by: _OrderInput | None,
    paging: dict[str, Any],
) -> ListArguments:
    order = _order(order_by)
    ordering = f"{label.value}:{order.key}:{order.direction.value}"
    request = page_request(info, ordering, **paging)
    return ListArguments(to_predicate(where, rules), order, request, ordering)


async def root_list(
    info: Info,
    label: Label,
    where: Any,
    rules: dict[str, Rule],
    order_by: _OrderInput | None,
    paging: dict[str, Any],
) -> Connection[Any]:
    """One page of a label's list with the pages its selection shows under each node; the
    cursor names the order it belongs to."""
    arguments = list_arguments(info, label, where, rules, order_by, paging)
    selected = list_fetches(info, label)
    under = selected.under
    fetched = await fetch_list(
        info.context.cypher,
        REPOSITORIES[label].spec,
        where=arguments.predicate,
        order=arguments.order,
        request=arguments.request,
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
    return plain_connection(fetched.page, arguments.ordering)


@strawberry.type
class ListQuery:
    @strawberry.field(description="People, filtered and ordered (default: by name).")
    async def experts(
        self,
        info: Info,
        where: ExpertWhere | None = None,
        order_by: ExpertOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[Expert]:
        paging = {"first": first, "after": after, "last": last, "before": before}
        return await root_list(info, Label.EXPERT, where, EXPERT_RULES, order_by, paging)

    @strawberry.field(description="Organisations, filtered and ordered (default: by name).")
    async def agencies(
        self,
        info: Info,
        where: AgencyWhere | None = None,
        order_by: AgencyOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[Agency]:
        paging = {"first": first, "after": after, "last": last, "before": before}
        return await root_list(info, Label.AGENCY, where, AGENCY_RULES, order_by, paging)

    @strawberry.field
    async def countries(
        self,
        info: Info,
        where: CountryWhere | None = None,
        order_by: CountryOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[Country]:
        paging = {"first": first, "after": after, "last": last, "before": before}
        return await root_list(info, Label.COUNTRY, where, COUNTRY_RULES, order_by, paging)

    @strawberry.field
    async def places(
        self,
        info: Info,
        where: PlaceWhere | None = None,
        order_by: PlaceOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[Place]:
        paging = {"first": first, "after": after, "last": last, "before": before}
        return await root_list(info, Label.PLACE, where, PLACE_RULES, order_by, paging)

    @strawberry.field
    async def programmes(
        self,
        info: Info,
        where: ProgrammeWhere | None = None,
        order_by: ProgrammeOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[Programme]:
        paging = {"first": first, "after": after, "last": last, "before": before}
        return await root_list(info, Label.PROGRAMME, where, PROGRAMME_RULES, order_by, paging)

    @strawberry.field
    async def events(
        self,
        info: Info,
        where: EventWhere | None = None,
        order_by: EventOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[Event]:
        paging = {"first": first, "after": after, "last": last, "before": before}
        return await root_list(info, Label.EVENT, where, EVENT_RULES, order_by, paging)

    @strawberry.field
    async def topics(
        self,
        info: Info,
        where: TopicWhere | None = None,
        order_by: TopicOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[Topic]:
        paging = {"first": first, "after": after, "last": last, "before": before}
        return await root_list(info, Label.TOPIC, where, TOPIC_RULES, order_by, paging)

    @strawberry.field
    async def resources(
        self,
        info: Info,
        where: ResourceWhere | None = None,
        order_by: ResourceOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[Resource]:
        paging = {"first": first, "after": after, "last": last, "before": before}
        return await root_list(info, Label.RESOURCE, where, RESOURCE_RULES, order_by, paging)
