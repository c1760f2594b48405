"""Compressed answers: zstd, brotli or gzip by `Accept-Encoding`, for bodies above 1 kB.

Event streams (`text/event-stream`, GraphQL over SSE) pass untouched: a compressor would hold
events back until its buffer fills. A compressed body is another representation of the same
answer, so its strong `ETag` gets the encoding appended (`"<tag>-br"`), and the suffix is taken
off `If-None-Match` on the way in, so that the GraphQL endpoint (api/http_cache.py) and the
static assets compare the tags they made.
"""

from __future__ import annotations

import re
from typing import Final

from starlette.datastructures import MutableHeaders
from starlette.middleware import Middleware
from starlette.types import Message, Receive, Scope, Send
from starlette_compress import CompressMiddleware, add_compress_type, remove_compress_type

from api.http_middleware import HttpMiddleware

MINIMUM_SIZE: Final = 1024
GRAPHQL_RESPONSE: Final = "application/graphql-response+json"
ENCODED_TAG: Final = re.compile(r'"([^"]*)-(zstd|br|gzip)"')

remove_compress_type("text/event-stream")
add_compress_type(GRAPHQL_RESPONSE)


class EncodedETags(HttpMiddleware):
    """Outside the compressor: marks the ETag of a compressed answer with its encoding, and
    unmarks the tags a client sends back (marking them again on a 304 that matched one)."""

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        sent_encodings = _unmark_if_none_match(scope)

        async def send_marked(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                etag = headers.get("etag")
                encoding = headers.get("content-encoding")
                if message["status"] == 304 and etag is not None:
                    encoding = sent_encodings.get(etag)
                if encoding and etag and etag.endswith('"'):
                    headers["etag"] = f'{etag[:-1]}-{encoding}"'
            await send(message)

        await self.app(scope, receive, send_marked)


def _unmark_if_none_match(scope: Scope) -> dict[str, str]:
    """Strips encodings off the request's `If-None-Match` tags: plain tag -> its encoding."""
    sent: dict[str, str] = {}

    def unmark(match: re.Match[str]) -> str:
        plain = f'"{match.group(1)}"'
        sent[plain] = match.group(2)
        return plain

    headers = scope["headers"]
    if any(name == b"if-none-match" for name, _ in headers):
        scope["headers"] = [
            (name, ENCODED_TAG.sub(unmark, value.decode("latin-1")).encode("latin-1"))
            if name == b"if-none-match"
            else (name, value)
            for name, value in headers
        ]
    return sent


def compression_middleware() -> list[Middleware]:
    return [Middleware(EncodedETags), Middleware(CompressMiddleware, minimum_size=MINIMUM_SIZE)]
