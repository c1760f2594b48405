"""Global object identification: `node(id)` and `nodes(ids)` (Relay).

`node(id)` loads the node with every relationship page its selection shows in one statement
(schema/fetch_tree.py, graph/repositories/plans.py); `nodes(ids)` loads the nodes through their
DataLoader, and the relationships under them through theirs.
"""

from __future__ import annotations

import strawberry
from graphql import GraphQLObjectType

from graph.repositories.plans import fetch_node
from schema.context import Info
from schema.errors import BadUserInputError
from schema.fetch_tree import node_fetches
from schema.ids import from_global_id
from schema.loaders import loaders
from schema.types.node_interface import Node, entity


@strawberry.type
class NodeQuery:
    @strawberry.field(description="The entity with this global ID, or null if none exists.")
    async def node(self, info: Info, id: strawberry.ID) -> Node | None:
        label, slug = from_global_id(str(id))
        node_type = info._raw_info.schema.get_type(label.value)
        assert isinstance(node_type, GraphQLObjectType)
        under = node_fetches(info, node_type)
        found = await fetch_node(
            info.context.cypher,
            label,
            slug,
            under.fetches,
            written_at=under.written_at,
            reads=under.reads,
        )
        if found is None:
            return None
        info.context.attached.attach(found.record, under, found.relations)
        return entity(found.record)

    @strawberry.field(description="Entities by global ID, in the same order; null where missing.")
    async def nodes(self, info: Info, ids: list[strawberry.ID]) -> list[Node | None]:
        cap = info.context.limits.max_page_size
        if len(ids) > cap:
            raise BadUserInputError(f"`ids` may hold at most {cap} IDs")
        refs = [from_global_id(str(ident)) for ident in ids]
        records = await loaders(info).nodes.load_many(refs)
        return [entity(record) if record is not None else None for record in records]
