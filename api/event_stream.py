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
from typing import Any, Final

import orjson
from starlette.requests import Request
from starlette.responses import StreamingResponse
from strawberry.http.streaming import SSETransport, merge_stream_with_heartbeat
from strawberry.schema import BaseSchema

from api.graphql_request import GRAPHQL_RESPONSE, JSON, GraphQLParams, media_weights
from schema.context import Context

EVENT_STREAM: Final = "text/event-stream"


def wants_event_stream(request: Request) -> bool:
    """A POST that prefers `text/event-stream` to the JSON answers (GET streams are
    EventSource's, not served).

    graphql-sse's client accepts the event stream alone; fetch-based clients such as urql
    list it after the JSON types (for incremental delivery), and get JSON: a query answered
    as an event stream would leave them without a result.
    """
    if request.method != "POST":
        return False
    weights = media_weights(request.headers.get("accept", ""))
    stream = weights.get(EVENT_STREAM)
    if stream is None:
        return False
    return all(weights.get(media, 0.0) < stream for media in (GRAPHQL_RESPONSE, JSON))


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
