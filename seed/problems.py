"""What is wrong with the seed data, said so that a person can find and fix it.

Every problem names the file, the record (its id, or its position when it has no usable id)
and the field, and the loader collects all of them before failing: fixing a data file one
error per run is slow and demoralising.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Problem:
    file: str
    message: str
    record: str | None = None
    """`'some-id' (#3)` or `#3` (1-based position in `records`); None for file-level problems."""
    field: str | None = None
    """Dotted path inside the record, such as `links[2].amountText`."""

    def __str__(self) -> str:
        where = [self.file]
        if self.record is not None:
            where.append(f"record {self.record}")
        if self.field is not None:
            where.append(f"field {self.field!r}")
        return f"{', '.join(where)}: {self.message}"


class SeedDataError(ValueError):
    """The seed data cannot be loaded; nothing was written."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        count = len(self.problems)
        lines = "\n".join(f"  - {problem}" for problem in self.problems)
        super().__init__(f"seed data has {count} problem{'s' if count != 1 else ''}:\n{lines}")


def record_ref(index: int, record_id: object) -> str:
    """How a problem names a record: its id when it has a string one, always its position."""
    position = f"#{index + 1}"
    return f"{record_id!r} ({position})" if isinstance(record_id, str) and record_id else position
