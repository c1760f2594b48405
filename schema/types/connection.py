"""Relay connections: pages with cursors, `pageInfo` and `totalCount`.

Edges that come from a relationship carry its properties next to the node, the way a reader
thinks of them: an expert's agency *with* the role and the period, an event's participant
*with* the role and the count of unnamed people.
"""

from __future__ import annotations

from types import new_class
from typing import Any, Generic, TypeVar

import strawberry

from schema.context import Info
from schema.cursors import CursorAt
from schema.permissions import shown_source

NodeT = TypeVar("NodeT")


@strawberry.type(description="Where a page sits in its list (Relay).")
class PageInfo:
    has_next_page: bool
    has_previous_page: bool
    start: strawberry.Private[CursorAt | None]
    end: strawberry.Private[CursorAt | None]

    @strawberry.field
    def start_cursor(self) -> str | None:
        """Encoded when shown, as edges' cursors are: most pages never show their cursors."""
        return None if self.start is None else self.start.encode()

    @strawberry.field
    def end_cursor(self) -> str | None:
        return None if self.end is None else self.end.encode()


@strawberry.type
class PagedEdge:
    """What every edge of a page has: a cursor to page on from it."""

    at: strawberry.Private[CursorAt]

    @strawberry.field
    def cursor(self) -> str:
        return self.at.encode()


@strawberry.type
class StatedEdge(PagedEdge):
    """An edge of a relationship: what stated it, as this viewer may see it."""

    stated_by: strawberry.Private[str | None]

    @strawberry.field(
        description="The resource that stated this link; for links an account wrote, the "
        "account (editors and admins) or `contributed` (everyone else)."
    )
    def source(self, info: Info) -> str | None:
        return shown_source(info.context.viewer, self.stated_by)


@strawberry.type
class Edge(PagedEdge, Generic[NodeT]):
    node: NodeT


@strawberry.type
class Connection(Generic[NodeT]):
    total_count: int = strawberry.field(description="Items in the whole list, all pages.")
    page_info: PageInfo
    edges: list[Edge[NodeT]]
    nodes: list[NodeT] = strawberry.field(description="The page's nodes, without cursors.")


@strawberry.type
class EdgeConnection(Generic[NodeT]):
    """A page of relationship edges; each subclass names the kind of its edges."""

    total_count: int
    page_info: PageInfo
    edges: list[Any]
    nodes: list[NodeT]


@strawberry.type(description="An agency-and-person link (WORKS_FOR) with its role and period.")
class MembershipEdge(StatedEdge, Generic[NodeT]):
    node: NodeT
    role: str | None
    since: str | None
    until: str | None
    rank: str | None
    note: str | None


@strawberry.type(
    description="A taking-part link (TOOK_PART): the role, and for an agency the number of "
    "its unnamed people when the source gives one."
)
class ParticipationEdge(StatedEdge, Generic[NodeT]):
    node: NodeT
    role: str | None
    count: int | None
    note: str | None


@strawberry.type(description="A funding link (FUNDED_BY) with the amount as the source states.")
class FundingEdge(StatedEdge, Generic[NodeT]):
    node: NodeT
    amount: float | None
    currency: str | None
    period: str | None
    text: str | None = strawberry.field(description="The amount as written in the source.")
    note: str | None


@strawberry.type(description="An implementing link (IMPLEMENTED_BY): lead partner or not.")
class ImplementationEdge(StatedEdge, Generic[NodeT]):
    node: NodeT
    lead: bool | None
    role: str | None
    note: str | None


def edge_connection(edge: Any) -> Any:
    """The connection type of `edge`s (`FundingEdge` -> `FundingConnection`): only the type
    of its edges sets it apart from the others."""

    def body(namespace: dict[str, Any]) -> None:
        namespace["__annotations__"] = {"edges": list[edge[NodeT]]}
        namespace["__module__"] = __name__

    name = edge.__name__.removesuffix("Edge") + "Connection"
    generic = EdgeConnection[NodeT]
    return strawberry.type(new_class(name, (generic,), exec_body=body))


MembershipConnection = edge_connection(MembershipEdge)
ParticipationConnection = edge_connection(ParticipationEdge)
FundingConnection = edge_connection(FundingEdge)
ImplementationConnection = edge_connection(ImplementationEdge)
