"""What a graph looks like as a whole: counts, size distributions, cascade depth, a digest.

Researchers ask these questions of the real graph ("how deep do training cascades go?"),
and loaders and benchmarks use the same answers to check that a generated or re-loaded
graph is the one intended, without reading it back node by node in test code.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final, LiteralString

from graph.database.cypher import Cypher

COUNT_BY_LABEL: Final[LiteralString] = """
MATCH (n) UNWIND labels(n) AS label
RETURN label, count(*) AS count
"""
COUNT_BY_TYPE: Final[LiteralString] = """
MATCH ()-[r]->()
RETURN type(r) AS type, count(*) AS count
"""
AGENCY_SIZES: Final[LiteralString] = """
MATCH (a:Agency)
RETURN COUNT { MATCH (e:Expert)-[:WORKS_FOR]->(a) RETURN DISTINCT e } AS size
"""
EXPERTS_WITHOUT_EMPLOYER: Final[LiteralString] = """
MATCH (e:Expert) WHERE NOT (e)-[:WORKS_FOR]->(:Agency)
RETURN count(e) AS count
"""
LONGEST_CASCADE: Final[LiteralString] = """
MATCH (root:Event) WHERE NOT (root)-[:CASCADES_FROM]->() AND ()-[:CASCADES_FROM]->(root)
MATCH path = (:Event)-[:CASCADES_FROM*1..20]->(root)
RETURN coalesce(max(length(path)), 0) AS depth
"""
NODES_FOR_DIGEST: Final[LiteralString] = """
MATCH (n)
RETURN labels(n) AS labels, properties(n) AS props
"""
RELATIONSHIPS_FOR_DIGEST: Final[LiteralString] = """
MATCH (a)-[r]->(b)
RETURN a.id AS start, type(r) AS type, b.id AS end, properties(r) AS props
"""
VOLATILE: Final = frozenset({"writtenAt"})
"""Properties that differ between two loads of the same data, left out of digests."""


@dataclass(frozen=True, slots=True)
class Census:
    nodes: Mapping[str, int]
    """Nodes per label."""
    relationships: Mapping[str, int]
    """Relationships per type."""


async def census(cypher: Cypher) -> Census:
    nodes = await cypher.read(COUNT_BY_LABEL)
    relationships = await cypher.read(COUNT_BY_TYPE)
    return Census(
        nodes={row["label"]: row["count"] for row in nodes},
        relationships={row["type"]: row["count"] for row in relationships},
    )


async def agency_sizes(cypher: Cypher) -> list[int]:
    """Distinct experts who ever worked for each agency, largest first."""
    rows = await cypher.read(AGENCY_SIZES)
    return sorted((int(row["size"]) for row in rows), reverse=True)


async def experts_without_employer(cypher: Cypher) -> int:
    return int((await cypher.read(EXPERTS_WITHOUT_EMPLOYER))[0]["count"])


async def longest_cascade(cypher: Cypher) -> int:
    """Hops in the longest chain of events cascading from a root (0 without cascades)."""
    return int((await cypher.read(LONGEST_CASCADE))[0]["depth"])


async def graph_digest(cypher: Cypher) -> str:
    """A SHA-256 of every node and relationship with its properties (`writtenAt` left out).

    Equal digests mean equal graphs up to internal ids, whatever order things were written
    in. Reads the whole graph: meant for test-sized graphs, not for millions of nodes.
    """
    lines = [
        _canonical(("node", sorted(row["labels"]), _stable(row["props"])))
        for row in await cypher.read(NODES_FOR_DIGEST)
    ]
    lines.extend(
        _canonical(("rel", row["start"], row["type"], row["end"], _stable(row["props"])))
        for row in await cypher.read(RELATIONSHIPS_FOR_DIGEST)
    )
    digest = hashlib.sha256()
    for line in sorted(lines):
        digest.update(line.encode())
        digest.update(b"\n")
    return digest.hexdigest()


def _stable(props: Mapping[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in props.items() if key not in VOLATILE}


def _canonical(value: object) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)
