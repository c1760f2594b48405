"""Relationship pages a root resolver loaded ahead, attached to the records they belong to.

A root field that compiled its selection (`schema/fetch_tree.py`) loads every relationship
page under its nodes in one statement; it attaches each node's pages here, by the node's
record and the response key of the field. The relation resolvers (`schema/relations.py`)
take their page from here and fall back to their DataLoader only when nothing was attached
(below `search`, the network fields, `nodes(ids)`, or a field the tree left out).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from graph.repositories.fetches import Fetched
from graph.repositories.records import NodeRecord

if TYPE_CHECKING:  # schema/fetch_tree.py reads the context, which holds these pages
    from schema.fetch_tree import NodeFetches


@dataclass(slots=True)
class AttachedPages:
    """One request's attached pages, by record identity (the records are kept alive here,
    so an identity is never reused within the request)."""

    _pages: dict[int, tuple[NodeRecord, NodeFetches, Sequence[Fetched]]] = field(
        default_factory=dict
    )

    def attach(self, record: NodeRecord, under: NodeFetches, nested: Sequence[Fetched]) -> None:
        """The pages `under` asked for, loaded for the node of `record`."""
        if under.keys:
            self._pages[id(record)] = (record, under, nested)

    def take(self, record: NodeRecord, key: str) -> tuple[Fetched, NodeFetches] | None:
        """The page loaded for `record`'s field at response key `key`, and what its related
        nodes carry; None when that field was not loaded ahead."""
        found = self._pages.get(id(record))
        if found is None:
            return None
        _, under, nested = found
        try:
            index = under.keys.index(key)
        except ValueError:
            return None
        return nested[index], under.below[index]

    def attach_rows(self, fetched: Fetched, under: NodeFetches) -> None:
        """Each row's own pages, for the related nodes of a page taken from here."""
        if under.keys:
            for row, nested in zip(fetched.page.rows, fetched.nested, strict=True):
                self.attach(row.node, under, nested)
