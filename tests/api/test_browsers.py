"""Headless Chromium (Debian's, tests/browser.py) against a served hub: a page on another
origin calls it only when that origin is configured, and GraphiQL renders from the hub's own
assets with every other host unreachable."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from playwright.sync_api import Browser, Request, Route

from tests.browser import chromium
from tests.live_hub import hub_env, live_hub
from tests.neo4j_server import Neo4jServer
from tests.ports import free_port

__all__ = ["chromium"]

FRONT_END = b"<!doctype html><title>front-end</title><p>another origin</p>"
CALL = """async (url) => {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: {"content-type": "application/json", "authorization": "Bearer not-sent-here"},
      body: JSON.stringify({query: "{ __typename }"}),
    });
    return {status: response.status, body: await response.text()};
  } catch (error) {
    return {refused: String(error)};
  }
}"""


class FrontEnd(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("content-type", "text/html")
        self.end_headers()
        self.wfile.write(FRONT_END)

    def log_message(self, format: str, *args: object) -> None:
        return


@contextmanager
def front_end() -> Iterator[str]:
    """A page of its own origin (another port), as a front-end's dev server would be."""
    server = ThreadingHTTPServer(("127.0.0.1", free_port()), FrontEnd)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_a_page_on_a_configured_origin_may_call_the_hub_and_others_may_not(
    neo4j_server: Neo4jServer, chromium: Browser
) -> None:
    with (
        front_end() as allowed,
        front_end() as other,
        live_hub(hub_env(neo4j_server, HUB_CORS_ORIGINS=allowed)) as hub,
    ):
        context = chromium.new_context()
        try:
            page = context.new_page()
            page.goto(allowed)
            ok = page.evaluate(CALL, hub.graphql)
            page.goto(other)
            refused = page.evaluate(CALL, hub.graphql)
        finally:
            context.close()
    # The bearer token is not valid here: a 401 proves the preflight and the call got through.
    assert ok["status"] == 401, ok
    assert "UNAUTHENTICATED" in ok["body"]
    assert "refused" in refused, refused


def test_graphiql_renders_from_the_hub_alone(neo4j_server: Neo4jServer, chromium: Browser) -> None:
    with live_hub(hub_env(neo4j_server)) as hub:
        context = chromium.new_context()
        asked: list[str] = []
        violations: list[str] = []

        def only_the_hub(route: Route, request: Request) -> None:
            asked.append(request.url)
            if request.url.startswith(hub.url):
                route.continue_()
            else:
                route.abort("internetdisconnected")

        try:
            context.route("**/*", only_the_hub)
            page = context.new_page()
            page.on(
                "console",
                lambda message: (
                    violations.append(message.text)
                    if "Content Security Policy" in message.text
                    else None
                ),
            )
            with page.expect_response(
                lambda response: response.url == hub.graphql and response.request.method == "POST"
            ) as introspection:
                response = page.goto(hub.graphql)
                assert response is not None
                csp = response.headers["content-security-policy"]
            assert introspection.value.status == 200
            page.wait_for_selector(".graphiql-container", timeout=30_000)
            page.wait_for_selector(".CodeMirror", timeout=30_000)
            editor = page.locator(".graphiql-query-editor .CodeMirror").first
            editor.click()
            page.keyboard.press("Control+A")
            page.keyboard.press("Delete")
            page.keyboard.type("{ apiVersion")
            page.locator(".graphiql-execute-button").click()
            page.wait_for_selector(".result-window:has-text('apiVersion')", timeout=30_000)
            answer = page.locator(".result-window").inner_text()
        finally:
            context.close()
    assert "default-src 'self'" in csp
    assert "script-src 'self';" in csp
    assert all(url.startswith(hub.url) for url in asked), asked
    assert not violations, violations
    assert '"data"' in answer
