"""HTTP caching of read answers: `Cache-Control`, a strong `ETag`, and 304 on `If-None-Match`.

Only successful queries over GET are cacheable: browsers, CDNs and proxies key caches by URL,
and GET (plain or a persisted query's hash) is what puts the whole request in it. Answers for
an authenticated caller, or that select personal data, are `private, no-store`; anonymous ones
are `public, max-age=HUB_CACHE_MAX_AGE`. Mutations, POSTs and error answers are `no-store`.
The tag is a digest of the body and its media type, so revalidation costs the query but not
the transfer.
"""

from __future__ import annotations

import hashlib
from typing import Final

from starlette.requests import Request
from starlette.responses import Response

NO_STORE: Final = "no-store"
PRIVATE: Final = "private, no-store"
VARY: Final = "Accept, Accept-Encoding, Accept-Language, Authorization, X-API-Key"


def etag_for(body: bytes, media_type: str) -> str:
    digest = hashlib.sha256(media_type.encode() + b"\n" + body).hexdigest()[:32]
    return f'"{digest}"'


def _matches(if_none_match: str, etag: str) -> bool:
    """`If-None-Match` (weak comparison, as RFC 9110 asks for it) against our tag; the tags
    of compressed answers arrive here without their encoding (api/compression.py)."""
    if if_none_match.strip() == "*":
        return True
    return any(
        candidate.strip().removeprefix("W/") == etag for candidate in if_none_match.split(",")
    )


def cache_control(*, public: bool, max_age: int) -> str:
    return f"public, max-age={max_age}" if public and max_age > 0 else PRIVATE


def cacheable_answer(
    request: Request, body: bytes, media_type: str, *, public: bool, max_age: int
) -> Response:
    """A successful GET query's answer, or 304 when the caller already holds this body."""
    etag = etag_for(body, media_type)
    headers = {
        "Cache-Control": cache_control(public=public, max_age=max_age),
        "ETag": etag,
        "Vary": VARY,
    }
    if_none_match = request.headers.get("if-none-match")
    if if_none_match is not None and _matches(if_none_match, etag):
        return Response(status_code=304, headers=headers)
    return Response(body, media_type=media_type, headers=headers)


def uncacheable(response: Response) -> Response:
    response.headers["Cache-Control"] = NO_STORE
    return response
