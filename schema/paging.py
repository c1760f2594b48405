"""Turning Relay arguments into a validated page request, and pages into connections."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any, Final, TypeVar

from graph.repositories.pages import Page, Row
from graph.repositories.paging import PageRequest
from schema.context import Info
from schema.cursors import CursorAt, decode_cursor
from schema.errors import BadUserInputError
from schema.types.connection import PageInfo
from schema.types.node_interface import Node, entity

DEFAULT_PAGE_SIZE: Final = 20

EdgeT = TypeVar("EdgeT")


def page_request(
    info: Info,
    ordering: str,
    *,
    first: int | None,
    after: str | None,
    last: int | None,
    before: str | None,
) -> PageRequest:
    """Check `first`/`last` against the page-size cap and decode the cursors."""
    cap = info.context.limits.max_page_size
    if first is not None and last is not None:
        raise BadUserInputError("pass `first` or `last`, not both")
    argument, size = ("last", last) if last is not None else ("first", first)
    if size is None:
        size = min(DEFAULT_PAGE_SIZE, cap)
    if size < 0:
        raise BadUserInputError(f"`{argument}` must not be negative")
    if size > cap:
        raise BadUserInputError(f"`{argument}` may be at most {cap} (the page-size cap)")
    return PageRequest(
        size=size,
        backward=last is not None,
        after=decode_cursor(after, ordering, "after") if after is not None else None,
        before=decode_cursor(before, ordering, "before") if before is not None else None,
    )


def page_info(page: Page, ordering: str) -> PageInfo:
    rows = page.rows
    return PageInfo(
        has_next_page=page.has_next,
        has_previous_page=page.has_previous,
        start=CursorAt(ordering, rows[0].position) if rows else None,
        end=CursorAt(ordering, rows[-1].position) if rows else None,
    )


def connection_fields(
    page: Page, ordering: str, make: Callable[[CursorAt, Node, Row], EdgeT]
) -> dict[str, Any]:
    """Keyword arguments shared by every connection type: count, page info, edges, nodes."""
    nodes = [entity(row.node) for row in page.rows]
    return {
        "total_count": page.total,
        "page_info": page_info(page, ordering),
        "edges": [
            make(CursorAt(ordering, row.position), node, row)
            for node, row in zip(nodes, page.rows, strict=True)
        ],
        "nodes": nodes,
    }


RELAY_PAGING: Final = tuple(
    inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=None, annotation=shown)
    for name, shown in (
        ("first", int | None),
        ("after", str | None),
        ("last", int | None),
        ("before", str | None),
    )
)
"""Relay's paging arguments, in the order every connection field lists them."""


def paged(resolver: Callable[..., Any], *, without: tuple[str, ...] = ()) -> Callable[..., Any]:
    """`resolver(root, info, ..., **paging)` as GraphQL sees it: its own arguments (less
    `without`), then `first`, `after`, `last`, `before`, passed on in `paging`."""
    signature = inspect.signature(resolver)
    own = [
        parameter
        for parameter in signature.parameters.values()
        if parameter.kind is not inspect.Parameter.VAR_KEYWORD and parameter.name not in without
    ]
    resolver.__signature__ = signature.replace(parameters=[*own, *RELAY_PAGING])  # type: ignore[attr-defined]
    return resolver
