"""The benchmark's query files stay valid against both schemas: no timing, no Neo4j.

When the hub's GraphQL shapes change, these fail until bench/queries/*.hub.graphql follow.
The floor's answers are checked against the hub's in tests/bench/test_answers.py; here the
peer's `@cypher` statements are held to name the floor's files, so the chain hub = floor = peer
holds without Node.js in the suite.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from graphql import (
    FieldDefinitionNode,
    GraphQLSchema,
    ObjectTypeDefinitionNode,
    StringValueNode,
    build_schema,
    parse,
    validate,
)

from bench.mix import TARGETS, MixQuery, load_mix, pluck, render, slug_of
from schema.schema import build_schema as build_hub_schema

BENCH = Path(__file__).resolve().parents[2] / "bench"
PEER_SCHEMA = BENCH / "peer" / "schema.generated.graphql"
PEER_TYPE_DEFS = BENCH / "peer" / "typeDefs.graphql"
MIX = load_mix()


@pytest.fixture(scope="module")
def peer_schema() -> GraphQLSchema:
    return build_schema(PEER_SCHEMA.read_text(encoding="utf-8"))


def test_the_mix_has_the_six_queries_of_issue_7() -> None:
    assert [query.name for query in MIX] == ["detail", "list", "search", "network", "path", "write"]
    assert [query.name for query in MIX if query.write] == ["write"]


@pytest.mark.parametrize("query", MIX, ids=lambda query: query.name)
def test_every_target_compares_the_same_facts(query: MixQuery) -> None:
    keys = {target: set(query.targets[target].compare) for target in TARGETS}
    assert keys["hub"], "a query without compared facts would never be checked"
    assert keys["hub"] == keys["peer"] == keys["floor"]


@pytest.mark.parametrize("query", MIX, ids=lambda query: query.name)
def test_peer_documents_validate_against_the_peers_generated_schema(
    query: MixQuery, peer_schema: GraphQLSchema
) -> None:
    assert validate(peer_schema, parse(query.targets["peer"].text)) == []


@pytest.fixture(scope="module")
def hub_schema() -> GraphQLSchema:
    return build_hub_schema()._schema


@pytest.mark.parametrize("query", MIX, ids=lambda query: query.name)
def test_hub_documents_validate_against_the_hubs_schema(
    query: MixQuery, hub_schema: GraphQLSchema
) -> None:
    assert validate(hub_schema, parse(query.targets["hub"].text)) == []


def test_variables_render_hub_global_ids_that_decode_back_to_slugs() -> None:
    sample = {"expert": "expert-1", "participants": ["expert-2", "expert-3"]}
    rendered = render({"id": "gid:Expert:$expert", "ids": "gid:Expert:$participants"}, sample)
    assert slug_of(rendered["id"]) == "expert-1"
    assert [slug_of(value) for value in rendered["ids"]] == ["expert-2", "expert-3"]
    assert slug_of("expert-1") == "expert-1"


def test_compare_paths_map_over_lists_and_transform() -> None:
    answer = {"data": {"xs": {"edges": [{"node": {"id": "b"}}, {"node": {"id": "a"}}]}}}
    assert pluck(answer, "data.xs.edges[].node.id|sort") == ["a", "b"]
    assert pluck(answer, "data.xs.edges|len") == 2
    assert pluck(answer, "data.xs.edges[0].node.id") == "b"
    assert pluck(answer, "data.missing[].id") == []


@pytest.fixture(scope="module")
def peer_cypher() -> dict[str, str]:
    return _peer_cypher_statements()


def _peer_cypher_statements() -> dict[str, str]:
    """`Query` field name -> the statement of its `@cypher` directive, in the peer's typeDefs."""
    statements: dict[str, str] = {}
    for definition in parse(PEER_TYPE_DEFS.read_text(encoding="utf-8")).definitions:
        if not isinstance(definition, ObjectTypeDefinitionNode) or definition.name.value != "Query":
            continue
        for field in definition.fields or ():
            statement = _cypher_statement(field)
            if statement is not None:
                statements[field.name.value] = statement
    return statements


def _cypher_statement(field: FieldDefinitionNode) -> str | None:
    for directive in field.directives or ():
        if directive.name.value != "cypher":
            continue
        for argument in directive.arguments or ():
            if argument.name.value == "statement" and isinstance(argument.value, StringValueNode):
                return argument.value.value.strip()
    return None


@pytest.mark.parametrize(
    ("field", "floor"), [("search", "search"), ("neighbourhood", "network"), ("path", "path")]
)
def test_the_peers_cypher_fields_run_the_floors_statements(
    field: str, floor: str, peer_cypher: dict[str, str]
) -> None:
    """Where @neo4j/graphql generates nothing, the peer's `@cypher` names the floor's file, which
    peer/server.js reads in: the peer and the floor send the same Cypher."""
    assert peer_cypher[field] == f"{floor}.cypher"
    assert (BENCH / "queries" / peer_cypher[field]).is_file()
