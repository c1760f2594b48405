"""The network fields through GraphQL on the seed graph: answers, entity fields, coded errors."""

from __future__ import annotations

import pytest

from graph.model import Label
from graph.network.collaborators import EXPERT_COLLABORATORS, EXPERT_COLLABORATORS_RANKED
from graph.network.neighbourhood import NEIGHBOURHOOD_STATEMENTS
from tests.seeded import (
    RecordingCypher,
    SeededGraph,
    codes_of,
    data_of,
    execute,
    gid,
)

HUSEYNOV = gid(Label.EXPERT, "vusal-huseynov")
GJORGJIEV = gid(Label.EXPERT, "vladimir-gjorgjiev")
TOT = gid(Label.EVENT, "rtcm-tot-baku")
IOM_AZ = gid(Label.AGENCY, "iom-azerbaijan")
TAJIKISTAN = gid(Label.COUNTRY, "tajikistan")


async def test_path_between_the_chiefs_reads_as_a_sentence_through_a_shared_event(
    seeded: SeededGraph,
) -> None:
    data = await data_of(
        seeded.cypher(),
        """query($a: ID!, $b: ID!) {
             path(from: $a, to: $b) {
               length sentence
               nodes { id slug label }
               steps { forward edge { type role source target } }
             }
           }""",
        {"a": HUSEYNOV, "b": GJORGJIEV},
    )

    path = data["path"]
    assert path["length"] == 2
    assert [n["label"] for n in path["nodes"]] == ["EXPERT", "EVENT", "EXPERT"]
    assert path["nodes"][0]["id"] == HUSEYNOV
    assert [(s["forward"], s["edge"]["role"]) for s in path["steps"]] == [
        (True, "speaker"),
        (False, "speaker"),
    ]
    assert path["steps"][1]["edge"]["source"] == GJORGJIEV
    assert path["sentence"].startswith("Vusal Huseynov -[TOOK_PART speaker]-> ")
    assert path["sentence"].endswith(" <-[TOOK_PART speaker]- Vladimir Gjorgjiev")


async def test_neighbourhood_nodes_carry_distance_and_names_in_every_language(
    seeded: SeededGraph,
) -> None:
    data = await data_of(
        seeded.cypher(),
        """query($id: ID!) {
             neighbourhood(id: $id, depth: 1, types: [EVENT]) {
               truncated nodeCount
               center { slug distance }
               nodes { slug distance names { lang text } name(lang: "ru") { text lang } }
               edges { sourceSlug targetSlug type }
             }
           }""",
        {"id": gid(Label.EVENT, "rtcm-roll-out-session")},
    )

    subgraph = data["neighbourhood"]
    assert subgraph["center"] == {"slug": "rtcm-roll-out-session", "distance": 0}
    tot = next(n for n in subgraph["nodes"] if n["slug"] == "rtcm-tot-baku")
    assert tot["distance"] == 1
    assert tot["name"] == {"text": "Тренинг для тренеров в Баку", "lang": "ru"}
    assert [name["lang"] for name in tot["names"]] == ["en", "ru", "az"]
    assert {
        "sourceSlug": "rtcm-roll-out-session",
        "targetSlug": "rtcm-tot-baku",
        "type": "CASCADES_FROM",
    } in subgraph["edges"]


async def test_entity_fields_give_collaborators_partners_and_cascade(seeded: SeededGraph) -> None:
    data = await data_of(
        seeded.cypher(),
        """query($expert: ID!, $agency: ID!, $country: ID!, $event: ID!) {
             expert: node(id: $expert) { ... on Expert {
               collaborators(first: 1) { node { slug } weight sharedEvents } } }
             agency: node(id: $agency) { ... on Agency {
               partners { node { slug } weight evidence { kind direction } } } }
             country: node(id: $country) { ... on Country {
               partners(topic: "border-management") { node { slug } sharedEvents } } }
             event: node(id: $event) { ... on Event {
               cascade { depth sessionCount trainerCount totalReach sessionsWithoutCount
                         sessions { event { slug } depth parent } } } }
           }""",
        {"expert": HUSEYNOV, "agency": IOM_AZ, "country": TAJIKISTAN, "event": TOT},
    )

    assert data["expert"]["collaborators"] == [
        {"node": {"slug": "vladimir-gjorgjiev"}, "weight": 2.25, "sharedEvents": 2}
    ]
    partners = {p["node"]["slug"]: p for p in data["agency"]["partners"]}
    assert partners["state-migration-service-az"]["weight"] == 3.0
    assert partners["iom-development-fund"]["evidence"] == [
        {"kind": "FUNDING_FLOW", "direction": "INCOMING"}
    ]
    assert data["country"]["partners"] == [{"node": {"slug": "latvia"}, "sharedEvents": 1}]
    cascade = data["event"]["cascade"]
    assert (cascade["depth"], cascade["sessionCount"], cascade["trainerCount"]) == (1, 2, 6)
    assert cascade["sessions"][1] == {
        "event": {"slug": "rtcm-roll-out-session"},
        "depth": 1,
        "parent": TOT,
    }


async def test_collaborators_of_a_whole_page_of_experts_cost_one_query(
    seeded: SeededGraph,
) -> None:
    cypher = seeded.cypher()
    data = await data_of(
        cypher,
        "{ experts(first: 5) { edges { node { slug collaborators { node { slug } } } } } }",
    )

    assert len(data["experts"]["edges"]) == 5
    assert cypher.round_trips <= 3


async def test_timeline_puts_the_roadmap_workshop_without_a_year_last(seeded: SeededGraph) -> None:
    data = await data_of(
        seeded.cypher(),
        """query($id: ID!) { timeline(id: $id) {
             total undated items { node { slug } start end year precision relations } } }""",
        {"id": gid(Label.PROGRAMME, "rtcm-project")},
    )

    items = data["timeline"]["items"]
    assert items[-1] == {
        "node": {"slug": "rtcm-roadmap-workshop"},
        "start": None,
        "end": "--11-26",
        "year": None,
        "precision": "MONTH_DAY",
        "relations": ["part_of"],
    }
    assert [i["year"] for i in items[:-1]] == sorted(i["year"] for i in items[:-1])
    assert data["timeline"]["undated"] == 1


async def test_centrality_and_communities_describe_their_projection(seeded: SeededGraph) -> None:
    data = await data_of(
        seeded.cypher(),
        """{ centrality(projection: {kind: AGENCIES_BY_EVENTS}, first: 3) {
               approximate projection { kind nodeCount edgeCount itemCount }
               items { node { slug label } degree weightedDegree betweenness } }
             communities(projection: {kind: AGENCIES_BY_EVENTS}, first: 2, members: 2) {
               modularity communities { index size members { node { slug } community } } } }""",
    )

    centrality = data["centrality"]
    assert centrality["approximate"] is False
    assert centrality["projection"]["kind"] == "AGENCIES_BY_EVENTS"
    assert centrality["projection"]["nodeCount"] >= len(centrality["items"]) > 0
    assert {item["node"]["label"] for item in centrality["items"]} == {"AGENCY"}
    communities = data["communities"]["communities"]
    assert [c["index"] for c in communities] == [0, 1]
    assert all(m["community"] == c["index"] for c in communities for m in c["members"])


async def test_recommendations_explain_their_scores(seeded: SeededGraph) -> None:
    data = await data_of(
        seeded.cypher(),
        """{ recommendExperts(topic: "Migration management", first: 2,
                              forAgency: "iom-azerbaijan") {
               expert { slug } score reasons { code points detail } } }""",
    )

    for result in data["recommendExperts"]:
        assert result["score"] == sum(reason["points"] for reason in result["reasons"])
    top = data["recommendExperts"][0]
    assert top["expert"]["slug"] == "vladimir-gjorgjiev"
    assert {"code": "proximity", "points": 2.0, "detail": "works for IOM Azerbaijan"} in top[
        "reasons"
    ]


@pytest.mark.parametrize(
    ("query", "code"),
    [
        (
            f'{{ path(from: "{HUSEYNOV}", to: "{GJORGJIEV}", maxHops: 9) {{ length }} }}',
            "BAD_USER_INPUT",
        ),
        (f'{{ path(from: "{HUSEYNOV}", to: "nobody-here") {{ length }} }}', "NOT_FOUND"),
        (f'{{ neighbourhood(id: "{HUSEYNOV}", depth: 4) {{ truncated }} }}', "BAD_USER_INPUT"),
        (f'{{ neighbourhood(id: "{HUSEYNOV}", limit: 501) {{ truncated }} }}', "BAD_USER_INPUT"),
        ('{ neighbourhood(id: "no such id!") { truncated } }', "BAD_USER_INPUT"),
        (
            f'{{ neighbourhood(id: "{HUSEYNOV}", types: [ALIEN]) {{ truncated }} }}',
            "GRAPHQL_VALIDATION_FAILED",
        ),
        (f'{{ collaborators(expertId: "{IOM_AZ}") {{ weight }} }}', "BAD_USER_INPUT"),
        (f'{{ collaborators(expertId: "{HUSEYNOV}", first: 101) {{ weight }} }}', "BAD_USER_INPUT"),
        (
            f'{{ collaborators(expertId: "{HUSEYNOV}", topic: "astrology") {{ weight }} }}',
            "NOT_FOUND",
        ),
        (
            f'{{ partners(agencyId: "{IOM_AZ}", countryId: "{TAJIKISTAN}") {{ weight }} }}',
            "BAD_USER_INPUT",
        ),
        ("{ partners { weight } }", "BAD_USER_INPUT"),
        (
            f'{{ partners(countryId: "{TAJIKISTAN}", period: {{start: 2020, end: 2019}}) '
            "{ weight } }",
            "BAD_USER_INPUT",
        ),
        (
            f'{{ partners(countryId: "{TAJIKISTAN}", period: {{start: 20}}) {{ weight }} }}',
            "BAD_USER_INPUT",
        ),
        ('{ partners(agencyId: "no-agency") { weight } }', "NOT_FOUND"),
        ("{ recommendExperts { score } }", "BAD_USER_INPUT"),
        ('{ recommendExperts(language: "Russian") { score } }', "BAD_USER_INPUT"),
        ('{ recommendExperts(topic: "astrology") { score } }', "NOT_FOUND"),
        (f'{{ timeline(id: "{HUSEYNOV}") {{ total }} }}', "BAD_USER_INPUT"),
        (f'{{ cascade(eventId: "{gid(Label.EVENT, "no-event")}") {{ depth }} }}', "NOT_FOUND"),
        (
            "{ centrality(projection: {kind: EXPERTS_BY_EVENTS}, first: 201) { sources } }",
            "BAD_USER_INPUT",
        ),
    ],
)
async def test_bad_network_arguments_get_coded_errors(
    seeded: SeededGraph, query: str, code: str
) -> None:
    result = await execute(seeded.cypher(), query)

    assert codes_of(result) == [code]


WITHOUT_DETAILS = """query($id: ID!) {
  collaborators(expertId: $id, first: 3) { weight evidenceCount node { slug } }
}"""
DETAILS_IN_A_FRAGMENT = """query($id: ID!) {
  collaborators(expertId: $id, first: 3) { weight ...Shared }
}
fragment Shared on Tie { ... on Tie { evidence { kind item { slug } } } }"""
YEARS_ONLY = """query($id: ID!) {
  collaborators(expertId: $id, first: 3) { weight firstYear }
}"""
NESTED_WITHOUT_DETAILS = """query($id: ID!) {
  node(id: $id) { ... on Expert { collaborators(first: 3) { weight node { slug } } } }
}"""
NESTED_WITH_EVIDENCE = """query($id: ID!) {
  node(id: $id) { ... on Expert { collaborators(first: 3) { evidence { kind } } } }
}"""


@pytest.mark.parametrize(
    ("query", "statement"),
    [
        (WITHOUT_DETAILS, EXPERT_COLLABORATORS_RANKED),
        (DETAILS_IN_A_FRAGMENT, EXPERT_COLLABORATORS),
        (YEARS_ONLY, EXPERT_COLLABORATORS),
        (NESTED_WITHOUT_DETAILS, EXPERT_COLLABORATORS_RANKED),
        (NESTED_WITH_EVIDENCE, EXPERT_COLLABORATORS),
    ],
)
async def test_collaborators_read_evidence_only_when_the_selection_shows_it(
    seeded: SeededGraph, query: str, statement: str
) -> None:
    """As the root field and as `Expert.collaborators` below `node` (which the node's own
    statement leaves to the field's resolver)."""
    standard_runner = RecordingCypher(seeded.driver)
    standard = await execute(standard_runner, query, {"id": HUSEYNOV})
    assert standard.errors is None

    assert statement in standard_runner.sent
    if query not in (NESTED_WITHOUT_DETAILS, NESTED_WITH_EVIDENCE):
        assert standard_runner.sent == [statement]
    assert standard.data is not None
    ties = standard.data.get("collaborators") or standard.data["node"]["collaborators"]
    assert ties
    if "evidence {" in query:
        assert all(tie["evidence"] for tie in ties)


EDGE_ENDS_ONLY = """query($id: ID!) {
  neighbourhood(id: $id, depth: 2) { nodes { slug name { text } } edges { source target type } }
}"""
EDGE_ROLES = """query($id: ID!) {
  neighbourhood(id: $id, depth: 2) {
    nodes { slug name { text } } edges { source target type role }
  }
}"""
EDGE_PROVENANCE_IN_A_FRAGMENT = """query($id: ID!) {
  neighbourhood(id: $id, depth: 2) { ...Drawing }
}
fragment Drawing on Subgraph {
  nodes { slug } edges { source target type ... on GraphEdge { provenance } }
}"""
FILTERED_EDGE_ENDS = """query($id: ID!) {
  neighbourhood(id: $id, depth: 2, relationships: [TOOK_PART]) { edges { source target type } }
}"""


@pytest.mark.parametrize(
    ("query", "statement"),
    [
        (EDGE_ENDS_ONLY, NEIGHBOURHOOD_STATEMENTS[(True, False)]),
        (EDGE_ROLES, NEIGHBOURHOOD_STATEMENTS[(True, True)]),
        (EDGE_PROVENANCE_IN_A_FRAGMENT, NEIGHBOURHOOD_STATEMENTS[(True, True)]),
        (FILTERED_EDGE_ENDS, NEIGHBOURHOOD_STATEMENTS[(False, False)]),
    ],
)
async def test_neighbourhood_reads_edge_properties_only_when_the_selection_shows_them(
    seeded: SeededGraph, query: str, statement: str
) -> None:
    standard_runner = RecordingCypher(seeded.driver)
    standard = await execute(standard_runner, query, {"id": HUSEYNOV})
    assert standard.errors is None

    assert standard_runner.sent == [statement]
    assert standard.data is not None
    edges = standard.data["neighbourhood"]["edges"]
    assert edges
    if "role" in query:
        assert any(edge["role"] == "speaker" for edge in edges)
    if "provenance" in query:
        assert all(edge["provenance"] for edge in edges)


async def test_edges_without_properties_join_the_same_nodes(seeded: SeededGraph) -> None:
    ends = await data_of(seeded.cypher(), EDGE_ENDS_ONLY, {"id": HUSEYNOV})
    full = await data_of(seeded.cypher(), EDGE_ROLES, {"id": HUSEYNOV})

    assert ends["neighbourhood"]["nodes"] == full["neighbourhood"]["nodes"]
    assert ends["neighbourhood"]["edges"] == [
        {key: edge[key] for key in ("source", "target", "type")}
        for edge in full["neighbourhood"]["edges"]
    ]
