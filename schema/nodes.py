"""Global object identification: `node(id)` and `nodes(ids)` (Relay)."""

from __future__ import annotations

import strawberry

from schema.context import Info
from schema.errors import BadUserInputError
from schema.ids import from_global_id
from schema.loaders import loaders
from schema.types.node import Node, entity


@strawberry.type
class NodeQuery:
    @strawberry.field(description="The entity with this global ID, or null if none exists.")
    async def node(self, info: Info, id: strawberry.ID) -> Node | None:
        record = await loaders(info).nodes.load(from_global_id(str(id)))
        return entity(record) if record is not None else None

    @strawberry.field(description="Entities by global ID, in the same order; null where missing.")
    async def nodes(self, info: Info, ids: list[strawberry.ID]) -> list[Node | None]:
        cap = info.context.limits.max_page_size
        if len(ids) > cap:
            raise BadUserInputError(f"`ids` may hold at most {cap} IDs")
        refs = [from_global_id(str(ident)) for ident in ids]
        records = await loaders(info).nodes.load_many(refs)
        return [entity(record) if record is not None else None for record in records]
