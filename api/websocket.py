"""Subscriptions over WebSocket on /graphql: the graphql-transport-ws protocol (`graphql-ws`).

Strawberry speaks the protocol; this adds the hub's rules. Credentials travel in the
`connection_init` payload (`{"Authorization": "Bearer <JWT>"}`, `{"Authorization": "ApiKey
<key>"}` or `{"X-API-Key": "<key>"}`: browsers cannot set headers on a WebSocket), checked
exactly as HTTP requests' headers are (api/auth.py); wrong ones close the socket with 4403.
A socket that sends no `connection_init` in time is closed with 4408, an unknown message
with 4400, and a subscription above the per-connection limit is refused with an `error`
message coded TOO_MANY_SUBSCRIPTIONS. Oversize messages are refused by uvicorn (1009,
api/serving.py) before they are read.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from graphql import GraphQLError
from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.exceptions import ConnectionRejectionError
from strawberry.schema import BaseSchema
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL
from strawberry.subscriptions.protocols.graphql_transport_ws.handlers import (
    BaseGraphQLTransportWSHandler,
)
from strawberry.subscriptions.protocols.graphql_transport_ws.types import SubscribeMessage
from strawberry.types.unset import UnsetType

from api.auth import AuthenticationError, Authenticator
from api.context import build_context
from api.graphql_request import RequestError, params_from
from api.persisted import PersistedQueries
from graph.errors import GraphError
from schema.context import Context, Limits
from schema.errors import Code


class LimitedHandler(BaseGraphQLTransportWSHandler[Context, None]):
    """Strawberry's handler, with the per-connection limit refused with a code, and persisted
    queries and trusted documents resolved as over HTTP (api/persisted.py)."""

    async def handle_subscribe(self, message: SubscribeMessage) -> None:
        limit = getattr(self.view, "subscriptions_per_connection", None)
        if (
            self.connection_acknowledged
            and limit is not None
            and message.get("id") not in self.operations
            and len(self.operations) >= limit
        ):
            error = GraphQLError(
                f"one connection may run at most {limit} subscriptions at once",
                extensions={"code": Code.TOO_MANY_SUBSCRIPTIONS.value},
            )
            await self.send_message(
                {"id": message["id"], "type": "error", "payload": [error.formatted]}
            )
            return
        payload = message.get("payload")
        if self.connection_acknowledged and isinstance(payload, dict):
            try:
                params = await self.view.persisted.resolve(  # type: ignore[attr-defined]
                    params_from(payload), self.context.cypher
                )
            except RequestError as refused:
                await self._refuse(message, refused.code, refused.message)
                return
            except GraphError:
                await self._refuse(message, Code.SERVICE_UNAVAILABLE.value, "try again shortly")
                return
            message = {**message, "payload": {**payload, "query": params.query or ""}}
        await super().handle_subscribe(message)

    async def _refuse(self, message: SubscribeMessage, code: str, text: str) -> None:
        error = GraphQLError(text, extensions={"code": code})
        await self.send_message(
            {"id": message["id"], "type": "error", "payload": [error.formatted]}
        )


class SubscriptionSocket(GraphQL[Context, None]):
    """The ASGI app for WebSocket connections to /graphql."""

    graphql_transport_ws_handler_class = LimitedHandler

    def __init__(
        self,
        schema: BaseSchema,
        limits: Limits,
        authenticator: Authenticator,
        persisted: PersistedQueries,
        *,
        init_timeout: float,
        subscriptions_per_connection: int,
        allowed_origins: Sequence[str] = (),
    ) -> None:
        """`allowed_origins`: other origins whose pages may open a socket (same-origin pages
        and non-browser clients always may; Strawberry refuses the rest's handshake)."""
        super().__init__(
            schema,
            graphql_ide=None,
            subscription_protocols=(GRAPHQL_TRANSPORT_WS_PROTOCOL,),
            connection_init_wait_timeout=timedelta(seconds=init_timeout),
            max_subscriptions_per_connection=None,
            allowed_origins=allowed_origins,
        )
        self.subscriptions_per_connection = subscriptions_per_connection
        self.persisted = persisted
        self._limits = limits
        self._authenticator = authenticator

    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket
    ) -> Context:
        return build_context(request, response, self._limits)

    async def on_ws_connect(self, context: Context) -> UnsetType | dict[str, object] | None:
        """Who the socket's operations run as, from the `connection_init` payload."""
        payload = context.connection_params or {}
        headers = {
            str(name).lower(): value for name, value in payload.items() if isinstance(value, str)
        }
        try:
            context.viewer = await self._authenticator.authenticate(headers, context.cypher)
        except AuthenticationError as error:
            raise ConnectionRejectionError(_refusal(Code.UNAUTHENTICATED, str(error))) from None
        except GraphError:
            raise ConnectionRejectionError(
                _refusal(Code.SERVICE_UNAVAILABLE, "cannot check credentials")
            ) from None
        return UnsetType()


def _refusal(code: Code, message: str) -> dict[str, Any]:
    return {"code": code.value, "message": message}
