"""A read operation costs at most two Neo4j round trips, whatever its page sizes and nesting.

`node` and the root lists load their whole selection in one statement; a query with several
root fields sends their reads together (schema/together.py).

The graph is built through the seed loader from fixture files written here: 100 experts,
each working for two agencies, taking part in three events and knowing two topics.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from neo4j import AsyncDriver

from graph.database.cypher import Cypher
from graph.database.maintenance import delete_everything
from graph.model import Label
from schema.ids import to_global_id
from seed.load import load_seed
from tests.seeded import execute

SOURCE = "res-fixture"
QUERY = """query ($n: Int!) {
  experts(first: $n) {
    totalCount
    edges { node {
      name { text }
      agencies { edges { role node { name { text } country { slug } } } }
      events(first: 100) { totalCount edges { role node { title { text } start } } }
      topics { nodes { name { text } } }
    } }
  }
}"""
BOUND = 2
"""Round trips a read operation may cost."""
DETAIL = """query ($id: ID!) {
  node(id: $id) { ... on Expert {
    name { text }
    agencies(first: 20) { edges { role since node { id name { text } country { slug } } } }
    events(first: 50) { edges { role node { id title { text } start place { slug } } } }
    topics(first: 20) { edges { node { id name { text } } } }
  } }
  collaborators(expertId: $id, first: 10) { weight node { id name { text } } }
}"""
EVENT_LIST = """query ($n: Int!) {
  events(first: $n, orderBy: { field: START, direction: DESC }) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node {
      id title { text } start
      participants(first: 3) { totalCount nodes { ... on Expert { slug } } }
      topics { nodes { slug experts(first: 2) { nodes { slug } } } }
    } }
  }
}"""


def write(directory: Path, label: str, records: list[dict[str, Any]]) -> None:
    document = {"label": label, "records": records}
    (directory / f"{label.lower()}.yaml").write_text(
        yaml.safe_dump(document, allow_unicode=True), encoding="utf-8"
    )


def fixture_files(directory: Path, experts: int) -> Path:
    write(
        directory,
        "Resource",
        [{"id": SOURCE, "source": SOURCE, "kind": "report", "title": {"en": "Fixture"}}],
    )
    write(directory, "Country", [{"id": "c-1", "source": SOURCE, "name": {"en": "Country"}}])
    write(
        directory,
        "Agency",
        [
            {
                "id": f"a-{i}",
                "source": SOURCE,
                "name": {"en": f"Agency {i}", "ru": f"Агентство {i}"},
                "links": [{"type": "BASED_IN", "to": "c-1"}],
            }
            for i in range(5)
        ],
    )
    write(
        directory,
        "Topic",
        [{"id": f"t-{i}", "source": SOURCE, "name": {"en": f"Topic {i}"}} for i in range(5)],
    )
    write(
        directory,
        "Event",
        [
            {
                "id": f"e-{i}",
                "source": SOURCE,
                "kind": "training",
                "title": {"en": f"Training {i}"},
                "start": f"2020-01-{i + 1:02d}",
            }
            for i in range(10)
        ],
    )
    write(
        directory,
        "Expert",
        [
            {
                "id": f"x-{i:03d}",
                "source": SOURCE,
                "name": f"Expert {i:03d}",
                "links": [
                    *(
                        {"type": "WORKS_FOR", "to": f"a-{(i + k) % 5}", "role": "officer"}
                        for k in range(2)
                    ),
                    *(
                        {"type": "TOOK_PART", "to": f"e-{(i + k) % 10}", "role": "trainer"}
                        for k in range(3)
                    ),
                    *({"type": "ABOUT", "to": f"t-{(i + k) % 5}"} for k in range(2)),
                ],
            }
            for i in range(experts)
        ],
    )
    return directory


@pytest.fixture(scope="module")
async def hundred_experts(driver: AsyncDriver, tmp_path_factory: pytest.TempPathFactory) -> None:
    """The fixture graph, loaded once for the module; the tests only read it."""
    runner = Cypher(driver, "neo4j")
    await delete_everything(runner)
    await load_seed(runner, fixture_files(tmp_path_factory.mktemp("fixture"), 100))


async def edges_in_one_round_trip(
    driver: AsyncDriver, query: str, field: str, size: int
) -> list[dict[str, Any]]:
    """The `size` edges of `field` that `query` (taking `$n`) answers, with one statement."""
    runner = Cypher(driver, "neo4j")
    result = await execute(runner, query, {"n": size})
    assert result.errors is None, result.errors
    assert result.data is not None
    edges: list[dict[str, Any]] = result.data[field]["edges"]
    assert len(edges) == size
    assert runner.round_trips == 1
    return edges


@pytest.mark.parametrize("size", [100, 10])
async def test_experts_with_agencies_events_topics_cost_a_fixed_number_of_round_trips(
    hundred_experts: None, driver: AsyncDriver, size: int
) -> None:
    edges = await edges_in_one_round_trip(driver, QUERY, "experts", size)
    assert all(len(edge["node"]["agencies"]["edges"]) == 2 for edge in edges)
    assert all(edge["node"]["events"]["totalCount"] == 3 for edge in edges)
    assert all(len(edge["node"]["topics"]["nodes"]) == 2 for edge in edges)


@pytest.mark.parametrize("size", [10, 1])
async def test_a_list_with_nested_relationships_two_levels_deep_is_one_round_trip(
    hundred_experts: None, driver: AsyncDriver, size: int
) -> None:
    edges = await edges_in_one_round_trip(driver, EVENT_LIST, "events", size)
    assert all(edge["node"]["participants"]["totalCount"] == 30 for edge in edges)
    assert all(len(edge["node"]["participants"]["nodes"]) == 3 for edge in edges)


async def test_a_detail_page_with_a_second_root_field_stays_within_the_bound(
    hundred_experts: None, driver: AsyncDriver
) -> None:
    for _ in range(2):  # the first request of a shape, and the ones after it
        runner = Cypher(driver, "neo4j")
        result = await execute(runner, DETAIL, {"id": to_global_id(Label.EXPERT, "x-007")})
        assert result.errors is None, result.errors
        expert = result.data["node"]  # type: ignore[index]
        assert len(expert["agencies"]["edges"]) == 2
        assert len(expert["events"]["edges"]) == 3
        assert result.data["collaborators"]  # type: ignore[index]
        assert runner.round_trips <= BOUND
