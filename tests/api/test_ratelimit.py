"""Rate limits: a token bucket per caller charged by cost, held before any Neo4j work."""

from __future__ import annotations

import multiprocessing
import time
from pathlib import Path
from typing import Any

import jwt
import pytest
from graphql import FragmentDefinitionNode, parse, print_ast
from pydantic import SecretStr

from api.access import client_group, key_bucket
from api.auth import Authenticator
from api.bucket_table import BucketTable, create_table_file
from api.ratelimit import RateLimiter
from api.settings import Settings
from graph.database.accounts import create_key
from graph.database.cypher import Cypher
from graph.writes.principal import Principal, Role
from schema import limits
from tests.app_client import app_client, hub_settings
from tests.neo4j_server import PROJECT, Neo4jServer

SECRET = "an-hmac-secret-that-is-long-enough-for-hs256"
ADMIN = Principal(role=Role.ADMIN, subject="jwt:admin", via="jwt")


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_bucket_allows_its_burst_then_refuses_until_it_refills() -> None:
    clock = FakeClock()
    limiter = RateLimiter(per_minute=60, burst=3, clock=clock)
    assert [limiter.take("a").allowed for _ in range(4)] == [True, True, True, False]
    assert limiter.take("a").retry_after == 1
    assert limiter.take("b").allowed
    clock.now += 1.0
    assert limiter.take("a").allowed
    assert not limiter.take("a").allowed


def test_a_request_is_charged_its_cost_at_most_a_full_bucket() -> None:
    clock = FakeClock()
    limiter = RateLimiter(per_minute=600, burst=100, clock=clock)
    assert limiter.take("a", 60).allowed
    refused = limiter.take("a", 60)
    assert not refused.allowed
    assert refused.retry_after == 2  # 20 points short at 10 points a second
    assert limiter.take("a", 40).allowed
    clock.now += 10.0
    assert limiter.take("a", 5_000).allowed  # capped at a full bucket
    assert not limiter.take("a", 1).allowed


def test_asking_without_spending_leaves_the_bucket_as_it_was() -> None:
    limiter = RateLimiter(per_minute=60, burst=2, clock=FakeClock())
    assert all(limiter.take("a", spend=False).allowed for _ in range(10))
    assert [limiter.take("a").allowed for _ in range(3)] == [True, True, False]
    assert not limiter.take("a", spend=False).allowed


def test_retry_after_counts_whole_seconds_to_the_next_token() -> None:
    clock = FakeClock()
    limiter = RateLimiter(per_minute=6, burst=1, clock=clock)
    assert limiter.take("a").allowed
    assert limiter.take("a").retry_after == 10
    clock.now += 4.0
    assert limiter.take("a").retry_after == 6


def test_zero_per_minute_turns_the_limit_off_and_the_table_stays_bounded() -> None:
    assert all(RateLimiter(per_minute=0, burst=1).take("a").allowed for _ in range(100))
    table = BucketTable(slots=16)
    limiter = RateLimiter(per_minute=60, burst=1, clock=FakeClock(), table=table)
    for caller in range(500):
        limiter.take(f"caller-{caller}")
    assert table.slots == 16
    assert limiter.take("caller-499").allowed is False  # the latest are still there


@pytest.mark.parametrize(
    ("host", "group"),
    [
        ("203.0.113.7", "203.0.113.7"),
        ("2001:db8:1:2:aaaa::1", "2001:db8:1:2::/64"),
        ("2001:db8:1:2:bbbb:cccc:dddd:eeee", "2001:db8:1:2::/64"),
        ("2001:db8:1:3::1", "2001:db8:1:3::/64"),
        ("::ffff:203.0.113.7", "203.0.113.7"),
        (None, "unknown"),
    ],
)
def test_ipv6_clients_share_a_bucket_per_64(host: str | None, group: str) -> None:
    assert client_group(host) == group


def _spend(path: str, tries: int, allowed: Any) -> None:
    limiter = RateLimiter(per_minute=1, burst=50, table=BucketTable(Path(path)))
    allowed.put(sum(limiter.take("shared").allowed for _ in range(tries)))


def test_processes_sharing_a_table_share_one_budget() -> None:
    path = create_table_file(slots=64)
    try:
        context = multiprocessing.get_context("spawn")
        allowed = context.Queue()
        workers = [context.Process(target=_spend, args=(str(path), 40, allowed)) for _ in range(3)]
        for worker in workers:
            worker.start()
        total = sum(allowed.get(timeout=60) for _ in workers)
        for worker in workers:
            worker.join(timeout=30)
        assert total in (50, 51)  # the burst, plus at most the one point a minute refills
    finally:
        path.unlink()


def _settings(neo4j_server: Neo4jServer, **overrides: Any) -> Settings:
    limits: dict[str, Any] = {"hub_rate_limit_per_minute": 1, "hub_rate_limit_burst": 2}
    return hub_settings(neo4j_server, hub_jwt_secret=SecretStr(SECRET), **(limits | overrides))


async def test_the_api_answers_429_with_retry_after_per_caller(neo4j_server: Neo4jServer) -> None:
    now = int(time.time())
    token = jwt.encode(
        {"sub": "bob", "role": "editor", "iat": now, "exp": now + 600}, SECRET, algorithm="HS256"
    )
    body = {"query": "{ apiVersion }"}
    async with app_client(_settings(neo4j_server)) as client:
        statuses = [(await client.post("/graphql", json=body)).status_code for _ in range(3)]
        assert statuses == [200, 200, 429]
        refused = await client.post("/graphql", json=body)
        assert int(refused.headers["retry-after"]) >= 1
        assert refused.json()["errors"][0]["extensions"]["code"] == "RATE_LIMITED"
        signed_in = {"Authorization": f"Bearer {token}"}
        assert (await client.post("/graphql", json=body, headers=signed_in)).status_code == 200
        assert (await client.get("/healthz")).status_code == 200


async def test_a_query_is_charged_its_estimated_cost(neo4j_server: Neo4jServer) -> None:
    expensive = {"query": "{ experts(first: 60) { nodes { slug } } }"}
    cheap = {"query": "{ apiVersion }"}
    settings = _settings(neo4j_server, hub_rate_limit_burst=100)
    async with app_client(settings) as client:
        assert (await client.post("/graphql", json=expensive)).status_code == 200
        refused = await client.post("/graphql", json=expensive)  # 39 points left
        assert refused.status_code == 429
        assert refused.json()["errors"][0]["extensions"]["code"] == "RATE_LIMITED"
        assert int(refused.headers["retry-after"]) > 60  # 21 points at one a minute
        assert (await client.post("/graphql", json=cheap)).status_code == 200


async def test_a_query_is_charged_for_the_variables_it_sent(neo4j_server: Neo4jServer) -> None:
    """A variable page size is priced at the cap by the cost rule, but charged as sent."""
    query = "query Page($first: Int) { experts(first: $first) { nodes { slug } } }"
    settings = _settings(neo4j_server, hub_rate_limit_burst=100)
    async with app_client(settings) as client:
        for _ in range(4):  # 4 x 20 points of a 100-point bucket
            small = {"query": query, "variables": {"first": 20}}
            assert (await client.post("/graphql", json=small)).status_code == 200
        large = {"query": query, "variables": {"first": 60}}
        assert (await client.post("/graphql", json=large)).status_code == 429


async def test_a_request_is_priced_once_for_its_rate_limit_and_its_cost_limit(
    neo4j_server: Neo4jServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rate limit's price reaches the cost limit through the request's context: pricing
    (a walk over the document) runs once per request, not once for each."""
    priced: list[str | None] = []  # the operation name of each pricing
    real = limits.operation_cost

    def counted(*args: Any) -> int | None:
        priced.append(args[3])
        return real(*args)

    monkeypatch.setattr(limits, "operation_cost", counted)
    settings = _settings(neo4j_server, hub_rate_limit_burst=1_000_000)
    aliased = " ".join(
        f's{i}: search(query: "/mig.*/", first: 100) {{ totalCount }}' for i in range(12)
    )
    too_big = "{ " + aliased + " }"
    async with app_client(settings) as client:
        small = {
            "query": "query Small { experts(first: 3) { nodes { slug } } }",
            "operationName": "Small",
        }
        answer = await client.post("/graphql", json=small)
        assert answer.status_code == 200
        assert "errors" not in answer.json()
        assert priced == ["Small"]
        refused = (await client.post("/graphql", json={"query": too_big})).json()
        assert refused["errors"][0]["extensions"]["code"] == "QUERY_TOO_COMPLEX"
        assert priced == ["Small", None]


async def test_exports_are_charged_what_they_ask_for(neo4j_server: Neo4jServer) -> None:
    settings = _settings(neo4j_server, hub_rate_limit_burst=100)
    async with app_client(settings) as client:
        path = "/export/neighbourhood.csv?id=nobody&limit=80"
        assert (await client.get(path)).status_code == 404  # charged, then looked for
        refused = await client.get(path)
        assert refused.status_code == 429
        assert refused.json()["errors"][0]["extensions"]["code"] == "RATE_LIMITED"


async def test_api_keys_are_limited_before_they_are_looked_up(
    neo4j_server: Neo4jServer, cypher: Cypher, monkeypatch: pytest.MonkeyPatch
) -> None:
    issued = await create_key(cypher, name="sync", role=Role.EDITOR, agency=None, created_by=ADMIN)
    looked_up: list[str] = []
    real = Authenticator.key_principal

    async def counted(self: Authenticator, api_key: str, runner: Cypher) -> Principal:
        looked_up.append(key_bucket(api_key))
        return await real(self, api_key, runner)

    monkeypatch.setattr(Authenticator, "key_principal", counted)
    body = {"query": "{ viewer { role } }"}
    async with app_client(_settings(neo4j_server, hub_rate_limit_burst=3)) as client:
        headers = {"X-API-Key": issued.secret}
        statuses = [
            (await client.post("/graphql", json=body, headers=headers)).status_code
            for _ in range(5)
        ]
        assert statuses == [200, 200, 200, 429, 429]
        assert looked_up == [key_bucket(issued.secret)] * 3  # the refused ones never reached Neo4j

        looked_up.clear()
        guesses = [
            (await client.post("/graphql", json=body, headers={"X-API-Key": f"guess-{n}"}))
            for n in range(3)
        ]
        assert [guess.status_code for guess in guesses] == [401, 429, 429]
        assert len(looked_up) == 1  # a failure spends its address's budget for every key


async def test_the_default_limits_let_a_person_browse_the_explorers_network_view(
    neo4j_server: Neo4jServer,
) -> None:
    """The explorer's own documents at the default limits: a network view coloured by
    community, then three filter changes in a row, none refused (each depth-2 neighbourhood
    costs 9 600 points, the communities 20 000)."""
    documents = PROJECT / "web" / "src" / "graphql"
    fragments = parse((documents / "fragments.graphql").read_text()).definitions
    wanted = ("Text", "GraphNodeRef")
    used = [
        d for d in fragments if isinstance(d, FragmentDefinitionNode) and d.name.value in wanted
    ]
    query = (documents / "network.graphql").read_text() + "\n".join(print_ast(d) for d in used)
    view = {"id": "vusal-huseynov", "depth": 2}
    async with app_client(hub_settings(neo4j_server)) as client:
        bodies: list[dict[str, Any]] = [
            {"query": query, "operationName": "Neighbourhood", "variables": view},
            {
                "query": query,
                "operationName": "Communities",
                "variables": {"projection": {"kind": "EXPERTS_BY_EVENTS"}},
            },
        ]
        bodies += [
            {
                "query": query,
                "operationName": "Neighbourhood",
                "variables": view | {"types": types},
            }
            for types in (["EXPERT"], ["EXPERT", "AGENCY"], ["EVENT"])
        ]
        statuses = [(await client.post("/graphql", json=body)).status_code for body in bodies]
        assert statuses == [200] * len(bodies)
