"""Network answers on the source documents' graph, where the sources say what is true."""

from __future__ import annotations

from graph.model import Label, RelType
from graph.network.cascades import cascade
from graph.network.paths import shortest_path
from tests.seeded import SeededGraph, seeded

__all__ = ["seeded"]


async def test_path_from_sms_chief_to_iom_chief_goes_through_an_event_both_spoke_at(
    seeded: SeededGraph,
) -> None:
    path = await shortest_path(
        seeded.cypher(), source="vusal-huseynov", target="vladimir-gjorgjiev"
    )

    assert path is not None
    assert [node.id for node in (path.nodes[0], path.nodes[-1])] == [
        "vusal-huseynov",
        "vladimir-gjorgjiev",
    ]
    assert path.length == 2
    middle = path.nodes[1]
    assert middle.label is Label.EVENT
    assert middle.id in {"rtcm-roll-out-session", "rtcm-roadmap-workshop"}
    assert [(e.type, e.properties.role) for e in path.edges] == [
        (RelType.TOOK_PART, "speaker"),
        (RelType.TOOK_PART, "speaker"),
    ]


async def test_path_restricted_to_employment_finds_no_chain_between_the_two_chiefs(
    seeded: SeededGraph,
) -> None:
    path = await shortest_path(
        seeded.cypher(),
        source="vusal-huseynov",
        target="vladimir-gjorgjiev",
        rel_types=frozenset({RelType.WORKS_FOR}),
    )

    assert path is None


async def test_roll_out_session_cascades_from_the_tot(seeded: SeededGraph) -> None:
    below = await cascade(seeded.cypher(), event_id="rtcm-tot-baku")
    above = await cascade(seeded.cypher(), event_id="rtcm-roll-out-session")

    assert [(s.node.id, s.depth, s.parent) for s in below.sessions] == [
        ("rtcm-tot-baku", 0, None),
        ("rtcm-roll-out-session", 1, "rtcm-tot-baku"),
    ]
    assert below.depth == 1
    assert [a.id for a in above.ancestors] == ["rtcm-tot-baku"]
    assert above.depth == 0


async def test_roll_out_trainers_are_six_unnamed_sms_staff_and_reach_stays_unknown(
    seeded: SeededGraph,
) -> None:
    tree = await cascade(seeded.cypher(), event_id="rtcm-tot-baku")

    assert [(t.node.id, t.count, t.role) for t in tree.trainers] == [
        ("state-migration-service-az", 6, "trainer")
    ]
    assert tree.trainer_count == 6
    assert (tree.total_reach, tree.sessions_without_count) == (0, 2)
