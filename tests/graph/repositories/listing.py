"""A label's list page through `graph.plans.fetch_list`, the one list read, with nothing
loaded under its nodes: what the repository tests page through."""

from __future__ import annotations

from graph.cypher import Cypher
from graph.filters import Predicate
from graph.model import Label
from graph.paging import PageRequest
from graph.plans import fetch_list
from graph.records import Page
from graph.repositories import REPOSITORIES
from graph.repositories.base import Order


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
