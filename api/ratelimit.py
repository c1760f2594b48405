"""Rate limiting: a token bucket per API key, token subject or client address.

Each bucket holds up to `burst` requests and refills at `per_minute / 60` per second; a
request that finds it empty gets 429 with `Retry-After` (whole seconds until a token is back).

The buckets live in the worker's memory: with N uvicorn workers (or N replicas) a client can
get up to N times the configured rate, and a restart forgets them. That keeps the API free of
shared state, as its design requires; a deployment that needs one global budget should put
the limit in its load balancer or gateway. Memory is bounded: past `max_buckets` the least
recently used bucket is dropped (the worst that does is hand that client a fresh bucket).
"""

from __future__ import annotations

import math
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

import orjson
from starlette.responses import Response

DEFAULT_MAX_BUCKETS: Final = 100_000


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
        max_buckets: int = DEFAULT_MAX_BUCKETS,
    ) -> None:
        self.rate = per_minute / 60.0
        self.burst = float(max(1, burst))
        self.clock = clock
        self.max_buckets = max_buckets
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()

    @property
    def enabled(self) -> bool:
        return self.rate > 0

    def take(self, key: str) -> Decision:
        """Spend one token of `key`'s bucket if there is one."""
        if not self.enabled:
            return ALLOWED
        now = self.clock()
        tokens, last = self._buckets.pop(key, (self.burst, now))
        tokens = min(self.burst, tokens + (now - last) * self.rate)
        allowed = tokens >= 1.0
        if allowed:
            tokens -= 1.0
        self._buckets[key] = (tokens, now)
        while len(self._buckets) > self.max_buckets:
            self._buckets.popitem(last=False)
        if allowed:
            return ALLOWED
        return Decision(allowed=False, retry_after=max(1, math.ceil((1.0 - tokens) / self.rate)))


def too_many_requests(decision: Decision) -> Response:
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
