"""Looking up the nodes a write names, once per transaction, and checking a partner's scope.

Partners are confined here, where the data is: a node that exists must already be one of the
agency's records before the partner may change it (or start a link from it), and a node the
partner creates must be one of them by the end of the transaction (for instance through the
WORKS_FOR or TOOK_PART link created with it). Checking before, not after, is what stops a
partner from claiming another agency's event by linking its own agency to it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

from graph.model import ALLOWED_LINKS, Label
from graph.writes import queries
from graph.writes.operations import DeleteNode, Link, Unlink
from graph.writes.refusals import (
    ForeignLinksError,
    InvalidFieldError,
    MissingNodeError,
    OutOfScopeError,
)
from graph.writes.state import Creating, LinkedCreate, TransactionState
from graph.writes.values import slug

HUB_LABELS: Final = [label.value for label in Label]
REFERENCE_LABELS: Final = frozenset({Label.COUNTRY, Label.PLACE, Label.TOPIC, Label.PROGRAMME})
"""Shared reference data a partner may point its own records at, but never change."""


class Lookups(TransactionState):
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
