"""Relationship fields over the seed graph, loaded for many owners in one round trip."""

from __future__ import annotations

from graph.model import Label
from graph.repositories.paging import PageRequest
from graph.repositories.registry import REPOSITORIES
from tests.seeded import SeededGraph

PAGE = PageRequest(size=50)


async def test_the_roll_out_session_lists_its_trainers_with_their_count(
    seeded: SeededGraph,
) -> None:
    repository = REPOSITORIES[Label.EVENT](seeded.cypher())
    pages = await repository.related("participants", ["rtcm-roll-out-session"], PAGE)
    by_role = {
        (row.node.id, row.relationship.role, row.relationship.count)
        for row in pages["rtcm-roll-out-session"].rows
        if row.relationship is not None
    }
    assert ("state-migration-service-az", "trainer", 6) in by_role
    assert ("vladimir-gjorgjiev", "speaker", None) in by_role
    trainers = await repository.related(
        "participants", ["rtcm-roll-out-session"], PAGE, role="trainer"
    )
    assert [row.node.id for row in trainers["rtcm-roll-out-session"].rows] == [
        "state-migration-service-az"
    ]


async def test_the_roll_out_session_cascades_from_the_baku_tot(seeded: SeededGraph) -> None:
    repository = REPOSITORIES[Label.EVENT](seeded.cypher())
    parent = await repository.related("cascadesFrom", ["rtcm-roll-out-session"], PAGE)
    children = await repository.related("cascades", ["rtcm-tot-baku"], PAGE)
    assert [row.node.id for row in parent["rtcm-roll-out-session"].rows] == ["rtcm-tot-baku"]
    assert [row.node.id for row in children["rtcm-tot-baku"].rows] == ["rtcm-roll-out-session"]


async def test_bomca_funding_is_an_exact_amount(seeded: SeededGraph) -> None:
    repository = REPOSITORIES[Label.PROGRAMME](seeded.cypher())
    pages = await repository.related("funders", ["bomca", "bomca-phase-9"], PAGE)
    funding = {
        owner: [(row.node.id, row.relationship and row.relationship.amount) for row in page.rows]
        for owner, page in pages.items()
    }
    assert funding == {
        "bomca": [("european-union", 40_100_000)],
        "bomca-phase-9": [("european-union", 6_600_000)],
    }


async def test_many_owners_cost_one_round_trip_and_keep_their_own_pages(
    seeded: SeededGraph,
) -> None:
    cypher = seeded.cypher()
    owners = ["vusal-huseynov", "vladimir-gjorgjiev", "nobody", "isabelle-astor"]
    pages = await REPOSITORIES[Label.EXPERT](cypher).related("events", owners, PageRequest(1))
    assert cypher.round_trips == 1
    assert list(pages) == owners
    assert pages["nobody"].total == 0
    assert pages["vusal-huseynov"].total == 2
    assert len(pages["vusal-huseynov"].rows) == 1
    assert pages["vusal-huseynov"].has_next


async def test_a_country_finds_agencies_based_in_its_places(seeded: SeededGraph) -> None:
    repository = REPOSITORIES[Label.COUNTRY](seeded.cypher())
    page = (await repository.related("agencies", ["azerbaijan"], PAGE))["azerbaijan"]
    assert {"state-migration-service-az", "iom-azerbaijan"} <= {row.node.id for row in page.rows}
