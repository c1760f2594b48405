"""A request costs a fixed number of Neo4j round trips, whatever its page sizes.

The graph is built through the seed loader from fixture files written here: 100 experts,
each working for two agencies, taking part in three events and knowing two topics.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from neo4j import AsyncDriver

from graph.cypher import Cypher
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
BOUND = 5
"""experts page + agencies + their countries + events + topics: one statement each."""


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


@pytest.fixture
async def hundred_experts(cypher: Cypher, tmp_path: Path) -> Cypher:
    await load_seed(cypher, fixture_files(tmp_path, 100))
    return cypher


@pytest.mark.parametrize("size", [100, 10])
async def test_experts_with_agencies_events_topics_cost_a_fixed_number_of_round_trips(
    hundred_experts: Cypher, driver: AsyncDriver, size: int
) -> None:
    runner = Cypher(driver, "neo4j")
    result = await execute(runner, QUERY, {"n": size})
    assert result.errors is None, result.errors
    edges = result.data["experts"]["edges"]  # type: ignore[index]
    assert len(edges) == size
    assert all(len(edge["node"]["agencies"]["edges"]) == 2 for edge in edges)
    assert all(edge["node"]["events"]["totalCount"] == 3 for edge in edges)
    assert all(len(edge["node"]["topics"]["nodes"]) == 2 for edge in edges)
    assert runner.round_trips == BOUND
