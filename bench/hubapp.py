"""The hub's app with optional tweaks, to measure a change before it is made in the product.

`uvicorn bench.hubapp:app` serves exactly `api.asgi:app` unless BENCH_HUB_TWEAKS names tweaks
(comma-separated):
- `parser_cache`: Strawberry's ParserCache appended to the served schema's extensions;
- `validation_cache`: ValidationCache, with the validation rules of the limit extensions made
  once instead of per request (else the cache key never repeats), i.e. what
  `schema/schema.py` and `schema/limits.py` would do;
- `gc_freeze`: the objects alive once the app is built (schema, modules) moved out of the
  cyclic collector's reach (`gc.freeze()`), so its full collections stop rescanning them;
- `gc_threshold`: the youngest generation collected every 20,000 allocations instead of 700.
Nothing here is imported by the product.
"""

from __future__ import annotations

import gc
import os
from typing import Any

import strawberry
from starlette.routing import Route
from strawberry.extensions import AddValidationRules, ParserCache, ValidationCache

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


def hoisted_rules(factories: Any) -> list[Any]:
    """Rule-adding extensions replaced by one whose rule classes are made once.

    QueryDepthLimiter and MaxAliasesLimiter build a new rule class per instance, i.e. per
    request, so the tuple of rules (part of ValidationCache's key) never repeats and the
    cache never hits. Making the classes once is what `schema/limits.py` would do.
    """
    kept: list[Any] = []
    rules: list[Any] = []
    for factory in factories:
        probe = factory() if callable(factory) and not isinstance(factory, type) else None
        if isinstance(probe, AddValidationRules):
            rules.extend(probe.validation_rules)
        else:
            kept.append(factory)
    constant = list(rules)
    return [*kept, lambda: AddValidationRules(constant)]


_schema = served_schema()
if "parser_cache" in TWEAKS:
    _schema.extensions = (*_schema.extensions, lambda: ParserCache(maxsize=256))
if "validation_cache" in TWEAKS:
    _schema.extensions = (*hoisted_rules(_schema.extensions), lambda: ValidationCache(maxsize=256))
if "gc_threshold" in TWEAKS:
    gc.set_threshold(20_000, 10, 10)
if "gc_freeze" in TWEAKS:
    gc.collect()
    gc.freeze()
