"""The gate in front of `/graphql` and `/export`: rate-limit, authenticate, hand the principal on.
WebSockets are only rate-limited here (by address): their credentials come in their first
message.

The rate limit comes first, before any Neo4j work: the bucket is keyed by what the request
presents, not by what Neo4j says about it. A JWT is verified here (CPU only) and keys its
subject's bucket; an API key keys the bucket of a digest of the key as presented, and only a
request that finds a point there is looked up in Neo4j; no credentials key the client's
address (IPv6 by its /64, the block one subscriber gets; `X-Forwarded-For` counts only from
HUB_TRUSTED_PROXIES, which uvicorn applies before this runs). Credentials that fail spend
from their address's failure bucket, which is checked before any key lookup: guessing keys
from one place soon answers 429 without reaching Neo4j.
"""

from __future__ import annotations

import hashlib
import ipaddress
from typing import Final

import orjson
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send
from starlette.websockets import WebSocket

from api.auth import AuthenticationError, Authenticator, credentials, verify_jwt
from api.context import request_cypher
from api.metrics import refused
from api.ratelimit import Meter, RateLimiter, too_many_requests
from graph.database.breaker import RETRY_AFTER
from graph.errors import GraphError
from graph.writes.principal import ANONYMOUS, Principal

STATE_KEY: Final = "principal"
FAILURE_COST: Final = 100
"""Points a failed credential check costs its address's failure bucket (about a list page)."""


def client_group(host: str | None) -> str:
    """What a client's address bucket is keyed by: IPv4 as is, IPv6 by its /64."""
    if not host:
        return "unknown"
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return host
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        return str(ipaddress.IPv6Network((address, 64), strict=False))
    return str(address)


def key_bucket(api_key: str) -> str:
    """An API key's bucket, from the key as presented (no look-up needed, nothing stored)."""
    return "key:" + hashlib.sha256(api_key.encode()).hexdigest()[:32]


def unauthenticated(message: str) -> Response:
    refused(401)
    body = {"errors": [{"message": message, "extensions": {"code": "UNAUTHENTICATED"}}]}
    return Response(
        orjson.dumps(body),
        status_code=401,
        media_type="application/json",
        headers={"WWW-Authenticate": 'Bearer, ApiKey realm="rtcm-hub"'},
    )


def unavailable() -> Response:
    """An API key could not be looked up: Neo4j is down (the breaker says so at once)."""
    refused(503)
    message = "cannot check credentials: the graph database is not available"
    body = {"errors": [{"message": message, "extensions": {"code": "SERVICE_UNAVAILABLE"}}]}
    return Response(
        orjson.dumps(body),
        status_code=503,
        media_type="application/json",
        headers={"Retry-After": RETRY_AFTER},
    )


class AccessControl:
    """ASGI middleware: sets `request.state.principal` (read by api/context.py) and
    `request.state.meter`, the bucket the rest of the request's cost is charged to."""

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
        response = await self.admit(request)
        if response is not None:
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)

    async def admit(self, request: Request) -> Response | None:
        """None when the request may go on (principal and meter set); else the refusal."""
        failures = "failed:" + client_group(request.client.host if request.client else None)
        principal: Principal | None = ANONYMOUS
        try:
            found = credentials(request.headers)
            if found is None:
                key = "addr:" + failures.removeprefix("failed:")
            elif found[0] == "jwt":
                principal = verify_jwt(found[1], self.authenticator.config)
                key = f"sub:{principal.subject}"
            else:
                principal, key = None, key_bucket(found[1])
        except AuthenticationError as error:
            return self.refuse(failures, error)
        if principal is None:  # an API key: no look-up for a place that keeps failing
            decision = self.limiter.take(failures, FAILURE_COST, spend=False)
            if not decision.allowed:
                return too_many_requests(decision)
        decision = self.limiter.take(key)
        if not decision.allowed:
            return too_many_requests(decision)
        if principal is None and found is not None:
            try:
                principal = await self.authenticator.key_principal(
                    found[1], request_cypher(request.app.state)
                )
            except AuthenticationError as error:
                return self.refuse(failures, error)
            except GraphError:
                return unavailable()
        request.state.principal = principal
        request.state.meter = Meter(self.limiter, key)
        return None

    def refuse(self, failures: str, error: AuthenticationError) -> Response:
        decision = self.limiter.take(failures, FAILURE_COST)
        if not decision.allowed:
            return too_many_requests(decision)
        return unauthenticated(str(error))

    async def admit_socket(self, scope: Scope, receive: Receive, send: Send) -> None:
        """A WebSocket spends from its address's bucket before its handshake is accepted, so
        trying credentials over sockets (one `connection_init` each) is as dear as over HTTP;
        its credentials come later, in `connection_init` (api/websocket.py)."""
        connection = WebSocket(scope, receive, send)
        address = connection.client.host if connection.client is not None else None
        decision = self.limiter.take("addr:" + client_group(address))
        if decision.allowed:
            await self.app(scope, receive, send)
        elif "websocket.http.response" in scope.get("extensions", {}):
            await connection.send_denial_response(too_many_requests(decision))
        else:
            refused(429)
            await connection.close(code=4429, reason="too many requests")
