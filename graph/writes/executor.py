"""Running a mutation's operations in one write transaction, with provenance and audit.

Everything happens inside one managed transaction: look-ups, checks, writes and the audit
entries. Any error (a missing node, a refused value, a partner outside its agency) propagates
out of the transaction function, which makes the driver roll the whole transaction back, so
a mutation that fails halfway leaves the graph exactly as it was.

Partners are confined here, where the data is: a node that exists must already be one of the
agency's records before the partner may change it (or start a link from it), and a node the
partner creates must be one of them by the end of the transaction (for instance through the
WORKS_FOR or TOOK_PART link created with it). Checking before, not after, is what stops a
partner from claiming another agency's event by linking its own agency to it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Final, LiteralString

from neo4j import AsyncManagedTransaction

from graph.auditing.trail import Change, audit_entries, record_changes
from graph.database.cypher import Cypher
from graph.model import ALLOWED_LINKS, Label, RelType
from graph.repositories.records import node_record, relationship_record
from graph.writes import queries
from graph.writes.fields import node_properties
from graph.writes.link_fields import link_properties
from graph.writes.operations import (
    CreateNode,
    DeleteNode,
    Link,
    Operation,
    Unlink,
    UpdateNode,
    WriteOutcome,
    WrittenLink,
)
from graph.writes.principal import Principal
from graph.writes.receipts import Receipt, write_once
from graph.writes.refusals import (
    Dependent,
    DependentsError,
    DuplicateIdError,
    ForeignLinksError,
    InvalidFieldError,
    MissingNodeError,
    OutOfScopeError,
)
from graph.writes.values import slug

HUB_LABELS: Final = [label.value for label in Label]
Creating = tuple[CreateNode, dict[str, Any]]
"""A node to create in the look-up statement, with its checked properties."""
CheckedLink = tuple[Link, Label, Label, dict[str, Any]]
"""A link with its ends' labels checked and its properties (provenance included)."""
LinkedCreate = tuple[RelType, bool, dict[str, Any]]
"""A create's closing links sent with its look-up (`fused`): their type, whether they start
at the new node, and the statement's `links` and `entry` parameters."""
REFERENCE_LABELS: Final = frozenset({Label.COUNTRY, Label.PLACE, Label.TOPIC, Label.PROGRAMME})
"""Shared reference data a partner may point its own records at, but never change."""


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

    However often the transaction runs (the driver's retries, a shared commit's fallback, an
    uncertain commit run again here, the client's retry with its `idempotency_key`), the
    mutation lands once and every run answers what it did (graph/writes/receipts.py).
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
    return [ident for ident in ids if _is_slug(ident)]


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


def _closing_links(
    operations: Sequence[Operation], node: CreateNode
) -> tuple[list[Link], bool, list[str]] | None:
    """`operations` as links of one type, all starting (True) or all ending (False) at
    `node`, with their other ends (each a node other than itself); None when they are
    anything else."""
    links = [op for op in operations if isinstance(op, Link)]
    if not links or len(links) < len(operations):
        return None
    outgoing = links[0].start == node.id
    others: list[str] = []
    for op in links:
        own, other = (op.start, op.end) if outgoing else (op.end, op.start)
        if op.rel_type is not links[0].rel_type or own != node.id or other == node.id:
            return None
        if not _is_slug(other):  # refused by `endpoints`, with its field named
            return None
        others.append(other)
    if node.label not in ALLOWED_LINKS[links[0].rel_type][0 if outgoing else 1]:
        return None
    return links, outgoing, others


def _is_slug(value: str) -> bool:
    try:
        slug("id", value)
    except InvalidFieldError:
        return False
    return True


class _Transaction:
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

    async def run(self, operations: Sequence[Operation], cited: str | None) -> WriteOutcome:
        creating = self.creatable(operations)
        linking = self.fused(operations, creating)
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

    def creatable(self, operations: Sequence[Operation]) -> Creating | None:
        """The first operation and its properties, when it creates a node they are valid for.

        The look-up statement then creates it too (`FIND_AND_CREATE`). Anything refused
        is left to `create`, so errors come in the same order as without the shortcut.
        """
        first = operations[0] if operations else None
        if not isinstance(first, CreateNode) or not _is_slug(first.id):
            return None
        try:
            return first, self.new_properties(first)
        except InvalidFieldError:
            return None

    def fused(
        self, operations: Sequence[Operation], creating: Creating | None
    ) -> LinkedCreate | None:
        """The closing links of a create, with every audit entry, when the look-up can write
        them too (`FIND_CREATE_AND_LINK`): the whole mutation is then one statement.

        That is when the mutation is the create followed by links of one type between the
        new node and other nodes (`_closing_links`), for a caller with no agency scope (a
        partner's links need scope checks first). Their changes are known before anything
        is written (the node's properties, each link's, nothing before), except a link's
        start label when the new node is its end, which the statement takes from the
        look-up. Anything else, or anything refused, takes the statements one by one.
        """
        if creating is None or self.context.agency_scope is not None:
            return None
        node, props = creating
        closing = _closing_links(operations[1:], node)
        if closing is None:
            return None
        links, outgoing, others = closing
        try:
            written = [self.link_props(op) for op in links]
        except InvalidFieldError:
            return None
        if len({(other, p["key"]) for other, p in zip(others, written, strict=True)}) < len(links):
            return None
        stored = {name: value for name, value in props.items() if value is not None}
        changes = [Change("create", node.label, node.id, after=self.stamped(stored))]
        changes += [
            Change(
                "link",
                node.label if outgoing else "",
                op.start,
                after=self.stamped(dict(p)),
                rel_type=op.rel_type,
                target=op.end,
            )
            for op, p in zip(links, written, strict=True)
        ]
        entries = self.entries(changes)
        rows = [
            {"other": other, "key": p["key"], "props": p, "entry": entry}
            for other, p, entry in zip(others, written, entries[1:], strict=True)
        ]
        return links[0].rel_type, outgoing, {"links": rows, "entry": entries[0]}

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

    async def create(self, op: CreateNode) -> None:
        slug("id", op.id)
        if (await self.labels([op.id]))[op.id] is not None:
            raise DuplicateIdError(op.id)
        row = self.created_early.pop(op.id, None)
        if row is None:
            props = self.new_properties(op)
            row = await self.single(queries.CREATE_NODE[op.label], props=props)
        after = self.stamped(row["props"])
        self.created[op.id] = op.label
        self.known[op.id] = op.label
        self.elements[op.id] = row["element"]
        self.remember(op.label, op.id, after)
        self.changes.append(Change("create", op.label, op.id, after=after))

    async def update(self, op: UpdateNode) -> None:
        before = await self.properties(op.label, op.id)
        await self.in_scope_unless_new(op.id)
        props = node_properties(op.label, before, op.changes)
        props.pop("writtenAt", None)
        props.update(id=op.id, **self.provenance())
        row = await self.single(queries.REPLACE_NODE, id=op.id, label=op.label, props=props)
        after = self.stamped(row["props"])
        self.remember(op.label, op.id, after)
        self.changes.append(Change("update", op.label, op.id, before=before, after=after))

    async def delete(self, op: DeleteNode) -> None:
        before = await self.properties(op.label, op.id)
        await self.in_scope_unless_new(op.id)
        incoming = await self.rows(queries.INCOMING, id=op.id, label=op.label)
        if incoming and not op.cascade:
            raise DependentsError(op.id, [Dependent(r["type"], r["start"]) for r in incoming])
        if op.cascade and op.id not in self.created:
            await self.own_links_only(op)
        row = await self.single(queries.DELETE_NODE, id=op.id, label=op.label)
        self.deleted.append(op.id)
        self.known[op.id] = None
        summary = {**before, "relationshipsRemoved": row["relationships"]}
        self.changes.append(Change("delete", op.label, op.id, before=summary))

    async def link(self, op: Link) -> None:
        start_label, end_label = await self.endpoints(op)
        props = self.link_props(op)
        ends = {"from": self.elements[op.start], "to": self.elements[op.end]}
        row = await self.single(queries.LINK[op.rel_type], **ends, key=props["key"], props=props)
        self.written(op, start_label, end_label, row)

    async def link_many(self, ops: Sequence[Link], *, closing: bool = False) -> None:
        """Consecutive links of one type in one statement, checked first like `link`.

        When they are the mutation's last operation (`closing`) and each has an end this
        transaction created, they carry the audit entries (`link_new_with_entries`).
        """
        checked: list[CheckedLink] = [
            (op, *await self.endpoints(op), self.link_props(op)) for op in ops
        ]
        if len({(op.start, op.end, props["key"]) for op, _, _, props in checked}) < len(ops):
            for op in ops:  # the same link twice: sequential writes keep `before` exact
                await self.link(op)
            return
        links = [
            {
                "index": index,
                "from": self.elements[op.start],
                "to": self.elements[op.end],
                "key": props["key"],
                "props": props,
            }
            for index, (op, _, _, props) in enumerate(checked)
        ]
        if closing and all(self.is_new(op) for op in ops):
            await self.link_new_with_entries(checked, links)
            return
        written = await self.single(queries.LINK_MANY[ops[0].rel_type], links=links)
        by_index = {row["index"]: row for row in written["links"]}
        if len(by_index) != len(ops):  # the look-ups before make this unreachable
            raise MissingNodeError("node", ops[0].start)
        for index, (op, start_label, end_label, _) in enumerate(checked):
            self.written(op, start_label, end_label, by_index[index])

    async def link_new_with_entries(
        self, checked: Sequence[CheckedLink], links: list[dict[str, Any]]
    ) -> None:
        """Links that cannot exist yet, written with the transaction's audit entries.

        Their changes are known before they are written (nothing before, their properties
        after), so the entries need no statement of their own; when the look-up statement
        already wrote them with their create (`fused`), no statement at all.
        """
        for op, start_label, end_label, props in checked:
            self.written(op, start_label, end_label, {"before": None, "after": dict(props)})
        written = self.prewritten
        if written is None:
            row = await self.single(
                queries.NEW_LINKS_AUDITED[checked[0][0].rel_type],
                links=links,
                entries=self.entries(self.changes),
                at=self.context.stamp,
            )
            written = row["written"]
        if written != len(links):  # the look-ups before make this unreachable
            raise MissingNodeError("node", checked[0][0].start)
        self.audited = True

    def is_new(self, op: Link) -> bool:
        """The link cannot exist yet: an end was created here and no such link written since."""
        return (op.start in self.created or op.end in self.created) and not any(
            (done.rel_type, done.start, done.end) == (op.rel_type, op.start, op.end)
            for done in self.links
        )

    def link_props(self, op: Link) -> dict[str, Any]:
        props = link_properties(op.rel_type, op.properties)
        props.update(self.provenance())
        return props

    def written(self, op: Link, start_label: Label, end_label: Label, row: dict[str, Any]) -> None:
        after = self.stamped(row["after"])
        record = relationship_record(op.rel_type, after)
        self.links.append(
            WrittenLink(op.rel_type, op.start, op.end, record, start_label, end_label)
        )
        self.changes.append(
            Change(
                "link",
                start_label,
                op.start,
                before=row["before"],
                after=after,
                rel_type=op.rel_type,
                target=op.end,
            )
        )

    async def unlink(self, op: Unlink) -> None:
        start_label, end_label = await self.endpoints(op)
        key = None
        if op.key_properties is not None:
            key = link_properties(op.rel_type, op.key_properties)["key"]
        ends = {"from": op.start, "to": op.end}
        rows = await self.rows(queries.UNLINK[op.rel_type], **ends, key=key)
        if not rows:
            what = f"{op.start} -{op.rel_type}-> {op.end}"
            raise MissingNodeError("relationship", what, field=op.field)
        for row in rows:
            record = relationship_record(op.rel_type, row["before"])
            self.unlinked.append(
                WrittenLink(op.rel_type, op.start, op.end, record, start_label, end_label)
            )
            self.changes.append(
                Change(
                    "unlink",
                    start_label,
                    op.start,
                    before=row["before"],
                    rel_type=op.rel_type,
                    target=op.end,
                )
            )

    async def endpoints(self, op: Link | Unlink) -> tuple[Label, Label]:
        """Both ends exist with labels the relationship type allows; partners own the start."""
        slug(f"{op.field}.from", op.start)
        slug(f"{op.field}.to", op.end)
        found = await self.labels([op.start, op.end])
        starts, ends = ALLOWED_LINKS[op.rel_type]
        checked: list[Label] = []
        for ident, allowed, side in ((op.start, starts, "from"), (op.end, ends, "to")):
            label = found[ident]
            if label is None:
                raise MissingNodeError("node", ident, field=f"{op.field}.{side}")
            if label not in allowed:
                names = ", ".join(sorted(allowed))
                raise InvalidFieldError(
                    f"{op.field}.{side}",
                    f"{ident!r} is a {label}; {op.rel_type} goes {side} {names} only",
                )
            checked.append(label)
        await self.in_scope_unless_new(op.start)
        if checked[1] not in REFERENCE_LABELS:
            await self.in_scope_unless_new(op.end)
        return checked[0], checked[1]

    async def own_links_only(self, op: DeleteNode) -> None:
        """A partner's cascade may remove only links to its own records or reference data."""
        agency = self.context.agency_scope
        if agency is None:
            return
        rows = await self.rows(queries.FOREIGN_LINKS, id=op.id, label=op.label, agency=agency)
        if rows:
            others = ", ".join(f"{row['type']} {row['other']!r}" for row in rows)
            raise ForeignLinksError(op.id, agency, others)

    async def in_scope_unless_new(self, ident: str) -> None:
        if ident not in self.created:
            await self.require_scope(ident)

    async def require_scope(self, ident: str) -> None:
        agency = self.context.agency_scope
        if agency is None:
            return
        rows = await self.rows(queries.IN_SCOPE, id=ident, agency=agency)
        if not rows or not rows[0]["inScope"]:
            raise OutOfScopeError(ident, agency)

    async def labels(
        self,
        ids: Sequence[str],
        creating: Creating | None = None,
        linking: LinkedCreate | None = None,
    ) -> dict[str, Label | None]:
        """Labels of `ids` (None: no such node), looked up once per transaction.

        `run` asks for every id the mutation names at the start, so a create with five
        participant links costs one look-up statement instead of six. With `creating`, the
        same statement creates that node unless its id is taken (see `creatable`); `create`
        then finds it in `created_early`, while the labels still say what was there before.
        With `linking` too, it writes the new node's links and the audit entries (`fused`).
        """
        missing = [ident for ident in dict.fromkeys(ids) if ident not in self.known]
        if creating is not None and creating[0].id not in missing:
            creating = None
        if missing:
            extra: dict[str, Any]
            if creating is None:
                query, extra = queries.FIND_NODES, {}
            elif linking is None:
                query, extra = queries.FIND_AND_CREATE[creating[0].label], {"props": creating[1]}
            else:
                rel_type, outgoing, parameters = linking
                query = queries.FIND_CREATE_AND_LINK[creating[0].label, rel_type, outgoing]
                extra = {"props": creating[1], "at": self.context.stamp, **parameters}
            found = await self.single(query, ids=missing, labels=HUB_LABELS, **extra)
            if creating is not None and found["element"] is not None:
                self.created_early[creating[0].id] = found
                if linking is not None:
                    self.prewritten = found["written"]
            for row in found["found"]:
                self.known[row["id"]] = Label(row["label"]) if row["label"] else None
                if row["element"] is not None:
                    self.elements[row["id"]] = row["element"]
        return {ident: self.known[ident] for ident in ids}

    async def properties(self, label: Label, ident: str) -> dict[str, Any]:
        slug("id", ident)
        rows = await self.rows(queries.NODE_PROPERTIES, id=ident, label=label)
        if not rows:
            raise MissingNodeError(label, ident, field="id")
        return dict(rows[0]["props"])

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
