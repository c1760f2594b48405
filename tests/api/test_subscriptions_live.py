"""Live updates end to end: real graphql-ws and graphql-sse clients on a served hub with two
workers, changes written through another hub instance, everything through one real Neo4j.

The subscribers' hub never sees the writes: they reach it only through the audit log, which
is what lets every worker and every instance serve every change. Each wait is bounded (it
proves "arrives", never "arrives fast").
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from contextlib import ExitStack
from typing import Any

import httpx
import jwt
import pytest
from neo4j import AsyncDriver

from graph.database.cypher import Cypher
from graph.database.maintenance import delete_everything
from graph.model import Label
from schema.ids import from_global_id, to_global_id
from tests.conftest import DATABASE
from tests.live_hub import LiveHub, hub_env, live_hub
from tests.neo4j_server import Neo4jServer
from tests.subscription_clients import Message, NodeSubscriber, node_subscriber

SECRET = "subscription-tests-hmac-secret-long-enough"
CHANGES = """subscription Changes($types: [EntityType!]) {
  entityChanged(types: $types) {
    sequence id type operation fields source actor at
    link { relationshipType outgoing other otherType }
  }
}"""
AUDIT = "subscription { auditEvents { sequence operation entity actor after } }"
EMAIL = "rahima.live@example.org"


def token(role: str = "editor", **claims: Any) -> str:
    now = int(time.time())
    body = {"sub": f"{role}-live", "role": role, "iat": now, "exp": now + 900, **claims}
    return jwt.encode(body, SECRET, algorithm="HS256")


def mutate(hub: LiveHub, mutation: str, given: str) -> None:
    """Run `mutation(input: {given})` as an editor through `hub`; it must succeed."""
    query = f"mutation {{ {mutation}(input: {{{given}}}) {{ userErrors {{ message }} }} }}"
    answer = httpx.post(
        hub.graphql,
        json={"query": query},
        headers={"Authorization": f"Bearer {token()}"},
        timeout=30,
    ).json()
    assert "errors" not in answer, answer
    assert answer["data"][mutation]["userErrors"] == [], answer


def named(text: str) -> str:
    return f'name: [{{lang: "en", text: "{text}"}}]'


def changed(subscriber: NodeSubscriber, node: str, operation: str) -> Message:
    """The `entityChanged` message about `node` doing `operation`."""

    def matches(message: Message) -> bool:
        change = (message.get("payload", {}).get("data") or {}).get("entityChanged") or {}
        return change.get("id") == node and change.get("operation") == operation

    return dict(subscriber.wait_for(matches)["payload"]["data"]["entityChanged"])


@pytest.fixture(scope="module")
async def emptied(driver: AsyncDriver) -> None:
    await delete_everything(Cypher(driver, DATABASE))


@pytest.fixture(scope="module")
def hubs(neo4j_server: Neo4jServer, emptied: None) -> Iterator[tuple[LiveHub, LiveHub]]:
    """(the subscribers' hub, two workers; the writers' hub), over a graph emptied first."""
    with (
        live_hub(hub_env(neo4j_server, HUB_WORKERS="2", HUB_JWT_SECRET=SECRET)) as subscribed,
        live_hub(hub_env(neo4j_server, HUB_JWT_SECRET=SECRET)) as writer,
    ):
        yield subscribed, writer


def until_live(writer: LiveHub, subscribers: list[NodeSubscriber]) -> str:
    """Write a probe topic until every subscriber has seen it; its global ID.

    A subscription starts following the log a moment after the client sent it, and no
    protocol acknowledges that moment; a change written before it would be missed.
    """
    slug = f"probe-{uuid.uuid4().hex[:8]}"
    mutate(writer, "createTopic", f'id: "{slug}", ' + named("Probe"))
    probe = to_global_id(Label.TOPIC, slug)
    deadline = time.monotonic() + 60
    note = 0
    while not all(_saw(subscriber, probe) for subscriber in subscribers):
        assert time.monotonic() < deadline, [s.messages for s in subscribers]
        note += 1
        mutate(writer, "updateTopic", f'id: "{slug}", ' + named(f"Probe {note}"))
        time.sleep(0.5)
    return probe


def _saw(subscriber: NodeSubscriber, node: str) -> bool:
    return any(
        ((payload.get("data") or {}).get("entityChanged") or {}).get("id") == node
        for payload in subscriber.payloads("changes")
    )


def test_a_change_written_elsewhere_reaches_graphql_ws_and_graphql_sse_subscribers(
    hubs: tuple[LiveHub, LiveHub],
) -> None:
    subscribed, writer = hubs
    changes = {"name": "changes", "query": CHANGES}
    editor = {"Authorization": f"Bearer {token()}"}
    with ExitStack() as stack:
        ws = stack.enter_context(node_subscriber("ws", subscribed.graphql, [changes]))
        sse = stack.enter_context(node_subscriber("sse", subscribed.graphql, [changes]))
        staff = stack.enter_context(
            node_subscriber(
                "ws", subscribed.graphql, [changes, {"name": "audit", "query": AUDIT}], editor
            )
        )
        until_live(writer, [ws, sse, staff])

        mutate(writer, "createAgency", 'id: "live-agency", kind: NGO, ' + named("Live Agency"))
        mutate(
            writer,
            "createExpert",
            f'id: "rahima-live", name: "Rahima Live", email: "{EMAIL}", '
            'phone: "+992 44 600 1234", links: [{type: WORKS_FOR, node: "live-agency"}]',
        )
        expert = to_global_id(Label.EXPERT, "rahima-live")
        agency = to_global_id(Label.AGENCY, "live-agency")

        for subscriber in (ws, sse):
            created = changed(subscriber, expert, "CREATE")
            assert created["type"] == "EXPERT"
            assert "name" in created["fields"]
            assert not {"email", "phone"} & set(created["fields"])
            assert created["source"] == "contributed"
            assert created["actor"] is None
            joined = changed(subscriber, agency, "LINK")
            assert joined["link"] == {
                "relationshipType": "WORKS_FOR",
                "outgoing": False,
                "other": expert,
                "otherType": "EXPERT",
            }
            assert changed(subscriber, expert, "LINK")["link"]["other"] == agency

        seen_by_staff = changed(staff, expert, "CREATE")
        assert {"email", "phone", "name"} <= set(seen_by_staff["fields"])
        assert seen_by_staff["actor"] == "jwt:editor-live"
        assert seen_by_staff["source"] == "account:jwt:editor-live"
        entry = staff.wait_for(
            lambda m: (
                m.get("op") == "audit"
                and ((m["payload"].get("data") or {}).get("auditEvents") or {}).get("entity")
                == "rahima-live"
            )
        )["payload"]["data"]["auditEvents"]
        assert entry["sequence"] > 0
        assert EMAIL not in entry["after"]

        # Nothing anonymous subscribers received ever carried the contacts.
        for subscriber in (ws, sse):
            assert not any(EMAIL in line or "600 1234" in line for line in subscriber.raw)


def test_filters_by_type_and_the_sequence_follows_commit_order(
    hubs: tuple[LiveHub, LiveHub],
) -> None:
    subscribed, writer = hubs
    topics_only = {"name": "changes", "query": CHANGES, "variables": {"types": ["TOPIC"]}}
    with node_subscriber("sse", subscribed.graphql, [topics_only]) as sse:
        probe = until_live(writer, [sse])
        seen = len(_updates(sse, probe))
        mutate(writer, "createCountry", 'id: "tj-live", iso2: "TJ", ' + named("Tajikistan"))
        for name in ("One", "Two", "Three"):
            mutate(writer, "updateTopic", f'id: "{from_global_id(probe)[1]}", ' + named(name))
        sse.wait_for(lambda m: len(_updates(sse, probe)) >= seen + 3)
        sequences = [change["sequence"] for change in _updates(sse, probe)]
        assert sequences == sorted(sequences)
        assert len(set(sequences)) == len(sequences)
        assert all(
            ((p.get("data") or {}).get("entityChanged") or {}).get("type") == "TOPIC"
            for p in sse.payloads("changes")
        )


def _updates(subscriber: NodeSubscriber, node: str) -> list[dict[str, Any]]:
    changes = [
        (p.get("data") or {}).get("entityChanged") or {} for p in subscriber.payloads("changes")
    ]
    return [c for c in changes if c.get("id") == node]
