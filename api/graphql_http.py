"""GraphQL over HTTP (the GraphQL-over-HTTP spec): methods, media types, status codes.

Strawberry's own view answers malformed requests in plain text and every GraphQL outcome with
200; this endpoint follows the spec instead. GET and POST; GET never runs a mutation (405).
`Accept: application/graphql-response+json` gets that media type and 4xx for requests that
fail before execution (syntax, validation, cost limits, bad variables); `application/json`
keeps the legacy 200. While Neo4j is unreachable (`SERVICE_UNAVAILABLE`) the former answers
503 and both carry `Retry-After`. Malformed HTTP requests get 400/406/413/415 with a JSON
body, and every error, here or from the schema, carries `extensions.code`.

Around execution: persisted queries (api/persisted.py), HTTP caching of GET reads
(api/http_cache.py), and a metrics sample and trace attributes per request (api/metrics.py,
api/tracing.py).
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from dataclasses import dataclass
from time import perf_counter
from typing import Any, Final

import orjson
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import Receive, Scope, Send
from strawberry.exceptions import MissingQueryError
from strawberry.schema.exceptions import CannotGetOperationTypeError, InvalidOperationTypeError
from strawberry.types import ExecutionResult
from strawberry.types.graphql import OperationType

from api.context import build_context
from api.event_stream import event_stream, wants_event_stream
from api.graphiql import graphiql_page
from api.graphql_request import (
    GRAPHQL_RESPONSE,
    JSON,
    BodyLimits,
    GraphQLParams,
    RequestError,
    error_body,
    negotiate,
    read_params,
)
from api.http_cache import cacheable_answer, uncacheable
from api.metrics import observe_request
from api.operations import UNKNOWN, Operation, Operations
from api.persisted import PersistedQueries
from api.ratelimit import Meter, too_many_requests
from api.tracing import annotate_span
from graph.database.breaker import RETRY_AFTER
from graph.database.cypher import Cypher
from graph.errors import GraphUnavailableError
from schema.context import Context, Limits, Price
from schema.errors import REQUEST_CODES
from schema.limits import query_price
from schema.parse_cache import MAX_TEXT
from schema.schema import build_schema

logger = logging.getLogger("hub.http")

__all__ = ["GRAPHQL_RESPONSE", "JSON", "BodyLimits", "GraphQLEndpoint", "negotiate"]

OK: Final = "OK"
MAX_COSTS: Final = 512
"""Documents whose cost is remembered (a document's cost does not depend on its variables)."""
UNAVAILABLE: Final = "SERVICE_UNAVAILABLE"
SUBSCRIPTION_TRANSPORTS: Final = (
    "a subscription needs a stream: a WebSocket (graphql-transport-ws) on /graphql, "
    "or a POST with `Accept: text/event-stream` (graphql-sse)"
)


@dataclass(slots=True)
class Outcome:
    """What the metrics and the trace learn of one request."""

    operation: Operation = UNKNOWN
    code: str = OK
    cypher: Cypher | None = None
    counted: bool = True


class GraphQLEndpoint:
    """The ASGI app behind `/graphql`."""

    def __init__(
        self,
        limits: Limits,
        *,
        graphiql: bool = True,
        introspection: bool = True,
        persisted: PersistedQueries | None = None,
        cache_max_age: int = 60,
        keepalive: float = 15,
        body_limits: BodyLimits | None = None,
    ) -> None:
        """`keepalive`: seconds between the comments that keep an idle event stream open."""
        self.body_limits = body_limits or BodyLimits()
        self._costs: OrderedDict[tuple[str, str | None, bytes], Price] = OrderedDict()
        self.schema = build_schema(limits, introspection=introspection)
        self.operations = Operations(self.schema._schema)
        self.persisted = persisted or PersistedQueries(keep=10_000)
        self._limits = limits
        self._graphiql = graphiql
        self._cache_max_age = cache_max_age
        self._keepalive = keepalive

    def price(
        self, query: str, operation_name: str | None, variables: dict[str, Any] | None
    ) -> Price:
        """The request's estimated cost for its variables (schema/limits.py), worked out once
        per document and variables (each time for a document too long to keep, `MAX_TEXT`)."""
        if len(query) > MAX_TEXT:
            return query_price(self.schema._schema, self._limits, query, operation_name, variables)
        key = (query, operation_name, orjson.dumps(variables or {}, option=orjson.OPT_SORT_KEYS))
        known = self._costs.get(key)
        if known is not None:
            self._costs.move_to_end(key)
            return known
        price = query_price(self.schema._schema, self._limits, query, operation_name, variables)
        self._costs[key] = price
        if len(self._costs) > MAX_COSTS:
            self._costs.popitem(last=False)
        return price

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        request = Request(scope, receive)
        started = perf_counter()
        outcome = Outcome()
        try:
            response = await self.handle(request, outcome)
        except RequestError as error:
            outcome.code = error.code
            response = _refusal(error.status, error.code, error.message, error.headers)
        except GraphUnavailableError:
            outcome.code = "SERVICE_UNAVAILABLE"
            message = "the graph database is not available"
            response = _refusal(503, outcome.code, message)
        except Exception:
            logger.exception("GraphQL request failed")
            outcome.code = "INTERNAL"
            response = _refusal(500, outcome.code, "Internal error; it has been logged.")
        if outcome.counted:
            cypher = outcome.cypher
            observe_request(
                outcome.operation.name,
                outcome.operation.type,
                outcome.code,
                seconds=perf_counter() - started,
                neo4j_seconds=cypher.seconds if cypher is not None else 0.0,
                round_trips=cypher.round_trips if cypher is not None else 0,
            )
            annotate_span(
                outcome.operation.name,
                outcome.operation.type,
                getattr(request.state, "request_id", None),
            )
        await response(scope, receive, send)

    def wants_graphiql(self, request: Request) -> bool:
        accept = request.headers.get("accept", "")
        return (
            self._graphiql
            and request.method == "GET"
            and "query" not in request.query_params
            and "extensions" not in request.query_params
            and "documentId" not in request.query_params
            and "text/html" in accept
        )

    async def handle(self, request: Request, outcome: Outcome) -> Response:
        if request.method not in ("GET", "POST"):
            raise RequestError(405, "METHOD_NOT_ALLOWED", "use GET or POST", {"Allow": "GET, POST"})
        if self.wants_graphiql(request):
            outcome.counted = False
            return graphiql_page()
        if wants_event_stream(request):
            return await self.stream(request, outcome)
        media_type = negotiate(request.headers.get("accept"))
        if media_type is None:
            raise RequestError(
                406, "NOT_ACCEPTABLE", f"this endpoint answers {GRAPHQL_RESPONSE} or {JSON}"
            )
        params = await read_params(request, self.body_limits)
        context = build_context(request, None, self._limits)
        outcome.cypher = context.cypher
        params = await self.persisted.resolve(params, context.cypher)
        query = params.query
        if query is None:  # resolve() fills it in or refuses
            raise RequestError(400, "BAD_REQUEST", "the request has no GraphQL `query`")
        meter: Meter | None = getattr(request.state, "meter", None)
        if meter is not None and meter.limiter.enabled:  # the door took one point already
            context.price = self.price(query, params.operation_name, params.variables)
            decision = meter.charge(context.price.charge - 1)
            if not decision.allowed:
                outcome.code = "RATE_LIMITED"
                return too_many_requests(decision)
        outcome.operation = self.operations.describe(query, params.operation_name)
        result = await self.execute(request, query, params, context)
        anonymous = not context.viewer.is_authenticated
        return self.answer(request, result, media_type, outcome, anonymous=anonymous)

    async def stream(self, request: Request, outcome: Outcome) -> Response:
        """graphql-sse (api/event_stream.py), persisted and trusted documents as over JSON."""
        context = build_context(request, None, self._limits)
        outcome.cypher = context.cypher
        params = await self.persisted.resolve(
            await read_params(request, self.body_limits), context.cypher
        )
        if params.query is None:
            raise RequestError(400, "BAD_REQUEST", "the request has no GraphQL `query`")
        outcome.operation = self.operations.describe(params.query, params.operation_name)
        return event_stream(self.schema, params, context, self._keepalive)

    async def execute(
        self,
        request: Request,
        query: str,
        params: GraphQLParams,
        context: Context,
    ) -> ExecutionResult:
        allowed = (
            {OperationType.QUERY}
            if request.method == "GET"
            else {OperationType.QUERY, OperationType.MUTATION}
        )
        try:
            result = await self.schema.execute(
                query,
                variable_values=params.variables,
                context_value=context,
                operation_name=params.operation_name,
                allowed_operation_types=allowed,
                operation_extensions=params.extensions,
            )
        except InvalidOperationTypeError as error:
            if error.operation_type is OperationType.SUBSCRIPTION:
                raise RequestError(406, "NOT_ACCEPTABLE", SUBSCRIPTION_TRANSPORTS) from None
            raise RequestError(
                405, "METHOD_NOT_ALLOWED", "mutations need POST", {"Allow": "POST"}
            ) from None
        except CannotGetOperationTypeError:
            raise RequestError(
                400, "BAD_REQUEST", "`operationName` does not name one operation of the query"
            ) from None
        except MissingQueryError:
            raise RequestError(400, "BAD_REQUEST", "the request has no GraphQL `query`") from None
        return result

    def answer(
        self,
        request: Request,
        result: ExecutionResult,
        media_type: str,
        outcome: Outcome,
        *,
        anonymous: bool,
    ) -> Response:
        """The executed request's response; `outcome.code` becomes the first error's code. A
        GET answered without errors may be cached, publicly when an anonymous caller read no
        personal field."""
        errors = [error.formatted for error in result.errors or ()]
        executed = result.data is not None or any(error.get("path") for error in errors)
        body: dict[str, Any] = {"data": result.data} if executed else {}
        if errors:
            body["errors"] = errors
        status = 200
        codes = {error.get("extensions", {}).get("code") for error in errors}
        headers = {"Retry-After": RETRY_AFTER} if UNAVAILABLE in codes else None
        if media_type == GRAPHQL_RESPONSE and headers is not None:
            status = 503
        elif media_type == GRAPHQL_RESPONSE and not executed:
            status = 400 if codes <= {*REQUEST_CODES, "BAD_USER_INPUT"} else 500
        outcome.code = str(errors[0].get("extensions", {}).get("code", "ERROR")) if errors else OK
        content = orjson.dumps(body)
        if request.method == "GET" and outcome.code == OK:
            public = anonymous and not outcome.operation.personal
            return cacheable_answer(
                request, content, media_type, public=public, max_age=self._cache_max_age
            )
        return uncacheable(
            Response(content, status_code=status, media_type=media_type, headers=headers)
        )


def _refusal(
    status: int, code: str, message: str, headers: dict[str, str] | None = None
) -> Response:
    return uncacheable(
        Response(error_body(code, message), status_code=status, media_type=JSON, headers=headers)
    )
