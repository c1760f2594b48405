"""The filter every collaborator and partner query takes: a period, a topic, a page size.

Items without a year cannot be placed in a period, so a bounded period leaves them out
rather than guessing; an unbounded one keeps them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Final

from graph.errors import InvalidInputError, check_between
from graph.network.results import Period

MAX_LINKS: Final = 100
DEFAULT_LINKS: Final = 20
EVIDENCE_PER_LINK: Final = 10


@dataclass(frozen=True, slots=True)
class LinkFilter:
    period: Period = field(default_factory=Period)
    topic: str | None = None
    first: int = DEFAULT_LINKS
    details: bool = True
    """False when the caller shows neither evidence nor first/last years: collaborators then
    skip matching the shared items of each one kept again (about a fifth of the statement)."""

    def parameters(self) -> dict[str, Any]:
        """Validated query parameters (`$yearFrom`, `$yearTo`, `$topic`, `$first`, ...)."""
        check_between("first", self.first, MAX_LINKS)
        start, end = self.period.start, self.period.end
        if start is not None and end is not None and start > end:
            raise InvalidInputError(f"period starts ({start}) after it ends ({end})")
        return {
            "yearFrom": start,
            "yearTo": end,
            "topic": self.topic,
            "first": self.first,
            "evidence": EVIDENCE_PER_LINK,
        }
