"""Shortest chains on small graphs whose answer is known by construction."""

from __future__ import annotations

import pytest

from graph.database.cypher import Cypher
from graph.errors import InvalidInputError, NotFoundError
from graph.model import Label, RelType
from graph.network.paths import MAX_HOPS, TIE_TYPES, TIES_PATTERN, shortest_path
from tests.network_graphs import GraphBuilder


async def two_experts_sharing_a_topic_and_a_chain_of_events(cypher: Cypher) -> None:
    """ann and bob share the topic `t` (2 hops) and are 4 hops apart through events:
    ann -> e1 <- carl -> e2 <- bob."""
    g = GraphBuilder()
    for slug in ("ann", "bob", "carl"):
        g.node(Label.EXPERT, slug)
    g.node(Label.TOPIC, "t")
    g.node(Label.EVENT, "e1")
    g.node(Label.EVENT, "e2")
    g.link(RelType.ABOUT, "ann", "t")
    g.link(RelType.ABOUT, "bob", "t")
    g.link(RelType.TOOK_PART, "ann", "e1", role="participant")
    g.link(RelType.TOOK_PART, "carl", "e1", role="trainer")
    g.link(RelType.TOOK_PART, "carl", "e2", role="trainer")
    g.link(RelType.TOOK_PART, "bob", "e2", role="participant")
    await g.write(cypher)


async def test_default_path_runs_over_ties_not_over_a_shared_topic(cypher: Cypher) -> None:
    await two_experts_sharing_a_topic_and_a_chain_of_events(cypher)

    path = await shortest_path(cypher, source="ann", target="bob")

    assert path is not None
    assert [n.id for n in path.nodes] == ["ann", "e1", "carl", "e2", "bob"]
    assert [(e.source, e.target) for e in path.edges] == [
        ("ann", "e1"),
        ("carl", "e1"),
        ("carl", "e2"),
        ("bob", "e2"),
    ]


async def test_via_about_finds_the_two_hop_chain_through_the_topic(cypher: Cypher) -> None:
    await two_experts_sharing_a_topic_and_a_chain_of_events(cypher)

    path = await shortest_path(
        cypher, source="ann", target="bob", rel_types=frozenset({RelType.ABOUT})
    )

    assert path is not None
    assert [n.id for n in path.nodes] == ["ann", "t", "bob"]


async def test_path_is_null_when_the_only_chain_is_longer_than_max_hops(cypher: Cypher) -> None:
    await two_experts_sharing_a_topic_and_a_chain_of_events(cypher)

    assert await shortest_path(cypher, source="ann", target="bob", max_hops=3) is None
    assert await shortest_path(cypher, source="ann", target="bob", max_hops=4) is not None


async def test_path_to_a_topic_may_use_a_topic_tag(cypher: Cypher) -> None:
    await two_experts_sharing_a_topic_and_a_chain_of_events(cypher)

    path = await shortest_path(cypher, source="ann", target="t")

    assert path is not None
    assert [(e.type, e.target) for e in path.edges] == [(RelType.ABOUT, "t")]


async def test_through_limits_the_kinds_of_node_in_between(cypher: Cypher) -> None:
    await two_experts_sharing_a_topic_and_a_chain_of_events(cypher)

    blocked = await shortest_path(
        cypher, source="ann", target="bob", through=frozenset({Label.AGENCY})
    )
    allowed = await shortest_path(
        cypher, source="ann", target="bob", through=frozenset({Label.EVENT, Label.EXPERT})
    )

    assert blocked is None
    assert allowed is not None


async def test_path_from_a_node_to_itself_is_that_node_alone(cypher: Cypher) -> None:
    await two_experts_sharing_a_topic_and_a_chain_of_events(cypher)

    path = await shortest_path(cypher, source="ann", target="ann")

    assert path is not None
    assert ([n.id for n in path.nodes], path.edges) == (["ann"], ())


async def test_unknown_endpoints_are_not_found(cypher: Cypher) -> None:
    await two_experts_sharing_a_topic_and_a_chain_of_events(cypher)

    with pytest.raises(NotFoundError, match="nobody"):
        await shortest_path(cypher, source="ann", target="nobody")
    with pytest.raises(NotFoundError, match="ghost"):
        await shortest_path(cypher, source="ghost", target="ann")


@pytest.mark.parametrize("hops", [0, MAX_HOPS + 1])
async def test_max_hops_outside_the_cap_is_refused(cypher: Cypher, hops: int) -> None:
    with pytest.raises(InvalidInputError, match="maxHops"):
        await shortest_path(cypher, source="a", target="b", max_hops=hops)


async def test_empty_via_is_refused(cypher: Cypher) -> None:
    with pytest.raises(InvalidInputError, match="via"):
        await shortest_path(cypher, source="a", target="b", rel_types=frozenset())


@pytest.mark.parametrize("hops", [2, 4, 6])
async def test_no_through_gives_what_every_label_allowed_gives(cypher: Cypher, hops: int) -> None:
    """The variant without the `through` condition must change the cost, never the answer."""
    await two_experts_sharing_a_topic_and_a_chain_of_events(cypher)

    plain = await shortest_path(cypher, source="ann", target="bob", max_hops=hops)
    through = await shortest_path(
        cypher, source="ann", target="bob", max_hops=hops, through=frozenset(Label)
    )

    assert plain == through
    assert (plain is None) == (hops < 4)


def test_the_tie_pattern_names_exactly_the_tie_types() -> None:
    assert {RelType(name) for name in TIES_PATTERN.split("|")} == TIE_TYPES


@pytest.mark.parametrize(("source", "target"), [("ann", "bob"), ("ann", "t"), ("t", "ann")])
async def test_the_typed_default_search_answers_as_the_generic_one(
    cypher: Cypher, source: str, target: str
) -> None:
    """Ties in the pattern (default) vs ties as a condition (explicit `rel_types`): the same
    chains, also when a Topic endpoint widens the default to its tags."""
    await two_experts_sharing_a_topic_and_a_chain_of_events(cypher)
    widened = TIE_TYPES | ({RelType.ABOUT} if "t" in (source, target) else set())

    for hops in (2, 4, 6):
        default = await shortest_path(cypher, source=source, target=target, max_hops=hops)
        explicit = await shortest_path(
            cypher, source=source, target=target, max_hops=hops, rel_types=frozenset(widened)
        )
        assert default == explicit
