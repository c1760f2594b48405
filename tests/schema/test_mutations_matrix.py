"""Role x operation: every mutation and protected field, allowed or refused with nothing written.

Each case runs on a fresh small graph (tests/schema/mutations_support.py): sms is the
partner's agency, with its expert vusal and its event tot; iom has vladimir and meeting,
olga (who once worked for sms), the summit sms attended, and a link to sms's joint workshop.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest

from graph.auditing.trail import audit_log
from graph.database.accounts import create_key
from graph.database.cypher import Cypher
from graph.model import Label
from graph.writes.digest import graph_digest
from schema.ids import to_global_id
from tests.schema.mutations_support import ADMIN, ROLES, build_small_graph, codes, run


@dataclass(frozen=True)
class Case:
    name: str
    query: str
    allowed: frozenset[str]
    variables: dict[str, Any] = field(default_factory=dict)
    writes: bool = True
    anonymous_code: str = "UNAUTHENTICATED"


ALL = frozenset({"partner", "editor", "admin"})
STAFF = frozenset({"editor", "admin"})
ADMINS = frozenset({"admin"})

TEXT = '[{lang: "en", text: "New one"}]'
EXPERT_VUSAL = to_global_id(Label.EXPERT, "vusal")
EXPERT_VLADIMIR = to_global_id(Label.EXPERT, "vladimir")
EXPERT_OLGA = to_global_id(Label.EXPERT, "olga")


def mutation(name: str, body: str, payload: str = "userErrors { code message field }") -> str:
    return f"mutation {{ {name}(input: {{ {body} }}) {{ {payload} }} }}"


WRITES = {  # entity: (the fields of a new one, an update of one, the one deleted with its links)
    "Expert": (
        'name: "New Expert", id: "new-expert"',
        'id: "vusal", phone: "+994 12 000 00 00"',
        "vusal",
    ),
    "Agency": (f'name: {TEXT}, kind: NGO, id: "new-agency"', 'id: "sms", acronym: "SMS"', "iom"),
    "Country": (
        f'name: {TEXT}, iso2: "GE", id: "new-country"',
        'id: "azerbaijan", aliases: ["Azerbaijan Republic"]',
        "azerbaijan",
    ),
    "Place": (f'name: {TEXT}, kind: CITY, id: "new-place"', 'id: "baku", kind: DISTRICT', "baku"),
    "Programme": (
        f'name: {TEXT}, kind: PROJECT, id: "new-programme", budgetAmount: "6600000", '
        'budgetCurrency: "EUR", start: "2015", end: "2019"',
        'id: "rtcm", acronym: "RTCM"',
        "rtcm",
    ),
    "Event": (
        f'title: {TEXT}, kind: MEETING, id: "new-event", participants: {{ids: ["vusal"]}}',
        'id: "tot", status: HELD, start: "2022-07-25"',
        "tot",
    ),
    "Topic": (
        f'name: {TEXT}, id: "new-topic"',
        'id: "migration", aliases: ["migration governance"]',
        "migration",
    ),
    "Resource": (
        f'title: {TEXT}, kind: NEWS, id: "new-resource"',
        'id: "res-post", published: "--11-26"',
        "res-post",
    ),
}
# What a partner may write besides links (its own records: the cases below say which).
PARTNER_CREATES = {"Expert", "Event"}
PARTNER_UPDATES = {"Expert", "Agency", "Event"}
PARTNER_DELETES = {"Expert", "Event"}


def writers(entity: str, partner_may: set[str]) -> frozenset[str]:
    return ALL if entity in partner_may else STAFF


CASES = [
    *(
        Case(f"create{entity}", mutation(f"create{entity}", new), writers(entity, PARTNER_CREATES))
        for entity, (new, _, _) in WRITES.items()
    ),
    *(
        Case(
            f"update{entity}", mutation(f"update{entity}", update), writers(entity, PARTNER_UPDATES)
        )
        for entity, (_, update, _) in WRITES.items()
    ),
    *(
        Case(
            f"delete{entity}",
            mutation(f"delete{entity}", f'id: "{gone}", cascade: true'),
            writers(entity, PARTNER_DELETES),
        )
        for entity, (_, _, gone) in WRITES.items()
    ),
    Case(
        "link",
        mutation(
            "link",
            'links: [{type: ABOUT, from: "vusal", to: "migration"}, '
            '{type: TOOK_PART, from: "vusal", to: "tot", properties: {role: "trainer"}}]',
        ),
        ALL,
    ),
    Case("unlink", mutation("unlink", 'links: [{type: WORKS_FOR, from: "vusal", to: "sms"}]'), ALL),
    Case(
        "importDocument",
        mutation(
            "importDocument",
            'markup: "{mlang en}Vusal Huseynov in Baku{mlang}", sourceUrl: "https://x.test/1"',
        ),
        STAFF,
    ),
    Case(
        "createApiKey",
        mutation("createApiKey", 'name: "sync", role: PARTNER, agency: "iom"', "secret"),
        ADMINS,
    ),
    Case(
        "revokeApiKey",
        "mutation($id: String!) { revokeApiKey(input: {keyId: $id}) { apiKey { revokedAt } } }",
        ADMINS,
    ),
    Case("auditLog", '{ auditLog(entity: "vusal") { operation actor } }', STAFF, writes=False),
    Case("apiKeys", "{ apiKeys { keyId role } }", ADMINS, writes=False),
    Case(
        "updateExpert(former)",
        mutation("updateExpert", 'id: "olga", phone: "+1 555 0100"'),
        STAFF,
    ),
    Case("updateEvent(attended)", mutation("updateEvent", 'id: "summit", status: HELD'), STAFF),
    Case(
        "deleteEvent(others' links)",
        mutation("deleteEvent", 'id: "joint", cascade: true'),
        STAFF,
    ),
    Case(
        "Expert.email(own agency)",
        f'{{ node(id: "{EXPERT_VUSAL}") {{ ... on Expert {{ slug email phone }} }} }}',
        ALL,
        writes=False,
        anonymous_code="FORBIDDEN",
    ),
    Case(
        "Expert.email(other agency)",
        f'{{ node(id: "{EXPERT_VLADIMIR}") {{ ... on Expert {{ slug email phone }} }} }}',
        STAFF,
        writes=False,
        anonymous_code="FORBIDDEN",
    ),
    Case(
        "Expert.email(former staff)",
        f'{{ node(id: "{EXPERT_OLGA}") {{ ... on Expert {{ slug email }} }} }}',
        STAFF,
        writes=False,
        anonymous_code="FORBIDDEN",
    ),
]


@pytest.mark.parametrize("role", list(ROLES))
@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
async def test_each_role_may_do_exactly_what_its_rules_allow(
    cypher: Cypher, case: Case, role: str
) -> None:
    await build_small_graph(cypher)
    issued = await create_key(cypher, name="old", role=ADMIN.role, agency=None, created_by=ADMIN)
    variables = {"id": issued.record.key_id} if case.name == "revokeApiKey" else case.variables
    before = await graph_digest(cypher)
    result = await run(cypher, case.query, variables, viewer=ROLES[role])
    after = await graph_digest(cypher)
    if role in case.allowed:
        assert result.errors is None, [error.formatted for error in result.errors or ()]
        assert result.data is not None
        payload = next(iter(result.data.values()))
        if isinstance(payload, dict) and "userErrors" in payload:
            assert payload["userErrors"] == []
        assert (after != before) is case.writes
    else:
        expected = case.anonymous_code if role == "anonymous" else "FORBIDDEN"
        assert codes(result)
        assert set(codes(result)) == {expected}
        assert after == before


async def test_personal_fields_come_back_null_with_forbidden_for_the_public(
    cypher: Cypher,
) -> None:
    await build_small_graph(cypher)
    query = "{ experts(first: 5) { edges { node { slug email } } } }"
    public = await run(cypher, query, viewer=ROLES["anonymous"])
    partner = await run(cypher, query, viewer=ROLES["partner"])
    editor = await run(cypher, query, viewer=ROLES["editor"])
    assert public.data is not None
    assert partner.data is not None
    assert editor.data is not None
    emails = {e["node"]["slug"]: e["node"]["email"] for e in public.data["experts"]["edges"]}
    assert emails == {"vladimir": None, "vusal": None, "olga": None}
    assert set(codes(public)) == {"FORBIDDEN"}
    shown = {e["node"]["slug"]: e["node"]["email"] for e in partner.data["experts"]["edges"]}
    assert shown == {"vusal": "vh@example.org", "vladimir": None, "olga": None}
    assert codes(partner) == ["FORBIDDEN", "FORBIDDEN"]
    every = {e["node"]["slug"]: e["node"]["email"] for e in editor.data["experts"]["edges"]}
    assert every == {
        "vusal": "vh@example.org",
        "vladimir": "vg@example.org",
        "olga": "olga@example.org",
    }


@pytest.mark.parametrize(
    "body",
    [
        mutation("updateAgency", 'id: "iom", acronym: "X"'),
        mutation("updateExpert", 'id: "vladimir", phone: "+1 555 0100"'),
        mutation("deleteEvent", 'id: "meeting", cascade: true'),
        mutation("link", 'links: [{type: TOOK_PART, from: "sms", to: "meeting"}]'),
        mutation("createExpert", 'name: "Hired", links: [{type: WORKS_FOR, node: "iom"}]'),
        mutation("updateExpert", 'id: "olga", phone: "+1 555 0100"'),
        mutation("deleteEvent", 'id: "summit", cascade: true'),
        mutation("deleteEvent", 'id: "joint", cascade: true'),
        mutation("link", 'links: [{type: TOOK_PART, from: "olga", to: "tot"}]'),
    ],
    ids=[
        "other-agency",
        "other-expert",
        "other-event",
        "claim-event",
        "place-elsewhere",
        "former-expert",
        "attended-event",
        "cascade-over-others-links",
        "link-from-former-expert",
    ],
)
async def test_partners_are_forbidden_other_agencies_records(cypher: Cypher, body: str) -> None:
    await build_small_graph(cypher)
    before = await graph_digest(cypher)
    result = await run(cypher, body, viewer=ROLES["partner"])
    assert codes(result) == ["FORBIDDEN"]
    assert await graph_digest(cypher) == before


async def test_partner_creations_are_tied_to_their_agency(cypher: Cypher) -> None:
    await build_small_graph(cypher)
    result = await run(
        cypher,
        mutation("createEvent", f'title: {TEXT}, kind: WORKSHOP, id: "ws"', "event { slug }"),
        viewer=ROLES["partner"],
    )
    assert result.errors is None
    rows = await cypher.read(
        "MATCH (:Agency {id: 'sms'})-[r:TOOK_PART]->(:Event {id: 'ws'}) RETURN r.role AS role"
    )
    assert [row["role"] for row in rows] == ["organiser"]
    entries = await audit_log(cypher, entity="ws")
    assert {entry.actor for entry in entries} == {"key:partner"}


async def test_a_partners_cascade_over_its_own_links_only_goes_through(cypher: Cypher) -> None:
    await build_small_graph(cypher)
    refused = await run(
        cypher, mutation("deleteEvent", 'id: "joint", cascade: true'), viewer=ROLES["partner"]
    )
    assert "iom" in refused.errors[0].message  # type: ignore[index]
    await run(
        cypher,
        mutation("unlink", 'links: [{type: TOOK_PART, from: "iom", to: "joint"}]'),
        viewer=ROLES["editor"],
    )
    deleted = await run(
        cypher,
        mutation("deleteEvent", 'id: "joint", cascade: true', "deletedId userErrors { code }"),
        viewer=ROLES["partner"],
    )
    assert deleted.errors is None
    assert await cypher.read("MATCH (e:Event {id: 'joint'}) RETURN e") == []
