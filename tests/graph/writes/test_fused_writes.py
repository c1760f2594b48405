"""A create with its closing links in one statement: written as stored, audited, or not at all."""

from __future__ import annotations

import json

import pytest
from neo4j import AsyncDriver

from graph.auditing.trail import NOISE, audit_log
from graph.database.cypher import Cypher
from graph.model import ALLOWED_LINKS, Label, RelType
from graph.writes.operations import CreateNode, Link, Operation
from graph.writes.queries import FIND_CREATE_AND_LINK
from graph.writes.refusals import (
    DuplicateIdError,
    InvalidFieldError,
    MissingNodeError,
)
from tests.conftest import DATABASE
from tests.graph.writes.writing import (
    RECEIPT,
    StatementCountingCypher,
    event,
    expert,
    link_notes,
    node_of,
    properties,
    refused_without_a_trace,
    write,
)


async def test_a_create_with_links_is_one_statement(counting: StatementCountingCypher) -> None:
    """Look-up, create, links and audit entries together."""
    participants = ["vusal", "vladimir"]
    await write(
        counting,
        event("roll-out", "Roll-out session"),
        *(
            Link(RelType.TOOK_PART, ident, "roll-out", {"role": "trainer"})
            for ident in participants
        ),
    )
    assert len(counting.sent) == 1 + RECEIPT
    rows = await counting.read(
        "MATCH (x)-[r:TOOK_PART]->(e:Event {id: 'roll-out'}) "
        "RETURN x.id AS id, e.title_en AS title, e.writtenAt IS NOT NULL AS stamped"
    )
    assert sorted(row["id"] for row in rows) == sorted(participants)
    assert {(row["title"], row["stamped"]) for row in rows} == {("Roll-out session", True)}
    entries = await audit_log(counting, entity="roll-out")
    assert sorted(entry.operation for entry in entries) == ["create", "link", "link"]


CREATES_WITH_LINKS: dict[str, tuple[int, list[Operation]]] = {
    "into the new node, in its look-up": (
        1,
        [
            event("roll-out", "Roll-out session"),
            Link(RelType.TOOK_PART, "vusal", "roll-out", {"role": "trainer", "count": 3}),
            Link(RelType.TOOK_PART, "sms", "roll-out", {"role": "organiser", "note": "host"}),
        ],
    ),
    "from the new node, in its look-up": (
        1,
        [
            expert("new-expert", "New Expert"),
            Link(RelType.WORKS_FOR, "new-expert", "sms", {"role": "Analyst"}),
            Link(RelType.WORKS_FOR, "new-expert", "iom", {"role": "Consultant"}),
        ],
    ),
    "after another link, with the closing links": (
        3,
        [
            expert("new-expert", "New Expert"),
            Link(RelType.WORKS_FOR, "new-expert", "sms", {"role": "Analyst"}),
            Link(RelType.TOOK_PART, "new-expert", "tot-baku", {"role": "trainer"}),
        ],
    ),
}


@pytest.mark.parametrize("shape", list(CREATES_WITH_LINKS))
async def test_entries_written_with_new_links_are_audited_as_stored(
    counting: StatementCountingCypher, shape: str
) -> None:
    """The entries that travel with a create's new links say what Neo4j holds: the node's
    and each link's stored properties after, nothing before, the start's label, stamped
    with the mutation's time."""
    statements, operations = CREATES_WITH_LINKS[shape]
    await write(counting, *operations)
    assert len(counting.sent) == statements + RECEIPT
    created = operations[0]
    assert isinstance(created, CreateNode)
    logged = await audit_log(counting)
    entries = [entry for entry in logged if entry.at == logged[0].at]
    assert len(entries) == len(operations)
    stored = await properties(counting, created.id)
    stamp = stored.pop("writtenAt").to_native().isoformat()  # type: ignore[attr-defined]
    [create] = [entry for entry in entries if entry.operation == "create"]
    assert (create.label, create.entity, create.before) == (created.label, created.id, None)
    assert create.after is not None
    after = json.loads(create.after)
    assert after.pop("writtenAt") == stamp
    assert after == {name: value for name, value in stored.items() if name not in NOISE}
    links = await counting.read(
        "MATCH (a)-[r]->(b) WHERE $id IN [a.id, b.id] "
        "RETURN a.id AS start, labels(a)[0] AS label, type(r) AS type, b.id AS end, "
        "properties(r) AS props",
        {"id": created.id},
    )
    linked = {(e.entity, e.rel_type, e.target): e for e in entries if e.operation == "link"}
    assert len(linked) == len(links) == len(operations) - 1
    for row in links:
        entry = linked[row["start"], row["type"], row["end"]]
        assert (entry.label, entry.before) == (row["label"], None)
        assert entry.after is not None
        after = json.loads(entry.after)
        assert after.pop("writtenAt") == stamp
        assert after == {name: value for name, value in row["props"].items() if name != "writtenAt"}


async def test_a_closing_link_written_earlier_in_the_mutation_keeps_its_before(
    counting: StatementCountingCypher,
) -> None:
    """A new node's link restated later in the same mutation is not new any more."""
    await write(
        counting,
        event("roll-out", "Roll-out session"),
        Link(RelType.TOOK_PART, "vusal", "roll-out", {"role": "trainer", "note": "first"}),
        Link(RelType.WORKS_FOR, "vladimir", "sms"),
        Link(RelType.TOOK_PART, "vusal", "roll-out", {"role": "trainer", "note": "second"}),
    )
    restated = [
        entry
        for entry in await audit_log(counting, entity="roll-out")
        if entry.operation == "link" and entry.after and '"note": "second"' in entry.after
    ]
    assert len(restated) == 1
    assert restated[0].before is not None
    assert '"note": "first"' in restated[0].before
    assert await link_notes(counting, RelType.TOOK_PART, "vusal", "roll-out") == ["second"]


async def test_a_create_whose_id_is_taken_writes_nothing(counting: StatementCountingCypher) -> None:
    await refused_without_a_trace(
        counting,
        DuplicateIdError,
        event("tot-baku", "Another training"),
        Link(RelType.TOOK_PART, "vusal", "tot-baku", {"role": "speaker"}),
    )
    assert len(counting.sent) == 1  # refused: no receipt


async def test_a_create_refused_after_the_look_up_writes_nothing(
    counting: StatementCountingCypher,
) -> None:
    """The node was created with the look-up; the missing participant rolls it back."""
    await refused_without_a_trace(
        counting,
        MissingNodeError,
        event("roll-out", "Roll-out session"),
        Link(RelType.TOOK_PART, "nobody", "roll-out", {"role": "speaker"}),
    )


def _fused_shapes(*, refusable: bool = False) -> list[tuple[Label, RelType, bool]]:
    """Every statement's shape; with `refusable`, those whose other end has a wrong label."""
    return sorted(
        (
            (label, rel_type, outgoing)
            for label, rel_type, outgoing in FIND_CREATE_AND_LINK
            if not refusable or len(ALLOWED_LINKS[rel_type][1 if outgoing else 0]) < len(Label)
        ),
        key=lambda shape: (shape[1], shape[0], shape[2]),
    )


def _other_end(rel_type: RelType, outgoing: bool, *, allowed: bool) -> str:
    """An `every_label` node the link's other end may (or may not) be."""
    side = ALLOWED_LINKS[rel_type][1 if outgoing else 0]
    labels = side if allowed else set(Label) - side
    return f"{sorted(labels)[0].lower()}-a"


@pytest.mark.parametrize("shape", _fused_shapes(), ids=str)
async def test_every_create_with_its_links_in_one_statement_writes_them(
    every_label: Cypher, driver: AsyncDriver, shape: tuple[Label, RelType, bool]
) -> None:
    label, rel_type, outgoing = shape
    counting = StatementCountingCypher(driver, DATABASE)
    other = _other_end(rel_type, outgoing, allowed=True)
    ends = ("new-node", other) if outgoing else (other, "new-node")
    await write(counting, node_of(label, "new-node"), Link(rel_type, *ends, {"note": "fused"}))
    assert len(counting.sent) == 1 + RECEIPT
    rows = await counting.read(
        "MATCH (a {id: $a})-[r]->(b {id: $b}) RETURN labels(b) + labels(a) AS labels, "
        "type(r) AS type, r.note AS note",
        {"a": ends[0], "b": ends[1]},
    )
    assert [(row["type"], row["note"]) for row in rows] == [(rel_type, "fused")]
    assert label in rows[0]["labels"]
    entries = await audit_log(counting, entity="new-node")
    assert sorted(entry.operation for entry in entries) == ["create", "link"]


@pytest.mark.parametrize("shape", _fused_shapes(refusable=True), ids=str)
async def test_every_create_with_a_refused_link_in_one_statement_writes_nothing(
    every_label: Cypher, driver: AsyncDriver, shape: tuple[Label, RelType, bool]
) -> None:
    """The statement writes the link before its end's label is checked: the refusal rolls
    the create, the link and the entries back."""
    label, rel_type, outgoing = shape
    counting = StatementCountingCypher(driver, DATABASE)
    other = _other_end(rel_type, outgoing, allowed=False)
    ends = ("new-node", other) if outgoing else (other, "new-node")
    await refused_without_a_trace(
        counting, InvalidFieldError, node_of(label, "new-node"), Link(rel_type, *ends)
    )
    assert len(counting.sent) == 1  # refused: no receipt
