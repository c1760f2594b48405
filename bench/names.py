"""Issue 35 benchmark: name search with the variants against the search without, interleaved.

    NEO4J_URI=bolt://127.0.0.1:7735 NEO4J_PASSWORD=... \\
        .venv/bin/python -m bench.names --experts 100000 --samples 400

Builds the synthetic graph like bench/network.py (or reuses it), then times through
`schema.execute` in process (no HTTP):
- the A/B, interleaved: the A arms are `search` without a language as it was before issue 35
  (every language's index and the exact names, the `names_variants` clause left out: the
  variants index exists but is not asked, which costs the other indexes nothing), for the
  surnames typed in Latin and in Cyrillic; the B arms are the same `search` with the variants
  clause (romanisations, fuzzy, phonetic) for the same surnames typed in Latin, in Cyrillic
  and misspelt, each held to the A of the same text (misspelt: the Latin A); a last row,
  for reference, is the mix's `search` (`lang: "en"`: the English and exact-name indexes
  only). Slice after slice every arm
  runs `--slice` requests on the same drawn surnames, in an order that rotates per slice, so a
  busy neighbour or a Neo4j checkpoint falls on all arms alike. Reported: p50 and p95 per arm,
  each B arm over its A (issue 35 allows 1.2x at p95), and the median of the per-slice p50 ratios.
- `suggest` for 2-4 typed letters in either script (issue 35: p95 <= 20 ms), on its own.
Figures go to stdout and `bench/results/names-<experts>.md`.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from bench.network import Bench, Timing, command, ensure_graph, table
from bench.slices import rotation
from graph.database.cypher import Cypher
from graph.database.driver import open_driver
from graph.text import search as search_module
from seed.vocabulary import FIRST_NAMES, LAST_NAMES

SEARCH_EN = """query($q: String!) { search(query: $q, lang: "en", first: 20) {
  totalCount edges { score node { id name { text } } } } }"""
SEARCH = """query($q: String!) { search(query: $q, first: 20) {
  totalCount edges { score node { id name { text } } } } }"""
SUGGEST = """query($p: String!) { suggest(prefix: $p, first: 10) { id name { text } } }"""

SUGGEST_P95_MS = 20
Surname = tuple[str, str]
"""(Latin, Cyrillic), as seed/vocabulary.py spells them."""


def misspelt(name: str, rng: random.Random) -> str:
    position = rng.randrange(1, len(name))
    return name[:position] + rng.choice("aeiouy") + name[position + 1 :]


# (arm, document, what is typed for a drawn surname, variants clause asked, the arm it is
# measured against: the same text typed, without the variants clause). A misspelt surname
# is held to the correctly spelled one's A: without the variants it finds nobody, cheaply.
ARMS: tuple[tuple[str, str, Callable[[Surname, random.Random], str], bool, int], ...] = (
    ("A: search, Latin surname, no variants clause", SEARCH, lambda s, _: s[0], False, 0),
    ("A: search, Cyrillic surname, no variants clause", SEARCH, lambda s, _: s[1], False, 1),
    ("B: search, Latin surname (with variants)", SEARCH, lambda s, _: s[0], True, 0),
    ("B: search, Cyrillic surname", SEARCH, lambda s, _: s[1], True, 1),
    ("B: search, misspelt surname", SEARCH, lambda s, rng: misspelt(s[0], rng), True, 0),
    ("reference: the mix's search, lang en, Latin surname", SEARCH_EN, lambda s, _: s[0], True, 0),
)


@contextmanager
def variants_clause(asked: bool) -> Iterator[None]:
    """Arm A's search: the same statement and indexes with the variants clause left out, as
    `graph.text.search` built it before issue 35 (bench only; the hub has one search)."""
    names = vars(search_module)  # the module's namespace, where `indexes_for` finds it
    real = names["variants_query"]
    if not asked:
        names["variants_query"] = lambda text: None
    try:
        yield
    finally:
        names["variants_query"] = real


@dataclass(slots=True)
class Arm:
    name: str
    base: int
    """The index of the A arm it is measured against (itself for an A)."""
    slices: list[list[float]] = field(default_factory=list)
    """Milliseconds, one list per slice."""

    @property
    def all_ms(self) -> list[float]:
        return [ms for chunk in self.slices for ms in chunk]


def quantile(values: Sequence[float], q: float) -> float:
    """Nearest-rank quantile, `q` in [0, 1] (the convention of bench/network.Timing)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def ab_rows(arms: Sequence[Arm]) -> list[dict[str, Any]]:
    """Per arm: p50, p95 and, against its A arm, the p50/p95 ratios and the median of the
    per-slice p50 ratios (slices of two arms ran next to each other in time)."""
    rows = []
    for arm in arms:
        base = arms[arm.base]
        p50, p95 = quantile(arm.all_ms, 0.5), quantile(arm.all_ms, 0.95)
        per_slice = [
            statistics.median(mine) / statistics.median(theirs)
            for mine, theirs in zip(arm.slices, base.slices, strict=True)
        ]
        rows.append(
            {
                "arm": arm.name,
                "requests": len(arm.all_ms),
                "p50 ms": round(p50, 1),
                "p95 ms": round(p95, 1),
                "p50 / A": round(p50 / quantile(base.all_ms, 0.5), 2),
                "p95 / A": round(p95 / quantile(base.all_ms, 0.95), 2),
                "per-slice p50 / A (median)": round(statistics.median(per_slice), 2),
                "issue 35 (p95 <= 1.2x A)": "-"
                if arm is base or arm.name.startswith("reference")
                else ("met" if p95 <= 1.2 * quantile(base.all_ms, 0.95) else "MISSED"),
            }
        )
    return rows


async def interleaved(bench: Bench, requests: int, per_slice: int) -> list[Arm]:
    rng = random.Random("bench-names:ab")
    arms = [Arm(name, base) for name, _, _, _, base in ARMS]
    for _, document, typed, asked, _ in ARMS:  # one warm-up per arm, untimed
        with variants_clause(asked):
            await bench.run(document, {"q": typed(LAST_NAMES[0], rng)})
    for index in range(max(1, requests // per_slice)):
        drawn = [rng.choice(LAST_NAMES) for _ in range(per_slice)]
        order = rotation(list(range(len(ARMS))), index)
        chunks: dict[int, list[float]] = {}
        for position in order:
            _, document, typed, asked, _ = ARMS[position]
            spelled = [typed(surname, rng) for surname in drawn]
            with variants_clause(asked):
                chunks[position] = [
                    1000 * (await bench.run(document, {"q": q}))[0] for q in spelled
                ]
        for number, arm in enumerate(arms):
            arm.slices.append(chunks[number])
    return arms


def _prefix(script: int) -> Callable[[random.Random], dict[str, Any]]:
    def draw(rng: random.Random) -> dict[str, Any]:
        name = rng.choice(rng.choice((FIRST_NAMES, LAST_NAMES)))[script]
        return {"p": name[: rng.randint(2, 4)]}

    return draw


def markdown(rows: Sequence[Mapping[str, Any]]) -> str:
    columns = list(rows[0])
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(str(row[c]) for c in columns) + " |" for row in rows]
    return "\n".join(lines) + "\n"


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
        arms = await interleaved(bench, arguments.samples, per_slice=10)
        suggest: list[Timing] = [
            await bench.measure(name, SUGGEST, _prefix(script), arguments.samples)
            for name, script in (("suggest, 2-4 Latin letters", 0), ("suggest, 2-4 Cyrillic", 1))
        ]
        for timing in suggest:
            p95 = quantile([1000 * seconds for seconds in timing.seconds], 0.95)
            timing.note = f"issue 35 (p95 <= {SUGGEST_P95_MS} ms): " + (
                "met" if p95 <= SUGGEST_P95_MS else "MISSED"
            )
    finally:
        await driver.close()
    title = f"{arguments.experts:,} synthetic experts (seed {arguments.random_seed})"
    return (
        f"## Name search A/B, interleaved in slices of 10, {title}\n\nGraph: {graph}.\n\n"
        + markdown(ab_rows(arms))
        + "\n"
        + table(f"Suggest, {title}", graph, suggest)
    )


def main() -> int:
    return command(__doc__.splitlines()[0], "names", 400, main_async)


if __name__ == "__main__":
    raise SystemExit(main())
