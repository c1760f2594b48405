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

from collections.abc import Sequence
from typing import LiteralString

from graph.database.cypher import Cypher
from graph.model import Label
from graph.repositories.base import (
    LIST_BEYOND,
    LIST_TOTAL,
    ListSpec,
    Order,
    list_pieces,
)
from graph.repositories.fetches import (
    LIST_ROW_KEY,
    LIST_ROW_SLOTS,
    LIST_ROW_TIE,
    NO_POSITION_VALUES,
    POSITION,
    ROW_NODE,
    Fetch,
    FetchedList,
    FetchedNode,
)
from graph.repositories.filters import Predicate
from graph.repositories.pages import Row, position
from graph.repositories.paging import PageRequest, fill
from graph.repositories.plan_rows import Children, paged
from graph.repositories.plan_statements import (
    BY_ID,
    BY_ID_ROW_SLOTS,
    LIST_RETURN,
    LIST_ROWS,
    Compiler,
    remembered_statement,
    shape_key,
    slot_list,
    slot_parameters,
)
from graph.repositories.properties import node_values


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
    parameters = slot_parameters(fetches)
    node = node_values("o", frozenset((label,)), written_at=written_at, reads=reads)

    def statement() -> LiteralString:
        blocks, slots = Compiler().blocks(fetches)
        return fill(
            BY_ID,
            {
                "<LABEL>": label.value,
                "<BLOCKS>": blocks,
                "<NODE>": node.text,
                "<SLOTS>": slot_list(slots),
            },
        )

    query = remembered_statement(("node", label, node, *map(shape_key, fetches)), statement)
    rows = await cypher.read_maps(query, {**parameters, "id": ident})
    if not rows:
        return None
    item = rows[0]["item"]
    record = node.reader(label)(item[ROW_NODE])
    return FetchedNode(record, Children(fetches, BY_ID_ROW_SLOTS).of(item))


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
            nested, slots = Compiler().blocks(fetches, "n")
            query += fill(
                LIST_ROWS,
                {
                    **pieces,
                    "<NESTED>": nested,
                    "<SLOT_VARIABLES>": slot_list(slots),
                    "<NODE>": node.text,
                    "<POSITION>": POSITION if positions else NO_POSITION_VALUES,
                    "<SLOTS>": slot_list(slots),
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
    query = remembered_statement(("list", *shape, *map(shape_key, fetches)), statement)
    values = {**parameters, **(slot_parameters(fetches) if rows else {}), **request.parameters()}
    result = (await cypher.read_maps(query, values))[0]
    children = Children(fetches, LIST_ROW_SLOTS)
    read_node = node.reader(spec.label)
    pairs = [
        (
            Row(
                read_node(item[ROW_NODE]),
                position(item[LIST_ROW_KEY], item[LIST_ROW_TIE]),
            ),
            children.of(item),
        )
        for item in result["rows"] or ()
    ]
    fetched = paged(pairs, result["total"], result["beyond"], request, rows)
    return FetchedList(fetched.page, fetched.nested)
