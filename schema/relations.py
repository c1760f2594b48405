"""Resolving relationship fields: the page loaded ahead, else one loader call; a connection
per edge kind.

Entity types call these with their record and the field name. Below `node` and the root lists
the page was loaded with the root's statement and attached to the record (schema/attached.py);
anywhere else (below search hits, network answers, `nodes(ids)`) the field name picks the
repository's constant relation (`graph/repositories/*`), and the loader batches the owners.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import Any, Final

import strawberry

from graph.repositories.pages import Page, Row
from graph.repositories.paging import PageRequest
from graph.repositories.records import NodeRecord, RelationshipRecord
from schema.context import Info
from schema.cursors import CursorAt
from schema.loaders import loaders
from schema.paging import connection_fields, page_request
from schema.selection_fields import names_beyond
from schema.types.connection import (
    Connection,
    Edge,
    FundingConnection,
    FundingEdge,
    ImplementationConnection,
    ImplementationEdge,
    MembershipConnection,
    MembershipEdge,
    ParticipationConnection,
    ParticipationEdge,
)
from schema.types.node_interface import Node, entity


@strawberry.enum(description="How a person or agency took part in an event.")
class ParticipationRole(Enum):
    SPEAKER = "speaker"
    TRAINER = "trainer"
    PARTICIPANT = "participant"
    FACILITATOR = "facilitator"
    ORGANISER = "organiser"
    CONTACT = "contact"


COUNT_ONLY_FIELDS: Final = frozenset({"totalCount", "__typename"})


def _count_only(info: Info) -> bool:
    """Is this connection asked for `totalCount` alone (the list page's participant counts)?

    Then counting the related items is enough: reading and materialising every row just to
    throw it away is what made a 50-event list page cost thousands of rows.
    """
    return not any(
        names_beyond(selection, COUNT_ONLY_FIELDS)
        for field in info.selected_fields
        for selection in field.selections
    )


def _attached(info: Info, owner: NodeRecord) -> Page | None:
    """The page the root resolver loaded for this field of `owner`, its rows' own pages
    attached in turn; None when it loaded none."""
    attached = info.context.attached
    taken = attached.take(owner, str(info.path.key))
    if taken is None:
        return None
    fetched, below = taken
    attached.attach_rows(fetched, below)
    return fetched.page


async def _page(
    info: Info,
    owner: NodeRecord,
    field: str,
    paging: dict[str, Any],
    role: ParticipationRole | None = None,
) -> tuple[Page, str]:
    ordering = relation_ordering(owner, field)
    attached = _attached(info, owner)
    if attached is not None:
        return attached, ordering
    request = page_request(info, ordering, **paging)
    role_value = role.value if role is not None else None
    if _count_only(info):
        counter = loaders(info).count(owner.label, field, role_value)
        total = await counter.load(owner.id)
        return Page(rows=(), total=total, has_next=False, has_previous=False), ordering
    loader = loaders(info).relation(owner.label, field, request, role_value)
    return await loader.load(owner.id), ordering


def _rel(row: Row) -> RelationshipRecord:
    return row.relationship or RelationshipRecord(type="")


def plain_connection(page: Page, ordering: str) -> Connection[Any]:
    return Connection(
        **connection_fields(page, ordering, lambda at, node, _: Edge(at=at, node=node))
    )


def membership_connection(page: Page, ordering: str) -> MembershipConnection[Any]:
    def edge(at: CursorAt, node: Node, row: Row) -> MembershipEdge[Any]:
        rel = _rel(row)
        return MembershipEdge(
            at=at,
            node=node,
            role=rel.role,
            since=rel.since,
            until=rel.until,
            rank=rel.rank,
            note=rel.note,
            stated_by=rel.source,
        )

    return MembershipConnection(**connection_fields(page, ordering, edge))


def participation_connection(page: Page, ordering: str) -> ParticipationConnection[Any]:
    def edge(at: CursorAt, node: Node, row: Row) -> ParticipationEdge[Any]:
        rel = _rel(row)
        return ParticipationEdge(
            at=at,
            node=node,
            role=rel.role,
            count=rel.count,
            note=rel.note,
            stated_by=rel.source,
        )

    return ParticipationConnection(**connection_fields(page, ordering, edge))


def funding_connection(page: Page, ordering: str) -> FundingConnection[Any]:
    def edge(at: CursorAt, node: Node, row: Row) -> FundingEdge[Any]:
        rel = _rel(row)
        return FundingEdge(
            at=at,
            node=node,
            amount=rel.amount,
            currency=rel.currency,
            period=rel.period,
            text=rel.text,
            note=rel.note,
            stated_by=rel.source,
        )

    return FundingConnection(**connection_fields(page, ordering, edge))


def implementation_connection(page: Page, ordering: str) -> ImplementationConnection[Any]:
    def edge(at: CursorAt, node: Node, row: Row) -> ImplementationEdge[Any]:
        rel = _rel(row)
        return ImplementationEdge(
            at=at, node=node, lead=rel.lead, role=rel.role, note=rel.note, stated_by=rel.source
        )

    return ImplementationConnection(**connection_fields(page, ordering, edge))


ConnectionBuilder = Callable[[Page, str], Any]

CONNECTION_BUILDERS: Final[dict[str, ConnectionBuilder]] = {
    "MembershipConnection": membership_connection,
    "ParticipationConnection": participation_connection,
    "FundingConnection": funding_connection,
    "ImplementationConnection": implementation_connection,
    "Connection": plain_connection,
}
"""Connection builders by the suffix of the GraphQL type they build (`AgencyMembershipConnection`).

Every relationship resolver builds through these, and the root lists through the plain one.
"""


def relation_ordering(owner: NodeRecord, field: str) -> str:
    """The ordering name cursors of `owner`'s `field` carry (refused by any other list)."""
    return f"{owner.label.value}.{field}"


async def plain(info: Info, owner: NodeRecord, field: str, **paging: Any) -> Connection[Any]:
    page, ordering = await _page(info, owner, field, paging)
    return plain_connection(page, ordering)


async def memberships(
    info: Info, owner: NodeRecord, field: str, **paging: Any
) -> MembershipConnection[Any]:
    page, ordering = await _page(info, owner, field, paging)
    return membership_connection(page, ordering)


async def participations(
    info: Info,
    owner: NodeRecord,
    field: str,
    role: ParticipationRole | None = None,
    **paging: Any,
) -> ParticipationConnection[Any]:
    page, ordering = await _page(info, owner, field, paging, role)
    return participation_connection(page, ordering)


async def fundings(
    info: Info, owner: NodeRecord, field: str, **paging: Any
) -> FundingConnection[Any]:
    page, ordering = await _page(info, owner, field, paging)
    return funding_connection(page, ordering)


async def implementations(
    info: Info, owner: NodeRecord, field: str, **paging: Any
) -> ImplementationConnection[Any]:
    page, ordering = await _page(info, owner, field, paging)
    return implementation_connection(page, ordering)


ONE = PageRequest(size=1)


async def one(info: Info, owner: NodeRecord, field: str) -> Any:
    """The first related node of a to-one field (an event's place), or None."""
    page = _attached(info, owner)
    if page is None:
        page = await loaders(info).relation(owner.label, field, ONE).load(owner.id)
    return entity(page.rows[0].node) if page.rows else None
