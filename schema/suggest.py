"""`suggest`: search-as-you-type over names in every script and spelling, for pickers."""

from __future__ import annotations

from typing import Final

import strawberry

from graph.model import Label
from graph.text.suggest import suggest as suggest_graph
from schema.context import Info
from schema.errors import BadUserInputError
from schema.types.node_interface import EntityType, Node, entity

DEFAULT_SUGGESTIONS: Final = 10
MAX_SUGGESTIONS: Final = 50


@strawberry.type
class SuggestQuery:
    @strawberry.field(
        description="Entities whose name, alias or acronym begins with `prefix`, in any "
        'script or romanisation ("Гус" and "hus" both find Huseynov): names of their own '
        "first, shortest first. Experts, agencies, countries, places, programmes and topics."
    )
    async def suggest(
        self,
        info: Info,
        prefix: str,
        types: list[EntityType] | None = None,
        first: int | None = None,
    ) -> list[Node]:
        size = DEFAULT_SUGGESTIONS if first is None else first
        if not 0 <= size <= MAX_SUGGESTIONS:
            raise BadUserInputError(f"`first` must be between 0 and {MAX_SUGGESTIONS}")
        records = await suggest_graph(
            info.context.cypher,
            prefix,
            labels=[Label(kind.value) for kind in types] if types else None,
            limit=size,
        )
        return [entity(record) for record in records]
