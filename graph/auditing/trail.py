"""The audit trail: who changed what, when, from which source, and what it looked like.

Entries are `:AuditEntry` nodes written in the same transaction as the change they describe,
so a rolled-back write leaves no entry and a committed one always has its entry. They are not
linked to the entities (an entity's trail outlives its deletion, and network queries never
trip over them). Personal contact data is redacted from the before/after summaries (the
protected fields entirely, contacts inside any text by graph/text/redaction.py): the trail must not
become a second copy of data that an erasure request removes from the expert.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Final, LiteralString

from neo4j import AsyncManagedTransaction

from graph.database.cypher import Cypher
from graph.text.redaction import redacted
from graph.writes.principal import Principal

REDACTED: Final = "[redacted]"
PERSONAL: Final = frozenset({"email", "phone"})
NOISE: Final = frozenset({"nameKeys", "nameVariants", "namePhonetic"})
MAX_PAGE: Final = 500


def write_entry(entry: LiteralString, label: LiteralString = "") -> LiteralString:
    """A clause writing one entry from the map `entry` (a parameter or a row's field).

    `label`, an expression, replaces the entry's label when only the statement knows it:
    the start node's label of a link whose start it looks up (graph/writes/queries.py).
    """
    relabel: LiteralString = ", audited.label = " + label if label else ""
    return (
        "CREATE (audited:AuditEntry:AuditPending) SET audited = "
        + entry
        + relabel
        + ", audited.at = datetime($at)"
    )


WRITE_ENTRIES: Final[LiteralString] = "UNWIND $entries AS e " + write_entry("e")
"""`at` is one parameter for all the entries, sent as ISO text: each datetime the driver
sends costs it ~0.1 ms of pytz."""

ENTRIES_ALONG: Final[LiteralString] = "CALL () { " + WRITE_ENTRIES + " }"
"""`WRITE_ENTRIES` as a clause of another write statement (its `$entries` and `$at` with
it), for a transaction whose last statement's changes are known before it runs: the entries
then cost no statement of their own (graph/writes/executor.py)."""

READ_ENTRIES: Final[LiteralString] = """
MATCH (a:AuditEntry)
WHERE ($entity IS NULL OR a.entity = $entity OR a.target = $entity)
  AND ($since IS NULL OR a.at >= $since)
RETURN properties(a) AS entry
ORDER BY a.at DESC, a.seq DESC, a.id DESC
LIMIT $first
"""

SOURCES: Final[LiteralString] = """
OPTIONAL MATCH (n:Expert|Agency|Country|Place|Programme|Event|Topic|Resource {id: $id})
WITH n, CASE WHEN n IS NULL THEN [] ELSE [n.source] END AS own
CALL (n) {
  OPTIONAL MATCH (n)-[r]-(:Expert|Agency|Country|Place|Programme|Event|Topic|Resource)
  RETURN collect(DISTINCT r.source) AS linked
}
CALL () {
  OPTIONAL MATCH (a:AuditEntry {entity: $id})
  RETURN collect(DISTINCT a.source) AS audited
}
RETURN [s IN own + linked + audited WHERE s IS NOT NULL] AS sources
"""


@dataclass(frozen=True, slots=True)
class WhatChanged:
    """What a change did and to what: the part a write's change and its trail entry share."""

    operation: str
    """`create`, `update`, `delete`, `link`, `unlink` or `import`."""
    label: str
    entity: str
    rel_type: str | None = None
    target: str | None = None


@dataclass(frozen=True, slots=True)
class Change(WhatChanged):
    """One change a write made, before it is stamped with who, when and why."""

    before: Mapping[str, Any] | None = None
    after: Mapping[str, Any] | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AuditEntry(WhatChanged):
    id: str
    at: datetime
    actor: str
    role: str
    agency: str | None
    via: str
    mutation: str
    source: str | None
    before: str | None
    """JSON summary of the properties before the change (null for creations)."""
    after: str | None
    sequence: int | None = None
    """Its place in the whole log (graph/auditing/sequence.py); None until the feed numbered it."""


async def record_changes(
    tx: AsyncManagedTransaction,
    changes: Sequence[Change],
    *,
    principal: Principal,
    at: datetime,
    mutation: str,
    source: str,
) -> None:
    """Write one entry per change inside the caller's transaction."""
    if not changes:
        return
    entries = audit_entries(changes, principal=principal, mutation=mutation, source=source)
    result = await tx.run(WRITE_ENTRIES, entries=entries, at=at.isoformat())
    await result.consume()


def audit_entries(
    changes: Sequence[Change], *, principal: Principal, mutation: str, source: str
) -> list[dict[str, Any]]:
    """The `$entries` of `WRITE_ENTRIES`, one per change, in the changes' order."""
    return [
        {
            "id": uuid.uuid4().hex,
            "seq": position,
            "actor": principal.subject,
            "role": principal.role.value,
            "agency": principal.agency,
            "keyId": principal.key_id,
            "via": principal.via,
            "mutation": mutation,
            "operation": change.operation,
            "label": change.label,
            "entity": change.entity,
            "relType": change.rel_type,
            "target": change.target,
            "source": source,
            "before": summary(change.before),
            "after": summary(change.after),
        }
        for position, change in enumerate(changes)
    ]


async def audit_log(
    cypher: Cypher, *, entity: str | None = None, since: datetime | None = None, first: int = 50
) -> tuple[AuditEntry, ...]:
    """Newest first; `entity` matches the node written or the far end of a link."""
    if since is not None:
        # Entries are stamped at UTC offset `Z`; Neo4j orders equal instants in different
        # zones ('UTC' vs 'Z') apart, so the bound is moved to the same form first.
        since = (since if since.tzinfo else since.replace(tzinfo=UTC)).astimezone(UTC)
    rows = await cypher.read(
        READ_ENTRIES, {"entity": entity, "since": since, "first": max(1, min(first, MAX_PAGE))}
    )
    return tuple(entry_of(row["entry"]) for row in rows)


async def entity_sources(cypher: Cypher, ident: str) -> tuple[str, ...]:
    """Every source that stated something about the entity, its links or its changes."""
    rows = await cypher.read(SOURCES, {"id": ident})
    return tuple(sorted(set(rows[0]["sources"]))) if rows else ()


def summary(props: Mapping[str, Any] | None) -> str | None:
    """A JSON snapshot of properties, personal data redacted and temporal values as text."""
    if props is None:
        return None
    shown = {
        name: REDACTED if name in PERSONAL else redacted(_plain(value))
        for name, value in props.items()
        if name not in NOISE
    }
    return json.dumps(shown, sort_keys=True, ensure_ascii=False)


def _plain(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    iso_format = getattr(value, "iso_format", None) or getattr(value, "isoformat", None)
    if callable(iso_format):
        return str(iso_format())
    return value


def entry_of(props: Mapping[str, Any]) -> AuditEntry:
    at = props["at"]
    native = at.to_native() if hasattr(at, "to_native") else at
    return AuditEntry(
        id=props["id"],
        at=native,
        actor=props["actor"],
        role=props["role"],
        agency=props.get("agency"),
        via=props.get("via", "none"),
        mutation=props.get("mutation", ""),
        operation=props["operation"],
        label=props["label"],
        entity=props["entity"],
        rel_type=props.get("relType"),
        target=props.get("target"),
        source=props.get("source"),
        before=props.get("before"),
        after=props.get("after"),
        sequence=props.get("sequence"),
    )
