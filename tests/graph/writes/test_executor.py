"""Writes against real Neo4j: one transaction per mutation, provenance, audit, partner scope."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Any, LiteralString, TypeVar, cast

import pytest
from neo4j import AsyncDriver, AsyncManagedTransaction

from graph.auditing.trail import NOISE, AuditEntry, audit_log, entity_sources
from graph.database.cypher import Cypher
from graph.errors import GraphError
from graph.model import ALLOWED_LINKS, Label, RelType
from graph.network.neighbourhood import neighbourhood
from graph.writes.digest import graph_digest
from graph.writes.executor import apply_writes
from graph.writes.fields import DISPLAY_FIELD, NodeChanges
from graph.writes.operations import CreateNode, DeleteNode, Link, Operation, Unlink, UpdateNode
from graph.writes.principal import Principal, Role
from graph.writes.queries import FIND_CREATE_AND_LINK
from graph.writes.refusals import (
    DependentsError,
    DuplicateIdError,
    InvalidFieldError,
    MissingNodeError,
    OutOfScopeError,
)
from tests.conftest import DATABASE

T = TypeVar("T")
EDITOR = Principal(role=Role.EDITOR, subject="jwt:editor", via="jwt")
PARTNER = Principal(role=Role.PARTNER, subject="key:p1", agency="sms", key_id="p1")


def agency(ident: str, name: str) -> CreateNode:
    return CreateNode(
        Label.AGENCY, ident, NodeChanges({"kind": "state_service"}, {"name": {"en": name}})
    )


def expert(ident: str, name: str) -> CreateNode:
    return CreateNode(Label.EXPERT, ident, NodeChanges({"name": name}))


def event(ident: str, title: str) -> CreateNode:
    return CreateNode(
        Label.EVENT, ident, NodeChanges({"kind": "training"}, {"title": {"en": title}})
    )


async def write(cypher: Cypher, *operations: Operation, principal: Principal = EDITOR) -> None:
    scope = principal.agency if principal.role is Role.PARTNER else None
    await apply_writes(cypher, operations, principal=principal, mutation="test", agency_scope=scope)


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


async def properties(cypher: Cypher, ident: str) -> dict[str, object]:
    rows = await cypher.read("MATCH (n {id: $id}) RETURN properties(n) AS p", {"id": ident})
    return dict(rows[0]["p"]) if rows else {}


async def test_created_nodes_carry_derived_names_and_provenance(small_graph: Cypher) -> None:
    props = await properties(small_graph, "sms")
    assert props["name"] == "State Migration Service"
    assert props["nameKeys"] == ["state migration service"]
    assert props["langs"] == ["en"]
    assert props["source"] == "account:jwt:editor"
    assert props["writtenBy"] == "jwt:editor"
    assert props["writtenAt"] is not None


async def test_update_keeps_unmentioned_fields_and_null_removes(small_graph: Cypher) -> None:
    await write(
        small_graph,
        UpdateNode(
            Label.EXPERT, "vusal", NodeChanges({"email": "v@example.org", "honorific": "Mr."})
        ),
    )
    await write(small_graph, UpdateNode(Label.EXPERT, "vusal", NodeChanges({"honorific": None})))
    props = await properties(small_graph, "vusal")
    assert props["email"] == "v@example.org"
    assert "honorific" not in props
    assert props["name"] == "Vusal Huseynov"


async def test_partial_dates_keep_what_the_source_leaves_open(cypher: Cypher) -> None:
    changes = NodeChanges({"kind": "workshop", "end": "--11-26"}, {"title": {"en": "Roadmap"}})
    await write(cypher, CreateNode(Label.EVENT, "roadmap", changes))
    props = await properties(cypher, "roadmap")
    assert props["end"] == "--11-26"
    assert "endYear" not in props


async def test_a_failing_link_halfway_leaves_the_graph_exactly_as_before(
    small_graph: Cypher,
) -> None:
    before = await graph_digest(small_graph)
    with pytest.raises(MissingNodeError) as raised:
        await write(
            small_graph,
            event("new-event", "A new event"),
            Link(RelType.TOOK_PART, "vusal", "new-event", {"role": "speaker"}),
            Link(RelType.TOOK_PART, "nobody", "new-event", {"role": "speaker"}),
        )
    assert raised.value.field == "links.from"
    assert await graph_digest(small_graph) == before


async def test_duplicate_ids_are_refused_across_labels(small_graph: Cypher) -> None:
    before = await graph_digest(small_graph)
    with pytest.raises(DuplicateIdError):
        await write(small_graph, expert("sms", "Someone"))
    assert await graph_digest(small_graph) == before


async def test_duplicate_ids_are_refused_under_their_own_label(small_graph: Cypher) -> None:
    """The create's own label is left to the uniqueness constraint; the answer is the same."""
    before = await graph_digest(small_graph)
    with pytest.raises(DuplicateIdError) as raised:
        await write(
            small_graph,
            event("tot-baku", "Training of trainers in Baku, again"),
            Link(RelType.TOOK_PART, "vladimir", "tot-baku"),
        )
    assert raised.value.ident == "tot-baku"
    assert await graph_digest(small_graph) == before


async def test_an_id_created_twice_in_one_mutation_is_refused(small_graph: Cypher) -> None:
    before = await graph_digest(small_graph)
    with pytest.raises(DuplicateIdError):
        await write(small_graph, event("twice", "Once"), event("twice", "Twice"))
    assert await graph_digest(small_graph) == before


async def test_links_refuse_labels_the_type_does_not_join(small_graph: Cypher) -> None:
    with pytest.raises(InvalidFieldError, match="WORKS_FOR goes to Agency, Programme only"):
        await write(small_graph, Link(RelType.WORKS_FOR, "vusal", "tot-baku"))


async def test_deleting_a_node_others_link_to_needs_cascade(small_graph: Cypher) -> None:
    before = await graph_digest(small_graph)
    with pytest.raises(DependentsError, match="vusal -WORKS_FOR->"):
        await write(small_graph, DeleteNode(Label.AGENCY, "sms"))
    assert await graph_digest(small_graph) == before
    await write(small_graph, DeleteNode(Label.AGENCY, "sms", cascade=True))
    assert await properties(small_graph, "sms") == {}
    assert (await properties(small_graph, "vusal"))["name"] == "Vusal Huseynov"


async def test_unlink_removes_only_the_relationship_with_the_given_key(small_graph: Cypher) -> None:
    await write(small_graph, Link(RelType.WORKS_FOR, "vusal", "sms", {"role": "Adviser"}))
    await write(small_graph, Unlink(RelType.WORKS_FOR, "vusal", "sms", {"role": "Chief"}))
    rows = await small_graph.read(
        "MATCH (:Expert {id: 'vusal'})-[r:WORKS_FOR]->() RETURN r.role AS role"
    )
    assert [row["role"] for row in rows] == ["Adviser"]
    with pytest.raises(MissingNodeError):
        await write(small_graph, Unlink(RelType.WORKS_FOR, "vusal", "sms", {"role": "Chief"}))


async def test_restating_a_link_updates_it_instead_of_doubling_it(small_graph: Cypher) -> None:
    await write(
        small_graph, Link(RelType.WORKS_FOR, "vusal", "sms", {"role": "Chief", "note": "x"})
    )
    rows = await small_graph.read(
        "MATCH (:Expert {id: 'vusal'})-[r:WORKS_FOR]->() RETURN r.note AS n"
    )
    assert [row["n"] for row in rows] == ["x"]


async def test_every_write_leaves_an_audit_entry_with_personal_data_redacted(
    small_graph: Cypher,
) -> None:
    changes = NodeChanges({"email": "v@example.org"})
    await apply_writes(
        small_graph,
        [UpdateNode(Label.EXPERT, "vusal", changes)],
        principal=EDITOR,
        mutation="updateExpert",
    )
    entries = await audit_log(small_graph, entity="vusal")
    assert [entry.operation for entry in entries] == ["update", "link", "create"]
    latest = entries[0]
    assert (latest.actor, latest.role, latest.mutation) == ("jwt:editor", "editor", "updateExpert")
    assert latest.after is not None
    assert "v@example.org" not in latest.after
    assert '"email": "[redacted]"' in latest.after
    assert await entity_sources(small_graph, "vusal") == ("account:jwt:editor",)


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


async def test_a_cited_source_must_be_a_resource(small_graph: Cypher) -> None:
    with pytest.raises(MissingNodeError, match="Resource 'sms'"):
        await apply_writes(
            small_graph,
            [expert("x", "X")],
            principal=EDITOR,
            mutation="test",
            cited_source="sms",
        )


async def test_a_mutation_costs_one_round_trip(small_graph: Cypher) -> None:
    small_graph.round_trips = 0
    await write(
        small_graph, expert("a", "A"), expert("b", "B"), Link(RelType.WORKS_FOR, "a", "sms")
    )
    assert small_graph.round_trips == 1


def test_graph_errors_are_what_writes_raise() -> None:
    for error in (DependentsError, DuplicateIdError, InvalidFieldError, MissingNodeError):
        assert issubclass(error, GraphError)


async def test_the_audit_log_filters_by_time(small_graph: Cypher) -> None:
    newest = (await audit_log(small_graph, entity="sms"))[0].at
    recent = await audit_log(small_graph, since=newest)
    assert recent
    assert all(entry.at >= newest for entry in recent)
    a_year_later = newest.replace(year=newest.year + 1, tzinfo=None)
    assert await audit_log(small_graph, since=a_year_later) == ()


async def test_several_links_of_one_type_are_one_statement_with_exact_before_values(
    small_graph: Cypher,
) -> None:
    """A batch restating an existing link records its old value; new links record none."""
    await write(
        small_graph,
        Link(RelType.TOOK_PART, "vusal", "tot-baku", {"role": "trainer"}),
        Link(RelType.TOOK_PART, "vladimir", "tot-baku", {"role": "trainer"}),
        Link(RelType.TOOK_PART, "sms", "tot-baku", {"role": "organiser"}),
        Link(RelType.WORKS_FOR, "vladimir", "sms", {"role": "Adviser", "note": "second"}),
        Link(RelType.WORKS_FOR, "vusal", "sms", {"role": "Chief", "note": "restated"}),
    )
    rows = await small_graph.read(
        "MATCH (x)-[r:TOOK_PART]->(:Event {id: 'tot-baku'}) RETURN x.id AS id, r.role AS role"
    )
    assert {(row["id"], row["role"]) for row in rows} >= {
        ("vusal", "trainer"),
        ("vladimir", "trainer"),
        ("sms", "organiser"),
    }
    entries = await audit_log(small_graph, entity="sms")
    links: dict[tuple[str, str | None], AuditEntry] = {}
    for entry in entries:  # newest first: keep each link's latest entry
        if entry.operation == "link":
            links.setdefault((entry.entity, entry.target), entry)
    restated = links[("vusal", "sms")]
    assert restated.before is not None
    assert '"note": "restated"' not in restated.before
    assert restated.after is not None
    assert '"note": "restated"' in restated.after
    assert links[("vladimir", "sms")].after is not None
    notes = await small_graph.read(
        "MATCH (:Expert {id: 'vusal'})-[r:WORKS_FOR]->(:Agency {id: 'sms'}) RETURN r.note AS n"
    )
    assert [row["n"] for row in notes] == ["restated"]


async def test_the_same_link_twice_in_one_mutation_is_written_once(small_graph: Cypher) -> None:
    await write(
        small_graph,
        Link(RelType.TOOK_PART, "vladimir", "iom-meeting", {"role": "speaker", "note": "a"}),
        Link(RelType.TOOK_PART, "vladimir", "iom-meeting", {"role": "speaker", "note": "b"}),
    )
    rows = await small_graph.read(
        "MATCH (:Expert {id: 'vladimir'})-[r:TOOK_PART]->(:Event {id: 'iom-meeting'}) "
        "RETURN r.note AS note"
    )
    assert [row["note"] for row in rows] == ["b"]
    entries = await audit_log(small_graph, entity="iom-meeting")
    second = next(entry for entry in entries if entry.after and '"note": "b"' in entry.after)
    assert second.before is not None
    assert '"note": "a"' in second.before


def node_of(label: Label, ident: str) -> CreateNode:
    """The smallest valid node of `label`: an expert's name or an English display text."""
    if label is Label.EXPERT:
        return CreateNode(label, ident, NodeChanges({"name": ident}))
    return CreateNode(label, ident, NodeChanges({}, {DISPLAY_FIELD[label]: {"en": ident}}))


@pytest.fixture
async def every_label(cypher: Cypher) -> Cypher:
    """Two nodes of every label (`expert-a`, `expert-b`, ...): IN and CASCADES_FROM join a
    label to itself."""
    await write(cypher, *(node_of(label, f"{label.lower()}-{s}") for label in Label for s in "ab"))
    return cypher


@pytest.mark.parametrize("rel_type", list(RelType))
async def test_every_link_type_joins_the_named_nodes(
    every_label: Cypher, rel_type: RelType
) -> None:
    starts, ends = ALLOWED_LINKS[rel_type]
    start = f"{sorted(starts)[0].lower()}-a"
    end = f"{sorted(ends)[0].lower()}-b"
    await write(every_label, Link(rel_type, start, end))
    around = await neighbourhood(every_label, node_id=start, depth=1)
    assert [(e.source, e.type, e.target) for e in around.edges] == [(start, rel_type, end)]


@pytest.mark.parametrize("rel_type", list(RelType))
async def test_every_link_type_refuses_labels_it_does_not_join(
    every_label: Cypher, rel_type: RelType
) -> None:
    starts, ends = ALLOWED_LINKS[rel_type]
    before = await graph_digest(every_label)
    wrong_starts = sorted(set(Label) - starts)
    wrong_ends = sorted(set(Label) - ends)
    good_start, good_end = f"{sorted(starts)[0].lower()}-a", f"{sorted(ends)[0].lower()}-b"
    for start, end in [(f"{label.lower()}-a", good_end) for label in wrong_starts] + [
        (good_start, f"{label.lower()}-b") for label in wrong_ends
    ]:
        with pytest.raises(InvalidFieldError, match=f"{rel_type} goes"):
            await write(every_label, Link(rel_type, start, end))
    assert await graph_digest(every_label) == before


class _CountedTransaction:
    """The real transaction, noting each statement it is sent."""

    def __init__(self, tx: AsyncManagedTransaction, sent: list[str]) -> None:
        self._tx = tx
        self._sent = sent

    async def run(self, query: LiteralString, parameters: Any = None, **kwargs: Any) -> Any:
        self._sent.append(query)
        return await self._tx.run(query, parameters, **kwargs)


RECEIPT = 1
"""The write receipt every mutation leaves in its transaction (graph/writes/receipts.py)."""


class StatementCountingCypher(Cypher):
    """The real runner; write transactions note their statements in `sent`."""

    def __init__(self, driver: AsyncDriver, database: str) -> None:
        super().__init__(driver, database)
        self.sent: list[str] = []

    async def write_transaction(self, work: Callable[[AsyncManagedTransaction], Awaitable[T]]) -> T:
        async def counted(tx: AsyncManagedTransaction) -> T:
            return await work(cast(AsyncManagedTransaction, _CountedTransaction(tx, self.sent)))

        return await super().write_transaction(counted)


@pytest.fixture
def counting(small_graph: Cypher, driver: AsyncDriver) -> StatementCountingCypher:
    return StatementCountingCypher(driver, DATABASE)


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
    rows = await counting.read(
        "MATCH (:Expert {id: 'vusal'})-[r:TOOK_PART]->(:Event {id: 'roll-out'}) RETURN r.note AS n"
    )
    assert [row["n"] for row in rows] == ["second"]


async def refused_without_a_trace(
    cypher: Cypher, error: type[Exception], *operations: Operation
) -> None:
    """`operations` are refused with `error` and the graph is exactly as before."""
    before = await graph_digest(cypher)
    with pytest.raises(error):
        await write(cypher, *operations)
    assert await graph_digest(cypher) == before


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
