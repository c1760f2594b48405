"""A compiled statement's result read back into `Fetched` pages, slot by slot."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from graph.errors import InvalidInputError
from graph.repositories.fetches import (
    BEYOND,
    ROW_KEY,
    ROW_LABELS,
    ROW_NODE,
    ROW_REL,
    ROW_SLOTS,
    ROW_TIE,
    ROW_TYPE,
    ROWS,
    TOTAL,
    Fetch,
    Fetched,
)
from graph.repositories.pages import Page, Row, position
from graph.repositories.paging import PageRequest, trim
from graph.repositories.records import label_of, relationship_record


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
        self._children = Children(fetch.children, ROW_SLOTS)

    def read(self, result: Sequence[Any] | None) -> Fetched:
        fetch = self._fetch
        if result is None:
            result = (None, None, None)
        if not fetch.rows:
            return _counted(result[TOTAL])
        pairs: list[tuple[Row, tuple[Fetched, ...]]] = []
        for item in result[ROWS] or ():
            row = self._row(item)
            if row is not None:
                pairs.append((row, self._children.of(item)))
        return paged(pairs, result[TOTAL], result[BEYOND], fetch.request, True)

    def _row(self, item: Sequence[Any]) -> Row | None:
        read_node = self._read_node
        if read_node is None:
            label = label_of(item[ROW_LABELS])
            if label is None:
                return None
            read_node = self._node.reader(label)
        rel_type = item[ROW_TYPE]
        relationship = (
            None
            if rel_type is None
            else relationship_record(rel_type, self._edge.properties(item[ROW_REL]))
        )
        return Row(read_node(item[ROW_NODE]), position(item[ROW_KEY], item[ROW_TIE]), relationship)


class Children:
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


def paged(
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
