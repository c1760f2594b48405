"""The gate in front of `/graphql`: authenticate, rate-limit, then hand the principal on.
WebSockets are only rate-limited here: their credentials come in their first message.

One middleware does both because their order matters: the limit is keyed by who the caller
is (their key or token subject, else their address), yet a caller whose credentials fail must
still spend from their address's bucket, or guessing keys would cost nothing.
"""

from __future__ import annotations

from typing import Final

import orjson
from starlette.requests import HTTPConnection, Request
from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send
from starlette.websockets import WebSocket

from api.auth import AuthenticationError, Authenticator
from api.context import request_cypher
from api.ratelimit import RateLimiter, too_many_requests
from graph.errors import GraphError
from graph.writes.principal import Principal

STATE_KEY: Final = "principal"


def bucket_key(principal: Principal | None, request: HTTPConnection) -> str:
    if principal is not None and principal.key_id is not None:
        return f"key:{principal.key_id}"
    if principal is not None and principal.is_authenticated:
        return f"sub:{principal.subject}"
    host = request.client.host if request.client is not None else "unknown"
    return f"addr:{host}"


def unauthenticated(message: str) -> Response:
    body = {"errors": [{"message": message, "extensions": {"code": "UNAUTHENTICATED"}}]}
    return Response(
        orjson.dumps(body),
        status_code=401,
        media_type="application/json",
        headers={"WWW-Authenticate": 'Bearer, ApiKey realm="rtcm-hub"'},
    )


def unavailable() -> Response:
    message = "cannot check credentials: the graph database is not available"
    body = {"errors": [{"message": message, "extensions": {"code": "SERVICE_UNAVAILABLE"}}]}
    return Response(orjson.dumps(body), status_code=503, media_type="application/json")


class AccessControl:
    """ASGI middleware: sets `request.state.principal` (read by api/context.py)."""

    def __init__(self, app: ASGIApp, authenticator: Authenticator, limiter: RateLimiter) -> None:
        self.app = app
        self.authenticator = authenticator
        self.limiter = limiter

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "websocket":
            await self.admit_socket(scope, receive, send)
            return
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope, receive)
        principal: Principal | None = None
        failure: AuthenticationError | None = None
        try:
            cypher = request_cypher(request.app.state)
            principal = await self.authenticator.authenticate(request.headers, cypher)
        except AuthenticationError as error:
            failure = error
        except GraphError:
            await unavailable()(scope, receive, send)
            return
        decision = self.limiter.take(bucket_key(principal, request))
        if not decision.allowed:
            await too_many_requests(decision)(scope, receive, send)
            return
        if failure is not None or principal is None:
            await unauthenticated(str(failure))(scope, receive, send)
            return
        request.state.principal = principal
        await self.app(scope, receive, send)

    async def admit_socket(self, scope: Scope, receive: Receive, send: Send) -> None:
        """A WebSocket spends from its address's bucket before its handshake is accepted, so
        trying credentials over sockets (one `connection_init` each) is as dear as over HTTP;
        its credentials come later, in `connection_init` (api/websocket.py)."""
        connection = WebSocket(scope, receive, send)
        decision = self.limiter.take(bucket_key(None, connection))
        if decision.allowed:
            await self.app(scope, receive, send)
        elif "websocket.http.response" in scope.get("extensions", {}):
            await connection.send_denial_response(too_many_requests(decision))
        else:
            await connection.close(code=4429, reason="too many requests")
