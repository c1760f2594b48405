"""Repository tests read the seed graph (see tests/seeded.py)."""

from __future__ import annotations

from tests.seeded import seeded

__all__ = ["seeded"]
