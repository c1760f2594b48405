"""GraphiQL from the hub's own assets: the page at `GET /graphql` (browsers) and its script
and styles under `/graphiql/`, built from pinned npm packages in web/graphiql (`make graphiql`).

No CDN: the page works on networks without internet, and its Content-Security-Policy lets it
load and call nothing but the hub's own origin (fonts and icons are inlined as data: URIs).
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

from starlette.responses import HTMLResponse
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles

ASSETS: Final = Path(__file__).resolve().parents[1] / "web" / "graphiql" / "dist"
PREFIX: Final = "/graphiql"
CSP: Final = (
    "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; "
    "img-src 'self' data:; font-src 'self' data:; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'; form-action 'self'"
)
PAGE: Final = f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>RTCM Knowledge Hub - GraphiQL</title>
<link rel="stylesheet" href="{PREFIX}/graphiql.css">
<link rel="stylesheet" href="{PREFIX}/page.css">
</head>
<body>
<div id="graphiql"></div>
<script src="{PREFIX}/graphiql.js"></script>
</body>
</html>
"""
MISSING: Final = (
    "<!doctype html><title>GraphiQL not built</title>"
    "<p>GraphiQL's assets are not built: run <code>make graphiql</code>.</p>"
)


def graphiql_page() -> HTMLResponse:
    headers = {"Content-Security-Policy": CSP, "Cache-Control": "no-cache"}
    if not (ASSETS / "graphiql.js").is_file():
        return HTMLResponse(MISSING, status_code=503, headers=headers)
    return HTMLResponse(PAGE, headers=headers)


def graphiql_assets() -> Mount:
    return Mount(PREFIX, app=StaticFiles(directory=ASSETS, check_dir=False), name="graphiql")
