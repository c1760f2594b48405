"""The root `Mutation`, and the root query fields of the write side (viewer, keys, audit).

Add mutation groups to `ROOT_MUTATIONS`; `Mutation` is merged from that tuple.
"""

from __future__ import annotations

from strawberry.tools import merge_types

from schema.mutations.accounts import AccountMutation, AccountQuery
from schema.mutations.documents import DocumentMutation
from schema.mutations.entities import EntityMutation
from schema.mutations.links import LinkMutation

ROOT_MUTATIONS: tuple[type, ...] = (EntityMutation, LinkMutation, DocumentMutation, AccountMutation)

Mutation = merge_types("Mutation", ROOT_MUTATIONS)

__all__ = ["AccountQuery", "Mutation"]
