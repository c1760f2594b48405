"""Drawing the request parameters from the graph itself, reproducibly for a given seed.

Every target gets the same samples in the same order, so hub, peer and floor do the same work.
"""

from __future__ import annotations

import random
import re
from typing import Any, Final, LiteralString

from neo4j import AsyncDriver, RoutingControl

ACTIVE_EXPERTS: Final[LiteralString] = """
MATCH (x:Expert) WHERE EXISTS { (x)-[:TOOK_PART]->(:Event) }
RETURN x.id AS id ORDER BY id
"""
EVENT_KINDS: Final[LiteralString] = """
MATCH (e:Event)
WHERE e.kind IS NOT NULL AND e.startYear IS NOT NULL AND NOT e.id STARTS WITH 'bench-'
RETURN e.kind AS kind, collect(e.startYear) AS years ORDER BY kind
"""
TITLES: Final[LiteralString] = """
MATCH (e:Event) WHERE e.title_en IS NOT NULL AND NOT e.id STARTS WITH 'bench-'
RETURN e.title_en AS title ORDER BY e.id LIMIT 5000
"""
WORD = re.compile(r"[A-Za-z]{5,}")
Sample = dict[str, Any]


async def draw_samples(driver: AsyncDriver, database: str, count: int, seed: int) -> list[Sample]:
    """`count` parameter sets: expert, other, participants, kind, year, term."""
    rng = random.Random(seed)
    experts = await active_experts(driver, database)
    if len(experts) < 6:
        raise RuntimeError("the graph has fewer than 6 experts with events: build it first")
    kinds = [
        (row["kind"], sorted(row["years"]))
        for row in await _read(driver, database, EVENT_KINDS)
        if len(row["years"]) >= 50
    ]
    if not kinds:
        raise RuntimeError("no event kind has 50 dated events: the list query would be trivial")
    words = sorted(
        {
            word.lower()
            for row in await _read(driver, database, TITLES)
            for word in WORD.findall(row["title"])
        }
    )
    samples = []
    for _ in range(count):
        kind, years = rng.choice(kinds)
        # A year in the older half keeps well over 50 matches, so paging and sorting do work.
        year = years[rng.randrange(max(1, len(years) // 2))]
        pair = rng.sample(experts, 2)
        samples.append(
            {
                "expert": pair[0],
                "other": pair[1],
                "participants": rng.sample(experts, 5),
                "kind": kind,
                "year": year,
                "term": rng.choice(words) if words else "training",
            }
        )
    return samples


async def active_experts(driver: AsyncDriver, database: str) -> list[str]:
    """Experts with at least one event: the pool write participants are drawn from."""
    return [row["id"] for row in await _read(driver, database, ACTIVE_EXPERTS)]


async def _read(driver: AsyncDriver, database: str, query: LiteralString) -> list[dict[str, Any]]:
    result = await driver.execute_query(query, routing_=RoutingControl.READ, database_=database)
    return [record.data() for record in result.records]
