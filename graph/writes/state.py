"""What one write transaction knows as it goes, and the two ways it sends a statement.

The look-ups, node writes, link writes and the fused create (graph/writes/lookups.py,
node_writes.py, link_writes.py, fused.py) all read and extend this one state, so that each
statement can skip what an earlier one of the same transaction already learned.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, LiteralString

from neo4j import AsyncManagedTransaction

from graph.auditing.trail import Change, audit_entries
from graph.model import Label, RelType
from graph.writes.fields import node_properties
from graph.writes.link_fields import link_properties
from graph.writes.operations import CreateNode, Link, WrittenLink
from graph.writes.principal import Principal
from graph.writes.refusals import InvalidFieldError, MissingNodeError
from graph.writes.values import slug

Creating = tuple[CreateNode, dict[str, Any]]
"""A node to create in the look-up statement, with its checked properties."""
CheckedLink = tuple[Link, Label, Label, dict[str, Any]]
"""A link with its ends' labels checked and its properties (provenance included)."""
LinkedCreate = tuple[RelType, bool, dict[str, Any]]
"""A create's closing links sent with its look-up (`fused`): their type, whether they start
at the new node, and the statement's `links` and `entry` parameters."""


@dataclass(frozen=True, slots=True)
class WriteContext:
    principal: Principal
    mutation: str
    source: str
    """Provenance of everything written: the cited Resource id, or the caller's account."""
    agency_scope: str | None = None
    """Set for partners: every record touched must belong to this agency."""
    at: datetime = field(default_factory=lambda: datetime.now(UTC))

    @property
    def stamp(self) -> str:
        """`at` as the ISO text the statements' `datetime($writtenAt)` reads."""
        return self.at.isoformat()


def is_slug(value: str) -> bool:
    """Whether `value` is a valid id; ids that are not fail later, with their field named."""
    try:
        slug("id", value)
    except InvalidFieldError:
        return False
    return True


class TransactionState:
    def __init__(self, tx: AsyncManagedTransaction, context: WriteContext) -> None:
        self.tx = tx
        self.context = context
        self.created: dict[str, Label] = {}
        self.nodes: dict[str, tuple[Label, dict[str, Any]]] = {}
        self.links: list[WrittenLink] = []
        self.unlinked: list[WrittenLink] = []
        self.deleted: list[str] = []
        self.changes: list[Change] = []
        self.known: dict[str, Label | None] = {}
        """Labels of the ids this transaction has looked up, created or deleted."""
        self.elements: dict[str, str] = {}
        """Element ids of the nodes in `known`, which links are written between."""
        self.created_early: dict[str, dict[str, Any]] = {}
        """Nodes the look-up statement created (`props`, `element`), for `create` to take."""
        self.audited = False
        """Whether the audit entries already went with the last statement (`link_many`)."""
        self.prewritten: int | None = None
        """Links the look-up statement wrote with the create (`fused`), for `link_many`."""

    def stamped(self, written: dict[str, Any]) -> dict[str, Any]:
        """Properties a statement returned (or, for new links, will write), with the
        `writtenAt` it sets from `$writtenAt`.

        The statements return it as null: hydrating a Neo4j DateTime goes through pytz
        (~0.1 ms each, six of them in a create with five links), and the value is the
        transaction's own.
        """
        written["writtenAt"] = self.context.at
        return written

    def provenance(self) -> dict[str, Any]:
        """Source and author; `writtenAt` is each statement's own `$writtenAt` parameter."""
        return {"source": self.context.source, "writtenBy": self.context.principal.subject}

    def entries(self, changes: Sequence[Change]) -> list[dict[str, Any]]:
        """The audit entries of `changes`, stamped with this mutation's caller and source."""
        return audit_entries(
            changes,
            principal=self.context.principal,
            mutation=self.context.mutation,
            source=self.context.source,
        )

    def new_properties(self, op: CreateNode) -> dict[str, Any]:
        """The properties a created node is written with (its fields checked, provenance)."""
        props = node_properties(op.label, {}, op.changes)
        props.update(id=op.id, **self.provenance())
        return props

    def link_props(self, op: Link) -> dict[str, Any]:
        props = link_properties(op.rel_type, op.properties)
        props.update(self.provenance())
        return props

    def remember(self, label: Label, ident: str, props: dict[str, Any]) -> None:
        self.nodes[ident] = (label, props)

    async def rows(self, query: LiteralString, **parameters: Any) -> list[dict[str, Any]]:
        """The statement's records as dicts; its columns hold maps and scalars, never nodes.

        So the records skip the driver's `Record.data()`, which walks every value looking
        for nodes to convert.
        """
        if "$writtenAt" in query:
            parameters["writtenAt"] = self.context.stamp
        result = await self.tx.run(query, parameters)
        return [dict(zip(record.keys(), record, strict=True)) async for record in result]

    async def single(self, query: LiteralString, **parameters: Any) -> dict[str, Any]:
        rows = await self.rows(query, **parameters)
        if len(rows) != 1:  # the look-ups before each write make this unreachable
            raise MissingNodeError("node", str(parameters.get("id", parameters.get("from"))))
        return rows[0]
