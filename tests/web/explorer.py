"""What the explorer's browser tests share: a served hub over the seed graph, a page that
records console errors, an axe-core scan, and screenshots kept under test-artifacts/web/.
"""

from __future__ import annotations

import base64
from collections.abc import Generator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, expect

from tests.live_hub import LiveHub, hub_env, live_hub
from tests.neo4j_server import Neo4jServer
from tests.seeded import SeededGraph

PROJECT = Path(__file__).resolve().parents[2]
DIST = PROJECT / "web" / "dist" / "index.html"
AXE = PROJECT / "web" / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = PROJECT / "test-artifacts" / "web"
WAIT_MS = 30_000
"""Generous: proves "does not hang" on a busy 2-core machine, asserts no speed."""

expect.set_options(timeout=WAIT_MS)


def gid(label: str, slug: str) -> str:
    """The API's global ID, for URLs a user would have shared."""
    return base64.urlsafe_b64encode(f"{label}:{slug}".encode()).decode().rstrip("=")


@pytest.fixture(scope="module")
def hub(seeded: SeededGraph, neo4j_server: Neo4jServer) -> Iterator[LiveHub]:
    if not DIST.is_file() or not AXE.is_file():
        pytest.fail("the explorer is not built: run `make web` (make test does)")
    # Without a rate limit: a test clicks through filters faster than a person, and each
    # depth-2 neighbourhood is costed near a full bucket (rate limits have their own tests).
    with live_hub(hub_env(neo4j_server, HUB_RATE_LIMIT_PER_MINUTE="0")) as served:
        yield served


@dataclass
class Browsing:
    page: Page
    base: str
    errors: list[str] = field(default_factory=list)
    expected: list[str] = field(default_factory=list)

    def expect_console_error(self, text: str) -> None:
        """An error the browser itself logs for what the test provokes (a refused key)."""
        self.expected.append(text)

    def unexpected_errors(self) -> list[str]:
        return [e for e in self.errors if not any(text in e for text in self.expected)]

    def open(self, path: str) -> Page:
        self.page.goto(self.base + path)
        return self.page

    def main(self) -> Any:
        return self.page.locator("main")

    def shot(self, name: str) -> None:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)

    def assert_accessible(self, name: str) -> None:
        """axe-core finds no serious or critical violation in the view; screenshot kept."""
        self.page.wait_for_function("!document.querySelector('main [role=status].loading')")
        self.shot(name)
        if not self.page.evaluate("typeof window.axe !== 'undefined'"):
            self.page.add_script_tag(path=str(AXE))
        violations = self.page.evaluate(
            "axe.run(document, {resultTypes: ['violations']}).then(r => r.violations"
            ".filter(v => ['serious', 'critical'].includes(v.impact))"
            ".map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target)})))"
        )
        assert violations == [], f"{name}: {violations}"


def browsing(
    chromium: Browser, hub: LiveHub, locale: str = "en-GB"
) -> Generator[Browsing, None, None]:
    context = chromium.new_context(locale=locale, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    session = Browsing(page, hub.url)

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            session.errors.append(message.text)

    page.on("console", on_console)
    page.on("pageerror", lambda error: session.errors.append(str(error)))
    try:
        yield session
    finally:
        context.close()
