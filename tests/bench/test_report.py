"""The report's CPU budget: what one request of each query costs and the ratios it allows."""

from __future__ import annotations

import json

import pytest

from bench.load import QUANTILES, RunResult
from bench.report import SizeReport, markdown


def _run(requests: int, server_ms: float, neo4j_ms: float) -> RunResult:
    """A run whose CPU per request is exactly `server_ms` and `neo4j_ms`."""
    return RunResult(
        requests=requests,
        duration_s=10.0,
        errors=0,
        quantiles_ms=tuple(float(point) for point in range(1, QUANTILES + 1)),
        server_cpu_s=server_ms * requests / 1000,
        neo4j_cpu_s=neo4j_ms * requests / 1000,
    )


def _report() -> SizeReport:
    report = SizeReport(experts=10_000, settings={})
    report.runs = {
        "detail": {"hub": _run(100, 4, 6), "peer": _run(100, 5, 5), "floor": _run(200, 1, 4)},
        "path": {"hub": _run(400, 2, 2), "peer": _run(400, 2, 2), "floor": _run(500, 1, 2)},
    }
    return report


def test_the_budget_sums_each_targets_cpu_over_one_request_of_each_query() -> None:
    budget = _report().budget()

    assert budget["hub CPU ms"] == pytest.approx(14)
    assert budget["peer CPU ms"] == pytest.approx(14)
    assert budget["floor CPU ms"] == pytest.approx(8)
    assert budget["hub/peer by CPU"] == 1.0


def test_the_ceilings_replace_the_hubs_own_cpu_by_the_floor_clients_and_by_nothing() -> None:
    budget = _report().budget()

    # peer 14 ms; hub's Neo4j 8 ms; floor client 2 ms
    assert budget["ceiling at floor client"] == 1.4
    assert budget["ceiling at zero"] == 1.75


def test_a_target_without_cpu_figures_has_no_budget() -> None:
    report = _report()
    report.runs["path"]["peer"] = _run(400, 0, 2)  # no server CPU read

    budget = report.budget()

    assert budget["peer CPU ms"] is None
    assert budget["hub/peer by CPU"] is None
    assert budget["ceiling at zero"] is None
    assert budget["hub CPU ms"] == pytest.approx(14)


def test_the_budget_is_written_to_the_markdown_and_the_json() -> None:
    report = _report()

    table = markdown(report).split("what it allows (`budget`):", 1)[1]
    assert "| hub/peer by CPU | ceiling at floor client | ceiling at zero |" in table
    assert "| 14 | 14 | 8 | 1 | 1.4 | 1.75 |" in table
    assert json.loads(json.dumps(report.to_json()))["budget"]["ceiling at zero"] == 1.75
