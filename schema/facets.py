"""Group-by counts over the filtered lists (OpenAlex-style `group_by`): one query per field."""

from __future__ import annotations

from enum import Enum
from typing import Any

import strawberry

from graph.declarations import DECLARED
from graph.model import Label
from graph.repositories.pages import FacetBucket as BucketRecord
from graph.repositories.registry import REPOSITORIES
from schema.context import Info
from schema.errors import BadUserInputError
from schema.filters.order import GROUP_BYS
from schema.filters.scalar_rules import Rule, to_predicate
from schema.filters.where import RULES, WHERE
from schema.ids import to_global_id
from schema.types.node_interface import Node, entity

DEFAULT_BUCKETS = 20


def checked_limit(info: Info, limit: int) -> None:
    cap = info.context.limits.max_page_size
    if not 1 <= limit <= cap:
        raise BadUserInputError(f"`limit` must be between 1 and {cap}")


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
    checked_limit(info, limit)
    repository = REPOSITORIES[label](info.context.cypher)
    buckets = await repository.group_by(
        facet=str(by.value), where=to_predicate(where, rules), limit=limit
    )
    return facet_buckets(buckets)


def facet_buckets(buckets: list[BucketRecord]) -> list[FacetBucket]:
    result = []
    for bucket in buckets:
        if bucket.node is not None:
            key: str | None = to_global_id(bucket.node.label, bucket.node.id)
        else:
            key = str(bucket.value) if bucket.value is not None else None
        node = entity(bucket.node) if bucket.node is not None else None
        result.append(FacetBucket(key=key, count=bucket.count, node=node))
    return result


def group_field(label: Label) -> Any:
    """`<plural>GroupBy`: the label's list matching `where`, counted per group."""
    rules = RULES[label]

    async def grouped(
        info: Info, by: Enum, where: Any = None, limit: int = DEFAULT_BUCKETS
    ) -> list[FacetBucket]:
        return await group(info, label, by, where, rules, limit)

    grouped.__annotations__ = {
        **grouped.__annotations__,
        "by": GROUP_BYS[label],
        "where": WHERE[label] | None,
    }
    return strawberry.field(resolver=grouped, description=DECLARED[label].group_doc)


FacetQuery = strawberry.type(
    type(
        "FacetQuery",
        (),
        {f"{DECLARED[label].plural}_group_by": group_field(label) for label in GROUP_BYS},
    )
)
