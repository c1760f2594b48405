"""Linking and unlinking inside the write transaction: one link, or consecutive links of
one type in one statement, each with its change."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from graph.auditing.trail import Change
from graph.model import Label
from graph.repositories.records import relationship_record
from graph.writes import queries
from graph.writes.link_fields import link_properties
from graph.writes.lookups import Lookups
from graph.writes.operations import Link, Unlink, WrittenLink
from graph.writes.refusals import MissingNodeError
from graph.writes.state import CheckedLink


class LinkWrites(Lookups):
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
