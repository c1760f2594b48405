"""OpenTelemetry spans exported over OTLP/HTTP to a collector (a small one here), and event
streams left uncompressed by the compression middleware."""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import ExportTraceServiceRequest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import StreamingResponse
from starlette.routing import Route

from api.compression import compression_middleware
from tests.app_client import app_client, hub_settings
from tests.neo4j_server import Neo4jServer
from tests.ports import free_port


@contextmanager
def collector() -> Iterator[tuple[str, list[ExportTraceServiceRequest]]]:
    received: list[ExportTraceServiceRequest] = []

    class Receiver(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["content-length"]))
            if self.path == "/v1/traces":
                received.append(ExportTraceServiceRequest.FromString(body))
            self.send_response(200)
            self.send_header("content-type", "application/x-protobuf")
            self.end_headers()

        def log_message(self, format: str, *args: object) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", free_port()), Receiver)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", received
    finally:
        server.shutdown()
        server.server_close()


async def test_requests_are_traced_with_operation_and_request_id(
    neo4j_server: Neo4jServer,
) -> None:
    with collector() as (endpoint, received):
        settings = hub_settings(neo4j_server, otel_exporter_otlp_endpoint=endpoint)
        async with app_client(settings) as client:
            answer = await client.post(
                "/graphql",
                json={"query": "query Traced { __typename }"},
                headers={"x-request-id": "span-7"},
            )
            assert answer.status_code == 200
        # leaving the lifespan shut the provider down, which flushed the spans
    attributes = [
        {item.key: item.value.string_value for item in span.attributes}
        for request in received
        for resource_spans in request.resource_spans
        for scope_spans in resource_spans.scope_spans
        for span in scope_spans.spans
    ]
    traced = [a for a in attributes if a.get("graphql.operation.name") == "Traced"]
    assert traced, attributes
    assert traced[0]["graphql.operation.type"] == "query"
    assert traced[0]["http.request.id"] == "span-7"


async def events() -> AsyncIterator[bytes]:
    for number in range(3):
        yield b"event: next\ndata: " + b"x" * 2000 + f"{number}\n\n".encode()


async def stream(request: Request) -> StreamingResponse:
    return StreamingResponse(events(), media_type="text/event-stream")


async def test_event_streams_are_never_compressed() -> None:
    app = Starlette(routes=[Route("/sse", stream)], middleware=compression_middleware())
    transport = httpx.ASGITransport(app=app)
    async with (
        httpx.AsyncClient(transport=transport, base_url="http://hub") as client,
        client.stream("GET", "/sse", headers={"accept-encoding": "gzip, br, zstd"}) as response,
    ):
        raw = b"".join([chunk async for chunk in response.aiter_raw()])
    assert "content-encoding" not in response.headers
    assert raw.count(b"event: next") == 3
