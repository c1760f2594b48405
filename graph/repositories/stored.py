"""Reading back exactly what is stored on a node and its outgoing relationships.

graph/repositories/records.py hands the API only the properties the README's model names; loaders
and data audits need the rest too (`nameKeys`, `key`, derived years), to check that what was
written is what was meant.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final, LiteralString

from graph.database.cypher import Cypher
from graph.errors import NotFoundError

NODE_WITH_LINKS: Final[LiteralString] = """
MATCH (n {id: $id})
RETURN labels(n) AS labels, properties(n) AS props,
       COLLECT { MATCH (n)-[r]->(m) RETURN {type: type(r), to: m.id, props: properties(r)} }
         AS links
"""


@dataclass(frozen=True, slots=True)
class StoredLink:
    type: str
    to: str
    props: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class StoredNode:
    labels: tuple[str, ...]
    props: Mapping[str, Any]
    links: tuple[StoredLink, ...]
    """Outgoing relationships, ordered by (type, end id, key)."""

    def links_of(self, rel_type: str) -> tuple[StoredLink, ...]:
        return tuple(link for link in self.links if link.type == rel_type)


async def stored_node(cypher: Cypher, ident: str) -> StoredNode:
    """Every property of the node with id `ident` and of its outgoing relationships.

    Scans all labels (ids are globally unique but the label is not known here): an audit
    tool for single nodes, not for request paths.
    """
    rows = await cypher.read(NODE_WITH_LINKS, {"id": ident})
    if not rows:
        raise NotFoundError("node", ident)
    row = rows[0]
    links = sorted(
        (StoredLink(link["type"], link["to"], link["props"]) for link in row["links"]),
        key=lambda link: (link.type, link.to, str(link.props.get("key", ""))),
    )
    return StoredNode(tuple(row["labels"]), row["props"], tuple(links))
