"""GraphQL over HTTP (the GraphQL-over-HTTP spec): methods, media types, status codes.

Strawberry's own view answers malformed requests in plain text and every GraphQL outcome with
200; this endpoint follows the spec instead. GET and POST; GET never runs a mutation (405).
`Accept: application/graphql-response+json` gets that media type and 4xx for requests that
fail before execution (syntax, validation, cost limits, bad variables); `application/json`
keeps the legacy 200. While Neo4j is unreachable (`SERVICE_UNAVAILABLE`) the former answers
503 and both carry `Retry-After`. Malformed HTTP requests get 400/406/413/415 with a JSON
body, and every error, here or from the schema, carries `extensions.code`.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

import orjson
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.types import Receive, Scope, Send
from strawberry.exceptions import MissingQueryError
from strawberry.http.ides import get_graphql_ide_html
from strawberry.schema.exceptions import CannotGetOperationTypeError, InvalidOperationTypeError
from strawberry.types.graphql import OperationType

from api.context import build_context
from schema.context import Limits
from schema.errors import REQUEST_CODES
from schema.planned import PlannedReads
from schema.schema import build_schema

logger = logging.getLogger("hub.http")

GRAPHQL_RESPONSE: Final = "application/graphql-response+json"
JSON: Final = "application/json"
MAX_BODY_BYTES: Final = 1_000_000
MAX_JSON_DEPTH: Final = 64
UNAVAILABLE: Final = "SERVICE_UNAVAILABLE"
RETRY_AFTER: Final = "1"
"""Seconds a client should wait before retrying while Neo4j is unreachable: the worker's
breaker probes it five times a second (graph/breaker.py)."""


class RequestError(Exception):
    """A request the endpoint refuses before GraphQL sees it."""

    def __init__(
        self, status: int, code: str, message: str, headers: Mapping[str, str] | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = dict(headers or {})


@dataclass(frozen=True, slots=True)
class GraphQLParams:
    query: str
    variables: dict[str, Any] | None
    operation_name: str | None
    extensions: dict[str, Any] | None


def negotiate(accept: str | None) -> str | None:
    """The response media type for an `Accept` header; None when nothing we speak is accepted."""
    if not accept or not accept.strip():
        return JSON
    weights: dict[str, float] = {}
    for position, part in enumerate(accept.split(",")):
        media, _, params = part.strip().partition(";")
        quality = 1.0
        for param in params.split(";"):
            key, _, value = param.strip().partition("=")
            if key.strip() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        media = media.strip().lower()
        if quality > 0:
            weights.setdefault(media, quality - position * 1e-6)
    explicit = {media: weights[media] for media in (GRAPHQL_RESPONSE, JSON) if media in weights}
    if explicit:
        return max(explicit, key=lambda media: explicit[media])
    if "*/*" in weights or "application/*" in weights:
        return JSON
    return None


def _depth_ok(value: Any) -> bool:
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > MAX_JSON_DEPTH:
            return False
        if isinstance(item, dict):
            stack.extend((child, depth + 1) for child in item.values())
        elif isinstance(item, list):
            stack.extend((child, depth + 1) for child in item)
    return True


def _decode_json(text: str | bytes, what: str) -> Any:
    try:
        value = orjson.loads(text)
    except (orjson.JSONDecodeError, RecursionError):
        raise RequestError(400, "BAD_REQUEST", f"{what} is not valid JSON") from None
    if not _depth_ok(value):
        raise RequestError(400, "BAD_REQUEST", f"{what} nests deeper than {MAX_JSON_DEPTH}")
    return value


def _params(raw: Mapping[str, Any]) -> GraphQLParams:
    query = raw.get("query")
    if query is None or (isinstance(query, str) and not query.strip()):
        raise RequestError(400, "BAD_REQUEST", "the request has no GraphQL `query`")
    if not isinstance(query, str):
        raise RequestError(400, "BAD_REQUEST", "`query` must be a string")
    variables, extensions, name = (
        raw.get("variables"),
        raw.get("extensions"),
        raw.get("operationName"),
    )
    if variables is not None and not isinstance(variables, dict):
        raise RequestError(400, "BAD_REQUEST", "`variables` must be a JSON object")
    if extensions is not None and not isinstance(extensions, dict):
        raise RequestError(400, "BAD_REQUEST", "`extensions` must be a JSON object")
    if name is not None and not isinstance(name, str):
        raise RequestError(400, "BAD_REQUEST", "`operationName` must be a string")
    return GraphQLParams(query, variables, name, extensions)


async def read_params(request: Request) -> GraphQLParams:
    if request.method == "GET":
        raw: dict[str, Any] = dict(request.query_params)
        for key in ("variables", "extensions"):
            if raw.get(key):
                raw[key] = _decode_json(raw[key], f"`{key}`")
            else:
                raw.pop(key, None)
        return _params(raw)
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type != JSON:
        raise RequestError(415, "UNSUPPORTED_MEDIA_TYPE", "send the request as application/json")
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        raise RequestError(413, "PAYLOAD_TOO_LARGE", f"the body exceeds {MAX_BODY_BYTES} bytes")
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_BODY_BYTES:
            raise RequestError(413, "PAYLOAD_TOO_LARGE", f"the body exceeds {MAX_BODY_BYTES} bytes")
    payload = _decode_json(body, "the body")
    if isinstance(payload, list):
        raise RequestError(400, "BAD_REQUEST", "batched requests are not supported")
    if not isinstance(payload, dict):
        raise RequestError(400, "BAD_REQUEST", "the body must be a JSON object")
    return _params(payload)


def error_body(code: str, message: str) -> bytes:
    return orjson.dumps({"errors": [{"message": message, "extensions": {"code": code}}]})


class GraphQLEndpoint:
    """The ASGI app behind `/graphql`."""

    def __init__(
        self,
        limits: Limits,
        *,
        graphiql: bool = True,
        introspection: bool = True,
        planned_reads: bool = True,
    ) -> None:
        self.schema = build_schema(limits, introspection=introspection)
        self.planned = PlannedReads(self.schema) if planned_reads else None
        self._limits = limits
        self._graphiql = graphiql

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        request = Request(scope, receive)
        try:
            response = await self.handle(request)
        except RequestError as error:
            response = Response(
                error_body(error.code, error.message),
                status_code=error.status,
                media_type=JSON,
                headers=error.headers,
            )
        except Exception:
            logger.exception("GraphQL request failed")
            response = Response(
                error_body("INTERNAL", "Internal error; it has been logged."),
                status_code=500,
                media_type=JSON,
            )
        await response(scope, receive, send)

    def wants_graphiql(self, request: Request) -> bool:
        accept = request.headers.get("accept", "")
        return (
            self._graphiql
            and request.method == "GET"
            and "query" not in request.query_params
            and "text/html" in accept
        )

    async def handle(self, request: Request) -> Response:
        if request.method not in ("GET", "POST"):
            raise RequestError(405, "METHOD_NOT_ALLOWED", "use GET or POST", {"Allow": "GET, POST"})
        if self.wants_graphiql(request):
            return HTMLResponse(get_graphql_ide_html(graphql_ide="graphiql"))
        media_type = negotiate(request.headers.get("accept"))
        if media_type is None:
            raise RequestError(
                406, "NOT_ACCEPTABLE", f"this endpoint answers {GRAPHQL_RESPONSE} or {JSON}"
            )
        params = await read_params(request)
        allowed = (
            {OperationType.QUERY}
            if request.method == "GET"
            else {
                OperationType.QUERY,
                OperationType.MUTATION,
            }
        )
        context = build_context(request, None, self._limits)
        if self.planned is not None and params.query:
            data = await self.planned.answer(
                params.query, params.variables, params.operation_name, context
            )
            if data is not None:
                return Response(orjson.dumps({"data": data}), media_type=media_type)
        try:
            result = await self.schema.execute(
                params.query,
                variable_values=params.variables,
                context_value=context,
                operation_name=params.operation_name,
                allowed_operation_types=allowed,
                operation_extensions=params.extensions,
            )
        except InvalidOperationTypeError:
            raise RequestError(
                405, "METHOD_NOT_ALLOWED", "mutations need POST", {"Allow": "POST"}
            ) from None
        except CannotGetOperationTypeError:
            raise RequestError(
                400, "BAD_REQUEST", "`operationName` does not name one operation of the query"
            ) from None
        except MissingQueryError:
            raise RequestError(400, "BAD_REQUEST", "the request has no GraphQL `query`") from None
        errors = [error.formatted for error in result.errors or ()]
        if self.planned is not None and params.query and not errors and result.data is not None:
            self.planned.learn(params.query, params.operation_name)
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
        return Response(
            orjson.dumps(body), status_code=status, media_type=media_type, headers=headers
        )
