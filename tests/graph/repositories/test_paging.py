"""Keyset paging over the seed graph: every item exactly once, in order, both directions."""

from __future__ import annotations

import pytest

from graph.model import Label
from graph.repositories.base import Order
from graph.repositories.pages import Page
from graph.repositories.paging import Direction, PageRequest
from graph.repositories.registry import REPOSITORIES
from tests.graph.repositories.listing import list_page
from tests.seeded import SeededGraph

ORDERS = [
    (label, key, Direction.DESC if index % 2 else Direction.ASC)
    for label, repository in REPOSITORIES.items()
    for index, key in enumerate(repository.spec.orders)
]


async def walk(seeded: SeededGraph, label: Label, order: Order, *, backward: bool) -> list[str]:
    seen: list[str] = []
    page: Page | None = None
    while page is None or (page.has_previous if backward else page.has_next):
        cursor = None
        if page is not None and page.rows:
            cursor = page.rows[0].position if backward else page.rows[-1].position
        request = PageRequest(
            size=2,
            backward=backward,
            before=cursor if backward else None,
            after=None if backward else cursor,
        )
        page = await list_page(seeded.cypher(), label, order=order, request=request)
        ids = [row.node.id for row in page.rows]
        seen = ids + seen if backward else seen + ids
        assert len(seen) <= page.total
    return seen


@pytest.mark.parametrize(("label", "key", "direction"), ORDERS)
async def test_paging_forwards_and_backwards_returns_every_item_once(
    seeded: SeededGraph, label: Label, key: str, direction: Direction
) -> None:
    order = Order(key, direction)
    forwards = await walk(seeded, label, order, backward=False)
    backwards = await walk(seeded, label, order, backward=True)
    everything = await list_page(
        seeded.cypher(), label, order=order, request=PageRequest(size=1000)
    )
    assert forwards == backwards == [row.node.id for row in everything.rows]
    assert len(set(forwards)) == len(forwards) == everything.total > 0


async def test_one_page_costs_one_round_trip_including_its_total(seeded: SeededGraph) -> None:
    cypher = seeded.cypher()
    page = await list_page(cypher, Label.AGENCY, order=Order("name"), request=PageRequest(size=5))
    assert (len(page.rows), page.has_next, page.has_previous) == (5, True, False)
    assert page.total == len(await _all_ids(seeded, Label.AGENCY))
    assert cypher.round_trips == 1


async def test_agencies_by_events_count_put_the_migration_service_first(
    seeded: SeededGraph,
) -> None:
    page = await list_page(
        seeded.cypher(),
        Label.AGENCY,
        order=Order("eventsCount", Direction.DESC),
        request=PageRequest(size=3),
    )
    assert page.rows[0].node.id == "state-migration-service-az"
    keys = [row.position.key for row in page.rows]
    assert keys == sorted(keys, reverse=True)


async def _all_ids(seeded: SeededGraph, label: Label) -> list[str]:
    page = await list_page(
        seeded.cypher(), label, order=Order("name"), request=PageRequest(size=1000)
    )
    return [row.node.id for row in page.rows]
