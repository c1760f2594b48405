"""Rate limits: a token bucket per caller, and 429 with Retry-After when it runs dry."""

from __future__ import annotations

import time

import httpx
import jwt
from pydantic import SecretStr

from api.app import create_app
from api.ratelimit import RateLimiter
from api.settings import Settings
from tests.neo4j_server import Neo4jServer

SECRET = "an-hmac-secret-that-is-long-enough-for-hs256"


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


def test_retry_after_counts_whole_seconds_to_the_next_token() -> None:
    clock = FakeClock()
    limiter = RateLimiter(per_minute=6, burst=1, clock=clock)
    assert limiter.take("a").allowed
    assert limiter.take("a").retry_after == 10
    clock.now += 4.0
    assert limiter.take("a").retry_after == 6


def test_zero_per_minute_turns_the_limit_off_and_buckets_stay_bounded() -> None:
    assert all(RateLimiter(per_minute=0, burst=1).take("a").allowed for _ in range(100))
    limiter = RateLimiter(per_minute=60, burst=1, max_buckets=10)
    for caller in range(50):
        limiter.take(f"caller-{caller}")
    assert len(limiter._buckets) == 10


async def test_the_api_answers_429_with_retry_after_per_caller(neo4j_server: Neo4jServer) -> None:
    settings = Settings(
        neo4j_uri=neo4j_server.uri,
        neo4j_user=neo4j_server.user,
        neo4j_password=SecretStr(neo4j_server.password),
        hub_jwt_secret=SecretStr(SECRET),
        hub_rate_limit_per_minute=1,
        hub_rate_limit_burst=2,
    )
    app = create_app(settings)
    token = jwt.encode(
        {"sub": "bob", "role": "editor", "iat": int(time.time()), "exp": int(time.time()) + 600},
        SECRET,
        algorithm="HS256",
    )
    body = {"query": "{ apiVersion }"}
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://hub") as client:
            statuses = [(await client.post("/graphql", json=body)).status_code for _ in range(3)]
            assert statuses == [200, 200, 429]
            refused = await client.post("/graphql", json=body)
            assert int(refused.headers["retry-after"]) >= 1
            assert refused.json()["errors"][0]["extensions"]["code"] == "RATE_LIMITED"
            signed_in = {"Authorization": f"Bearer {token}"}
            assert (await client.post("/graphql", json=body, headers=signed_in)).status_code == 200
            assert (await client.get("/healthz")).status_code == 200
