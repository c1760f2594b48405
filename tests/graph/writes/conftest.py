"""The graphs the write tests start from: a small one, and two nodes of every label."""

from __future__ import annotations

import pytest
from neo4j import AsyncDriver

from graph.database.cypher import Cypher
from graph.model import Label, RelType
from graph.writes.operations import Link
from tests.conftest import DATABASE
from tests.graph.writes.writing import (
    StatementCountingCypher,
    agency,
    event,
    expert,
    node_of,
    write,
)


@pytest.fixture
async def small_graph(cypher: Cypher) -> Cypher:
    await write(
        cypher,
        agency("sms", "State Migration Service"),
        agency("iom", "International Organization for Migration"),
        expert("vusal", "Vusal Huseynov"),
        expert("vladimir", "Vladimir Gjorgjiev"),
        event("tot-baku", "Training of trainers in Baku"),
        event("iom-meeting", "IOM meeting"),
        Link(RelType.WORKS_FOR, "vusal", "sms", {"role": "Chief"}),
        Link(RelType.WORKS_FOR, "vladimir", "iom"),
        Link(RelType.TOOK_PART, "sms", "tot-baku", {"role": "organiser"}),
        Link(RelType.TOOK_PART, "iom", "iom-meeting", {"role": "organiser"}),
    )
    return cypher


@pytest.fixture
async def every_label(cypher: Cypher) -> Cypher:
    """Two nodes of every label (`expert-a`, `expert-b`, ...): IN and CASCADES_FROM join a
    label to itself."""
    await write(cypher, *(node_of(label, f"{label.lower()}-{s}") for label in Label for s in "ab"))
    return cypher


@pytest.fixture
def counting(small_graph: Cypher, driver: AsyncDriver) -> StatementCountingCypher:
    return StatementCountingCypher(driver, DATABASE)
