"""What one load or CSV generation wrote, tallied the same way by every path that writes.

The Bolt loaders (seed/load.py) and the offline CSV writer (seed/synthetic_csv.py) count rows
per label and per relationship type as they go; the totals are those counts added up, never
kept beside them, so a report cannot contradict itself.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from graph.model import Label, RelType

Progress = Callable[[int, int], None]
"""Called with (done, total) after every batch or chunk: rows for the seed, experts for a
synthetic graph."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Written:
    seconds: float
    """Wall-clock time from the first row to the last."""
    by_label: Mapping[Label, int] = field(default_factory=dict)
    by_type: Mapping[RelType, int] = field(default_factory=dict)

    @property
    def nodes(self) -> int:
        return sum(self.by_label.values())

    @property
    def relationships(self) -> int:
        return sum(self.by_type.values())
