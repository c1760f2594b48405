"""The graph fingerprint that keys the analytics cache."""

from __future__ import annotations

from graph.database.cypher import Cypher
from graph.model import Label, RelType
from graph.network.version import GraphVersion, graph_version
from tests.network_graphs import GraphBuilder


async def test_fingerprint_moves_when_a_node_or_relationship_is_added(cypher: Cypher) -> None:
    g = GraphBuilder()
    g.node(Label.EXPERT, "ann")
    g.node(Label.EVENT, "e1")
    await g.write(cypher)
    before = await graph_version(cypher)

    more = GraphBuilder()
    more.link(RelType.TOOK_PART, "ann", "e1", role="speaker")
    await more.write(cypher)

    assert await graph_version(cypher) != before
    assert await graph_version(cypher) == await graph_version(cypher)


async def test_a_rewrite_that_changes_no_count_is_seen_by_the_full_check(cypher: Cypher) -> None:
    g = GraphBuilder()
    g.node(Label.EXPERT, "ann")
    await g.write(cypher)
    counts_only = GraphVersion(full_check_seconds=3600)
    always_full = GraphVersion(full_check_seconds=0)
    first = (await counts_only.current(cypher), await always_full.current(cypher))

    await g.write(cypher)  # the same node again: same counts, a later writtenAt

    assert await counts_only.current(cypher) == first[0]
    assert await always_full.current(cypher) != first[1]
