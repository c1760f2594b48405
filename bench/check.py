"""Before any timing: do hub, peer and floor give the same answers, and how many round trips?

Answers are compared through mix.toml's `compare` paths, which reduce each target's JSON shape
to the same facts; every target, the floor included, is asked over HTTP as the load asks it.
Round trips are counted in-process: the hub's app runs on an ASGI transport
and every `graph.database.cypher.Cypher` it creates is kept, so its own `round_trips` counter is
read.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import httpx
from starlette.applications import Starlette

from bench.mix import UNIQ, MixQuery, dialect_of, facts, request_body
from bench.stream import body


@dataclass(slots=True)
class CheckResult:
    """Per query: which targets answered, whether their facts agree, the first disagreement."""

    query: str
    failed: dict[str, str] = field(default_factory=dict)
    mismatches: list[str] = field(default_factory=list)
    checked: int = 0

    @property
    def status(self) -> str:
        agreement = "differ" if self.mismatches else "equal"
        if not self.failed:
            return agreement
        return f"{'+'.join(sorted(self.failed))} failed, others {agreement}"


async def check_answers(
    query: MixQuery,
    samples: Sequence[Mapping[str, Any]],
    *,
    urls: Mapping[str, str],
    token: str,
    authorization: str | None = None,
    mounts: Mapping[str, httpx.AsyncBaseTransport] | None = None,
) -> CheckResult:
    """Every sample sent to every target (named in `urls`; hub variants speak the hub's
    dialect); their compared facts must be equal. `authorization` goes with the hub's write;
    `mounts` carry requests to apps in this process (tests)."""
    result = CheckResult(query.name)
    async with httpx.AsyncClient(timeout=60.0, mounts=mounts) as client:
        for number, sample in enumerate(samples):
            seen: dict[str, dict[str, Any]] = {}
            for name, url in urls.items():
                if name in result.failed:
                    continue
                dialect = dialect_of(name)
                headers = {"content-type": "application/json"}
                if query.write and dialect == "hub" and authorization:
                    headers["authorization"] = authorization
                sent = body(query, dialect, sample).replace(UNIQ, f"{token}c{number}{name}")
                try:
                    response = await client.post(url, content=sent, headers=headers)
                    answer = response.json()
                    if answer.get("errors") or response.status_code != 200:
                        raise RuntimeError(json.dumps(answer.get("errors", answer))[:400])
                except Exception as error:  # reported; the run then fails
                    result.failed[name] = f"{type(error).__name__}: {error}"[:500]
                    continue
                seen[name] = facts(query.targets[dialect], answer)
            result.checked += 1
            reference_name, reference = next(iter(seen.items()), ("", {}))
            for name, found in seen.items():
                for key, value in found.items():
                    if value != reference.get(key) and len(result.mismatches) < 5:
                        result.mismatches.append(
                            f"sample {number} {key}: {reference_name}={_short(reference.get(key))} "
                            f"{name}={_short(value)}"
                        )
    return result


def _short(value: Any) -> str:
    text = json.dumps(value, default=str)
    return text if len(text) <= 120 else text[:117] + "..."


@contextmanager
def counted_cyphers() -> Iterator[list[Any]]:
    """Every `Cypher` built while active, so a request's round trips can be summed after it."""
    from graph.database import cypher as cypher_module

    created: list[Any] = []
    original = cypher_module.Cypher.__init__

    def recording_init(self: Any, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        created.append(self)

    cypher_module.Cypher.__init__ = recording_init  # type: ignore[method-assign]
    try:
        yield created
    finally:
        cypher_module.Cypher.__init__ = original  # type: ignore[method-assign]


async def count_round_trips(
    query: MixQuery,
    samples: Sequence[Mapping[str, Any]],
    *,
    app: Starlette,
    token: str,
    authorization: str | None = None,
) -> list[int]:
    """Neo4j round trips per hub request, for each sample, with the hub app in this process.

    The document is sent once before counting: a page's root fields share one statement
    once each of their reads has run alone (graph/database/read_batch.py); the steady state is what
    the load sees.
    """
    counts: list[int] = []
    headers = {"content-type": "application/json"}
    if authorization:
        headers["authorization"] = authorization
    with counted_cyphers() as created:
        async with app.router.lifespan_context(app):
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://hub") as client:
                warm_up = request_body(query.targets["hub"], samples[0])
                warm_up = warm_up.replace("__UNIQ__", f"{token}warm")
                await client.post("/graphql", content=warm_up, headers=headers)
                for number, sample in enumerate(samples):
                    created.clear()
                    body = request_body(query.targets["hub"], sample)
                    body = body.replace("__UNIQ__", f"{token}r{number}")
                    await client.post("/graphql", content=body, headers=headers)
                    counts.append(sum(getattr(cypher, "round_trips", 0) for cypher in created))
    return counts
