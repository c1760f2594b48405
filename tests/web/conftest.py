"""The explorer's browser tests read the seed graph through a served hub in Chromium."""

from __future__ import annotations

from tests.browser import chromium
from tests.seeded import seeded
from tests.web.explorer import hub

__all__ = ["chromium", "hub", "seeded"]
