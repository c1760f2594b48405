"""The answer check fails the run on any difference, before anything is timed (issue 39).

The targets here are stand-ins (httpx.MockTransport) that answer with chosen facts, so the
check's verdicts are known without servers or Neo4j.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

import httpx
import pytest

from bench.check import check_answers
from bench.mix import load_mix
from bench.report import Report
from bench.run import check

PATH = next(query for query in load_mix() if query.name == "path")
SAMPLES = [{"expert": "syn-expert-1", "other": "syn-expert-2"}]


def _server(nodes: list[str], *, graphql: bool = True, fail: bool = False) -> httpx.MockTransport:
    def answer(request: httpx.Request) -> httpx.Response:
        if fail:
            return httpx.Response(200, json={"errors": [{"message": "boom"}]})
        if not graphql:
            return httpx.Response(
                200, json={"rows": [{"path": {"nodes": [{"id": n} for n in nodes]}}]}
            )
        ids = nodes if "peer" in str(request.url) else [_gid(n) for n in nodes]
        return httpx.Response(200, json={"data": {"path": {"nodes": [{"id": i} for i in ids]}}})

    return httpx.MockTransport(answer)


def _gid(slug: str) -> str:
    from bench.mix import hub_global_id

    return hub_global_id("Expert", slug)


URLS = {"hub": "http://hub/graphql", "peer": "http://peer/", "floor": "http://floor/"}


async def _check(hub: list[str], peer: list[str], floor: list[str], **kw: Any) -> Any:
    mounts = {
        "http://hub": _server(hub, fail=kw.get("hub_fails", False)),
        "http://peer": _server(peer),
        "http://floor": _server(floor, graphql=False),
    }
    return await check_answers(PATH, SAMPLES, urls=URLS, token="t", mounts=mounts)


async def test_equal_facts_in_three_shapes_pass() -> None:
    result = await _check(["a", "b"], ["a", "b"], ["a", "b"])

    assert result.failed == {}
    assert result.mismatches == []
    assert result.status == "equal"


async def test_a_target_whose_answer_differs_is_named() -> None:
    result = await _check(["a", "b"], ["a", "c", "b"], ["a", "b"])

    assert result.status == "differ"
    assert len(result.mismatches) == 1
    assert "peer=" in result.mismatches[0]


async def test_an_error_answer_is_a_failed_target() -> None:
    result = await _check(["a"], ["a"], ["a"], hub_fails=True)

    assert set(result.failed) == {"hub"}
    assert "boom" in result.failed["hub"]


async def test_the_run_stops_before_timing_when_answers_differ(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    async def differing(*args: Any, **kwargs: Any) -> Any:
        return await _check(["a", "b"], ["a", "b"], ["a", "x"])

    monkeypatch.setattr("bench.run.check_answers", differing)
    report = Report(10, {})

    with pytest.raises(SystemExit, match="ANSWER CHECK FAILED for path") as stopped:
        await check(report, PATH, SAMPLES, URLS, "Bearer x", argparse.Namespace(check_samples=0))
    assert "floor=" in str(stopped.value)
    assert json.dumps(report.checks) == '{"path": "differ on 1 samples"}'
