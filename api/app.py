"""The Starlette application: GraphQL at /graphql (HTTP, SSE and WebSocket subscriptions;
GraphiQL for browsers, its assets under /graphiql), probes at /healthz and /readyz,
Prometheus metrics at /metrics, file exports at /export (api/exports.py), the web explorer
at / and its routes (api/web.py).

Middleware, outermost first: request ids (so every log line inside has one), CORS, then
compression.
"""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.routing import Mount, Route, Router, WebSocketRoute

from api.access import AccessControl
from api.auth import Authenticator, JwtConfig
from api.bucket_table import BucketTable
from api.compression import compression_middleware
from api.cors import cors_middleware
from api.disconnects import CancelOnDisconnect
from api.exports import export_routes
from api.graphiql import graphiql_assets
from api.graphql_http import BodyLimits, GraphQLEndpoint
from api.health import healthz, readyz
from api.lifespan import lifespan
from api.metrics import metrics
from api.persisted import PersistedQueries, load_trusted_documents
from api.ratelimit import RateLimiter
from api.request_ids import RequestIds
from api.settings import Settings
from api.tracing import install_tracing
from api.web import web_routes
from api.websocket import SubscriptionSocket
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
    table = None
    if settings.hub_rate_limit_per_minute and settings.hub_rate_limit_state is not None:
        table = BucketTable(settings.hub_rate_limit_state)
    limiter = RateLimiter(
        settings.hub_rate_limit_per_minute, settings.hub_rate_limit_burst, table=table
    )
    trusted = (
        load_trusted_documents(settings.hub_trusted_documents)
        if settings.hub_trusted_documents is not None
        else None
    )
    endpoint = GraphQLEndpoint(
        limits,
        graphiql=settings.hub_introspection,
        introspection=settings.hub_introspection,
        body_limits=BodyLimits(settings.hub_max_body_bytes, settings.hub_max_variables_bytes),
        persisted=PersistedQueries(keep=settings.hub_persisted_queries_max, trusted=trusted),
        cache_max_age=settings.hub_cache_max_age,
        keepalive=settings.hub_subscription_keepalive,
    )
    socket = SubscriptionSocket(
        endpoint.schema,
        limits,
        authenticator,
        endpoint.persisted,
        init_timeout=settings.hub_ws_init_timeout,
        subscriptions_per_connection=settings.hub_subscriptions_per_connection,
        allowed_origins=settings.cors_origins,
    )
    graphql = CancelOnDisconnect(AccessControl(endpoint, authenticator, limiter))
    exports = CancelOnDisconnect(
        AccessControl(Router(routes=export_routes()), authenticator, limiter)
    )
    app = Starlette(
        routes=[
            Route("/healthz", healthz, methods=["GET"]),
            Route("/readyz", readyz, methods=["GET"]),
            Route("/metrics", metrics, methods=["GET"]),
            Route("/graphql", graphql, methods=["GET", "POST"]),
            WebSocketRoute("/graphql", AccessControl(socket, authenticator, limiter)),
            graphiql_assets(),
            Mount("/export", app=exports),
            *web_routes(settings.hub_web_dist),
        ],
        middleware=[
            Middleware(RequestIds),
            *cors_middleware(settings.cors_origins),
            *compression_middleware(),
        ],
        lifespan=lifespan(settings),
    )
    app.state.settings = settings
    app.state.graphql = endpoint
    app.state.analytics = AnalyticsCache()
    app.state.tracer_provider = install_tracing(app, settings.otel_exporter_otlp_endpoint)
    return app
