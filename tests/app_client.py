"""The hub's ASGI app in the test process, started as a server starts it, with an HTTP client.

Most API tests need the real app (middleware, lifespan: driver, breaker, workers' shared
reads and writes) but not a served process; these build its settings and run its lifespan
around one `httpx` client.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from typing import Any

import httpx
from pydantic import SecretStr

from api.app import create_app
from api.settings import Settings
from tests.neo4j_server import Neo4jServer


def hub_settings(server: Neo4jServer, **overrides: Any) -> Settings:
    """Settings for a hub over `server`; `overrides` are `Settings` fields."""
    values: dict[str, Any] = {
        "neo4j_uri": server.uri,
        "neo4j_user": server.user,
        "neo4j_password": SecretStr(server.password),
    }
    return Settings(**(values | overrides))


@asynccontextmanager
async def app_client(
    settings: Settings, headers: Mapping[str, str] | None = None
) -> AsyncIterator[httpx.AsyncClient]:
    """A client of the app built from `settings`, during its lifespan; `headers` go with
    every request."""
    app = create_app(settings)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(
            transport=transport, base_url="http://hub", headers=headers
        ) as client:
            yield client
