"""Apollo Client's persisted-queries link (Node, tests/clients/apollo) against a served hub:
the first request misses and registers, later ones go by hash over GET and revalidate (304)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from tests.live_hub import hub_env, live_hub
from tests.neo4j_server import Neo4jServer
from tests.seeded import SeededGraph

CLIENT = Path(__file__).resolve().parents[1] / "clients" / "apollo"


def test_apollo_registers_then_reads_by_hash_over_get_and_revalidates(
    neo4j_server: Neo4jServer, seeded: SeededGraph
) -> None:
    del seeded
    with live_hub(hub_env(neo4j_server)) as hub:
        run = subprocess.run(
            ["node", "persisted.mjs", hub.graphql],
            cwd=CLIENT,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout)
    exchanges = report["exchanges"]
    steps = [(e["method"], e["status"], e["hasQuery"], e["hasHash"]) for e in exchanges]
    assert steps == [
        ("GET", 400, False, True),  # hash alone: PersistedQueryNotFound
        ("POST", 200, True, True),  # query with its hash: registered
        ("GET", 200, False, True),  # hash alone, now known
        ("GET", 304, False, True),  # revalidated with If-None-Match
    ]
    assert exchanges[2]["cacheControl"].startswith("public, max-age=")
    assert exchanges[3]["etag"] == exchanges[2]["etag"]
    assert exchanges[1]["cacheControl"] == "no-store"
    first, second, third = report["results"]
    assert first == second == third
    assert len(first) == 3
