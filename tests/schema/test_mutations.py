"""Mutations over GraphQL: Relay payloads, user errors, all-or-nothing, injection attempts."""

from __future__ import annotations

import pytest

from graph.database.cypher import Cypher
from graph.model import Label
from graph.writes.digest import graph_digest
from schema.ids import to_global_id
from tests.schema.mutations_support import EDITOR, build_small_graph, codes, edited, run

CREATE_EVENT = """
mutation($input: CreateEventInput!) {
  createEvent(input: $input) {
    clientMutationId
    event { id slug name { text } participants { totalCount } }
    userErrors { field message code }
  }
}
"""


def event_input(**extra: object) -> dict[str, object]:
    return {
        "id": "roll-out",
        "title": [{"lang": "en", "text": "Roll-out session"}, {"lang": "az", "text": "Təlim"}],
        "kind": "ROLL_OUT_SESSION",
        "start": "2022-09-29",
        "clientMutationId": "m1",
        **extra,
    }


async def test_create_answers_the_node_and_echoes_the_client_mutation_id(cypher: Cypher) -> None:
    await build_small_graph(cypher)
    variables = {
        "input": event_input(
            participants={
                "ids": ["vusal", to_global_id(Label.EXPERT, "vladimir")],
                "role": "TRAINER",
            }
        )
    }
    result = await run(cypher, CREATE_EVENT, variables, viewer=EDITOR)
    assert result.errors is None
    assert result.data is not None
    payload = result.data["createEvent"]
    assert payload["clientMutationId"] == "m1"
    assert payload["userErrors"] == []
    assert payload["event"]["slug"] == "roll-out"
    assert payload["event"]["id"] == to_global_id(Label.EVENT, "roll-out")
    assert payload["event"]["participants"]["totalCount"] == 2


COUNTED_CREATE = """
mutation($input: CreateEventInput!) {
  createEvent(input: $input) {
    event {
      participants { totalCount }
      trainers: participants(role: TRAINER) { totalCount }
      topics { totalCount }
      cascades { totalCount }
    }
  }
}
"""


async def test_a_created_nodes_counts_come_from_its_own_write(cypher: Cypher) -> None:
    await build_small_graph(cypher)
    variables = {
        "input": event_input(
            participants={"ids": ["vusal", "vladimir"], "role": "TRAINER"},
            links=[{"type": "ABOUT", "node": "migration"}],
        )
    }
    cypher.round_trips = 0
    result = await run(cypher, COUNTED_CREATE, variables, viewer=EDITOR)
    assert result.errors is None
    assert result.data is not None
    event = result.data["createEvent"]["event"]
    assert event["participants"] == {"totalCount": 2}
    assert event["trainers"] == {"totalCount": 2}
    assert event["topics"] == {"totalCount": 1}
    assert event["cascades"] == {"totalCount": 0}
    assert cypher.round_trips == 1


async def test_a_second_mutation_reads_what_the_first_left(cypher: Cypher) -> None:
    await build_small_graph(cypher)
    query = """mutation($input: CreateEventInput!) {
      first: createEvent(input: $input) { event { participants { totalCount } } }
      second: link(input: {links: [{type: TOOK_PART, from: "vladimir", to: "roll-out"}]}) {
        relationships { to { ... on Event { participants { totalCount } } } }
      }
    }"""
    variables = {"input": event_input(participants={"ids": ["vusal"]})}
    result = await run(cypher, query, variables, viewer=EDITOR)
    assert result.errors is None
    assert result.data is not None
    assert result.data["first"]["event"]["participants"] == {"totalCount": 1}
    (written,) = result.data["second"]["relationships"]
    assert written["to"]["participants"] == {"totalCount": 2}


async def test_a_missing_second_participant_writes_nothing_at_all(cypher: Cypher) -> None:
    await build_small_graph(cypher)
    before = await graph_digest(cypher)
    variables = {"input": event_input(participants={"ids": ["vusal", "nobody"]})}
    payload = (await edited(cypher, CREATE_EVENT, variables))["createEvent"]
    assert payload["event"] is None
    assert payload["userErrors"] == [
        {
            "field": "participants.ids.1.from",
            "message": "node 'nobody' does not exist",
            "code": "NOT_FOUND",
        }
    ]
    assert await graph_digest(cypher) == before


@pytest.mark.parametrize(
    ("extra", "field", "code"),
    [
        ({"start": "2022-13-01"}, "start", "BAD_USER_INPUT"),
        ({"title": [{"lang": "fr", "text": "Session"}]}, "title.fr", "BAD_USER_INPUT"),
        ({"id": "tot"}, "id", "CONFLICT"),
        ({"participantCount": -3}, "participantCount", "BAD_USER_INPUT"),
        ({"source": "sms"}, "source", "NOT_FOUND"),
        ({"source": "Not a slug"}, "source", "BAD_USER_INPUT"),
        ({"source": "res-nowhere"}, "source", "NOT_FOUND"),
    ],
)
async def test_invalid_input_is_a_user_error_with_its_field(
    cypher: Cypher, extra: dict[str, object], field: str, code: str
) -> None:
    await build_small_graph(cypher)
    before = await graph_digest(cypher)
    data = await edited(cypher, CREATE_EVENT, {"input": event_input(**extra)})
    (error,) = data["createEvent"]["userErrors"]
    assert (error["field"], error["code"]) == (field, code)
    assert await graph_digest(cypher) == before


async def test_money_and_currency_are_checked(cypher: Cypher) -> None:
    await build_small_graph(cypher)
    query = """mutation { link(input: {links: [{type: FUNDED_BY, from: "rtcm", to: "iom",
      properties: {amount: "40100000", currency: "EURO"}}]}) { userErrors { field code } } }"""
    assert (await edited(cypher, query))["link"]["userErrors"] == [
        {"field": "properties.currency", "code": "BAD_USER_INPUT"}
    ]


async def test_deleting_a_node_with_dependents_explains_and_cascade_deletes(cypher: Cypher) -> None:
    await build_small_graph(cypher)
    query = (
        'mutation($c: Boolean!) { deleteAgency(input: {id: "sms", cascade: $c}) '
        "{ deletedId userErrors { message code } } }"
    )
    (error,) = (await edited(cypher, query, {"c": False}))["deleteAgency"]["userErrors"]
    assert error["code"] == "CONFLICT"
    assert "cascade" in error["message"]
    done = await edited(cypher, query, {"c": True})
    assert done["deleteAgency"]["deletedId"] == to_global_id(Label.AGENCY, "sms")


async def test_update_with_null_removes_and_leaves_the_rest(cypher: Cypher) -> None:
    await build_small_graph(cypher)
    query = """mutation {
      updateExpert(input: {id: "vladimir", email: null, roles: ["Chief of Mission"]})
      { expert { roles email } userErrors { code } } }"""
    result = await run(cypher, query, viewer=EDITOR)
    assert result.errors is None
    assert result.data is not None
    assert result.data["updateExpert"]["expert"] == {"roles": ["Chief of Mission"], "email": None}


INJECTIONS = [
    "x'}) MATCH (n) DETACH DELETE n //",
    "Expert) DETACH DELETE (n",
    "*:* OR name:*",
    "`Admin`",
    "vusal\u0000",
]


@pytest.mark.parametrize("payload", INJECTIONS)
@pytest.mark.parametrize(
    "template",
    [
        'mutation($v: ID!) {{ updateExpert(input: {{id: $v, honorific: "Mr."}}) {out} }}',
        "mutation($v: ID!) {{ deleteTopic(input: {{id: $v}}) {out} }}",
        "mutation($v: ID!) {{ link(input: {{links: [{{type: ABOUT, from: $v, "
        'to: "migration"}}]}}) {out} }}',
        'mutation($v: ID!) {{ createTopic(input: {{id: $v, name: [{{lang: "en", text: "T"}}]}}) '
        "{out} }}",
        'mutation($v: String!) {{ createTopic(input: {{name: [{{lang: $v, text: "T"}}]}}) {out} }}',
        'mutation($v: String!) {{ createProgramme(input: {{name: [{{lang: "en", text: "P"}}], '
        "kind: PROJECT, start: $v}}) {out} }}",
        'mutation($v: String!) {{ link(input: {{links: [{{type: FUNDED_BY, from: "rtcm", '
        'to: "iom", properties: {{amount: "1", currency: $v}}}}]}}) {out} }}',
        'mutation($v: String!) {{ importDocument(input: {{markup: "x", sourceUrl: $v}}) {out} }}',
    ],
    ids=["update-id", "delete-id", "link-from", "create-id", "lang", "date", "currency", "url"],
)
async def test_injection_through_identifier_inputs_changes_nothing(
    cypher: Cypher, template: str, payload: str
) -> None:
    await build_small_graph(cypher)
    before = await graph_digest(cypher)
    result = await run(
        cypher, template.format(out="{ userErrors { code } }"), {"v": payload}, viewer=EDITOR
    )
    assert result.data is not None
    (errors,) = [value["userErrors"] for value in result.data.values()]
    assert [error["code"] for error in errors] == ["BAD_USER_INPUT"]
    assert await graph_digest(cypher) == before


@pytest.mark.parametrize("payload", INJECTIONS[:4])
async def test_injection_through_free_text_is_stored_as_inert_text(
    cypher: Cypher, payload: str
) -> None:
    await build_small_graph(cypher)
    query = (
        'mutation($v: String!) { updateExpert(input: {id: "vusal", honorific: $v}) '
        "{ expert { honorific } } }"
    )
    updated = await edited(cypher, query, {"v": payload})
    assert updated["updateExpert"]["expert"]["honorific"] == payload.strip()
    counts = await cypher.read("MATCH (n:Expert|Agency|Event) RETURN count(n) AS nodes")
    assert counts[0]["nodes"] == 9  # the small graph: 2 agencies, 3 experts, 4 events


async def test_label_names_cannot_be_smuggled_through_enums(cypher: Cypher) -> None:
    await build_small_graph(cypher)
    before = await graph_digest(cypher)
    query = (
        'mutation { link(input: {links: [{type: "Expert) DETACH DELETE (n", from: "vusal", '
        'to: "sms"}]}) { userErrors { code } } }'
    )
    result = await run(cypher, query, viewer=EDITOR)
    assert codes(result) == ["GRAPHQL_VALIDATION_FAILED"]
    assert await graph_digest(cypher) == before
