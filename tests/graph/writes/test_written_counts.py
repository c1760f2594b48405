"""Counts a write knows of the nodes it created equal what the count queries read afterwards."""

from __future__ import annotations

from graph.database.cypher import Cypher
from graph.model import Label, RelType
from graph.repositories.base import Relation, related_counts
from graph.repositories.event import EventRepository
from graph.repositories.expert import ExpertRepository
from graph.repositories.written import WrittenCounts, one_hop
from graph.writes.executor import apply_writes
from graph.writes.fields import NodeChanges
from graph.writes.operations import CreateNode, Link, Unlink, WriteOutcome
from tests.schema.mutations_support import EDITOR, build_small_graph

ROLES = (None, "trainer", "participant", "organiser", "speaker")


async def _create_linked(cypher: Cypher) -> WriteOutcome:
    """A new event and a new expert, linked to each other and to the small graph."""
    await build_small_graph(cypher)
    title = NodeChanges({"kind": "roll_out_session"}, {"title": {"en": "Roll-out"}})
    return await apply_writes(
        cypher,
        [
            CreateNode(Label.EVENT, "roll-out", title),
            CreateNode(Label.EXPERT, "aziz", NodeChanges({"name": "Aziz Karimov"})),
            Link(RelType.TOOK_PART, "vusal", "roll-out", {"role": "trainer"}),
            Link(RelType.TOOK_PART, "aziz", "roll-out", {"role": "participant"}),
            Link(RelType.TOOK_PART, "sms", "roll-out", {"role": "organiser"}),
            Link(RelType.TOOK_PART, "aziz", "tot", {"role": "participant"}),
            Link(RelType.WORKS_FOR, "aziz", "sms"),
            Link(RelType.ABOUT, "aziz", "migration"),
            Link(RelType.HELD_IN, "roll-out", "baku"),
            Link(RelType.PART_OF, "roll-out", "rtcm"),
            Link(RelType.ABOUT, "roll-out", "migration"),
            Link(RelType.CASCADES_FROM, "roll-out", "tot"),
            Link(RelType.FUNDED_BY, "roll-out", "iom"),
        ],
        principal=EDITOR,
        mutation="test",
    )


async def _answered(
    cypher: Cypher, written: WrittenCounts, relations: dict[str, Relation], owner: str
) -> set[str]:
    """The relations whose counts `written` knows; each checked against the count query."""
    answered: set[str] = set()
    for name, relation in relations.items():
        for role in ROLES if relation.by_role else (None,):
            counter = written.counter(relation, role)
            known = counter(owner) if counter is not None else None
            if known is None:
                continue
            read = await related_counts(cypher, relation, [owner], role=role)
            assert known == read[owner], (name, role)
            answered.add(name)
    return answered


async def test_known_counts_of_created_nodes_equal_the_count_queries(cypher: Cypher) -> None:
    written = WrittenCounts(await _create_linked(cypher))
    events = dict(EventRepository.relations)
    experts = dict(ExpertRepository.relations)
    assert await _answered(cypher, written, events, "roll-out") == {
        "participants",
        "place",
        "programme",
        "topics",
        "cascadesFrom",
        "cascades",
        "funders",
        "implementers",
        "describedBy",
        "mentionedIn",
    }
    assert await _answered(cypher, written, experts, "aziz") >= {"agencies", "events", "topics"}


async def test_nodes_the_write_did_not_create_are_left_to_the_query(cypher: Cypher) -> None:
    written = WrittenCounts(await _create_linked(cypher))
    participants = written.counter(EventRepository.relations["participants"], None)
    assert participants is not None
    assert participants("tot") is None
    assert participants("roll-out") == 3
    trainers = written.counter(EventRepository.relations["participants"], "trainer")
    assert trainers is not None
    assert trainers("roll-out") == 1
    assert written.counter(EventRepository.relations["organisers"], None) is None
    assert written.counter(EventRepository.relations["country"], None) is None


async def test_a_node_also_unlinked_in_the_write_is_left_to_the_query(cypher: Cypher) -> None:
    await build_small_graph(cypher)
    outcome = await apply_writes(
        cypher,
        [
            CreateNode(Label.EXPERT, "aziz", NodeChanges({"name": "Aziz Karimov"})),
            Link(RelType.WORKS_FOR, "aziz", "sms"),
            Unlink(RelType.WORKS_FOR, "aziz", "sms"),
        ],
        principal=EDITOR,
        mutation="test",
    )
    agencies = WrittenCounts(outcome).counter(ExpertRepository.relations["agencies"], None)
    assert agencies is None or agencies("aziz") is None
    read = await related_counts(cypher, ExpertRepository.relations["agencies"], ["aziz"])
    assert read == {"aziz": 0}


def test_only_single_typed_directed_hops_are_read_as_hops() -> None:
    assert one_hop("MATCH (o)<-[r:TOOK_PART]-(m)") is not None
    hop = one_hop("MATCH (o)-[r:HELD_IN]->(m:Place)")
    assert hop is not None
    assert hop.outgoing
    assert hop.far is Label.PLACE
    assert one_hop("MATCH (o)<-[r:TOOK_PART {role: 'organiser'}]-(m)") is None
    assert one_hop("MATCH (o)-[:HELD_IN]->()-[:IN*0..3]->(m:Country) WITH DISTINCT m") is None
    assert one_hop("MATCH (o)-[r:ABOUT]-(m:Topic)") is None
