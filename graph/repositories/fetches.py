"""What a compiled read asks for (`Fetch`, a tree of relation pages) and what it answers
(`Fetched`), with the slot names that tie each fetch to its part of the statement."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Final, LiteralString

import msgspec

from graph.model import Label
from graph.repositories.base import Relation
from graph.repositories.pages import Page
from graph.repositories.paging import PageRequest
from graph.repositories.properties import Projection, node_values, relationship_values
from graph.repositories.records import NodeRecord

SLOTS: Final[tuple[LiteralString, ...]] = (
    *("s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11"),
    *("s12", "s13", "s14", "s15", "s16", "s17", "s18", "s19", "s20", "s21", "s22", "s23"),
)
"""Names for the fetches of one statement; a plan needing more is refused (too many relations)."""


POSITION: Final[LiteralString] = ", k, t"
"""A row's sort key and tie, which only cursors need (`Fetch.positions`)."""


NO_POSITION_VALUES: Final[LiteralString] = ", null, null"
"""In their place when no cursor is shown: the tie is never null otherwise."""


ROW_NODE, ROW_LABELS, ROW_REL, ROW_TYPE, ROW_KEY, ROW_TIE, ROW_SLOTS = range(7)
"""A related row: `[node values, labels or null, relationship values or null, type or null,
key, tie, nested fetches...]` (`BLOCK_ROWS`)."""


LIST_ROW_KEY, LIST_ROW_TIE, LIST_ROW_SLOTS = 1, 2, 3
"""A list row: `[node values, key, tie, nested fetches...]` (`LIST_ROWS`)."""


@dataclass(frozen=True, slots=True)
class Fetch:
    """One relationship field as a query selects it, and what is selected under its nodes.

    `labels` are the labels the related node can have (their properties are read); `rows`,
    `total` and `beyond` say which parts of the page are needed; `request` and `role` are the
    page's values (parameters, not text).
    """

    relation: Relation
    labels: frozenset[Label]
    request: PageRequest
    rows: bool = True
    total: bool = False
    beyond: bool = False
    written_at: bool = False
    role: str | None = None
    children: tuple[Fetch, ...] = ()
    edge_reads: frozenset[str] | None = None
    """The relationship properties the edges show
    (`graph.repositories.properties.RELATIONSHIP_PROPERTIES`); None: all of them, empty: none (a
    to-one field or `nodes`)."""
    reads: frozenset[str] | None = None
    """What the related nodes' records need (`graph.repositories.properties.node_properties`); None:
    all."""
    positions: bool = True
    """Whether rows carry their sort key and tie: only cursors (`cursor`, `pageInfo`) use
    them, and a list page's to-one places and programmes never show one."""

    @property
    def label(self) -> Label | None:
        """The related nodes' one label when the pattern itself names it: their labels then
        need not be read."""
        return _named_label(self.relation, self.labels)

    @property
    def node(self) -> Projection:
        """The related nodes' properties, as the statement returns them and the reader reads."""
        return node_values("m", self.labels, written_at=self.written_at, reads=self.reads)

    @property
    def edges(self) -> bool:
        """Whether the relationships' properties are read at all."""
        return self.edge_reads is None or bool(self.edge_reads)

    @property
    def node_tie(self) -> bool:
        """Whether the rows are ordered with the node id alone as tie (`NODE_TIE`).

        A list page's place and programme show no cursor and no edge: building a string of
        node and relationship ids per candidate, and testing a window no cursor cuts, to
        order rows nobody can tell apart cost Neo4j some 0.2 ms of a 50-event page.
        """
        return not (self.positions or self.edges or self.request.cursored)

    @property
    def edge(self) -> Projection:
        return relationship_values("r", written_at=self.written_at, reads=self.edge_reads)


@lru_cache(maxsize=256)
def _named_label(relation: Relation, labels: frozenset[Label]) -> Label | None:
    """Worked out once per relation and target: every row set of a page asks for it."""
    if len(labels) != 1:
        return None
    (label,) = labels
    return label if "(m:" + label.value + ")" in relation.pattern else None


class Fetched(msgspec.Struct, frozen=True, gc=False):
    """A fetched relationship page; `nested[i]` holds the relations of `page.rows[i]`'s node.

    A Struct like the records it holds (`graph.repositories.records`): a list page builds one per
    row and relation."""

    page: Page
    nested: tuple[tuple[Fetched, ...], ...]


class FetchedNode(msgspec.Struct, frozen=True, gc=False):
    record: NodeRecord
    relations: tuple[Fetched, ...]


class FetchedList(msgspec.Struct, frozen=True, gc=False):
    page: Page
    nested: tuple[tuple[Fetched, ...], ...]


ROWS, TOTAL, BEYOND = range(3)
"""A fetch's result: `[rows, total, beyond]` (`BLOCK`)."""
