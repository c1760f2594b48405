"""Cross-origin calls from browser front-ends (`HUB_CORS_ORIGINS`).

Empty (the default) adds nothing: browsers then allow only pages of the hub's own origin.
Listed origins may send credentials (cookies are not used, but a front-end's fetch may be set
to include them); `*` allows every origin and, as the CORS rules demand, no credentials.
Preflights are answered for GET and POST with the headers the hub reads, among them
`Authorization` and `X-API-Key`, and may be cached by the browser for ten minutes.
"""

from __future__ import annotations

from typing import Final

from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware

ALLOWED_HEADERS: Final = (
    "authorization",
    "x-api-key",
    "content-type",
    "accept",
    "accept-language",
    "if-none-match",
    "x-request-id",
    "apollographql-client-name",
    "apollographql-client-version",
)
EXPOSED_HEADERS: Final = ("etag", "x-request-id", "retry-after")
PREFLIGHT_MAX_AGE: Final = 600


def cors_middleware(origins: list[str]) -> list[Middleware]:
    """CORS for `origins`, or nothing when none are configured."""
    if not origins:
        return []
    return [
        Middleware(
            CORSMiddleware,
            allow_origins=origins,
            allow_methods=("GET", "POST"),
            allow_headers=ALLOWED_HEADERS,
            allow_credentials=origins != ["*"],
            expose_headers=EXPOSED_HEADERS,
            max_age=PREFLIGHT_MAX_AGE,
        )
    ]
