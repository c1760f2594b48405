"""Per-request GraphQL context: a fresh round-trip counter over the process's one driver."""

from __future__ import annotations

from starlette.datastructures import State
from starlette.requests import HTTPConnection
from starlette.responses import Response
from starlette.websockets import WebSocket

from api.languages import accepted_languages
from graph.database.cypher import Cypher
from graph.writes.principal import ANONYMOUS
from schema.context import Context, Limits


def request_cypher(state: State) -> Cypher:
    """A request's own round-trip counter over the process's driver and write slots."""
    return Cypher(
        state.driver,
        state.settings.neo4j_database,
        write_slots=state.write_slots,
        time_limits=state.time_limits,
        breaker=state.breaker,
    )


def build_context(
    request: HTTPConnection, response: Response | WebSocket | None, limits: Limits
) -> Context:
    """For a request, or a WebSocket (whose viewer its `connection_init` sets later)."""
    state = request.app.state
    return Context(
        cypher=request_cypher(state),
        limits=limits,
        languages=accepted_languages(request.headers.get("accept-language", "")),
        request=request,
        response=response,
        analytics=state.analytics,
        viewer=getattr(request.state, "principal", ANONYMOUS),
        idempotency_key=request.headers.get("idempotency-key") or None,
        feed=getattr(state, "feed", None),
    )
