"""The web explorer's budgets, measured (never asserted in tests):

- initial JavaScript, gzipped: the entry script and what index.html preloads (budget 150 kB);
  chunks loaded on demand (the network view's sigma.js and graphology) are listed apart;
- `/search?q=...` in headless Chromium: milliseconds from navigation start to the first hit
  on screen (budget 1 s), cold (first visit) and warm (the browser cache holds the assets);
- a 1,000-node network interactive (budget 2 s): the real network view (web/src/views/
  network.tsx: graphology, ForceAtlas2, sigma.js, the node list) given a generated
  neighbourhood by web/bench/ (the API caps a neighbourhood at 500 nodes); milliseconds from
  rendering the view to its canvas being drawn, and to the first frame after that.

    .venv/bin/python -m bench.web_budgets --url http://127.0.0.1:8000 [--query Huseynov]
    .venv/bin/python -m bench.web_budgets --network 1000   # no hub needed

Needs a built web/dist (`make web`) and, for the search timing, a served hub over the seed
graph; the network page is built here (`vite build` of web/bench/ into web/bench/dist).
"""

from __future__ import annotations

import argparse
import gzip
import re
import statistics
import subprocess
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from playwright.sync_api import Browser, Playwright, sync_playwright

WEB = Path(__file__).resolve().parents[1] / "web"
DIST = WEB / "dist"
BENCH_DIST = WEB / "bench" / "dist"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update"]
FIRST_HIT = "main ol.hits li a"


def gzipped(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=9))


def initial_scripts() -> list[Path]:
    """The scripts index.html loads before any view runs: the entry and its preloads."""
    index = (DIST / "index.html").read_text()
    names = re.findall(r'(?:src|href)="/(assets/[^"]+\.js)"', index)
    return [DIST / name for name in dict.fromkeys(names)]


def report_sizes() -> None:
    initial = initial_scripts()
    total = sum(gzipped(path) for path in initial)
    print(f"initial JavaScript: {total / 1000:.1f} kB gzipped (budget 150 kB)")
    for path in initial:
        print(f"  {path.name}: {gzipped(path) / 1000:.1f} kB")
    for path in sorted((DIST / "assets").glob("*.js")):
        if path not in initial:
            print(f"  on demand {path.name}: {gzipped(path) / 1000:.1f} kB")


def time_search(url: str, query: str, rounds: int) -> None:
    with sync_playwright() as playwright:
        browser = launch(playwright)
        context = browser.new_context()
        page = context.new_page()
        timings: list[float] = []
        for _ in range(rounds):
            page.goto(f"{url}/search?q={query}")
            page.wait_for_selector(FIRST_HIT, timeout=30_000)
            timings.append(float(page.evaluate("performance.now()")))
        browser.close()
    print(f"/search?q={query}: first hit after {timings[0]:.0f} ms cold", end="")
    if len(timings) > 1:
        print(f", {statistics.median(timings[1:]):.0f} ms warm (median of {rounds - 1})", end="")
    print(" (budget 1000 ms)")


def launch(playwright: Playwright) -> Browser:
    return playwright.chromium.launch(
        executable_path="/usr/bin/chromium", headless=True, args=CHROMIUM_ARGS
    )


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """The budget's output is its figures only."""


def time_network(nodes: int, rounds: int) -> None:
    subprocess.run(
        ["npx", "vite", "build", "--config", "bench/vite.config.ts", "--logLevel", "error"],
        cwd=WEB,
        check=True,
    )
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=BENCH_DIST))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/index.html?nodes={nodes}"
    drawn: list[float] = []
    interactive: list[float] = []
    try:
        with sync_playwright() as playwright:
            browser = launch(playwright)
            for _ in range(rounds):
                page = browser.new_page(viewport={"width": 1280, "height": 900})
                page.goto(url)
                page.wait_for_function("window.budget", timeout=120_000)
                budget = page.evaluate("window.budget")
                drawn.append(float(budget["drawnMs"]))
                interactive.append(float(budget["interactiveMs"]))
                page.close()
            browser.close()
    finally:
        server.shutdown()
    print(
        f"network of {budget['nodes']} nodes, {budget['edges']} edges: drawn after "
        f"{statistics.median(drawn):.0f} ms, interactive after "
        f"{statistics.median(interactive):.0f} ms (median of {rounds}; "
        f"range {min(interactive):.0f}-{max(interactive):.0f} ms; budget 2000 ms)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="a served hub over the seed graph, for the search timing")
    parser.add_argument("--query", default="Huseynov")
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--network", type=int, default=1000, help="nodes (0: skip)")
    args = parser.parse_args()
    report_sizes()
    if args.url:
        time_search(args.url.rstrip("/"), args.query, args.rounds)
    if args.network:
        time_network(args.network, max(3, args.rounds // 2))


if __name__ == "__main__":
    main()
