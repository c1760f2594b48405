"""Filters compile to constant Cypher fragments; values only ever travel as parameters."""

from __future__ import annotations

import pytest

from graph.errors import InvalidInputError
from graph.model import Label
from graph.repositories.base import Order
from graph.repositories.event import EVENTS
from graph.repositories.expert import EXPERTS
from graph.repositories.filters import MAX_CONDITIONS, AllOf, AnyOf, Leaf, Negation, compile_where
from graph.repositories.paging import PageRequest
from tests.graph.repositories.listing import list_page
from tests.seeded import SeededGraph

HOSTILE = "x') DETACH DELETE n //"


def test_filter_values_travel_only_as_parameters() -> None:
    predicate = AnyOf((Leaf("name.contains", HOSTILE), Negation(Leaf("id.in", [HOSTILE]))))
    cypher, parameters = compile_where(EXPERTS.filters, predicate)
    assert HOSTILE not in cypher
    assert "DELETE" not in cypher
    assert parameters == {"w0": "x') detach delete n //", "w1": [HOSTILE]}


def test_unknown_filter_keys_are_refused() -> None:
    with pytest.raises(InvalidInputError, match="unknown filter"):
        compile_where(EXPERTS.filters, Leaf("n.name = 'x' OR true //.eq", "x"))


def test_a_filter_has_a_bounded_number_of_conditions() -> None:
    too_many = AllOf(tuple(Leaf("id.eq", str(index)) for index in range(MAX_CONDITIONS + 1)))
    with pytest.raises(InvalidInputError, match="at most"):
        compile_where(EXPERTS.filters, too_many)


def test_deeply_nested_filters_are_refused() -> None:
    predicate: Leaf | Negation = Leaf("id.eq", "x")
    for _ in range(20):
        predicate = Negation(predicate)
    with pytest.raises(InvalidInputError, match="nest"):
        compile_where(EXPERTS.filters, predicate)


def test_empty_and_is_true_and_empty_or_is_false() -> None:
    assert compile_where(EXPERTS.filters, AllOf(()))[0] == "true"
    assert compile_where(EXPERTS.filters, AnyOf(()))[0] == "false"


async def ids(seeded: SeededGraph, label: Label, predicate: object) -> set[str]:
    page = await list_page(
        seeded.cypher(),
        label,
        where=predicate,  # type: ignore[arg-type]
        order=Order("name"),
        request=PageRequest(size=100),
    )
    return {row.node.id for row in page.rows}


async def test_name_contains_ignores_case_and_accents(seeded: SeededGraph) -> None:
    assert await ids(seeded, Label.EXPERT, Leaf("name.contains", "HÜSEYNOV")) == {"vusal-huseynov"}


async def test_names_match_in_every_language(seeded: SeededGraph) -> None:
    found = await ids(seeded, Label.RESOURCE, Leaf("name.contains", "журналистик"))
    assert found == {"res-journalism-training-guliston"}


async def test_experts_by_country_follow_their_agencies(seeded: SeededGraph) -> None:
    found = await ids(seeded, Label.EXPERT, Leaf("country.id.eq", "azerbaijan"))
    assert found == {"vusal-huseynov", "vladimir-gjorgjiev"}


async def test_date_ranges_on_events(seeded: SeededGraph) -> None:
    in_2022 = await ids(seeded, Label.EVENT, Leaf("startYear.eq", 2022))
    assert in_2022 == {"rtcm-tot-baku", "rtcm-roll-out-session"}
    july = AllOf((Leaf("start.gte", "2022-07"), Leaf("start.lte", "2022-07")))
    assert await ids(seeded, Label.EVENT, july) == {"rtcm-tot-baku"}


async def test_not_inverts_a_relationship_filter(seeded: SeededGraph) -> None:
    everything = await ids(seeded, Label.EVENT, None)
    with_trainer = Leaf("participant.id.eq", "state-migration-service-az")
    without = await ids(seeded, Label.EVENT, Negation(with_trainer))
    assert without == everything - await ids(seeded, Label.EVENT, with_trainer)
    assert "rtcm-roll-out-session" not in without


def test_every_declared_fragment_uses_the_value_placeholder() -> None:
    for spec in (EXPERTS, EVENTS):
        for key, fragment in spec.filters.items():
            assert "$value" in fragment.cypher, key
