"""Assembling the Strawberry schema from its query types, extensions and limits."""

from __future__ import annotations

import logging
from typing import Any

import strawberry
from graphql import GraphQLError, NoSchemaIntrospectionCustomRule
from strawberry.extensions import AddValidationRules
from strawberry.types import ExecutionContext

from graph.errors import QueryTimeoutError
from schema.all_entities import ENTITY_TYPES
from schema.context import Limits
from schema.errors import ErrorCodes, is_expected
from schema.execution import HubExecutionContext
from schema.limits import limit_extensions
from schema.mutations import Mutation
from schema.queries import Query
from schema.subscriptions import Subscription
from schema.together import RootFieldsTogether

logger = logging.getLogger("hub.graphql")


class HubSchema(strawberry.Schema):
    """Logs only the errors that are the server's fault; the caller's are in the response."""

    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        for error in errors:
            if isinstance(error.original_error, QueryTimeoutError):
                logger.warning("%s at %s", error.original_error, error.path)
            elif not is_expected(error):
                logger.error("GraphQL resolver failed", exc_info=error.original_error)


def build_schema(limits: Limits | None = None, *, introspection: bool = True) -> strawberry.Schema:
    """The schema the API serves; `limits` shapes the validation rules that guard cost.

    `introspection=False` (HUB_INTROSPECTION=false) refuses `__schema`/`__type` queries.
    """
    chosen = limits or Limits()
    extensions: list[Any] = [ErrorCodes, *limit_extensions(chosen), RootFieldsTogether]
    if not introspection:
        extensions.append(lambda: AddValidationRules([NoSchemaIntrospectionCustomRule]))
    return HubSchema(
        query=Query,
        mutation=Mutation,
        subscription=Subscription,
        types=ENTITY_TYPES,
        extensions=extensions,
        execution_context_class=HubExecutionContext,
    )
