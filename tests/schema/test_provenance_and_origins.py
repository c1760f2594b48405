"""What callers read about where facts and texts come from, and the writes that set it.

Provenance: a fact written by an account reads `contributed` to anonymous and partner
callers, the account to editors and admins; Resource ids read the same to everyone. Texts:
each says its origin (SOURCE, TRANSLATION, EDITORIAL). Writes: contacts leave every text a
mutation writes; text that is only contact data, or too long, writes nothing; one document
is one Resource whatever its URL.
"""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest

from graph.database.cypher import Cypher
from graph.model import Label
from graph.writes.digest import graph_digest
from graph.writes.principal import ANONYMOUS
from schema.ids import to_global_id
from seed.load import load_seed
from tests.app_client import app_client, hub_settings
from tests.neo4j_server import Neo4jServer
from tests.schema.mutations_support import (
    ADMIN,
    EDITOR,
    PARTNER,
    build_small_graph,
    codes,
    run,
)

ROLES = {"anonymous": ANONYMOUS, "partner": PARTNER, "editor": EDITOR, "admin": ADMIN}
SHOWN = {
    "anonymous": "contributed",
    "partner": "contributed",
    "editor": "account:jwt:editor",
    "admin": "account:jwt:editor",
}

PROVENANCE = """query ($id: ID!, $place: ID!) {
  node(id: $id) { source ... on Expert { agencies { edges { source } } } }
  neighbourhood(id: $id) { edges { provenance } }
  entitySources(id: $id)
  place: node(id: $place) { source }
}"""


async def provenance(cypher: Cypher, expert: str, role: str) -> Any:
    """`PROVENANCE` about `expert` and Baku as `role` sees it."""
    variables = {
        "id": to_global_id(Label.EXPERT, expert),
        "place": to_global_id(Label.PLACE, "baku"),
    }
    result = await run(cypher, PROVENANCE, variables, viewer=ROLES[role])
    assert result.data is not None, result.errors
    return result.data


@pytest.mark.parametrize("role", list(ROLES))
async def test_account_provenance_is_neutral_for_anonymous_and_partners(
    cypher: Cypher, role: str
) -> None:
    await build_small_graph(cypher)
    data = await provenance(cypher, "vusal", role)
    expected = SHOWN[role]
    assert data["node"]["source"] == expected
    assert [edge["source"] for edge in data["node"]["agencies"]["edges"]] == [expected]
    assert {edge["provenance"] for edge in data["neighbourhood"]["edges"]} == {expected}
    assert data["entitySources"] == [expected]
    assert data["place"]["source"] == expected


@pytest.mark.parametrize("role", list(ROLES))
async def test_resource_provenance_reads_the_same_to_every_role(cypher: Cypher, role: str) -> None:
    await load_seed(cypher)
    data = await provenance(cypher, "vusal-huseynov", role)
    assert data["node"]["source"] == "res-rtcm-roadmap-workshop"
    assert data["place"]["source"] == "res-rtcm-roll-out-session"
    assert "contributed" not in str(data)


async def test_a_link_payload_shows_provenance_by_role(cypher: Cypher) -> None:
    await build_small_graph(cypher)
    query = """mutation { link(input: {links: [{type: ABOUT, from: "tot", to: "migration"}]})
      { relationships { source } userErrors { code } } }"""
    result = await run(cypher, query, viewer=PARTNER)
    assert result.data is not None, result.errors
    assert result.data["link"]["relationships"] == [{"source": "contributed"}]


ORIGINS = """query ($agency: ID!, $event: ID!, $resource: ID!, $place: ID!) {
  agency: node(id: $agency) {
    en: name(lang: "en") { text origin } ru: name(lang: "ru") { text origin } }
  event: node(id: $event) {
    ... on Event { title(lang: "en") { origin } summary(lang: "en") { origin } } }
  resource: node(id: $resource) {
    ... on Resource { title(lang: "az") { origin } body(lang: "en") { origin } } }
  guliston: node(id: $place) { ru: name(lang: "ru") { origin } en: name(lang: "en") { origin } }
  neighbourhood(id: $place) { center { name(lang: "ru") { origin } names { lang origin } } }
}"""


async def test_seed_texts_say_whether_they_are_source_translation_or_editorial(
    cypher: Cypher,
) -> None:
    await load_seed(cypher)
    variables = {
        "agency": to_global_id(Label.AGENCY, "state-migration-service-az"),
        "event": to_global_id(Label.EVENT, "rtcm-roll-out-session"),
        "resource": to_global_id(Label.RESOURCE, "res-rtcm-roadmap-workshop"),
        "place": to_global_id(Label.PLACE, "guliston"),
    }
    result = await run(cypher, ORIGINS, variables, viewer=ANONYMOUS)
    data: Any = result.data
    assert data is not None, result.errors
    assert data["agency"]["en"] == {"text": "State Migration Service", "origin": "SOURCE"}
    assert data["agency"]["ru"]["origin"] == "TRANSLATION"
    assert data["event"] == {"title": {"origin": "EDITORIAL"}, "summary": {"origin": "EDITORIAL"}}
    assert data["resource"] == {"title": {"origin": "SOURCE"}, "body": {"origin": "EDITORIAL"}}
    assert data["guliston"] == {"ru": {"origin": "SOURCE"}, "en": {"origin": "TRANSLATION"}}
    center = data["neighbourhood"]["center"]
    assert center["name"] == {"origin": "SOURCE"}
    assert {"lang": "en", "origin": "TRANSLATION"} in center["names"]


async def test_every_seed_text_carries_an_origin_mark(cypher: Cypher) -> None:
    await load_seed(cypher)
    rows = await cypher.read(
        "MATCH (n) WHERE n.id IS NOT NULL AND NOT n:AuditEntry "
        "RETURN n.id AS id, [k IN keys(n) WHERE k =~ '(name|title|summary|body)_[a-z]{2}'] "
        "AS texts, coalesce(n.textOrigins, []) AS marks"
    )
    unmarked = [
        (row["id"], key)
        for row in rows
        for key in row["texts"]
        if not any(mark.startswith(f"{key}:") for mark in row["marks"])
    ]
    assert rows
    assert unmarked == []


async def test_background_facts_carry_the_background_mark(cypher: Cypher) -> None:
    await load_seed(cypher)
    query = """{ neighbourhood(id: "isfara", relationships: [IN]) {
      edges { targetSlug background } } }"""
    result = await run(cypher, query, viewer=ANONYMOUS)
    assert result.data is not None, result.errors
    edges = result.data["neighbourhood"]["edges"]
    assert {"targetSlug": "tajikistan", "background": True} in edges
    rows = await cypher.read(
        "MATCH (:Place {id: 'dushanbe'})-[r:IN]->() RETURN r.background AS background"
    )
    assert rows == [{"background": None}]
    query = """query ($eu: ID!, $unicef: ID!) {
      eu: node(id: $eu) { background } unicef: node(id: $unicef) {
        background name(lang: "en") { text origin } } }"""
    variables = {
        "eu": to_global_id(Label.AGENCY, "european-union"),
        "unicef": to_global_id(Label.AGENCY, "unicef"),
    }
    result = await run(cypher, query, variables, viewer=ANONYMOUS)
    assert result.data == {
        "eu": {"background": ["acronym"]},
        "unicef": {
            "background": ["name_en"],
            "name": {"text": "United Nations Children's Fund", "origin": "EDITORIAL"},
        },
    }


CREATE_EXPERT = """mutation ($input: CreateExpertInput!) {
  createExpert(input: $input) {
    expert { slug note roles } userErrors { field code message } } }"""


async def test_mutation_texts_lose_their_contacts(cypher: Cypher) -> None:
    await build_small_graph(cypher)
    note = "Reach her on +994 50 123 45 67 or at jane.roe@example.org; she trains in Baku."
    variables = {
        "input": {"id": "jane-roe", "name": "Jane Roe", "note": note, "roles": ["Trainer"]}
    }
    result = await run(cypher, CREATE_EXPERT, variables, viewer=EDITOR)
    assert result.data is not None, result.errors
    payload = result.data["createExpert"]
    assert payload["userErrors"] == []
    assert payload["expert"]["note"] == (
        "Reach her on [contact withheld] or at [contact withheld]; she trains in Baku."
    )
    entries = await cypher.read("MATCH (a:AuditEntry {entity: 'jane-roe'}) RETURN a.after AS a")
    assert "example.org" not in str(entries)
    assert "123 45" not in str(entries)


@pytest.mark.parametrize(
    "note", ["jane.roe@example.org", "+994 50 123 45 67, jane.roe@example.org", "x" * 200_001]
)
async def test_text_that_is_only_contact_data_or_too_long_writes_nothing(
    cypher: Cypher, note: str
) -> None:
    await build_small_graph(cypher)
    before = await graph_digest(cypher)
    variables = {"input": {"id": "jane-roe", "name": "Jane Roe", "note": note}}
    result = await run(cypher, CREATE_EXPERT, variables, viewer=EDITOR)
    assert result.data is not None, result.errors
    payload = result.data["createExpert"]
    assert payload["expert"] is None
    assert [(e["field"], e["code"]) for e in payload["userErrors"]] == [("note", "BAD_USER_INPUT")]
    assert "example.org" not in payload["userErrors"][0]["message"]
    assert await graph_digest(cypher) == before


IMPORT = """mutation ($m: String!, $url: String!) {
  importDocument(input: {markup: $m, sourceUrl: $url}) {
    created changed resource { slug url body { text origin } }
    userErrors { field code message } } }"""


async def test_a_document_that_is_only_contact_data_is_refused(cypher: Cypher) -> None:
    await build_small_graph(cypher)
    before = await graph_digest(cypher)
    markup = "jane.roe@example.org\n\n+994 50 123 45 67"
    result = await run(cypher, IMPORT, {"m": markup, "url": "https://x.test/c"}, viewer=EDITOR)
    data: Any = result.data
    assert data is not None, result.errors
    assert data["importDocument"]["resource"] is None
    assert codes(result) == []
    assert [e["code"] for e in data["importDocument"]["userErrors"]] == ["BAD_USER_INPUT"]
    assert "example.org" not in str(data)
    assert await graph_digest(cypher) == before


async def test_the_same_document_under_another_url_is_the_same_resource(cypher: Cypher) -> None:
    await build_small_graph(cypher)
    markup = "{mlang en}A visit{mlang}\n\nVusal Huseynov visited Baku in  July."
    first = await run(cypher, IMPORT, {"m": markup, "url": "https://x.test/a"}, viewer=EDITOR)
    again_markup = "{mlang en}A visit{mlang}\n\nVUSAL HUSEYNOV visited Baku in July!"
    second = await run(
        cypher, IMPORT, {"m": again_markup, "url": "https://mirror.test/b"}, viewer=EDITOR
    )
    one: Any = first.data
    two: Any = second.data
    assert one is not None, first.errors
    assert two is not None, second.errors
    assert one["importDocument"]["created"] is True
    assert two["importDocument"]["created"] is False
    resource = two["importDocument"]["resource"]
    assert resource["slug"] == one["importDocument"]["resource"]["slug"]
    assert resource["url"] == "https://x.test/a"
    assert resource["body"]["origin"] == "SOURCE"
    rows = await cypher.read(
        "MATCH (r:Resource) WHERE r.url STARTS WITH 'https' RETURN count(r) AS n"
    )
    assert rows == [{"n": 1}]


async def test_texts_written_by_an_account_are_editorial(cypher: Cypher) -> None:
    await build_small_graph(cypher)
    query = """{ events(first: 10) { nodes { slug title { text origin } } } }"""
    result = await run(cypher, query, viewer=ANONYMOUS)
    assert result.errors is None, result.errors
    assert result.data is not None
    titles = {node["slug"]: node["title"] for node in result.data["events"]["nodes"]}
    assert titles["tot"] == {"text": "Training of trainers", "origin": "EDITORIAL"}


async def test_anonymous_exports_show_no_account(cypher: Cypher, neo4j_server: Neo4jServer) -> None:
    await build_small_graph(cypher)
    async with app_client(hub_settings(neo4j_server)) as client:
        response = await client.get(
            "/export/neighbourhood.csv", params={"id": to_global_id(Label.EXPERT, "vusal")}
        )
    assert response.status_code == 200, response.text
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert rows
    assert {row["provenance"] for row in rows} == {"contributed"}
    assert "account:" not in response.text
