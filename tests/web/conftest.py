"""The explorer's browser tests read the seed graph through a served hub in Chromium.

`web` is a fresh browser context on the module's hub; a test that leaves an error in the
browser console fails.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser

from tests.browser import chromium
from tests.live_hub import LiveHub
from tests.seeded import seeded
from tests.web.explorer import Browsing, browsing, hub

__all__ = ["chromium", "hub", "seeded", "web"]


@pytest.fixture
def web(hub: LiveHub, chromium: Browser) -> Iterator[Browsing]:
    sessions = browsing(chromium, hub)
    session = next(sessions)
    try:
        yield session
        assert session.unexpected_errors() == []
    finally:
        sessions.close()
