"""Brokers and communities on projections whose answer is known by construction."""

from __future__ import annotations

import pytest

from graph.analytics.brokers import Ranking, centrality_report, community_report
from graph.analytics.cache import AnalyticsCache
from graph.database.cypher import Cypher
from graph.errors import InvalidInputError, NotFoundError
from graph.model import Label, RelType
from graph.network.projections import Projection, ProjectionSpec
from graph.network.results import Period
from tests.network_graphs import GraphBuilder

AGENCIES = ProjectionSpec(Projection.AGENCIES_BY_EVENTS)
EXPERTS = ProjectionSpec(Projection.EXPERTS_BY_EVENTS)
COUNTRIES = ProjectionSpec(Projection.COUNTRIES_BY_PROGRAMMES)


def participants(g: GraphBuilder, label: Label, prefix: str, count: int, event: str) -> None:
    """Nodes `prefix`1..`prefix``count` of `label`, each a participant of `event`."""
    for i in range(1, count + 1):
        g.link(RelType.TOOK_PART, g.node(label, f"{prefix}{i}"), event, role="participant")


def bridge_between_two_groups(g: GraphBuilder) -> None:
    """Agencies l1..l4 meet at `left` (2019), r1..r4 at `right` (2021); `bridge` attends
    both and is the only tie between the groups."""
    for side, year in (("l", "2019-05-05"), ("r", "2021-06-06")):
        event = g.node(Label.EVENT, "left" if side == "l" else "right", start=year)
        participants(g, Label.AGENCY, side, 4, event)
    g.node(Label.AGENCY, "bridge")
    g.link(RelType.TOOK_PART, "bridge", "left", role="organiser")
    g.link(RelType.TOOK_PART, "bridge", "right", role="organiser")


def two_cliques_joined_by_one_tie(g: GraphBuilder) -> None:
    """Experts a1..a5 all attend `ea`, b1..b5 all attend `eb`; a1 and b1 also meet at `ab`."""
    for side in ("a", "b"):
        participants(g, Label.EXPERT, side, 5, g.node(Label.EVENT, f"e{side}"))
    g.node(Label.EVENT, "ab")
    g.link(RelType.TOOK_PART, "a1", "ab", role="speaker")
    g.link(RelType.TOOK_PART, "b1", "ab", role="speaker")


async def test_the_bridge_agency_has_the_top_betweenness(cypher: Cypher) -> None:
    g = GraphBuilder()
    bridge_between_two_groups(g)
    await g.write(cypher)

    report = await centrality_report(cypher, AnalyticsCache(), AGENCIES, first=3)

    top = report.items[0]
    assert (top.node.id, top.degree, top.weighted_degree) == ("bridge", 8, 8.0)
    assert top.betweenness == pytest.approx(16 / 28)  # 4 x 4 pairs of (8 x 7) / 2
    assert all(item.betweenness == 0.0 for item in report.items[1:])
    assert (report.projection.node_count, report.projection.edge_count) == (9, 20)
    assert report.approximate is False


async def test_a_period_changes_the_projection(cypher: Cypher) -> None:
    g = GraphBuilder()
    bridge_between_two_groups(g)
    await g.write(cypher)

    spec = ProjectionSpec(Projection.AGENCIES_BY_EVENTS, period=Period(start=2020))
    report = await centrality_report(cypher, AnalyticsCache(), spec, ranking=Ranking.DEGREE)

    assert report.projection.node_count == 5
    assert {item.node.id for item in report.items} == {"bridge", "r1", "r2", "r3", "r4"}


async def test_two_cliques_joined_by_one_tie_are_two_communities(cypher: Cypher) -> None:
    g = GraphBuilder()
    two_cliques_joined_by_one_tie(g)
    await g.write(cypher)

    report = await community_report(cypher, AnalyticsCache(), EXPERTS, first=5, members=5)

    groups = sorted(sorted(m.node.id for m in c.members) for c in report.communities)
    assert groups == [["a1", "a2", "a3", "a4", "a5"], ["b1", "b2", "b3", "b4", "b5"]]
    assert [c.size for c in report.communities] == [5, 5]
    assert report.modularity > 0.4
    brokers = await centrality_report(cypher, AnalyticsCache(), EXPERTS, first=2)
    assert {item.node.id for item in brokers.items} == {"a1", "b1"}


async def test_countries_tied_by_programmes_rank_the_shared_country_first(
    cypher: Cypher,
) -> None:
    g = GraphBuilder()
    for country in ("tj", "kg", "uz"):
        g.node(Label.COUNTRY, country)
    g.node(Label.PLACE, "osh")
    g.link(RelType.IN, "osh", "kg")
    g.node(Label.PROGRAMME, "ferghana")
    g.node(Label.PROGRAMME, "bomca")
    g.link(RelType.COVERS, "ferghana", "tj")
    g.link(RelType.COVERS, "ferghana", "osh")
    g.link(RelType.COVERS, "bomca", "kg")
    g.link(RelType.COVERS, "bomca", "uz")
    await g.write(cypher)

    report = await centrality_report(cypher, AnalyticsCache(), COUNTRIES, first=1)

    assert [(item.node.id, item.degree) for item in report.items] == [("kg", 2)]


async def test_results_are_cached_until_the_graph_changes(cypher: Cypher) -> None:
    g = GraphBuilder()
    bridge_between_two_groups(g)
    await g.write(cypher)
    cache = AnalyticsCache()

    first = await centrality_report(cypher, cache, AGENCIES)
    again = await centrality_report(cypher, cache, AGENCIES)
    await community_report(cypher, cache, AGENCIES)
    assert cache.computed == 1
    assert again.projection.version == first.projection.version

    more = GraphBuilder()
    more.node(Label.AGENCY, "newcomer")
    more.link(RelType.TOOK_PART, "newcomer", "left", role="participant")
    await more.write(cypher)
    changed = await centrality_report(cypher, cache, AGENCIES)

    assert cache.computed == 2
    assert changed.projection.node_count == 10
    assert changed.projection.version != first.projection.version


async def test_bad_projection_arguments_are_refused(cypher: Cypher) -> None:
    cache = AnalyticsCache()
    with pytest.raises(InvalidInputError):
        await centrality_report(cypher, cache, AGENCIES, first=0)
    with pytest.raises(InvalidInputError):
        await community_report(cypher, cache, AGENCIES, members=51)
    with pytest.raises(InvalidInputError):
        await centrality_report(
            cypher, cache, ProjectionSpec(Projection.AGENCIES_BY_EVENTS, Period(2022, 2020))
        )
    with pytest.raises(NotFoundError, match="Topic"):
        await centrality_report(
            cypher, cache, ProjectionSpec(Projection.AGENCIES_BY_EVENTS, topic="nothing")
        )


async def test_an_agency_takes_part_through_the_people_working_for_it_at_the_time(
    cypher: Cypher,
) -> None:
    g = GraphBuilder()
    g.node(Label.EVENT, "forum", start="2020-05-05")
    for agency in ("host", "current", "former"):
        g.node(Label.AGENCY, agency)
    g.node(Label.EXPERT, "ann")
    g.node(Label.EXPERT, "bob")
    g.link(RelType.TOOK_PART, "host", "forum", role="organiser")
    g.link(RelType.TOOK_PART, "ann", "forum", role="speaker")
    g.link(RelType.TOOK_PART, "bob", "forum", role="participant")
    g.link(RelType.WORKS_FOR, "ann", "current", since="2018")
    g.link(RelType.WORKS_FOR, "bob", "former", since="2010", until="2015")
    await g.write(cypher)

    report = await centrality_report(cypher, AnalyticsCache(), AGENCIES, ranking=Ranking.DEGREE)

    assert {(item.node.id, item.degree) for item in report.items} == {("host", 1), ("current", 1)}


async def test_events_above_the_group_size_cap_are_left_out_and_counted(cypher: Cypher) -> None:
    g = GraphBuilder()
    two_cliques_joined_by_one_tie(g)
    await g.write(cypher)

    spec = ProjectionSpec(Projection.EXPERTS_BY_EVENTS, max_group=4)
    report = await centrality_report(cypher, AnalyticsCache(), spec, first=5)

    assert report.projection.items_left_out == 2
    assert (report.projection.node_count, report.projection.edge_count) == (2, 1)
    with pytest.raises(InvalidInputError, match="maxGroupSize"):
        await centrality_report(
            cypher, AnalyticsCache(), ProjectionSpec(Projection.EXPERTS_BY_EVENTS, max_group=1)
        )
