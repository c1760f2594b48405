"""`node` and the root lists load their whole selection in one statement, and answer exactly
what the relation resolvers answer through their DataLoaders.

Every test runs a query on the one read path, then again with the root resolvers' trees
emptied (`loaders_only`: nothing is attached, so every relationship field falls back to its
DataLoader, as it does below search hits and network answers), and compares the two answers
byte for byte.
"""

from __future__ import annotations

from typing import Any

from graph.model import Label
from tests.schema.read_paths import EXPERT_DETAIL, LIST, ROLL_OUT, compiled_answer
from tests.seeded import SeededGraph, gid


async def in_one_statement(
    seeded: SeededGraph, query: str, variables: dict[str, Any] | None = None
) -> Any:
    """The answer of a read that must reach Neo4j as one statement (and equal the loaders')."""
    answer, trips = await compiled_answer(seeded, query, variables)
    assert trips == 1
    return answer


async def test_an_expert_page_with_fragments_and_aliases_is_one_statement(
    seeded: SeededGraph,
) -> None:
    vusal = gid(Label.EXPERT, "vusal-huseynov")
    expert = (await in_one_statement(seeded, EXPERT_DETAIL, {"id": vusal}))["node"]
    assert expert["employers"]["edges"][0]["node"]["slug"] == "state-migration-service-az"


async def test_an_event_with_to_one_fields_roles_and_nested_pages_is_one_statement(
    seeded: SeededGraph,
) -> None:
    roll_out = gid(Label.EVENT, "rtcm-roll-out-session")
    event = (await in_one_statement(seeded, ROLL_OUT, {"id": roll_out}))["node"]
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


async def test_list_pages_forward_with_cursors_equal_the_loaders_pages(
    seeded: SeededGraph,
) -> None:
    after: str | None = None
    seen: list[str] = []
    for _ in range(10):
        answer = await in_one_statement(seeded, LIST, {"after": after, "lang": "ru"})
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
    answer = await in_one_statement(seeded, query)
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
    """A page's root fields go to Neo4j as one statement (graph/database/read_batch.py)."""
    query = """query ($id: ID!) {
      node(id: $id) {
        ... on Expert { name { text } agencies(first: 5) { edges { role node { slug } } } }
      }
      collaborators(expertId: $id, first: 5) { weight node { slug name { text } } }
      search(query: "migration", first: 3) { totalCount edges { node { slug } } }
    }"""
    variables = {"id": gid(Label.EXPERT, "vusal-huseynov")}
    first, _ = await compiled_answer(seeded, query, variables)
    second = await in_one_statement(seeded, query, variables)
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
        answer = await in_one_statement(seeded, query, {"where": where})
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
    """A statement holds at most `graph.repositories.fetches.SLOTS` pages; fields beyond are loaded
    after."""
    aliases = " ".join(f"e{i}: events(first: {i + 1}) {{ totalCount }}" for i in range(30))
    query = "{ experts(first: 5) { nodes { slug " + aliases + " } } }"
    answer, trips = await compiled_answer(seeded, query)
    assert trips == 2  # the six counts left over share one count loader
    assert answer["experts"]["nodes"][0]["e29"]["totalCount"] >= 0
