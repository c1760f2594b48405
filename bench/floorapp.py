"""The floor served through the hub's HTTP stack: a bare Starlette endpoint that runs the floor's
hand-written Cypher (bench/queries/*.cypher) through the same neo4j driver, nothing else.

Served by `python -m bench.serve_hub bench.floorapp:app` (api/serving.py: uvicorn, uvloop,
httptools, one socket per worker, the hub's worker count) and timed by the same wrk script as
the hub and the peer, so hub/floor is the cost of the GraphQL layer alone: parsing, validation,
resolvers, the Cypher compiler and the shaping of the answer.

Request: `{"query": "<mix.toml name>", "parameters": {...}}`; answer: `{"rows": [...]}` with
status 200, or `{"errors": [...]}` with status 500 (counted as an error by wrk).
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from neo4j import AsyncDriver, RoutingControl
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from api.settings import Settings, load_settings
from bench.mix import MixQuery, load_mix
from graph.database.driver import open_driver


def create_floor_app(settings: Settings) -> Starlette:
    """The endpoint, with a driver configured like the hub's (same pool size, same options)."""
    mix: dict[str, MixQuery] = {query.name: query for query in load_mix()}
    state: dict[str, AsyncDriver] = {}

    @asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[None]:
        driver = open_driver(
            settings.neo4j_uri or f"bolt://127.0.0.1:{settings.neo4j_local_bolt_port}",
            settings.neo4j_user,
            settings.neo4j_password.get_secret_value(),
            max_connection_pool_size=settings.neo4j_max_pool_size,
        )
        state["driver"] = driver
        try:
            yield
        finally:
            await driver.close()

    async def run(request: Request) -> Response:
        try:
            payload = json.loads(await request.body())
            query = mix[payload["query"]]
            result = await state["driver"].execute_query(
                query.targets["floor"].text,
                parameters_=payload.get("parameters") or {},
                routing_=RoutingControl.WRITE if query.write else RoutingControl.READ,
                database_=settings.neo4j_database,
            )
            rows: list[Any] = [record.data() for record in result.records]
        except Exception as error:  # one failed request: reported, counted by the generator
            return _json({"errors": [f"{type(error).__name__}: {error}"[:500]]}, 500)
        return _json({"rows": rows}, 200)

    async def ready(_: Request) -> Response:
        return _json({"ready": "driver" in state}, 200 if "driver" in state else 503)

    routes = [Route("/", run, methods=["POST"]), Route("/readyz", ready, methods=["GET"])]
    return Starlette(routes=routes, lifespan=lifespan)


def _json(content: Any, status: int) -> Response:
    text = json.dumps(content, separators=(",", ":"), ensure_ascii=False, default=str)
    return Response(text, status_code=status, media_type="application/json")


app = create_floor_app(load_settings())
