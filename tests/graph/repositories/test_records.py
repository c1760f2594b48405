"""Records built from property maps: what the GraphQL layer can rely on about them."""

from __future__ import annotations

import gc

import msgspec
import pytest

from graph.model import Label, RelType
from graph.network.node_rows import (
    NODE_KEYS,
    graph_edge,
    graph_edge_values,
    graph_node,
    graph_node_values,
)
from graph.repositories.pages import Page, Row, position_of
from graph.repositories.records import (
    EventRecord,
    ExpertRecord,
    node_reader,
    node_record,
    relationship_record,
)

EVENT = {
    "id": "ev-1",
    "title_en": "Readmission law — training of trainers",
    "title_ru": "  ",
    "start": "2024-03-04",
    "startYear": 2024,
    "stray": "never shown",
}


def test_an_event_record_keeps_the_model_s_fields_and_non_blank_texts_only() -> None:
    record = node_record(Label.EVENT, EVENT)
    assert isinstance(record, EventRecord)
    assert (record.id, record.start, record.start_year) == ("ev-1", "2024-03-04", 2024)
    assert record.texts == {"title": {"en": "Readmission law — training of trainers"}}
    assert record.name == "Readmission law — training of trainers"
    assert not hasattr(record, "stray")


def test_a_record_read_from_values_is_the_one_read_from_the_same_map_in_any_key_order() -> None:
    keys = tuple(EVENT)
    values = tuple(EVENT.values())
    record = node_reader(Label.EVENT, keys)(values)
    assert record == node_record(Label.EVENT, EVENT)
    assert node_reader(Label.EVENT, keys[::-1])(values[::-1]) == record
    with pytest.raises(ValueError, match="6 keys"):
        node_reader(Label.EVENT, keys)(values[:-1])


def test_a_record_without_a_plain_name_is_named_by_its_first_text_then_its_id() -> None:
    """Planned reads project only some texts; the display name falls back the same way."""
    titled = node_reader(Label.EVENT, ("id", "name", "title_ru", "title_az"))
    record = titled(("ev-2", "", "  ", "Təlim"))
    assert (record.name, record.texts) == ("Təlim", {"title": {"az": "Təlim"}})
    assert titled((7, None, None, None)).name == "7"
    assert titled((7, None, None, None)).id == "7"
    expert = node_reader(Label.EXPERT, ("id", "name", "roles", "langs", "note", "stray"))
    person = expert(("ex-1", "Vusal", "trainer", ["az", 3], None, "never shown"))
    assert isinstance(person, ExpertRecord)
    assert (person.roles, person.langs, person.note) == (("trainer",), ("az",), None)


def test_records_compare_by_value_and_cannot_be_changed_by_a_resolver() -> None:
    record = node_record(Label.EVENT, EVENT)
    assert record == node_record(Label.EVENT, dict(EVENT))
    with pytest.raises(AttributeError):
        record.name = "changed"  # type: ignore[misc]
    row = Row(record, position_of({"k": "2024-03-04", "t": "ev-1"}))
    with pytest.raises(AttributeError):
        row.node = record  # type: ignore[misc]


def test_per_row_records_stay_out_of_the_cyclic_collector() -> None:
    """A list page builds hundreds of these; tracked, they would set off young collections."""
    record = node_record(Label.EVENT, EVENT)
    row = Row(record, position_of({}), relationship_record("TOOK_PART", {"role": "trainer"}))
    node = graph_node({"id": "ev-1", "labels": ["Event"], "title_en": "A session"})
    edge = graph_edge({"source": "a", "target": "b", "type": "TOOK_PART", "properties": {}})
    for value in (record, row, row.relationship, Page((row,), 1, False, False), node, edge):
        assert isinstance(value, msgspec.Struct)
        assert not gc.is_tracked(value)
    assert edge.type is RelType.TOOK_PART
    assert row.relationship is not None
    assert row.relationship.role == "trainer"


@pytest.mark.parametrize(
    "projected",
    [
        {"id": "ev-1", "labels": ["Event"], "title_en": "A session", "title_ru": "  "},
        {"id": "ex-1", "labels": ["Expert"], "name": "Vusal", "name_az": "Vüsal"},
        {"id": "pl-1", "labels": ["Place"], "kind": "city", "name_tg": "Душанбе"},
        {"id": "pg-1", "labels": ["Programme"], "start": "2019", "startYear": 2019},
    ],
)
def test_a_network_node_is_the_same_from_a_map_or_a_list(projected: dict[str, object]) -> None:
    """Neighbourhoods project nodes as `node_values` lists, other queries as maps."""
    values = [projected.get(key) for key in NODE_KEYS] + [projected["labels"]]
    assert graph_node_values(values) == graph_node(projected)


def test_a_network_edge_is_the_same_from_a_map_or_a_list() -> None:
    row = {"type": "WORKS_FOR", "source": "ex-1", "target": "ag-1", "properties": {"role": "x"}}
    values = [row["type"], row["source"], row["target"], row["properties"]]
    assert graph_edge_values(values) == graph_edge(row)
    assert graph_edge_values([*values[:3], None]) == graph_edge({**row, "properties": None})
