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


@pytest.mark.parametrize(
    ("arguments", "said"),
    [
        (["seed", "--reset"], ["graph emptied", "seed data: wrote", "nodes/s"]),
        (
            ["seed", "--synthetic", "--experts", "300", "--random-seed", "4", "--reset"],
            [
                "full-text indexes rebuilt",
                "synthetic graph (300 experts, seed 4): wrote",
                "relationships/s",
            ],
        ),
    ],
    ids=["source-documents", "synthetic"],
)
def test_seed_with_reset_says_what_it_wrote_and_how_fast(
    hub_env: dict[str, str], arguments: list[str], said: list[str]
) -> None:
    result = CliRunner().invoke(app, arguments, env=hub_env)

    assert result.exit_code == 0, result.output
    assert [line for line in said if line not in result.output] == []


def test_out_of_range_experts_and_an_unreachable_neo4j_fail_with_a_reason(
    hub_env: dict[str, str],
) -> None:
    too_many = CliRunner().invoke(app, ["seed", "--synthetic", "--experts", "2000000"], env=hub_env)
    nowhere = CliRunner().invoke(app, ["seed"], env=hub_env | {"NEO4J_URI": "bolt://127.0.0.1:9"})

    assert too_many.exit_code == 2
    assert "--experts must be 100..1,000,000" in too_many.output
    assert nowhere.exit_code == 1
    assert "Neo4j does not answer at bolt://127.0.0.1:9" in nowhere.output
