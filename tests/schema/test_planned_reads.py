"""The planned read path answers exactly what the standard executor answers, in fewer trips.

Every test runs a query through Strawberry first (which is how the planned path learns a
document), then through `PlannedReads`, and compares the two answers byte for byte.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import orjson
import pytest
from graphql import (
    GraphQLNonNull,
    GraphQLObjectType,
    get_named_type,
    is_leaf_type,
)

from graph.model import Label
from graph.records import NO_POSITION
from schema.context import Context, Limits
from schema.cursors import CursorAt
from schema.lists import ROOT_LISTS
from schema.planned import PlannedReads
from tests.seeded import RecordingCypher, SeededGraph, execute, gid, schema_for

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


@pytest.fixture(scope="module")
def planner() -> PlannedReads:
    return PlannedReads(schema_for(LIMITS))


async def planned_answer(
    seeded: SeededGraph,
    planner: PlannedReads,
    query: str,
    variables: dict[str, Any] | None = None,
    languages: tuple[str, ...] = (),
) -> tuple[Any, int]:
    """(answer, round trips) of the planned path, checked equal to the standard answer."""
    standard = await execute(seeded.cypher(), query, variables, languages=languages)
    assert standard.errors is None, [error.formatted for error in standard.errors]
    planner.learn(query, None)
    cypher = seeded.cypher()
    context = Context(cypher=cypher, limits=LIMITS, languages=languages)
    planned = await planner.answer(query, variables, None, context)
    assert planned is not None, "the planned path stepped back"
    assert orjson.dumps(planned) == orjson.dumps(standard.data)
    return planned, cypher.round_trips


async def test_an_expert_page_with_fragments_and_aliases_is_one_statement(
    seeded: SeededGraph, planner: PlannedReads
) -> None:
    answer, trips = await planned_answer(
        seeded, planner, EXPERT_DETAIL, {"id": gid(Label.EXPERT, "vusal-huseynov")}
    )
    assert trips == 1
    assert answer["node"]["employers"]["edges"][0]["node"]["slug"] == "state-migration-service-az"


async def test_an_event_with_to_one_fields_roles_and_nested_pages_is_one_statement(
    seeded: SeededGraph, planner: PlannedReads
) -> None:
    answer, trips = await planned_answer(
        seeded, planner, ROLL_OUT, {"id": gid(Label.EVENT, "rtcm-roll-out-session")}
    )
    assert trips == 1
    event = answer["node"]
    assert {edge["role"] for edge in event["trainers"]["edges"]} == {"trainer"}
    assert event["cascadesFrom"]["slug"] == "rtcm-tot-baku"


async def test_a_missing_node_is_null_and_an_unknown_label_answers_the_same(
    seeded: SeededGraph, planner: PlannedReads
) -> None:
    answer, _ = await planned_answer(
        seeded, planner, EXPERT_DETAIL, {"id": gid(Label.EXPERT, "nobody-at-all")}
    )
    assert answer == {"node": None}
    answer, _ = await planned_answer(
        seeded, planner, EXPERT_DETAIL, {"id": gid(Label.AGENCY, "iom-azerbaijan")}
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


async def test_list_pages_forward_with_cursors_equal_the_standard_pages(
    seeded: SeededGraph, planner: PlannedReads
) -> None:
    after: str | None = None
    seen: list[str] = []
    for _ in range(10):
        answer, trips = await planned_answer(seeded, planner, LIST, {"after": after, "lang": "ru"})
        assert trips == 1
        page = answer["events"]
        seen.extend(edge["node"]["slug"] for edge in page["edges"])
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert len(seen) == len(set(seen)) == answer["events"]["totalCount"]


async def test_backward_pages_of_lists_and_relations_equal_the_standard_pages(
    seeded: SeededGraph, planner: PlannedReads
) -> None:
    query = """{
      experts(last: 3, orderBy: { field: NAME, direction: ASC }) {
        pageInfo { hasNextPage hasPreviousPage startCursor }
        nodes { slug events(last: 1) { pageInfo { hasPreviousPage } nodes { slug } } }
      }
    }"""
    answer, trips = await planned_answer(seeded, planner, query)
    assert trips == 1
    assert answer["experts"]["pageInfo"]["hasPreviousPage"] is True


async def test_accept_language_and_written_at_are_answered_the_same(
    seeded: SeededGraph, planner: PlannedReads
) -> None:
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
    answer, _ = await planned_answer(seeded, planner, query, languages=("az", "ru"))
    assert all(node["writtenAt"] for node in answer["programmes"]["nodes"])


async def test_arguments_written_out_are_converted_once_and_variables_every_time(
    seeded: SeededGraph, planner: PlannedReads
) -> None:
    """Literal arguments are converted once per document; variables must not be cached."""
    query = """query ($lang: String) {
      events(first: 4, orderBy: { field: START, direction: DESC }) {
        nodes { ru: title(lang: "ru") { text lang } asked: title(lang: $lang) { text lang } }
      }
    }"""
    answers = []
    for lang in ("az", "en", "tg", "az"):
        answer, _ = await planned_answer(seeded, planner, query, {"lang": lang})
        answers.append(answer)
    asked = [[node["asked"] for node in answer["events"]["nodes"]] for answer in answers]
    assert asked[0] == asked[3]
    assert asked[0] != asked[1]
    assert all(
        answer["events"]["nodes"][0]["ru"] == answers[0]["events"]["nodes"][0]["ru"]
        for answer in answers
    )


async def test_root_resolvers_answer_the_same_through_the_planned_path(
    seeded: SeededGraph, planner: PlannedReads
) -> None:
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
    answer, trips = await planned_answer(seeded, planner, query, variables)
    assert answer["path"]["length"] >= 1
    assert trips <= 5


async def test_root_fields_share_one_statement_once_their_reads_are_known(
    seeded: SeededGraph, planner: PlannedReads
) -> None:
    """A page's root fields go to Neo4j as one statement (graph/read_batch.py)."""
    query = """query ($id: ID!) {
      node(id: $id) {
        ... on Expert { name { text } agencies(first: 5) { edges { role node { slug } } } }
      }
      collaborators(expertId: $id, first: 5) { weight node { slug name { text } } }
      search(query: "migration", first: 3) { totalCount edges { node { slug } } }
    }"""
    variables = {"id": gid(Label.EXPERT, "vusal-huseynov")}
    first, _ = await planned_answer(seeded, planner, query, variables)
    second, trips = await planned_answer(seeded, planner, query, variables)
    assert trips == 1
    assert second == first
    assert second["collaborators"]
    assert second["node"]["agencies"]["edges"]
    assert second["search"]["totalCount"] > 0


async def test_filters_and_orders_by_relationship_counts_answer_the_same(
    seeded: SeededGraph, planner: PlannedReads
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
        answer, trips = await planned_answer(seeded, planner, query, {"where": where})
        assert trips == 1
        totals.append(answer["events"]["totalCount"])
    assert any(totals)


async def test_relationships_under_a_resolver_root_step_back_once_and_for_all(
    seeded: SeededGraph, planner: PlannedReads
) -> None:
    query = """{ search(query: "migration", first: 5) {
      edges { node { ... on Agency { experts { totalCount } } } }
    } }"""
    standard = await execute(seeded.cypher(), query)
    assert standard.errors is None
    planner.learn(query, None)
    context = Context(cypher=seeded.cypher(), limits=LIMITS)
    assert await planner.answer(query, None, None, context) is None
    assert await planner.answer(query, None, None, context) is None


async def test_every_field_of_every_seeded_node_is_answered_the_same(
    seeded: SeededGraph, planner: PlannedReads
) -> None:
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
        answer, trips = await planned_answer(seeded, planner, query, {"after": None})
        assert trips == 1
        assert answer[label.value.lower()]["edges"], label


async def test_each_field_shown_alone_reads_the_properties_it_needs(
    seeded: SeededGraph, planner: PlannedReads
) -> None:
    """Planned projections carry only what the selection shows (`FetchBuilder._reads`).

    Each scalar, text and value field of each type, selected alone on every seeded node,
    at the root and under a relationship, must still answer what the standard executor
    answers: a property left out of the projection would come back null.
    """
    shown = 0
    for label, node_type in _node_types():
        for name, field in node_type.fields.items():
            selection = _alone(name, field)
            if selection is None:
                continue
            query = "{ " + _list_field(label) + "(first: 100) { nodes { " + selection + " } } }"
            answer, trips = await planned_answer(seeded, planner, query)
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
    answer, trips = await planned_answer(seeded, planner, under)
    assert trips == 1
    events = answer["events"]["nodes"]
    assert any(event["programme"] and event["programme"]["budget"] for event in events)
    assert any(node.get("honorific") for event in events for node in event["participants"]["nodes"])


async def test_edges_read_only_the_relationship_properties_they_show(
    seeded: SeededGraph, planner: PlannedReads
) -> None:
    """Edges project the relationship properties they show (`Fetch.edge_reads`).

    On every connection of every type, on every seeded node, the edge fields selected all
    together and the first one alone answer what the standard executor answers (a property
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
                answer, statement = await _planned_statement(seeded, planner, query)
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


async def _planned_statement(
    seeded: SeededGraph,
    planner: PlannedReads,
    query: str,
    variables: dict[str, Any] | None = None,
) -> tuple[Any, str]:
    """The planned answer (checked equal to the standard one) and the one statement sent."""
    await planned_answer(seeded, planner, query, variables)
    runner = RecordingCypher(seeded.driver)
    context = Context(cypher=runner, limits=LIMITS)
    answer = await planner.answer(query, variables, None, context)
    assert answer is not None
    (statement,) = runner.sent
    return answer, statement


async def test_requests_of_one_selection_send_one_text_whatever_their_values(
    seeded: SeededGraph, planner: PlannedReads
) -> None:
    """A planned statement is written once per selection shape (`graph.plans._remembered`):
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
    first, first_text = await _planned_statement(seeded, planner, query, {"first": 2})
    cursor = first["events"]["edges"][-1]["cursor"]
    values = {"first": 3, "after": cursor, "role": "TRAINER"}
    then, then_text = await _planned_statement(seeded, planner, query, values)
    assert then_text == first_text
    assert then != first
    assert len(then["events"]["edges"]) == 3
    slugs = [edge["node"]["slug"] for edge in first["events"]["edges"] + then["events"]["edges"]]
    assert len(set(slugs)) == 5
    other = query.replace("totalCount nodes", "totalCount pageInfo { hasNextPage } nodes")
    _, other_text = await _planned_statement(seeded, planner, other, {"first": 2})
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


async def test_directives_and_personal_data_are_left_to_the_standard_executor(
    seeded: SeededGraph, planner: PlannedReads
) -> None:
    for query in (
        "query ($x: Boolean!) { experts { nodes { slug @include(if: $x) } } }",
        "{ experts(first: 2) { nodes { slug email } } }",
        """{ events(first: 2) { nodes { participants { nodes {
              ... on Expert { agencies { totalCount } } } } } } }""",
    ):
        await execute(seeded.cypher(), query, {"x": True})
        planner.learn(query, None)
        context = Context(cypher=seeded.cypher(), limits=LIMITS)
        assert await planner.answer(query, {"x": True}, None, context) is None


async def test_bad_input_steps_back_so_the_standard_executor_reports_it(
    seeded: SeededGraph, planner: PlannedReads
) -> None:
    query = "query ($id: ID!) { node(id: $id) { id } }"
    planner.learn(query, None)
    context = Context(cypher=seeded.cypher(), limits=LIMITS)
    assert await planner.answer(query, {"id": "not-an-id"}, None, context) is None
    assert await planner.answer(query, {"id": 12}, None, context) is None
    page = "{ experts(first: 100000) { totalCount } }"
    planner.learn(page, None)
    assert await planner.answer(page, None, None, context) is None
    answer = await planner.answer(
        query, {"id": gid(Label.TOPIC, "border-management")}, None, context
    )
    assert answer is not None


async def test_mutations_and_unknown_documents_are_never_planned(
    seeded: SeededGraph, planner: PlannedReads
) -> None:
    context = Context(cypher=seeded.cypher(), limits=LIMITS)
    assert await planner.answer("{ experts { totalCount } } # new", None, None, context) is None
    mutation = 'mutation { deleteTopic(input: {id: "x"}) { deletedId } }'
    planner.learn(mutation, None)
    assert await planner.answer(mutation, None, None, context) is None


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
    seeded: SeededGraph, planner: PlannedReads
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
        _, sent[name] = await _planned_statement(seeded, planner, query)
    assert _rows_with_positions(sent["plain"]) == 0
    assert "labels(" not in sent["plain"]
    assert _rows_with_positions(sent["paged"]) == 2
    assert sent["paged"].count("labels(m)") == 1


async def test_pages_nobody_positions_tie_on_the_node_and_read_no_window(
    seeded: SeededGraph, planner: PlannedReads
) -> None:
    """A page that shows no cursor, reads no edge and is given none (a list page's place
    and programme) orders its rows with the node id as tie and reads no window; a page
    given a cursor it does not show still reads its window with the full tie, and pages
    forward from where the cursor points."""
    plain = """{ events(first: 5, orderBy: { field: START, direction: DESC }) {
      nodes { slug place { slug } programme { slug } participants { totalCount } } } }"""
    _, statement = await _planned_statement(seeded, planner, plain)
    assert statement.count("m.id AS t") == 2
    assert "_afterTie" not in statement
    assert "coalesce(elementId(r)" not in statement

    first = """query ($id: ID!) { node(id: $id) { ... on Event {
      participants(first: 2) { pageInfo { endCursor } nodes { ... on Node { slug } } } } } }"""
    after = """query ($id: ID!, $after: String) { node(id: $id) { ... on Event {
      participants(first: 2, after: $after) { nodes { ... on Node { slug } } } } } }"""
    event = await _busiest_event(seeded)
    opening, _ = await _planned_statement(seeded, planner, first, {"id": event})
    cursor = opening["node"]["participants"]["pageInfo"]["endCursor"]
    answer, statement = await _planned_statement(
        seeded, planner, after, {"id": event, "after": cursor}
    )
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
