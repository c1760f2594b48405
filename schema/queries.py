"""The root `Query`, merged from the root types of every part of the API.

To add root fields, write a `@strawberry.type` class in your own module and append it to
`ROOT_QUERIES`; `Query` is rebuilt from that tuple with `strawberry.tools.merge_types`.
"""

from __future__ import annotations

from importlib.metadata import version

import strawberry
from strawberry.tools import merge_types

from schema.facets import FacetQuery
from schema.lists import ListQuery
from schema.mutations import AccountQuery
from schema.network.root_fields import NetworkQuery
from schema.node_lookup import NodeQuery
from schema.search import SearchQuery
from schema.suggest import SuggestQuery


@strawberry.type
class MetaQuery:
    @strawberry.field(description="Version of the hub answering this request.")
    def api_version(self) -> str:
        return version("rtcm-hub")


ROOT_QUERIES: tuple[type, ...] = (
    MetaQuery,
    NodeQuery,
    ListQuery,
    SearchQuery,
    SuggestQuery,
    FacetQuery,
    NetworkQuery,
    AccountQuery,
)

Query = merge_types("Query", ROOT_QUERIES)
