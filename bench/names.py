"""Issue 35 benchmark: name search across scripts and spellings, and `suggest`, at scale.

    NEO4J_URI=bolt://127.0.0.1:7735 NEO4J_PASSWORD=... \\
        .venv/bin/python -m bench.names --experts 100000 --samples 100

Builds the synthetic graph like bench/network.py (or reuses it), then times through
`schema.execute` in process (no HTTP): `search` as the side-by-side benchmark sends it
(`lang: "en"`, so no variants: the path of the search before issue 35), `search` without a
language (names as written plus variants, fuzzy and phonetic) for surnames typed in Latin,
in Cyrillic and misspelt, and `suggest` for 2-4 typed letters in either script. Figures go to
stdout and `bench/results/names-<experts>.md`.
"""

from __future__ import annotations

import argparse
import os
import random
from collections.abc import Callable
from typing import Any

from bench.network import Bench, command, ensure_graph, table
from graph.database.cypher import Cypher
from graph.database.driver import open_driver
from seed.vocabulary import FIRST_NAMES, LAST_NAMES

SEARCH_EN = """query($q: String!) { search(query: $q, lang: "en", first: 20) {
  totalCount edges { score node { id name { text } } } } }"""
SEARCH = """query($q: String!) { search(query: $q, first: 20) {
  totalCount edges { score node { id name { text } } } } }"""
SUGGEST = """query($p: String!) { suggest(prefix: $p, first: 10) { id name { text } } }"""

Draw = Callable[[random.Random], dict[str, Any]]


def _surname(script: int) -> Draw:
    return lambda rng: {"q": rng.choice(LAST_NAMES)[script]}


def _misspelt(rng: random.Random) -> dict[str, Any]:
    name = rng.choice(LAST_NAMES)[0]
    position = rng.randrange(1, len(name))
    return {"q": name[:position] + rng.choice("aeiouy") + name[position + 1 :]}


def _prefix(script: int) -> Draw:
    def draw(rng: random.Random) -> dict[str, Any]:
        name = rng.choice(rng.choice((FIRST_NAMES, LAST_NAMES)))[script]
        return {"p": name[: rng.randint(2, 4)]}

    return draw


OPERATIONS: tuple[tuple[str, str, Draw], ...] = (
    ("search lang en, a surname (no variants)", SEARCH_EN, _surname(0)),
    ("search, a surname in Latin", SEARCH, _surname(0)),
    ("search, a surname in Cyrillic", SEARCH, _surname(1)),
    ("search, a misspelt surname", SEARCH, _misspelt),
    ("suggest, 2-4 Latin letters", SUGGEST, _prefix(0)),
    ("suggest, 2-4 Cyrillic letters", SUGGEST, _prefix(1)),
)


async def main_async(arguments: argparse.Namespace) -> str:
    driver = open_driver(
        os.environ.get("NEO4J_URI", "bolt://127.0.0.1:7687"),
        os.environ.get("NEO4J_USER", "neo4j"),
        os.environ.get("NEO4J_PASSWORD", "hub-local-dev"),
    )
    try:
        cypher = Cypher(driver, "neo4j")
        graph = await ensure_graph(
            cypher, arguments.experts, arguments.random_seed, not arguments.no_build
        )
        bench = Bench(driver, "neo4j")
        timings = [
            await bench.measure(name, query, draw, arguments.samples)
            for name, query, draw in OPERATIONS
        ]
    finally:
        await driver.close()
    return table(
        f"Name search and suggest, {arguments.experts:,} synthetic experts "
        f"(seed {arguments.random_seed})",
        graph,
        timings,
    )


def main() -> int:
    return command(__doc__.splitlines()[0], "names", 100, main_async)


if __name__ == "__main__":
    raise SystemExit(main())
