"""List projections: the same records as reading every stored property, for every label."""

from __future__ import annotations

from typing import LiteralString

import pytest

from graph.model import Label
from graph.repositories.properties import (
    every_property,
    node_properties,
    node_values,
    relationship_values,
)
from graph.repositories.records import EventRecord, node_record, relationship_record
from tests.seeded import SeededGraph, seeded

__all__ = ["seeded"]

NODES: LiteralString = """
MATCH (n) WHERE $label IN labels(n)
RETURN <LIST> AS values, <MAP> AS stored
ORDER BY n.id
"""

LINKS: LiteralString = """
MATCH ()-[r]->()
RETURN type(r) AS type, <LIST> AS values, <MAP> AS stored
ORDER BY elementId(r)
"""


@pytest.mark.parametrize("label", list(Label))
async def test_a_node_read_as_a_list_is_the_record_read_from_all_its_properties(
    seeded: SeededGraph, label: Label
) -> None:
    projection = node_values("n", frozenset((label,)), written_at=True)
    query = NODES.replace("<LIST>", projection.text).replace("<MAP>", every_property("n"))
    rows = await seeded.cypher().read_maps(query, {"label": label.value})
    assert rows, f"the seed has no {label.value}"
    for row in rows:
        listed = node_record(label, projection.properties(row["values"]))
        assert listed == node_record(label, row["stored"])
        assert listed.written_at is not None


async def test_a_narrowed_list_reads_the_shown_fields_and_nothing_else(
    seeded: SeededGraph,
) -> None:
    shown = frozenset({"start"})
    projection = node_values("n", frozenset((Label.EVENT,)), written_at=False, reads=shown)
    assert projection.keys == node_properties((Label.EVENT,), shown) == ("id", "name", "start")
    rows = await seeded.cypher().read_maps(
        NODES.replace("<LIST>", projection.text).replace("<MAP>", every_property("n")),
        {"label": Label.EVENT.value},
    )
    dated = [row for row in rows if row["stored"].get("start")]
    assert dated
    for row in dated:
        record = node_record(Label.EVENT, projection.properties(row["values"]))
        assert isinstance(record, EventRecord)
        assert record.start == row["stored"]["start"]
        assert (record.texts, record.written_at, record.kind) == ({}, None, None)


async def test_a_relationship_read_as_a_list_is_the_record_read_from_all_its_properties(
    seeded: SeededGraph,
) -> None:
    projection = relationship_values("r", written_at=True)
    query = LINKS.replace("<LIST>", projection.text).replace("<MAP>", every_property("r"))
    rows = await seeded.cypher().read_maps(query)
    assert any(len(row["stored"]) > 2 for row in rows), "no link carries properties"
    for row in rows:
        listed = relationship_record(row["type"], projection.properties(row["values"]))
        assert listed == relationship_record(row["type"], row["stored"])


def test_the_values_and_their_keys_must_line_up() -> None:
    projection = node_values("n", frozenset((Label.TOPIC,)), written_at=False)
    with pytest.raises(ValueError, match="zip"):
        projection.properties([None])
