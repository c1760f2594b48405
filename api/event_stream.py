"""Subscriptions over Server-Sent Events on /graphql: graphql-sse's distinct-connections mode.

A POST with `Accept: text/event-stream` is answered with an event stream: a `next` event per
result (one for a query or mutation, one per change for a subscription), then `complete`
when the stream ends (a client stops a subscription by closing the connection). As the
protocol asks, anything refused once the request was read (syntax, validation, permissions)
still comes as a `next` event carrying coded errors, then `complete`: a 4xx would be hidden
from an `EventSource`.
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

from schema.context import Context

if TYPE_CHECKING:
    from api.graphql_request import GraphQLParams

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
            params.query or "",
            variable_values=params.variables,
            context_value=context,
            operation_name=params.operation_name,
            operation_extensions=params.extensions,
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
    body: dict[str, Any] = {"data": getattr(result, "data", None)}
    errors = getattr(result, "errors", None)
    if errors:
        body["errors"] = [error.formatted for error in errors]
    return orjson.dumps(body).decode()
