"""Links and unlinks: allowed labels per type, keys, restated links, several in one statement."""

from __future__ import annotations

import pytest

from graph.auditing.trail import AuditEntry, audit_log
from graph.database.cypher import Cypher
from graph.model import ALLOWED_LINKS, Label, RelType
from graph.network.neighbourhood import neighbourhood
from graph.writes.digest import graph_digest
from graph.writes.operations import Link, Unlink
from graph.writes.refusals import (
    InvalidFieldError,
    MissingNodeError,
)
from tests.graph.writes.writing import link_notes, write


async def test_links_refuse_labels_the_type_does_not_join(small_graph: Cypher) -> None:
    with pytest.raises(InvalidFieldError, match="WORKS_FOR goes to Agency, Programme only"):
        await write(small_graph, Link(RelType.WORKS_FOR, "vusal", "tot-baku"))


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
    assert await link_notes(small_graph, RelType.WORKS_FOR, "vusal") == ["x"]


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
    assert await link_notes(small_graph, RelType.WORKS_FOR, "vusal", "sms") == ["restated"]


async def test_the_same_link_twice_in_one_mutation_is_written_once(small_graph: Cypher) -> None:
    await write(
        small_graph,
        Link(RelType.TOOK_PART, "vladimir", "iom-meeting", {"role": "speaker", "note": "a"}),
        Link(RelType.TOOK_PART, "vladimir", "iom-meeting", {"role": "speaker", "note": "b"}),
    )
    assert await link_notes(small_graph, RelType.TOOK_PART, "vladimir", "iom-meeting") == ["b"]
    entries = await audit_log(small_graph, entity="iom-meeting")
    second = next(entry for entry in entries if entry.after and '"note": "b"' in entry.after)
    assert second.before is not None
    assert '"note": "a"' in second.before


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
