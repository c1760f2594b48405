"""File downloads for researchers: neighbourhoods and projections as GraphML, GEXF or CSV.

    GET /export/neighbourhood.{graphml|gexf|csv}?id=ID&depth=2&limit=200
        &types=Expert,Agency&relationships=TOOK_PART,WORKS_FOR&table=edges|nodes
    GET /export/projection.{graphml|gexf|csv}?kind=agencies_by_events
        &start=2015&end=2022&topic=ID&table=edges|nodes

`id` and `topic` take global IDs or slugs. CSV gives the edge list by default and the node
list (names in every language, centrality for projections) with `table=nodes`. Mistakes
answer 400 (`BAD_USER_INPUT`), exports costing more than a GraphQL query may (schema/costs.py)
400 (`QUERY_TOO_COMPLEX`), unknown ids 404 (`NOT_FOUND`), an unreachable Neo4j 503, a time
limit 504, each as `{"errors": [{"message", "extensions": {"code"}}]}` like the GraphQL endpoint.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Final

import orjson
from graphql import GraphQLError
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from api.context import request_cypher
from api.ratelimit import Meter, too_many_requests
from graph.analytics.downloads import neighbourhood_file, projection_file
from graph.analytics.export import MEDIA_TYPES, ExportFormat
from graph.database.breaker import RETRY_AFTER
from graph.database.cypher import Cypher
from graph.errors import (
    GraphUnavailableError,
    InvalidInputError,
    NotFoundError,
    QueryTimeoutError,
)
from graph.model import Label, RelType
from graph.network.projections import Projection, ProjectionSpec
from graph.network.results import Period
from graph.writes.principal import ANONYMOUS
from schema.costs import neighbourhood_cost, projection_cost
from schema.network.id_or_slug import slug_of
from schema.permissions import Action, allowed

Handler = Callable[[Request], Awaitable[Response]]
MAX_QUERY_VALUE: Final = 2_000


def _error(status: int, code: str, message: str) -> Response:
    body = {"errors": [{"message": message, "extensions": {"code": code}}]}
    return Response(orjson.dumps(body), status_code=status, media_type="application/json")


def _guarded(handler: Handler) -> Handler:
    """Turns the graph's and the ID parser's errors into coded HTTP answers."""

    async def endpoint(request: Request) -> Response:
        try:
            return await handler(request)
        except (InvalidInputError, GraphQLError, ValueError) as error:
            message = error.message if isinstance(error, GraphQLError) else str(error)
            return _error(400, "BAD_USER_INPUT", message)
        except TooCostlyError as error:
            return _error(400, "QUERY_TOO_COMPLEX", str(error))
        except NotFoundError as error:
            return _error(404, "NOT_FOUND", str(error))
        except GraphUnavailableError:
            unavailable = _error(503, "SERVICE_UNAVAILABLE", "the graph database is not available")
            unavailable.headers["Retry-After"] = RETRY_AFTER
            return unavailable
        except QueryTimeoutError as error:
            return _error(504, "QUERY_TIMEOUT", f"{error} {error.hint}")

    return endpoint


def _param(request: Request, name: str) -> str | None:
    value = request.query_params.get(name)
    if value is not None and len(value) > MAX_QUERY_VALUE:
        raise InvalidInputError(f"{name} is too long")
    return value or None


def _int(request: Request, name: str, default: int | None) -> int | None:
    value = _param(request, name)
    if value is None:
        return default
    try:
        return int(value)
    except ValueError:
        raise InvalidInputError(f"{name} must be an integer, got {value[:20]!r}") from None


def _listed(request: Request, name: str) -> list[str] | None:
    value = _param(request, name)
    return [item.strip() for item in value.split(",") if item.strip()] if value else None


def _labels(request: Request) -> frozenset[Label] | None:
    names = _listed(request, "types")
    if names is None:
        return None
    by_name = {label.value.lower(): label for label in Label}
    unknown = [name for name in names if name.lower() not in by_name]
    if unknown:
        raise InvalidInputError(f"unknown entity types: {', '.join(unknown)}")
    return frozenset(by_name[name.lower()] for name in names)


def _rel_types(request: Request) -> frozenset[RelType] | None:
    names = _listed(request, "relationships")
    if names is None:
        return None
    unknown = [name for name in names if name.upper() not in RelType.__members__]
    if unknown:
        raise InvalidInputError(f"unknown relationship types: {', '.join(unknown)}")
    return frozenset(RelType[name.upper()] for name in names)


def _format(request: Request) -> ExportFormat:
    value = str(request.path_params["fmt"]).lower()
    if value not in ExportFormat.__members__.values():
        formats = ", ".join(f.value for f in ExportFormat)
        raise InvalidInputError(f"format must be one of {formats}, got {value[:20]!r}")
    return ExportFormat(value)


def _file(content: bytes, fmt: ExportFormat, stem: str, table: str) -> Response:
    suffix = f"-{table}" if fmt is ExportFormat.CSV else ""
    disposition = f'attachment; filename="{stem}{suffix}.{fmt.value}"'
    return Response(
        content, media_type=MEDIA_TYPES[fmt], headers={"Content-Disposition": disposition}
    )


def _over_budget(request: Request, cost: int) -> Response | None:
    """429 when the caller's bucket lacks the export's cost (the door took one point)."""
    meter: Meter | None = getattr(request.state, "meter", None)
    decision = meter.charge(cost - 1) if meter is not None else None
    return too_many_requests(decision) if decision is not None and not decision.allowed else None


class TooCostlyError(Exception):
    """An export above the GraphQL cost limit (schema/costs.py prices both alike)."""


def _affordable(request: Request, cost: int) -> None:
    most = request.app.state.settings.hub_max_cost
    if cost > most:
        raise TooCostlyError(
            f"The export would cost about {cost} objects; the limit is {most}. "
            "Ask for a smaller depth or limit, or fewer relationship types."
        )


def _cypher(request: Request) -> Cypher:
    return request_cypher(request.app.state)


async def neighbourhood_export(request: Request) -> Response:
    fmt = _format(request)
    node_id = _param(request, "id")
    if node_id is None:
        raise InvalidInputError("id is required")
    slug = slug_of(node_id)
    table = _param(request, "table") or "edges"
    depth = _int(request, "depth", 1) or 0
    limit = _int(request, "limit", 100) or 0
    types = _rel_types(request)
    names = None if types is None else [t.value for t in types]
    cost = neighbourhood_cost(depth, limit, names)
    _affordable(request, cost)
    if (refused := _over_budget(request, cost)) is not None:
        return refused
    content = await neighbourhood_file(
        _cypher(request),
        fmt,
        node_id=slug,
        depth=depth,
        limit=limit,
        labels=_labels(request),
        types=types,
        table=table,
        accounts=allowed(getattr(request.state, "principal", ANONYMOUS), Action.READ_AUDIT),
    )
    return _file(content, fmt, f"neighbourhood-{slug}", table)


async def projection_export(request: Request) -> Response:
    fmt = _format(request)
    kind = (_param(request, "kind") or "").lower()
    if kind not in Projection.__members__.values():
        kinds = ", ".join(p.value for p in Projection)
        raise InvalidInputError(f"kind must be one of {kinds}, got {kind[:40]!r}")
    topic = _param(request, "topic")
    cost = projection_cost(kind)
    _affordable(request, cost)
    spec = ProjectionSpec(
        projection=Projection(kind),
        period=Period(start=_int(request, "start", None), end=_int(request, "end", None)),
        topic=slug_of(topic, {Label.TOPIC}) if topic is not None else None,
    )
    table = _param(request, "table") or "edges"
    if (refused := _over_budget(request, cost)) is not None:
        return refused
    content = await projection_file(
        _cypher(request), request.app.state.analytics, spec, fmt, table=table
    )
    return _file(content, fmt, f"projection-{kind}", table)


def export_routes() -> list[Route]:
    """Routes to mount under `/export`."""
    return [
        Route("/neighbourhood.{fmt}", _guarded(neighbourhood_export), methods=["GET"]),
        Route("/projection.{fmt}", _guarded(projection_export), methods=["GET"]),
    ]
