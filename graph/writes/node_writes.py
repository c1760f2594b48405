"""Creating, updating and deleting one node inside the write transaction, with its change."""

from __future__ import annotations

from graph.auditing.trail import Change
from graph.writes import queries
from graph.writes.fields import node_properties
from graph.writes.lookups import Lookups
from graph.writes.operations import CreateNode, DeleteNode, UpdateNode
from graph.writes.refusals import Dependent, DependentsError, DuplicateIdError
from graph.writes.values import slug


class NodeWrites(Lookups):
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
