"""The `Node` interface every entity implements, and the registry that builds entities.

Each entity module registers its type for its label; `entity(record)` then builds the right
GraphQL object for any record, which lets mixed lists (participants, mentions, search hits)
return real types without this module importing them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Final, TypeVar

import strawberry

from graph.model import MULTILINGUAL_FIELDS, Label
from graph.repositories.records import NodeRecord
from schema.context import Info
from schema.languages import normalised
from schema.permissions import shown_source
from schema.types.copied import copied, global_id
from schema.types.text import LocalizedText, record_text, unlocalized
from schema.types.vocabulary import vocabulary

DISPLAY_NAME_TEXTS: Final = ("name", "title")
"""The multilingual fields `Node.name` shows, first found first: the name or, for events
and resources, the title."""


if TYPE_CHECKING:
    EntityType = Label
else:
    EntityType = vocabulary(
        "EntityType", (label.value for label in Label), "The kinds of entity in the graph."
    )
"""The labels as a GraphQL enum (`EntityType(label.value)`; `Label(kind.value)` back)."""


def entity_type(label: Label) -> EntityType:
    return EntityType(label.value)


@strawberry.interface(
    description="An entity with a global ID (Relay `Node`), a display name and provenance."
)
class Node:
    record: strawberry.Private[NodeRecord]

    id = global_id(
        "record.label", "record.id", "Opaque global ID; pass it to `node(id:)` or filters."
    )

    slug = copied("record.id", str, "The readable, stable identifier the graph stores.")

    @strawberry.field(description="Display name (the title for events and resources).")
    def name(self, info: Info, lang: str | None = None) -> LocalizedText:
        fields = MULTILINGUAL_FIELDS[self.record.label]
        for field in DISPLAY_NAME_TEXTS:
            if field in fields and field in self.record.texts:
                text = record_text(info, self.record, field, lang)
                if text is not None:
                    return text
        normalised(lang)
        return unlocalized(self.record.name)

    langs = copied("record.langs", list[str], "Languages the entity's texts exist in.", shown=list)

    @strawberry.field(
        description="ID (slug) of the resource that stated this; for facts an account wrote, "
        "the account (editors and admins) or `contributed` (everyone else)."
    )
    def source(self, info: Info) -> str | None:
        return shown_source(info.context.viewer, self.record.source)

    written_at = copied("record.written_at", datetime | None, "When this entity was last written.")

    background = copied(
        "record.background",
        list[str],
        "Properties stated from background knowledge rather than a source "
        "(e.g. `acronym`, `name_en`); empty when every fact has a source.",
        shown=list,
    )

    note = copied(
        "record.note", str | None, "Editorial note: what the sources leave open or contradict."
    )


NodeType = TypeVar("NodeType", bound=type[Node])
_BUILDERS: dict[Label, Callable[[NodeRecord], Node]] = {}


def register(label: Label) -> Callable[[NodeType], NodeType]:
    def decorate(cls: NodeType) -> NodeType:
        _BUILDERS[label] = lambda record: cls(record=record)
        return cls

    return decorate


def entity(record: NodeRecord) -> Node:
    """The GraphQL object for `record` (its label's registered type)."""
    return _BUILDERS[record.label](record)
