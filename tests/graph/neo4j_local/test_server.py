"""The local launcher against real JVMs: lifecycle, idempotence, clear failures, no orphans."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from neo4j import GraphDatabase

from graph.neo4j_local import (
    JavaNotFoundError,
    LocalNeo4j,
    LocalNeo4jConfig,
    MavenNotFoundError,
    PortInUseError,
)
from graph.neo4j_local.server import TRANSACTION_TIMEOUT
from graph.neo4j_local.tools import find_java, find_maven
from tests.processes import is_running

PROJECT = Path(__file__).resolve().parents[3]
PASSWORD = "launcher-test-pw"


def small_config(home: Path, port: int = 0) -> LocalNeo4jConfig:
    return LocalNeo4jConfig(
        home=home, password=PASSWORD, bolt_port=port, heap="384m", pagecache="64m"
    )


@pytest.fixture(scope="module")
def server() -> Iterator[LocalNeo4j]:
    home = PROJECT / ".neo4j" / f"launcher-test-{os.getpid()}"
    launcher = LocalNeo4j(small_config(home))
    yield launcher
    launcher.stop()
    shutil.rmtree(home, ignore_errors=True)


def test_start_serves_bolt_and_second_start_is_a_no_op(server: LocalNeo4j) -> None:
    first = server.start(attached=True)
    second = server.start(attached=True)

    assert first.running
    assert first.pid is not None
    assert first.uri is not None
    assert second == first
    with GraphDatabase.driver(first.uri, auth=("neo4j", PASSWORD)) as driver:
        records, _, _ = driver.execute_query("RETURN 40 + 2 AS answer")
    assert records[0]["answer"] == 42


def test_the_server_sends_no_receive_timeout_hint(server: LocalNeo4j) -> None:
    """With the hint the Python driver wraps every socket read in a timed task (BOLT_KEEP_ALIVE)."""
    started = server.start(attached=True)
    assert started.uri is not None
    with (
        GraphDatabase.driver(started.uri, auth=("neo4j", PASSWORD)) as driver,
        driver.session() as session,
    ):
        result = session.run("RETURN 1 AS one")
        hints = session._connection.connection_hints  # type: ignore[union-attr]
        assert result.single(strict=True)["one"] == 1
    assert "connection.recv_timeout_seconds" not in hints


def test_no_transaction_runs_unbounded(server: LocalNeo4j) -> None:
    """`db.transaction.timeout` is set: a backstop for transactions naming no limit."""
    started = server.start(attached=True)
    assert started.uri is not None
    with GraphDatabase.driver(started.uri, auth=("neo4j", PASSWORD)) as driver:
        records, _, _ = driver.execute_query(
            "SHOW SETTINGS YIELD name, value WHERE name = 'db.transaction.timeout' RETURN value"
        )
    assert records[0]["value"] == TRANSACTION_TIMEOUT


def test_status_reports_the_running_server(server: LocalNeo4j) -> None:
    started = server.start(attached=True)
    assert server.status() == started


def test_start_on_a_port_in_use_fails_clearly(server: LocalNeo4j, tmp_path: Path) -> None:
    busy = server.start(attached=True).bolt_port
    assert busy is not None
    other = LocalNeo4j(small_config(tmp_path / "other", port=busy))

    with pytest.raises(PortInUseError, match=f"port {busy} .* already in use"):
        other.start()
    assert not other.status().running


def test_stop_ends_the_jvm_and_a_second_stop_is_a_no_op(server: LocalNeo4j) -> None:
    pid = server.start(attached=True).pid
    assert pid is not None

    assert server.stop() is True
    assert server.stop() is False
    assert not server.status().running
    assert not is_running(pid)


def test_missing_java_is_reported_clearly(tmp_path: Path) -> None:
    with pytest.raises(JavaNotFoundError, match="Java 17 or later is needed"):
        find_java(java_home=str(tmp_path / "no-jdk"), search_path=str(tmp_path))


def test_missing_maven_is_reported_clearly(tmp_path: Path) -> None:
    with pytest.raises(MavenNotFoundError, match=r"Maven .* is needed"):
        find_maven(search_path=str(tmp_path))


def test_killed_parent_leaves_no_orphan_jvm(tmp_path: Path) -> None:
    home = PROJECT / ".neo4j" / f"orphan-test-{os.getpid()}"
    script = textwrap.dedent(
        f"""
        import sys, time
        from pathlib import Path
        from graph.neo4j_local import LocalNeo4j, LocalNeo4jConfig
        config = LocalNeo4jConfig(home=Path({str(home)!r}), password={PASSWORD!r},
                                  bolt_port=0, heap="384m", pagecache="64m")
        status = LocalNeo4j(config).start(attached=True)
        print(status.pid, flush=True)
        time.sleep(600)
        """
    )
    parent = subprocess.Popen(
        [sys.executable, "-c", script], cwd=PROJECT, stdout=subprocess.PIPE, text=True
    )
    assert parent.stdout is not None
    jvm_pid = int(parent.stdout.readline())
    assert Path(f"/proc/{jvm_pid}").exists()

    parent.send_signal(signal.SIGKILL)
    parent.wait()
    parent.stdout.close()

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and is_running(jvm_pid):
        time.sleep(0.2)
    assert not is_running(jvm_pid)
    assert not LocalNeo4j(small_config(home)).status().running
    shutil.rmtree(home, ignore_errors=True)


def test_free_port_probe_agrees_with_the_os() -> None:
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        with pytest.raises(PortInUseError):
            LocalNeo4j(small_config(PROJECT / ".neo4j" / "never-started", port=port)).start()
