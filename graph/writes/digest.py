"""A fingerprint of the whole graph, to prove that a refused write changed nothing at all.

Every node (labels and properties) and every relationship (type, end ids, properties) is
serialised canonically and hashed; two equal digests mean two identical graphs, down to the
audit entries and API keys. Meant for tests and checks on small graphs (it reads everything).
"""

from __future__ import annotations

import hashlib
import json
from typing import Any, Final, LiteralString

from graph.database.cypher import Cypher

NODES: Final[LiteralString] = """
MATCH (n) RETURN labels(n) AS labels, properties(n) AS props
"""
RELATIONSHIPS: Final[LiteralString] = """
MATCH (a)-[r]->(b)
RETURN type(r) AS type, properties(a) AS start, properties(b) AS end, properties(r) AS props
"""


async def graph_digest(cypher: Cypher) -> str:
    nodes = sorted(_canonical(row) for row in await cypher.read(NODES))
    links = sorted(_canonical(row) for row in await cypher.read(RELATIONSHIPS))
    return hashlib.sha256(json.dumps([nodes, links]).encode()).hexdigest()


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, default=str, ensure_ascii=False)
