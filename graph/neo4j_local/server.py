"""Running Neo4j Community from Maven jars as a child JVM, with no orphan left behind.

The JVM runs in its own process group and its pid is recorded beside its data, so `stop`
finds exactly this server (checked against its command line) and never matches by process
name. Started `attached`, the JVM also receives SIGTERM from the kernel when the starting
process dies (Linux `PR_SET_PDEATHSIG`), so a killed test run or `hub run` cannot leak it.
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from neo4j import GraphDatabase
from neo4j.exceptions import AuthError, ServiceUnavailable

from graph.neo4j_local.classpath import resolve_classpath
from graph.neo4j_local.processes import process_stat
from graph.neo4j_local.startup_errors import PortInUseError, StartupFailedError
from graph.neo4j_local.tools import find_java

ENTRY_POINT = "org.neo4j.server.CommunityEntryPoint"
BOLT_KEEP_ALIVE = "STREAMING"
"""Bolt keep-alive NOOPs only while a result streams (Neo4j's default is ALL requests).

With ALL, Neo4j also sends clients the hint `connection.recv_timeout_seconds` (120 s), and
the Python driver then wraps every socket read in `wait_for` with that timeout: a task and
a timer per read, about 0.2-0.4 ms of the 2-3 ms of Python a small read costs the hub. The
hub and its Neo4j sit on one host or network, where a dead peer shows up as a closed socket;
the driver checks connections idle for 30 s before reuse (graph/database/driver.py). Same setting in
docker-compose.yml."""
TRANSACTION_TIMEOUT = "2m"
"""`db.transaction.timeout`: no transaction runs unbounded, even one that names no limit."""
ADMIN_TOOL = "org.neo4j.cli.AdminTool"
JVM_FLAGS = (
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+UnlockExperimentalVMOptions",
    "-XX:+TrustFinalNonStaticFields",
    "-XX:+DisableExplicitGC",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Dlog4j2.disable.jmx=true",
    "-Dfile.encoding=UTF-8",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/java.lang=ALL-UNNAMED",
    "--add-opens=java.base/java.util=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
)
PR_SET_PDEATHSIG = 1


@dataclass(frozen=True, slots=True)
class LocalNeo4jConfig:
    """Where and how to run one local server; `bolt_port=0` picks a free port."""

    home: Path
    password: str
    bolt_port: int = 7687
    heap: str = "1g"
    pagecache: str = "1g"
    java_home: str | None = None
    startup_timeout: float = 120.0


@dataclass(frozen=True, slots=True)
class ServerStatus:
    running: bool
    pid: int | None = None
    bolt_port: int | None = None

    @property
    def uri(self) -> str | None:
        return f"bolt://127.0.0.1:{self.bolt_port}" if self.bolt_port else None


class LocalNeo4j:
    """Start, stop and inspect one Neo4j server living under `config.home`."""

    def __init__(self, config: LocalNeo4jConfig) -> None:
        self.config = config
        self.home = config.home.resolve()
        self._pid_file = self.home / "run" / "neo4j.json"
        self._process: subprocess.Popen[bytes] | None = None

    def status(self) -> ServerStatus:
        recorded = self._read_pid_file()
        if recorded is None:
            return ServerStatus(running=False)
        pid, port = recorded
        if not self._is_our_jvm(pid):
            self._pid_file.unlink(missing_ok=True)
            return ServerStatus(running=False)
        return ServerStatus(running=True, pid=pid, bolt_port=port)

    def start(self, *, attached: bool = False) -> ServerStatus:
        """Start the server and return once Bolt answers; a no-op when it already runs."""
        current = self.status()
        if current.running:
            return current
        if len(self.config.password) < 8 or self.config.password.startswith("-"):
            raise StartupFailedError(
                "the Neo4j password must have at least 8 characters and not start with '-'"
            )
        java = find_java(self.config.java_home)
        classpath = resolve_classpath(self.home.parent / "maven")
        port = self.config.bolt_port or _free_port()
        _require_free_port(port)
        self._write_config(port)
        self._set_initial_password(java, classpath)
        process = self._spawn(java, classpath, attached=attached)
        self._process = process
        self._write_pid_file(process.pid, port)
        try:
            self._wait_until_ready(process, port)
        except BaseException:
            self._terminate(process.pid)
            raise
        return ServerStatus(running=True, pid=process.pid, bolt_port=port)

    def stop(self, timeout: float = 30.0) -> bool:
        """Stop the server if it runs; return whether there was one to stop."""
        current = self.status()
        if not current.running or current.pid is None:
            return False
        self._terminate(current.pid, timeout)
        return True

    def kill(self) -> bool:
        """Crash the server: SIGKILL, no shutdown, as a power cut would (the fault tests).

        The data survives as a crash leaves it; `start` recovers it. False when not running.
        """
        current = self.status()
        if not current.running or current.pid is None:
            return False
        with contextlib.suppress(ProcessLookupError):
            os.killpg(current.pid, signal.SIGKILL)
        self._terminate(current.pid, timeout=10)
        return True

    def _terminate(self, pid: int, timeout: float = 30.0) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and _alive(pid):
            time.sleep(0.1)
        if _alive(pid):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(pid, signal.SIGKILL)
            while _alive(pid):
                time.sleep(0.05)
        if self._process is not None and self._process.pid == pid:
            self._process.wait()
            self._process = None
        self._pid_file.unlink(missing_ok=True)

    def _write_config(self, port: int) -> None:
        for folder in ("conf", "data", "logs", "run", "plugins", "import"):
            (self.home / folder).mkdir(parents=True, exist_ok=True)
        settings = {
            "server.default_listen_address": "127.0.0.1",
            "server.bolt.listen_address": f"127.0.0.1:{port}",
            "server.bolt.advertised_address": f"127.0.0.1:{port}",
            "server.http.enabled": "false",
            "server.https.enabled": "false",
            "server.memory.heap.initial_size": self.config.heap,
            "server.memory.heap.max_size": self.config.heap,
            "server.memory.pagecache.size": self.config.pagecache,
            "dbms.security.auth_enabled": "true",
            "dbms.usage_report.enabled": "false",
            "server.directories.data": str(self.home / "data"),
            "server.directories.logs": str(self.home / "logs"),
            "server.directories.run": str(self.home / "run"),
            "server.directories.plugins": str(self.home / "plugins"),
            "server.directories.import": str(self.home / "import"),
            "db.tx_log.rotation.retention_policy": "2 files",
            # A backstop for transactions that set no limit of their own (seeding, the CLI);
            # the API's set theirs by class (graph/database/time_limits.py). Same in
            # docker-compose.yml.
            "db.transaction.timeout": TRANSACTION_TIMEOUT,
            # See `BOLT_KEEP_ALIVE`: NOOPs while a result streams, but no receive-timeout hint.
            "server.bolt.connection_keep_alive_for_requests": BOLT_KEEP_ALIVE,
            # Netty otherwise idles 5 s twice on shutdown; a local server has nothing to drain.
            "internal.dbms.bolt.netty_server_shutdown_quiet_period": "0",
        }
        lines = [f"{key}={value}" for key, value in settings.items()]
        (self.home / "conf" / "neo4j.conf").write_text("\n".join(lines) + "\n", encoding="utf-8")

    def _set_initial_password(self, java: Path, classpath: str) -> None:
        """Neo4j accepts an initial password only before the first start of a data folder."""
        if (self.home / "data" / "dbms" / "auth.ini").exists():
            return
        completed = subprocess.run(
            [
                str(java),
                "-cp",
                classpath,
                ADMIN_TOOL,
                "dbms",
                "set-initial-password",
                self.config.password,
            ],
            env={**os.environ, "NEO4J_HOME": str(self.home), "NEO4J_CONF": str(self.home / "conf")},
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
        )
        if completed.returncode != 0:
            raise StartupFailedError(
                f"could not set Neo4j's initial password: {completed.stderr.strip()[-1000:]}"
            )

    def _spawn(self, java: Path, classpath: str, *, attached: bool) -> subprocess.Popen[bytes]:
        command = [
            str(java),
            f"-Xms{self.config.heap}",
            f"-Xmx{self.config.heap}",
            *JVM_FLAGS,
            "-cp",
            classpath,
            ENTRY_POINT,
            f"--home-dir={self.home}",
            f"--config-dir={self.home / 'conf'}",
            "--console-mode",
        ]
        log = (self.home / "logs" / "console.log").open("ab")
        try:
            return subprocess.Popen(
                command,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                cwd=self.home,
                start_new_session=True,
                preexec_fn=_die_with_parent() if attached else None,
            )
        finally:
            log.close()

    def _wait_until_ready(self, process: subprocess.Popen[bytes], port: int) -> None:
        uri = f"bolt://127.0.0.1:{port}"
        deadline = time.monotonic() + self.config.startup_timeout
        last_error: Exception | None = None
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise StartupFailedError(
                    f"Neo4j exited with code {process.returncode} while starting; "
                    f"last lines of {self.home / 'logs' / 'console.log'}:\n{self._log_tail()}"
                )
            try:
                with GraphDatabase.driver(uri, auth=("neo4j", self.config.password)) as driver:
                    driver.verify_connectivity()
                return
            except AuthError as error:
                raise StartupFailedError(
                    f"Neo4j under {self.home} rejects the configured password; its data was "
                    "created with another one. Use that password or delete the folder."
                ) from error
            except (ServiceUnavailable, OSError) as error:
                last_error = error
                time.sleep(0.25)
        raise StartupFailedError(
            f"Neo4j did not answer on {uri} within {self.config.startup_timeout:.0f}s "
            f"({last_error}); see {self.home / 'logs'}:\n{self._log_tail()}"
        )

    def _log_tail(self, lines: int = 20) -> str:
        log = self.home / "logs" / "console.log"
        if not log.is_file():
            return "(no log)"
        return "\n".join(log.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])

    def _write_pid_file(self, pid: int, port: int) -> None:
        self._pid_file.parent.mkdir(parents=True, exist_ok=True)
        self._pid_file.write_text(json.dumps({"pid": pid, "bolt_port": port}), encoding="utf-8")

    def _read_pid_file(self) -> tuple[int, int] | None:
        try:
            recorded = json.loads(self._pid_file.read_text(encoding="utf-8"))
            return int(recorded["pid"]), int(recorded["bolt_port"])
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def _is_our_jvm(self, pid: int) -> bool:
        """True only for a live JVM started on this home: a recycled pid must not be killed."""
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        except OSError:
            return _alive(pid) and sys.platform != "linux"
        return f"--home-dir={self.home}".encode() in cmdline


def _alive(pid: int) -> bool:
    """True while the process runs; a zombie (dead, not yet reaped by its parent) is dead."""
    try:
        waited, _ = os.waitpid(pid, os.WNOHANG)
        if waited == pid:
            return False
    except ChildProcessError:
        pass
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    stat = process_stat(pid)
    return stat is None or stat.running


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _require_free_port(port: int) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError as error:
            raise PortInUseError(
                f"port {port} on 127.0.0.1 is already in use, so Neo4j cannot listen there; "
                "stop what holds it or choose another port (NEO4J_LOCAL_BOLT_PORT)."
            ) from error


def _die_with_parent() -> Callable[[], None] | None:
    """A pre-exec hook asking Linux to SIGTERM the JVM when its parent dies."""
    if sys.platform != "linux":
        return None
    libc = ctypes.CDLL(None, use_errno=True)

    def arm() -> None:
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)

    return arm
