"""The global-ID fields are read as plain attributes.

A network answer shows ~200 of them; as resolvers taking `root` they go through Strawberry's
wrapper (or the execution context's `Direct` call) per node and edge, which cost a network
request 60 % more CPU (docs/performance-log.md, 2026-12-08). The execution context reads a
field as an attribute only when Strawberry resolves it by its default resolver, so that is
what these tests hold each such field to, by the same rule the context applies.
"""

from __future__ import annotations

from operator import attrgetter

import pytest
from graphql import GraphQLObjectType

from schema.resolver_calls import getter
from schema.schema import build_schema

FIELDS = [
    ("Expert", "id"),
    ("Agency", "id"),
    ("Event", "id"),
    ("GraphNode", "id"),
    ("GraphEdge", "source"),
    ("GraphEdge", "target"),
    ("EntityChange", "id"),
    ("ChangedLink", "other"),
]


@pytest.mark.parametrize(("type_name", "field_name"), FIELDS)
def test_global_id_fields_are_read_as_attributes(type_name: str, field_name: str) -> None:
    graphql_schema = build_schema()._schema
    kind = graphql_schema.type_map[type_name]
    assert isinstance(kind, GraphQLObjectType)
    read = getter({}, kind.fields[field_name])
    assert isinstance(read, attrgetter), f"{type_name}.{field_name} is read by {read!r}"
