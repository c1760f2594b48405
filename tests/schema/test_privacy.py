"""After importing the four raw source documents, no anonymous path shows a personal contact.

The BOMCA announcement gives a national coordinator's mobile number and e-mail address (run
into the word "or"). Whatever way an anonymous caller reads the graph (search hits and
snippets, bodies, notes, `node`, `nodes`, lists, neighbourhood, path, the file exports), no
fragment of them comes back; partners, editors and admins read them on his Expert only.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from neo4j import AsyncDriver

from graph.database.cypher import Cypher
from graph.database.maintenance import delete_everything
from graph.model import Label
from graph.writes.principal import ANONYMOUS, Principal
from seed.document_import import import_document
from seed.load import load_seed
from tests.app_client import app_client, hub_settings
from tests.neo4j_server import Neo4jServer
from tests.schema.mutations_support import ADMIN, EDITOR, run
from tests.seeded import gid
from tests.sources import source_documents

FRAGMENTS = ("8877", "2004 or", "icpmd", "ormustafo", "mustafo.", "@", "+992-")
"""Pieces of the coordinator's number and address; none may reach an anonymous caller."""
COORDINATOR = gid(Label.EXPERT, "mustafo-mamadnazarov")
DELEGATION = gid(Label.AGENCY, "eu-delegation-tajikistan")


def leaks(answer: Any) -> list[str]:
    text = json.dumps(answer, ensure_ascii=False) if not isinstance(answer, str) else answer
    return [fragment for fragment in FRAGMENTS if fragment in text]


@pytest.fixture(scope="module")
async def imported(driver: AsyncDriver) -> Cypher:
    """The seed graph with the four source documents imported as they are (`hub import`)."""
    cypher = Cypher(driver, "neo4j")
    await delete_everything(cypher)
    await load_seed(cypher)
    await cypher.write("MATCH (e:Expert {id: 'mustafo-mamadnazarov'}) REMOVE e.email, e.phone")
    for path in sorted(source_documents().glob("*.txt")):
        await import_document(
            cypher,
            path.read_text(encoding="utf-8"),
            source_url=f"file:{path.stem}",
            principal=EDITOR,
        )
    return cypher


async def anonymous(cypher: Cypher, query: str, variables: dict[str, Any] | None = None) -> Any:
    result = await run(cypher, query, variables, viewer=ANONYMOUS)
    assert result.errors is None, result.errors
    return result.data


SEARCH = """query ($q: String!) {
  search(query: $q, first: 50) {
    edges { node { __typename slug name { text } source note
                   ... on Resource { body { text } title { text } contradictions url }
                   ... on Event { summary { text } participantDescription }
                   ... on Expert { roles honorific } }
            snippet { text html } }
  }
}"""

EVERY_TEXT = """{
  resources(first: 100) { nodes { slug title { text } body { text } note contradictions source } }
  experts(first: 100) { nodes { slug name { text } note roles honorific source } }
  events(first: 100) { nodes { slug title { text } summary { text } note participantDescription } }
  agencies(first: 100) { nodes { slug name { text } note } }
}"""


@pytest.mark.parametrize(
    "query", ["icpmd", "8877", "Mamadnazarov", "ormustafo", "coordinator", "contact", "eeas"]
)
async def test_search_hits_and_snippets_carry_no_contact(imported: Cypher, query: str) -> None:
    data = await anonymous(imported, SEARCH, {"q": query})
    assert leaks(data) == []


async def test_the_imported_announcement_keeps_its_words_but_not_the_contact(
    imported: Cypher,
) -> None:
    data = await anonymous(imported, SEARCH, {"q": "Mamadnazarov"})
    bodies = [
        edge["node"]["body"]["text"]
        for edge in data["search"]["edges"]
        if edge["node"]["__typename"] == "Resource" and edge["node"]["body"]
    ]
    imported_body = [body for body in bodies if "please contact Mr. Mustafo" in body]
    assert imported_body, bodies
    assert "[contact withheld]" in imported_body[0]


async def test_every_list_of_texts_is_free_of_contacts(imported: Cypher) -> None:
    data = await anonymous(imported, EVERY_TEXT)
    assert leaks(data) == []


async def test_node_nodes_neighbourhood_and_path_are_free_of_contacts(imported: Cypher) -> None:
    resources = await imported.read("MATCH (r:Resource) RETURN r.id AS id")
    ids = [gid(Label.RESOURCE, row["id"]) for row in resources] + [COORDINATOR]
    query = """query ($ids: [ID!]!, $one: ID!, $to: ID!) {
      nodes(ids: $ids) { slug name { text } note source
        ... on Resource { body { text } contradictions } }
      node(id: $one) { slug note ... on Expert { roles honorific } }
      neighbourhood(id: $one, depth: 2, limit: 200) {
        nodes { slug name { text } names { text } } edges { note provenance text role } }
      path(from: $one, to: $to, maxHops: 6) { sentence edges { note provenance } }
    }"""
    data = await anonymous(imported, query, {"ids": ids, "one": COORDINATOR, "to": DELEGATION})
    assert data["node"]["slug"] == "mustafo-mamadnazarov"
    assert len(data["neighbourhood"]["nodes"]) > 3
    assert leaks(data) == []


async def test_anonymous_callers_cannot_read_the_coordinators_contacts(imported: Cypher) -> None:
    query = "query ($id: ID!) { node(id: $id) { ... on Expert { email phone } } }"
    result = await run(imported, query, {"id": COORDINATOR}, viewer=ANONYMOUS)
    assert result.data == {"node": {"email": None, "phone": None}}
    assert leaks(result.data) == []


@pytest.mark.parametrize("viewer", [EDITOR, ADMIN], ids=["editor", "admin"])
async def test_the_import_put_the_coordinators_contacts_on_his_expert(
    imported: Cypher, viewer: Principal
) -> None:
    query = "query ($id: ID!) { node(id: $id) { ... on Expert { email phone } } }"
    result = await run(imported, query, {"id": COORDINATOR}, viewer=viewer)
    assert result.errors is None
    assert result.data == {
        "node": {"email": "mustafo.mamadnazarov@icpmd.org", "phone": "+992-8877-2004"}
    }


async def test_the_import_audit_trail_keeps_no_contact(imported: Cypher) -> None:
    rows = await imported.read(
        "MATCH (a:AuditEntry) RETURN a.before AS before, a.after AS after, a.entity AS entity"
    )
    assert any(row["entity"] == "mustafo-mamadnazarov" for row in rows)
    assert leaks([row["before"] for row in rows] + [row["after"] for row in rows]) == []


async def test_an_agencys_published_switchboard_stays_public(imported: Cypher) -> None:
    query = "query ($id: ID!) { node(id: $id) { ... on Agency { address phone email } } }"
    data = await anonymous(imported, query, {"id": DELEGATION})
    assert data["node"] == {
        "address": "74 Adhamov street, 734013 Dushanbe, Republic of Tajikistan",
        "phone": "(+992 37) 221 74 07",
        "email": "Delegation-Tajikistan@eeas.europa.eu",
    }
    texts = await anonymous(imported, SEARCH, {"q": "Delegation Tajikistan"})
    assert "221 74 07" not in json.dumps(texts)


@pytest.fixture
async def client(neo4j_server: Neo4jServer, imported: Cypher) -> AsyncIterator[httpx.AsyncClient]:
    # six depth-2 exports from one client; limits elsewhere
    async with app_client(hub_settings(neo4j_server, hub_rate_limit_per_minute=0)) as client:
        yield client


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "csv"])
@pytest.mark.parametrize("table", ["edges", "nodes"])
async def test_exports_carry_no_contact(client: httpx.AsyncClient, fmt: str, table: str) -> None:
    for centre in (COORDINATOR, gid(Label.RESOURCE, "res-bomca-online-education-workshop")):
        response = await client.get(
            f"/export/neighbourhood.{fmt}", params={"id": centre, "depth": 2, "table": table}
        )
        assert response.status_code == 200, response.text
        assert leaks(response.text) == []
