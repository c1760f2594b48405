"""Every GraphQL error leaves with an `extensions.code`, and unexpected ones leave masked.

Resolvers raise the coded errors below for what the caller did wrong; `graph/` raises its own
exceptions, translated here in one place. Errors graphql-core produces itself (syntax,
validation, variable coercion) get their code from the phase they happened in, which the
`ErrorCodes` extension observes. Anything else is a bug or an outage: the client sees
`INTERNAL` or `SERVICE_UNAVAILABLE` and a neutral message, never a stack trace or Cypher.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from enum import StrEnum
from typing import Any, ClassVar, Final

from graphql import GraphQLError
from strawberry.extensions import SchemaExtension

from graph.errors import (
    GraphUnavailableError,
    InvalidInputError,
    InvalidSearchQueryError,
    NotFoundError,
    QueryTimeoutError,
)


class Code(StrEnum):
    BAD_USER_INPUT = "BAD_USER_INPUT"
    NOT_FOUND = "NOT_FOUND"
    UNAUTHENTICATED = "UNAUTHENTICATED"
    FORBIDDEN = "FORBIDDEN"
    QUERY_TOO_COMPLEX = "QUERY_TOO_COMPLEX"
    QUERY_TIMEOUT = "QUERY_TIMEOUT"
    TOO_MANY_SUBSCRIPTIONS = "TOO_MANY_SUBSCRIPTIONS"
    SERVICE_UNAVAILABLE = "SERVICE_UNAVAILABLE"
    INTERNAL = "INTERNAL"
    GRAPHQL_PARSE_FAILED = "GRAPHQL_PARSE_FAILED"
    GRAPHQL_VALIDATION_FAILED = "GRAPHQL_VALIDATION_FAILED"


REQUEST_CODES: Final = frozenset(
    {Code.GRAPHQL_PARSE_FAILED, Code.GRAPHQL_VALIDATION_FAILED, Code.QUERY_TOO_COMPLEX}
)
"""Codes of errors that stop a request before execution (no `data` in the response)."""


class CodedError(GraphQLError):
    """A GraphQL error that knows its code; raise a subclass from resolvers."""

    code: ClassVar[Code] = Code.INTERNAL

    def __init__(self, message: str) -> None:
        super().__init__(message, extensions={"code": self.code.value})


class BadUserInputError(CodedError):
    code = Code.BAD_USER_INPUT


class NodeNotFoundError(CodedError):
    code = Code.NOT_FOUND


class QueryTooComplexError(CodedError):
    code = Code.QUERY_TOO_COMPLEX


INTERNAL_MESSAGE: Final = "Internal error; it has been logged."
UNAVAILABLE_MESSAGE: Final = "The graph database is not available; try again shortly."

_TOO_COMPLEX: Final = (
    re.compile(r"exceeds maximum operation depth"),
    re.compile(r"aliases found\. Allowed"),
    re.compile(r"Document contains more than \d+ tokens"),
)


def code_of(error: GraphQLError, phase: str | None) -> tuple[Code, str]:
    """The code and client-facing message for `error`, raised in `phase` (parse/validate)."""
    existing = (error.extensions or {}).get("code")
    if isinstance(existing, str) and existing in Code.__members__:
        return Code(existing), error.message
    if any(pattern.search(error.message) for pattern in _TOO_COMPLEX):
        return Code.QUERY_TOO_COMPLEX, error.message
    if phase == "parse":
        return Code.GRAPHQL_PARSE_FAILED, error.message
    if phase == "validate":
        return Code.GRAPHQL_VALIDATION_FAILED, error.message
    original = error.original_error
    if original is None or (isinstance(original, GraphQLError) and not error.path):
        return Code.BAD_USER_INPUT, error.message
    if isinstance(original, InvalidInputError | InvalidSearchQueryError):
        return Code.BAD_USER_INPUT, str(original)
    if isinstance(original, NotFoundError):
        return Code.NOT_FOUND, str(original)
    if isinstance(original, GraphUnavailableError):
        return Code.SERVICE_UNAVAILABLE, UNAVAILABLE_MESSAGE
    if isinstance(original, QueryTimeoutError):
        return Code.QUERY_TIMEOUT, f"{original} {original.hint}"
    return Code.INTERNAL, INTERNAL_MESSAGE


def is_expected(error: GraphQLError) -> bool:
    """Errors worth no stack trace in the log: the caller's mistakes, an outage (the breaker
    logs it once, graph/database/breaker.py) and time limits (one warning line each)."""
    original = error.original_error
    if original is None or isinstance(original, CodedError):
        return True
    if isinstance(original, GraphQLError) and not error.path:
        return True
    return isinstance(
        original,
        InvalidInputError
        | InvalidSearchQueryError
        | NotFoundError
        | GraphUnavailableError
        | QueryTimeoutError,
    )


class ErrorCodes(SchemaExtension):
    """Stamp a code on every error and mask the unexpected ones, once the operation ends."""

    def __init__(self) -> None:
        self._phases: dict[int, str] = {}

    def _remember(self, phase: str) -> None:
        for error in self.execution_context.pre_execution_errors or ():
            self._phases.setdefault(id(error), phase)

    def on_parse(self) -> Iterator[None]:
        yield
        self._remember("parse")

    def on_validate(self) -> Iterator[None]:
        yield
        self._remember("validate")

    def on_operation(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        if result is None or not result.errors:
            return
        result.errors = [self._coded(error) for error in result.errors]

    def on_stream_result(self, result: Any) -> Iterator[None]:
        """Each result of a subscription (graphql-transport-ws, SSE), before it is sent."""
        errors = getattr(result, "errors", None)
        if errors:
            result.errors = [self._coded(error) for error in errors]
        yield

    def _coded(self, error: GraphQLError) -> GraphQLError:
        code, message = code_of(error, self._phases.get(id(error)))
        if (error.extensions or {}).get("code") == code.value and message == error.message:
            return error
        return GraphQLError(
            message,
            nodes=error.nodes,
            source=error.source,
            positions=error.positions,
            path=error.path,
            original_error=error.original_error,
            extensions={**(error.extensions or {}), "code": code.value},
        )
