"""A relationship named apart from what it holds: its type and the slugs of its two ends.

`start` and `end` follow the stored direction. Link and unlink operations, the links a write
made and the seed's links each carry these, so they are declared once here and extended with
what a use adds.
"""

from __future__ import annotations

from dataclasses import dataclass

from graph.model import RelType


@dataclass(frozen=True, slots=True)
class LinkEnds:
    rel_type: RelType
    start: str
    end: str
