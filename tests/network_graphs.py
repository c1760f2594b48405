"""Small hand-built graphs for the network tests, written through `graph.loading.bulk`.

Each builder states its shape in its docstring so a test can say what the right answer is by
construction (who is the bridge, which cliques form communities) without reading Cypher.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from graph.database.cypher import Cypher
from graph.loading.bulk import write_links, write_nodes
from graph.model import MULTILINGUAL_FIELDS, Label, RelType
from graph.text.names import name_keys


@dataclass
class GraphBuilder:
    """Collects nodes and links, then writes them in a handful of batched transactions."""

    nodes: dict[Label, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    links: dict[RelType, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))

    def node(
        self,
        label: Label,
        slug: str,
        name: str | None = None,
        *,
        names: dict[str, str] | None = None,
        **props: Any,
    ) -> str:
        display = name or slug
        texts = names or {"en": display}
        field_name = "title" if label in (Label.EVENT, Label.RESOURCE) else "name"
        record: dict[str, Any] = {
            "id": slug,
            "name": texts.get("en", display),
            "nameKeys": name_keys(texts.values()),
            "source": "test",
        }
        if MULTILINGUAL_FIELDS[label]:
            record["langs"] = sorted(texts)
            for lang, text in texts.items():
                record[f"{field_name}_{lang}"] = text
        for key, value in props.items():
            record[key] = value
        for date_field, year_field in (("start", "startYear"), ("end", "endYear")):
            value = record.get(date_field)
            if isinstance(value, str) and value[:4].isdigit():
                record[year_field] = int(value[:4])
        self.nodes[label].append({"id": slug, "props": record})
        return slug

    def link(self, rel_type: RelType, start: str, end: str, **props: Any) -> None:
        key = f"{start}|{end}|{props.get('role', '')}"
        record = {"key": key, "source": "test", **props}
        self.links[rel_type].append({"from": start, "to": end, "key": key, "props": record})

    async def write(self, cypher: Cypher) -> None:
        written_at = datetime.now(UTC)
        for label, rows in self.nodes.items():
            await write_nodes(cypher, label, rows, written_at=written_at)
        for rel_type, rows in self.links.items():
            await write_links(cypher, rel_type, rows, written_at=written_at)
