"""Write receipts: how a mutation run again learns that it already landed.

A commit can succeed while its caller hears that it failed: the connection drops after Neo4j
committed (the driver's `IncompleteCommit`). Running a mutation again would then audit it
twice and answer CONFLICT (its create already happened) or NOT_FOUND (its delete already
happened). So every mutation writes a `:WriteReceipt` in its own transaction, and any run
after the first looks for it first: found, the mutation landed, and its answer is the first
run's (kept in memory) or, for a client's retry in another request, the one the receipt
stores.

A receipt is keyed by the caller's idempotency key (`Idempotency-Key` header or
`clientMutationId`) scoped to the caller, or by a key made up for this call alone. Clients'
receipts keep the answer for a day (`CLIENT_KEEP`); made-up ones only outlive the driver's
retries (`OWN_KEEP`) and store none. Each write deletes a few expired receipts.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Final, LiteralString

import msgspec
from neo4j import AsyncManagedTransaction
from neo4j.exceptions import ConstraintError, IncompleteCommit

from graph.database.cypher import Cypher
from graph.errors import ConflictError, GraphError, GraphUnavailableError
from graph.model import Label, RelType
from graph.repositories.records import RelationshipRecord, record_type
from graph.writes.operations import Operation, WriteOutcome, WrittenLink
from graph.writes.principal import Principal

CLIENT_KEEP: Final = 86_400
"""Seconds a client's receipt answers its retries."""
OWN_KEEP: Final = 600
"""Seconds a made-up key's receipt lives: far beyond the driver's retry time."""
MAX_KEY_LENGTH: Final = 200
UNCERTAIN_RUNS: Final = 3
"""Runs of a mutation whose commit may or may not have landed (each finds the receipt)."""

FIND: Final[LiteralString] = """
MATCH (r:WriteReceipt {key: $key})
RETURN r.digest AS digest, r.outcome AS outcome
"""

RECORD: Final[LiteralString] = """
CREATE (:WriteReceipt {
  key: $key, digest: $digest, outcome: $outcome, at: datetime($at),
  expiresAt: datetime($at) + duration({seconds: $keep})
})
WITH 1 AS done
CALL {
  MATCH (old:WriteReceipt) WHERE old.expiresAt < datetime($at)
  WITH old LIMIT 8
  DELETE old
}
RETURN done
"""


class ReceiptRaceError(GraphError):
    """Another request with the same idempotency key committed first; run again to see it."""


class _Link(msgspec.Struct, frozen=True):
    rel_type: RelType
    start: str
    end: str
    start_label: Label
    end_label: Label
    relationship: RelationshipRecord


class _Stored(msgspec.Struct, frozen=True):
    nodes: dict[str, tuple[Label, msgspec.Raw]]
    links: list[_Link]
    unlinked: list[_Link]
    deleted: list[str]


@dataclass(slots=True)
class Receipt:
    """One mutation call's receipt: its key, what it asks for, and the answer it gave."""

    key: str
    digest: str
    from_client: bool
    answer: WriteOutcome | None = None
    """The last run's outcome in this process (returned when a later run finds the receipt)."""
    runs: int = 0

    @classmethod
    def for_call(
        cls,
        principal: Principal,
        client_key: str | None,
        mutation: str,
        operations: Sequence[Operation],
        cited: str | None,
    ) -> Receipt:
        asked = repr((mutation, cited, list(operations))).encode()
        digest = hashlib.sha256(asked).hexdigest()
        if client_key is None:
            return cls("own:" + secrets.token_hex(16), digest, from_client=False)
        scoped = f"{principal.subject}\x00{client_key[:MAX_KEY_LENGTH]}".encode()
        return cls("client:" + hashlib.sha256(scoped).hexdigest(), digest, from_client=True)

    async def landed(self, tx: AsyncManagedTransaction) -> WriteOutcome | None:
        """The answer of a run of this call that committed; None when none did.

        A first run with a made-up key cannot have one, so it sends nothing.
        """
        self.runs += 1
        if self.runs == 1 and not self.from_client:
            return None
        result = await tx.run(FIND, key=self.key)
        record = await result.single()
        if record is None:
            return None
        if record["digest"] != self.digest:
            raise ConflictError("this idempotency key was used for another mutation; use a new key")
        if self.answer is not None:
            return self.answer
        if record["outcome"] is None:  # unreachable: made-up keys are this process's own
            raise ConflictError("this mutation was already carried out")
        return _decoded(record["outcome"])

    async def record(self, tx: AsyncManagedTransaction, outcome: WriteOutcome, at: str) -> None:
        """Write the receipt in the mutation's transaction (and drop a few expired ones)."""
        stored = _encoded(outcome) if self.from_client else None
        keep = CLIENT_KEEP if self.from_client else OWN_KEEP
        try:
            result = await tx.run(
                RECORD, key=self.key, digest=self.digest, outcome=stored, at=at, keep=keep
            )
            await result.consume()
        except ConstraintError:
            raise ReceiptRaceError("a request with this idempotency key committed first") from None
        self.answer = outcome


async def write_once(
    cypher: Cypher,
    receipt: Receipt,
    work: Callable[[AsyncManagedTransaction], Awaitable[WriteOutcome]],
    at: str,
) -> WriteOutcome:
    """`work` in a write transaction with its receipt, run again when its commit is uncertain
    (or lost a race for its key): the run that finds the receipt answers what landed."""

    async def once(tx: AsyncManagedTransaction) -> WriteOutcome:
        landed = await receipt.landed(tx)
        if landed is not None:
            return landed
        outcome = await work(tx)
        await receipt.record(tx, outcome, at)
        return outcome

    for attempt in range(1, UNCERTAIN_RUNS + 1):
        try:
            return await cypher.write_transaction(once)
        except ReceiptRaceError:
            if attempt == UNCERTAIN_RUNS:
                raise
        except ConflictError:  # a concurrent run with the client's key may have created it
            if not receipt.from_client or attempt == UNCERTAIN_RUNS:
                raise
        except (GraphUnavailableError, IncompleteCommit) as error:
            lost = error if isinstance(error, IncompleteCommit) else error.__cause__
            if not isinstance(lost, IncompleteCommit) or attempt == UNCERTAIN_RUNS:
                raise
    raise AssertionError("unreachable: the last run returns or raises")


def _link(link: WrittenLink) -> _Link:
    return _Link(
        link.rel_type, link.start, link.end, link.start_label, link.end_label, link.relationship
    )


def _written(link: _Link) -> WrittenLink:
    return WrittenLink(
        link.rel_type, link.start, link.end, link.relationship, link.start_label, link.end_label
    )


def _encoded(outcome: WriteOutcome) -> str:
    stored = _Stored(
        nodes={
            ident: (record.label, msgspec.Raw(msgspec.json.encode(record)))
            for ident, record in outcome.nodes.items()
        },
        links=[_link(link) for link in outcome.links],
        unlinked=[_link(link) for link in outcome.unlinked],
        deleted=list(outcome.deleted),
    )
    return msgspec.json.encode(stored).decode()


def _decoded(text: str) -> WriteOutcome:
    stored = msgspec.json.decode(text, type=_Stored)
    return WriteOutcome(
        nodes={
            ident: msgspec.json.decode(raw, type=record_type(label))
            for ident, (label, raw) in stored.nodes.items()
        },
        links=tuple(_written(link) for link in stored.links),
        unlinked=tuple(_written(link) for link in stored.unlinked),
        deleted=tuple(stored.deleted),
        changes=(),
    )
