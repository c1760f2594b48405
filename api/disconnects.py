"""A request whose client hangs up stops, and so does its Neo4j transaction.

Uvicorn keeps running a handler after its client has gone: an expensive path or a write
waiting for a lock would go on holding a connection and Neo4j's CPU for nobody. This
middleware listens for `http.disconnect` while the handler runs and cancels the handler
when it comes first; the driver then closes the cancelled transaction's connection, which
makes Neo4j terminate the transaction; a write still waiting for its worker's write slot
never starts.
"""

from __future__ import annotations

import asyncio

from starlette.types import Message, Receive, Scope, Send

from api.http_middleware import HttpMiddleware


class CancelOnDisconnect(HttpMiddleware):
    """ASGI middleware: the handler runs as a task, cancelled if the client disconnects."""

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        inbox: asyncio.Queue[Message] = asyncio.Queue()
        handler = asyncio.ensure_future(self.app(scope, inbox.get, send))
        gone = False

        async def listen() -> None:
            nonlocal gone
            while True:
                message = await receive()
                inbox.put_nowait(message)
                if message["type"] == "http.disconnect":
                    gone = not handler.done()
                    handler.cancel()
                    return

        listener = asyncio.ensure_future(listen())
        try:
            await handler
        except asyncio.CancelledError:
            if not gone:
                raise  # the server is stopping, not the client
        finally:
            listener.cancel()
