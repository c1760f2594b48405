"""Group-by counts over the filtered lists (OpenAlex-style `group_by`): one query per field."""

from __future__ import annotations

from enum import Enum
from typing import Any

import strawberry

from graph.model import Label
from graph.repositories.registry import REPOSITORIES
from schema.context import Info
from schema.errors import BadUserInputError
from schema.filters.order import (
    AgencyGroupBy,
    EventGroupBy,
    ExpertGroupBy,
    PlaceGroupBy,
    ProgrammeGroupBy,
    ResourceGroupBy,
)
from schema.filters.scalar_rules import Rule, to_predicate
from schema.filters.where import (
    AGENCY_RULES,
    EVENT_RULES,
    EXPERT_RULES,
    PLACE_RULES,
    PROGRAMME_RULES,
    RESOURCE_RULES,
    AgencyWhere,
    EventWhere,
    ExpertWhere,
    PlaceWhere,
    ProgrammeWhere,
    ResourceWhere,
)
from schema.ids import to_global_id
from schema.types.node_interface import Node, entity

DEFAULT_BUCKETS = 20


@strawberry.type(description="One group and how many list items fall in it.")
class FacetBucket:
    key: str | None = strawberry.field(
        description="The group: a global ID for entity groups (usable in `where`), the value "
        "itself otherwise (a year, a kind); null for items with no value."
    )
    count: int
    node: Node | None = strawberry.field(description="The entity, for entity groups.")


async def group(
    info: Info, label: Label, by: Enum, where: Any, rules: dict[str, Rule], limit: int
) -> list[FacetBucket]:
    cap = info.context.limits.max_page_size
    if not 1 <= limit <= cap:
        raise BadUserInputError(f"`limit` must be between 1 and {cap}")
    repository = REPOSITORIES[label](info.context.cypher)
    buckets = await repository.group_by(
        facet=str(by.value), where=to_predicate(where, rules), limit=limit
    )
    result = []
    for bucket in buckets:
        if bucket.node is not None:
            key: str | None = to_global_id(bucket.node.label, bucket.node.id)
        else:
            key = str(bucket.value) if bucket.value is not None else None
        node = entity(bucket.node) if bucket.node is not None else None
        result.append(FacetBucket(key=key, count=bucket.count, node=node))
    return result


@strawberry.type
class FacetQuery:
    @strawberry.field(description="Experts matching `where`, counted per country/topic/...")
    async def experts_group_by(
        self,
        info: Info,
        by: ExpertGroupBy,
        where: ExpertWhere | None = None,
        limit: int = DEFAULT_BUCKETS,
    ) -> list[FacetBucket]:
        return await group(info, Label.EXPERT, by, where, EXPERT_RULES, limit)

    @strawberry.field(description="Agencies matching `where`, counted per kind or country.")
    async def agencies_group_by(
        self,
        info: Info,
        by: AgencyGroupBy,
        where: AgencyWhere | None = None,
        limit: int = DEFAULT_BUCKETS,
    ) -> list[FacetBucket]:
        return await group(info, Label.AGENCY, by, where, AGENCY_RULES, limit)

    @strawberry.field
    async def places_group_by(
        self,
        info: Info,
        by: PlaceGroupBy,
        where: PlaceWhere | None = None,
        limit: int = DEFAULT_BUCKETS,
    ) -> list[FacetBucket]:
        return await group(info, Label.PLACE, by, where, PLACE_RULES, limit)

    @strawberry.field
    async def programmes_group_by(
        self,
        info: Info,
        by: ProgrammeGroupBy,
        where: ProgrammeWhere | None = None,
        limit: int = DEFAULT_BUCKETS,
    ) -> list[FacetBucket]:
        return await group(info, Label.PROGRAMME, by, where, PROGRAMME_RULES, limit)

    @strawberry.field(description="Events matching `where`, counted per year/kind/country/...")
    async def events_group_by(
        self,
        info: Info,
        by: EventGroupBy,
        where: EventWhere | None = None,
        limit: int = DEFAULT_BUCKETS,
    ) -> list[FacetBucket]:
        return await group(info, Label.EVENT, by, where, EVENT_RULES, limit)

    @strawberry.field
    async def resources_group_by(
        self,
        info: Info,
        by: ResourceGroupBy,
        where: ResourceWhere | None = None,
        limit: int = DEFAULT_BUCKETS,
    ) -> list[FacetBucket]:
        return await group(info, Label.RESOURCE, by, where, RESOURCE_RULES, limit)
