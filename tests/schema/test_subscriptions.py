"""What each role sees of one change, and the subscription arguments refused with codes."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

import pytest
from neo4j import AsyncDriver

from graph.auditing.feed import AuditFeed
from graph.auditing.trail import Change, record_changes
from graph.database.cypher import Cypher
from graph.writes.principal import ANONYMOUS, Principal, Role
from schema.context import Context
from schema.schema import build_schema
from tests.conftest import DATABASE

SCHEMA = build_schema()
CHANGES = "subscription { entityChanged(types: [EXPERT]) { id fields source actor } }"
PARTNER = Principal(role=Role.PARTNER, subject="jwt:iom", agency="iom", via="jwt")
EDITOR = Principal(role=Role.EDITOR, subject="jwt:ed", via="jwt")


@pytest.fixture
async def feed(driver: AsyncDriver, cypher: Cypher) -> AsyncIterator[AuditFeed]:
    feed = AuditFeed(Cypher(driver, DATABASE), interval=0.05)
    yield feed
    await feed.close()


async def subscribe(feed: AuditFeed, cypher: Cypher, viewer: Principal, query: str) -> Any:
    context = Context(cypher=cypher, viewer=viewer, feed=feed)
    return await SCHEMA.subscribe(query, context_value=context)


async def first(stream: Any) -> Any:
    return await asyncio.wait_for(anext(stream), timeout=60)


async def test_each_role_sees_its_own_share_of_a_change(feed: AuditFeed, cypher: Cypher) -> None:
    streams = {
        viewer.role: await subscribe(feed, cypher, viewer, CHANGES)
        for viewer in (ANONYMOUS, PARTNER, EDITOR)
    }
    started = [asyncio.ensure_future(first(stream)) for stream in streams.values()]
    for _ in range(6000):  # bounded: the three join the feed at once
        if feed.open_subscriptions == 3:
            break
        await asyncio.sleep(0.01)

    async def work(tx: Any) -> None:
        change = Change(
            "create", "Expert", "ana", after={"email": "a@x.org", "name": "Ana", "note_ru": "Н"}
        )
        await record_changes(
            tx, [change], principal=EDITOR, at=datetime.now(UTC), mutation="t", source="account:ed"
        )

    await cypher.write_transaction(work)
    results = dict(zip(streams, await asyncio.gather(*started), strict=True))
    seen = {role: result.data["entityChanged"] for role, result in results.items()}
    assert seen[Role.ANONYMOUS] == {
        "id": seen[Role.EDITOR]["id"],
        "fields": ["name", "note"],
        "source": "contributed",
        "actor": None,
    }
    assert seen[Role.PARTNER]["fields"] == ["email", "name", "note"]
    assert seen[Role.PARTNER]["source"] == "contributed"
    assert seen[Role.PARTNER]["actor"] is None
    assert seen[Role.EDITOR]["source"] == "account:ed"
    assert seen[Role.EDITOR]["actor"] == "jwt:ed"
    for stream in streams.values():
        await stream.aclose()


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ('subscription { entityChanged(ids: ["bm90IGFuIGlk"]) { id } }', "BAD_USER_INPUT"),
        (
            "subscription { entityChanged(ids: [" + '"RXhwZXJ0OmE",' * 101 + "]) { id } }",
            "BAD_USER_INPUT",
        ),
        ("subscription { entityChanged(types: [SHIP]) { id } }", "GRAPHQL_VALIDATION_FAILED"),
        ("subscription { auditEvents { sequence } }", "UNAUTHENTICATED"),
    ],
    ids=["bad id", "too many ids", "unknown type", "anonymous audit"],
)
async def test_bad_arguments_are_refused_with_a_code(
    feed: AuditFeed, cypher: Cypher, query: str, code: str
) -> None:
    stream = await subscribe(feed, cypher, ANONYMOUS, query)
    result = await first(stream)
    assert result.errors[0].extensions["code"] == code
    assert feed.open_subscriptions == 0
