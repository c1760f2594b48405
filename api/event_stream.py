"""Subscriptions over Server-Sent Events on /graphql: graphql-sse's distinct-connections mode.

A POST with `Accept: text/event-stream` and a subscription in its body is answered with an
event stream: a `next` event per result, then `complete` when the stream ends (a client
stops it by closing the connection). As the protocol asks, anything refused once the request
was read (syntax, validation, permissions, a query or mutation sent this way) still comes as
a `next` event carrying coded errors, then `complete`: an `EventSource` would hide a 4xx.
Idle streams carry a comment every HUB_SUBSCRIPTION_KEEPALIVE seconds so that proxies keep
them open. Responses are `no-cache, no-transform` and never compressed or buffered.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator
from typing import TYPE_CHECKING, Any, Final

import orjson
from starlette.requests import Request
from starlette.responses import StreamingResponse
from strawberry.http.streaming import SSETransport, merge_stream_with_heartbeat
from strawberry.schema import BaseSchema
from strawberry.types.graphql import OperationType

from schema.context import Context
from schema.errors import Code

if TYPE_CHECKING:
    from api.graphql_http import GraphQLParams

EVENT_STREAM: Final = "text/event-stream"


def wants_event_stream(request: Request) -> bool:
    """A POST asking for `text/event-stream` (GET streams are EventSource's, not served)."""
    accept = request.headers.get("accept", "")
    return request.method == "POST" and any(
        part.split(";", 1)[0].strip().lower() == EVENT_STREAM for part in accept.split(",")
    )


def event_stream(
    schema: BaseSchema, params: GraphQLParams, context: Context, keepalive: float
) -> StreamingResponse:
    transport = SSETransport(heartbeat_interval=keepalive)

    async def events() -> AsyncGenerator[str, None]:
        results = await schema.stream(
            params.query,
            variable_values=params.variables,
            context_value=context,
            operation_name=params.operation_name,
            operation_extensions=params.extensions,
            allowed_operation_types=(OperationType.SUBSCRIPTION,),
        )
        try:
            async for result in results:
                yield transport.encode_event("next", _encoded(result))
        finally:
            await results.aclose()
        yield transport.encode_complete()

    stream = merge_stream_with_heartbeat(
        events,
        lambda: transport.heartbeat_message(orjson.dumps),  # type: ignore[arg-type]
        keepalive,
        send_initial_heartbeat=False,
    )
    return StreamingResponse(stream(), headers=dict(transport.headers))


def _encoded(result: Any) -> str:
    errors = [_with_code(error.formatted) for error in getattr(result, "errors", None) or ()]
    body: dict[str, Any] = {"data": getattr(result, "data", None)}
    if errors:
        body["errors"] = errors
    return orjson.dumps(body).decode()


def _with_code(error: dict[str, Any]) -> dict[str, Any]:
    """A refusal from before execution (a query or mutation sent as a stream) has no code yet."""
    extensions = error.get("extensions") or {}
    if "code" not in extensions:
        error["extensions"] = {**extensions, "code": Code.BAD_USER_INPUT.value}
    return error
