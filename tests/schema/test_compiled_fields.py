"""Every field of every node answered alike on both paths, each reading only the properties
it shows; one statement text per selection shape; skip/include, personal data, bad input."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from graphql import (
    GraphQLNonNull,
    GraphQLObjectType,
    get_named_type,
    is_leaf_type,
)

from graph.model import Label
from graph.writes.principal import Principal, Role
from schema.context import Context
from schema.lists import ROOT_LISTS
from tests.schema.read_paths import LIMITS, compiled_answer, sent_statement
from tests.seeded import SeededGraph, codes_of, execute, schema_for


async def test_every_field_of_every_seeded_node_is_answered_the_same(seeded: SeededGraph) -> None:
    """All scalar, text, to-one and connection fields of each type, on every seed node."""
    for label, node_type in _node_types():
        query = (
            "query ($after: String) { "
            + label.value.lower()
            + ": "
            + _list_field(label)
            + "(first: 100, after: $after) { edges { node { "
            + _everything(node_type, depth=2)
            + " } } } }"
        )
        answer, trips = await compiled_answer(seeded, query, {"after": None})
        assert trips == 1
        assert answer[label.value.lower()]["edges"], label


async def test_each_field_shown_alone_reads_the_properties_it_needs(seeded: SeededGraph) -> None:
    """Projections carry only what the selection shows (`schema.fetch_tree._reads`).

    Each scalar, text and value field of each type, selected alone on every seeded node,
    at the root and under a relationship, must still answer what the loaders answer (which
    read every property): a property left out of the projection would come back null.
    """
    shown = 0
    for label, node_type in _node_types():
        for name, field in node_type.fields.items():
            selection = _alone(name, field)
            if selection is None:
                continue
            query = "{ " + _list_field(label) + "(first: 100) { nodes { " + selection + " } } }"
            answer, trips = await compiled_answer(seeded, query)
            assert trips == 1
            shown += sum(1 for node in answer[_list_field(label)]["nodes"] if node[name])
    assert shown > 500
    under = """{ events(first: 100) {
      nodes {
        programme { budget { amount currency text } }
        place { kind }
        participants(first: 3) { nodes { ... on Expert { honorific } ... on Agency { acronym } } }
        organisers { edges { node { ... on Node { name { text lang } } } } }
        describedBy { nodes { title { text } } }
      }
    } }"""
    answer, trips = await compiled_answer(seeded, under)
    assert trips == 1
    events = answer["events"]["nodes"]
    assert any(event["programme"] and event["programme"]["budget"] for event in events)
    assert any(node.get("honorific") for event in events for node in event["participants"]["nodes"])


async def test_edges_read_only_the_relationship_properties_they_show(seeded: SeededGraph) -> None:
    """Edges project the relationship properties they show (`Fetch.edge_reads`).

    On every connection of every type, on every seeded node, the edge fields selected all
    together and the first one alone answer what the loaders answer (a property
    left out would come back null), and the statement projects just those properties of
    the relationship.
    """
    shown = 0
    for label, node_type in _node_types():
        for name, field in node_type.fields.items():
            connection = get_named_type(field.type)
            if name in SKIPPED or not connection.name.endswith("Connection"):
                continue
            edge = get_named_type(connection.fields["edges"].type)
            properties = [key for key in edge.fields if key not in ("node", "cursor")]
            for selected in (properties, properties[:1]):
                if not selected:
                    continue
                query = (
                    "{ "
                    + _list_field(label)
                    + "(first: 100) { nodes { "
                    + name
                    + "(first: 10) { edges { "
                    + " ".join(selected)
                    + " } } } } }"
                )
                answer, statement = await sent_statement(seeded, query)
                projected = "".join(line for line in statement.splitlines() if "collect([" in line)
                assert set(re.findall(r"\br\.(\w+)", projected)) == set(selected), query
                shown += sum(
                    1
                    for node in answer[_list_field(label)]["nodes"]
                    for edge_value in node[name]["edges"]
                    for key in selected
                    if edge_value[key] is not None
                )
    assert shown > 100


async def test_requests_of_one_selection_send_one_text_whatever_their_values(
    seeded: SeededGraph,
) -> None:
    """A statement is written once per selection shape
    (`graph.repositories.plan_statements.remembered_statement`): page sizes, the list's cursor and
    roles are parameters, so requests that differ in them alone send the same text and still get
    their own answers; another shape gets another text."""
    query = """query ($first: Int, $after: String, $role: ParticipationRole) {
      events(first: $first, after: $after) {
        edges { cursor node { slug
          participants(first: $first, role: $role) { totalCount nodes { ... on Expert { slug } } }
        } }
      }
    }"""
    first, first_text = await sent_statement(seeded, query, {"first": 2})
    cursor = first["events"]["edges"][-1]["cursor"]
    values = {"first": 3, "after": cursor, "role": "TRAINER"}
    then, then_text = await sent_statement(seeded, query, values)
    assert then_text == first_text
    assert then != first
    assert len(then["events"]["edges"]) == 3
    slugs = [edge["node"]["slug"] for edge in first["events"]["edges"] + then["events"]["edges"]]
    assert len(set(slugs)) == 5
    other = query.replace("totalCount nodes", "totalCount pageInfo { hasNextPage } nodes")
    _, other_text = await sent_statement(seeded, other, {"first": 2})
    assert other_text != first_text


def _node_types() -> Iterator[tuple[Label, GraphQLObjectType]]:
    """Every label with its GraphQL type."""
    schema = schema_for(LIMITS)._schema
    for label in Label:
        node_type = schema.get_type(label.value)
        assert isinstance(node_type, GraphQLObjectType)
        yield label, node_type


def _alone(name: str, field: Any) -> str | None:
    """The selection of one non-relationship field, or None for fields to leave out."""
    if name in SKIPPED or any(isinstance(arg.type, GraphQLNonNull) for arg in field.args.values()):
        return None
    named = get_named_type(field.type)
    if is_leaf_type(named):
        return name
    if named.name == "LocalizedText":
        return name + " { text lang fallback }"
    if isinstance(named, GraphQLObjectType) and all(
        is_leaf_type(get_named_type(inner.type)) for inner in named.fields.values()
    ):
        return name + " { " + " ".join(named.fields) + " }"
    return None


async def test_skip_and_include_follow_the_request_variables(seeded: SeededGraph) -> None:
    query = """query ($x: Boolean!) { experts(first: 3) { nodes {
      slug @include(if: $x)
      agencies @skip(if: $x) { totalCount }
      events(first: 1) @include(if: $x) { nodes { slug } }
    } } }"""
    shown, trips = await compiled_answer(seeded, query, {"x": True})
    assert trips == 1
    assert set(shown["experts"]["nodes"][0]) == {"slug", "events"}
    hidden, _ = await compiled_answer(seeded, query, {"x": False})
    assert set(hidden["experts"]["nodes"][0]) == {"agencies"}


async def test_personal_data_is_read_with_the_page_and_shown_only_to_whom_may_see_it(
    seeded: SeededGraph,
) -> None:
    query = """{ experts(first: 100) { nodes { slug email agencies { nodes { slug } } } } }"""
    anonymous = await execute(seeded.cypher(), query)
    assert set(codes_of(anonymous)) == {"FORBIDDEN"}
    assert anonymous.data is not None
    assert all(node["email"] is None for node in anonymous.data["experts"]["nodes"])
    editor = Principal(role=Role.EDITOR, subject="jwt:editor", via="jwt")
    cypher = seeded.cypher()
    context = Context(cypher=cypher, limits=LIMITS, viewer=editor)
    result = await schema_for(LIMITS).execute(query, context_value=context)
    assert result.errors is None
    assert result.data is not None
    assert any(node["email"] for node in result.data["experts"]["nodes"])
    assert cypher.round_trips == 1


async def test_bad_input_is_reported_at_the_field_that_has_it(seeded: SeededGraph) -> None:
    """A bad global ID fails its root field; a nested page too large is left out of the
    statement, so its own resolver reports it at its own path."""
    query = "query ($id: ID!) { node(id: $id) { id } }"
    for bad in ("not-an-id", 12):
        result = await execute(seeded.cypher(), query, {"id": bad})
        assert codes_of(result) == ["BAD_USER_INPUT"]
    nested = """{ topics(first: 2) { nodes { slug
      experts(first: 100000) { totalCount } events(first: 1) { totalCount } } } }"""
    result = await execute(seeded.cypher(), nested)
    assert set(codes_of(result)) == {"BAD_USER_INPUT"}
    assert result.errors is not None
    assert [error.path for error in result.errors] == [["topics", "nodes", 0, "experts"]]


def _list_field(label: Label) -> str:
    return next(name for name, (listed, _) in ROOT_LISTS.items() if listed is label)


SKIPPED = frozenset({"email", "phone", "collaborators"})
"""Personal data (permission-checked) and the collaborators ranking (a network query)."""


def _everything(kind: GraphQLObjectType, depth: int) -> str:
    parts: list[str] = []
    for name, field in kind.fields.items():
        if name in SKIPPED or any(
            isinstance(arg.type, GraphQLNonNull) for arg in field.args.values()
        ):
            continue
        named = get_named_type(field.type)
        if is_leaf_type(named):
            parts.append(name)
        elif named.name == "LocalizedText":
            parts.append(name + " { text lang fallback }")
        elif named.name.endswith("Connection"):
            if depth > 1:
                parts.append(name + _connection(named))
        elif depth > 1 and isinstance(named, GraphQLObjectType) and "Node" in _interfaces(named):
            parts.append(name + " { __typename id slug name { text } }")
        elif isinstance(named, GraphQLObjectType) and all(
            is_leaf_type(get_named_type(inner.type)) for inner in named.fields.values()
        ):
            parts.append(name + " { " + " ".join(named.fields) + " }")
    return " ".join(parts)


def _interfaces(kind: GraphQLObjectType) -> set[str]:
    return {interface.name for interface in kind.interfaces}


def _connection(connection: Any) -> str:
    edge = get_named_type(connection.fields["edges"].type)
    edge_fields = [
        name
        for name, field in edge.fields.items()
        if name not in ("node", "cursor") and is_leaf_type(get_named_type(field.type))
    ]
    return (
        " { totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor "
        + " ".join(edge_fields)
        + " node { __typename ... on Node { id slug name { text lang } writtenAt } } } }"
    )
