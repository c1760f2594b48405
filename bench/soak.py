"""Soak: a mixed load against a running hub for minutes, counting errors and worker memory.

    python -m bench.soak --url http://127.0.0.1:8000 --seconds 600 [--concurrency 8]

Reads (pages, a detail, search, path, neighbourhood, a cached centrality) and, when
HUB_JWT_SECRET is set in the environment (the hub's own), editor writes creating and
renaming topics. The writes send two fixed documents with their values in variables, as the
web front-end and real clients do; `--inline-writes` puts the values into the text instead,
so every write is a document the hub has never seen (what filled its per-document caches in
the soaks before 2026-12-07, see bench/README.md). Every answer is checked: an HTTP 5xx, a
transport failure or a GraphQL error counts as an error, by code. The hub's worker processes
(every process listening on the URL's port) are sampled for RSS every twentieth of the run:
the growth is measured from the end of the warm-up (the first tenth) to the end, and the
samples are printed so a plateau shows. Not part of CI at this length; tests/bench/test_soak.py
runs the same load for 60 s.

The hub it was measured against (bench/README.md): `hub serve` with HUB_WORKERS=2,
HUB_RATE_LIMIT_PER_MINUTE=0, HUB_READ_TIMEOUT / HUB_ANALYSIS_TIMEOUT / HUB_WRITE_TIMEOUT=600,
HUB_JWT_SECRET set, over the seed graph (`hub seed`).
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


CREATE_TOPIC = """mutation CreateTopic($id: ID!, $name: String!) {
  createTopic(input: {id: $id, name: [{lang: "en", text: $name}]}) { userErrors { message } }
}"""
RENAME_TOPIC = """mutation RenameTopic($id: ID!, $name: String!) {
  updateTopic(input: {id: $id, name: [{lang: "en", text: $name}]}) { userErrors { message } }
}"""


def write_request(slug: str, rename: bool, inline: bool) -> dict[str, object]:
    """A create (or a rename of the topic `slug`) as a request body: the fixed document with
    variables, or with `inline` the values written into a document of its own."""
    name = f"{slug} renamed" if rename else slug
    document = RENAME_TOPIC if rename else CREATE_TOPIC
    if not inline:
        return {"query": document, "variables": {"id": slug, "name": name}}
    inlined = document.replace("($id: ID!, $name: String!)", "")
    return {"query": inlined.replace("$id", f'"{slug}"').replace("$name", f'"{name}"')}


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
    rss_samples_mb: tuple[float, ...] = ()
    """Workers' RSS every twentieth of the run, the last at its end."""

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
            f"({self.rss_growth:+.1%} after warm-up); RSS every twentieth: "
            + " ".join(f"{sample:.1f}" for sample in self.rss_samples_mb)
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
    client: httpx.AsyncClient, number: int, until: float, writes: Writes | None, tally: Tally
) -> None:
    turn = 0
    created: list[str] = []
    while time.monotonic() < until:
        turn += 1
        body: dict[str, object]
        if writes is not None and turn % 5 == 0:
            rename = turn % 10 == 0 and bool(created)
            slug = created[-1] if rename else f"soak-{os.getpid()}-{number}-{turn}"
            body = write_request(slug, rename, writes.inline)
            if not rename:
                created.append(slug)
        else:
            body = {"query": READS[(number + turn) % len(READS)][1]}
        started = time.monotonic()
        try:
            response = await client.post("/graphql", json=body)
            found = problems(response)
        except httpx.HTTPError as error:
            found = [type(error).__name__]
        tally.latencies.append((time.monotonic() - started) * 1000)
        tally.requests += 1
        tally.errors.update(found)


@dataclass(frozen=True, slots=True)
class Writes:
    """Editor writes in the load: every fifth request, a create or a rename."""

    inline: bool = False
    """Values written into each document instead of sent as variables."""


async def soak(
    url: str, seconds: float, concurrency: int, secret: str | None, *, inline: bool = False
) -> SoakResult:
    """`secret` (the hub's HUB_JWT_SECRET) adds editor writes; `inline`: see the module."""
    headers = {"authorization": f"Bearer {editor_token(secret)}"} if secret else {}
    writes = Writes(inline) if secret else None
    tally = Tally()
    started = time.monotonic()
    until = started + seconds
    samples: list[float] = []
    async with httpx.AsyncClient(base_url=url, headers=headers, timeout=60) as client:
        loops = [
            asyncio.create_task(client_loop(client, n, until, writes, tally))
            for n in range(concurrency)
        ]
        for twentieth in range(1, 20):
            await asyncio.sleep(max(0.0, started + seconds * twentieth / 20 - time.monotonic()))
            samples.append(workers_rss_mb(url))
        warm = samples[1]
        await asyncio.gather(*loops)
    samples.append(workers_rss_mb(url))
    latencies = sorted(tally.latencies) or [0.0]
    return SoakResult(
        seconds=time.monotonic() - started,
        requests=tally.requests,
        errors=dict(tally.errors),
        p50_ms=statistics.median(latencies),
        p99_ms=latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))],
        rss_after_warmup_mb=warm,
        rss_end_mb=samples[-1],
        rss_samples_mb=tuple(samples),
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8000")
    parser.add_argument("--seconds", type=float, default=600)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument(
        "--inline-writes", action="store_true", help="every write a document of its own"
    )
    arguments = parser.parse_args(argv)
    secret = os.environ.get("HUB_JWT_SECRET")
    result = asyncio.run(
        soak(
            arguments.url,
            arguments.seconds,
            arguments.concurrency,
            secret,
            inline=arguments.inline_writes,
        )
    )
    print(result.summary())
    return 1 if result.errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
