"""Batched writes: constant queries matching the allow-lists, idempotent merges, no lost links."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from graph.database.cypher import Cypher
from graph.database.maintenance import GraphSize, graph_size
from graph.database.migrations import FULLTEXT_INDEXES, apply_migrations
from graph.errors import GraphError
from graph.loading.bulk import (
    DROP_FULLTEXT_INDEXES,
    drop_fulltext_indexes,
    fulltext_index_names,
    write_links,
    write_nodes,
)
from graph.loading.bulk_node_queries import CREATE_NODES, MERGE_NODES
from graph.loading.link_queries import CREATE_LINKS, MERGE_LINKS, MERGE_LINKS_BY_TYPE
from graph.model import ALLOWED_LINKS, Label, RelType
from graph.repositories.stored import stored_node

AT = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
LINK_QUERY = re.compile(
    r"MATCH \(a:(?P<start>\w+) \{id: row\.from\}\) MATCH \(b:(?P<end>\w+) \{id: row\.to\}\) "
    r"(?:MERGE|CREATE) \(a\)-\[r:(?P<type>\w+)[ \]]"
)


def test_there_is_a_merge_and_a_create_query_for_exactly_the_allowed_shapes() -> None:
    allowed = {
        (rel_type, start, end)
        for rel_type, (starts, ends) in ALLOWED_LINKS.items()
        for start in starts
        for end in ends
    }

    assert set(MERGE_LINKS) == allowed
    assert set(CREATE_LINKS) == allowed
    assert set(MERGE_NODES) == set(CREATE_NODES) == set(Label)


@pytest.mark.parametrize("queries", [MERGE_LINKS, CREATE_LINKS], ids=["merge", "create"])
def test_each_relationship_query_names_the_type_and_labels_of_its_shape(
    queries: dict[tuple[RelType, Label, Label], str],
) -> None:
    for (rel_type, start, end), query in queries.items():
        match = LINK_QUERY.search(query)
        assert match is not None, query
        assert (match["type"], match["start"], match["end"]) == (rel_type, start, end)


def test_each_per_type_query_matches_exactly_the_labels_the_allow_list_permits() -> None:
    pattern = re.compile(
        r"MATCH \(a:(?P<start>[\w|]+) \{id: row\.from\}\) MATCH \(b:(?P<end>[\w|]+) "
        r"\{id: row\.to\}\) MERGE \(a\)-\[r:(?P<type>\w+) "
    )
    assert set(MERGE_LINKS_BY_TYPE) == set(RelType)
    for rel_type, query in MERGE_LINKS_BY_TYPE.items():
        match = pattern.search(query)
        assert match is not None, query
        starts, ends = ALLOWED_LINKS[rel_type]
        assert match["type"] == rel_type
        assert set(match["start"].split("|")) == set(starts)
        assert set(match["end"].split("|")) == set(ends)


def test_each_node_query_names_its_label() -> None:
    for label in Label:
        assert f"(n:{label.value} {{id: row.id}})" in MERGE_NODES[label]
        assert f"CREATE (n:{label.value})" in CREATE_NODES[label]


async def test_merging_twice_keeps_one_node_and_one_link_per_key(cypher: Cypher) -> None:
    experts = [{"id": "ex-1", "props": {"id": "ex-1", "name": "First", "note": "old"}}]
    events = [{"id": "ev-1", "props": {"id": "ev-1", "name": "Event"}}]
    roles = [
        {"from": "ex-1", "to": "ev-1", "key": f"role={role}", "props": {"role": role}}
        for role in ("speaker", "organiser")
    ]
    shape = (RelType.TOOK_PART, Label.EXPERT, Label.EVENT)
    for _ in range(2):
        await write_nodes(cypher, Label.EXPERT, experts, written_at=AT)
        await write_nodes(cypher, Label.EVENT, events, written_at=AT)
        await write_links(cypher, shape, roles, written_at=AT, batch_size=1)
    renamed = [{"id": "ex-1", "props": {"id": "ex-1", "name": "Renamed"}}]
    await write_nodes(cypher, Label.EXPERT, renamed, written_at=AT)

    expert = await stored_node(cypher, "ex-1")
    assert await graph_size(cypher) == GraphSize(nodes=2, relationships=2)
    assert expert.props["name"] == "Renamed"
    assert "note" not in expert.props  # the node mirrors its latest row
    assert sorted(link.props["role"] for link in expert.links) == ["organiser", "speaker"]
    assert expert.props["writtenAt"].to_native() == AT


async def test_a_link_to_a_missing_node_fails_and_rolls_back_its_batch(cypher: Cypher) -> None:
    agencies = [{"id": f"ag-{n}", "props": {"id": f"ag-{n}"}} for n in range(2)]
    await write_nodes(cypher, Label.AGENCY, agencies, written_at=AT, mode="create")
    rows = [
        {"from": "ag-0", "to": "ag-1", "key": "", "props": {}},
        {"from": "ag-1", "to": "ag-missing", "key": "", "props": {}},
    ]
    shape = (RelType.PART_OF, Label.AGENCY, Label.AGENCY)

    with pytest.raises(GraphError, match="1 of 2"):
        await write_links(cypher, shape, rows, written_at=AT, mode="create")

    assert (await graph_size(cypher)).relationships == 0


async def test_concurrent_node_batches_write_every_row_once_and_report_each_batch(
    cypher: Cypher,
) -> None:
    rows = [{"id": f"ex-{n}", "props": {"id": f"ex-{n}", "name": f"E{n}"}} for n in range(23)]
    sizes: list[int] = []

    written = await write_nodes(
        cypher, Label.EXPERT, rows, written_at=AT, mode="create",
        batch_size=4, concurrency=3, on_batch=sizes.append,
    )  # fmt: skip

    assert written == 23
    assert sorted(sizes) == [3, 4, 4, 4, 4, 4]
    assert await graph_size(cypher) == GraphSize(nodes=23, relationships=0)
    assert (await stored_node(cypher, "ex-22")).props["name"] == "E22"


async def test_a_failing_concurrent_node_batch_fails_the_whole_write(cypher: Cypher) -> None:
    await apply_migrations(cypher)  # the unique constraint on Expert.id
    rows = [{"id": f"ex-{n % 5}", "props": {"id": f"ex-{n % 5}"}} for n in range(12)]

    with pytest.raises(GraphError):
        await write_nodes(
            cypher, Label.EXPERT, rows, written_at=AT, mode="create", batch_size=5, concurrency=2
        )

    assert (await graph_size(cypher)).nodes <= 5  # only the first batch may have committed


async def test_node_writes_refuse_a_concurrency_below_one(cypher: Cypher) -> None:
    rows = [{"id": "ex-1", "props": {"id": "ex-1"}}]

    with pytest.raises(ValueError, match="concurrency"):
        await write_nodes(cypher, Label.EXPERT, rows, written_at=AT, concurrency=0)


async def test_a_shape_the_allow_list_forbids_is_refused_before_any_query(cypher: Cypher) -> None:
    shape = (RelType.WORKS_FOR, Label.AGENCY, Label.EXPERT)

    with pytest.raises(ValueError, match="does not allow"):
        await write_links(cypher, shape, [], written_at=AT)
    with pytest.raises(ValueError, match="needs a"):
        await write_links(cypher, RelType.WORKS_FOR, [], written_at=AT, mode="create")

    assert cypher.round_trips == 0


async def test_links_given_only_their_type_find_endpoints_of_any_allowed_label(
    cypher: Cypher,
) -> None:
    await write_nodes(cypher, Label.RESOURCE, [{"id": "res", "props": {}}], written_at=AT)
    await write_nodes(cypher, Label.TOPIC, [{"id": "top", "props": {}}], written_at=AT)
    await write_nodes(cypher, Label.PLACE, [{"id": "pla", "props": {}}], written_at=AT)
    rows: list[dict[str, object]] = [
        {"from": "res", "to": end, "key": "", "props": {}} for end in ("top", "pla")
    ]

    for _ in range(2):
        written = await write_links(cypher, RelType.MENTIONS, rows, written_at=AT)

    assert written == 2
    assert sorted(link.to for link in (await stored_node(cypher, "res")).links) == ["pla", "top"]


async def test_full_text_indexes_dropped_for_a_bulk_load_come_back_with_migrations(
    cypher: Cypher,
) -> None:
    created = {re.search(r"INDEX (\w+)", query)[1] for query in FULLTEXT_INDEXES}  # type: ignore[index]
    dropped = {query.split()[2] for query in DROP_FULLTEXT_INDEXES}
    assert dropped == created

    await drop_fulltext_indexes(cypher)
    while_loading = await fulltext_index_names(cypher)
    await apply_migrations(cypher)
    afterwards = await fulltext_index_names(cypher)

    assert not created & while_loading
    assert created <= afterwards
