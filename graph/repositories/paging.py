"""Keyset paging: the Cypher pieces that cut a page out of an ordered list.

Every list is ordered by a sort key `k` and a unique tie-breaker `t`, so a position
`(k, t)` names one place in the list whatever is inserted elsewhere: `after`/`before`
become comparisons instead of offsets, pages never skip or repeat items, and paging
backwards is the same query scanned in the other direction.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Final, LiteralString, TypeVar

from graph.repositories.pages import Page, Position, Row

T = TypeVar("T")


class Direction(StrEnum):
    ASC = "ASC"
    DESC = "DESC"

    def reversed(self) -> Direction:
        return Direction.DESC if self is Direction.ASC else Direction.ASC


@dataclass(frozen=True, slots=True)
class PageRequest:
    """`size` items after `after` and before `before`, from the end when `backward` (`last`)."""

    size: int
    backward: bool = False
    after: Position | None = None
    before: Position | None = None

    @property
    def cursored(self) -> bool:
        """Whether a position cuts the list; without one the window is the whole list."""
        return self.after is not None or self.before is not None

    def parameters(self) -> dict[str, Any]:
        return {
            "limit": self.size + 1,
            "afterKey": self.after.key if self.after else None,
            "afterTie": self.after.tie if self.after else None,
            "beforeKey": self.before.key if self.before else None,
            "beforeTie": self.before.tie if self.before else None,
        }


_AFTER: Final[dict[Direction, LiteralString]] = {
    Direction.ASC: "(k > $afterKey OR (k = $afterKey AND t > $afterTie))",
    Direction.DESC: "(k < $afterKey OR (k = $afterKey AND t < $afterTie))",
}
_BEFORE: Final[dict[Direction, LiteralString]] = {
    Direction.ASC: "(k < $beforeKey OR (k = $beforeKey AND t < $beforeTie))",
    Direction.DESC: "(k > $beforeKey OR (k = $beforeKey AND t > $beforeTie))",
}
_ORDER: Final[dict[Direction, LiteralString]] = {
    Direction.ASC: "k ASC, t ASC",
    Direction.DESC: "k DESC, t DESC",
}


def window(direction: Direction) -> LiteralString:
    """Rows strictly between the `after` and `before` positions (either may be absent)."""
    return (
        "($afterTie IS NULL OR "
        + _AFTER[direction]
        + ") AND ($beforeTie IS NULL OR "
        + _BEFORE[direction]
        + ")"
    )


def beyond(direction: Direction, backward: bool) -> LiteralString:
    """Rows on the far side of the cursor we page away from: is there a previous/next page?"""
    if backward:
        return "$beforeTie IS NOT NULL AND NOT " + _BEFORE[direction]
    return "$afterTie IS NOT NULL AND NOT " + _AFTER[direction]


def scan_order(direction: Direction, backward: bool) -> LiteralString:
    """`ORDER BY` body: paging backwards reads the list from its end, then flips the page."""
    return _ORDER[direction.reversed() if backward else direction]


def fill(template: LiteralString, pieces: dict[LiteralString, LiteralString]) -> LiteralString:
    """Put constant pieces into a constant template (both come from `graph/`, never users)."""
    for placeholder, piece in pieces.items():
        template = template.replace(placeholder, piece)
    return template


def page_of(rows: list[Row], *, total: int, beyond_cursor: bool, request: PageRequest) -> Page:
    """Trim the one extra row fetched to learn whether more follow; restore list order."""
    kept, has_next, has_previous = trim(rows, beyond_cursor=beyond_cursor, request=request)
    return Page(tuple(kept), total, has_next=has_next, has_previous=has_previous)


def trim(
    items: list[T], *, beyond_cursor: bool, request: PageRequest
) -> tuple[list[T], bool, bool]:
    """`page_of`'s window over any per-row items (rows with what was read under them):
    the kept items in list order, then has_next and has_previous."""
    has_more = len(items) > request.size
    kept = items[: request.size]
    if request.backward:
        kept.reverse()
        return kept, beyond_cursor, has_more
    return kept, has_more, beyond_cursor
