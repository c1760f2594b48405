"""In-process cache of projections and their metrics, keyed by what was asked and the graph's
version (`graph.network.version.GraphVersion`).

The version is a fingerprint (counts on every check, latest `writtenAt` at most once a
minute), chosen so that no writer has to cooperate; graph/network/version.py says why and
what it can miss. A projection of 100 000 experts takes seconds to read and compute; the
same question asked again on an unchanged graph should not. Each entry holds one projected
graph and computes each metric once, on first demand, in a worker thread
(`asyncio.to_thread`) so the event loop keeps serving. Concurrent requests for the same
missing entry wait for one computation instead of starting their own (single-flight), and
computations of different entries run one at a time per worker (`parallel`); the cost rule
(schema/costs.py) keeps any one request from asking for many. When the version
moves, entries of older versions are dropped at the next lookup; at most `max_entries` live
at once (least recently used go).

One cache per process, created by the app and carried in the GraphQL context: the API stays
stateless across workers (each worker warms its own), and nothing is global.
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Final, Generic, TypeVar

from graph.analytics.centrality import Centrality, centrality
from graph.analytics.communities import Communities, communities
from graph.analytics.projection import ProjectedGraph, project
from graph.network.projections import MemberGroups, ProjectionSpec
from graph.network.version import GraphVersion

T = TypeVar("T")
DEFAULT_ENTRIES: Final = 8
DEFAULT_PARALLEL: Final = 1


@dataclass(slots=True)
class _Metric(Generic[T]):
    compute: Callable[[ProjectedGraph], T]
    value: T | None = None


class Analysis:
    """One projection at one graph version, and its metrics once computed."""

    def __init__(
        self,
        spec: ProjectionSpec,
        version: str,
        projected: ProjectedGraph,
        computing: asyncio.Semaphore | None = None,
    ) -> None:
        self.spec = spec
        self.version = version
        self.projected = projected
        self._lock = asyncio.Lock()
        self._computing = computing or asyncio.Semaphore(1)
        self._centrality = _Metric(centrality)
        self._communities = _Metric(communities)
        self._orders: dict[str, list[int]] = {}

    def order(self, name: str, compute: Callable[[], list[int]]) -> list[int]:
        """A vertex ordering (a ranking), computed once per entry: sorting 60 000 vertices
        per request would cost more than the rest of a cached answer."""
        found = self._orders.get(name)
        if found is None:
            found = self._orders[name] = compute()
        return found

    async def centrality(self) -> Centrality:
        return await self._computed(self._centrality)

    async def communities(self) -> Communities:
        return await self._computed(self._communities)

    async def _computed(self, metric: _Metric[T]) -> T:
        """The metric, computed on first demand in a worker thread; callers meanwhile wait."""
        async with self._lock:
            if metric.value is None:
                async with self._computing:
                    metric.value = await asyncio.to_thread(metric.compute, self.projected)
            return metric.value


class AnalyticsCache:
    def __init__(
        self,
        max_entries: int = DEFAULT_ENTRIES,
        version: GraphVersion | None = None,
        *,
        parallel: int = DEFAULT_PARALLEL,
    ) -> None:
        self._max_entries = max_entries
        self._computing = asyncio.Semaphore(parallel)
        """Projections built or measured at once in this worker, whatever their keys: each
        holds its projected graph in memory and a core busy, so a burst of distinct
        projections queues here instead of running side by side."""
        self.version = version or GraphVersion()
        """The graph fingerprint this cache's keys use (graph/network/version.py)."""
        self._entries: OrderedDict[tuple[ProjectionSpec, str], Analysis] = OrderedDict()
        self._pending: dict[tuple[ProjectionSpec, str], asyncio.Lock] = {}
        self.computed = 0
        """How many projections were built (not served from the cache): tests watch it."""

    async def analysis(
        self,
        spec: ProjectionSpec,
        version: str,
        groups: Callable[[], Awaitable[MemberGroups]],
    ) -> Analysis:
        """The cached analysis of `spec` at `version`, building it from `groups()` if needed."""
        key = (spec, version)
        self._drop_stale(version)
        found = self._hit(key)
        if found is not None:
            return found
        lock = self._pending.setdefault(key, asyncio.Lock())
        async with lock:
            found = self._hit(key)
            if found is not None:
                return found
            async with self._computing:
                members = await groups()
                projected = await asyncio.to_thread(project, members.groups, members.left_out)
            entry = Analysis(spec, version, projected, self._computing)
            self.computed += 1
            self._entries[key] = entry
            while len(self._entries) > self._max_entries:
                self._entries.popitem(last=False)
        self._pending.pop(key, None)
        return entry

    def _hit(self, key: tuple[ProjectionSpec, str]) -> Analysis | None:
        entry = self._entries.get(key)
        if entry is not None:
            self._entries.move_to_end(key)
        return entry

    def _drop_stale(self, version: str) -> None:
        for key in [key for key in self._entries if key[1] != version]:
            del self._entries[key]
