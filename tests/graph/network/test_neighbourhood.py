"""Neighbourhoods on a small graph whose answer is known by construction."""

from __future__ import annotations

import pytest

from graph.database.cypher import Cypher
from graph.errors import InvalidInputError, NotFoundError
from graph.model import Label, RelType
from graph.network.neighbourhood import MAX_DEPTH, MAX_LIMIT, neighbourhood
from tests.network_graphs import GraphBuilder


async def an_expert_with_two_events(cypher: Cypher) -> None:
    """ann took part in e1 and e2 and works for `agency`. At distance 2: bob took part in
    both events, carl and dina in e1 only; the agency is based in `country`. At distance 3:
    bob's employer `other`."""
    g = GraphBuilder()
    for slug in ("ann", "bob", "carl", "dina"):
        g.node(Label.EXPERT, slug)
    g.node(Label.EVENT, "e1")
    g.node(Label.EVENT, "e2")
    g.node(Label.AGENCY, "agency")
    g.node(Label.AGENCY, "other")
    g.node(Label.COUNTRY, "country")
    g.link(RelType.WORKS_FOR, "ann", "agency", role="Chief", since="2019")
    g.link(RelType.BASED_IN, "agency", "country")
    g.link(RelType.WORKS_FOR, "bob", "other")
    for expert, event in (("ann", "e1"), ("ann", "e2"), ("bob", "e1"), ("bob", "e2")):
        g.link(RelType.TOOK_PART, expert, event, role="speaker")
    g.link(RelType.TOOK_PART, "carl", "e1", role="participant")
    g.link(RelType.TOOK_PART, "dina", "e1", role="participant")
    await g.write(cypher)


async def test_depth_one_gives_direct_neighbours_and_the_edges_among_them(
    cypher: Cypher,
) -> None:
    await an_expert_with_two_events(cypher)

    found = await neighbourhood(cypher, node_id="ann", depth=1)

    assert {n.id for n in found.nodes} == {"ann", "e1", "e2", "agency"}
    assert {(e.source, e.type, e.target) for e in found.edges} == {
        ("ann", RelType.TOOK_PART, "e1"),
        ("ann", RelType.TOOK_PART, "e2"),
        ("ann", RelType.WORKS_FOR, "agency"),
    }
    works_for = next(e for e in found.edges if e.type is RelType.WORKS_FOR)
    assert (works_for.properties.role, works_for.properties.since) == ("Chief", "2019")
    assert found.truncated is False
    assert found.distances == {"ann": 0, "e1": 1, "e2": 1, "agency": 1}


async def test_depth_three_reaches_the_employer_of_a_co_speaker(cypher: Cypher) -> None:
    await an_expert_with_two_events(cypher)

    found = await neighbourhood(cypher, node_id="ann", depth=3)

    assert found.distances["other"] == 3
    assert found.distances["bob"] == 2
    assert len(found.nodes) == 9
    assert found.truncated is False


async def test_limit_keeps_nearest_then_best_tied_nodes_and_says_it_cut(cypher: Cypher) -> None:
    await an_expert_with_two_events(cypher)

    found = await neighbourhood(cypher, node_id="ann", depth=2, limit=5)

    assert [n.id for n in found.nodes][:1] == ["ann"]
    assert {n.id for n in found.nodes} == {"ann", "e1", "e2", "agency", "bob"}
    assert found.truncated is True


async def test_at_the_cut_more_relationships_win_then_the_slug_breaks_ties(
    cypher: Cypher,
) -> None:
    """ann's one event e has five other participants. zed has two more relationships than
    the rest; amy, bea, cat and dan tie on everything but their slug."""
    g = GraphBuilder()
    for slug in ("ann", "zed", "dan", "cat", "bea", "amy"):
        g.node(Label.EXPERT, slug)
    g.node(Label.EVENT, "e")
    g.node(Label.AGENCY, "a1")
    g.node(Label.AGENCY, "a2")
    for slug in ("ann", "zed", "dan", "cat", "bea", "amy"):
        g.link(RelType.TOOK_PART, slug, "e", role="participant")
    g.link(RelType.WORKS_FOR, "zed", "a1")
    g.link(RelType.WORKS_FOR, "zed", "a2")
    await g.write(cypher)

    found = await neighbourhood(cypher, node_id="ann", depth=2, limit=4)
    wider = await neighbourhood(cypher, node_id="ann", depth=2, limit=5)
    whole = await neighbourhood(cypher, node_id="ann", depth=2, limit=7)

    assert found.distances == {"ann": 0, "e": 1, "zed": 2, "amy": 2}
    assert found.truncated is True
    assert set(wider.distances) == {"ann", "e", "zed", "amy", "bea"}
    assert wider.truncated is True
    assert set(whole.distances) == {"ann", "e", "zed", "amy", "bea", "cat", "dan"}
    assert whole.truncated is False


async def test_types_restrict_what_the_expansion_may_cross(cypher: Cypher) -> None:
    await an_expert_with_two_events(cypher)

    found = await neighbourhood(
        cypher, node_id="ann", depth=3, labels=frozenset({Label.AGENCY, Label.COUNTRY})
    )

    assert {n.id for n in found.nodes} == {"ann", "agency", "country"}


async def test_relationship_types_restrict_the_edges_followed(cypher: Cypher) -> None:
    await an_expert_with_two_events(cypher)

    found = await neighbourhood(
        cypher, node_id="ann", depth=2, types=frozenset({RelType.WORKS_FOR, RelType.BASED_IN})
    )

    assert {n.id for n in found.nodes} == {"ann", "agency", "country"}
    assert {e.type for e in found.edges} == {RelType.WORKS_FOR, RelType.BASED_IN}


async def test_unknown_centre_is_not_found(cypher: Cypher) -> None:
    with pytest.raises(NotFoundError):
        await neighbourhood(cypher, node_id="nobody")


@pytest.mark.parametrize(
    ("depth", "limit", "message"),
    [(0, 10, "depth"), (MAX_DEPTH + 1, 10, "depth"), (1, 0, "limit"), (1, MAX_LIMIT + 1, "limit")],
)
async def test_depth_and_limit_outside_their_caps_are_refused(
    cypher: Cypher, depth: int, limit: int, message: str
) -> None:
    with pytest.raises(InvalidInputError, match=message):
        await neighbourhood(cypher, node_id="ann", depth=depth, limit=limit)


@pytest.mark.parametrize(("depth", "limit"), [(1, 100), (2, 5), (3, 100)])
async def test_no_filters_gives_what_every_label_and_type_allowed_gives(
    cypher: Cypher, depth: int, limit: int
) -> None:
    """The unfiltered variant of the query must not change any answer, only its cost."""
    await an_expert_with_two_events(cypher)
    plain = await neighbourhood(cypher, node_id="ann", depth=depth, limit=limit)
    filtered = await neighbourhood(
        cypher,
        node_id="ann",
        depth=depth,
        limit=limit,
        labels=frozenset(Label),
        types=frozenset(RelType),
    )

    assert plain == filtered
    assert plain.edges
    assert all(edge.properties.written_at is not None for edge in plain.edges)
