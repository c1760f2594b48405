"""`X-Request-Id`: taken from the caller (a proxy's or front-end's id) or made, sent back, and
kept in a context variable so that every log line of the request carries it (api/logs.py).

A caller's id is only taken when it is short and plain: it lands in logs, so newlines or
kilobytes of it would let a caller forge or flood log lines.
"""

from __future__ import annotations

import re
import uuid
from contextvars import ContextVar
from typing import Final

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

HEADER: Final = "x-request-id"
ACCEPTED: Final = re.compile(r"^[A-Za-z0-9._:\-]{1,128}$")

current_request_id: ContextVar[str | None] = ContextVar("request_id", default=None)


def request_id_of(scope: Scope) -> str:
    for name, value in scope.get("headers", ()):
        if name == HEADER.encode():
            text = str(value.decode("latin-1"))
            if ACCEPTED.match(text):
                return text
            break
    return uuid.uuid4().hex


class RequestIds:
    """ASGI middleware, outermost, so that everything inside logs with the id."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        request_id = request_id_of(scope)
        scope.setdefault("state", {})["request_id"] = request_id
        token = current_request_id.set(request_id)

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableHeaders(scope=message)[HEADER] = request_id
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            current_request_id.reset(token)
