"""OpenTelemetry traces, sent over OTLP/HTTP when `OTEL_EXPORTER_OTLP_ENDPOINT` is set.

The maintained Starlette instrumentation makes a server span per request; the GraphQL
endpoint adds the operation's name and type and the request id to it. Without an endpoint
nothing is installed and spans cost nothing (the API's no-op tracer).
"""

from __future__ import annotations

from typing import Final

from opentelemetry import trace
from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
from opentelemetry.instrumentation.starlette import StarletteInstrumentor
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor
from starlette.applications import Starlette

SERVICE_NAME: Final = "rtcm-hub"


def install_tracing(app: Starlette, endpoint: str | None) -> TracerProvider | None:
    """Instrument `app`; the provider returned must be shut down (flushed) at the app's end."""
    if endpoint is None:
        return None
    provider = TracerProvider(resource=Resource.create({"service.name": SERVICE_NAME}))
    exporter = OTLPSpanExporter(endpoint=f"{endpoint.rstrip('/')}/v1/traces")
    provider.add_span_processor(BatchSpanProcessor(exporter))
    StarletteInstrumentor.instrument_app(app, tracer_provider=provider)
    return provider


def annotate_span(operation: str, operation_type: str, request_id: str | None) -> None:
    span = trace.get_current_span()
    if not span.is_recording():
        return
    span.set_attribute("graphql.operation.name", operation)
    span.set_attribute("graphql.operation.type", operation_type)
    if request_id is not None:
        span.set_attribute("http.request.id", request_id)
