"""Per-request GraphQL context: a fresh round-trip counter over the process's one driver."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from api.languages import accepted_languages
from graph.cypher import Cypher
from graph.writes.principal import ANONYMOUS
from schema.context import Context, Limits


def build_context(request: Request, response: Response | None, limits: Limits) -> Context:
    state = request.app.state
    return Context(
        cypher=Cypher(state.driver, state.settings.neo4j_database),
        limits=limits,
        languages=accepted_languages(request.headers.get("accept-language", "")),
        request=request,
        response=response,
        analytics=state.analytics,
        viewer=getattr(request.state, "principal", ANONYMOUS),
    )
