"""Reading a GraphQL-over-HTTP request: its parameters from a GET query string or a JSON POST
body, checked for shape and size before GraphQL sees them, and the coded refusals for what is
malformed (api/graphql_http.py answers them)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

import orjson
from starlette.requests import Request

GRAPHQL_RESPONSE: Final = "application/graphql-response+json"
JSON: Final = "application/json"
MAX_JSON_DEPTH: Final = 64


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
class BodyLimits:
    """How large a request may be (HUB_MAX_BODY_BYTES, HUB_MAX_VARIABLES_BYTES), checked
    before parsing so that one request cannot make a worker hold or walk megabytes."""

    body_bytes: int = 1_000_000
    variables_bytes: int = 100_000


@dataclass(frozen=True, slots=True)
class GraphQLParams:
    """`query` may be None only for a persisted query named by hash or `documentId`
    (api/persisted.py fills it in)."""

    query: str | None
    variables: dict[str, Any] | None
    operation_name: str | None
    extensions: dict[str, Any] | None
    document_id: str | None = None


def negotiate(accept: str | None) -> str | None:
    """The response media type for an `Accept` header; None when nothing we speak is accepted."""
    if not accept or not accept.strip():
        return JSON
    weights = media_weights(accept)
    explicit = {media: weights[media] for media in (GRAPHQL_RESPONSE, JSON) if media in weights}
    if explicit:
        return max(explicit, key=lambda media: explicit[media])
    if "*/*" in weights or "application/*" in weights:
        return JSON
    return None


def media_weights(accept: str) -> dict[str, float]:
    """Each accepted media type's quality, earlier ones a hair heavier at equal quality (the
    client's own order of preference); types refused with `q=0` are left out."""
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
    return weights


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


def _variables_fit(variables: Any, limits: BodyLimits, size: int | None = None) -> None:
    """`variables` are at most `limits.variables_bytes` of JSON (`size` when already known)."""
    if variables is None:
        return
    if size is None:
        size = len(orjson.dumps(variables)) if variables else 2
    if size > limits.variables_bytes:
        raise RequestError(
            413,
            "PAYLOAD_TOO_LARGE",
            f"the variables exceed {limits.variables_bytes} bytes of JSON",
        )


def params_from(raw: Mapping[str, Any]) -> GraphQLParams:
    """A request's fields checked (a JSON body, GET parameters, a WebSocket `subscribe`)."""
    query, document_id = raw.get("query"), raw.get("documentId")
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
    if document_id is not None and (not isinstance(document_id, str) or not document_id):
        raise RequestError(400, "BAD_REQUEST", "`documentId` must be a non-empty string")
    persisted = document_id is not None or (extensions and "persistedQuery" in extensions)
    if query is None or (isinstance(query, str) and not query.strip()):
        if not persisted:
            raise RequestError(400, "BAD_REQUEST", "the request has no GraphQL `query`")
        query = None
    elif not isinstance(query, str):
        raise RequestError(400, "BAD_REQUEST", "`query` must be a string")
    return GraphQLParams(query, variables, name, extensions, document_id)


async def read_params(request: Request, limits: BodyLimits) -> GraphQLParams:
    if request.method == "GET":
        raw: dict[str, Any] = dict(request.query_params)
        if len(raw.get("variables") or "") > limits.variables_bytes:
            _variables_fit(raw["variables"], limits, len(raw["variables"]))
        for key in ("variables", "extensions"):
            if raw.get(key):
                raw[key] = _decode_json(raw[key], f"`{key}`")
            else:
                raw.pop(key, None)
        return params_from(raw)
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type != JSON:
        raise RequestError(415, "UNSUPPORTED_MEDIA_TYPE", "send the request as application/json")
    most = limits.body_bytes
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > most:
        raise RequestError(413, "PAYLOAD_TOO_LARGE", f"the body exceeds {most} bytes")
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > most:
            raise RequestError(413, "PAYLOAD_TOO_LARGE", f"the body exceeds {most} bytes")
    payload = _decode_json(body, "the body")
    if isinstance(payload, list):
        raise RequestError(400, "BAD_REQUEST", "batched requests are not supported")
    if not isinstance(payload, dict):
        raise RequestError(400, "BAD_REQUEST", "the body must be a JSON object")
    if len(body) > limits.variables_bytes:  # smaller bodies hold smaller variables
        _variables_fit(payload.get("variables"), limits)
    return params_from(payload)


def error_body(code: str, message: str) -> bytes:
    return orjson.dumps({"errors": [{"message": message, "extensions": {"code": code}}]})
