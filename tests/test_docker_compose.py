"""docker-compose.yml is the path for Docker users: Neo4j 5.26 healthy before the API starts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from graph.neo4j_local.server import TRANSACTION_TIMEOUT

PROJECT = Path(__file__).resolve().parents[1]


def compose() -> dict[str, Any]:
    loaded = yaml.safe_load((PROJECT / "docker-compose.yml").read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def test_neo4j_service_runs_5_26_community_with_healthcheck_and_named_volume() -> None:
    neo4j = compose()["services"]["neo4j"]
    assert neo4j["image"] == "neo4j:5.26-community"
    assert "cypher-shell" in " ".join(neo4j["healthcheck"]["test"])
    volume = neo4j["volumes"][0].split(":")[0]
    assert volume in compose()["volumes"]


def test_api_waits_for_a_healthy_neo4j_and_is_built_from_the_dockerfile() -> None:
    api = compose()["services"]["api"]
    assert api["depends_on"]["neo4j"]["condition"] == "service_healthy"
    assert api["build"] == "."
    assert api["environment"]["NEO4J_URI"] == "bolt://neo4j:7687"
    assert (PROJECT / "Dockerfile").is_file()


def test_neo4j_stops_transactions_that_name_no_limit_like_the_local_launcher() -> None:
    neo4j = compose()["services"]["neo4j"]
    assert neo4j["environment"]["NEO4J_db_transaction_timeout"] == TRANSACTION_TIMEOUT
