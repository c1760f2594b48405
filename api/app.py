"""The Starlette application: GraphQL at /graphql, probes at /healthz and /readyz, file
exports at /export (api/exports.py), the web explorer at / and its routes (api/web.py)."""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.routing import Mount, Route, Router

from api.access import AccessControl
from api.auth import Authenticator, JwtConfig
from api.exports import export_routes
from api.graphql_http import GraphQLEndpoint
from api.health import healthz, readyz
from api.lifespan import lifespan
from api.ratelimit import RateLimiter
from api.settings import Settings
from api.web import web_routes
from graph.analytics.cache import AnalyticsCache
from schema.context import Limits


def create_app(settings: Settings) -> Starlette:
    limits = Limits(
        max_page_size=settings.hub_max_page_size,
        max_query_depth=settings.hub_max_query_depth,
        max_aliases=settings.hub_max_aliases,
        max_tokens=settings.hub_max_tokens,
        max_cost=settings.hub_max_cost,
    )
    authenticator = Authenticator(JwtConfig.from_settings(settings))
    limiter = RateLimiter(settings.hub_rate_limit_per_minute, settings.hub_rate_limit_burst)
    endpoint = GraphQLEndpoint(
        limits,
        graphiql=settings.hub_introspection,
        introspection=settings.hub_introspection,
        planned_reads=settings.hub_planned_reads,
    )
    graphql = AccessControl(endpoint, authenticator, limiter)
    exports = AccessControl(Router(routes=export_routes()), authenticator, limiter)
    app = Starlette(
        routes=[
            Route("/healthz", healthz, methods=["GET"]),
            Route("/readyz", readyz, methods=["GET"]),
            Route("/graphql", graphql, methods=["GET", "POST"]),
            Mount("/export", app=exports),
            *web_routes(settings.hub_web_dist),
        ],
        lifespan=lifespan(settings),
    )
    app.state.settings = settings
    app.state.graphql = endpoint
    app.state.analytics = AnalyticsCache()
    return app
