"""Global object identification and the relationship fields of each entity type."""

from __future__ import annotations

import pytest

from graph.model import Label
from schema.ids import from_global_id, to_global_id
from tests.seeded import SeededGraph, codes_of, data_of, execute, gid


def test_global_ids_round_trip_and_hide_the_label() -> None:
    ident = to_global_id(Label.EVENT, "rtcm-tot-baku")
    assert "Event" not in ident
    assert from_global_id(ident) == (Label.EVENT, "rtcm-tot-baku")


async def test_node_and_nodes_resolve_any_label_within_two_round_trips(
    seeded: SeededGraph,
) -> None:
    """`node` reads its own statement, `nodes` its DataLoader's (one for every label)."""
    cypher = seeded.cypher()
    data = await data_of(
        cypher,
        """query ($a: ID!, $ids: [ID!]!) {
          node(id: $a) { __typename slug }
          nodes(ids: $ids) { __typename slug }
        }""",
        {
            "a": gid(Label.EXPERT, "vusal-huseynov"),
            "ids": [
                gid(Label.COUNTRY, "azerbaijan"),
                gid(Label.TOPIC, "no-such-topic"),
                gid(Label.RESOURCE, "res-rtcm-roadmap-workshop"),
            ],
        },
    )
    assert data["node"] == {"__typename": "Expert", "slug": "vusal-huseynov"}
    assert data["nodes"] == [
        {"__typename": "Country", "slug": "azerbaijan"},
        None,
        {"__typename": "Resource", "slug": "res-rtcm-roadmap-workshop"},
    ]
    assert cypher.round_trips <= 2


@pytest.mark.parametrize(
    "bad",
    ["", "nonsense", "!!!", to_global_id(Label.EXPERT, "x")[:-3] + "%%%", "RXhwZXJ0", "Rm9vOmJhcg"],
)
async def test_malformed_ids_are_bad_user_input(seeded: SeededGraph, bad: str) -> None:
    cypher = seeded.cypher()
    result = await execute(cypher, "query ($id: ID!) { node(id: $id) { slug } }", {"id": bad})
    assert codes_of(result) == ["BAD_USER_INPUT"]
    assert result.data == {"node": None}
    assert cypher.round_trips == 0


async def test_an_expert_shows_agencies_with_role_and_events_with_role(
    seeded: SeededGraph,
) -> None:
    data = await data_of(
        seeded.cypher(),
        """query ($id: ID!) { node(id: $id) { ... on Expert {
            agencies { edges { role rank node { slug } } }
            events(role: SPEAKER) { totalCount edges { role node { slug } } }
        } } }""",
        {"id": gid(Label.EXPERT, "vusal-huseynov")},
    )
    expert = data["node"]
    assert expert["agencies"]["edges"] == [
        {
            "role": "Chief",
            "rank": "II rank state migration service counselor",
            "node": {"slug": "state-migration-service-az"},
        }
    ]
    assert expert["events"]["totalCount"] == 2
    assert {edge["node"]["slug"] for edge in expert["events"]["edges"]} == {
        "rtcm-roadmap-workshop",
        "rtcm-roll-out-session",
    }


async def test_an_event_shows_participants_by_role_with_unnamed_counts(
    seeded: SeededGraph,
) -> None:
    data = await data_of(
        seeded.cypher(),
        """query ($id: ID!) { node(id: $id) { ... on Event {
            trainers: participants(role: TRAINER) {
              edges { role count node { __typename slug } }
            }
            organisers { nodes { slug } }
            cascadesFrom { slug cascades { nodes { slug } } }
            programme { slug }
            topics(first: 100) { totalCount }
        } } }""",
        {"id": gid(Label.EVENT, "rtcm-roll-out-session")},
    )
    event = data["node"]
    assert event["trainers"]["edges"] == [
        {
            "role": "trainer",
            "count": 6,
            "node": {"__typename": "Agency", "slug": "state-migration-service-az"},
        }
    ]
    assert {node["slug"] for node in event["organisers"]["nodes"]} == {
        "state-migration-service-az",
        "iom-azerbaijan",
    }
    assert event["cascadesFrom"] == {
        "slug": "rtcm-tot-baku",
        "cascades": {"nodes": [{"slug": "rtcm-roll-out-session"}]},
    }
    assert event["programme"] == {"slug": "rtcm-project"}
    assert event["topics"]["totalCount"] == 7


async def test_a_programme_shows_funders_with_amounts_and_its_phases(seeded: SeededGraph) -> None:
    data = await data_of(
        seeded.cypher(),
        """query ($id: ID!) { node(id: $id) { ... on Programme {
            budget { amount currency }
            funders { edges { amount currency text node { slug } } }
            phases { nodes { slug phase } }
            events { nodes { slug start } }
            countries { nodes { slug } }
        } } }""",
        {"id": gid(Label.PROGRAMME, "bomca")},
    )
    programme = data["node"]
    assert programme["funders"]["edges"] == [
        {
            "amount": 40_100_000.0,
            "currency": "EUR",
            "text": "EUR 40, 1 million",
            "node": {"slug": "european-union"},
        }
    ]
    assert {"slug": "bomca-phase-9", "phase": 9} in programme["phases"]["nodes"]
    assert {"slug": "bomca-online-education-workshop", "start": "2019-04-09"} in programme[
        "events"
    ]["nodes"]


async def test_a_country_lists_its_agencies_events_and_programmes(seeded: SeededGraph) -> None:
    data = await data_of(
        seeded.cypher(),
        """query ($id: ID!) { node(id: $id) { ... on Country {
            iso2
            agencies(first: 100) { nodes { slug } }
            events { nodes { slug } }
            programmes { nodes { slug } }
        } } }""",
        {"id": gid(Label.COUNTRY, "azerbaijan")},
    )
    country = data["node"]
    assert {"state-migration-service-az", "iom-azerbaijan"} <= {
        node["slug"] for node in country["agencies"]["nodes"]
    }
    assert {"slug": "rtcm-tot-baku"} in country["events"]["nodes"]
    assert {"slug": "rtcm-project"} in country["programmes"]["nodes"]


async def test_a_resource_describes_and_mentions_entities_of_any_type(
    seeded: SeededGraph,
) -> None:
    data = await data_of(
        seeded.cypher(),
        """query ($id: ID!) { node(id: $id) { ... on Resource {
            describes { nodes { __typename slug } }
            mentions(first: 100) { totalCount nodes { __typename } }
        } } }""",
        {"id": gid(Label.RESOURCE, "res-bomca-online-education-workshop")},
    )
    resource = data["node"]
    assert {"__typename": "Event", "slug": "bomca-online-education-workshop"} in resource[
        "describes"
    ]["nodes"]
    kinds = {node["__typename"] for node in resource["mentions"]["nodes"]}
    assert {"Expert", "Agency", "Country", "Place", "Programme", "Event", "Topic"} <= kinds
    assert resource["mentions"]["totalCount"] == len(resource["mentions"]["nodes"])
