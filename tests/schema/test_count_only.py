"""Connections asked for `totalCount` alone are counted, not read, and the counts agree."""

from __future__ import annotations

from typing import Any

from tests.seeded import SeededGraph, codes_of, data_of, execute

COUNTS = """{
  events(first: 100) { edges { node { id
    participants { totalCount }
    speakers: participants(role: SPEAKER) { __typename totalCount }
    organisers { ... on NodeParticipationConnection { totalCount } }
    topics { totalCount }
  } } }
  experts(first: 100) { edges { node { id events { totalCount } agencies { totalCount } } } }
}"""

FULL = """{
  events(first: 100) { edges { node { id
    participants { totalCount edges { cursor } }
    speakers: participants(role: SPEAKER) { __typename totalCount nodes { id } }
    organisers { ... on NodeParticipationConnection { totalCount pageInfo { hasNextPage } } }
    topics { totalCount edges { cursor } }
  } } }
  experts(first: 100) { edges { node { id
    events { totalCount edges { cursor } }
    agencies { totalCount edges { cursor } }
  } } }
}"""


def totals(data: Any) -> dict[str, int]:
    """Every `totalCount` below the root lists, keyed by owner id and field."""
    found: dict[str, int] = {}
    for root in ("events", "experts"):
        for edge in data[root]["edges"]:
            node = edge["node"]
            for field, value in node.items():
                if isinstance(value, dict):
                    found[f"{node['id']}.{field}"] = value["totalCount"]
    return found


async def test_count_only_connections_report_the_same_totals_as_full_ones(
    seeded: SeededGraph,
) -> None:
    counted = totals(await data_of(seeded.cypher(), COUNTS))
    read = totals(await data_of(seeded.cypher(), FULL))
    assert counted == read
    assert any(total > 0 for key, total in counted.items() if key.endswith(".participants"))
    assert any(total > 0 for key, total in counted.items() if key.endswith(".speakers"))


async def test_count_only_connection_takes_its_own_batched_count_query(
    seeded: SeededGraph,
) -> None:
    """Below search hits, where nothing is loaded ahead, relationship fields use loaders."""
    query = """{ search(query: "training", first: 50) { edges { node { ... on Event {
      counted: participants { totalCount }
      read: participants { totalCount edges { cursor } }
    } } } } }"""
    cypher = seeded.cypher()
    data = await data_of(cypher, query)
    # The search, one count statement for all events, one page statement for all events.
    assert cypher.round_trips == 3
    events = [edge["node"] for edge in data["search"]["edges"] if edge["node"]]
    assert events
    for event in events:
        assert event["counted"]["totalCount"] == event["read"]["totalCount"]


async def test_below_a_root_list_counts_and_pages_come_with_the_list(
    seeded: SeededGraph,
) -> None:
    query = """{ events(first: 100) { edges { node {
      counted: participants { totalCount }
      read: participants { totalCount edges { cursor } }
    } } } }"""
    cypher = seeded.cypher()
    data = await data_of(cypher, query)
    assert cypher.round_trips == 1
    for edge in data["events"]["edges"]:
        assert edge["node"]["counted"]["totalCount"] == edge["node"]["read"]["totalCount"]


async def test_count_only_connection_still_checks_the_page_size_cap(
    seeded: SeededGraph,
) -> None:
    query = "{ events(first: 1) { edges { node { participants(first: 100000) { totalCount } } } } }"
    result = await execute(seeded.cypher(), query)
    assert codes_of(result) == ["BAD_USER_INPUT"]
