"""The hub's app with optional tweaks, to measure a change before it is made in the product.

`uvicorn bench.hubapp:app` serves exactly `api.asgi:app` unless BENCH_HUB_TWEAKS names tweaks
(comma-separated):
- `parser_cache`, `validation_cache`: Strawberry's ParserCache / ValidationCache extensions
  appended to the served schema, i.e. what `schema/schema.py` would get.
Nothing here is imported by the product.
"""

from __future__ import annotations

import os
from typing import Any

import strawberry
from starlette.routing import Route
from strawberry.extensions import ParserCache, ValidationCache

from api.app import create_app
from api.settings import load_settings

TWEAKS = frozenset(filter(None, os.environ.get("BENCH_HUB_TWEAKS", "").split(",")))

app = create_app(load_settings())


def served_schema() -> strawberry.Schema:
    """The schema behind /graphql, found through whatever middleware wraps the endpoint."""
    for route in app.routes:
        if isinstance(route, Route) and route.path == "/graphql":
            view: Any = route.app
            for _ in range(10):
                schema = getattr(view, "schema", None)
                if isinstance(schema, strawberry.Schema):
                    return schema
                view = getattr(view, "app", None)
    raise RuntimeError("no Strawberry schema behind /graphql")


_schema = served_schema()
if "parser_cache" in TWEAKS:
    _schema.extensions = (*_schema.extensions, lambda: ParserCache(maxsize=256))
if "validation_cache" in TWEAKS:
    _schema.extensions = (*_schema.extensions, lambda: ValidationCache(maxsize=256))
