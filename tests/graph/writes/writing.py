"""Helpers of the write tests: the smallest valid nodes, writing as a role, counting statements."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, LiteralString, TypeVar, cast

import pytest
from neo4j import AsyncDriver, AsyncManagedTransaction

from graph.database.cypher import Cypher
from graph.model import Label, RelType
from graph.writes.digest import graph_digest
from graph.writes.executor import apply_writes
from graph.writes.fields import DISPLAY_FIELD, NodeChanges
from graph.writes.operations import CreateNode, Operation
from graph.writes.principal import Principal, Role

T = TypeVar("T")


EDITOR = Principal(role=Role.EDITOR, subject="jwt:editor", via="jwt")


PARTNER = Principal(role=Role.PARTNER, subject="key:p1", agency="sms", key_id="p1")


def agency(ident: str, name: str) -> CreateNode:
    return CreateNode(
        Label.AGENCY, ident, NodeChanges({"kind": "state_service"}, {"name": {"en": name}})
    )


def expert(ident: str, name: str) -> CreateNode:
    return CreateNode(Label.EXPERT, ident, NodeChanges({"name": name}))


def event(ident: str, title: str) -> CreateNode:
    return CreateNode(
        Label.EVENT, ident, NodeChanges({"kind": "training"}, {"title": {"en": title}})
    )


async def write(cypher: Cypher, *operations: Operation, principal: Principal = EDITOR) -> None:
    scope = principal.agency if principal.role is Role.PARTNER else None
    await apply_writes(cypher, operations, principal=principal, mutation="test", agency_scope=scope)


async def properties(cypher: Cypher, ident: str) -> dict[str, object]:
    rows = await cypher.read("MATCH (n {id: $id}) RETURN properties(n) AS p", {"id": ident})
    return dict(rows[0]["p"]) if rows else {}


async def link_notes(
    cypher: Cypher, rel_type: RelType, start: str, end: str | None = None
) -> list[object]:
    """The `note` of each `rel_type` link from node `start` (to node `end`, when given)."""
    rows = await cypher.read(
        "MATCH ({id: $start})-[r]->(end) WHERE type(r) = $type AND ($end IS NULL OR end.id = $end) "
        "RETURN r.note AS note",
        {"start": start, "type": rel_type.value, "end": end},
    )
    return [row["note"] for row in rows]


def node_of(label: Label, ident: str) -> CreateNode:
    """The smallest valid node of `label`: an expert's name or an English display text."""
    if label is Label.EXPERT:
        return CreateNode(label, ident, NodeChanges({"name": ident}))
    return CreateNode(label, ident, NodeChanges({}, {DISPLAY_FIELD[label]: {"en": ident}}))


class _CountedTransaction:
    """The real transaction, noting each statement it is sent."""

    def __init__(self, tx: AsyncManagedTransaction, sent: list[str]) -> None:
        self._tx = tx
        self._sent = sent

    async def run(self, query: LiteralString, parameters: Any = None, **kwargs: Any) -> Any:
        self._sent.append(query)
        return await self._tx.run(query, parameters, **kwargs)


RECEIPT = 1
"""The write receipt every mutation leaves in its transaction (graph/writes/receipts.py)."""


class StatementCountingCypher(Cypher):
    """The real runner; write transactions note their statements in `sent`."""

    def __init__(self, driver: AsyncDriver, database: str) -> None:
        super().__init__(driver, database)
        self.sent: list[str] = []

    async def write_transaction(self, work: Callable[[AsyncManagedTransaction], Awaitable[T]]) -> T:
        async def counted(tx: AsyncManagedTransaction) -> T:
            return await work(cast(AsyncManagedTransaction, _CountedTransaction(tx, self.sent)))

        return await super().write_transaction(counted)


async def refused_without_a_trace(
    cypher: Cypher, error: type[Exception], *operations: Operation
) -> None:
    """`operations` are refused with `error` and the graph is exactly as before."""
    before = await graph_digest(cypher)
    with pytest.raises(error):
        await write(cypher, *operations)
    assert await graph_digest(cypher) == before
