"""Rate limiting: a token bucket per API key, token subject or client address, charged by cost.

Each bucket holds up to `burst` points and refills at `per_minute / 60` points per second. A
request spends one point at the door (api/access.py, before any Neo4j work) and, once its
GraphQL document is parsed, the rest of its estimated cost (schema/limits.py, `query_price`;
never more than a full bucket, so any request the cost rule lets through can run on a full
bucket). A request that finds too few points gets 429 with `Retry-After` (whole seconds until
they are back) and runs nothing.

The buckets are the hub's, not each worker's: they live in a table all of a hub's workers map
(api/bucket_table.py). Replicas of the hub on other machines each keep their own.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

import orjson
from starlette.responses import Response

from api.bucket_table import BucketTable
from api.metrics import refused


@dataclass(frozen=True, slots=True)
class Decision:
    allowed: bool
    retry_after: int = 0
    """Seconds until the next request would be allowed (0 when this one is)."""


ALLOWED: Final = Decision(allowed=True)


class RateLimiter:
    def __init__(
        self,
        per_minute: int,
        burst: int,
        *,
        clock: Callable[[], float] = time.monotonic,
        table: BucketTable | None = None,
    ) -> None:
        self.rate = per_minute / 60.0
        self.burst = float(max(1, burst))
        self.clock = clock
        self.table = table if table is not None or not self.enabled else BucketTable()

    @property
    def enabled(self) -> bool:
        return self.rate > 0

    def take(self, key: str, cost: float = 1.0, *, spend: bool = True) -> Decision:
        """Spend `cost` points of `key`'s bucket (at most a full bucket) if it holds them.

        With `spend=False` only ask whether it does (a door that must not be charged twice).
        """
        if not self.enabled or self.table is None or cost <= 0:
            return ALLOWED
        charge = min(float(cost), self.burst)
        now = self.clock()
        outcome: list[float] = []

        def refill(tokens: float | None, last: float | None) -> tuple[float, float]:
            held = self.burst if tokens is None or last is None else tokens
            since = 0.0 if last is None else max(0.0, now - last)
            held = min(self.burst, held + since * self.rate)
            outcome.append(held)
            if held >= charge and spend:
                held -= charge
            return held, now

        self.table.update(key, refill)
        held = outcome[0]
        if held >= charge:
            return ALLOWED
        return Decision(allowed=False, retry_after=max(1, math.ceil((charge - held) / self.rate)))


@dataclass(frozen=True, slots=True)
class Meter:
    """One request's bucket, for the parts of the app that learn its cost after the door."""

    limiter: RateLimiter
    key: str

    def charge(self, cost: float) -> Decision:
        """Spend the rest of a request's cost; with the door's point, at most a full bucket."""
        return self.limiter.take(self.key, min(cost, self.limiter.burst - 1))


def too_many_requests(decision: Decision) -> Response:
    """The 429 answer, counted in the metrics (every one built is sent)."""
    refused(429)
    body = {
        "errors": [
            {
                "message": f"rate limit exceeded; retry in {decision.retry_after} s",
                "extensions": {"code": "RATE_LIMITED", "retryAfter": decision.retry_after},
            }
        ]
    }
    return Response(
        orjson.dumps(body),
        status_code=429,
        media_type="application/json",
        headers={"Retry-After": str(decision.retry_after)},
    )
