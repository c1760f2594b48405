"""Liveness and readiness probes for load balancers and orchestrators."""

from __future__ import annotations

import logging

from starlette.requests import Request
from starlette.responses import JSONResponse

from graph.database.breaker import RETRY_AFTER
from graph.database.driver import check_connectivity
from graph.errors import GraphUnavailableError

logger = logging.getLogger("hub.health")


async def healthz(request: Request) -> JSONResponse:
    """The process answers: nothing else is checked, so a Neo4j outage never restarts it."""
    return JSONResponse({"status": "ok"})


async def readyz(request: Request) -> JSONResponse:
    """Ready only when Neo4j answers (within 1.5 s), so traffic goes elsewhere while it does not.

    The reason stays in the log: the driver's text names addresses and errno values, which
    are nobody's business outside.
    """
    try:
        await check_connectivity(request.app.state.driver)
    except GraphUnavailableError as error:
        logger.warning("not ready: %s", error)
        return JSONResponse(
            {"status": "unavailable"}, status_code=503, headers={"Retry-After": RETRY_AFTER}
        )
    return JSONResponse({"status": "ready"})
