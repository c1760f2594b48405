"""The audit log's one sequence: every entry numbered in commit order, read from a number on.

Live updates (graph/auditing/feed.py) poll "entries after n", which is only sound if no entry
can appear below a number a reader has already passed. Writers do not number their entries
(they would all queue for one counter); entries are written `:AuditPending` and numbered
after they committed, by whichever worker polls first: that numbering holds the counter
node's write lock from before it reads the pending entries until it commits, so numberings
follow each other and each one's numbers are above every earlier one's. A reader that saw
n therefore never meets an entry numbered n or less later.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final, LiteralString

from neo4j import AsyncManagedTransaction

from graph.auditing.trail import AuditEntry, entry_of
from graph.database.cypher import Cypher
from graph.model import LABEL_NAMED, Label

MAX_NUMBERED: Final = 1000
"""Pending entries one numbering takes (a bulk import's thousands take a few rounds)."""

LOCK_COUNTER: Final[LiteralString] = """
OPTIONAL MATCH (c:AuditSequence {name: 'audit'})
SET c.rounds = coalesce(c.rounds, 0) + 1
RETURN c.next AS next
"""
"""Take the counter's write lock (the SET, before anything read under a shared lock: a MERGE
first took a shared lock that concurrent numberings then deadlocked upgrading) and read the
next free number; null when there is no counter yet."""

MAKE_COUNTER: Final[LiteralString] = """
CALL () {
  MATCH (a:AuditEntry) WHERE a.sequence IS NOT NULL
  RETURN a.sequence AS top ORDER BY top DESC LIMIT 1
  UNION ALL RETURN 0 AS top
}
WITH max(top) AS top
MERGE (c:AuditSequence {name: 'audit'})
  ON CREATE SET c.next = top + 1
"""
"""The counter made (once, or again after a wipe removed it) above any number still in the
log, in a transaction of its own that sets nothing on a counter it finds: the uniqueness
constraint serialises concurrent makers, and no lock is upgraded."""

NUMBER_PENDING: Final[LiteralString] = """
MATCH (a:AuditPending)
WITH a ORDER BY a.at, a.seq, a.id LIMIT $most
WITH collect(a) AS batch
UNWIND range(0, size(batch) - 1) AS i
WITH batch[i] AS a, i
SET a.sequence = $next + i
REMOVE a:AuditPending
WITH count(a) AS numbered
MATCH (c:AuditSequence {name: 'audit'})
SET c.next = $next + numbered
RETURN numbered
"""
"""The oldest pending entries, by commit time then position in their transaction.

The counter is set from `$next` (read under the lock), never from itself: a SET whose value
reads the property it writes (`c.next = c.next + n`) makes Neo4j 5.26 lock the node again,
and with numberings queued for it Forseti counts that as a cycle and kills a waiter with
`DeadlockDetected` (reproduced with two transactions; 16 concurrent numberings lost ~13 of
16 this way, which the driver's 1 s of retries did not always ride over)."""

NUMBER_BACKLOG: Final[LiteralString] = NUMBER_PENDING.replace(
    "WITH a ORDER BY a.at, a.seq, a.id LIMIT $most", "WITH a LIMIT $most"
)
"""The same in no particular order: a round then costs its batch, not the whole backlog. For
a backlog that piled up while nobody followed, which no subscriber will be sent."""

HEAD: Final[LiteralString] = """
OPTIONAL MATCH (c:AuditSequence {name: 'audit'})
CALL () { MATCH (p:AuditPending) RETURN count(p) AS pending }
RETURN coalesce(c.next, 1) - 1 AS last, pending
"""
"""The last number given and whether entries wait for one (a count-store read)."""

ENTRIES_AFTER: Final[LiteralString] = """
MATCH (a:AuditEntry) WHERE a.sequence > $after
WITH a ORDER BY a.sequence LIMIT $most
CALL (a) {
  OPTIONAL MATCH (t:Expert|Agency|Country|Place|Programme|Event|Topic|Resource {id: a.target})
  RETURN [l IN labels(t) WHERE l IN $labels][0] AS targetLabel LIMIT 1
}
RETURN properties(a) AS entry, targetLabel
ORDER BY a.sequence
"""
"""Numbered entries after `$after`, with the hub label of a link's far end when it exists
(a unique-index seek per label)."""

HUB_LABELS: Final = [label.value for label in Label]


@dataclass(frozen=True, slots=True)
class LogHead:
    last: int
    """The highest number given so far (0 for none)."""
    pending: int
    """Committed entries not numbered yet."""


@dataclass(frozen=True, slots=True)
class NumberedEntry:
    entry: AuditEntry
    sequence: int
    target_label: Label | None
    """The label of a link's far end, when that node still exists."""


async def log_head(cypher: Cypher) -> LogHead:
    rows = await cypher.read(HEAD)
    return LogHead(last=rows[0]["last"], pending=rows[0]["pending"])


async def number_pending(cypher: Cypher, most: int = MAX_NUMBERED, *, backlog: bool = False) -> int:
    """Number up to `most` committed pending entries, in one transaction; how many it did.
    `backlog`: in any order (`NUMBER_BACKLOG`)."""
    statement = NUMBER_BACKLOG if backlog else NUMBER_PENDING

    async def work(tx: AsyncManagedTransaction) -> int | None:
        locked = await tx.run(LOCK_COUNTER)
        next_free = (await locked.single(strict=True))["next"]
        if next_free is None:
            return None
        result = await tx.run(statement, next=next_free, most=most)
        record = await result.single()
        return int(record["numbered"]) if record is not None else 0

    async def make(tx: AsyncManagedTransaction) -> None:
        await (await tx.run(MAKE_COUNTER)).consume()

    numbered = await cypher.write_transaction(work)
    if numbered is None:
        await cypher.write_transaction(make)
        numbered = await cypher.write_transaction(work)
    return numbered or 0


async def entries_after(cypher: Cypher, after: int, most: int) -> Sequence[NumberedEntry]:
    """Numbered entries above `after`, lowest first, at most `most`."""
    rows = await cypher.read(ENTRIES_AFTER, {"after": after, "most": most, "labels": HUB_LABELS})
    return [_numbered(row) for row in rows]


def _numbered(row: dict[str, Any]) -> NumberedEntry:
    entry = entry_of(row["entry"])
    target = row["targetLabel"]
    return NumberedEntry(
        entry=entry,
        sequence=int(row["entry"]["sequence"]),
        target_label=LABEL_NAMED.get(target) if isinstance(target, str) else None,
    )
