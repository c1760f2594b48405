"""`hub seed`: migrate, load (seed or synthetic), re-index and report, with clear failures."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from api.cli import app
from tests.neo4j_server import Neo4jServer


@pytest.fixture
def hub_env(neo4j_server: Neo4jServer) -> dict[str, str]:
    return {
        "NEO4J_URI": neo4j_server.uri,
        "NEO4J_USER": neo4j_server.user,
        "NEO4J_PASSWORD": neo4j_server.password,
    }


def test_seed_loads_the_source_documents_and_says_how_much_and_how_fast(
    hub_env: dict[str, str],
) -> None:
    result = CliRunner().invoke(app, ["seed", "--reset"], env=hub_env)

    assert result.exit_code == 0, result.output
    assert "graph emptied" in result.output
    assert "seed data: wrote" in result.output
    assert "nodes/s" in result.output


def test_synthetic_seed_with_reset_rebuilds_full_text_indexes_and_reports_rates(
    hub_env: dict[str, str],
) -> None:
    arguments = ["seed", "--synthetic", "--experts", "300", "--random-seed", "4", "--reset"]
    result = CliRunner().invoke(app, arguments, env=hub_env)

    assert result.exit_code == 0, result.output
    assert "full-text indexes rebuilt" in result.output
    assert "synthetic graph (300 experts, seed 4): wrote" in result.output
    assert "relationships/s" in result.output


def test_out_of_range_experts_and_an_unreachable_neo4j_fail_with_a_reason(
    hub_env: dict[str, str],
) -> None:
    too_many = CliRunner().invoke(app, ["seed", "--synthetic", "--experts", "2000000"], env=hub_env)
    nowhere = CliRunner().invoke(app, ["seed"], env=hub_env | {"NEO4J_URI": "bolt://127.0.0.1:9"})

    assert too_many.exit_code == 2
    assert "--experts must be 100..1,000,000" in too_many.output
    assert nowhere.exit_code == 1
    assert "Neo4j does not answer at bolt://127.0.0.1:9" in nowhere.output
