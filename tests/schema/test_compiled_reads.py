"""`node` and the root lists load their whole selection in one statement, and answer exactly
what the relation resolvers answer through their DataLoaders.

Every test runs a query on the one read path, then again with the root resolvers' trees
emptied (`loaders_only`: nothing is attached, so every relationship field falls back to its
DataLoader, as it does below search hits and network answers), and compares the two answers
byte for byte.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import orjson
import pytest
from graphql import (
    GraphQLNonNull,
    GraphQLObjectType,
    get_named_type,
    is_leaf_type,
)

import schema.lists
import schema.node_lookup
from graph.database.cypher import Cypher
from graph.model import Label
from graph.repositories.records import NO_POSITION
from graph.writes.principal import Principal, Role
from schema.context import Context, Info, Limits
from schema.cursors import CursorAt
from schema.fetch_tree import ListFetches, NodeFetches, list_fetches, node_fetches
from schema.lists import ROOT_LISTS
from tests.seeded import RecordingCypher, SeededGraph, codes_of, execute, gid, schema_for

LIMITS = Limits()

EXPERT_DETAIL = """
query ($id: ID!) {
  node(id: $id) {
    __typename
    id
    ...person
    ... on Agency { acronym }
  }
}
fragment person on Expert {
  slug
  name { text lang fallback }
  honorific aliases roles languages langs source note
  employers: agencies(first: 5) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor role since until rank note source node { slug name { text } acronym } }
  }
  events(first: 2) {
    totalCount
    edges { role count node { slug title { text lang } start place { slug } } }
  }
  topics { nodes { slug name(lang: "ru") { text lang fallback } } }
  mentionedIn { totalCount nodes { slug title { text } published } }
}
"""

ROLL_OUT = """
query ($id: ID!) {
  node(id: $id) {
    ... on Event {
      slug kind start end startYear durationDays participantCount countryCount status
      title { text lang fallback }
      summary { text lang }
      place { slug kind name { text } }
      country { slug iso2 }
      programme { slug phase }
      trainers: participants(role: TRAINER) {
        totalCount
        edges { role node { __typename ... on Expert { slug } ... on Agency { acronym } } }
      }
      participants { totalCount }
      cascadesFrom { slug participants(first: 3) { totalCount nodes { ... on Expert { slug } } } }
      cascades { totalCount nodes { slug } }
      topics { edges { cursor node { slug } } }
      describedBy { nodes { slug url } }
    }
  }
}
"""


def _without_fetches(info: Info, label: Label) -> ListFetches:
    selected = list_fetches(info, label)
    return replace(selected, under=NodeFetches(written_at=selected.under.written_at))


def _node_without_fetches(info: Info, node_type: GraphQLObjectType) -> NodeFetches:
    return NodeFetches(written_at=node_fetches(info, node_type).written_at)


async def by_loaders(
    cypher: Cypher, query: str, variables: dict[str, Any] | None, languages: tuple[str, ...]
) -> Any:
    """The answer with nothing loaded ahead: every relationship through its DataLoader, and
    every property of the root's nodes read."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(schema.node_lookup, "node_fetches", _node_without_fetches)
        patch.setattr(schema.lists, "list_fetches", _without_fetches)
        result = await execute(cypher, query, variables, languages=languages)
    assert result.errors is None, [error.formatted for error in result.errors]
    return result.data


async def compiled_answer(
    seeded: SeededGraph,
    query: str,
    variables: dict[str, Any] | None = None,
    languages: tuple[str, ...] = (),
) -> tuple[Any, int]:
    """(answer, round trips) of the one read path, checked equal to the loaders' answer."""
    cypher = seeded.cypher()
    result = await execute(cypher, query, variables, languages=languages)
    assert result.errors is None, [error.formatted for error in result.errors]
    reference = await by_loaders(seeded.cypher(), query, variables, languages)
    assert orjson.dumps(result.data) == orjson.dumps(reference)
    return result.data, cypher.round_trips


async def test_an_expert_page_with_fragments_and_aliases_is_one_statement(
    seeded: SeededGraph,
) -> None:
    answer, trips = await compiled_answer(
        seeded, EXPERT_DETAIL, {"id": gid(Label.EXPERT, "vusal-huseynov")}
    )
    assert trips == 1
    assert answer["node"]["employers"]["edges"][0]["node"]["slug"] == "state-migration-service-az"


async def test_an_event_with_to_one_fields_roles_and_nested_pages_is_one_statement(
    seeded: SeededGraph,
) -> None:
    answer, trips = await compiled_answer(
        seeded, ROLL_OUT, {"id": gid(Label.EVENT, "rtcm-roll-out-session")}
    )
    assert trips == 1
    event = answer["node"]
    assert {edge["role"] for edge in event["trainers"]["edges"]} == {"trainer"}
    assert event["cascadesFrom"]["slug"] == "rtcm-tot-baku"


async def test_a_missing_node_is_null_and_an_unknown_label_answers_the_same(
    seeded: SeededGraph,
) -> None:
    answer, _ = await compiled_answer(
        seeded, EXPERT_DETAIL, {"id": gid(Label.EXPERT, "nobody-at-all")}
    )
    assert answer == {"node": None}
    answer, _ = await compiled_answer(
        seeded, EXPERT_DETAIL, {"id": gid(Label.AGENCY, "iom-azerbaijan")}
    )
    assert set(answer["node"]) == {"__typename", "id", "acronym"}


LIST = """
query ($after: String, $lang: String) {
  events(first: 3, after: $after, where: { startYear: { gte: 2000 } },
         orderBy: { field: START, direction: DESC }) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges {
      cursor
      node {
        slug start title(lang: $lang) { text lang fallback }
        place { slug name { text } }
        programme { slug name { text } }
        participants { totalCount }
        organisers(first: 1) { nodes { __typename ... on Agency { slug } } }
      }
    }
  }
}
"""


async def test_list_pages_forward_with_cursors_equal_the_loaders_pages(
    seeded: SeededGraph,
) -> None:
    after: str | None = None
    seen: list[str] = []
    for _ in range(10):
        answer, trips = await compiled_answer(seeded, LIST, {"after": after, "lang": "ru"})
        assert trips == 1
        page = answer["events"]
        seen.extend(edge["node"]["slug"] for edge in page["edges"])
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert len(seen) == len(set(seen)) == answer["events"]["totalCount"]


async def test_backward_pages_of_lists_and_relations_equal_the_loaders_pages(
    seeded: SeededGraph,
) -> None:
    query = """{
      experts(last: 3, orderBy: { field: NAME, direction: ASC }) {
        pageInfo { hasNextPage hasPreviousPage startCursor }
        nodes { slug events(last: 1) { pageInfo { hasPreviousPage } nodes { slug } } }
      }
    }"""
    answer, trips = await compiled_answer(seeded, query)
    assert trips == 1
    assert answer["experts"]["pageInfo"]["hasPreviousPage"] is True


async def test_accept_language_and_written_at_are_answered_the_same(seeded: SeededGraph) -> None:
    query = """{
      programmes(first: 5) {
        nodes {
          name { text lang fallback } writtenAt
          funders { edges { amount currency period text node { slug writtenAt } } }
          implementers { edges { lead role node { slug } } }
          countries { totalCount }
        }
      }
    }"""
    answer, _ = await compiled_answer(seeded, query, languages=("az", "ru"))
    assert all(node["writtenAt"] for node in answer["programmes"]["nodes"])


async def test_arguments_written_out_are_converted_once_and_variables_every_time(
    seeded: SeededGraph,
) -> None:
    """Literal arguments are converted once per document; variables must not be cached."""
    query = """query ($lang: String) {
      events(first: 4, orderBy: { field: START, direction: DESC }) {
        nodes { ru: title(lang: "ru") { text lang } asked: title(lang: $lang) { text lang } }
      }
    }"""
    answers = []
    for lang in ("az", "en", "tg", "az"):
        answer, _ = await compiled_answer(seeded, query, {"lang": lang})
        answers.append(answer)
    asked = [[node["asked"] for node in answer["events"]["nodes"]] for answer in answers]
    assert asked[0] == asked[3]
    assert asked[0] != asked[1]
    assert all(
        answer["events"]["nodes"][0]["ru"] == answers[0]["events"]["nodes"][0]["ru"]
        for answer in answers
    )


async def test_root_resolvers_beside_compiled_roots_answer_the_same(seeded: SeededGraph) -> None:
    expert = gid(Label.EXPERT, "vusal-huseynov")
    query = """query ($id: ID!, $other: ID!) {
      __typename
      apiVersion
      search(query: "migration", first: 5) { totalCount edges { score node { slug } } }
      path(from: $id, to: $other, maxHops: 6) { length nodes { id label name { text } } }
      neighbourhood(id: $id, depth: 2, limit: 30) {
        truncated nodes { id label } edges { source target type role writtenAt }
      }
      collaborators(expertId: $id, first: 5) { weight node { slug } }
      nodes(ids: [$id, $other]) { id }
    }"""
    variables = {"id": expert, "other": gid(Label.EXPERT, "vladimir-gjorgjiev")}
    answer, _ = await compiled_answer(seeded, query, variables)
    assert answer["path"]["length"] >= 1
    assert [node["id"] for node in answer["nodes"]] == list(variables.values())


async def test_root_fields_share_one_statement_once_their_reads_are_known(
    seeded: SeededGraph,
) -> None:
    """A page's root fields go to Neo4j as one statement (graph/batching/read_batch.py)."""
    query = """query ($id: ID!) {
      node(id: $id) {
        ... on Expert { name { text } agencies(first: 5) { edges { role node { slug } } } }
      }
      collaborators(expertId: $id, first: 5) { weight node { slug name { text } } }
      search(query: "migration", first: 3) { totalCount edges { node { slug } } }
    }"""
    variables = {"id": gid(Label.EXPERT, "vusal-huseynov")}
    first, _ = await compiled_answer(seeded, query, variables)
    second, trips = await compiled_answer(seeded, query, variables)
    assert trips == 1
    assert second == first
    assert second["collaborators"]
    assert second["node"]["agencies"]["edges"]
    assert second["search"]["totalCount"] > 0


async def test_filters_and_orders_by_relationship_counts_answer_the_same(
    seeded: SeededGraph,
) -> None:
    query = """query ($where: EventWhere!) {
      events(first: 10, where: $where, orderBy: { field: PARTICIPANTS_COUNT, direction: DESC }) {
        totalCount
        edges { cursor node { slug participants { totalCount } } }
      }
    }"""
    wheres: list[dict[str, Any]] = [
        {"OR": [{"name": {"contains": "roll"}}, {"participant": {"name": {"contains": "vusal"}}}]},
        {"NOT": {"kind": {"eq": "meeting"}}, "startYear": {"gte": 2020}},
        {"programme": {"id": {"eq": gid(Label.PROGRAMME, "bomca")}}},
        {"name": {"startsWith": "rtcm"}, "topic": {"name": {"contains": "border"}}},
    ]
    totals = []
    for where in wheres:
        answer, trips = await compiled_answer(seeded, query, {"where": where})
        assert trips == 1
        totals.append(answer["events"]["totalCount"])
    assert any(totals)


async def test_relationships_below_search_hits_fall_back_to_their_loaders(
    seeded: SeededGraph,
) -> None:
    """Search loads no relationship pages: the hits' relationship fields use DataLoaders,
    one statement per relationship field and nesting level."""
    query = """{ search(query: "migration", first: 5) {
      edges { node { ... on Agency { experts { totalCount } } ... on Event { place { slug } } } }
    } }"""
    answer, trips = await compiled_answer(seeded, query)
    assert answer["search"]["edges"]
    assert trips >= 2


async def test_a_selection_beyond_the_statements_slots_leaves_the_rest_to_loaders(
    seeded: SeededGraph,
) -> None:
    """A statement holds at most `graph.repositories.plans.SLOTS` pages; fields beyond are loaded
    after."""
    aliases = " ".join(f"e{i}: events(first: {i + 1}) {{ totalCount }}" for i in range(30))
    query = "{ experts(first: 5) { nodes { slug " + aliases + " } } }"
    answer, trips = await compiled_answer(seeded, query)
    assert trips == 2  # the six counts left over share one count loader
    assert answer["experts"]["nodes"][0]["e29"]["totalCount"] >= 0


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
                answer, statement = await _statement(seeded, query)
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


async def _statement(
    seeded: SeededGraph,
    query: str,
    variables: dict[str, Any] | None = None,
) -> tuple[Any, str]:
    """The answer (checked equal to the loaders' one) and the one statement sent."""
    await compiled_answer(seeded, query, variables)
    runner = RecordingCypher(seeded.driver)
    result = await execute(runner, query, variables)
    assert result.errors is None
    (statement,) = runner.sent
    return result.data, statement


async def test_requests_of_one_selection_send_one_text_whatever_their_values(
    seeded: SeededGraph,
) -> None:
    """A statement is written once per selection shape (`graph.repositories.plans._remembered`):
    page sizes, the list's cursor and roles are parameters, so requests that differ in them
    alone send the same text and still get their own answers; another shape gets another
    text."""
    query = """query ($first: Int, $after: String, $role: ParticipationRole) {
      events(first: $first, after: $after) {
        edges { cursor node { slug
          participants(first: $first, role: $role) { totalCount nodes { ... on Expert { slug } } }
        } }
      }
    }"""
    first, first_text = await _statement(seeded, query, {"first": 2})
    cursor = first["events"]["edges"][-1]["cursor"]
    values = {"first": 3, "after": cursor, "role": "TRAINER"}
    then, then_text = await _statement(seeded, query, values)
    assert then_text == first_text
    assert then != first
    assert len(then["events"]["edges"]) == 3
    slugs = [edge["node"]["slug"] for edge in first["events"]["edges"] + then["events"]["edges"]]
    assert len(set(slugs)) == 5
    other = query.replace("totalCount nodes", "totalCount pageInfo { hasNextPage } nodes")
    _, other_text = await _statement(seeded, other, {"first": 2})
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


async def test_rows_read_positions_and_labels_only_when_the_page_needs_them(
    seeded: SeededGraph,
) -> None:
    """Sort keys and ties travel only for cursors; labels only when the pattern has none."""
    plain = """{ events(first: 5, orderBy: { field: START, direction: DESC }) {
      edges { node { slug place { slug } programme { slug } participants { totalCount } } }
    } }"""
    paged = """{ events(first: 5, orderBy: { field: START, direction: DESC }) {
      edges { cursor node { slug place { slug }
        participants(first: 2) { pageInfo { endCursor } nodes { ... on Expert { slug } } } } }
    } }"""
    sent = {}
    for name, query in (("plain", plain), ("paged", paged)):
        _, sent[name] = await _statement(seeded, query)
    assert _rows_with_positions(sent["plain"]) == 0
    assert "labels(" not in sent["plain"]
    assert _rows_with_positions(sent["paged"]) == 2
    assert sent["paged"].count("labels(m)") == 1


async def test_pages_nobody_positions_tie_on_the_node_and_read_no_window(
    seeded: SeededGraph,
) -> None:
    """A page that shows no cursor, reads no edge and is given none (a list page's place
    and programme) orders its rows with the node id as tie and reads no window; a page
    given a cursor it does not show still reads its window with the full tie, and pages
    forward from where the cursor points."""
    plain = """{ events(first: 5, orderBy: { field: START, direction: DESC }) {
      nodes { slug place { slug } programme { slug } participants { totalCount } } } }"""
    _, statement = await _statement(seeded, plain)
    assert statement.count("m.id AS t") == 2
    assert "_afterTie" not in statement
    assert "coalesce(elementId(r)" not in statement

    first = """query ($id: ID!) { node(id: $id) { ... on Event {
      participants(first: 2) { pageInfo { endCursor } nodes { ... on Node { slug } } } } } }"""
    after = """query ($id: ID!, $after: String) { node(id: $id) { ... on Event {
      participants(first: 2, after: $after) { nodes { ... on Node { slug } } } } } }"""
    event = await _busiest_event(seeded)
    opening, _ = await _statement(seeded, first, {"id": event})
    cursor = opening["node"]["participants"]["pageInfo"]["endCursor"]
    answer, statement = await _statement(seeded, after, {"id": event, "after": cursor})
    assert "$s0_afterTie" in statement
    assert "m.id + '|' + coalesce(elementId(r), '') AS t" in statement
    shown = [node["slug"] for node in opening["node"]["participants"]["nodes"]]
    following = [node["slug"] for node in answer["node"]["participants"]["nodes"]]
    assert len(following) == 2
    assert not set(shown) & set(following)


async def _busiest_event(seeded: SeededGraph) -> str:
    """The ID of the seeded event with the most participants (more than four)."""
    answer = await execute(
        seeded.cypher(), "{ events(first: 100) { nodes { id participants { totalCount } } } }"
    )
    assert answer.errors is None
    assert answer.data is not None
    busiest = max(
        answer.data["events"]["nodes"], key=lambda node: node["participants"]["totalCount"]
    )
    assert busiest["participants"]["totalCount"] > 4
    return str(busiest["id"])


def _rows_with_positions(statement: str) -> int:
    """How many of a statement's row lists carry their sort key and tie."""
    return sum(", k, t" in line for line in statement.splitlines() if "collect([" in line)


def test_a_row_read_without_its_position_has_no_cursor() -> None:
    with pytest.raises(RuntimeError, match="without its position"):
        CursorAt("events:start", NO_POSITION).encode()
