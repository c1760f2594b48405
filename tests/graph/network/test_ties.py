"""Collaborators and partners on small graphs whose weights are known by construction."""

from __future__ import annotations

import pytest

from graph.database.cypher import Cypher
from graph.errors import InvalidInputError, NotFoundError
from graph.model import Label, RelType
from graph.network.collaborators import collaborators
from graph.network.linkfilter import LinkFilter
from graph.network.partners import agency_partners, country_partners
from graph.network.results import Link, Period
from tests.network_graphs import GraphBuilder


async def experts_around_ann(cypher: Cypher) -> None:
    """ann shares e2019 and e2022 with bob, e2022 with carl, and programme `prog` (through
    e2019 and bob's and dina's e-other) with bob and dina; `undated` with erin."""
    g = GraphBuilder()
    for slug in ("ann", "bob", "carl", "dina", "erin"):
        g.node(Label.EXPERT, slug)
    g.node(Label.TOPIC, "law")
    g.node(Label.PROGRAMME, "prog", start="2018", end="2020")
    g.node(Label.EVENT, "e2019", start="2019-05-01")
    g.node(Label.EVENT, "e2022", start="2022-03")
    g.node(Label.EVENT, "e-other", start="2019-10-10")
    g.node(Label.EVENT, "undated", end="--11-26")
    g.link(RelType.ABOUT, "e2022", "law")
    g.link(RelType.PART_OF, "e2019", "prog")
    g.link(RelType.PART_OF, "e-other", "prog")
    for expert, event, role in (
        ("ann", "e2019", "trainer"),
        ("bob", "e2019", "participant"),
        ("ann", "e2022", "speaker"),
        ("bob", "e2022", "speaker"),
        ("carl", "e2022", "participant"),
        ("dina", "e-other", "participant"),
        ("ann", "undated", "participant"),
        ("erin", "undated", "participant"),
    ):
        g.link(RelType.TOOK_PART, expert, event, role=role)
    await g.write(cypher)


async def test_collaborators_are_weighted_by_shared_events_and_programmes(cypher: Cypher) -> None:
    await experts_around_ann(cypher)

    found = await collaborators(cypher, expert_id="ann")

    assert [(c.node.id, c.weight, c.shared_events, c.shared_programmes) for c in found] == [
        ("bob", 2.25, 2, 1),
        ("carl", 1.0, 1, 0),
        ("erin", 1.0, 1, 0),
        ("dina", 0.25, 0, 1),
    ]
    bob = found[0]
    assert (bob.first_year, bob.last_year) == (2018, 2022)
    assert [(e.node.id, e.kind) for e in bob.evidence] == [
        ("e2022", "shared_event"),
        ("prog", "shared_programme"),
        ("e2019", "shared_event"),
    ]
    first = bob.evidence[2]
    assert (first.own_roles, first.roles) == (("trainer",), ("participant",))


async def test_a_period_leaves_out_undated_and_out_of_range_items(cypher: Cypher) -> None:
    await experts_around_ann(cypher)

    found = await collaborators(
        cypher, expert_id="ann", where=LinkFilter(period=Period(start=2021, end=2023))
    )

    assert [(c.node.id, c.weight) for c in found] == [("bob", 1.0), ("carl", 1.0)]


async def test_a_topic_keeps_only_items_about_it(cypher: Cypher) -> None:
    await experts_around_ann(cypher)

    found = await collaborators(cypher, expert_id="ann", where=LinkFilter(topic="law"))

    assert [c.node.id for c in found] == ["bob", "carl"]


async def test_unknown_expert_or_topic_is_not_found(cypher: Cypher) -> None:
    await experts_around_ann(cypher)

    with pytest.raises(NotFoundError, match="nobody"):
        await collaborators(cypher, expert_id="nobody")
    with pytest.raises(NotFoundError, match="no-topic"):
        await collaborators(cypher, expert_id="ann", where=LinkFilter(topic="no-topic"))


@pytest.mark.parametrize(
    "where",
    [LinkFilter(first=0), LinkFilter(first=101), LinkFilter(period=Period(start=2022, end=2020))],
)
async def test_bad_filters_are_refused(cypher: Cypher, where: LinkFilter) -> None:
    with pytest.raises(InvalidInputError):
        await collaborators(cypher, expert_id="ann", where=where)


async def agencies_and_countries(cypher: Cypher) -> None:
    """`home` (in country `hx`) co-organised `meet` (held in hx) with `guest` (based in
    `gy`), where `peer` (based in a town in `pz`) took part; implements `joint` with `peer`;
    funds `aid`, which `doer` implements (EUR 40 100 000) and which covers `hx` and `rw`."""
    g = GraphBuilder()
    for slug in ("hx", "gy", "pz", "rw"):
        g.node(Label.COUNTRY, slug)
    g.node(Label.PLACE, "town")
    g.link(RelType.IN, "town", "pz")
    for slug in ("home", "guest", "peer", "doer"):
        g.node(Label.AGENCY, slug)
    g.link(RelType.BASED_IN, "home", "hx")
    g.link(RelType.BASED_IN, "guest", "gy")
    g.link(RelType.BASED_IN, "peer", "town")
    g.node(Label.EVENT, "meet", start="2021-06-01")
    g.link(RelType.HELD_IN, "meet", "hx")
    g.link(RelType.TOOK_PART, "home", "meet", role="organiser")
    g.link(RelType.TOOK_PART, "guest", "meet", role="organiser")
    g.link(RelType.TOOK_PART, "peer", "meet", role="participant")
    g.node(Label.PROGRAMME, "joint", start="2015", end="2019")
    g.link(RelType.IMPLEMENTED_BY, "joint", "home", lead=True)
    g.link(RelType.IMPLEMENTED_BY, "joint", "peer", lead=False)
    g.link(RelType.COVERS, "joint", "town")
    g.node(Label.PROGRAMME, "aid", start="2003", end="2019")
    g.link(RelType.FUNDED_BY, "aid", "home", amount=40_100_000, currency="EUR")
    g.link(RelType.IMPLEMENTED_BY, "aid", "doer")
    g.link(RelType.COVERS, "aid", "hx")
    g.link(RelType.COVERS, "aid", "rw")
    await g.write(cypher)


async def test_agency_partners_come_from_events_programmes_and_funding(cypher: Cypher) -> None:
    await agencies_and_countries(cypher)

    found = await agency_partners(cypher, agency_id="home")

    assert [
        (p.node.id, p.weight, p.shared_events, p.shared_programmes, p.funding_flows) for p in found
    ] == [
        ("peer", 3.0, 1, 1, 0),
        ("doer", 2.0, 0, 0, 1),
        ("guest", 1.0, 1, 0, 0),
    ]
    flow = next(p for p in found if p.node.id == "doer").evidence[0]
    assert (flow.kind, flow.direction, flow.amount, flow.currency) == (
        "funding_flow",
        "outgoing",
        40_100_000.0,
        "EUR",
    )
    seen_from_doer = await agency_partners(cypher, agency_id="doer")
    assert [(p.node.id, p.evidence[0].direction) for p in seen_from_doer] == [("home", "incoming")]


async def test_agency_partners_in_a_period(cypher: Cypher) -> None:
    await agencies_and_countries(cypher)

    found = await agency_partners(
        cypher, agency_id="home", where=LinkFilter(period=Period(start=2020))
    )

    assert [(p.node.id, p.first_year, p.last_year) for p in found] == [
        ("guest", 2021, 2021),
        ("peer", 2021, 2021),
    ]


async def test_country_partners_come_from_events_programmes_and_funding(cypher: Cypher) -> None:
    await agencies_and_countries(cypher)

    found = await country_partners(cypher, country_id="hx")

    summary = {(p.node.id, p.shared_events, p.shared_programmes, p.funding_flows) for p in found}
    assert summary == {("gy", 1, 0, 0), ("pz", 1, 0, 0), ("rw", 0, 1, 1)}
    rw = next(p for p in found if p.node.id == "rw")
    assert rw.weight == 4.0
    flow = next(e for e in rw.evidence if e.kind == "funding_flow")
    assert (flow.direction, flow.amount) == ("outgoing", 40_100_000.0)


async def test_an_agency_based_in_a_town_takes_part_for_the_town_s_country(
    cypher: Cypher,
) -> None:
    await agencies_and_countries(cypher)

    found = await country_partners(cypher, country_id="pz")

    assert [(p.node.id, p.shared_events) for p in found] == [("gy", 1), ("hx", 1)]
    evidence = found[1].evidence[0]
    assert (evidence.node.id, evidence.own_roles, evidence.roles) == (
        "meet",
        ("participant",),
        ("host", "participant"),
    )


async def test_unknown_agency_or_country_is_not_found(cypher: Cypher) -> None:
    with pytest.raises(NotFoundError):
        await agency_partners(cypher, agency_id="nobody")
    with pytest.raises(NotFoundError):
        await country_partners(cypher, country_id="nowhere")


async def test_collaborators_without_details_rank_and_count_the_same(cypher: Cypher) -> None:
    """`details=False` skips years and evidence only: order, weights and counts stay."""
    await experts_around_ann(cypher)

    full = await collaborators(cypher, expert_id="ann")
    ranked = await collaborators(cypher, expert_id="ann", where=LinkFilter(details=False))

    def ranking(links: tuple[Link, ...]) -> list[tuple[str, float, int, int, int]]:
        return [
            (c.node.id, c.weight, c.shared_events, c.shared_programmes, c.evidence_count)
            for c in links
        ]

    assert ranking(ranked) == ranking(full)
    assert all(c.evidence for c in full)
    assert all(c.evidence == () and c.first_year is None for c in ranked)
