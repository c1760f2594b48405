"""Bulk writes: many nodes or relationships per round trip, one transaction per batch.

Loading thousands of rows one statement at a time is dominated by round trips, so rows go in
batches through `UNWIND $rows`. Labels and relationship types cannot be parameters, hence one
constant query per label, and per relationship shape (type, start label, end label) allowed
by graph/model.py's ALLOWED_LINKS: callers group relationship rows by shape, and each
endpoint is then found with one unique-index seek.

Two modes: `merge` (idempotent; the seed data, re-runnable) and `create` (no existence
checks; only for a freshly emptied graph such as `hub seed --synthetic --reset`, where it is
markedly faster). Merged nodes and relationships take exactly the properties of their row
(`SET x = row.props`), so re-loading edited data leaves no stale properties behind; the
caller's `written_at` stamps every row of one load alike (`writtenAt`).
Relationships are merged on `key`: the properties that tell parallel links apart (one person
as speaker and as organiser of the same event gives two `TOOK_PART` relationships).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterable, Iterator, Mapping
from datetime import datetime
from itertools import islice
from typing import Any, Final, Literal, LiteralString

from neo4j import AsyncManagedTransaction

from graph.database.cypher import Cypher
from graph.database.migrations import FULLTEXT_INDEXES
from graph.errors import GraphError
from graph.loading.bulk_node_queries import CREATE_NODES, MERGE_NODES
from graph.loading.link_queries import CREATE_LINKS, MERGE_LINKS, MERGE_LINKS_BY_TYPE, LinkShape
from graph.model import Label, RelType

__all__ = [
    "DEFAULT_BATCH_SIZE",
    "LinkShape",
    "WriteMode",
    "drop_fulltext_indexes",
    "fulltext_index_names",
    "write_links",
    "write_nodes",
]

WriteMode = Literal["merge", "create"]
Row = Mapping[str, Any]
"""A node row is `{id, props}`; a relationship row is `{from, to, key, props}`."""

DEFAULT_BATCH_SIZE: Final = 10_000


def _index_name(create: LiteralString) -> LiteralString:
    """`CREATE FULLTEXT INDEX <name> IF NOT EXISTS ...` -> `<name>`."""
    return create.split()[3]


DROP_FULLTEXT_INDEXES: Final[tuple[LiteralString, ...]] = tuple(
    "DROP INDEX " + _index_name(create) + " IF EXISTS" for create in FULLTEXT_INDEXES
)
"""The full-text indexes graph/database/migrations.py creates, which bulk loads may drop for a
while (`apply_migrations` builds them again)."""
FULLTEXT_INDEX_NAMES: Final[LiteralString] = (
    "SHOW FULLTEXT INDEXES YIELD name RETURN collect(name) AS names"
)


async def write_nodes(
    cypher: Cypher,
    label: Label,
    rows: Iterable[Row],
    *,
    written_at: datetime,
    mode: WriteMode = "merge",
    batch_size: int = DEFAULT_BATCH_SIZE,
    on_batch: Callable[[int], None] | None = None,
    concurrency: int = 1,
) -> int:
    """Write `rows` as `label` nodes; returns how many were written.

    With `concurrency` > 1 that many batch transactions run at once: new nodes lock nothing
    but themselves and their unique-index entries, so parallel batches of distinct ids
    cannot deadlock, and Neo4j works on several transactions with several cores. (Not
    offered for relationships: those lock both endpoints, and hub nodes such as topics
    and large agencies would make parallel batches wait on each other or deadlock.)
    """
    query = (MERGE_NODES if mode == "merge" else CREATE_NODES)[Label(label)]
    return await _write_batches(
        cypher, query, rows, written_at, batch_size, on_batch, label, concurrency
    )


async def write_links(
    cypher: Cypher,
    shape: LinkShape | RelType,
    rows: Iterable[Row],
    *,
    written_at: datetime,
    mode: WriteMode = "merge",
    batch_size: int = DEFAULT_BATCH_SIZE,
    on_batch: Callable[[int], None] | None = None,
) -> int:
    """Write `rows` as relationships of `shape` (type, start label, end label).

    A bare type is accepted in merge mode for callers that do not know the endpoints'
    labels (one index seek per allowed label instead of one). A row whose endpoint is
    missing (or has another label) fails its whole batch, which is rolled back: silently
    dropping a link would corrupt the graph unseen.
    """
    query, what = _link_query(shape, mode)
    return await _write_batches(cypher, query, rows, written_at, batch_size, on_batch, what)


def _link_query(shape: LinkShape | RelType, mode: WriteMode) -> tuple[LiteralString, str]:
    if isinstance(shape, str):
        if mode != "merge":
            raise ValueError("create mode needs a (type, start label, end label) shape")
        rel_type = RelType(shape)
        return MERGE_LINKS_BY_TYPE[rel_type], str(rel_type)
    rel_type, start, end = shape
    queries = MERGE_LINKS if mode == "merge" else CREATE_LINKS
    query = queries.get((RelType(rel_type), Label(start), Label(end)))
    if query is None:
        raise ValueError(f"ALLOWED_LINKS does not allow ({start})-[:{rel_type}]->({end})")
    return query, f"({start})-[:{rel_type}]->({end})"


async def drop_fulltext_indexes(cypher: Cypher) -> None:
    """Drop the full-text indexes before a large load into an emptied graph.

    Lucene updates per committed row dominate bulk-write time; building the index once over
    the loaded graph (`apply_migrations` afterwards, which also waits for it) is far cheaper.
    Until then full-text search finds nothing, so only use this when nobody searches.
    """
    for statement in DROP_FULLTEXT_INDEXES:
        await cypher.write(statement)


async def fulltext_index_names(cypher: Cypher) -> frozenset[str]:
    """The full-text indexes present (to check that a bulk load left none missing)."""
    return frozenset((await cypher.read(FULLTEXT_INDEX_NAMES))[0]["names"])


async def _write_batches(
    cypher: Cypher,
    query: LiteralString,
    rows: Iterable[Row],
    written_at: datetime,
    batch_size: int,
    on_batch: Callable[[int], None] | None,
    what: str,
    concurrency: int = 1,
) -> int:
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, got {batch_size}")
    if concurrency < 1:
        raise ValueError(f"concurrency must be at least 1, got {concurrency}")
    written = 0
    running: set[asyncio.Task[int]] = set()
    try:
        for batch in _batches(rows, batch_size):
            if len(running) >= concurrency:
                written += await _collect(running, asyncio.FIRST_COMPLETED)
            work = _batch_work(query, batch, written_at, what)
            running.add(asyncio.create_task(_commit(cypher, work, len(batch), on_batch)))
        while running:
            written += await _collect(running, asyncio.FIRST_EXCEPTION)
    finally:
        for task in running:  # only left after a failure: its siblings must not run on
            task.cancel()
        await asyncio.gather(*running, return_exceptions=True)
    return written


async def _commit(
    cypher: Cypher,
    work: Callable[[AsyncManagedTransaction], Awaitable[int]],
    size: int,
    on_batch: Callable[[int], None] | None,
) -> int:
    written = await cypher.write_transaction(work)
    if on_batch is not None:
        on_batch(size)
    return written


async def _collect(running: set[asyncio.Task[int]], when: str) -> int:
    """Wait for one (or all) of `running`, remove the finished; raises the first failure."""
    done, _ = await asyncio.wait(running, return_when=when)
    running.difference_update(done)
    return sum(task.result() for task in done)


def _batch_work(
    query: LiteralString, batch: list[Row], written_at: datetime, what: str
) -> Callable[[AsyncManagedTransaction], Awaitable[int]]:
    async def work(tx: AsyncManagedTransaction) -> int:
        result = await tx.run(query, rows=batch, writtenAt=written_at)
        record = await result.single(strict=True)
        written = int(record["written"])
        if written != len(batch):
            raise GraphError(
                f"{len(batch) - written} of {len(batch)} {what} rows name a node that does "
                "not exist (or has a label the relationship does not allow)"
            )
        return written

    return work


def _batches(rows: Iterable[Row], size: int) -> Iterator[list[Row]]:
    iterator = iter(rows)
    while batch := list(islice(iterator, size)):
        yield batch
