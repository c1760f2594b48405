"""The hub stopping under an open explorer: a banner with a retry, never a blank page."""

from __future__ import annotations

import re

from playwright.sync_api import Browser, expect

from tests.live_hub import hub_env, live_hub
from tests.neo4j_server import Neo4jServer
from tests.seeded import SeededGraph
from tests.web.explorer import browsing


def test_a_stopped_hub_shows_a_banner_and_retry_recovers(
    seeded: SeededGraph, neo4j_server: Neo4jServer, chromium: Browser
) -> None:
    env = hub_env(neo4j_server)
    with live_hub(env) as hub:
        opened = browsing(chromium, hub)
        session = next(opened)
        page = session.open("/search?q=Huseynov")
        expect(page.get_by_role("link", name="Vusal Huseynov")).to_be_visible()
    # the hub is stopped; the explorer is still open and the user searches again
    page.get_by_role("searchbox").fill("Gjorgjiev")
    page.get_by_role("searchbox").press("Enter")
    banner = page.get_by_role("alert")
    expect(banner).to_contain_text("not answering")
    expect(page.get_by_role("searchbox")).to_be_visible()
    session.shot("outage")
    with live_hub(env):
        banner.get_by_role("button", name="Retry").click()
        expect(page.get_by_role("link", name=re.compile("Vladimir Gjorgjiev"))).to_be_visible()
        expect(page.get_by_role("alert")).to_have_count(0)
    unexpected = [e for e in session.errors if "ERR_CONNECTION_REFUSED" not in e]
    assert unexpected == []
    opened.close()
