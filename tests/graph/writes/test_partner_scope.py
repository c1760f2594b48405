"""Partners write their own agency's records and reference links, nothing else."""

from __future__ import annotations

import pytest

from graph.database.cypher import Cypher
from graph.model import Label, RelType
from graph.writes.digest import graph_digest
from graph.writes.fields import NodeChanges
from graph.writes.operations import DeleteNode, Link, Operation, UpdateNode
from graph.writes.refusals import OutOfScopeError
from tests.graph.writes.writing import (
    PARTNER,
    expert,
    properties,
    write,
)


async def test_partners_write_their_agency_its_experts_and_its_events(small_graph: Cypher) -> None:
    await write(
        small_graph,
        UpdateNode(Label.AGENCY, "sms", NodeChanges({"acronym": "SMS"})),
        UpdateNode(Label.EXPERT, "vusal", NodeChanges({"phone": "+994 12 000 00 00"})),
        UpdateNode(Label.EVENT, "tot-baku", NodeChanges({"status": "held"})),
        expert("new-trainer", "New Trainer"),
        Link(RelType.WORKS_FOR, "new-trainer", "sms"),
        Link(RelType.TOOK_PART, "new-trainer", "tot-baku", {"role": "trainer"}),
        principal=PARTNER,
    )
    assert (await properties(small_graph, "new-trainer"))["writtenBy"] == "key:p1"


@pytest.mark.parametrize(
    "operation",
    [
        UpdateNode(Label.AGENCY, "iom", NodeChanges({"acronym": "X"})),
        UpdateNode(Label.EXPERT, "vladimir", NodeChanges({"phone": "+1 555 0100"})),
        UpdateNode(Label.EVENT, "iom-meeting", NodeChanges({"status": "held"})),
        DeleteNode(Label.EXPERT, "vladimir"),
        Link(RelType.TOOK_PART, "sms", "iom-meeting", {"role": "participant"}),
        Link(RelType.WORKS_FOR, "vladimir", "sms"),
        expert("orphan", "Nobody's Expert"),
    ],
    ids=["other-agency", "other-expert", "other-event", "delete", "claim-event", "hire", "orphan"],
)
async def test_partners_cannot_touch_other_agencies_records(
    small_graph: Cypher, operation: Operation
) -> None:
    before = await graph_digest(small_graph)
    with pytest.raises(OutOfScopeError):
        await write(small_graph, operation, principal=PARTNER)
    assert await graph_digest(small_graph) == before
