"""The web explorer (web/dist, built by `make web`) served by the hub itself: no CDN.

Vite names every asset after its content hash, so `/assets/*` is cached for a year as
immutable; a new build changes the names, never the bytes behind one. The entry page is
served for each explorer route (the browser's router draws the view) and revalidated on every
visit so that a deployment's new asset names are seen at once.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Final

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, PlainTextResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import Scope

IMMUTABLE: Final = "public, max-age=31536000, immutable"
REVALIDATE: Final = "no-cache"
EXPLORER_ROUTES: Final = (
    "/",
    "/search",
    "/experts",
    "/path",
    "/signin",
    "/import",
    "/feed",
    "/node/{rest:path}",
    "/network/{rest:path}",
    "/timeline/{rest:path}",
    "/cascade/{rest:path}",
)
NOT_BUILT: Final = "the web explorer is not built: run `make web` (or `make run`)"


class ImmutableAssets(StaticFiles):
    """Hashed build outputs, cached by browsers and proxies for a year."""

    async def get_response(self, path: str, scope: Scope) -> Response:
        try:
            response = await super().get_response(path, scope)
        except HTTPException as error:  # a name no build has (yet): ask again next time
            return PlainTextResponse(error.detail, error.status_code, {"Cache-Control": REVALIDATE})
        ok = response.status_code in (200, 304)
        response.headers["Cache-Control"] = IMMUTABLE if ok else REVALIDATE
        return response


def _entry(dist: Path) -> Callable[[Request], Awaitable[Response]]:
    index = dist / "index.html"

    async def entry(request: Request) -> Response:
        if not index.is_file():
            return PlainTextResponse(NOT_BUILT, status_code=503)
        return FileResponse(index, headers={"Cache-Control": REVALIDATE})

    return entry


def web_routes(dist: Path) -> list[BaseRoute]:
    """The explorer's routes: its entry page per view and its hashed assets."""
    endpoint = _entry(dist)
    routes: list[BaseRoute] = [
        Route(path, endpoint, methods=["GET", "HEAD"]) for path in EXPLORER_ROUTES
    ]
    routes.append(Mount("/assets", app=ImmutableAssets(directory=dist / "assets", check_dir=False)))
    return routes
