"""Liveness and readiness probes for load balancers and orchestrators."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse

from graph.driver import check_connectivity
from graph.errors import GraphUnavailableError


async def healthz(request: Request) -> JSONResponse:
    """The process answers: nothing else is checked, so a Neo4j outage never restarts it."""
    return JSONResponse({"status": "ok"})


async def readyz(request: Request) -> JSONResponse:
    """Ready only when Neo4j answers, so traffic goes elsewhere while it does not."""
    try:
        await check_connectivity(request.app.state.driver)
    except GraphUnavailableError as error:
        return JSONResponse({"status": "unavailable", "reason": str(error)}, status_code=503)
    return JSONResponse({"status": "ready"})
