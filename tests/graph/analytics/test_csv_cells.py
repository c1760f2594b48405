"""CSV exports never hand a spreadsheet a formula: text that would start one is led by `'`."""

from __future__ import annotations

import csv
import io

import networkx as nx
import pytest

from graph.analytics.export import ExportFormat, render


@pytest.mark.parametrize(
    "name", ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"]
)
def test_text_that_starts_a_formula_is_led_by_a_quote(name: str) -> None:
    graph = nx.Graph()
    graph.add_node("a", name_en=name, entity="Expert", distance=-1.0)
    graph.add_node("b", name_en="Plain name", entity="Expert")
    graph.add_edge("a", "b", relationship="SHARED", role=name, weight=-2.5)

    nodes = _rows(render(graph, ExportFormat.CSV, table="nodes"))
    edges = _rows(render(graph, ExportFormat.CSV))

    by_id = {row["id"]: row for row in nodes}
    assert by_id["a"]["name_en"] == "'" + name
    assert by_id["b"]["name_en"] == "Plain name"
    assert by_id["a"]["distance"] == "-1"  # numbers stay numbers
    assert edges[0]["role"] == "'" + name
    assert edges[0]["weight"] == "-2.5"


def _rows(content: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(content.decode(), newline="")))
