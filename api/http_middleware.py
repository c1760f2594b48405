"""`HttpMiddleware`: the base of the ASGI middleware that only concerns HTTP requests.

Lifespan and WebSocket scopes go through such middleware untouched; a subclass writes what it
does to an HTTP request in `handle` and calls `self.app` from there.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Receive, Scope, Send


class HttpMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            await self.handle(scope, receive, send)
        else:
            await self.app(scope, receive, send)

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        raise NotImplementedError
