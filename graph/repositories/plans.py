"""Compiled reads: a node, or a page of nodes, with every relationship page under it at once.

The root resolvers `node` and the root lists describe what their selection asks for
(`schema/fetch_tree.py`) as a tree of `Fetch`es (which relation, which
parts of its page: rows, total, has-more; what is nested under each related node). This module
compiles the tree into one Cypher statement from the repositories' constant pieces, so a detail
page with three relations, or fifty events with their places and participant counts, is one
round trip instead of one per relation. Each fetch gets a slot name of ours (`s0`, `s1`...)
for its result and its parameters; user values only ever travel as parameters.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Final, LiteralString

import msgspec

from graph.database.cypher import Cypher
from graph.errors import InvalidInputError
from graph.model import Label
from graph.repositories.base import (
    LIST_BEYOND,
    LIST_TOTAL,
    LIST_WINDOW,
    NODE_TIE,
    RELATED_BEYOND,
    RELATED_TOTAL,
    RELATED_WINDOW,
    ROLE_FILTER,
    TIE,
    ListSpec,
    Order,
    Relation,
    list_pieces,
)
from graph.repositories.filters import Predicate
from graph.repositories.paging import PageRequest, beyond, fill, scan_order, trim, window
from graph.repositories.properties import Projection, node_values, relationship_values
from graph.repositories.records import (
    NodeRecord,
    Page,
    Row,
    label_of,
    position,
    relationship_record,
)

SLOTS: Final[tuple[LiteralString, ...]] = (
    *("s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11"),
    *("s12", "s13", "s14", "s15", "s16", "s17", "s18", "s19", "s20", "s21", "s22", "s23"),
)
"""Names for the fetches of one statement; a plan needing more is refused (too many relations)."""

POSITION: Final[LiteralString] = ", k, t"
"""A row's sort key and tie, which only cursors need (`Fetch.positions`)."""

NO_POSITION_VALUES: Final[LiteralString] = ", null, null"
"""In their place when no cursor is shown: the tie is never null otherwise."""

_NODE, _LABELS, _REL, _TYPE, _KEY, _TIE, _RELATED_SLOTS = range(7)
"""A related row: `[node values, labels or null, relationship values or null, type or null,
key, tie, nested fetches...]` (`BLOCK_ROWS`)."""

_LIST_KEY, _LIST_TIE, _LIST_SLOTS = 1, 2, 3
"""A list row: `[node values, key, tie, nested fetches...]` (`LIST_ROWS`)."""

_BY_ID_SLOTS: Final = 1
"""A node read by id: `[node values, nested fetches...]` (`BY_ID`)."""

_ROWS, _TOTAL, _BEYOND = range(3)
"""A fetch's result: `[rows, total, beyond]` (`BLOCK`)."""

_PARAMETERS: Final[tuple[LiteralString, ...]] = (
    "$limit",
    "$afterKey",
    "$afterTie",
    "$beforeKey",
    "$beforeTie",
    "$role",
)


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


BY_ID: Final[LiteralString] = """
MATCH (o:<LABEL> {id: $id})
<BLOCKS>
RETURN [<NODE><SLOTS>] AS item
"""

LIST_ROWS: Final[LiteralString] = (
    LIST_WINDOW
    + """  <NESTED>
  WITH n, k, t<SLOT_VARIABLES>
  ORDER BY <SCAN>
  RETURN collect([<NODE><POSITION><SLOTS>]) AS rows
}
"""
)

LIST_RETURN: Final[LiteralString] = "RETURN <TOTAL> AS total, <ROWS> AS rows, <BEYOND> AS beyond"

BLOCK: Final[LiteralString] = """
CALL (o) {
  <PARTS>
  RETURN [<PARTS_SHOWN>] AS <SLOT>
}
"""

BLOCK_ROWS: Final[LiteralString] = (
    RELATED_WINDOW
    + """    <NESTED>
    WITH m, r, k, t<SLOT_VARIABLES>
    ORDER BY <SCAN>
    RETURN collect([<NODE><LABELS><EDGE><POSITION><SLOTS>]) AS rows
  }
"""
)

NESTED: Final[LiteralString] = """
    CALL (<OWNER>) {
      WITH <OWNER> AS o
      <BLOCK>
      RETURN <SLOT>
    }
"""


def _scoped(piece: LiteralString, slot: LiteralString) -> LiteralString:
    """The paging and role parameters of `piece`, renamed to this fetch's own (`$s3_limit`)."""
    for name in _PARAMETERS:
        piece = piece.replace(name, "$" + slot + "_" + name[1:])
    return piece


def _parts_shown(fetch: Fetch) -> LiteralString:
    """A fetch's result, `[rows, total, beyond]`, null for the parts it does not load."""
    return ", ".join(
        (
            "rows" if fetch.rows else "null",
            "total" if fetch.total else "null",
            "beyond" if fetch.beyond else "null",
        )
    )


def _slot_list(slots: Sequence[LiteralString]) -> LiteralString:
    """`, s0, s1`: the nested fetches' results, after a row's own values."""
    return "".join(", " + name for name in slots)


class _Compiler:
    """Walks a fetch tree in pre-order, numbering slots (`_parameters` walks it the same)."""

    def __init__(self) -> None:
        self._slots: Iterator[LiteralString] = iter(SLOTS)

    def _slot(self) -> LiteralString:
        slot = next(self._slots, None)
        if slot is None:
            raise InvalidInputError(f"a query may load at most {len(SLOTS)} relationship pages")
        return slot

    def blocks(
        self, fetches: Sequence[Fetch], owner: LiteralString = "o"
    ) -> tuple[LiteralString, list[LiteralString]]:
        """Subqueries loading `fetches` for the node bound to `owner`, and their slots.

        Blocks are written over `o`; for any other owner each is wrapped in a subquery that
        binds `o` to it (`NESTED`).
        """
        text: LiteralString = ""
        slots: list[LiteralString] = []
        for fetch in fetches:
            slot = self._slot()
            block = self.block(fetch, slot)
            if owner != "o":
                block = fill(NESTED, {"<OWNER>": owner, "<BLOCK>": block, "<SLOT>": slot})
            text += block
            slots.append(slot)
        return text, slots

    def block(self, fetch: Fetch, slot: LiteralString) -> LiteralString:
        relation = fetch.relation
        common: dict[LiteralString, LiteralString] = {
            "<PATTERN>": relation.pattern,
            "<FILTER>": _scoped(ROLE_FILTER, slot) if relation.by_role else "true",
            "<KEY>": relation.key,
            "<TIE>": TIE,
        }
        parts: LiteralString = ""
        if fetch.rows:
            nested, slots = self.blocks(fetch.children, "m")
            parts += fill(
                BLOCK_ROWS,
                {
                    **common,
                    "<TIE>": NODE_TIE if fetch.node_tie else TIE,
                    "<WINDOW>": (
                        _scoped(window(relation.direction), slot)
                        if fetch.request.cursored
                        else "true"
                    ),
                    "<SCAN>": scan_order(relation.direction, fetch.request.backward),
                    "$limit": "$" + slot + "_limit",
                    "<NESTED>": nested,
                    "<SLOT_VARIABLES>": _slot_list(slots),
                    "<NODE>": fetch.node.text,
                    "<LABELS>": ", null" if fetch.label is not None else ", labels(m)",
                    "<EDGE>": (
                        ", " + fetch.edge.text + ", type(r)" if fetch.edges else ", null, null"
                    ),
                    "<POSITION>": POSITION if fetch.positions else NO_POSITION_VALUES,
                    "<SLOTS>": _slot_list(slots),
                },
            )
        if fetch.total:
            parts += fill(RELATED_TOTAL, common)
        if fetch.beyond:
            parts += fill(
                RELATED_BEYOND,
                {
                    **common,
                    "<BEYOND>": _scoped(beyond(relation.direction, fetch.request.backward), slot),
                },
            )
        return fill(
            BLOCK,
            {
                "<PARTS>": parts,
                "<PARTS_SHOWN>": _parts_shown(fetch),
                "<SLOT>": slot,
            },
        )


def _in_slot_order(fetches: Sequence[Fetch]) -> Iterator[Fetch]:
    """Fetches in the order `_Compiler` gives them slots: each before the ones under it
    (which are loaded only with its rows)."""
    for fetch in fetches:
        yield fetch
        if fetch.rows:
            yield from _in_slot_order(fetch.children)


def _parameters(fetches: Sequence[Fetch]) -> dict[str, Any]:
    """The page and role values of every fetch, under its slot's names (`$s3_limit`)."""
    parameters: dict[str, Any] = {}
    for slot, fetch in zip(SLOTS, _in_slot_order(fetches), strict=False):
        if fetch.role is not None and not fetch.relation.by_role:
            raise InvalidInputError(f"{fetch.relation.name} cannot be filtered by role")
        for key, value in fetch.request.parameters().items():
            parameters[slot + "_" + key] = value
        parameters[slot + "_role"] = fetch.role
    return parameters


def _shape(fetch: Fetch) -> tuple[Any, ...]:
    """What a fetch's Cypher text depends on: all of it but its page's values and role (of
    its cursors, only whether one is given)."""
    return (
        fetch.relation,
        fetch.labels,
        fetch.request.backward,
        fetch.request.cursored,
        fetch.rows,
        fetch.total,
        fetch.beyond,
        fetch.written_at,
        fetch.edge_reads,
        fetch.reads,
        fetch.positions,
        tuple(_shape(child) for child in fetch.children) if fetch.rows else (),
    )


MAX_STATEMENTS: Final = 256
_statements: dict[tuple[Any, ...], LiteralString] = {}


def _remembered(key: tuple[Any, ...], build: Callable[[], LiteralString]) -> LiteralString:
    """The statement for `key`, built once: a compiled page's text depends on its
    selection's shape only (its values are parameters), and writing it out again for
    each request cost a list page some 0.2 ms."""
    statement = _statements.get(key)
    if statement is None:
        statement = build()
        if len(_statements) >= MAX_STATEMENTS:
            _statements.pop(next(iter(_statements)))
        _statements[key] = statement
    return statement


class _Reader:
    """Turns one fetch's part of an answer into its `Fetched` page.

    Made once per fetch and request, with its related label, projections and children's
    readers, so the hundreds of sub-pages of a list page (a place, a programme and a
    participant count per event) each cost a loop over their rows and nothing more.
    """

    __slots__ = ("_children", "_edge", "_fetch", "_node", "_read_node")

    def __init__(self, fetch: Fetch) -> None:
        self._fetch = fetch
        self._node = fetch.node
        label = fetch.label
        self._read_node = None if label is None else self._node.reader(label)
        self._edge = fetch.edge
        self._children = _Children(fetch.children, _RELATED_SLOTS)

    def read(self, result: Sequence[Any] | None) -> Fetched:
        fetch = self._fetch
        if result is None:
            result = (None, None, None)
        if not fetch.rows:
            return _counted(result[_TOTAL])
        pairs: list[tuple[Row, tuple[Fetched, ...]]] = []
        for item in result[_ROWS] or ():
            row = self._row(item)
            if row is not None:
                pairs.append((row, self._children.of(item)))
        return _paged(pairs, result[_TOTAL], result[_BEYOND], fetch.request, True)

    def _row(self, item: Sequence[Any]) -> Row | None:
        read_node = self._read_node
        if read_node is None:
            label = label_of(item[_LABELS])
            if label is None:
                return None
            read_node = self._node.reader(label)
        rel_type = item[_TYPE]
        relationship = (
            None
            if rel_type is None
            else relationship_record(rel_type, self._edge.properties(item[_REL]))
        )
        return Row(read_node(item[_NODE]), position(item[_KEY], item[_TIE]), relationship)


class _Children:
    """The nested results of one row, in the order of `fetches`, from its `first` value on."""

    __slots__ = ("_first", "_readers")

    def __init__(self, fetches: Sequence[Fetch], first: int) -> None:
        self._readers = tuple(_Reader(fetch) for fetch in fetches)
        self._first = first

    def of(self, item: Sequence[Any]) -> tuple[Fetched, ...]:
        readers = self._readers
        if not readers:
            return ()
        first = self._first
        if len(item) != first + len(readers):
            raise InvalidInputError("compiled read returned an unexpected shape")
        return tuple(reader.read(item[first + i]) for i, reader in enumerate(readers))


def _paged(
    pairs: list[tuple[Row, tuple[Fetched, ...]]],
    total: Any,
    beyond_flag: Any,
    request: PageRequest,
    with_rows: bool,
) -> Fetched:
    if not with_rows:
        return _counted(total)
    kept, has_next, has_previous = trim(pairs, beyond_cursor=bool(beyond_flag), request=request)
    rows = tuple([row for row, _ in kept])
    return Fetched(
        Page(rows, int(total or 0), has_next, has_previous),
        tuple([children for _, children in kept]),
    )


def _counted(total: Any) -> Fetched:
    """A page that was asked for its total only."""
    return Fetched(Page(rows=(), total=int(total or 0), has_next=False, has_previous=False), ())


async def fetch_node(
    cypher: Cypher,
    label: Label,
    ident: str,
    fetches: Sequence[Fetch],
    *,
    written_at: bool = False,
    reads: frozenset[str] | None = None,
) -> FetchedNode | None:
    """The node `label`/`ident` with the relationship pages `fetches` ask for, one round trip."""
    parameters = _parameters(fetches)
    node = node_values("o", frozenset((label,)), written_at=written_at, reads=reads)

    def statement() -> LiteralString:
        blocks, slots = _Compiler().blocks(fetches)
        return fill(
            BY_ID,
            {
                "<LABEL>": label.value,
                "<BLOCKS>": blocks,
                "<NODE>": node.text,
                "<SLOTS>": _slot_list(slots),
            },
        )

    query = _remembered(("node", label, node, *map(_shape, fetches)), statement)
    rows = await cypher.read_maps(query, {**parameters, "id": ident})
    if not rows:
        return None
    item = rows[0]["item"]
    record = node.reader(label)(item[_NODE])
    return FetchedNode(record, _Children(fetches, _BY_ID_SLOTS).of(item))


async def fetch_list(
    cypher: Cypher,
    spec: ListSpec,
    *,
    where: Predicate | None,
    order: Order,
    request: PageRequest,
    rows: bool,
    total: bool,
    beyond_flag: bool,
    fetches: Sequence[Fetch],
    written_at: bool = False,
    reads: frozenset[str] | None = None,
    positions: bool = True,
) -> FetchedList:
    """A page of a label's list with the relationship pages under each node, one round trip.

    The list's order, window and cursors are `graph.repositories.base.list_pieces`; without
    `positions` the rows' positions are `NO_POSITION` (for pages that show no cursor).
    """
    pieces, parameters = list_pieces(spec, where=where, order=order, request=request)
    node = node_values("n", frozenset((spec.label,)), written_at=written_at, reads=reads)

    def statement() -> LiteralString:
        query: LiteralString = ""
        if total:
            query += fill(LIST_TOTAL, pieces)
        if rows:
            nested, slots = _Compiler().blocks(fetches, "n")
            query += fill(
                LIST_ROWS,
                {
                    **pieces,
                    "<NESTED>": nested,
                    "<SLOT_VARIABLES>": _slot_list(slots),
                    "<NODE>": node.text,
                    "<POSITION>": POSITION if positions else NO_POSITION_VALUES,
                    "<SLOTS>": _slot_list(slots),
                },
            )
        if beyond_flag:
            query += fill(LIST_BEYOND, pieces)
        return query + fill(
            LIST_RETURN,
            {
                "<TOTAL>": "total" if total else "null",
                "<ROWS>": "rows" if rows else "null",
                "<BEYOND>": "beyond" if beyond_flag else "null",
            },
        )

    shape = (tuple(pieces.values()), node, rows, total, beyond_flag, positions)
    query = _remembered(("list", *shape, *map(_shape, fetches)), statement)
    values = {**parameters, **(_parameters(fetches) if rows else {}), **request.parameters()}
    result = (await cypher.read_maps(query, values))[0]
    children = _Children(fetches, _LIST_SLOTS)
    read_node = node.reader(spec.label)
    pairs = [
        (
            Row(
                read_node(item[_NODE]),
                position(item[_LIST_KEY], item[_LIST_TIE]),
            ),
            children.of(item),
        )
        for item in result["rows"] or ()
    ]
    fetched = _paged(pairs, result["total"], result["beyond"], request, rows)
    return FetchedList(fetched.page, fetched.nested)
