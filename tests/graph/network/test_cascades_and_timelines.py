"""Cascade trees and timelines on small graphs built for the purpose."""

from __future__ import annotations

import pytest

from graph.database.cypher import Cypher
from graph.errors import InvalidInputError, NotFoundError
from graph.model import Label, RelType
from graph.network.cascades import cascade
from graph.network.results import Period
from graph.network.timelines import precision, timeline
from tests.network_graphs import GraphBuilder


async def a_two_level_cascade(cypher: Cypher) -> None:
    """tot (20 people) -> s1 (30), s2 (no count) -> s1a (15). ann trains tot and s1; an
    agency's 4 unnamed staff train s2."""
    g = GraphBuilder()
    g.node(Label.EVENT, "tot", kind="training_of_trainers", start="2022-07-25", participantCount=20)
    g.node(Label.EVENT, "s1", kind="roll_out_session", start="2022-09-29", participantCount=30)
    g.node(Label.EVENT, "s2", kind="roll_out_session", start="2022-10")
    g.node(Label.EVENT, "s1a", kind="roll_out_session", start="2023", participantCount=15)
    g.node(Label.EXPERT, "ann")
    g.node(Label.AGENCY, "service")
    g.link(RelType.CASCADES_FROM, "s1", "tot")
    g.link(RelType.CASCADES_FROM, "s2", "tot")
    g.link(RelType.CASCADES_FROM, "s1a", "s1")
    g.link(RelType.TOOK_PART, "ann", "tot", role="trainer")
    g.link(RelType.TOOK_PART, "ann", "s1", role="trainer")
    g.link(RelType.TOOK_PART, "service", "s2", role="trainer", count=4)
    await g.write(cypher)


async def test_cascade_measures_the_tree_below_an_event(cypher: Cypher) -> None:
    await a_two_level_cascade(cypher)

    tree = await cascade(cypher, event_id="tot")

    assert [(s.node.id, s.depth, s.parent) for s in tree.sessions] == [
        ("tot", 0, None),
        ("s1", 1, "tot"),
        ("s2", 1, "tot"),
        ("s1a", 2, "s1"),
    ]
    assert tree.depth == 2
    assert (tree.total_reach, tree.sessions_without_count) == (65, 1)
    assert sorted((t.node.id, t.count) for t in tree.trainers) == [("ann", 1), ("service", 4)]
    assert tree.trainer_count == 5


async def test_cascade_of_a_leaf_lists_the_chain_it_comes_from(cypher: Cypher) -> None:
    await a_two_level_cascade(cypher)

    tree = await cascade(cypher, event_id="s1a")

    assert [a.id for a in tree.ancestors] == ["s1", "tot"]
    assert (tree.depth, len(tree.sessions)) == (0, 1)


async def test_cascade_of_an_unknown_event_is_not_found(cypher: Cypher) -> None:
    with pytest.raises(NotFoundError):
        await cascade(cypher, event_id="nothing")


async def a_country_with_partly_dated_events(cypher: Cypher) -> None:
    """Events held in `az` (directly or in `baku`): 2022-09-29, 2022-07, 2019, one with
    only `--11-26`, one with no date; programme `rtcm` covers `az` (2021-2023)."""
    g = GraphBuilder()
    g.node(Label.COUNTRY, "az")
    g.node(Label.PLACE, "baku")
    g.link(RelType.IN, "baku", "az")
    g.node(Label.EVENT, "late", start="2022-09-29")
    g.node(Label.EVENT, "mid", start="2022-07")
    g.node(Label.EVENT, "old", start="2019")
    g.node(Label.EVENT, "no-year", end="--11-26")
    g.node(Label.EVENT, "no-date")
    g.node(Label.PROGRAMME, "rtcm", start="2021", end="2023")
    for event in ("late", "old", "no-year"):
        g.link(RelType.HELD_IN, event, "baku")
    for event in ("mid", "no-date"):
        g.link(RelType.HELD_IN, event, "az")
    g.link(RelType.COVERS, "rtcm", "az")
    await g.write(cypher)


async def test_timeline_orders_by_date_and_puts_undated_items_last(cypher: Cypher) -> None:
    await a_country_with_partly_dated_events(cypher)

    found = await timeline(cypher, subject_id="az")

    assert [(i.node.id, i.year, i.precision) for i in found.items] == [
        ("old", 2019, "year"),
        ("rtcm", 2021, "year"),
        ("mid", 2022, "month"),
        ("late", 2022, "day"),
        ("no-year", None, "month_day"),
        ("no-date", None, "none"),
    ]
    assert (found.total, found.undated) == (6, 2)
    assert found.items[1].relations == ("covers",)


async def test_timeline_period_excludes_items_it_cannot_place(cypher: Cypher) -> None:
    await a_country_with_partly_dated_events(cypher)

    found = await timeline(cypher, subject_id="az", period=Period(start=2020, end=2022))

    assert [i.node.id for i in found.items] == ["rtcm", "mid", "late"]
    assert found.undated == 0


async def test_timeline_first_cuts_the_list_but_not_the_total(cypher: Cypher) -> None:
    await a_country_with_partly_dated_events(cypher)

    found = await timeline(cypher, subject_id="az", first=2)

    assert ([i.node.id for i in found.items], found.total) == (["old", "rtcm"], 6)


async def test_timeline_refuses_bad_arguments(cypher: Cypher) -> None:
    await a_country_with_partly_dated_events(cypher)

    with pytest.raises(InvalidInputError):
        await timeline(cypher, subject_id="az", first=0)
    with pytest.raises(InvalidInputError):
        await timeline(cypher, subject_id="az", period=Period(start=2023, end=2020))
    with pytest.raises(NotFoundError):
        await timeline(cypher, subject_id="baku")


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        ("2022-09-29", "day"),
        ("2019-04", "month"),
        ("2019", "year"),
        ("--11-26", "month_day"),
        (None, "none"),
        ("sometime", "none"),
    ],
)
def test_precision_says_how_much_of_a_date_is_known(date: str | None, expected: str) -> None:
    assert precision(date) == expected
