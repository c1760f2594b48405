"""The seed graph for read-only tests, and a way to run GraphQL against it.

Loading the seed takes seconds, so test modules that only read share one load per module
(`seeded`); each query still gets its own `Cypher`, so round trips are counted per query.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, LiteralString

import pytest
import strawberry
from neo4j import AsyncDriver
from strawberry.types import ExecutionResult

from graph.database.cypher import Cypher
from graph.database.maintenance import delete_everything
from graph.model import Label
from schema.context import Context, Limits
from schema.ids import to_global_id
from schema.schema import build_schema
from seed.load import load_seed

DATABASE = "neo4j"


@dataclass(frozen=True, slots=True)
class SeededGraph:
    driver: AsyncDriver

    def cypher(self) -> Cypher:
        """A fresh runner (round-trip counter at zero) over the seeded graph."""
        return Cypher(self.driver, DATABASE)


class RecordingCypher(Cypher):
    """The real runner, noting which statements a request sent."""

    def __init__(self, driver: AsyncDriver) -> None:
        super().__init__(driver, DATABASE)
        self.sent: list[str] = []

    async def read_maps(
        self, query: LiteralString, parameters: Mapping[str, Any] | None = None
    ) -> list[dict[str, Any]]:
        self.sent.append(query)
        return await super().read_maps(query, parameters)


@pytest.fixture(scope="module")
async def seeded(driver: AsyncDriver) -> SeededGraph:
    """The source documents' graph, loaded once for the module; tests must not write."""
    runner = Cypher(driver, DATABASE)
    await delete_everything(runner)
    await load_seed(runner)
    return SeededGraph(driver)


@lru_cache(maxsize=8)
def schema_for(limits: Limits) -> strawberry.Schema:
    return build_schema(limits)


async def execute(
    cypher: Cypher,
    query: str,
    variables: dict[str, Any] | None = None,
    *,
    languages: tuple[str, ...] = (),
    limits: Limits | None = None,
) -> ExecutionResult:
    chosen = limits or Limits()
    context = Context(cypher=cypher, limits=chosen, languages=languages)
    return await schema_for(chosen).execute(query, variable_values=variables, context_value=context)


async def data_of(cypher: Cypher, query: str, variables: dict[str, Any] | None = None) -> Any:
    """The `data` of a query that must succeed."""
    result = await execute(cypher, query, variables)
    assert result.errors is None, [error.formatted for error in result.errors]
    return result.data


async def refused_unasked(
    seeded: SeededGraph, query: str | tuple[str, dict[str, Any]]
) -> ExecutionResult:
    """Run `query` (a text, or a text and its variables), which the cost rule must refuse:
    no data, only `QUERY_TOO_COMPLEX`, and not one statement sent to Neo4j."""
    text, variables = (query, None) if isinstance(query, str) else query
    cypher = seeded.cypher()
    result = await execute(cypher, text, variables)
    assert result.data is None
    assert set(codes_of(result)) == {"QUERY_TOO_COMPLEX"}, codes_of(result)
    assert cypher.round_trips == 0
    return result


def codes_of(result: ExecutionResult) -> list[str]:
    return [(error.extensions or {}).get("code", "") for error in result.errors or ()]


def gid(label: Label, slug: str) -> str:
    return to_global_id(label, slug)
