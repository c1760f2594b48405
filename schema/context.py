"""What every resolver receives: the request's Cypher runner, language preference and limits."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from strawberry.types import Info as StrawberryInfo

from graph.analytics.cache import AnalyticsCache
from graph.auditing.feed import AuditFeed
from graph.database.cypher import Cypher
from graph.writes.principal import ANONYMOUS, Principal
from schema.attached import AttachedPages


@dataclass(frozen=True, slots=True)
class Limits:
    """Caps that keep one request's work bounded whatever the client asks for."""

    max_page_size: int = 100
    max_query_depth: int = 12
    max_aliases: int = 30
    max_tokens: int = 3000
    max_cost: int = 50_000
    """Objects a query could return at most: page sizes multiplied along the nesting."""


@dataclass(frozen=True, slots=True)
class Price:
    """An operation's estimated cost (schema/limits.py) for the request's variables, worked
    out once per request: where `api/` prices a request for its rate limit before execution,
    it hands the price on here and the cost limit reads it instead of pricing again."""

    objects: int | None
    """Objects the operation could return; None when the document does not parse, names no
    such operation or its variables do not coerce (the executor answers with its own error)."""

    @property
    def charge(self) -> int:
        """What the rate limit charges (at least 1)."""
        return max(1, self.objects or 0)


T = TypeVar("T")


@dataclass(slots=True)
class Context:
    """Built once per request by `api/`; resolvers read it, never the driver."""

    cypher: Cypher
    limits: Limits = field(default_factory=Limits)
    languages: tuple[str, ...] = ()
    request: Any = None
    response: Any = None
    loaders: dict[str, Any] = field(default_factory=dict)
    analytics: AnalyticsCache = field(default_factory=AnalyticsCache)
    """The process's cache of projections (one per app; a fresh one caches nothing useful)."""
    viewer: Principal = ANONYMOUS
    """Who is asking (api/auth.py); schema/permissions.py decides what they may do."""
    idempotency_key: str | None = None
    """The request's `Idempotency-Key` header: its mutations land once however often sent."""
    feed: AuditFeed | None = None
    """The worker's live-update poller (graph/auditing/feed.py), for subscriptions."""
    connection_params: dict[str, Any] | None = None
    """A WebSocket's `connection_init` payload, where its credentials come (api/websocket.py)."""
    attached: AttachedPages = field(default_factory=AttachedPages)
    """Relationship pages the root resolvers loaded ahead (schema/attached.py)."""
    price: Price | None = None
    """The request's cost when `api/` priced it already (for its rate limit)."""

    def per_request(self, key: str, kind: type[T], make: Callable[[], T]) -> T:
        """The request's `kind` under `key` in `loaders` (its DataLoaders), made on first use."""
        found = self.loaders.get(key)
        if not isinstance(found, kind):
            found = make()
            self.loaders[key] = found
        return found


Info = StrawberryInfo[Context, None]
