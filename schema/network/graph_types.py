"""Generic nodes and edges for drawings, paths and exports, whatever their label.

Stable, documented shape: a node has `id` (the read API's global ID, usable with
`node(id:)`), `slug`, `label`, a display `name` in the language asked for, `names` in every
language and `kind`; an edge has `source` and `target` (global IDs, in the stored direction
of the relationship), their slugs, `type`, and the properties a researcher judges a link by
(role, since, until, amount, currency...). `provenance` is the edge's `source` property
(what stated it), renamed because `source` is the start node in every drawing library.
"""

from __future__ import annotations

from datetime import datetime
from typing import Final

import strawberry

from graph.model import LANGUAGES, Label, RelType
from graph.network import results as records
from graph.writes.origins import Origin
from schema.context import Info
from schema.network.arguments import RelationshipType
from schema.permissions import shown_source
from schema.types.copied import copied, global_id
from schema.types.node_interface import EntityType
from schema.types.text import LocalizedText, localized, unlocalized

ENTITY_TYPES: Final = {label: EntityType(label.value) for label in Label}
RELATIONSHIP_TYPES: Final = {rel_type: RelationshipType(rel_type.value) for rel_type in RelType}


@strawberry.type(description="Any entity, in the shape a network drawing needs.")
class GraphNode:
    record: strawberry.Private[records.GraphNode]
    distance: int | None = strawberry.field(
        default=None, description="Hops from the centre, in a neighbourhood; null elsewhere."
    )

    id = global_id("record.label", "record.id", "Global ID, the same as the entity's `Node.id`.")

    slug = copied("record.id", str, "The readable, stable identifier the graph stores.")

    @strawberry.field(description="What kind of entity this is.")
    def label(self) -> EntityType:
        return ENTITY_TYPES[self.record.label]

    @strawberry.field(description="Display name (title for events and resources).")
    def name(self, info: Info, lang: str | None = None) -> LocalizedText:
        record = self.record
        return localized(info, record.names, lang, record.origins) or unlocalized(record.name)

    @strawberry.field(description="The name in every language it exists in.")
    def names(self) -> list[LocalizedText]:
        return [
            LocalizedText(
                text=self.record.names[lang],
                lang=lang,
                fallback=False,
                origin=self.record.origins.get(lang, Origin.SOURCE),
            )
            for lang in LANGUAGES
            if lang in self.record.names
        ]

    kind = copied(
        "record.kind", str | None, "The entity's kind: agency kind, event kind, place kind..."
    )
    start = copied(
        "record.start", str | None, "Start date (events, programmes), partial as the source has it."
    )


def graph_node(record: records.GraphNode, distance: int | None = None) -> GraphNode:
    return GraphNode(record=record, distance=distance)


@strawberry.type(description="A relationship, in its stored direction, with its properties.")
class GraphEdge:
    record: strawberry.Private[records.GraphEdge]
    source_label: strawberry.Private[Label]
    target_label: strawberry.Private[Label]

    source = global_id("source_label", "record.source", "Global ID of the start node.")
    target = global_id("target_label", "record.target", "Global ID of the end node.")

    source_slug = copied("record.source", str)
    target_slug = copied("record.target", str)

    @strawberry.field
    def type(self) -> RelationshipType:
        return RELATIONSHIP_TYPES[self.record.type]

    role = copied(
        "record.properties.role",
        str | None,
        "speaker, trainer, participant, facilitator, organiser, "
        "or a job title (WORKS_FOR); an implementer's role (IMPLEMENTED_BY).",
    )
    since = copied("record.properties.since", str | None)
    until = copied("record.properties.until", str | None)
    rank = copied("record.properties.rank", str | None)
    count = copied(
        "record.properties.count", int | None, "Head count behind an agency's participation."
    )
    note = copied("record.properties.note", str | None)
    amount = copied("record.properties.amount", float | None, "Funding amount (FUNDED_BY).")
    currency = copied("record.properties.currency", str | None)
    period = copied("record.properties.period", str | None)
    text = copied("record.properties.text", str | None, "The funding as the source words it.")

    @strawberry.field(
        description="True when the link comes from background knowledge, not from a source "
        "(e.g. a place's country that no source states)."
    )
    def background(self) -> bool:
        return bool(self.record.properties.background)

    lead = copied("record.properties.lead", bool | None, "Lead implementer (IMPLEMENTED_BY).")

    @strawberry.field(description="What stated this relationship (its `source` property).")
    def provenance(self, info: Info) -> str | None:
        return shown_source(info.context.viewer, self.record.properties.source)

    written_at = copied("record.properties.written_at", datetime | None)


def graph_edges(
    edges: tuple[records.GraphEdge, ...], nodes: tuple[records.GraphNode, ...]
) -> list[GraphEdge]:
    """Edges whose endpoint labels come from `nodes` (every endpoint is among them)."""
    labels = {node.id: node.label for node in nodes}
    return [
        GraphEdge(record=e, source_label=labels[e.source], target_label=labels[e.target])
        for e in edges
    ]
