"""Running a mutation's operations in one write transaction, with provenance and audit.

Everything happens inside one managed transaction: look-ups, checks, writes and the audit
entries. Any error (a missing node, a refused value, a partner outside its agency) propagates
out of the transaction function, which makes the driver roll the whole transaction back, so
a mutation that fails halfway leaves the graph exactly as it was.

The work is shared out by kind (graph/writes/state.py, lookups.py, node_writes.py,
link_writes.py, fused.py); this module runs a mutation's operations in order through them.
"""

from __future__ import annotations

from collections.abc import Sequence

from neo4j import AsyncManagedTransaction

from graph.auditing.trail import record_changes
from graph.database.cypher import Cypher
from graph.model import Label
from graph.repositories.records import node_record
from graph.writes.fused import creatable, fused
from graph.writes.link_writes import LinkWrites
from graph.writes.node_writes import NodeWrites
from graph.writes.operations import (
    CreateNode,
    DeleteNode,
    Link,
    Operation,
    Unlink,
    UpdateNode,
    WriteOutcome,
)
from graph.writes.principal import Principal
from graph.writes.receipts import Receipt, write_once
from graph.writes.refusals import MissingNodeError
from graph.writes.state import WriteContext, is_slug
from graph.writes.values import slug


async def apply_writes(
    cypher: Cypher,
    operations: Sequence[Operation],
    *,
    principal: Principal,
    mutation: str,
    cited_source: str | None = None,
    agency_scope: str | None = None,
    idempotency_key: str | None = None,
) -> WriteOutcome:
    """Run `operations` in order as one transaction; raise (having written nothing) on error.

    However often the transaction runs (the driver's retries, an uncertain commit run again
    here, the client's retry with its `idempotency_key`), the mutation lands once and every
    run answers what it did (graph/writes/receipts.py).
    """
    if cited_source is not None:
        slug("source", cited_source)
    context = WriteContext(
        principal=principal,
        mutation=mutation,
        source=cited_source or principal.account,
        agency_scope=agency_scope,
    )
    receipt = Receipt.for_call(principal, idempotency_key, mutation, operations, cited_source)

    async def work(tx: AsyncManagedTransaction) -> WriteOutcome:
        return await _Transaction(tx, context).run(operations, cited_source)

    return await write_once(cypher, receipt, work, context.stamp)


def _mentioned(operations: Sequence[Operation], cited: str | None) -> list[str]:
    """Every id the operations name, valid slugs only (the others fail later, named)."""
    ids: list[str] = [cited] if cited is not None else []
    for operation in operations:
        match operation:
            case CreateNode(id=ident) | UpdateNode(id=ident) | DeleteNode(id=ident):
                ids.append(ident)
            case Link(start=start, end=end) | Unlink(start=start, end=end):
                ids.extend((start, end))
    return [ident for ident in ids if is_slug(ident)]


def _batches(operations: Sequence[Operation]) -> list[list[Operation]]:
    """Operations in order, consecutive links of the same type grouped together."""
    batches: list[list[Operation]] = []
    for operation in operations:
        previous = batches[-1][-1] if batches else None
        if (
            isinstance(operation, Link)
            and isinstance(previous, Link)
            and previous.rel_type is operation.rel_type
        ):
            batches[-1].append(operation)
        else:
            batches.append([operation])
    return batches


class _Transaction(NodeWrites, LinkWrites):
    """One mutation's transaction: its operations in order, then scope checks and the audit."""

    async def run(self, operations: Sequence[Operation], cited: str | None) -> WriteOutcome:
        creating = creatable(self, operations)
        linking = fused(self, operations, creating)
        await self.labels(_mentioned(operations, cited), creating, linking)
        if cited is not None and (await self.labels([cited])).get(cited) is not Label.RESOURCE:
            raise MissingNodeError("Resource", cited, field="source")
        batches = _batches(operations)
        for position, batch in enumerate(batches):
            closing = position == len(batches) - 1
            match batch:
                case [Link(), *_] if closing or len(batch) > 1:
                    await self.link_many(batch, closing=closing)  # type: ignore[arg-type]
                case [CreateNode() as operation]:
                    await self.create(operation)
                case [UpdateNode() as operation]:
                    await self.update(operation)
                case [DeleteNode() as operation]:
                    await self.delete(operation)
                case [Link() as operation]:
                    await self.link(operation)
                case [Unlink() as operation]:
                    await self.unlink(operation)
        for ident in self.created:
            if ident not in self.deleted:
                await self.require_scope(ident)
        if not self.audited:
            await record_changes(
                self.tx,
                self.changes,
                principal=self.context.principal,
                at=self.context.at,
                mutation=self.context.mutation,
                source=self.context.source,
            )
        return WriteOutcome(
            nodes={
                ident: node_record(label, props)
                for ident, (label, props) in self.nodes.items()
                if ident not in self.deleted
            },
            links=tuple(self.links),
            unlinked=tuple(self.unlinked),
            deleted=tuple(self.deleted),
            changes=tuple(self.changes),
        )
