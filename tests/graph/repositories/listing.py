"""A label's list page through `graph.repositories.plans.fetch_list`, the one list read, with
nothing loaded under its nodes: what the repository tests page through."""

from __future__ import annotations

from graph.database.cypher import Cypher
from graph.model import Label
from graph.repositories.base import Order
from graph.repositories.filters import Predicate
from graph.repositories.pages import Page
from graph.repositories.paging import PageRequest
from graph.repositories.plans import fetch_list
from graph.repositories.registry import REPOSITORIES


async def list_page(
    cypher: Cypher,
    label: Label,
    *,
    order: Order,
    request: PageRequest,
    where: Predicate | None = None,
) -> Page:
    fetched = await fetch_list(
        cypher,
        REPOSITORIES[label].spec,
        where=where,
        order=order,
        request=request,
        rows=True,
        total=True,
        beyond_flag=True,
        fetches=(),
    )
    return fetched.page
