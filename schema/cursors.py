"""Opaque cursors: a list's sort identity plus the position of one item in it.

A cursor carries the sort key and the tie-breaker of its item (keyset paging), and the name
of the ordering it came from, so a cursor from another list or another `orderBy` is refused
instead of silently returning the wrong page.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from typing import Final

from graph.repositories.pages import NO_POSITION, Position
from schema.errors import BadUserInputError

MAX_CURSOR_LENGTH: Final = 2000


@dataclass(frozen=True, slots=True)
class CursorAt:
    """An item's place in a list, encoded into a cursor only when a query shows it.

    Most pages never select `cursor`; encoding one (JSON, then base64) for every edge of
    every connection was a visible share of a detail page's CPU.
    """

    ordering: str
    position: Position

    def encode(self) -> str:
        return encode_cursor(self.ordering, self.position)


def encode_cursor(ordering: str, position: Position) -> str:
    if position is NO_POSITION:
        raise RuntimeError("a cursor was asked of a row read without its position")
    raw = json.dumps([ordering, position.key, position.tie], separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode("ascii").rstrip("=")


def decode_cursor(value: str, ordering: str, argument: str) -> Position:
    """The position a cursor names, if it belongs to `ordering`; `BAD_USER_INPUT` otherwise."""
    invalid = BadUserInputError(f"`{argument}` is not a cursor of this list and order")
    if not value or len(value) > MAX_CURSOR_LENGTH:
        raise invalid
    try:
        padded = value + "=" * (-len(value) % 4)
        decoded = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
    except (binascii.Error, UnicodeError, ValueError):
        raise invalid from None
    if not isinstance(decoded, list) or len(decoded) != 3:
        raise invalid
    name, key, tie = decoded
    if name != ordering or not isinstance(tie, str):
        raise invalid
    if isinstance(key, bool) or not isinstance(key, str | int | float):
        raise invalid
    return Position(key, tie)
