"""Compressed answers: zstd, brotli or gzip by `Accept-Encoding`, for bodies above 1 kB.

Event streams (`text/event-stream`, GraphQL over SSE) pass untouched: a compressor would hold
events back until its buffer fills. A compressed body is another representation of the same
answer, so its strong `ETag` gets the encoding appended (`"<tag>-br"`); api/http_cache.py
strips the suffix again when it compares `If-None-Match`.
"""

from __future__ import annotations

from typing import Final

from starlette.datastructures import MutableHeaders
from starlette.middleware import Middleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from starlette_compress import CompressMiddleware, add_compress_type, remove_compress_type

MINIMUM_SIZE: Final = 1024
GRAPHQL_RESPONSE: Final = "application/graphql-response+json"

remove_compress_type("text/event-stream")
add_compress_type(GRAPHQL_RESPONSE)


class EncodedETags:
    """Outside the compressor: marks the ETag of a compressed answer with its encoding."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_marked(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                encoding = headers.get("content-encoding")
                etag = headers.get("etag")
                if encoding and etag and etag.endswith('"'):
                    headers["etag"] = f'{etag[:-1]}-{encoding}"'
            await send(message)

        await self.app(scope, receive, send_marked)


def compression_middleware() -> list[Middleware]:
    return [Middleware(EncodedETags), Middleware(CompressMiddleware, minimum_size=MINIMUM_SIZE)]
