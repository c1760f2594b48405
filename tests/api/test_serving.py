"""`hub serve` with several workers: each listens on a socket of its own, so connections spread.

The bench measured uvicorn's shared socket leaving one worker with most keep-alive connections
(up to 16 of 16); these tests pin what replaced it, against real worker processes and Neo4j.
"""

from __future__ import annotations

import http.client
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest

from tests.live_hub import answers
from tests.neo4j_server import Neo4jServer
from tests.ports import free_port
from tests.processes import is_running

PROJECT = Path(__file__).resolve().parents[2]
WORKERS = 2
GRAPHQL_HEADERS = {"Content-Type": "application/json"}


def hub_serve(env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "api.cli", "serve"],
        cwd=PROJECT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )


@pytest.fixture
def serve_env(neo4j_server: Neo4jServer, tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "HUB_"))}
    return env | {
        "NEO4J_URI": neo4j_server.uri,
        "NEO4J_USER": neo4j_server.user,
        "NEO4J_PASSWORD": neo4j_server.password,
        "NEO4J_LOCAL_HOME": str(tmp_path / "neo4j"),
        "HUB_SEED_ON_START": "false",
        "HUB_PORT": str(free_port()),
        "HUB_WORKERS": str(WORKERS),
        "HUB_ACCESS_LOG": "false",
    }


@pytest.fixture
def served(serve_env: dict[str, str]) -> Iterator[tuple[subprocess.Popen[str], int]]:
    server = hub_serve(serve_env)
    port = int(serve_env["HUB_PORT"])
    try:
        wait_for_listeners(server, port, WORKERS)
        yield server, port
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGKILL)
        server.wait(timeout=30)
        assert server.stdout is not None
        print(server.stdout.read())
        server.stdout.close()


def listeners(server: subprocess.Popen[str], port: int) -> dict[int, set[str]]:
    """Each worker's listening sockets on `port`, named by inode (equal inodes: one socket)."""
    found: dict[int, set[str]] = {}
    for worker in psutil.Process(server.pid).children(recursive=True):
        try:  # a worker may exit between the calls: it then listens on nothing
            inodes = {
                os.readlink(f"/proc/{worker.pid}/fd/{connection.fd}")
                for connection in worker.net_connections(kind="tcp")
                if connection.status == psutil.CONN_LISTEN and connection.laddr.port == port
            }
        except (psutil.NoSuchProcess, FileNotFoundError):
            continue
        if inodes:
            found[worker.pid] = inodes
    return found


def wait_for_listeners(
    server: subprocess.Popen[str], port: int, count: int, timeout: float = 60
) -> dict[int, set[str]]:
    deadline = time.monotonic() + timeout
    while True:
        assert server.poll() is None, f"`hub serve` exited with {server.returncode}"
        found = listeners(server, port)
        if len(found) == count and answers(port):
            return found
        assert time.monotonic() < deadline, f"listeners after {timeout}s: {found}"
        time.sleep(0.2)


def test_every_worker_listens_on_a_socket_of_its_own_and_gets_connections(
    served: tuple[subprocess.Popen[str], int],
) -> None:
    server, port = served
    sockets = listeners(server, port)
    assert [len(inodes) for inodes in sockets.values()] == [1] * WORKERS
    assert len(set.union(*sockets.values())) == WORKERS, "the workers share one socket"

    # Keep-alive connections opened together, as a client's pool opens them: each stays with
    # the worker that accepted it. By the kernel's hash, 32 all landing on one worker has
    # a chance of 2 in 2**32.
    clients = [http.client.HTTPConnection("127.0.0.1", port, timeout=10) for _ in range(32)]
    try:
        for client in clients:
            client.request("POST", "/graphql", '{"query": "{ __typename }"}', GRAPHQL_HEADERS)
        for client in clients:
            answer = client.getresponse()
            assert (answer.status, answer.read()) == (200, b'{"data":{"__typename":"Query"}}')
        held = {
            pid: sum(
                connection.status == psutil.CONN_ESTABLISHED and connection.laddr.port == port
                for connection in psutil.Process(pid).net_connections(kind="tcp")
            )
            for pid in sockets
        }
        assert sum(held.values()) == len(clients)
        assert min(held.values()) > 0, f"one worker holds every connection: {held}"
    finally:
        for client in clients:
            client.close()

    workers = list(sockets)
    os.kill(server.pid, signal.SIGTERM)
    assert server.wait(timeout=30) == 0
    assert not any(is_running(pid) for pid in workers)
    assert server.stdout is not None
    log = server.stdout.read()
    assert f"Uvicorn running on http://127.0.0.1:{port}" in log
    assert "POST /graphql" not in log, "HUB_ACCESS_LOG=false still logs every request"


def test_a_worker_that_dies_is_replaced_by_one_with_its_own_socket(
    served: tuple[subprocess.Popen[str], int],
) -> None:
    server, port = served
    before = listeners(server, port)
    killed = next(iter(before))
    os.kill(killed, signal.SIGKILL)

    deadline = time.monotonic() + 60
    while (after := listeners(server, port)).keys() == before.keys() or len(after) < WORKERS:
        assert time.monotonic() < deadline, f"no replacement for {killed}: {after}"
        time.sleep(0.2)

    assert killed not in after
    assert len(set.union(*after.values())) == WORKERS
    assert answers(port)


def test_a_port_already_listened_on_stops_the_start_with_uvicorns_startup_failure(
    serve_env: dict[str, str],
) -> None:
    port = int(serve_env["HUB_PORT"])
    with socket.socket() as taken:
        # SO_REUSEPORT on the squatter too: the workers' own binds would succeed beside it.
        taken.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        taken.bind(("127.0.0.1", port))
        taken.listen()
        server = hub_serve(serve_env)
        output, _ = server.communicate(timeout=60)

    assert server.returncode == 3, output
    assert f"cannot listen on 127.0.0.1:{port}" in output
    assert "Started parent process" not in output


def test_sigterm_stops_every_worker_while_an_event_stream_is_open(
    serve_env: dict[str, str],
) -> None:
    """An SSE subscriber never ends its request; uvicorn's graceful shutdown waited for it
    without end, so `hub serve` ignored SIGTERM for as long as anyone was subscribed."""
    server = hub_serve(serve_env | {"HUB_SHUTDOWN_GRACE": "1"})
    port = int(serve_env["HUB_PORT"])
    try:
        workers = list(wait_for_listeners(server, port, WORKERS))
        stream = socket.create_connection(("127.0.0.1", port), timeout=30)
        body = b'{"query": "subscription { entityChanged { id } }"}'
        stream.sendall(
            b"POST /graphql HTTP/1.1\r\nHost: hub\r\nAccept: text/event-stream\r\n"
            b"Content-Type: application/json\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body)
        )
        assert stream.recv(4096).startswith(b"HTTP/1.1 200"), "the stream did not open"

        os.kill(server.pid, signal.SIGTERM)
        assert server.wait(timeout=60) == 0
        assert not any(is_running(pid) for pid in workers)
        stream.settimeout(10)
        while stream.recv(4096):  # the worker closed the stream on its way out
            pass
        stream.close()
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=30)
        assert server.stdout is not None
        server.stdout.close()
