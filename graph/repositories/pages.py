"""Pages of records as the GraphQL layer pages them: rows with their keyset positions, totals,
facet buckets, and search hits with their snippets.

Frozen `msgspec.Struct`s for the reason given in graph/repositories/records.py."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

import msgspec

from graph.repositories.records import NodeRecord, RelationshipRecord

SortValue = str | int | float


class Position(msgspec.Struct, frozen=True, gc=False):
    """Where an item sits in an ordered list: its sort key and a unique tie-breaker."""

    key: SortValue
    tie: str


NO_POSITION: Final = Position("", "")
"""The position of rows read without one, by pages that show no cursor (compared by
identity; `schema.cursors` refuses to encode it)."""


def position(key: Any, tie: Any) -> Position:
    """A row's position from its sort key and tie, or NO_POSITION when it was read without
    (a tie is never null otherwise)."""
    return NO_POSITION if tie is None else Position(key, tie)


def position_of(item: Mapping[str, Any]) -> Position:
    """A row's position from its `k` and `t` map entries."""
    return position(item.get("k"), item.get("t"))


class Row(msgspec.Struct, frozen=True, gc=False):
    """One item of a page: the node, the relationship that led to it (if any), its position."""

    node: NodeRecord
    position: Position
    relationship: RelationshipRecord | None = None


class Page(msgspec.Struct, frozen=True, gc=False):
    rows: tuple[Row, ...]
    total: int
    has_next: bool
    has_previous: bool


EMPTY_PAGE = Page(rows=(), total=0, has_next=False, has_previous=False)


class FacetBucket(msgspec.Struct, frozen=True, gc=False):
    """One group of a group-by count: a node (country, topic...) or a plain value (year)."""

    count: int
    node: NodeRecord | None = None
    value: str | int | None = None


class TextRange(msgspec.Struct, frozen=True, gc=False):
    start: int
    end: int


class Snippet(msgspec.Struct, frozen=True, gc=False):
    text: str
    field: str
    lang: str | None
    matches: tuple[TextRange, ...]


class SearchHit(msgspec.Struct, frozen=True, gc=False):
    node: NodeRecord
    score: float
    lang: str | None
    query: str
    """The search text, kept so the snippet is computed only if asked for (`search.snippet_of`)."""


class SearchPage(msgspec.Struct, frozen=True, gc=False):
    hits: tuple[SearchHit, ...]
    total: int
    offset: int
    has_next: bool
