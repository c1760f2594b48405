"""Names that begin with what is being typed, in any script or spelling, for pickers.

One full-text lookup in `names_variants` (which holds every name, alias and acronym folded,
plus their variants in other scripts and romanisations): every typed word must begin a word
of one form, the last may be cut short. Nodes with a name, alias or acronym of their own (not
a variant) that begins with the text come first, the shortest such name first ("bom": BOMCA
before the BOMCA consortium), then shorter display names, then ids, so the order is stable.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final, LiteralString

from graph.database.cypher import Cypher
from graph.errors import InvalidInputError
from graph.model import Label
from graph.repositories.properties import every_property
from graph.repositories.records import NodeRecord, label_of, node_record
from graph.text.name_queries import prefix_query
from graph.text.names import name_key
from graph.text.search import VARIANTS_INDEX

MAX_PREFIX_LENGTH: Final = 100
CANDIDATES: Final = 200
"""Lucene hits ranked here; prefix hits all score alike, so more would only cost time."""

SUGGEST: Final[LiteralString] = (
    """
CALL db.index.fulltext.queryNodes($index, $query, {limit: $candidates}) YIELD node
WHERE $labels IS NULL OR any(l IN labels(node) WHERE l IN $labels)
WITH node, [key IN coalesce(node.nameKeys, [])
            WHERE key STARTS WITH $prefix OR key CONTAINS $wordPrefix | size(key)] AS own
ORDER BY size(own) > 0 DESC,
         reduce(shortest = 1000, length IN own
                | CASE WHEN length < shortest THEN length ELSE shortest END) ASC,
         size(node.name) ASC, node.id ASC
LIMIT $limit
RETURN collect(["""
    + every_property("node")
    + """, labels(node)]) AS hits
"""
)


async def suggest(
    cypher: Cypher, prefix: str, *, labels: Sequence[Label] | None = None, limit: int = 10
) -> list[NodeRecord]:
    """Up to `limit` nodes with a name beginning with `prefix`, best first."""
    text = prefix.strip()
    if len(text) > MAX_PREFIX_LENGTH:
        raise InvalidInputError(f"the prefix is longer than {MAX_PREFIX_LENGTH} characters")
    query = prefix_query(text)
    if query is None or limit == 0:
        return []
    key = name_key(text)
    parameters: dict[str, Any] = {
        "index": VARIANTS_INDEX,
        "query": query,
        "candidates": CANDIDATES,
        "labels": [label.value for label in labels] if labels else None,
        "prefix": key,
        "wordPrefix": " " + key,
        "limit": limit,
    }
    rows = await cypher.read_maps(SUGGEST, parameters)
    records = []
    for properties, labels_of_hit in rows[0]["hits"]:
        label = label_of(labels_of_hit)
        if label is not None:
            records.append(node_record(label, properties))
    return records
