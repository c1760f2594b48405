"""A `Fetch` tree compiled into one Cypher statement from the repositories' constant pieces.

Each fetch gets a slot name (`s0`, `s1`...) for its result and its parameters; user values
only ever travel as parameters. A statement's text depends on the selection's shape, never on
its values, so it is written once per shape and remembered."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any, Final, LiteralString

from graph.errors import InvalidInputError
from graph.repositories.base import (
    LIST_WINDOW,
    NODE_TIE,
    RELATED_BEYOND,
    RELATED_TOTAL,
    RELATED_WINDOW,
    ROLE_FILTER,
    TIE,
)
from graph.repositories.fetches import NO_POSITION_VALUES, POSITION, SLOTS, Fetch
from graph.repositories.paging import beyond, fill, scan_order, window

BY_ID_ROW_SLOTS: Final = 1
"""A node read by id: `[node values, nested fetches...]` (`BY_ID`)."""


_PARAMETERS: Final[tuple[LiteralString, ...]] = (
    "$limit",
    "$afterKey",
    "$afterTie",
    "$beforeKey",
    "$beforeTie",
    "$role",
)


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


def slot_list(slots: Sequence[LiteralString]) -> LiteralString:
    """`, s0, s1`: the nested fetches' results, after a row's own values."""
    return "".join(", " + name for name in slots)


class Compiler:
    """Walks a fetch tree in pre-order, numbering slots (`slot_parameters` walks it the same)."""

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
                    "<SLOT_VARIABLES>": slot_list(slots),
                    "<NODE>": fetch.node.text,
                    "<LABELS>": ", null" if fetch.label is not None else ", labels(m)",
                    "<EDGE>": (
                        ", " + fetch.edge.text + ", type(r)" if fetch.edges else ", null, null"
                    ),
                    "<POSITION>": POSITION if fetch.positions else NO_POSITION_VALUES,
                    "<SLOTS>": slot_list(slots),
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
    """Fetches in the order `Compiler` gives them slots: each before the ones under it
    (which are loaded only with its rows)."""
    for fetch in fetches:
        yield fetch
        if fetch.rows:
            yield from _in_slot_order(fetch.children)


def slot_parameters(fetches: Sequence[Fetch]) -> dict[str, Any]:
    """The page and role values of every fetch, under its slot's names (`$s3_limit`)."""
    parameters: dict[str, Any] = {}
    for slot, fetch in zip(SLOTS, _in_slot_order(fetches), strict=False):
        if fetch.role is not None and not fetch.relation.by_role:
            raise InvalidInputError(f"{fetch.relation.name} cannot be filtered by role")
        for key, value in fetch.request.parameters().items():
            parameters[slot + "_" + key] = value
        parameters[slot + "_role"] = fetch.role
    return parameters


def shape_key(fetch: Fetch) -> tuple[Any, ...]:
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
        tuple(shape_key(child) for child in fetch.children) if fetch.rows else (),
    )


MAX_STATEMENTS: Final = 256


_statements: dict[tuple[Any, ...], LiteralString] = {}


def remembered_statement(key: tuple[Any, ...], build: Callable[[], LiteralString]) -> LiteralString:
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
