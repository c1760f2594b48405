"""Root lists through GraphQL: filters, ordering, cursors, the page-size cap."""

from __future__ import annotations

from typing import Any

import pytest

from graph.model import Label
from schema.context import Limits
from tests.seeded import SeededGraph, codes_of, data_of, execute, gid

EXPERTS = """
query ($where: ExpertWhere, $first: Int, $after: String, $last: Int, $before: String,
       $order: ExpertOrder) {
  experts(where: $where, first: $first, after: $after, last: $last, before: $before,
          orderBy: $order) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { slug } }
  }
}
"""


async def slugs(seeded: SeededGraph, query: str, variables: dict[str, Any]) -> list[str]:
    data = await data_of(seeded.cypher(), query, variables)
    (connection,) = data.values()
    return [edge["node"]["slug"] for edge in connection["edges"]]


async def test_paging_forwards_then_backwards_returns_every_expert_once(
    seeded: SeededGraph,
) -> None:
    forwards: list[str] = []
    after = None
    while True:
        data = await data_of(seeded.cypher(), EXPERTS, {"first": 2, "after": after})
        page = data["experts"]
        forwards += [edge["node"]["slug"] for edge in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    backwards: list[str] = []
    before = None
    while True:
        data = await data_of(seeded.cypher(), EXPERTS, {"last": 2, "before": before})
        page = data["experts"]
        backwards = [edge["node"]["slug"] for edge in page["edges"]] + backwards
        if not page["pageInfo"]["hasPreviousPage"]:
            break
        before = page["pageInfo"]["startCursor"]
    assert forwards == backwards
    assert len(forwards) == len(set(forwards)) == data["experts"]["totalCount"] == 5


async def test_where_combines_and_or_not(seeded: SeededGraph) -> None:
    where = {
        "OR": [
            {"name": {"startsWith": "vla"}},
            {"agency": {"name": {"contains": "MIGRATION SERVICE"}}},
        ],
        "NOT": {"slug": {"eq": "vladanka-andreeva"}},
    }
    found = await slugs(seeded, EXPERTS, {"where": where})
    assert found == ["vladimir-gjorgjiev", "vusal-huseynov"]


async def test_relationship_filters_take_global_ids(seeded: SeededGraph) -> None:
    where = {"event": {"id": {"in": [gid(Label.EVENT, "rtcm-roadmap-workshop")]}}}
    found = await slugs(seeded, EXPERTS, {"where": where})
    assert set(found) == {
        "vusal-huseynov",
        "vladimir-gjorgjiev",
        "vladanka-andreeva",
        "isabelle-astor",
    }


async def test_events_filtered_by_programme_and_year_range(seeded: SeededGraph) -> None:
    query = """
    query ($where: EventWhere) {
      events(where: $where, orderBy: {field: START, direction: DESC}) {
        edges { node { slug } }
      }
    }"""
    recent = {"startYear": {"gte": 2020, "lte": 2022}}
    assert await slugs(seeded, query, {"where": recent}) == [
        "rtcm-roll-out-session",
        "rtcm-tot-baku",
    ]
    rtcm = {**recent, "programme": {"name": {"contains": "regional training center"}}}
    assert await slugs(seeded, query, {"where": rtcm}) == ["rtcm-roll-out-session"]
    in_azerbaijan = {"country": {"name": {"eq": "Azerbaijan"}}, "start": {"lte": "2022-07"}}
    assert await slugs(seeded, query, {"where": in_azerbaijan}) == ["rtcm-tot-baku"]


async def test_agencies_ordered_by_events_count(seeded: SeededGraph) -> None:
    query = """{
      agencies(first: 1, orderBy: {field: EVENTS_COUNT, direction: DESC}) {
        edges { node { slug } }
      }
    }"""
    assert await slugs(seeded, query, {}) == ["state-migration-service-az"]


async def test_a_cursor_from_another_order_is_refused(seeded: SeededGraph) -> None:
    data = await data_of(seeded.cypher(), EXPERTS, {"first": 1})
    cursor = data["experts"]["pageInfo"]["endCursor"]
    result = await execute(
        seeded.cypher(),
        EXPERTS,
        {"after": cursor, "order": {"field": "EVENTS_COUNT", "direction": "DESC"}},
    )
    assert codes_of(result) == ["BAD_USER_INPUT"]
    assert "cursor" in result.errors[0].message  # type: ignore[index]


@pytest.mark.parametrize(
    ("variables", "fragment"),
    [
        ({"first": 101}, "at most 100"),
        ({"first": -1}, "negative"),
        ({"first": 1, "last": 1}, "not both"),
        ({"after": "not-a-cursor"}, "cursor"),
        ({"before": "W10"}, "cursor"),
        ({"where": {"id": {"eq": "bm9wZQ"}}}, "not a valid ID"),
        ({"where": {"topic": {"id": {"eq": gid(Label.AGENCY, "iom")}}}}, "expected a Topic"),
    ],
)
async def test_bad_paging_and_filter_input_is_a_coded_error(
    seeded: SeededGraph, variables: dict[str, Any], fragment: str
) -> None:
    cypher = seeded.cypher()
    result = await execute(cypher, EXPERTS, variables)
    assert codes_of(result) == ["BAD_USER_INPUT"]
    assert fragment in result.errors[0].message  # type: ignore[index]
    assert cypher.round_trips == 0


async def test_the_page_size_cap_follows_the_limits(seeded: SeededGraph) -> None:
    result = await execute(seeded.cypher(), EXPERTS, {"first": 3}, limits=Limits(max_page_size=2))
    assert codes_of(result) == ["BAD_USER_INPUT"]
    assert "at most 2" in result.errors[0].message  # type: ignore[index]


async def test_a_where_too_large_is_refused(seeded: SeededGraph) -> None:
    where = {"OR": [{"slug": {"eq": str(index)}} for index in range(40)]}
    result = await execute(seeded.cypher(), EXPERTS, {"where": where})
    assert codes_of(result) == ["BAD_USER_INPUT"]


async def test_dates_are_validated(seeded: SeededGraph) -> None:
    query = "query ($w: EventWhere) { events(where: $w) { totalCount } }"
    result = await execute(seeded.cypher(), query, {"w": {"start": {"gte": "last year"}}})
    assert codes_of(result) == ["BAD_USER_INPUT"]
