"""Resolving relationship fields: the page loaded ahead, else one loader call; a connection
per edge kind.

Entity types call these with their record and the field name. Below `node` and the root lists
the page was loaded with the root's statement and attached to the record (schema/attached.py);
anywhere else (below search hits, network answers, `nodes(ids)`) the field name picks the
repository's constant relation (`graph/repositories/*`), and the loader batches the owners.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from enum import Enum
from typing import Any, Final

import strawberry

from graph.declarations.spec import Edge
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
    FundingConnection,
    FundingEdge,
    ImplementationConnection,
    ImplementationEdge,
    MembershipConnection,
    MembershipEdge,
    ParticipationConnection,
    ParticipationEdge,
)
from schema.types.connection import (
    Edge as NodeEdge,
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


def plain_connection(page: Page, ordering: str) -> Connection[Any]:
    return Connection(
        **connection_fields(page, ordering, lambda at, node, _: NodeEdge(at=at, node=node))
    )


ConnectionBuilder = Callable[[Page, str], Any]


def _edge_connection(connection_type: type, edge_type: type) -> ConnectionBuilder:
    """A builder of connections whose edges carry the relationship's properties of the same
    names as the edge type's fields (a membership's role and period, a funding's amount)."""
    carried = [
        field.name
        for field in dataclasses.fields(edge_type)
        if field.init and field.name in RelationshipRecord.__struct_fields__
    ]

    def edge(at: CursorAt, node: Node, row: Row) -> Any:
        rel = row.relationship or RelationshipRecord(type="")
        shown = {name: getattr(rel, name) for name in carried}
        return edge_type(at=at, node=node, stated_by=rel.source, **shown)

    return lambda page, ordering: connection_type(**connection_fields(page, ordering, edge))


CONNECTION_BUILDERS: Final[dict[Edge, ConnectionBuilder]] = {
    Edge.PLAIN: plain_connection,
    Edge.MEMBERSHIP: _edge_connection(MembershipConnection, MembershipEdge),
    Edge.PARTICIPATION: _edge_connection(ParticipationConnection, ParticipationEdge),
    Edge.FUNDING: _edge_connection(FundingConnection, FundingEdge),
    Edge.IMPLEMENTATION: _edge_connection(ImplementationConnection, ImplementationEdge),
}
"""Connection builders by the kind of relation they page (`graph/declarations/`)."""


def relation_ordering(owner: NodeRecord, field: str) -> str:
    """The ordering name cursors of `owner`'s `field` carry (refused by any other list)."""
    return f"{owner.label.value}.{field}"


async def related(
    info: Info,
    owner: NodeRecord,
    field: str,
    edge: Edge,
    role: ParticipationRole | None = None,
    **paging: Any,
) -> Any:
    """The connection of `owner`'s relation `field`: attached, counted, or loaded."""
    page, ordering = await _page(info, owner, field, paging, role)
    return CONNECTION_BUILDERS[edge](page, ordering)


ONE = PageRequest(size=1)


async def one(info: Info, owner: NodeRecord, field: str) -> Any:
    """The first related node of a to-one field (an event's place), or None."""
    page = _attached(info, owner)
    if page is None:
        page = await loaders(info).relation(owner.label, field, ONE).load(owner.id)
    return entity(page.rows[0].node) if page.rows else None
