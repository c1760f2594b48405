"""The explorer signed in with API keys: partners see their own agency's contacts only,
editors import documents and follow the live feed of changes written by anyone else.

These tests write to the graph (keys, a contact, documents, probe topics), so they run in a
module of their own, over a seed graph loaded for it.
"""

from __future__ import annotations

import re
import subprocess
import sys
import time
import uuid

import httpx
import pytest
from playwright.sync_api import Page, expect

from tests.live_hub import LiveHub, hub_env
from tests.neo4j_server import Neo4jServer
from tests.web.explorer import WAIT_MS, Browsing, gid

VUSAL = gid("Expert", "vusal-huseynov")
MUSTAFO = gid("Expert", "mustafo-mamadnazarov")
MUSTAFO_EMAIL = "mustafo.mamadnazarov@icpmd.org"
VUSAL_EMAIL = "vusal.contact@example.org"


def new_key(neo4j_server: Neo4jServer, role: str, *agency: str) -> str:
    """A new key, issued the way an admin does (`hub keys create`)."""
    name = f"browser-{role}-{uuid.uuid4().hex[:6]}"
    options = ["--agency", *agency] if agency else []
    completed = subprocess.run(
        [sys.executable, "-m", "api.cli", "keys", "create", name, "--role", role, *options],
        env=hub_env(neo4j_server),
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    found = re.search(r"secret: (\S+)", completed.stdout)
    assert found is not None, completed.stdout
    return found.group(1)


@pytest.fixture(scope="module")
def editor(neo4j_server: Neo4jServer) -> str:
    return new_key(neo4j_server, "editor")


def mutate(hub: LiveHub, key: str, mutation: str, given: str) -> None:
    """`mutation(input: {given})` sent to the hub as another client would; it must succeed."""
    query = f"mutation {{ {mutation}(input: {{{given}}}) {{ userErrors {{ message }} }} }}"
    answer = httpx.post(hub.graphql, json={"query": query}, headers={"X-API-Key": key}, timeout=60)
    body = answer.json()
    assert "errors" not in body, body
    assert body["data"][mutation]["userErrors"] == [], body


def sign_in(web: Browsing, key: str, role: str) -> Page:
    page = web.open("/signin")
    page.get_by_label("API key").fill(key)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("status")).to_have_text(f"Signed in as {role}.")
    return page


def contacts_on(web: Browsing, expert: str) -> str:
    """The text of an expert's page once it has loaded (the key stays in the tab's session)."""
    web.open(f"/node/{expert}")
    expect(web.page.get_by_role("heading", level=1)).not_to_have_text("Not found")
    expect(web.main().locator("dl.fields")).to_be_visible()
    return str(web.main().inner_text())


def test_a_partner_sees_its_own_agencys_contacts_and_no_one_elses(
    web: Browsing, hub: LiveHub, editor: str, neo4j_server: Neo4jServer
) -> None:
    """Vusal works for the State Migration Service; Mustafo (whose source gives his contacts)
    for no agency a partner key can name."""
    mutate(hub, editor, "updateExpert", f'id: "vusal-huseynov", email: "{VUSAL_EMAIL}"')
    web.open("/")
    for expert in (VUSAL, MUSTAFO):
        assert "@" not in contacts_on(web, expert), "an anonymous visitor saw a contact"
    sign_in(web, new_key(neo4j_server, "partner", "state-migration-service-az"), "partner")
    own = contacts_on(web, VUSAL)
    assert VUSAL_EMAIL in own
    web.assert_accessible("node-expert-partner")
    other = contacts_on(web, MUSTAFO)
    assert MUSTAFO_EMAIL not in other
    assert "8877" not in other
    assert "E-mail" not in other


def test_an_editor_signs_in_and_imports_a_document(web: Browsing, editor: str) -> None:
    page = web.open("/import")
    expect(web.main()).to_contain_text("Only editors can import documents")
    page.get_by_role("link", name="Sign in").click()
    page.get_by_label("API key").fill(editor)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("status")).to_have_text("Signed in as editor.")
    page.get_by_role("link", name="Import a document").click()
    page.get_by_label("Page text").fill(
        "{mlang en}Vusal Huseynov met Jane Unknownperson at the State Migration Service.{mlang}"
    )
    page.get_by_label("Source URL").fill("https://example.org/browser-import")
    page.get_by_role("button", name="Import").click()
    result = page.get_by_role("region", name="What the hub made of it")
    expect(result.locator("ul.linked")).to_contain_text("Vusal Huseynov")
    expect(result.locator("ul.linked")).to_contain_text("State Migration Service")
    expect(result.locator("ul.unmatched")).to_have_text("Jane Unknownperson")
    expect(result).to_contain_text("new document")
    web.assert_accessible("import")
    page.reload()  # the key lives in this tab's sessionStorage
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()
    page.get_by_role("button", name="Sign out").click()
    expect(web.main()).to_contain_text("Only editors can import documents")


def test_an_editor_sees_a_change_made_elsewhere_appear_in_the_live_feed(
    web: Browsing, hub: LiveHub, editor: str
) -> None:
    page = web.open("/feed")
    expect(web.main()).to_contain_text("Only editors and admins follow the live feed")
    page = sign_in(web, editor, "editor")
    page.get_by_role("link", name="Live changes").click()
    expect(page).to_have_url(re.compile("/feed$"))
    log = page.get_by_role("log", name="Changes, newest first")
    until_following(hub, editor, page)
    mutate(hub, editor, "updateExpert", 'id: "vusal-huseynov", roles: ["Feed watcher"]')
    change = log.locator("li[data-operation=UPDATE]", has_text="fields: roles")
    expect(change).to_contain_text("vusal-huseynov updated")
    expect(change.get_by_role("link", name="vusal-huseynov")).to_have_attribute(
        "href", f"/node/{VUSAL}"
    )
    web.assert_accessible("feed")
    change.get_by_role("link", name="vusal-huseynov").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Vusal Huseynov")
    expect(web.main()).to_contain_text("Feed watcher")


def until_following(hub: LiveHub, key: str, page: Page) -> None:
    """Write a probe topic until the feed shows it.

    A subscription follows the log from a moment after the page sent it, and no protocol
    acknowledges that moment; a change written before it would be missed.
    """
    slug = f"probe-{uuid.uuid4().hex[:8]}"
    mutate(hub, key, "createTopic", f'id: "{slug}", name: [{{lang: "en", text: "Probe"}}]')
    probe = page.get_by_role("log").get_by_role("link", name=slug).first
    deadline = time.monotonic() + WAIT_MS / 1000 * 2
    note = 0
    while not probe.is_visible():
        assert time.monotonic() < deadline, "the feed showed no change"
        note += 1
        given = f'id: "{slug}", name: [{{lang: "en", text: "Probe {note}"}}]'
        mutate(hub, key, "updateTopic", given)
        page.wait_for_timeout(500)
