"""The floor's endpoint refuses what it cannot run with an error the load generator counts.

Its answers are held to the hub's in tests/bench/test_answers.py (on Neo4j); here no statement
reaches a server: the driver connects lazily and these requests fail before any Cypher runs.
"""

from __future__ import annotations

import httpx

from api.settings import Settings
from bench.floorapp import create_floor_app


async def _post(content: str) -> httpx.Response:
    app = create_floor_app(Settings(neo4j_uri="bolt://127.0.0.1:1"))
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://floor") as client:
            ready = await client.get("/readyz")
            assert ready.status_code == 200
            return await client.post("/", content=content)


async def test_a_query_the_mix_does_not_hold_is_a_500_with_errors() -> None:
    response = await _post('{"query": "nobody", "parameters": {}}')

    assert response.status_code == 500
    assert "KeyError" in response.json()["errors"][0]


async def test_a_body_that_is_not_json_is_a_500_with_errors() -> None:
    response = await _post("not json")

    assert response.status_code == 500
    assert response.json()["errors"]
