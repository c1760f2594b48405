"""Soak: a mixed load against a running hub for minutes, counting errors and worker memory.

    python -m bench.soak --url http://127.0.0.1:8000 --seconds 600 [--concurrency 8]

Reads (pages, a detail, search, path, neighbourhood, a cached centrality) and, when
HUB_JWT_SECRET is set in the environment (the hub's own), editor writes creating and
renaming topics. Every answer is checked: an HTTP 5xx, a transport failure or a GraphQL error
counts as an error, by code. The hub's worker processes (every process listening on the
URL's port) are sampled for RSS: the growth is measured from the end of the warm-up (the
first tenth of the run) to the end. Not part of CI at this length; tests/bench/test_soak.py
runs the same load for 60 s.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import statistics
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import httpx
import jwt
import psutil

from bench.servers import listening_pids

READS: tuple[tuple[str, str], ...] = (
    ("page", "{ experts(first: 20) { nodes { slug name { text } } totalCount } }"),
    ("nested", "{ agencies(first: 5) { nodes { slug experts(first: 5) { nodes { slug } } } } }"),
    ("search", '{ search(query: "migration", first: 10) { totalCount } }'),
    ("path", '{ path(from: "vusal-huseynov", to: "vladimir-gjorgjiev") { length } }'),
    ("neighbourhood", '{ neighbourhood(id: "vusal-huseynov", depth: 2) { truncated } }'),
    (
        "centrality",
        "{ centrality(projection: {kind: AGENCIES_BY_EVENTS}, first: 5) "
        "{ items { betweenness } } }",
    ),
)


@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)
    errors: Counter[str] = field(default_factory=Counter)
    requests: int = 0


@dataclass(frozen=True, slots=True)
class SoakResult:
    seconds: float
    requests: int
    errors: dict[str, int]
    p50_ms: float
    p99_ms: float
    rss_after_warmup_mb: float
    rss_end_mb: float

    @property
    def rss_growth(self) -> float:
        """Relative RSS growth after warm-up (0.03 = 3 %)."""
        return self.rss_end_mb / self.rss_after_warmup_mb - 1 if self.rss_after_warmup_mb else 0

    def summary(self) -> str:
        return (
            f"{self.requests} requests in {self.seconds:.0f} s, "
            f"errors {sum(self.errors.values())} {dict(self.errors)}, "
            f"p50 {self.p50_ms:.1f} ms, p99 {self.p99_ms:.1f} ms, worker RSS "
            f"{self.rss_after_warmup_mb:.1f} -> {self.rss_end_mb:.1f} MB "
            f"({self.rss_growth:+.1%} after warm-up)"
        )


def editor_token(secret: str) -> str:
    now = int(time.time())
    claims = {"sub": "soak", "role": "editor", "iat": now, "exp": now + 24 * 3600}
    return jwt.encode(claims, secret, algorithm="HS256")


def workers_rss_mb(url: str) -> float:
    """RSS of the hub's workers: every process listening on the URL's port (each worker of
    a multi-worker hub opens its own socket there; a single worker is `hub serve` itself)."""
    total = 0
    for pid in listening_pids(urlsplit(url).port or 80):
        with contextlib.suppress(psutil.Error):
            total += psutil.Process(pid).memory_info().rss
    return total / 2**20


def problems(response: httpx.Response) -> list[str]:
    if response.status_code >= 500:
        return [f"HTTP {response.status_code}"]
    errors = response.json().get("errors") or []
    return [str((error.get("extensions") or {}).get("code", "NO_CODE")) for error in errors]


async def client_loop(
    client: httpx.AsyncClient, number: int, until: float, writes: bool, tally: Tally
) -> None:
    turn = 0
    while time.monotonic() < until:
        turn += 1
        if writes and turn % 5 == 0:
            slug = f"soak-{os.getpid()}-{number}-{turn}"
            query = (
                f'mutation {{ createTopic(input: {{id: "{slug}", name: [{{lang: "en", '
                f'text: "{slug}"}}]}}) {{ userErrors {{ message }} }} }}'
            )
        else:
            query = READS[(number + turn) % len(READS)][1]
        started = time.monotonic()
        try:
            response = await client.post("/graphql", json={"query": query})
            found = problems(response)
        except httpx.HTTPError as error:
            found = [type(error).__name__]
        tally.latencies.append((time.monotonic() - started) * 1000)
        tally.requests += 1
        tally.errors.update(found)


async def soak(url: str, seconds: float, concurrency: int, secret: str | None) -> SoakResult:
    headers = {"authorization": f"Bearer {editor_token(secret)}"} if secret else {}
    tally = Tally()
    started = time.monotonic()
    until = started + seconds
    async with httpx.AsyncClient(base_url=url, headers=headers, timeout=60) as client:
        loops = [
            asyncio.create_task(client_loop(client, n, until, bool(secret), tally))
            for n in range(concurrency)
        ]
        await asyncio.sleep(seconds / 10)
        warm = workers_rss_mb(url)
        await asyncio.gather(*loops)
    latencies = sorted(tally.latencies) or [0.0]
    return SoakResult(
        seconds=time.monotonic() - started,
        requests=tally.requests,
        errors=dict(tally.errors),
        p50_ms=statistics.median(latencies),
        p99_ms=latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))],
        rss_after_warmup_mb=warm,
        rss_end_mb=workers_rss_mb(url),
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8000")
    parser.add_argument("--seconds", type=float, default=600)
    parser.add_argument("--concurrency", type=int, default=8)
    arguments = parser.parse_args(argv)
    secret = os.environ.get("HUB_JWT_SECRET")
    result = asyncio.run(soak(arguments.url, arguments.seconds, arguments.concurrency, secret))
    print(result.summary())
    return 1 if result.errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
