"""Debian's Chromium driven by Playwright, by executable path: no browser is ever downloaded.

`make test` installs the `chromium` package when it is missing (the Makefile's `chromium`
target). The flags keep a headless Chromium off the network it would otherwise call home to.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, sync_playwright

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--use-angle=swiftshader",
    "--enable-unsafe-swiftshader",
]


def chromium_path() -> str:
    path = shutil.which("chromium")
    if path is None:
        pytest.fail("Debian's chromium is missing: `make test` installs it with apt-get")
    return path


@pytest.fixture(scope="module")
def chromium() -> Iterator[Browser]:
    """One headless Chromium per test module; tests open their own contexts and pages.

    Per module, not per session: while Playwright's sync API runs, the thread counts as
    running an event loop, and every later async test or fixture of the session would fail
    to start its own. Modules that use it therefore hold sync tests only.
    """
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield browser
        finally:
            browser.close()
