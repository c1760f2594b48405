"""`hub run` end to end: Neo4j started and seeded, API served, `hub stop` leaves nothing behind."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.ports import free_port
from tests.processes import is_running

PROJECT = Path(__file__).resolve().parents[2]
HUB = [sys.executable, "-m", "api.cli"]


@pytest.fixture
def hub_env() -> Iterator[dict[str, str]]:
    home = PROJECT / ".neo4j" / f"run-test-{os.getpid()}"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "HUB_"))}
    env |= {
        "NEO4J_LOCAL_HOME": str(home),
        "NEO4J_LOCAL_BOLT_PORT": str(free_port()),
        "NEO4J_PASSWORD": "run-test-password",
        "NEO4J_LOCAL_HEAP": "512m",
        "NEO4J_LOCAL_PAGECACHE": "128m",
        "HUB_PORT": str(free_port()),
    }
    yield env
    subprocess.run([*HUB, "stop"], cwd=PROJECT, env=env, capture_output=True, check=False)
    shutil.rmtree(home, ignore_errors=True)


def wait_for(url: str, server: subprocess.Popen[str], timeout: float = 300) -> httpx.Response:
    deadline = time.monotonic() + timeout
    while True:
        try:
            return httpx.get(url, timeout=5)
        except httpx.TransportError:
            assert server.poll() is None, f"`hub run` exited with {server.returncode}"
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def jvm_pid(home: str) -> int | None:
    pid_file = Path(home) / "run" / "neo4j.json"
    if not pid_file.exists():
        return None
    import json

    return int(json.loads(pid_file.read_text())["pid"])


def test_run_serves_graphql_readiness_follows_neo4j_and_stop_cleans_up(
    hub_env: dict[str, str],
) -> None:
    base = f"http://127.0.0.1:{hub_env['HUB_PORT']}"
    server = subprocess.Popen(
        [*HUB, "run"],
        cwd=PROJECT,
        env=hub_env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        assert wait_for(f"{base}/healthz", server).status_code == 200
        answer = httpx.post(f"{base}/graphql", json={"query": "{ __typename }"}, timeout=10)
        assert answer.json() == {"data": {"__typename": "Query"}}
        assert httpx.get(f"{base}/readyz", timeout=10).status_code == 200
        pid = jvm_pid(hub_env["NEO4J_LOCAL_HOME"])
        assert pid is not None

        subprocess.run(
            [*HUB, "neo4j", "stop"], cwd=PROJECT, env=hub_env, check=True, capture_output=True
        )
        not_ready = httpx.get(f"{base}/readyz", timeout=30)
        assert not_ready.status_code == 503
        assert not_ready.json() == {"status": "unavailable"}  # the reason goes to the log only

        stopped = subprocess.run(
            [*HUB, "stop"], cwd=PROJECT, env=hub_env, check=True, capture_output=True, text=True
        )
        assert "API" in stopped.stdout
        server.wait(timeout=60)
        assert not is_running(pid)
    finally:
        if server.poll() is None:
            server.send_signal(signal.SIGINT)
            server.wait(timeout=60)
        assert server.stdout is not None
        output = server.stdout.read()
        server.stdout.close()
        print(output)
    assert "GraphiQL: http://127.0.0.1:" in output
