"""Idempotent writes: a mutation whose commit was uncertain, or that a client sends again,
lands once and answers what landed (graph/writes/receipts.py), against a real Neo4j.

An uncertain commit is made real: the transaction commits in Neo4j, then the caller is told
the connection failed (the driver's `IncompleteCommit`), as when it drops after the commit.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import pytest
from neo4j import AsyncDriver, AsyncManagedTransaction
from neo4j.exceptions import IncompleteCommit

from graph.auditing.trail import audit_log
from graph.database.cypher import Cypher
from graph.database.maintenance import delete_everything
from graph.errors import ConflictError
from graph.model import Label, RelType
from graph.writes.executor import apply_writes
from graph.writes.fields import NodeChanges
from graph.writes.operations import CreateNode, DeleteNode, Link, Operation, WriteOutcome
from graph.writes.principal import Principal, Role
from tests.conftest import DATABASE

T = TypeVar("T")
EDITOR = Principal(role=Role.EDITOR, subject="jwt:editor", via="jwt")
OTHER = Principal(role=Role.EDITOR, subject="jwt:other", via="jwt")
PATIENCE = 10.0


class UncertainCypher(Cypher):
    """A runner whose first write transaction commits and is then reported lost."""

    def __init__(self, driver: AsyncDriver) -> None:
        super().__init__(driver, DATABASE)
        self.calls = 0

    async def write_transaction(self, work: Callable[[AsyncManagedTransaction], Awaitable[T]]) -> T:
        self.calls += 1
        answer = await super().write_transaction(work)
        if self.calls == 1:
            raise IncompleteCommit("the connection dropped after COMMIT was sent")
        return answer


def expert(ident: str, name: str = "Someone") -> CreateNode:
    return CreateNode(Label.EXPERT, ident, NodeChanges({"name": name}))


async def write(
    cypher: Cypher, operations: list[Operation], key: str | None = None, **extra: Any
) -> WriteOutcome:
    return await apply_writes(
        cypher,
        operations,
        principal=extra.get("principal", EDITOR),
        mutation="m",
        idempotency_key=key,
    )


async def entries(cypher: Cypher, entity: str) -> list[str]:
    return [entry.operation for entry in await audit_log(cypher, entity=entity)]


@pytest.fixture
async def fresh(driver: AsyncDriver) -> Cypher:
    cypher = Cypher(driver, DATABASE)
    await delete_everything(cypher)
    await write(
        cypher,
        [expert("kept"), CreateNode(Label.TOPIC, "topic", NodeChanges({}, {"name": {"en": "T"}}))],
    )
    return cypher


async def test_a_write_whose_commit_was_lost_answers_what_landed(
    driver: AsyncDriver, fresh: Cypher
) -> None:
    uncertain = UncertainCypher(driver)
    outcome = await write(uncertain, [expert("ada", "Ada"), Link(RelType.ABOUT, "ada", "topic")])
    assert outcome.nodes["ada"].name == "Ada"
    assert [link.end for link in outcome.links] == ["topic"]
    assert uncertain.calls == 2  # committed, reported lost, run again: found its receipt
    assert await entries(fresh, "ada") == ["link", "create"]
    rows = await fresh.read("MATCH (e:Expert {id: 'ada'})-[r:ABOUT]->() RETURN count(r) AS n")
    assert rows == [{"n": 1}]


async def test_a_client_key_lands_once_and_answers_every_retry(fresh: Cypher) -> None:
    first = await write(fresh, [expert("cy", "Cy")], key="k-1")
    again = await write(fresh, [expert("cy", "Cy")], key="k-1")
    assert again.nodes["cy"] == first.nodes["cy"]
    assert await entries(fresh, "cy") == ["create"]

    gone = await write(fresh, [DeleteNode(Label.EXPERT, "cy")], key="k-2")
    assert (await write(fresh, [DeleteNode(Label.EXPERT, "cy")], key="k-2")).deleted == gone.deleted

    with pytest.raises(ConflictError, match="another mutation"):
        await write(fresh, [expert("cy2", "Cy")], key="k-1")
    other = await write(fresh, [expert("cy3", "Cy")], key="k-1", principal=OTHER)
    assert other.nodes["cy3"].name == "Cy"  # keys are the caller's own


async def test_concurrent_sends_of_one_key_land_once(driver: AsyncDriver, fresh: Cypher) -> None:
    runners = [Cypher(driver, DATABASE) for _ in range(3)]
    outcomes = await asyncio.wait_for(
        asyncio.gather(*(write(r, [expert("dee", "Dee")], key="k-3") for r in runners)),
        PATIENCE,
    )
    assert {outcome.nodes["dee"].id for outcome in outcomes} == {"dee"}
    assert await entries(fresh, "dee") == ["create"]
