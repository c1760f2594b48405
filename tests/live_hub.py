"""A real hub (`hub serve` in its own process) over the test Neo4j, for clients outside Python.

Browsers, Node GraphQL clients and multi-worker tests talk HTTP to a served hub rather than
to the ASGI app in-process, so they see exactly what a deployment sends: headers, streaming,
compression, worker processes.
"""

from __future__ import annotations

import http.client
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.neo4j_server import Neo4jServer
from tests.ports import free_port

PROJECT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True, slots=True)
class LiveHub:
    port: int
    process: subprocess.Popen[str]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def graphql(self) -> str:
        return f"{self.url}/graphql"


def hub_env(neo4j_server: Neo4jServer, **settings: str) -> dict[str, str]:
    """The test process's environment without its own NEO4J_/HUB_ settings, pointed at the
    test Neo4j, plus `settings` (e.g. HUB_WORKERS="2")."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "HUB_"))}
    return (
        env
        | {
            "NEO4J_URI": neo4j_server.uri,
            "NEO4J_USER": neo4j_server.user,
            "NEO4J_PASSWORD": neo4j_server.password,
            "HUB_SEED_ON_START": "false",
            "HUB_PORT": str(free_port()),
            "HUB_ACCESS_LOG": "false",
        }
        | settings
    )


@contextmanager
def live_hub(env: Mapping[str, str], timeout: float = 60) -> Iterator[LiveHub]:
    """Serve the hub with `env` until the block ends; its output is printed on the way out."""
    process = subprocess.Popen(
        [sys.executable, "-m", "api.cli", "serve"],
        cwd=PROJECT,
        env=dict(env),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    hub = LiveHub(int(env["HUB_PORT"]), process)
    output: list[str] = []
    reader = threading.Thread(target=_drain, args=(process, output), daemon=True)
    reader.start()
    try:
        _wait_until_ready(hub, timeout)
        yield hub
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=15)
        reader.join(timeout=15)
        print("".join(output))


def _drain(process: subprocess.Popen[str], output: list[str]) -> None:
    """Read the hub's output while it runs, for printing at the end.

    Read only at the end, a pipe holds 64 KiB: a hub logging through an outage (a failed
    probe five times a second) filled it within a minute, then blocked in its next log call
    and stopped answering, which a test then saw as requests hanging.
    """
    assert process.stdout is not None
    with process.stdout:
        output.extend(process.stdout)


def _wait_until_ready(hub: LiveHub, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not answers(hub.port):
        assert hub.process.poll() is None, f"`hub serve` exited with {hub.process.returncode}"
        assert time.monotonic() < deadline, f"the hub did not answer /healthz in {timeout}s"
        time.sleep(0.1)


def answers(port: int) -> bool:
    """The hub on `port` says it is alive (`/healthz` answers 200)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        connection.request("GET", "/healthz")
        return connection.getresponse().status == 200
    except OSError:
        return False
    finally:
        connection.close()
