"""Bad input to subscriptions is refused with a code, and the hub goes on serving.

WebSocket misuse is sent raw (the `websockets` client) since a well-behaved client library
cannot send it; the per-connection limit is hit with the real graphql-ws client.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import jwt
import pytest
from websockets.exceptions import ConnectionClosed, InvalidStatus
from websockets.sync.client import ClientConnection, connect
from websockets.typing import Subprotocol

from tests.live_hub import LiveHub, hub_env, live_hub
from tests.neo4j_server import Neo4jServer
from tests.subscription_clients import node_subscriber

SECRET = "subscription-refusals-hmac-secret-long-enough"
PROTOCOL = "graphql-transport-ws"
CHANGES = "subscription { entityChanged { id } }"
AUDIT = "subscription { auditEvents { sequence } }"


@pytest.fixture(scope="module")
def hub(neo4j_server: Neo4jServer) -> Iterator[LiveHub]:
    env = hub_env(
        neo4j_server,
        HUB_JWT_SECRET=SECRET,
        HUB_SUBSCRIPTIONS_PER_CONNECTION="2",
        HUB_WS_MAX_MESSAGE_BYTES="4096",
        HUB_WS_INIT_TIMEOUT="1",
        HUB_SUBSCRIPTION_KEEPALIVE="1",
    )
    with live_hub(env) as served:
        yield served


@contextmanager
def socket(hub: LiveHub, init: dict[str, Any] | None = None) -> Iterator[ClientConnection]:
    """A graphql-transport-ws socket; with `init`, that `connection_init` payload acknowledged."""
    url = hub.graphql.replace("http", "ws", 1)
    with connect(url, subprotocols=[Subprotocol(PROTOCOL)]) as ws:
        if init is not None:
            ws.send(json.dumps({"type": "connection_init", "payload": init}))
            assert json.loads(ws.recv(timeout=20))["type"] == "connection_ack"
        yield ws


def close_code(ws: ClientConnection, timeout: float = 20) -> int:
    """The code the hub closed `ws` with (bounded wait: the hub must close it)."""
    deadline = time.monotonic() + timeout
    with pytest.raises(ConnectionClosed) as closed:
        _read_until_closed(ws, deadline)
    assert closed.value.rcvd is not None
    return closed.value.rcvd.code


def _read_until_closed(ws: ClientConnection, deadline: float) -> None:
    while True:
        ws.recv(timeout=max(0.01, deadline - time.monotonic()))


def quiet_or_data(ws: ClientConnection) -> bool:
    """Nothing for a second, or a result with data (other tests' changes, on a shared graph)."""
    try:
        message = json.loads(ws.recv(timeout=1))
    except TimeoutError:
        return True
    return message["type"] == "next" and "errors" not in message["payload"]


def still_serving(hub: LiveHub) -> None:
    assert httpx.get(f"{hub.url}/healthz", timeout=10).status_code == 200


def test_an_oversize_message_closes_the_socket_with_1009(hub: LiveHub) -> None:
    query = "subscription { entityChanged { id } }" + " " * 8000
    with socket(hub, {}) as ws:
        ws.send(json.dumps({"id": "1", "type": "subscribe", "payload": {"query": query}}))
        assert close_code(ws) == 1009
    still_serving(hub)


@pytest.mark.parametrize(
    ("message", "code"),
    [
        (json.dumps({"type": "shout"}), 4400),
        ("this is not JSON", 4400),
        (json.dumps({"id": "1", "type": "subscribe"}), 4400),
    ],
    ids=["unknown type", "not JSON", "no payload"],
)
def test_unknown_or_malformed_messages_close_the_socket_with_4400(
    hub: LiveHub, message: str, code: int
) -> None:
    with socket(hub, {}) as ws:
        ws.send(message)
        assert close_code(ws) == code
    still_serving(hub)


def test_a_subscribe_before_connection_init_is_4401(hub: LiveHub) -> None:
    with socket(hub) as ws:
        ws.send(json.dumps({"id": "1", "type": "subscribe", "payload": {"query": CHANGES}}))
        assert close_code(ws) == 4401


def test_no_connection_init_in_time_is_4408(hub: LiveHub) -> None:
    with socket(hub) as ws:
        assert close_code(ws) == 4408


def test_bad_credentials_in_connection_init_are_4403(hub: LiveHub) -> None:
    forged = jwt.encode(
        {"sub": "x", "role": "admin", "iat": time.time(), "exp": time.time() + 60}, "x" * 40
    )
    init = {"type": "connection_init", "payload": {"Authorization": f"Bearer {forged}"}}
    with socket(hub) as ws:
        ws.send(json.dumps(init))
        assert close_code(ws) == 4403
    still_serving(hub)


def test_good_credentials_in_connection_init_open_the_audit_stream(hub: LiveHub) -> None:
    admin = jwt.encode(
        {"sub": "ops", "role": "admin", "iat": time.time(), "exp": time.time() + 60}, SECRET
    )
    subscribe = {"id": "a", "type": "subscribe", "payload": {"query": AUDIT}}
    with socket(hub, {"Authorization": f"Bearer {admin}"}) as staff, socket(hub, {}) as anonymous:
        for ws in (staff, anonymous):
            ws.send(json.dumps(subscribe))
        refused = json.loads(anonymous.recv(timeout=20))
        assert refused["type"] == "next"
        assert refused["payload"]["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
        assert quiet_or_data(staff)  # the admin's stream is open: no error, no end


def test_subscriptions_beyond_the_connection_limit_are_refused_with_a_code(hub: LiveHub) -> None:
    operations = [{"name": f"s{n}", "query": CHANGES} for n in range(3)]
    with node_subscriber("ws", hub.graphql, operations) as client:
        refusal = client.wait_for(lambda m: m.get("event") == "error")
        assert refusal["op"] == "s2"
        assert refusal["error"][0]["extensions"]["code"] == "TOO_MANY_SUBSCRIPTIONS"
        time.sleep(1)
        assert not any(m.get("event") in ("closed", "complete") for m in client.messages)
    still_serving(hub)


@pytest.mark.parametrize("method", ["POST", "GET"])
def test_a_subscription_over_plain_http_is_refused_with_406(hub: LiveHub, method: str) -> None:
    if method == "POST":
        response = httpx.post(hub.graphql, json={"query": CHANGES}, timeout=10)
    else:
        response = httpx.get(hub.graphql, params={"query": CHANGES}, timeout=10)
    assert response.status_code == 406
    error = response.json()["errors"][0]
    assert error["extensions"]["code"] == "NOT_ACCEPTABLE"
    assert "text/event-stream" in error["message"]


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ('subscription { entityChanged(ids: ["not an id"]) { id } }', "BAD_USER_INPUT"),
        ("subscription { auditEvents { sequence } }", "UNAUTHENTICATED"),
        ("subscription { entityChanged { nope } }", "GRAPHQL_VALIDATION_FAILED"),
    ],
    ids=["bad id", "not allowed", "invalid"],
)
def test_refusals_over_sse_come_as_a_coded_next_event_then_complete(
    hub: LiveHub, query: str, code: str
) -> None:
    events = sse_events(hub, query)
    assert [name for name, _ in events] == ["next", "complete"]
    assert events[0][1]["errors"][0]["extensions"]["code"] == code


def sse_post(hub: LiveHub, query: str) -> httpx.Response:
    """`query` asked for as a graphql-sse stream, read to its end."""
    return httpx.post(
        hub.graphql, json={"query": query}, headers={"Accept": "text/event-stream"}, timeout=20
    )


def sse_events(hub: LiveHub, query: str) -> list[tuple[str, Any]]:
    """The events of a stream the hub ends by itself."""
    response = sse_post(hub, query)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/event-stream")
    events = []
    for block in response.text.replace("\r\n", "\n").split("\n\n"):
        fields = dict(line.split(": ", 1) for line in block.splitlines() if ": " in line)
        if "event" in fields:
            data = fields.get("data", "")
            events.append((fields["event"], json.loads(data) if data else None))
    return events


def test_websocket_handshakes_spend_from_the_address_bucket(neo4j_server: Neo4jServer) -> None:
    env = hub_env(neo4j_server, HUB_RATE_LIMIT_PER_MINUTE="1", HUB_RATE_LIMIT_BURST="2")
    with live_hub(env) as limited:
        for _ in range(2):
            with socket(limited, {}):
                pass
        with pytest.raises(InvalidStatus) as refused, socket(limited, {}):
            pass
        assert refused.value.response.status_code == 429
        body = json.loads(refused.value.response.body or b"{}")
        assert body["errors"][0]["extensions"]["code"] == "RATE_LIMITED"


def test_an_idle_event_stream_carries_keepalive_comments(hub: LiveHub) -> None:
    headers = {"Accept": "text/event-stream"}
    with httpx.stream(
        "POST", hub.graphql, json={"query": CHANGES}, headers=headers, timeout=20
    ) as response:
        assert response.headers["cache-control"] == "no-cache, no-transform"
        # Bounded by the read timeout: a stream that stays silent fails the test.
        comment = next((line for line in response.iter_lines() if line.startswith(":")), None)
        assert comment == ": ping"


def test_a_query_over_sse_is_answered_once_then_completes(hub: LiveHub) -> None:
    events = sse_events(hub, "{ viewer { role } }")
    assert events == [("next", {"data": {"viewer": {"role": "anonymous"}}}), ("complete", None)]


@pytest.mark.parametrize(
    ("accept", "answered_as"),
    [
        # urql's fetch exchange: the JSON types first, the event stream for incremental delivery
        (
            "application/graphql-response+json, application/graphql+json, application/json, "
            "text/event-stream, multipart/mixed",
            "application/graphql-response+json",
        ),
        ("application/json;q=0.9, text/event-stream", "text/event-stream"),
        ("text/event-stream", "text/event-stream"),
    ],
)
def test_a_query_is_streamed_only_when_the_event_stream_is_preferred(
    hub: LiveHub, accept: str, answered_as: str
) -> None:
    response = httpx.post(
        hub.graphql, json={"query": "{ __typename }"}, headers={"Accept": accept}, timeout=20
    )
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(answered_as)
    if answered_as != "text/event-stream":
        assert response.json() == {"data": {"__typename": "Query"}}


def test_trusted_documents_bind_subscriptions_over_both_transports(
    neo4j_server: Neo4jServer, tmp_path: Path
) -> None:
    listed = "subscription Listed { entityChanged { id } }"
    documents = tmp_path / "documents.json"
    documents.write_text(json.dumps({"listed-1": listed}))
    env = hub_env(neo4j_server, HUB_TRUSTED_DOCUMENTS=str(documents))
    with live_hub(env) as trusted, socket(trusted, {}) as ws:
        ws.send(json.dumps({"id": "x", "type": "subscribe", "payload": {"query": CHANGES}}))
        refused = json.loads(ws.recv(timeout=20))
        assert refused["type"] == "error"
        assert refused["payload"][0]["extensions"]["code"] == "TRUSTED_DOCUMENT_REQUIRED"
        ws.send(json.dumps({"id": "y", "type": "subscribe", "payload": {"documentId": "listed-1"}}))
        assert quiet_or_data(ws)  # the listed document runs: no error
        response = sse_post(trusted, CHANGES)
        assert response.status_code == 400
        assert response.json()["errors"][0]["extensions"]["code"] == "TRUSTED_DOCUMENT_REQUIRED"
