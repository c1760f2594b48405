"""Starting and stopping the two GraphQL servers under test, and watching their memory.

Each server runs in its own process group so that stopping it (by its pid, never by name) also
stops uvicorn's or node:cluster's workers.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import psutil

from api.serving import APP

PROJECT = Path(__file__).resolve().parents[1]
PEER_DIR = PROJECT / "bench" / "peer"


@dataclass(slots=True)
class Server:
    """One running server: its process, the URL to POST GraphQL to, and its memory so far."""

    name: str
    url: str
    process: subprocess.Popen[bytes]
    log: Path
    peak_total_rss: int = 0
    peak_process_rss: int = 0
    last_total_rss: int = 0
    last_process_rss: int = 0

    def sample_memory(self) -> None:
        """Total RSS of the process tree, and the largest single process (one worker)."""
        try:
            root = psutil.Process(self.process.pid)
            processes = [root, *root.children(recursive=True)]
            sizes = []
            for process in processes:
                with contextlib.suppress(psutil.Error):
                    sizes.append(process.memory_info().rss)
        except psutil.Error:
            return
        self.last_total_rss = sum(sizes)
        self.last_process_rss = max(sizes, default=0)
        self.peak_total_rss = max(self.peak_total_rss, self.last_total_rss)
        self.peak_process_rss = max(self.peak_process_rss, self.last_process_rss)

    def cpu_seconds(self) -> float:
        """User + system CPU of the whole process tree so far."""
        return tree_cpu_seconds(self.process.pid)

    def stop(self) -> None:
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)


def run_checked(command: Sequence[str], *, cwd: Path, env: Mapping[str, str] | None = None) -> None:
    """Run a command to completion; a failure raises with the tail of its output."""
    done = subprocess.run(
        list(command),
        cwd=cwd,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        output = (done.stdout + done.stderr)[-2000:]
        raise RuntimeError(f"`{' '.join(command)}` in {cwd} failed:\n{output}")


def tree_cpu_seconds(pid: int) -> float:
    """CPU time of a process and its live children (what a run costs, read before and after)."""
    total = 0.0
    try:
        root = psutil.Process(pid)
        for process in [root, *root.children(recursive=True)]:
            with contextlib.suppress(psutil.Error):
                times = process.cpu_times()
                total += times.user + times.system
    except psutil.Error:
        return 0.0
    return total


def listening_pid(port: int) -> int | None:
    """The process that listens on a local TCP port (the Neo4j JVM behind a Bolt URI)."""
    pids = listening_pids(port)
    return min(pids) if pids else None


def listening_pids(port: int) -> set[int]:
    """Every process that listens on a local TCP port: a hub's workers each open their own
    socket on it (api/serving.py)."""
    pids: set[int] = set()
    with contextlib.suppress(psutil.Error):
        for connection in psutil.net_connections(kind="tcp"):
            address, pid = connection.laddr, connection.pid
            if pid is None or connection.status != psutil.CONN_LISTEN:
                continue
            if isinstance(address, tuple) and address and address[1] == port:
                pids.add(int(pid))
    return pids


def _spawn(
    name: str, command: Sequence[str], env: Mapping[str, str], log: Path, cwd: Path, port: int
) -> subprocess.Popen[bytes]:
    with socket.socket() as probe:
        if probe.connect_ex(("127.0.0.1", port)) == 0:
            raise RuntimeError(f"port {port} is taken: {name} would measure someone else's server")
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("wb") as output:
        return subprocess.Popen(
            list(command),
            cwd=cwd,
            env={**os.environ, **env},
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def start_hub(
    *,
    port: int,
    workers: int,
    neo4j_env: Mapping[str, str],
    extra_env: Mapping[str, str],
    log: Path,
    app: str = APP,
    name: str = "hub",
    project: Path = PROJECT,
) -> Server:
    """The hub served as `hub serve` serves it. `app` serves a variant of the app (the floor is
    `bench.floorapp:app`, served the same way); `project` another checkout with its own venv
    (the A/B run's hub at another commit, bench/abhub.py)."""
    command = [str(project / ".venv" / "bin" / "python"), "-m", "bench.serve_hub", app]
    serving = {
        "HUB_HOST": "127.0.0.1",
        "HUB_PORT": str(port),
        "HUB_WORKERS": str(workers),
        "HUB_LOG_LEVEL": "warning",
        "HUB_ACCESS_LOG": "false",
    }
    env = {
        **neo4j_env,
        **serving,
        "HUB_SEED_ON_START": "false",
        "HUB_RATE_LIMIT_PER_MINUTE": "0",
        **extra_env,
    }
    path = "/" if app.startswith("bench.floorapp") else "/graphql"
    server = Server(
        name, f"http://127.0.0.1:{port}{path}", _spawn(name, command, env, log, project, port), log
    )
    _wait_ready(server, lambda client: client.get(f"http://127.0.0.1:{port}/readyz"))
    return server


def start_peer(*, port: int, workers: int, neo4j_env: Mapping[str, str], log: Path) -> Server:
    if not (PEER_DIR / "node_modules").is_dir():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=PEER_DIR, check=True)
    env = {
        **neo4j_env,
        "PEER_PORT": str(port),
        "PEER_WORKERS": str(workers),
        "NODE_ENV": "production",  # as @neo4j/graphql and Apollo are deployed
    }
    server = Server(
        "peer",
        f"http://127.0.0.1:{port}/",
        _spawn("peer", ["node", "server.js"], env, log, PEER_DIR, port),
        log,
    )
    _wait_ready(server, lambda client: client.post(server.url, json={"query": "{ __typename }"}))
    return server


def _wait_ready(
    server: Server, probe: Callable[[httpx.Client], httpx.Response], timeout: float = 60.0
) -> None:
    deadline = time.monotonic() + timeout
    with httpx.Client(timeout=2.0) as client:
        while time.monotonic() < deadline:
            if server.process.poll() is not None:
                raise RuntimeError(f"{server.name} exited; see {server.log}")
            with contextlib.suppress(httpx.HTTPError):
                if probe(client).status_code == 200:
                    return
            time.sleep(0.3)
    server.stop()
    raise RuntimeError(f"{server.name} was not ready within {timeout:.0f}s; see {server.log}")


@dataclass
class MemoryWatch:
    """Samples every server's RSS twice a second in a background thread while the bench runs."""

    servers: list[Server]
    interval: float = 0.5
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    def __enter__(self) -> MemoryWatch:
        self._thread = threading.Thread(target=self._run, name="rss-watch", daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        for server in self.servers:
            server.sample_memory()

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            for server in self.servers:
                server.sample_memory()
