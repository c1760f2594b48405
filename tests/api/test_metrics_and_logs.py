"""`/metrics` of a two-worker hub, parsed by prometheus_client's own parser after a known set
of requests (refusals at the door included); JSON log lines carrying the request id; the SSE
media type never compressed."""

from __future__ import annotations

import json
from collections import defaultdict

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families

from tests.live_hub import hub_env, live_hub
from tests.neo4j_server import Neo4jServer
from tests.seeded import SeededGraph

KNOWN = "query Known { experts(first: 2) { nodes { slug } } }"
BROKEN = "query Broken { nope }"


def samples(text: str) -> dict[str, list[tuple[dict[str, str], float]]]:
    found: dict[str, list[tuple[dict[str, str], float]]] = defaultdict(list)
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            found[sample.name].append((sample.labels, sample.value))
    return found


def total(found: dict[str, list[tuple[dict[str, str], float]]], name: str, **labels: str) -> float:
    return sum(
        value
        for sample_labels, value in found[name]
        if all(sample_labels.get(key) == wanted for key, wanted in labels.items())
    )


def test_metrics_sum_every_worker_and_logs_are_json_with_request_ids(
    neo4j_server: Neo4jServer, seeded: SeededGraph, capsys: pytest.CaptureFixture[str]
) -> None:
    del seeded
    env = hub_env(
        neo4j_server,
        HUB_WORKERS="2",
        HUB_LOG_FORMAT="json",
        HUB_ACCESS_LOG="true",
        # A failed credential costs its address 100 points (api/access.py): two fit, a third
        # does not, and a point a minute refills none in between.
        HUB_RATE_LIMIT_PER_MINUTE="1",
        HUB_RATE_LIMIT_BURST="250",
    )
    with live_hub(env) as hub:
        for _ in range(6):  # a new connection each: the kernel spreads them over the workers
            with httpx.Client() as client:
                answer = client.post(hub.graphql, json={"query": KNOWN})
                assert answer.json()["data"]["experts"]["nodes"]
        for _ in range(3):
            with httpx.Client() as client:
                client.get(hub.graphql, params={"query": BROKEN})
        refused = []
        for _ in range(3):
            with httpx.Client() as client:
                bad = {"authorization": "Bearer not-a-token"}
                refused.append(client.post(hub.graphql, json={"query": KNOWN}, headers=bad))
        with httpx.Client() as client:
            client.post(
                hub.graphql,
                json={"query": "{ __typename }"},
                headers={"x-request-id": "trace-me-42"},
            )
            exposition = client.get(f"{hub.url}/metrics")
    assert exposition.status_code == 200
    found = samples(exposition.text)
    requests = "hub_graphql_requests_total"
    assert total(found, requests, operation="Known", type="query", code="OK") == 6
    assert (
        total(found, requests, operation="Broken", type="query", code="GRAPHQL_VALIDATION_FAILED")
        == 3
    )
    assert total(found, requests, operation="anonymous", type="query", code="OK") == 1
    assert total(found, "hub_graphql_request_seconds_count") == 10
    assert total(found, "hub_neo4j_round_trips_per_request_count", type="query") == 10
    assert total(found, "hub_neo4j_round_trips_per_request_sum") >= 6
    assert total(found, "hub_neo4j_request_seconds_sum") > 0
    assert "hub_neo4j_connections_in_use" in found
    assert total(found, "hub_graphql_subscriptions_open") == 0
    assert [answer.status_code for answer in refused] == [401, 401, 429]
    assert total(found, "hub_refused_requests_total", status="401") == 2
    assert total(found, "hub_refused_requests_total", status="429") == 1
    assert total(found, "hub_refused_requests_total") == 3  # nothing else was refused

    output = capsys.readouterr().out
    lines = [json.loads(line) for line in output.splitlines() if line.startswith("{")]
    assert lines, output
    assert all({"time", "level", "logger", "message", "request_id"} <= set(line) for line in lines)
    mine = [line for line in lines if line["request_id"] == "trace-me-42"]
    assert any("POST /graphql" in line["message"] for line in mine), mine
