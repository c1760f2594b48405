"""Property-based fuzzing of the whole schema: whatever valid GraphQL a caller sends, the hub
answers with coded errors, never `INTERNAL` and never an HTTP 5xx.

hypothesis-graphql generates queries and mutations from the exported SDL; IDs are drawn from
the seed graph's real ids (global and slugs) as well as arbitrary text, so the resolvers of
existing nodes and their links run, not only NOT_FOUND. Each document is sent to a served
hub (real HTTP) as an anonymous caller or as an editor. Examples are derandomised (the same
documents every run, so CI is stable) and modest in number, for about a minute of work.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_graphql import mutations, nodes, queries
from neo4j import AsyncDriver

from graph.model import Label
from schema.ids import to_global_id
from tests.editors import SECRET, editor_headers
from tests.live_hub import LiveHub, hub_env, live_hub
from tests.neo4j_server import Neo4jServer
from tests.seeded import SeededGraph

SDL = (Path(__file__).resolve().parents[2] / "schema" / "schema.graphql").read_text("utf-8")
GRAPHQL_RESPONSE = "application/graphql-response+json"
EXAMPLES = 100
SEED_IDS = "MATCH (n) WHERE n.id IS NOT NULL RETURN labels(n)[0] AS label, n.id AS slug"


@pytest.fixture(scope="module")
async def seed_ids(seeded: SeededGraph, driver: AsyncDriver) -> list[str]:
    records, _, _ = await driver.execute_query(SEED_IDS, database_="neo4j")
    labels = {label.value: label for label in Label}
    ids: list[str] = []
    for record in records:
        label = labels.get(record["label"])
        if label is not None:
            ids += [to_global_id(label, record["slug"]), record["slug"]]
    assert len(ids) > 100
    return sorted(ids)


@pytest.fixture(scope="module")
def hub(neo4j_server: Neo4jServer, seed_ids: list[str]) -> Iterator[LiveHub]:
    env = hub_env(neo4j_server, HUB_JWT_SECRET=SECRET, HUB_RATE_LIMIT_PER_MINUTE="0")
    with live_hub(env) as served:
        yield served


def scalars(seed_ids: list[str]) -> dict[str, st.SearchStrategy[Any]]:
    ids = st.one_of(st.sampled_from(seed_ids), st.sampled_from(seed_ids), st.text(max_size=40))
    moments = st.datetimes().map(lambda moment: moment.isoformat())
    return {"ID": ids.map(nodes.String), "DateTime": moments.map(nodes.String)}


def failures(response: httpx.Response) -> list[str]:
    """What is wrong with an answer: a 5xx, an error without a code, or INTERNAL."""
    problems = [f"HTTP {response.status_code}"] if response.status_code >= 500 else []
    for error in response.json().get("errors") or ():
        code = (error.get("extensions") or {}).get("code")
        if code in (None, "INTERNAL"):
            problems.append(f"{code}: {error.get('message')}")
    return problems


def fuzz(hub: LiveHub, documents: st.SearchStrategy[str]) -> None:
    anonymous = httpx.Client(headers={"accept": GRAPHQL_RESPONSE}, timeout=60)
    editor = httpx.Client(headers={"accept": GRAPHQL_RESPONSE, **editor_headers()}, timeout=60)

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(document=documents, as_editor=st.booleans())
    def answered_without_internal_errors(document: str, as_editor: bool) -> None:
        client = editor if as_editor else anonymous
        response = client.post(hub.graphql, json={"query": document})
        assert not failures(response), (document, failures(response))

    with anonymous, editor:
        answered_without_internal_errors()


def test_fuzzed_queries_never_answer_internal_or_5xx(hub: LiveHub, seed_ids: list[str]) -> None:
    fuzz(hub, queries(SDL, custom_scalars=scalars(seed_ids)))


def test_fuzzed_mutations_never_answer_internal_or_5xx(hub: LiveHub, seed_ids: list[str]) -> None:
    fuzz(hub, mutations(SDL, custom_scalars=scalars(seed_ids)))
