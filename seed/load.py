"""Loading graphs: the source-document seed (validated, merged) and synthetic ones (streamed).

Nodes go first (per label), then relationships (per type), each batch its own transaction
through graph/loading/bulk.py. The seed is MERGEd on ids and relationship keys, so loading the same
data again leaves the graph as it was (only `writtenAt` moves). A synthetic graph is streamed
chunk by chunk, the next chunk generated in a worker thread while Neo4j writes the current
one, and a chunk's nodes written while the previous chunk's relationships are; on an emptied
graph it may use CREATE, which skips every existence check.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Final

from graph.database.cypher import Cypher
from graph.database.maintenance import entity_count
from graph.loading.bulk import DEFAULT_BATCH_SIZE, LinkShape, WriteMode, write_links, write_nodes
from graph.model import Label, RelType
from seed.synthetic import SyntheticGraph
from seed.synthetic_parts import Batch
from seed.tallies import Progress, Written
from seed.validate import DEFAULT_DIR, SeedGraph, read_seed

SYNTHETIC_BATCH_SIZE: Final = 5_000
"""2,000 to 10,000 rows measured alike on two cores; 20,000 wrote relationships a fifth slower."""
NODE_CONCURRENCY: Final = 2
"""Node batch transactions in flight at once (graph/loading/bulk.py explains why that is safe)."""


@dataclass(frozen=True, slots=True)
class SeedReport(Written):
    what: str = "seed data"
    skipped_because: str | None = None
    node_seconds: float = 0.0
    """Time spent in node writes (synthetic loads overlap them with relationship writes)."""
    link_seconds: float = 0.0

    @property
    def nodes_per_second(self) -> float:
        return self.nodes / self.seconds if self.seconds > 0 else 0.0

    @property
    def relationships_per_second(self) -> float:
        return self.relationships / self.seconds if self.seconds > 0 else 0.0

    def describe(self) -> str:
        if self.skipped_because is not None:
            return f"{self.what} not loaded: {self.skipped_because}"
        text = (
            f"{self.what}: wrote {self.nodes:,} nodes and {self.relationships:,} relationships "
            f"in {self.seconds:.1f} s ({self.nodes_per_second:,.0f} nodes/s, "
            f"{self.relationships_per_second:,.0f} relationships/s overall)"
        )
        if self.node_seconds > 0 and self.link_seconds > 0:
            text += (
                f"; node writes {self.nodes / self.node_seconds:,.0f} nodes/s, "
                f"relationship writes {self.relationships / self.link_seconds:,.0f} rel/s"
            )
        return text


class _Writer:
    """Writes batches of rows and keeps the tallies a report needs."""

    def __init__(self, cypher: Cypher, mode: WriteMode, batch_size: int) -> None:
        self.cypher, self.mode, self.batch_size = cypher, mode, batch_size
        self.written_at = datetime.now(UTC)
        self.by_label: Counter[Label] = Counter()
        self.by_type: Counter[RelType] = Counter()
        self.node_seconds = self.link_seconds = 0.0

    def _options(self, on_batch: Callable[[int], None] | None) -> dict[str, Any]:
        return {
            "written_at": self.written_at,
            "mode": self.mode,
            "batch_size": self.batch_size,
            "on_batch": on_batch,
        }

    async def write(
        self,
        nodes: Mapping[Label, Sequence[Mapping[str, Any]]],
        links: Mapping[LinkShape, Sequence[Mapping[str, Any]]],
        on_batch: Callable[[int], None] | None = None,
    ) -> None:
        await self.write_nodes(nodes, 1, on_batch)
        await self.write_links(links, on_batch)

    async def write_nodes(
        self,
        nodes: Mapping[Label, Sequence[Mapping[str, Any]]],
        concurrency: int,
        on_batch: Callable[[int], None] | None = None,
    ) -> None:
        started, options = time.monotonic(), self._options(on_batch)
        for label, rows in nodes.items():
            self.by_label[label] += await write_nodes(
                self.cypher, label, rows, concurrency=concurrency, **options
            )
        self.node_seconds += time.monotonic() - started

    async def write_links(
        self,
        links: Mapping[LinkShape, Sequence[Mapping[str, Any]]],
        on_batch: Callable[[int], None] | None = None,
    ) -> None:
        started, options = time.monotonic(), self._options(on_batch)
        for shape, rows in links.items():
            self.by_type[shape[0]] += await write_links(self.cypher, shape, rows, **options)
        self.link_seconds += time.monotonic() - started

    def report(self, what: str, started: float) -> SeedReport:
        return SeedReport(
            seconds=time.monotonic() - started,
            what=what,
            node_seconds=self.node_seconds,
            link_seconds=self.link_seconds,
            by_label=dict(self.by_label),
            by_type=dict(self.by_type),
        )


async def load_seed(
    cypher: Cypher,
    data_dir: Path = DEFAULT_DIR,
    progress: Progress | None = None,
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> SeedReport:
    """Validate every seed file (raising `SeedDataError` before any write), then merge them."""
    started = time.monotonic()
    seed = read_seed(data_dir)
    total, done = len(seed.nodes) + len(seed.links), 0

    def advance(rows: int) -> None:
        nonlocal done
        done += rows
        if progress is not None:
            progress(done, total)

    writer = _Writer(cypher, "merge", batch_size)
    await writer.write(_node_rows(seed), _link_rows(seed), advance)
    return writer.report("seed data", started)


async def seed_if_empty(cypher: Cypher, data_dir: Path = DEFAULT_DIR) -> SeedReport:
    """What `hub run` calls at start-up: seed a new graph, leave a populated one alone."""
    entities = await entity_count(cypher)
    if entities:
        return SeedReport(
            seconds=0.0, skipped_because=f"the graph already has {entities:,} entities"
        )
    return await load_seed(cypher, data_dir)


async def load_synthetic(
    cypher: Cypher,
    experts: int,
    random_seed: int,
    *,
    mode: WriteMode = "merge",
    batch_size: int = SYNTHETIC_BATCH_SIZE,
    progress: Progress | None = None,
) -> SeedReport:
    """Generate and write a synthetic graph; `mode="create"` only on a graph without its ids.

    Three things overlap: the next chunk is generated in a thread, its nodes are written
    (NODE_CONCURRENCY transactions at once) while the current chunk's relationships are,
    and only relationships wait for their own chunk's nodes. A chunk's relationships reach
    back only to earlier chunks and the backbone, which are written by then.
    """
    started = time.monotonic()
    graph = SyntheticGraph(experts, random_seed)
    batches = graph.batches()
    writer = _Writer(cypher, mode, batch_size)
    done = 0

    async def link(batch: Batch) -> None:
        nonlocal done
        await writer.write_links(batch.links)
        done += batch.experts
        if progress is not None:
            progress(done, experts)

    upcoming = asyncio.create_task(asyncio.to_thread(_next_batch, batches))
    linking: asyncio.Task[None] | None = None
    try:
        while (batch := await upcoming) is not None:
            upcoming = asyncio.create_task(asyncio.to_thread(_next_batch, batches))
            await writer.write_nodes(batch.nodes, NODE_CONCURRENCY)
            if linking is not None:
                await linking
            linking = asyncio.create_task(link(batch))
        if linking is not None:
            await linking
    finally:
        if linking is not None and not linking.done():
            linking.cancel()  # only after a failure: a failed write ends the whole load
        with contextlib.suppress(Exception, asyncio.CancelledError):
            if linking is not None:
                await linking
            await upcoming  # a failed write must not leave the generator thread behind
    what = f"synthetic graph ({experts:,} experts, seed {random_seed})"
    return writer.report(what, started)


def _next_batch(batches: Iterator[Batch]) -> Batch | None:
    return next(batches, None)


def _node_rows(seed: SeedGraph) -> dict[Label, list[dict[str, Any]]]:
    rows: dict[Label, list[dict[str, Any]]] = defaultdict(list)
    for node in seed.nodes:
        rows[node.label].append({"id": node.id, "props": node.props})
    return rows


def _link_rows(seed: SeedGraph) -> dict[LinkShape, list[dict[str, Any]]]:
    rows: dict[LinkShape, list[dict[str, Any]]] = defaultdict(list)
    for link in seed.links:
        assert link.end_label is not None, "read_seed resolves every link's end label"
        rows[(link.rel_type, link.start_label, link.end_label)].append(
            {"from": link.start, "to": link.end, "key": link.key, "props": link.props}
        )
    return rows
