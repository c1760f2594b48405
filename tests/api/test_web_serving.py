"""The hub serves the built explorer: hashed assets immutable, the entry page for every view."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from pydantic import SecretStr

from api.app import create_app
from api.settings import Settings

ENTRY = "<!doctype html><title>explorer</title>"
ASSET = "console.log('hashed')"


async def client_for(dist: Path) -> AsyncIterator[httpx.AsyncClient]:
    settings = Settings(
        neo4j_uri="bolt://127.0.0.1:1", neo4j_password=SecretStr("x"), hub_web_dist=dist
    )
    transport = httpx.ASGITransport(app=create_app(settings))  # no lifespan: no Neo4j needed
    async with httpx.AsyncClient(transport=transport, base_url="http://hub") as client:
        yield client


@pytest.fixture
async def client(tmp_path: Path) -> AsyncIterator[httpx.AsyncClient]:
    (tmp_path / "assets").mkdir()
    (tmp_path / "index.html").write_text(ENTRY)
    (tmp_path / "assets" / "index-Ab12Cd34.js").write_text(ASSET)
    async for client in client_for(tmp_path):
        yield client


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/search?q=Huseynov",
        "/experts",
        "/path?from=a&to=b",
        "/signin",
        "/import",
        "/feed",
        "/node/RXhwZXJ0OnZ1c2FsLWh1c2V5bm92",
        "/network/abc",
        "/timeline/abc",
        "/cascade/abc",
    ],
)
async def test_every_explorer_route_gets_the_entry_page(
    client: httpx.AsyncClient, path: str
) -> None:
    response = await client.get(path)
    assert response.status_code == 200
    assert response.text == ENTRY
    assert response.headers["cache-control"] == "no-cache"
    assert response.headers["content-type"].startswith("text/html")


async def test_hashed_assets_are_immutable(client: httpx.AsyncClient) -> None:
    response = await client.get("/assets/index-Ab12Cd34.js")
    assert response.status_code == 200
    assert response.text == ASSET
    assert response.headers["cache-control"] == "public, max-age=31536000, immutable"


async def test_a_missing_asset_is_404_and_not_cached(client: httpx.AsyncClient) -> None:
    response = await client.get("/assets/index-gone.js")
    assert response.status_code == 404
    assert response.headers["cache-control"] == "no-cache"


async def test_other_paths_are_not_taken_by_the_explorer(client: httpx.AsyncClient) -> None:
    assert (await client.get("/nowhere")).status_code == 404
    assert (await client.get("/healthz")).json() == {"status": "ok"}


async def test_an_unbuilt_explorer_says_how_to_build_it(tmp_path: Path) -> None:
    async for client in client_for(tmp_path / "absent"):
        response = await client.get("/search")
        assert response.status_code == 503
        assert "make web" in response.text
