"""The web explorer's budgets, measured (never asserted in tests):

- initial JavaScript, gzipped: the entry script and what index.html preloads (budget 150 kB);
  chunks loaded on demand (the network view's sigma.js and graphology) are listed apart;
- `/search?q=...` in headless Chromium: milliseconds from navigation start to the first hit
  on screen (budget 1 s), cold (first visit) and warm (the browser cache holds the assets).

    .venv/bin/python -m bench.web_budgets --url http://127.0.0.1:8000 [--query Huseynov]

Needs a built web/dist (`make web`) and, for the timing, a served hub over the seed graph.
"""

from __future__ import annotations

import argparse
import gzip
import re
import statistics
from pathlib import Path

from playwright.sync_api import sync_playwright

DIST = Path(__file__).resolve().parents[1] / "web" / "dist"
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
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", headless=True, args=CHROMIUM_ARGS
        )
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="a served hub over the seed graph, for the search timing")
    parser.add_argument("--query", default="Huseynov")
    parser.add_argument("--rounds", type=int, default=6)
    args = parser.parse_args()
    report_sizes()
    if args.url:
        time_search(args.url.rstrip("/"), args.query, args.rounds)


if __name__ == "__main__":
    main()
