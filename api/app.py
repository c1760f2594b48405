"""The Starlette application: GraphQL at /graphql, probes at /healthz and /readyz."""

from __future__ import annotations

from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from strawberry.asgi import GraphQL

from api.context import build_context
from api.health import healthz, readyz
from api.lifespan import lifespan
from api.settings import Settings
from schema.context import Context, Limits
from schema.schema import build_schema


class HubGraphQL(GraphQL[Context, None]):
    """Strawberry's ASGI app with the hub's per-request context."""

    def __init__(self, limits: Limits, **options: Any) -> None:
        super().__init__(build_schema(limits), **options)
        self._limits = limits

    async def get_context(self, request: Any, response: Any) -> Context:
        assert isinstance(request, Request)
        return build_context(
            request, response if isinstance(response, Response) else None, self._limits
        )


def create_app(settings: Settings) -> Starlette:
    limits = Limits(
        max_page_size=settings.hub_max_page_size,
        max_query_depth=settings.hub_max_query_depth,
        max_aliases=settings.hub_max_aliases,
        max_tokens=settings.hub_max_tokens,
    )
    graphql = HubGraphQL(limits, graphql_ide="graphiql", allow_queries_via_get=True)
    app = Starlette(
        routes=[
            Route("/healthz", healthz, methods=["GET"]),
            Route("/readyz", readyz, methods=["GET"]),
            Route("/graphql", graphql, methods=["GET", "POST"]),
        ],
        lifespan=lifespan(settings),
    )
    app.state.settings = settings
    return app
