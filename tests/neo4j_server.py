"""Finding a real Neo4j for the test session: NEO4J_URI, else Docker, else the local launcher."""

from __future__ import annotations

import os
import secrets
import shutil
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from graph.neo4j_local import LocalNeo4j, LocalNeo4jConfig

PROJECT = Path(__file__).resolve().parents[1]
DOCKER_IMAGE = "neo4j:5.26-community"


@dataclass(frozen=True, slots=True)
class Neo4jServer:
    uri: str
    user: str
    password: str
    origin: str


@contextmanager
def neo4j_for_tests() -> Iterator[Neo4jServer]:
    uri = os.environ.get("NEO4J_URI")
    if uri:
        yield Neo4jServer(
            uri,
            os.environ.get("NEO4J_USER", "neo4j"),
            os.environ.get("NEO4J_PASSWORD", "neo4j"),
            "NEO4J_URI",
        )
    elif _docker_answers():
        with _container() as server:
            yield server
    else:
        with _local() as server:
            yield server


def _docker_answers() -> bool:
    """Ask the engine's `/_ping` directly: cheap, leak-free, and false when no engine runs."""
    host = os.environ.get("DOCKER_HOST", "unix:///var/run/docker.sock")
    try:
        if host.startswith("unix://"):
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
                connection.settimeout(3)
                connection.connect(host.removeprefix("unix://"))
                connection.sendall(b"GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n")
                status_line = connection.recv(1024).split(b"\r\n", 1)[0]
                return status_line.startswith(b"HTTP/1.") and b" 200" in status_line
        target = urlsplit(host)
        with socket.create_connection((target.hostname or "", target.port or 2375), timeout=3):
            return True
    except OSError:
        return False


@contextmanager
def _container() -> Iterator[Neo4jServer]:
    from testcontainers.community.neo4j import Neo4jContainer

    password = secrets.token_hex(16)
    with Neo4jContainer(DOCKER_IMAGE, password=password) as container:
        yield Neo4jServer(container.get_connection_url(), "neo4j", password, "testcontainers")


@contextmanager
def _local() -> Iterator[Neo4jServer]:
    home = PROJECT / ".neo4j" / f"test-{os.getpid()}"
    password = secrets.token_hex(16)
    server = LocalNeo4j(
        LocalNeo4jConfig(home=home, password=password, bolt_port=0, heap="768m", pagecache="512m")
    )
    status = server.start(attached=True)
    try:
        assert status.uri is not None
        yield Neo4jServer(status.uri, "neo4j", password, "local launcher")
    finally:
        server.stop()
        shutil.rmtree(home, ignore_errors=True)
