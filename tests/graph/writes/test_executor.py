"""Writes against real Neo4j: one transaction per mutation, provenance, audit."""

from __future__ import annotations

import pytest

from graph.auditing.trail import audit_log, entity_sources
from graph.database.cypher import Cypher
from graph.errors import GraphError
from graph.model import Label, RelType
from graph.writes.digest import graph_digest
from graph.writes.executor import apply_writes
from graph.writes.fields import NodeChanges
from graph.writes.operations import CreateNode, DeleteNode, Link, UpdateNode
from graph.writes.refusals import (
    DependentsError,
    DuplicateIdError,
    InvalidFieldError,
    MissingNodeError,
)
from tests.graph.writes.writing import (
    EDITOR,
    event,
    expert,
    properties,
    write,
)


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


async def test_deleting_a_node_others_link_to_needs_cascade(small_graph: Cypher) -> None:
    before = await graph_digest(small_graph)
    with pytest.raises(DependentsError, match="vusal -WORKS_FOR->"):
        await write(small_graph, DeleteNode(Label.AGENCY, "sms"))
    assert await graph_digest(small_graph) == before
    await write(small_graph, DeleteNode(Label.AGENCY, "sms", cascade=True))
    assert await properties(small_graph, "sms") == {}
    assert (await properties(small_graph, "vusal"))["name"] == "Vusal Huseynov"


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
